from __future__ import annotations

import os
import stat

import pytest

from reflect.anonymise.pseudonyms import KEY_ENV, create_key, key_path, load_key, pseudonym
from reflect.errors import ConfigError


def test_when_no_key_exists_then_one_is_created_private_and_reused():
    assert not key_path().exists()
    key = load_key()
    assert key_path().exists()
    assert stat.S_IMODE(os.stat(key_path()).st_mode) == 0o600
    assert load_key() == key


def test_when_the_key_is_missing_and_creation_is_off_then_it_is_an_error():
    with pytest.raises(ConfigError):
        load_key(create=False)


def test_when_the_env_var_is_set_then_it_overrides_the_key_file(monkeypatch):
    from_file = load_key()
    monkeypatch.setenv(KEY_ENV, "a-batch-job-key-of-some-length")
    assert load_key() == b"a-batch-job-key-of-some-length"
    assert pseudonym("E10482", load_key()) != pseudonym("E10482", from_file)


def test_when_the_env_key_is_too_short_then_it_is_refused(monkeypatch):
    monkeypatch.setenv(KEY_ENV, "short")
    with pytest.raises(ConfigError):
        load_key()


def test_when_the_key_is_rotated_then_pseudonyms_change_and_stay_stable_after():
    old = pseudonym("E10482", load_key())
    create_key()
    new = pseudonym("E10482", load_key())
    assert new != old
    assert pseudonym("E10482", load_key()) == new
    assert new.startswith("P-") and len(new) == 12


def test_when_ids_differ_only_in_case_or_spaces_then_pseudonyms_match():
    key = load_key()
    assert pseudonym(" e10482 ", key) == pseudonym("E10482", key)
