"""Right to erasure: ``reflect forget`` removes every byte of a participant's redacted texts
and vectors from the workspace, and later runs leave them out."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from reflect import frames as F
from reflect.anonymise import load_key, pseudonym
from reflect.errors import DisclosureRefused
from reflect.workspace import STALE, Workspace, drop_erased, forget, owner_tag

GONE_TEXTS = [
    "Quillfeather spoke about the marmalade committee and its peculiar agenda",
    "Another reflection about the zeppelin hangar and the octarine wallpaper",
]
KEPT_TEXT = "We talked about hybrid working and the three office days rule at length"


def _vector(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).random(16, dtype=np.float32) + 1


def _files_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _fill(folder: Path, key: bytes) -> None:
    with Workspace(folder) as ws:
        run = ws.start_run()
        texts = {"E100": GONE_TEXTS, "E200": [KEPT_TEXT]}
        for number, (person, own) in enumerate(texts.items()):
            hashes = [F.text_hash(t) for t in own]
            ws.put_redactions({f"key-{person}-{i}": (t, "") for i, t in enumerate(own)})
            ws.put_embeddings(
                "m", hashes, np.stack([_vector(number * 10 + i) for i in range(len(own))])
            )
            ws.record_reflections([pseudonym(person, key)] * len(own), hashes, run)
        ws.finish_run(run, 3)


def test_when_forgotten_then_no_byte_of_their_texts_or_vectors_remains(tmp_path):
    key = load_key()
    ws = tmp_path / "ws"
    _fill(ws, key)
    before = _files_bytes(ws)
    assert GONE_TEXTS[0].encode() in before  # the check below is meaningful
    # Without the key, the workspace does not tell which texts share an author.
    assert pseudonym("E100", key).encode() not in before
    with Workspace(ws) as workspace:
        tags = [t for (t,) in workspace.db.execute("SELECT tag FROM owners").fetchall()]
    assert len(tags) == len(set(tags)) == 3
    erasure = forget(ws, " e100 ", key)  # ids are matched as pseudonyms are: trimmed, any case
    assert (erasure.reflections, erasure.redactions, erasure.embeddings) == (2, 2, 2)
    after = _files_bytes(ws)
    for text in GONE_TEXTS:
        assert text.encode() not in after
        assert text.split()[0].encode() not in after
    for i in range(2):
        assert _vector(i).tobytes()[:16] not in after
    assert KEPT_TEXT.encode() in after  # others are untouched
    with Workspace(ws) as workspace:
        assert pseudonym("E100", key) in workspace.erased()
        assert workspace.get_embeddings("m", [F.text_hash(KEPT_TEXT)])
        assert "erased" in workspace.stale_note()
    assert "E100" not in after.decode("latin-1")  # the raw id is never stored


def test_when_a_run_finishes_then_the_stale_marker_goes(tmp_path):
    key = load_key()
    _fill(tmp_path, key)
    forget(tmp_path, "E100", key)
    assert (tmp_path / STALE).exists()
    with Workspace(tmp_path) as ws:
        ws.finish_run(ws.start_run(), 1)
    assert not (tmp_path / STALE).exists()


@pytest.mark.parametrize("typed", ["E-100", "e_100", "E100"])
def test_an_id_typed_with_another_separator_forgets_the_same_person(tmp_path, typed):
    # ingest reads "E-100" and "E100" as one person, spelt as the export spells it most
    key = load_key()
    _fill(tmp_path, key)
    assert forget(tmp_path, typed, key).reflections == 2
    with Workspace(tmp_path) as workspace:
        assert pseudonym("E100", key) in workspace.erased()
        assert pseudonym("E200", key) not in workspace.erased()


def test_erased_participants_are_dropped_before_redaction():
    key = b"k" * 32
    frame = pd.DataFrame({F.PARTICIPANT: ["E1", "E2", "e1 "], F.TEXT: ["a", "b", "c"]})
    kept = drop_erased(frame, {pseudonym("E1", key)}, key)
    assert kept[F.PARTICIPANT].tolist() == ["E2"]


def test_forget_command(reflect_cli, tmp_path):
    _fill(tmp_path, load_key())
    code, _, err = reflect_cli("forget", "E100", "--workspace", str(tmp_path))
    assert code == 0 and "erased 2 reflection(s)" in err and "E100" not in err
    assert err.count("\n") == 1


def test_forget_erases_phrase_vectors_in_the_form_the_phrase_finder_writes(tmp_path):
    # "sign off chain", from "sign-off chains", stayed confirmable from the file (red team,
    # stop 41)
    key = load_key()
    text = "The sign-off chains in our unit were slow"
    phrase = "sign off chain"
    with Workspace(tmp_path) as ws:
        run = ws.start_run()
        ws.put_redactions({"k1": (text, "")})
        ws.put_embeddings("m", [F.text_hash(text), F.text_hash(phrase)], np.stack([_vector(1)] * 2))
        ws.record_reflections([pseudonym("E7", key)], [F.text_hash(text)], run)
        ws.finish_run(run, 1)
    forget(tmp_path, "E7", key)
    with Workspace(tmp_path) as ws:
        assert ws.get_embeddings("m", [F.text_hash(phrase)]) == {}


def test_forget_takes_their_taught_answers_out_of_the_review_file(reflect_cli, tmp_path):
    # `reflect themes teach` keeps answers, redacted, in the review file: an erased person's
    # stayed there (code review, stop 39)
    from reflect.review.edits import Review
    from reflect.review.files import load_review, save_review

    _fill(tmp_path / "ws", load_key())
    review = tmp_path / "reflect-review.toml"
    taught = {"hybrid": {"confirm": [GONE_TEXTS[0], KEPT_TEXT], "reject": [GONE_TEXTS[1]]}}
    save_review(Review(teaching=taught), review)
    code, _, err = reflect_cli(
        "forget", "E100", "--workspace", str(tmp_path / "ws"), "--review", str(review)
    )
    assert code == 0 and "2 taught answer(s)" in err
    left = load_review(review).teaching["hybrid"]
    assert left["confirm"] == [KEPT_TEXT] and left["reject"] == []
    assert GONE_TEXTS[0].split()[0] not in review.read_text(encoding="utf-8")


def test_forget_of_an_id_with_no_answers_here_says_so(reflect_cli, tmp_path):
    # "erased 0 reflection(s)" with exit 0 hid a mistyped id (red team, stop 41)
    _fill(tmp_path, load_key())
    code, _, err = reflect_cli("forget", "E999", "--workspace", str(tmp_path), "--quiet")
    assert code == 0 and "no answers of that id" in err and "E999" not in err


def test_forget_without_a_workspace_is_one_line_and_exit_2(reflect_cli, tmp_path):
    code, _, err = reflect_cli("forget", "E1", "--workspace", str(tmp_path / "no"))
    assert code == 2 and err.count("\n") == 1 and "no reflect workspace" in err


@pytest.mark.model
def test_when_forgotten_then_a_rerun_reports_without_them(tiny_csv, tiny_roster, tmp_path):
    from reflect.config import Config
    from reflect.pipeline import analyse

    ws = tmp_path / "ws"
    config = Config(roster=tiny_roster, workspace=ws, min_group_size=2)
    first = analyse(tiny_csv, config).report
    key = load_key()
    with Workspace(ws) as workspace:
        owners = workspace.db.execute("SELECT tag, text_hash FROM owners").fetchall()
        mine = {h for tag, h in owners if tag == owner_tag(key, pseudonym("E10003", key), h)}
        # Only the texts nobody else wrote: shared sentences come back from others' rows.
        shared = {h for h in mine if sum(1 for _, other in owners if other == h) > 1}
        theirs = workspace.db.execute(
            "SELECT e.vector, r.redacted FROM embeddings e JOIN redactions r "
            "ON sha256(r.redacted) = e.text_hash WHERE list_contains($hashes, e.text_hash)",
            {"hashes": sorted(mine - shared)},
        ).fetchall()
    assert theirs  # their session-1 answer carries planted data, so it is theirs alone
    forget(ws, "E10003", load_key())
    # Next to the first report, a report without them would expose them (the release ledger):
    # refused until enough people have changed. Their data is gone all the same.
    from reflect.errors import DisclosureRefused

    with pytest.raises(DisclosureRefused, match="reflect forget"):
        analyse(tiny_csv, config)
    assert first.n_participants == 24
    data = _files_bytes(ws)
    for vector, redacted in theirs:
        assert redacted.encode() not in data
        assert np.asarray(vector, dtype=np.float32).tobytes()[:16] not in data


def test_when_another_run_holds_the_workspace_then_the_error_says_so(tmp_path):
    import subprocess

    from reflect.errors import WorkspaceBusyError

    database = str(tmp_path / "cache.duckdb")
    hold = f"import duckdb, time; c = duckdb.connect({database!r}); print('ok', flush=True); "
    holder = subprocess.Popen(
        [sys.executable, "-c", hold + "time.sleep(30)"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(WorkspaceBusyError, match="in use by another reflect run"):
            Workspace(tmp_path)
    finally:
        holder.kill()
        holder.wait()


def test_forget_loads_no_language_model(tmp_path):
    # One HMAC per person: `reflect forget` must not pay for spaCy or torch (issue 17).
    import os
    import subprocess

    _fill(tmp_path, load_key())
    code = (
        "import sys; from reflect.cli.main import app; "
        f"sys.argv = ['reflect', 'forget', 'E100', '--workspace', {str(tmp_path)!r}, '-q']\n"
        "try:\n    app()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "print(sorted({'spacy', 'torch', 'sentence_transformers', 'onnxruntime'} "
        "& set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ)
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.model
def test_a_forgotten_persons_sentences_leave_the_cache_too(tmp_path):
    # The themes embed each sentence of an answer on its own, cached by a plain hash of the
    # sentence: all of one person's stayed after a forget (red team, stop 40).
    from reflect.config import Config
    from reflect.pipeline import analyse
    from reflect.themes.assign import split_sentences

    firsts = ["The rota", "Our budget", "The new intranet", "My inbox", "The quarterly review"]
    seconds = ["needs fixing", "felt rushed", "kept me busy", "was a surprise", "went well"]
    rows = ["Participant ID,Role,What did you notice?"]
    for i in range(12):
        text = f"{firsts[i % 5]} {seconds[i % 4]} this week. I want {i + 2} more practice rounds."
        rows.append(f"E{100 + i},{'mentor' if i % 2 else 'mentee'},{text}")
    export = tmp_path / "export.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ws = tmp_path / "ws"
    analyse(export, Config(workspace=ws, min_group_size=2))
    text = rows[4].split(",", 2)[2]  # E103's answer, redacted as written
    pieces = {F.text_hash(s) for s in split_sentences(text)} - {F.text_hash(text)}

    def cached() -> set[str]:
        with Workspace(ws) as workspace:
            found = workspace.db.execute(
                "SELECT text_hash FROM embeddings WHERE list_contains($h, text_hash)",
                {"h": sorted(pieces)},
            ).fetchall()
        return {h for (h,) in found}

    assert len(pieces) == 2 and cached() == pieces
    forget(ws, "E103", load_key())
    assert not cached()


@pytest.mark.model
def test_forget_finds_the_spelling_ingest_kept_however_the_id_is_typed(tmp_path):
    # Ingest kept "E10-3" (typed so four times, "E103" twice); `forget E103` erased nobody
    # and the next run counted them (red team, stop 41).
    from reflect.config import Config
    from reflect.pipeline import analyse

    rows = ["Participant ID,Role,What did you notice?"]
    for i in range(12):
        ids = ["E10-3"] * 4 + ["E103"] * 2 if i == 3 else [f"E{100 + i}"]
        for n, typed in enumerate(ids):
            rows.append(f"{typed},mentee,The rota needs fixing before spring {i} {n}.")
    export = tmp_path / "export.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ws = tmp_path / "ws"
    assert analyse(export, Config(workspace=ws, min_group_size=2)).report.n_participants == 12
    assert forget(ws, "E103", load_key()).reflections == 6
    again = export.read_text(encoding="utf-8").replace("E10-3,", "E1-03,")  # spelt anew
    export.write_text(again, encoding="utf-8")
    from reflect.ingest import read_reflections

    with Workspace(ws) as workspace:
        kept = drop_erased(read_reflections(export), workspace.erased(), load_key())
    assert kept[F.PARTICIPANT].nunique() == 11


@pytest.mark.model
def test_forget_finds_the_id_ingest_read_an_id_typed_short_as(tmp_path):
    # "E86954" and "86954" beside a programme of "E0nnnnn" ids are ingest's "E086954";
    # `forget E86954` erased nobody (red team, stop 42)
    from reflect.config import Config
    from reflect.pipeline import analyse

    rows = ["Participant ID,Role,What did you notice?"]
    for i in range(12):
        for n, typed in enumerate(["E086954", "86954"] if i == 3 else [f"E0{70000 + i}"]):
            rows.append(f"{typed},mentee,The rota needs fixing before spring {i} {n}.")
    export = tmp_path / "export.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ws = tmp_path / "ws"
    assert analyse(export, Config(workspace=ws, min_group_size=2)).report.n_participants == 12
    assert forget(ws, "C86954", load_key()).reflections == 0  # another prefix: nobody
    assert forget(ws, "E86954", load_key()).reflections == 2
    with pytest.raises(DisclosureRefused, match="no longer in the export"):  # they are gone
        analyse(export, Config(workspace=ws, min_group_size=2))


def test_an_ids_number_is_kept_with_scheme_letters_only():
    from reflect.workspace.erasure import number_shape

    key = b"k" * 32
    assert number_shape(key, "SC086954")[1] == '["sc", 6]'
    assert number_shape(key, "smith123") is None  # letters that may be a name stay off disk
