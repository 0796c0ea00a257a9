"""The words an emerging topic is named and described by (``emerging.py``): the phrases its
answers hold, its most typical words as label candidates, re-ranked by closeness to the topic,
and typical words its people wrote side by side shown as they wrote them."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence

import numpy as np

from reflect.themes.candidates import GENERIC, extract_candidates, prompt_words
from reflect.themes.model import Phrase
from reflect.themes.things import names_a_thing
from reflect.themes.words import folded, root, stem

Embed = Callable[[Sequence[str]], np.ndarray]

# A topic's three most typical words must be written by this share of its people.
COHERENCE = 0.3
# At most this many answers are parsed for label phrases, hash-chosen as the "programme"
# preset's ``max_parsed`` answers of a group are, so most of them are parses the themes stage
# already made. Against 3000, on the 5,854 ReflectSumm dev answers as one export (dev,
# farm-bench, 4 pairs): 0.94x the CPU, 0.96x the wall time; the themes and counts are the
# same and the labels no worse (one changed to the word most of its theme's people wrote).
LABEL_SAMPLE = 1500


# A topic's first typical words are label candidates too, counting everyone in the topic who
# wrote them: short answers ("engineer", "data engineer", "RF systems engineer") spread a
# word's people over phrases none of which k people wrote, and a phrase the topic's other
# people wrote then named it (dev, Jupyter survey: job roles labelled "tools"). Such a word
# must be close to the topic's centre and written by ``COHERENCE`` of its people: a mixed bag
# of office life is not "laugh" (dev, demo: 6 of 22 people, cosine 0.52; "engineer": 23 of
# 63, 0.83).
TYPICAL_AS_PHRASES = 3
TYPICAL_CLOSENESS = 0.5


def with_typical_words(scored, typical, words, idx, centre, embed, usable, prompt):
    """``scored`` (``family_phrases``'s) with the topic's first typical words that name a
    thing, are no phrase's generic or question word ("jupyter" in a Jupyter survey), lie close
    to the topic's centre and were written by enough of its people, each counting the topic's
    people who wrote it (a phrase already there keeps the larger count)."""
    generic = GENERIC | prompt_words(prompt)
    scored = _counting_every_form(scored, typical, words, idx)
    chosen = [
        w
        for w in typical[:TYPICAL_AS_PHRASES]
        if names_a_thing(words.display[w], words.nouns)
        and usable(words.display[w])
        and not {w, words.display[w]} & generic
    ]
    if not chosen:
        return scored
    closeness = embed([words.display[w] for w in chosen]) @ centre
    topic_people = len({words.author[s] for s in idx})
    out = list(scored)
    at = {phrase.text: n for n, (phrase, _, _) in enumerate(out)}
    for w, close in zip(chosen, closeness, strict=True):
        text, people = words.display[w], frozenset(words.users_in(w, idx))
        if close < TYPICAL_CLOSENESS or len(people) < COHERENCE * topic_people:
            continue  # "laugh" for a few of a mixed bag's people
        if text not in at:
            out.append((Phrase(text, people), float(close), len(people)))
        elif len(people) > out[at[text]][2]:
            out[at[text]] = (Phrase(text, people), out[at[text]][1], len(people))
    return out


# Typical words tried in pairs as a label people wrote ("legislation training"), among the
# topic's first this many that the report could show.
PAIRED_LABEL_WORDS = 6


def with_typical_pairs(scored, named, words, writers, people, centre, embed, min_support):
    """``scored`` with the phrases two of the topic's first typical words make where
    ``min_support`` of its people wrote them side by side, as written ("legislation training",
    "experienced caseworkers"): the engine's families fold such a phrase into its head word
    ("legislation" for all who wrote it), and a topic then reads as a keyword. ``named``: the
    typical words a label may use; ``writers``: ``WrittenAsSuch.writers``. (A typical word
    beside any other word was tried too: "use Jupyter", 157 people, swallowed two topics of a
    survey about it, dev.)"""
    from reflect.anonymise.lexicon import is_noun

    shown = [words.display[w] for w in named[:PAIRED_LABEL_WORDS]]
    have = {folded(phrase.text) for phrase, _, _ in scored}
    found = []
    for n, first in enumerate(shown):
        for second in shown[n + 1 :]:
            for text in (f"{first} {second}", f"{second} {first}"):
                who = writers(text) & people
                # A phrase ends in what it names: "deputy instead" names nothing.
                if not is_noun(text.split()[-1].lower()):
                    continue
                if len(who) >= min_support and folded(text) not in have:
                    found.append((text, frozenset(who)))
    if not found:
        return scored
    closeness = embed([text for text, _ in found]) @ centre
    return list(scored) + [
        (Phrase(text, who), float(close), len(who))
        for (text, who), close in zip(found, closeness, strict=True)
    ]


# A one-word label is widened by a typical word this close to it (MiniLM cosine of the two
# words alone): "robots and automation" 0.50, "minutes and timing" 0.60, "manager and
# supervisor" 0.67; not "room and energy" 0.32, "laptop and slides" 0.14 (dev: demo, the
# Jupyter survey and two held-out exports).
WIDEN = 0.45


def widened(label: Phrase, own: list[Phrase], proper, related, usable, min_support) -> Phrase:
    """A one-word label with the topic's most typical thing that means nearly the same ("email"
    -> "email and messages"), backed by everyone who wrote either: one word of many people's
    reads as a keyword, two close ones name the subject. The label is unchanged when no such
    word is there, or when either is a name (a product's: "copilot", "matplotlib")."""
    from reflect.anonymise.lexicon import is_noun
    from reflect.themes.label import spelt_alike

    text = label.text
    if " " in text or text in proper:
        return label
    for other in own:
        word = other.text
        if (
            " " not in word
            and word not in proper
            and len(other.participants) >= min_support
            and not spelt_alike(text, word)
            and names_a_thing(word)
            and is_noun(word)  # a dictionary's: "plots and matplotlib" would name a product
            and usable(word)
            and related(text, word) >= WIDEN
        ):
            return Phrase(f"{text} and {word}", label.participants | other.participants)
    return label


def as_commonly_spelt(scored, words, usable):
    """``scored`` with each one-word phrase no dictionary holds shown as the dictionary form
    of that word the topic's people wrote ("buddie" as "buddy"; ``WordUse.display``), when
    the report could show that form; phrases that then read the same are one, with all their
    people."""
    from reflect.anonymise.lexicon import dictionary_words, inflected

    def misspelt(text: str) -> bool:
        return text not in dictionary_words() and not inflected(text)

    merged: dict[str, tuple[Phrase, float, int]] = {}
    for phrase, close, inside in scored:
        text = phrase.text
        shown = words.display.get(stem(text), text) if " " not in text else text
        if (
            shown != text
            and misspelt(text)
            and not misspelt(shown)
            and names_a_thing(
                shown, words.nouns
            )  # as the misspelling is taken to ("buddie": "buddy")
            and usable(shown)
        ):
            text = shown
        if text in merged:
            before, other, _ = merged[text]
            who = before.participants | phrase.participants
            merged[text] = (Phrase(text, who), max(close, other), len(who))
        else:
            merged[text] = (Phrase(text, phrase.participants), close, inside)
    return list(merged.values())


def _counting_every_form(scored, typical, words, idx):
    """A one-word phrase that is the thing one of the topic's first typical words names, when
    people mostly wrote that word as something else (a verb), counts the topic's people who
    wrote the word in any form: "thanks" is also every "thank you" (no phrase of its own), so a
    topic of thanks is not named "tools" by the 13 of its 47 people who wrote "great tool"
    (dev, Jupyter survey: "thanks" 8 as a phrase, 19 in any form)."""
    first = {
        w for w in typical[:TYPICAL_AS_PHRASES] if not names_a_thing(words.display[w], words.nouns)
    }
    out = []
    for phrase, close, inside in scored:
        text = phrase.text
        if " " not in text and stem(text) in first:
            people = frozenset(words.users_in(stem(text), idx))
            if len(people) > inside:
                phrase, inside = Phrase(text, people), len(people)
        out.append((phrase, close, inside))
    return out


def closest_first(typical: list[str], display, centre: np.ndarray, embed: Embed) -> list[str]:
    """Typical words re-ranked by how close each is to the topic's centre (kept in the top
    half of the ranking only if it is): "recycling" names a topic "budget" only touches."""
    if len(typical) < 2:
        return typical
    closeness = embed([display[w] for w in typical]) @ centre
    rank = {w: i for i, w in enumerate(typical)}
    return sorted(
        typical, key=lambda w: -max(float(closeness[rank[w]]), 0.0) / (1 + rank[w]) ** 0.5
    )


def phrase_pool(
    idx, rows, sentences, texts, authors, prompt, echoes=None
) -> dict[str, tuple[str, set]]:
    """Phrase key -> (display, people) over the open sentences: each phrase of an answer
    counts where it occurs in one of that answer's open sentences without a redaction
    placeholder (no label is made of the words around "[PHONE]"), and is not its question's
    words echoed (``echoes``: per answer, ``question_roots`` of its question)."""
    by_row: dict[int, list[str]] = {}
    for s in idx:
        by_row.setdefault(rows[s], []).append(sentences[s].lower())
    chosen = sorted(by_row)
    if len(chosen) > LABEL_SAMPLE:
        chosen = sorted(chosen, key=lambda i: (zlib.crc32(texts[i].encode()), i))[:LABEL_SAMPLE]
        chosen.sort()
    pool: dict[str, tuple[str, set]] = {}
    framing = frozenset(root(w) for w in prompt_words(prompt))
    for i, result in zip(chosen, extract_candidates([texts[i] for i in chosen], prompt),
                         strict=True):  # fmt: skip
        own = [s for s in by_row[i] if "[" not in s]
        echo = framing | (echoes[i] if echoes is not None else frozenset())
        for cand in result.candidates:
            if {root(w) for w in cand.key.split()} <= echo:  # "mentor" from "mentor's"
                continue
            if any(cand.text in s for s in own):
                pool.setdefault(cand.key, (cand.text, set()))[1].add(authors[i])
    return pool


# Typical words looked at in pairs for a phrase people wrote with both: all a topic shows (with
# only the first six, "machine" and "learning", seventh and ninth of a topic of job titles on
# the Jupyter survey, dev, were shown apart). Each pair is an indexed search of the answers.
PAIRED_WORDS = 12


def written_together(
    words: list[Phrase], writers, people: frozenset, k: int, label: str
) -> list[Phrase]:
    """Typical words k of the topic's people wrote side by side ("machine" and "learning")
    are shown as they wrote them ("machine learning"), once, where the first of them stood;
    the pairs most people wrote are taken first, and the label's own word stays alone."""
    pairable = [i for i, w in enumerate(words[:PAIRED_WORDS]) if w.text != label]
    pairs = []
    for n, i in enumerate(pairable):
        for j in pairable[n + 1 :]:
            for text in (f"{words[i].text} {words[j].text}", f"{words[j].text} {words[i].text}"):
                who = writers(text) & people
                if len(who) >= k:
                    pairs.append((len(who), i, j, Phrase(text, frozenset(who))))
    joined: dict[int, Phrase] = {}
    used: set[int] = set()
    for _, i, j, phrase in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i not in used and j not in used:
            joined[i] = phrase
            used |= {i, j}
    return [joined.get(i, w) for i, w in enumerate(words) if i not in used or i in joined]
