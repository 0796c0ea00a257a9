"""The workspace holds redacted text (and whatever redaction missed) and the list of erased
people: it must be private on disk, and it must not be usable with another key, which would
silently undo ``reflect forget``."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reflect import frames as F
from reflect.errors import ConfigError
from reflect.keys import load_key, pseudonym
from reflect.workspace import Workspace, forget

OTHER_KEY = b"c0ffee15badd00d5feedfacedeadbeef0123456789abcdef1f2e3d4c5b6a7988"


def _modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir() if p.is_file()}


def _fill(folder: Path, key: bytes) -> None:
    with Workspace(folder, key) as ws:
        run = ws.start_run()
        texts = ["a redacted answer about mentoring", "another one about hybrid work"]
        hashes = [F.text_hash(t) for t in texts]
        ws.put_redactions({f"k{i}": (t, "") for i, t in enumerate(texts)})
        ws.put_embeddings("m", hashes, np.ones((2, 4), dtype=np.float32))
        ws.record_reflections([pseudonym("E1", key), pseudonym("E2", key)], hashes, run)
        ws.finish_run(run, 2)


def test_attack_workspace_files_are_private_to_their_owner(tmp_path):
    # The cache was world-readable (0644) and holds whatever redaction missed.
    ws = tmp_path / "ws"
    _fill(ws, load_key())
    assert stat.S_IMODE(ws.stat().st_mode) == 0o700
    assert set(_modes(ws).values()) == {0o600}
    forget(ws, "E1", load_key())  # the database is rewritten; a STALE note is added
    assert stat.S_IMODE(ws.stat().st_mode) == 0o700
    assert "STALE" in _modes(ws) and set(_modes(ws).values()) == {0o600}


def test_an_existing_workspace_left_readable_is_made_private_when_opened(tmp_path):
    ws = tmp_path / "ws"
    _fill(ws, load_key())
    ws.chmod(0o755)
    (ws / "cache.duckdb").chmod(0o644)
    with Workspace(ws, load_key()):
        pass
    assert stat.S_IMODE(ws.stat().st_mode) == 0o700
    assert set(_modes(ws).values()) == {0o600}


def test_attack_a_workspace_refuses_another_key(tmp_path):
    ws = tmp_path / "ws"
    _fill(ws, load_key())
    with pytest.raises(ConfigError, match="another pseudonymisation key"):
        Workspace(ws, OTHER_KEY)
    # forget with another key would erase nobody and record a pseudonym matching nobody
    with pytest.raises(ConfigError, match="another pseudonymisation key"):
        forget(ws, "E1", OTHER_KEY)
    with Workspace(ws, load_key()) as workspace:  # the right key still opens it
        assert not workspace.erased()
        # the fingerprint is one-way: neither the key nor a prefix of it is stored
        data = b"".join(p.read_bytes() for p in ws.iterdir() if p.is_file())
        assert load_key()[:16] not in data


def test_a_workspace_reopened_with_its_key_serves_caches_at_once(tmp_path):
    # The key check's query left its result half-read, and the next cache lookup on the
    # connection failed ("unfinished result"): library callers re-running on a workspace.
    ws = tmp_path / "ws"
    with Workspace(ws, load_key()):
        pass
    with Workspace(ws, load_key()) as workspace:
        assert workspace.get_redactions(["no such key"]) == {}


def test_a_workspace_without_a_key_check_still_serves_caches(tmp_path):
    with Workspace(tmp_path / "ws") as ws:
        ws.put_embeddings("m", ["h"], np.ones((1, 4), dtype=np.float32))
        assert ws.get_embeddings("m", ["h"])


def _reflect(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from reflect.cli.main import app; app()", *args],
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.mark.model
def test_attack_key_rotation_cannot_undo_reflect_forget(tiny_csv, tiny_roster, tmp_path):
    # After `reflect forget`, a run with another key (a new HOME, a new REFLECT_KEY_FILE)
    # gave everyone new pseudonyms, so the erased person was counted again, silently.
    env = {k: v for k, v in os.environ.items() if k != "REFLECT_KEY"}
    env["REFLECT_KEY_FILE"] = str(tmp_path / "keys" / "first")
    ws, out = tmp_path / "ws", tmp_path / "out"
    analyse = ["analyse", str(tiny_csv), "--roster", str(tiny_roster), "--workspace", str(ws)]
    analyse += ["--out", str(out), "-k", "2", "--format", "json", "--quiet"]
    first = _reflect(*analyse, env=env)
    assert first.returncode == 0, first.stderr
    before = json.loads((out / "report.json").read_text())["n_participants"]
    erased = _reflect("forget", "E10003", "--workspace", str(ws), "-q", env=env)
    assert erased.returncode == 0, erased.stderr
    # Next to the first report, a re-run without them would expose them: the release ledger
    # refuses it (exit 1) and the first report stays (tests/test_privacy_attacks.py).
    again = _reflect(*analyse, env=env)
    assert again.returncode == 1 and "reflect forget" in again.stderr

    env["REFLECT_KEY_FILE"] = str(tmp_path / "keys" / "second")  # another key
    rotated = _reflect(*analyse, env=env)
    assert rotated.returncode == 2
    assert rotated.stderr.count("\n") == 1 and "another pseudonymisation key" in rotated.stderr
    assert "--workspace NEW_FOLDER" in rotated.stderr
    assert json.loads((out / "report.json").read_text())["n_participants"] == before


def test_attack_the_user_cache_never_falls_back_to_a_shared_predictable_path(tmp_path):
    # With an unwritable cache folder, the cache moved to /tmp/reflect-<uid>/, where another
    # user could plant a place list or a model file before our first run.
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    shared_tmp = tmp_path / "tmp"
    planted = shared_tmp / f"reflect-{os.getuid()}" / "data"
    planted.mkdir(parents=True)
    (planted / "places-v1.json").write_text('["planted"]')
    code = (
        "import json, pathlib, stat; from reflect import user_cache as u\n"
        "value = u.cached_json('places-v1.json', lambda: ['built'])\n"
        "folder = u.writable(u.cache_root() / 'data')\n"
        "print(json.dumps([value, str(folder), stat.S_IMODE(folder.parent.stat().st_mode)]))"
    )
    env = {**os.environ, "REFLECT_CACHE_DIR": str(blocked / "cache"), "TMPDIR": str(shared_tmp)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    value, folder, mode = json.loads(done.stdout)
    assert value == ["built"]
    assert Path(folder).parent != planted.parent and mode == 0o700
    assert "cannot be written" in done.stderr  # the analyst is told the cache is not kept
