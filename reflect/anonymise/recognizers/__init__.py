"""Recognizers: one file each, registered by name. A recognizer is built from a
``RecognizerContext`` and maps a batch of texts to spans per text; it never redacts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from reflect.anonymise.spans import Span
from reflect.registry import Registry
from reflect.roster import Roster


@dataclass(frozen=True)
class RecognizerContext:
    roster: Roster | None = None
    settings: dict = field(default_factory=dict)  # models/patterns.toml, parsed


class Recognizer(Protocol):
    name: str

    def find(self, texts: Sequence[str]) -> list[list[Span]]: ...


recognizers: Registry[type] = Registry("recognizer", __name__)
