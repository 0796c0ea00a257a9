"""reflect.atomic and write_reports: a file or an output set appears whole or not at all."""

from __future__ import annotations

import os
import stat

import pytest
from report_samples import sample_report

from reflect import atomic
from reflect.report import ReportFormat, report_formats, write_reports


def test_when_written_then_the_content_is_there_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "deep" / "file.txt"
    atomic.write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in target.parent.iterdir()] == ["file.txt"]


def test_when_a_writer_fails_half_way_then_the_old_file_is_untouched(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic.open_atomic(target) as handle:
        handle.write("half of the new")
        raise RuntimeError("disk on fire")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


def test_when_two_writes_of_one_file_overlap_then_their_temporary_files_differ(tmp_path):
    target = tmp_path / "file.txt"
    with atomic.open_atomic(target) as first, atomic.open_atomic(target) as second:
        assert first.name != second.name
        first.write("first")
        second.write("second")
    assert target.read_text() == "first"  # the last to finish wins, whole


def test_when_written_then_the_file_and_its_folder_are_fsynced(tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def spy(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    atomic.write_bytes(tmp_path / "f.bin", b"\x00")
    assert synced == [False, True]  # the file before the rename, the folder after


def test_when_permissions_are_given_then_the_file_has_them(tmp_path):
    path = atomic.write_text(tmp_path / "secret", "x", permissions=0o600)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_when_a_run_writes_fewer_formats_then_the_earlier_outputs_go(tmp_path):
    out = tmp_path / "out"
    write_reports(sample_report(), out, ["html", "csv", "parquet"])
    write_reports(sample_report(), out, ["json"])
    assert [p.name for p in out.iterdir()] == ["report.json"]


def test_when_one_format_fails_then_the_earlier_output_set_is_untouched(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_reports(sample_report(), out, ["json", "csv"])
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(report):
        raise RuntimeError("renderer bug")

    monkeypatch.setitem(report_formats._items, "md", ReportFormat("report.md", broken))
    with pytest.raises(RuntimeError):
        write_reports(sample_report(), out, ["json", "md"])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left


def test_when_the_folder_holds_other_files_then_they_stay(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    write_reports(sample_report(), tmp_path, ["csv", "json"])
    write_reports(sample_report(), tmp_path, ["json"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "report.json"]
