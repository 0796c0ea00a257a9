"""Detection results, kept apart from redaction (as Presidio splits analyzer and anonymizer):
recognizers only report spans; the redactor decides what to do with them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    label: str  # PERSON, EMAIL, PHONE, EMPLOYEE_ID, HANDLE, URL, ...
    score: float = 1.0
    source: str = ""  # the recognizer that found it, for audits and benchmarks

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def merge_spans(spans: list[Span]) -> list[Span]:
    """Resolve overlaps: overlapping spans become one covering span, labelled by the most
    confident (then longest) of them, so nothing detected can survive redaction."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            best = max((last, span), key=lambda s: (s.score, s.end - s.start))
            merged[-1] = Span(
                last.start, max(last.end, span.end), best.label, best.score, best.source
            )
        else:
            merged.append(span)
    return merged
