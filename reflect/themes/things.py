"""Which single words can name a theme: things (nouns, products, activities such as
"vetting"), not how people wrote ("useful", "expect") and not words that need a complement
("lack" of what?)."""

from __future__ import annotations

from collections.abc import Collection

# Nouns that need their complement to name anything: "lack" (of what?), "use", "need".
RELATIONAL_WORDS = """
lack use need way ability number amount kind type sort lot part set level issue issues problem
problems thing things stuff access support option options feature features time work data
end start beginning rest
"""
RELATIONAL = frozenset(RELATIONAL_WORDS.split())


def names_a_thing(word: str, nouns: Collection[str] = ()) -> bool:
    """A one-word label must be a thing: a noun ("calendar", "laptop"), an activity named by
    its verb ("vetting", "shadowing": ``names_an_activity``) or a word no English dictionary
    holds (a product: "jupyterlab"); a lone verb or adjective ("expect", "useful", and "small"
    or "multiple", which WordNet also lists as nouns) is how people wrote, not what about.
    ``nouns``: words the programme's people wrote as nouns (``WordUse.nouns``: in the plural),
    which names the thing a word listed as an adjective too is ("buddy", "buddies")."""
    from reflect.anonymise.lexicon import dictionary_words, is_adjective, is_noun, is_past_verb
    from reflect.themes.candidates import FRAME_VERBS

    # "think" and "look" are nouns to WordNet ("have a think"); as a topic's one word they
    # are how its people wrote (a held-out railway export's topic was labelled "think").
    if word in RELATIONAL or word in FRAME_VERBS:
        return False
    if word in nouns:
        return True
    return (
        (is_noun(word) and not is_adjective(word))
        or names_an_activity(word)
        # a product, not a verb's past the dictionary lists by its base ("group and started")
        or (word not in dictionary_words() and not is_past_verb(word))
    )


# An activity is named by its verb's -ing form only below this Zipf frequency: "vetting"
# (3.1), "shadowing" (2.8) and "commuting" (3.3) name what a topic is about; "doing" (5.6) and
# "going" say nothing on their own.
ACTIVITY_ZIPF = 4.5


def names_an_activity(word: str) -> bool:
    """The -ing form of a verb ("vetting" from "vet", "scheduling" from "schedule") that is no
    adjective ("amazing", "interesting") and no everyday word."""
    from reflect.anonymise.lexicon import is_adjective, is_gerund, word_frequency

    return not is_adjective(word) and is_gerund(word) and word_frequency(word) < ACTIVITY_ZIPF


def says_what(phrase: str) -> bool:
    """A phrase a theme card may show: several words, or one that names a thing."""
    words = phrase.split()
    return len(words) > 1 or (len(words) == 1 and names_a_thing(words[0].lower()))
