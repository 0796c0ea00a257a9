"""Stage 6 — report: render a ``SafeReport`` in each requested format. A format is one file
in ``reflect/report/formats/`` that registers a ``ReportFormat`` (its file name and a function
from the report to text or bytes) in ``report_formats``; formats see only the privacy stage's
output.

``write_reports(report, out_dir, formats)`` replaces the output set of ``out_dir`` as a whole:
every file is rendered and written (fsync'd) into a staging folder first, and only when all
succeeded does the staging folder take the place of ``out_dir`` (``reflect.atomic``). A
failure never leaves half-written outputs, and a reader never sees this run's report.json
next to an earlier run's themes.csv. A folder that also holds files reflect did not write
(``--out .``) is not swapped: the new files replace their namesakes one by one, and report
files of earlier runs that this run did not produce are removed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reflect import atomic
from reflect.privacy.model import SafeReport
from reflect.registry import Registry

__all__ = ["ReportFormat", "output_names", "report_formats", "write_reports"]


@dataclass(frozen=True)
class ReportFormat:
    file_name: str  # e.g. "report.html"
    render: Callable[[SafeReport], str | bytes]


report_formats: Registry[ReportFormat] = Registry("report format", "reflect.report.formats")


def output_names() -> set[str]:
    """The file names any report format writes (what makes a folder an output set)."""
    return {fmt.file_name for _, fmt in report_formats.items()}


def check_output_folder(out_dir: Path) -> None:
    """Fail now, naming the folder, if reports could not be written there: before the
    analysis, not after it."""
    from reflect.errors import ConfigError

    try:
        shutil.rmtree(atomic.staging_folder(Path(out_dir)))
    except OSError as err:
        raise ConfigError(f"--out {out_dir}: cannot write reports there ({err.strerror})") from None


def write_reports(report: SafeReport, out_dir: Path, names: Sequence[str]) -> list[Path]:
    chosen = [report_formats.get(name) for name in names]  # unknown formats fail before writing
    out_dir = Path(out_dir)
    staging = atomic.staging_folder(out_dir)
    try:
        for fmt in chosen:
            content = fmt.render(report)
            if isinstance(content, bytes):
                atomic.write_bytes(staging / fmt.file_name, content)
            else:
                atomic.write_text(staging / fmt.file_name, content)
        new = list(dict.fromkeys(fmt.file_name for fmt in chosen))
        if _holds_only_outputs(out_dir):
            atomic.replace_folder(staging, out_dir)
        else:
            _replace_files(staging, out_dir, new)
        return [out_dir / name for name in new]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _holds_only_outputs(folder: Path) -> bool:
    if not folder.exists():
        return True
    known = output_names()
    return folder.is_dir() and all(p.name in known and p.is_file() for p in folder.iterdir())


def _replace_files(staging: Path, folder: Path, new: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in new:
        os.replace(staging / name, folder / name)
    for stale in output_names() - set(new):
        (folder / stale).unlink(missing_ok=True)
    atomic.fsync_folder(folder)
