"""Detection results, kept apart from redaction (as Presidio splits analyzer and anonymizer):
recognizers only report spans; the redactor decides what to do with them."""

from __future__ import annotations

from dataclasses import dataclass

# Labels reported for privacy screening but not replaced unless a caller asks.
QUASI_IDENTIFIER = "QUASI_IDENTIFIER"
SCREEN_ONLY = frozenset({QUASI_IDENTIFIER})


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    label: str  # PERSON, EMAIL, PHONE, EMPLOYEE_ID, HANDLE, URL, ..., QUASI_IDENTIFIER
    score: float = 1.0
    source: str = ""  # the recognizer that found it, for audits and benchmarks

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def merge_spans(spans: list[Span], text: str | None = None) -> list[Span]:
    """Resolve overlaps: overlapping spans become one covering span, labelled by the most
    confident (then longest) of them, so nothing detected can survive redaction. With the
    text, two PERSON spans separated by one space ("Priya" "Shah") become one."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        last = merged[-1] if merged else None
        joined = (
            last is not None
            and text is not None
            and last.label == span.label == "PERSON"
            and text[last.end : span.start] == " "
        )
        if last is not None and (span.start < last.end or joined):
            best = max((last, span), key=lambda s: (s.score, s.end - s.start))
            merged[-1] = Span(
                last.start, max(last.end, span.end), best.label, best.score, best.source
            )
        else:
            merged.append(span)
    return merged
