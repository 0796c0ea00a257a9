"""The workspace: an embedded DuckDB file of per-text caches, so a re-run only does the work
that is new. It holds redacted text, keyed hashes and vectors only — never raw text, names
or participant ids.

Tables
- ``redactions(key, redacted, labels)``: key = HMAC(key, redaction fingerprint + raw text)
- ``embeddings(model, text_hash, vector)``: text_hash = sha256(redacted text)
- ``owners(tag, text_hash, run_id)``: whose texts the caches hold, written by the pipeline
  after redaction so that ``forget`` can find a person's rows. tag = HMAC(key, pseudonym +
  text hash), different for every text: without the key the workspace does not even tell
  which texts share an author, yet with the key ``forget`` recognises a person's rows.
- ``parses(text_hash, context, payload)``: the phrase candidates of each redacted text (JSON),
  so a re-run parses only new texts; context = the parsing code's and spaCy's versions and the
  question's words (see ``themes/parse_cache.py``)
- ``runs(run_id, started_at, finished_at, reflections)``: when each analysis ran
- ``erased(pseudonym, erased_at)``: people erased with ``reflect forget``; the pipeline drops
  their rows before redaction on every later run, so re-running on the same export does not
  bring them back. A pseudonym means nothing without the key.

Erasure (``forget``) deletes every row of a person from every table: their ``owners`` rows,
rows whose ``text_hash`` is one of their texts (any table with that column, so later caches
following the convention are covered), rows whose ``pseudonym`` is theirs, and redactions whose
redacted text hashes to one of theirs. A text two people wrote identically ("nothing much")
goes from the caches too and is simply recomputed for the other person. DuckDB may keep
deleted values in free blocks of the file, so the database is then copied into a fresh file
that replaces the old one, and a ``STALE`` marker tells the next run (and the analyst) that
reports produced before the erasure still include the person.

The key and the files
- ``settings(name, value)`` holds ``key_fingerprint``: a one-way keyed value of the key the
  workspace was made with (``reflect.keys.fingerprint``). A workspace opened with another key
  is refused: under another key every pseudonym changes, so ``erased`` would match nobody and
  forgotten people would be counted again. To start afresh, point ``--workspace`` at a new
  folder (or delete this one) — and remove erased people from the export first.
- The folder is private (0700) and every file in it 0600: the cache holds redacted text, and
  with it whatever redaction missed.
"""

from __future__ import annotations

from reflect.workspace.erasure import STALE, Erasure, drop_erased, forget, owner_tag
from reflect.workspace.store import Workspace

__all__ = ["STALE", "Erasure", "Workspace", "drop_erased", "forget", "owner_tag"]
