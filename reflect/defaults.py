"""Defaults that several parts of reflect share, in one place and importable for free (the
command line reads them to print its help without loading anything else)."""

from __future__ import annotations

from pathlib import Path

MIN_GROUP_SIZE = 5  # k: the fewest distinct participants behind any reported figure
# A difference of share smaller than this (percentage points) is not worth a sentence in a
# report's summary, nor called a rise or a fall by ``reflect compare``.
NOTABLE_SHIFT = 0.05
FORMATS = ("html", "md", "json", "csv")
REVIEW_FILE = Path("reflect-review.toml")  # the analyst's theme review in the working folder
WORKSPACE = Path(".reflect")
OUT = Path("out")
