"""Stage 6 — report: write a ``SafeReport`` in each requested format. Writers are one file
each, registered by name; they receive only the privacy stage's output.

``write_reports(report, out_dir, formats)`` writes everything into a temporary folder first
and moves the files into ``out_dir`` only when all of them succeeded, so a failure never
leaves half-written outputs and never touches what was there before.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from reflect.privacy.model import SafeReport
from reflect.registry import Registry

__all__ = ["write_reports", "writers"]

# A writer renders the report into a folder and returns the files it wrote.
Writer = Callable[[SafeReport, Path], list[Path]]
writers: Registry[Writer] = Registry("report format", "reflect.report.formats")


def write_reports(report: SafeReport, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    chosen = [writers.get(name) for name in formats]  # unknown formats fail before writing
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        written = [path for writer in chosen for path in writer(report, staging)]
        out_dir.mkdir(exist_ok=True)
        final = []
        for path in written:
            target = out_dir / path.name
            path.replace(target)
            final.append(target)
        return final
    finally:
        shutil.rmtree(staging, ignore_errors=True)
