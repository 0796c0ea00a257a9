"""The shared spaCy pipeline, loaded once per process with only the components a caller needs
(the full pipeline is several times slower than NER or parsing alone), from package files
checked against ``models/manifest.json``."""

from __future__ import annotations

import sys
from functools import lru_cache

from reflect.model_files import SPACY_MODEL, verified_spacy_dir

__all__ = [
    "NER",
    "PARSER",
    "SPACY_MODEL",
    "import_spacy",
    "import_spacy_without_torch",
    "load_spacy",
    "without_torch_in_spacy",
]

_ALL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
NER = ("ner",)  # redaction: entities only
PARSER = ("parser", "lemmatizer")  # phrase candidates: parse, parts of speech and lemmas


@lru_cache(maxsize=4)
def load_spacy(needs: tuple[str, ...] = NER):
    verified_spacy_dir()
    import spacy

    keep = set(needs)
    if "lemmatizer" in keep:
        keep |= {"tagger", "attribute_ruler"}
    # The tagger and parser listen to the shared tok2vec; the NER has its own, so an NER-only
    # pipeline without it gives the same entities in two thirds of the time.
    if keep & {"tagger", "parser"}:
        keep.add("tok2vec")
    return spacy.load(SPACY_MODEL, exclude=[c for c in _ALL if c not in keep])


def import_spacy_without_torch() -> None:
    """Import spaCy, keeping torch out of it: spaCy's thinc imports torch, when installed,
    only to offer it as a backend, and spaCy's CPU pipelines never use it. Saves about 1.2 s
    of CPU and 300 MB. torch itself stays importable (the sentence-transformers backend and
    the ONNX export import it directly); only thinc's optional torch support is off in this
    process. So it is done only in processes reflect owns whole: its worker processes, and
    the ``reflect`` command once ``without_torch_in_spacy`` has said so. A program that
    imports reflect as a library keeps spaCy as it is."""
    if "spacy" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # so `import torch` fails in thinc
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["torch"]


# The one process-wide choice here, made by a process's owner at start-up (the ``reflect``
# command's entry point), read by ``import_spacy``.
_torch_in_spacy = True


def without_torch_in_spacy() -> None:
    """For the entry point of a program that is reflect alone: spaCy, once reflect imports it,
    comes without torch."""
    global _torch_in_spacy
    _torch_in_spacy = False


def import_spacy() -> None:
    """Import spaCy now (the pipeline does, before its stages): without torch if this
    process's owner asked for it."""
    if _torch_in_spacy:
        import spacy  # noqa: F401
    else:
        import_spacy_without_torch()
