"""What kind of answer a question asks for. "What did you like most?" asks for praise; "What
was hard?" or "What should change?" for problems and requests; "Any other comments?" for
either. Assignment uses it so that an answer is only counted for a theme of the kind its
question asked for: praise of the depth of a course is not a request for more depth, and
praise and complaints about the same thing are not pooled into one count (``assign.py``).

The question's stance is read from its words: the verbs and adjectives surveys ask with, in
any domain (liked, enjoyed, worked well, most useful / difficult, confusing, challenges, pain
points, improve, change, missing, got in the way, held you back). A question with words of
both kinds ("what worked and what did not?") or of neither is neutral.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

PromptStance = Literal["positive", "negative", "neutral"]

_POSITIVE = re.compile(
    r"\b(?:lik(?:e|ed)|lov(?:e|ed)|enjoy(?:ed)?|best|favou?rite|highlights?|worked(?: well)?|"
    r"went well|useful|helpful|valuable|interesting|good|great|strengths?|proud|gained|"
    r"benefits?|appreciated?|keep doing)\b",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"\b(?:dislik(?:e|ed)|difficult(?:ies|y)?|hard(?:est)?|confus(?:ing|ed|ion)|unclear|"
    r"awkward|challeng(?:e|es|ing)|problems?|issues?|pain ?points?|frustrat(?:ing|ed|ion)|"
    r"worst|struggl(?:e|ed|ing)|improv(?:e|ed|ement|ements)|change|missing|lacking|wrong|"
    r"did ?not|didn't|not work|concerns?|worries|worried|barriers?|"
    r"obstacles?|suggestions?|wish|less|better|fix|"
    r"(?:got|get|gets|getting|stood|came|comes) in the way|held (?:you|me|us) back|"
    r"hold(?:s|ing)? (?:you|me|us) back|hinder(?:ed|s)?|blockers?)\b",
    re.IGNORECASE,
)
# "what did you not like", "what was not useful": a negated positive word asks for problems.
_NEGATED_POSITIVE = re.compile(
    r"\b(?:not|n't|least)\s+(?:\w+\s+)?(?:lik(?:e|ed)|enjoy(?:ed)?|useful|helpful|go well|"
    r"work(?:ed)?(?: well)?|good|interesting|valuable)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def prompt_stance(prompt: str) -> PromptStance:
    text = prompt or ""
    negated = _NEGATED_POSITIVE.search(text)
    if negated:
        text = text[: negated.start()] + " " + text[negated.end() :]
    positive = bool(_POSITIVE.search(text))
    negative = bool(negated) or bool(_NEGATIVE.search(text))
    if positive == negative:
        return "neutral"
    return "positive" if positive else "negative"


def allows(theme_stance: str, prompt: PromptStance) -> bool:
    """May an answer to a question of this stance be counted for a theme of that stance?"""
    if theme_stance == "any" or prompt == "neutral":
        return True
    return theme_stance == prompt
