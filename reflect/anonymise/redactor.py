"""Turn detected spans into typed placeholders such as ``[PERSON]``."""

from __future__ import annotations

from reflect.anonymise.spans import Span, merge_spans

PLACEHOLDER = "[{label}]"


def redact(text: str, spans: list[Span]) -> str:
    pieces, cursor = [], 0
    for span in merge_spans(spans):
        pieces.append(text[cursor : span.start])
        pieces.append(PLACEHOLDER.format(label=span.label))
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)
