"""The pseudonymisation key (``reflect.keys``): created exclusively and privately, refused when
it protects nothing (empty, short, not random, readable by others, stored beside the data)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reflect.errors import ConfigError
from reflect.keys import (
    KEY_ENV,
    create_key,
    fingerprint,
    key_path,
    keyed_tag,
    load_key,
    pseudonym,
)

A_KEY = "5f0c3d7e9a1b2468ace013579bdf2468a1c3e5f708192a3b4c5d6e7f80912a3b"


def _write(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text, encoding="ascii")
    path.chmod(mode)
    return path


def test_when_no_key_exists_then_one_is_created_private_and_reused():
    assert not key_path().exists()
    key = load_key()
    assert stat.S_IMODE(os.stat(key_path()).st_mode) == 0o600
    assert len(bytes.fromhex(key.decode())) >= 32
    assert load_key() == key


def test_when_a_key_exists_then_creating_one_returns_it_and_never_overwrites_it():
    first = load_key()
    before = key_path().read_bytes()
    assert create_key(key_path()) == first  # a second "first run" gets the same key
    assert key_path().read_bytes() == before
    assert not [p for p in key_path().parent.iterdir() if p.name.startswith(".key-")]


def test_when_the_key_is_missing_and_creation_is_off_then_it_is_an_error():
    with pytest.raises(ConfigError):
        load_key(create=False)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "empty"),
        ("\n", "empty"),
        ("abc\n", "hex"),  # odd, short
        ("a-batch-job-key-of-some-length-that-is-not-hex\n", "hex"),
        (A_KEY[:62] + "\n", "31 bytes"),
        ("0" * 64 + "\n", "repeated"),
        ("ab" * 40 + "\n", "repeated"),
    ],
)
def test_attack_a_key_that_protects_nothing_is_refused(monkeypatch, tmp_path, text, why):
    # An empty key made every pseudonym reversible by hashing guessed ids.
    path = _write(tmp_path / "key", text)
    monkeypatch.setenv("REFLECT_KEY_FILE", str(path))
    with pytest.raises(ConfigError, match=why):
        load_key()
    monkeypatch.setenv(KEY_ENV, text)  # the same rule for a key given as a value
    with pytest.raises(ConfigError, match=why):
        load_key()


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620])
def test_attack_a_key_file_other_users_can_read_or_write_is_refused(monkeypatch, tmp_path, mode):
    path = _write(tmp_path / "key", A_KEY + "\n", mode)
    monkeypatch.setenv("REFLECT_KEY_FILE", str(path))
    with pytest.raises(ConfigError, match="chmod 600"):
        load_key()


def test_attack_a_key_file_inside_the_workspace_or_outputs_is_refused(monkeypatch, tmp_path):
    workspace, out = tmp_path / "ws", tmp_path / "out"
    for folder in (workspace, out):
        folder.mkdir()
        path = _write(folder / "key", A_KEY + "\n")
        monkeypatch.setenv("REFLECT_KEY_FILE", str(path))
        with pytest.raises(ConfigError, match="inside"):
            load_key(forbidden=[workspace, out])
    # ... nor may one be created there
    monkeypatch.setenv("REFLECT_KEY_FILE", str(workspace / "sub" / "new-key"))
    with pytest.raises(ConfigError, match="inside"):
        load_key(forbidden=[workspace])
    assert not (workspace / "sub" / "new-key").exists()


def test_a_good_key_in_a_file_or_the_environment_is_used(monkeypatch, tmp_path):
    path = _write(tmp_path / "key", A_KEY.upper() + "\n")
    monkeypatch.setenv("REFLECT_KEY_FILE", str(path))
    from_file = load_key()
    monkeypatch.setenv(KEY_ENV, A_KEY)
    assert load_key() == from_file == A_KEY.encode()  # case and the newline do not matter


def test_when_the_key_changes_then_pseudonyms_change_and_stay_stable_after():
    old = pseudonym("E10482", load_key())
    key_path().unlink()
    new = pseudonym("E10482", load_key())
    assert new != old
    assert pseudonym("E10482", load_key()) == new
    assert new.startswith("P-") and len(new) == 12


def test_when_ids_differ_only_in_case_or_spaces_then_pseudonyms_match():
    key = load_key()
    assert pseudonym(" e10482 ", key) == pseudonym("E10482", key)


def test_tags_and_fingerprints_depend_on_the_key_and_never_show_it():
    key, other = A_KEY.encode(), A_KEY[::-1].encode()
    assert fingerprint(key) == fingerprint(key) != fingerprint(other)
    assert keyed_tag(key, "owner", "P-1", "h") != keyed_tag(key, "ledger", "P-1", "h")
    assert A_KEY[:16] not in fingerprint(key)


def test_importing_the_keys_module_loads_nothing_outside_the_standard_library():
    code = (
        "import sys; before = set(sys.modules); import reflect.keys; "
        "print(sorted(m for m in set(sys.modules) - before "
        "if m.split('.')[0] not in sys.stdlib_module_names))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "['reflect', 'reflect.errors', 'reflect.keys']"
