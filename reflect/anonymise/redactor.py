"""Turn detected spans into typed placeholders such as ``[PERSON]``."""

from __future__ import annotations

from collections.abc import Collection

from reflect.anonymise.spans import SCREEN_ONLY, Span, merge_spans
from reflect.frames import PLACEHOLDER

# Quasi-identifiers are for screening: replacing every "the only ... in finance" would gut
# the text, so they stay unless a caller asks for them to go.
KEEP_BY_DEFAULT: frozenset[str] = SCREEN_ONLY


def redact(text: str, spans: list[Span], keep: Collection[str] = KEEP_BY_DEFAULT) -> str:
    pieces, cursor = [], 0
    for span in merge_spans([s for s in spans if s.label not in keep], text):
        pieces.append(text[cursor : span.start])
        pieces.append(PLACEHOLDER.format(label=span.label))
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)
