"""The start of every worker process of ``reflect.parallel``. The forkserver imports this
module once and forks each worker from itself, so a worker starts with spaCy, both spaCy
pipelines and the redaction word lists already in memory (shared with the template, copy on
write) and builds its task in a fraction of a second; a spawned worker (Windows) imports it
first thing.

spaCy is imported without torch (``reflect.nlp.import_spacy_without_torch``): workers never
use it. The template then runs one invented sentence through the redaction analyzer and the
phrase parser, which loads every table they read lazily, and freezes what it holds so the
workers' garbage collector leaves those pages shared.
"""

import gc

from reflect.nlp import import_spacy_without_torch

import_spacy_without_torch()

try:
    from reflect.anonymise.analyzer import analyze_with
    from reflect.themes.candidates import GENERIC, parser

    _SAMPLE = ["Nadia Okafor from Leeds showed me the new rota on 3 May; call 07700 900123."]
    analyze_with(None, None)(_SAMPLE)
    parser(GENERIC)(_SAMPLE)
except Exception:  # noqa: BLE001
    # A model that fails its check, say: each worker then fails building its task, and the
    # work runs in the main process, which reports the error itself.
    pass
gc.freeze()
