"""The spaCy pipeline's attribute ruler and rule lemmatizer, applied by table lookups: the same
parts of speech, morphology and lemmas, in a fraction of the time.

In ``en_core_web_sm`` the attribute ruler (179 one- and two-token patterns: the tag map and its
exceptions) and the lemmatizer took 45% of the time of a parse (per 3,000 short answers, dev:
2.6 s and 1.5 s of 9.1 s): spaCy's ``Matcher`` tries every pattern at every token, and the
lemmatizer recomputes the lemma of every base form ("is_base_form" is not cached). Here each
token looks up only the patterns its lower-cased form, tag, dependency label or being a space
can start (and the two whose first token is a regex), patterns apply in the
ruler's own order with its own attribute values (later ones win, as in
``AttributeRuler.match``), and lemmas are memoised on exactly what the rule lemmatizer reads
(the word, its part of speech and morphology). ``tests/test_nlp_rules.py`` checks every
token's attributes against the pipeline's own on invented answers; a pattern this module
cannot read (an operator other than equality, ``IN``, ``NOT_IN`` and ``REGEX``) makes ``rules_for``
return None, and the pipeline's components run as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

RULED = ("attribute_ruler", "lemmatizer")
# Memoised lemmas kept at most (one per word, part of speech and morphology: a worker parsing
# 100,000 answers meets far fewer); beyond it the memo starts again.
MAX_LEMMAS = 200_000
_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")  # what the ruler's patterns read of a token


class _Unreadable(Exception):
    pass


def _check(attr: str, value) -> tuple[int, object]:
    """(column, test) for one attribute of one pattern token."""
    if attr not in _COLUMNS:
        raise _Unreadable(attr)
    column = _COLUMNS.index(attr)
    if isinstance(value, dict):
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN"):
            listed = frozenset(arg)
            return column, listed.__contains__ if op == "IN" else (lambda x: x not in listed)
        if op == "REGEX":
            return column, re.compile(arg).search
        raise _Unreadable(op)
    return column, value.__eq__


def _anchors(first: dict) -> tuple[int, list] | None:
    """The column and values a pattern's first token must have, to file the pattern under."""
    for column, attr in enumerate(_COLUMNS):
        value = first.get(attr)
        if isinstance(value, str | bool):
            return column, [value]
        if isinstance(value, dict) and "IN" in value:
            return column, list(value["IN"])
    return None


class PipelineRules:
    """Applies a pipeline's ``attribute_ruler`` and ``lemmatizer`` to docs parsed without them."""

    def __init__(self, nlp) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._array = [POS, MORPH, LEMMA]  # what the ruler sets of most tokens (LEMMA last)
        self._lemma_reads = [ORTH, POS, MORPH, LEMMA]
        ruler, self.lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
        self.strings = nlp.vocab.strings
        self.attrs, self.indices = ruler.attrs, ruler.indices
        # per column: value -> the rules whose first token needs it
        self.filed: list[dict] = [{} for _ in _COLUMNS]
        self.anywhere: list = []  # rules with no such value (a regex on their first token)
        for order in range(len(self.attrs)):
            _, patterns = ruler.matcher.get(str(order))
            for pattern in patterns:
                rule = (order, [[_check(a, v) for a, v in spec.items()] for spec in pattern])
                anchor = _anchors(pattern[0])
                if anchor is None:
                    self.anywhere.append(rule)
                    continue
                column, values = anchor
                for value in values:
                    self.filed[column].setdefault(value, []).append(rule)
        self.lemmas: dict[tuple, int] = {}

    def __call__(self, doc):
        tokens = list(doc)
        columns = (
            [t.lower_ for t in tokens],
            [t.tag_ for t in tokens],
            [t.dep_ for t in tokens],
            [t.is_space for t in tokens],
        )
        n = len(tokens)
        matches = set()
        for i in range(n):
            for column, filed in enumerate(self.filed):
                for order, checks in filed.get(columns[column][i], ()):
                    if self._matches(checks, columns, i, n):
                        matches.add((order, i, i + len(checks)))
            for order, checks in self.anywhere:
                if self._matches(checks, columns, i, n):
                    matches.add((order, i, i + len(checks)))
        # Later rules win, attribute by attribute, as when the ruler sets them one by one.
        merged: dict[int, dict] = {}
        for order, start, end in sorted(matches):
            index = self.indices[order]
            merged.setdefault(start + index if index >= 0 else end + index, {}).update(
                self.attrs[order]
            )
        self._apply(doc, tokens, merged)
        self._lemmatize(doc)
        return doc

    def _apply(self, doc, tokens, merged: dict[int, dict]) -> None:
        """The ruler's attributes: parts of speech, morphology and lemmas in one array write,
        anything else (a tag, a dependency label) token by token."""
        import numpy as np

        columns = self._array
        rows = doc.to_array(columns)
        rest = []
        for i, attrs in merged.items():
            others = {}
            for attr, value in attrs.items():
                if attr in columns:
                    rows[i, columns.index(attr)] = value
                else:
                    others[attr] = value
            if others:
                rest.append((tokens[i], others))
        doc.from_array(columns, np.asarray(rows, dtype=np.uint64))
        for token, others in rest:
            self._set(token, others)

    @staticmethod
    def _matches(checks, columns, i: int, n: int) -> bool:
        if i + len(checks) > n:
            return False
        return all(test(columns[c][i + k]) for k, spec in enumerate(checks) for c, test in spec)

    def _lemmatize(self, doc) -> None:
        """Each token's lemma as the rule lemmatizer gives it, by what it reads of a token."""
        import numpy as np

        rows = doc.to_array(self._lemma_reads)
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = self.lemmas.get(key)
                if found is None:
                    if len(self.lemmas) >= MAX_LEMMAS:
                        self.lemmas.clear()
                    text = self.lemmatizer.lemmatize(doc[i])[0]
                    found = self.lemmas[key] = self.strings.add(text)
                lemmas[i] = found
        doc.from_array(self._array[-1:], np.asarray(lemmas, dtype=np.uint64).reshape(-1, 1))


def rules_for(nlp) -> PipelineRules | None:
    """The lookups for ``nlp``, or None when it lacks these components or has a pattern this
    module cannot read."""
    if not all(name in nlp.pipe_names for name in RULED):
        return None
    if nlp.get_pipe("lemmatizer").mode != "rule":
        return None
    try:
        return PipelineRules(nlp)
    except _Unreadable:
        return None


def parse(nlp, texts: Sequence[str], batch_size: int, rules: PipelineRules | None) -> Iterator:
    """``nlp.pipe(texts)``, its ruler and lemmatizer applied by ``rules`` when there are any."""
    if rules is None:
        yield from nlp.pipe(texts, batch_size=batch_size)
        return
    for doc in nlp.pipe(texts, batch_size=batch_size, disable=list(RULED)):
        yield rules(doc)
