"""Answers that say there is nothing to report: "n/a", "No comment.", "I have no suggestions",
"It is all good", "nothing was confusing today", "None, thanks!".

Such answers name no topic, so they never join a theme; when the question asks for problems
they are reported together as "No concerns" / "No confusion" (``label.empty_answer_label``),
and so are answers that say so first (``leads_with_nothing``: "Nothing was confusing, we
worked on the project"), beside the topics they go on to raise. An answer of thanks or praise
of the occasion alone ("Thanks!", "Great workshop") names no topic either, but says nothing
of concerns: it is not counted as saying there is nothing to report (``is_nothing_to_report``).

An answer is empty when every one of its clauses is (clauses split at . , ; ! ? and dashes),
after courtesy words ("thanks", "really", "at this time") are set aside. A clause is empty
when it is
- a stock reply: "n/a", "none", "nope", "nothing at all", "not really", "all good", "fine";
- a denial of remarks: a negation ("no", "nothing", "not any", "I have no", "I don't have any",
  "there were no", "can't think of any") of a word for remarks ("comments", "suggestions",
  "recommendations", "concerns", "issues", "questions", "feedback"...), optionally followed
  by "to add" / "from me" / "at this time";
- "nothing" + "to add/report/say", "else", "comes to mind", or "nothing was" + a word for
  trouble ("confusing", "unclear", "awkward", "difficult"): nothing was a problem; "nothing
  stood out (as confusing)", "not anything too confusing", "not much confusing";
- a verdict on everything: "everything was fine", "it all made sense", "all went well";
- no change wanted or nothing in the way: "no improvements needed", "keep it as is", "I
  wouldn't change a thing", "nothing got in the way", "all on track";
- praise of the occasion alone: "great workshop", "really good", "loved it" — empty
  as a whole answer, but said first it is no "nothing to report" ("Good session. The
  role-play was awkward" raises the role-play as a concern, and only that).
Anything else — a topic, a complaint, an exception ("all good except the audio", "no
suggestions but more breaks") — makes the answer a real answer: "no time to practise",
"nothing beats hands-on work", "nothing was clear" and "no more group work" are not empty.
The rules are grammar: the word lists are the closed classes of English of such answers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reflect.themes.empty_words import (
    ADEQUATE,
    CONTINUING,
    COURTESY,
    ELSEWHERE,
    EVENT,
    EXCEPTION,
    FINE,
    MORE,
    MORE_CLAUSES,
    OCCASION,
    PRAISE_QUALIFIER,
    PRAISE_WORDS,
    QUALIFIER,
    REMARKS,
    TAIL,
    TROUBLE,
    UNDECIDED,
    VERB,
    WHERE,
)
from reflect.themes.spelling import Speller, pattern_words

MAX_WORDS = 16

_STOCK = re.compile(
    rf"(?:n\s?/?\s?a|n\.a\.?|na|none|nil|null|nothing|nope|no|nah|non|nada|zilch|zero|"
    r"not applicable|not a thing|not one thing|not no|no not|no nothing|nothing no|not really|"
    r"not much|not at all|not that i know of|not that i can think of|"
    r"none that i can think of|nothing at all|nothing really|nothing much|nothing else|"
    r"nothing further|nothing more|nothing new|nothing specific|nothing in particular|"
    r"nothing to report|nothing to add|nothing to say|not this time|not for now|not today|"
    r"all good|all fine|all ok|all okay|all clear|all great|all well|all sorted|fine|ok|okay|"
    r"alright|i don'?t know|i do not know|idk|dunno|not sure|unsure|no idea|"
    rf"no comment|no comments|no thanks|no thank you|nope all good|{ELSEWHERE}|nowt|"
    r"nothing comes to mind|nothing springs to mind|"
    r"nothing came to mind|can'?t think of anything|cannot think of anything|"
    r"i can'?t think of anything|i cannot think of anything|no complaints|happy with everything|"
    r"keep it up|keep up the good work|keep doing what you are doing|"
    r"keep doing what you'?re doing|smooth sailing|plain sailing|10 ?/ ?10|10 out of 10|"
    rf"5 ?/ ?5|(?:five|5) stars|you|x+|-+|\.+|\?+|/+|\*+|{UNDECIDED}|{CONTINUING})",
)
_CLAUSES = [
    # "no further comments", "not any concerns", "zero issues at this time"
    rf"(?:no|not any|zero|without any|without)\s+{MORE}(?:{REMARKS}){TAIL}",
    # "I have no suggestions", "we've got no questions", "I had none", "I have nothing to add"
    rf"(?:i|we)(?:'ve| have| had| got|'ve got| have got|'d| would)?\s+(?:got\s+)?"
    rf"(?:no\s+{MORE}(?:{REMARKS})|none|nothing(?:\s+{MORE}(?:{REMARKS}))?){TAIL}",
    # "I don't have any suggestions", "I do not have anything to add", "didn't have any concerns"
    rf"(?:(?:i|we)\s+)?(?:don'?t|do not|didn'?t|did not|haven'?t|have not)\s+(?:have|got|have got)?"
    rf"\s*(?:any\s+{MORE}(?:{REMARKS})|anything(?:\s+{MORE}(?:{REMARKS}))?|any){TAIL}"
    rf"{WHERE}",
    # "there are no issues", "there was nothing", "there were none"
    rf"there(?:'s| is| are| was| were)\s+(?:no\s+{MORE}(?:{REMARKS})|none|nothing)(?:\s+"
    rf"{MORE}(?:{REMARKS}))?{TAIL}",
    # "can't think of any improvements", "could not think of anything"
    rf"(?:i\s+)?(?:can'?t|cannot|can not|couldn'?t|could not)\s+think\s+of\s+(?:any\s+{MORE}"
    rf"(?:{REMARKS})|anything(?:\s+(?:else|specific|specifically|in particular|really))?|any|"
    rf"one|a thing){TAIL}",
    # "nothing to add", "nothing else to report", "nothing comes to mind", "nothing from me"
    rf"(?:nothing|nothin|nil|nowt|nout)(?:\s+(?:else|further|more|much|new|specific|specifically|"
    rf"special|in particular|really|major|significant))?{TAIL}{WHERE}",
    # "nothing worth mentioning", "nothing I'm aware of", "not really anything"
    r"nothing (?:worth|of note|to speak of|(?:that )?(?:i'?m|i am|we'?re|we are) aware of)"
    r"(?: (?:mentioning|noting|reporting|raising|flagging))?",
    r"not (?:really )?anything(?: (?:to (?:add|report|mention)|worth mentioning|of note))?",
    r"none (?:that )?(?:i|we) (?:can )?(?:recall|remember|know of|noticed|saw)",
    # "no challenges faced", "no issues encountered"
    rf"no\s+{MORE}(?:{REMARKS})\s+(?:faced|encountered|experienced|found|seen|noticed|raised)",
    # "all on track", "everything on course"
    r"(?:all|everything|it all|things)(?: (?:is|was|are|were|seems|looks))? (?:on track|on course|"
    r"going (?:well|fine|to plan)|to plan|in hand|under control)",
    # "nothing was confusing", "nothing in the lab felt awkward", "nothing so confusing",
    # "nothing that interesting" (to "what was interesting?")
    rf"nothing(?:\s+in particular)?{WHERE}\s+(?:(?:really|particularly|too|that|so|very)\s+)?"
    rf"(?:{VERB}(?:\s+to\s+be)?"
    rf"\s+)?{QUALIFIER}(?:{TROUBLE}|confused|interesting|exciting|new|special|notable|"
    rf"surprising)(?:\s+(?:to me|for me|today|this time|at all|really))*{WHERE}",
    # "I found nothing confusing", "we saw nothing new in the lab"
    rf"(?:i|we)\s+(?:found|find|saw|see|noticed|notice|had|have)\s+nothing\s+(?:to be\s+)?"
    rf"{QUALIFIER}(?:{TROUBLE}|confused|interesting|exciting|new|special|notable)"
    rf"(?:\s+(?:to me|for me|today|this time|at all|really))*{WHERE}",
    # "nothing stood out as confusing", "nothing jumped out at me"
    r"nothing\s+(?:in particular\s+|particularly\s+)?(?:jumped|jumps|stood|stands|stuck|sticks)"
    rf"\s+out(?:\s+(?:to|at|for)\s+me)?(?:\s+as\s+(?:being\s+)?{QUALIFIER}(?:{TROUBLE}|"
    rf"confused|interesting|new))?{WHERE}",
    # "not anything too confusing", "not much confusing"
    rf"(?:there(?:'s| is| was)\s+not|there\s+(?:isn'?t|wasn'?t)|not)\s+(?:anything|much)\s+"
    rf"(?:that\s+)?(?:(?:i|we)\s+"
    rf"(?:found|find|thought was|think is)\s+)?{QUALIFIER}(?:{TROUBLE}|confused){WHERE}",
    r"(?:i\s+)?(?:didn'?t|did not|don'?t|do not)\s+find\s+anything"
    rf"{WHERE}\s+{QUALIFIER}(?:{TROUBLE}|interesting|new){WHERE}",
    # "everything was fine", "it is all good", "all went well", "it all made sense today"
    rf"(?:it|this|that|everything|all|it all|all of it|(?:most\s+)?things|{OCCASION})"
    rf"(?:\s+(?:it|this|that|everything|all|it all|all of it|{OCCASION}))?{WHERE}\s+{VERB}"
    rf"(?:\s+{PRAISE_QUALIFIER}(?:{FINE}))?(?:\s+(?:to me|for me|today|this time|really|"
    rf"thanks?|thank you|overall|as usual|as (?:it is|is|it was|it stands)))*{WHERE}",
    # "very clear", "all good", "well explained" ("really good" alone is praise: ``_PRAISES``)
    rf"(?:all\s+{PRAISE_QUALIFIER}(?:{FINE})|{PRAISE_QUALIFIER}(?:{ADEQUATE})){WHERE}",
    rf"(?:it(?:'s| is| was)|that'?s|that is)\s+{QUALIFIER}all\s+{PRAISE_QUALIFIER}(?:{FINE})",
    # "I found everything to be straightforward", "we thought it all clear"
    rf"(?:i|we)\s+(?:found|find|thought|think)\s+(?:everything|it all|it|all of it|things)"
    rf"{WHERE}\s+(?:to be\s+)?{PRAISE_QUALIFIER}(?:{FINE}){WHERE}",
    # "I understood everything", "I got it all", "I wasn't confused about anything"
    rf"i\s+(?:understood|got|followed)\s+(?:everything|it all|all of it)(?:\s+today)?{WHERE}",
    r"(?:i\s+)?(?:was|am|wasn'?t|was not|am not|'m not|i'm not)\s+(?:not\s+)?(?:confused|unsure|"
    rf"worried|concerned)(?:\s+(?:about|by|with|on|over))?\s+(?:anything|nothing)(?:\s+today)?"
    rf"{WHERE}",
    # "nothing really confused me", "nothing bothered us today"
    rf"nothing{WHERE}\s+{QUALIFIER}(?:confused|confuses|confusing|bothered|bothers|worried|"
    rf"worries|troubled|troubles|puzzled|puzzles|lost|surprised|surprises)\s+(?:me|us)"
    rf"(?:\s+(?:today|this time|at all|really))*{WHERE}",
    # "I was not very confused in the lab", "I'm not lost at all"
    rf"(?:i\s+)?(?:wasn'?t|was not|am not|'m not|i'm not|were not|weren'?t)\s+{QUALIFIER}"
    rf"(?:confused|unsure|worried|concerned|lost)(?:\s+at all)?{WHERE}",
    # "there was nothing confusing in the lecture", "there wasn't anything unclear"
    # (the negation is required: "there was a problem" is a real answer)
    rf"there(?:'s| is| was| were)\s+nothing\s+{QUALIFIER}(?:{TROUBLE}|confused){WHERE}",
    rf"there\s+(?:wasn'?t|was not|isn'?t|is not|weren'?t|were not)\s+anything\s+{QUALIFIER}"
    rf"(?:{TROUBLE}|confused){WHERE}",
    # "the session was not confusing at all", "today's lesson wasn't difficult in any way",
    # "I don't think the lecture was confusing"
    # (one negation or the other: "the session was confusing" is a real answer)
    rf"(?:i\s+)?(?:don'?t|do not)\s+(?:think|believe|feel)\s+(?:that\s+)?"
    rf"(?:it|this|that|{OCCASION}){WHERE}\s+(?:was|were|is|seemed)\s+"
    rf"{QUALIFIER}(?:{TROUBLE}|confused)(?:\s+(?:in any way|at all|to me|for me))*{WHERE}",
    rf"(?:it|this|that|{OCCASION}){WHERE}\s+(?:was|were|is|seemed)(?:n'?t|\s+not)\s+"
    rf"{QUALIFIER}(?:{TROUBLE}|confused)(?:\s+(?:in any way|at all|to me|for me))*{WHERE}",
    # "I did not find any part of the workshop confusing", "didn't find the lab hard at all"
    rf"(?:i\s+)?(?:didn'?t|did not|don'?t|do not)\s+find\s+(?:any (?:part|parts) of\s+)?"
    rf"(?:it|this|that|{OCCASION}){WHERE}\s+{QUALIFIER}(?:{TROUBLE})"
    rf"(?:\s+(?:in any way|at all))*{WHERE}",
    # "not that I noticed", "not that I'm aware of"
    r"not that (?:i|we)(?:'m| am| was| were)?\s+(?:know of|can think of|noticed|recall|remember|"
    r"saw|could see|can see|aware of|can tell|could tell)",
    # "nothing I'd change", "nothing that we would do differently"
    rf"nothing(?:\s+that)?\s+(?:i|we)(?:'d| would)\s+(?:change|add|improve|alter|do differently|"
    rf"want to change){TAIL}{WHERE}",
    # "keep it as is", "I wouldn't change a thing", "couldn't fault it", "nothing needs changing"
    rf"(?:keep|leave) (?:it|everything|things|it all)\s+(?:just\s+|exactly\s+)?(?:as (?:it is|is|"
    rf"it was)|the same){WHERE}",
    rf"(?:(?:i|we)\s+)?(?:wouldn'?t|would not|won'?t|don'?t|do not|couldn'?t|could not|can'?t|"
    rf"cannot)\s+(?:change|fault|improve|criticise|criticize|alter)\s+(?:a thing|anything|it|"
    rf"a single thing|one thing|any of it)(?:\s+(?:at all|really))*{WHERE}",
    r"(?:there(?:'s| is)\s+)?no need to (?:change|improve|alter) (?:anything|a thing|it)",
    r"nothing\s+(?:needs|needed|would need|requires)\s+(?:changing|improving|fixing|"
    r"improvement|to (?:change|be changed|improve|be improved))",
    r"nothing (?:could|would|can) (?:improve|better) (?:it|this|that)",
    # "it's fine as it is", "its working well as it is" (texting's "its")
    rf"(?:(?:it is|its|it was|that is|(?:(?:it|its|it is)\s+)?(?:working|works|running))\s+)?"
    rf"{PRAISE_QUALIFIER}(?:{FINE})\s+as (?:is|it is|its|it was|it stands)",
    # "nothing got in the way" (of the plan, to "what got in the way?")
    r"nothing(?:\s+(?:really|much|major|big|significant))?\s+(?:got|gets|came|stood|was)\s+in\s+"
    r"(?:the|my|our)\s+way(?:\s+(?:this time(?: round)?|today|really|at all))*",
    # "everything fine", "went smoothly", "all went to plan", "couldn't have gone better"
    rf"(?:everything|it all|things)\s+{PRAISE_QUALIFIER}(?:{FINE})",
    r"(?:(?:it|that|everything|all|it all|things)\s+)?went\s+(?:(?:really|very|so|quite|all)\s+)?"
    r"(?:well|fine|smoothly|ok|okay|great|to plan|as planned|according to plan)",
    r"(?:it\s+)?(?:couldn'?t|could not)\s+have\s+(?:gone|been)\s+(?:any\s+)?better",
    # "I'm happy with everything", "we were satisfied with it all"
    r"(?:(?:i|we)(?:'m|'re| am| are| was| were)?\s+)?(?:very\s+|quite\s+|completely\s+)?"
    r"(?:happy|satisfied|content|pleased) (?:with (?:everything|it all|all of it|it|how (?:it|"
    r"things|everything) (?:went|is going|'s going|was|is))"
    r"(?: as (?:it is|is|it was|it stands))?|as (?:it is|is|it was|it stands))",
    # "no, thanks", "none for now", "not at this time"
    rf"(?:no|none|not|nope|nah)(?:\s+really)?{TAIL}",
    # "not much to say", "not a lot to add here"
    rf"(?:not|nothing)\s+(?:much|a lot|a great deal|very much)(?:\s+else)?\s+to\s+"
    rf"(?:add|report|say|share|mention|comment on){TAIL}{WHERE}",
]
_EMPTY_CLAUSE = re.compile(rf"(?:{_STOCK.pattern}|{'|'.join(_CLAUSES + MORE_CLAUSES)})")
_PRAISES = [
    # "great workshop", "excellent two days", "very well organised", "informative"
    rf"{PRAISE_QUALIFIER}(?:{FINE}|{PRAISE_WORDS})(?:\s+(?:(?:the|this|a|an)\s+)?{EVENT})?"
    r"(?:\s+(?:overall|as always|as usual|as ever))?",
    # "it was well run", "the course was very informative"
    rf"(?:it|this|that|everything|it all|{OCCASION}){WHERE}\s+{VERB}\s+{PRAISE_QUALIFIER}"
    rf"(?:{PRAISE_WORDS})(?:\s+overall)?",
    # "was a good one", "another really useful hour", "best one yet"
    rf"(?:(?:it|that)\s+(?:was\s+)?)?(?:the\s+)?best\s+{EVENT}\s+(?:yet|so far|ever)",
    rf"(?:(?:it|that)\s+)?(?:was\s+)?(?:a|another)\s+{PRAISE_QUALIFIER}(?:{FINE}|{PRAISE_WORDS})\s+"
    rf"{EVENT}(?:\s+(?:as always|as usual|as ever))?",
    # "loved it", "really enjoyed the whole course"
    r"(?:(?:i|we)\s+)?(?:(?:i'?m|we'?re|am|are)\s+)?"
    r"(?:(?:thoroughly|totally|very much|so much)\s+)?(?:loved|enjoyed|liked|appreciated|loving|"
    r"enjoying)\s+(?:it|this|that|everything|it all|all of it|every (?:minute|bit|part|second)"
    rf"(?: of it)?|(?:the\s+)?(?:whole\s+)?{EVENT})(?:\s+(?:very much|so much|a lot))?",
    # "well done all", "top job team", "very happy"
    r"(?:well done|top job|good job|great job|nice one|great work|good work)(?: (?:all|everyone|"
    r"everybody|team|guys|folks|all round))?",
    # ("content" alone is what the course held: "Content" answers "what was most valuable?")
    r"(?:(?:i'?m|i am|we'?re|we are)\s+)?(?:very\s+|really\s+|quite\s+)?(?:happy|satisfied)",
]
_PRAISE_CLAUSE = re.compile("|".join(_PRAISES))
_COURTESY = re.compile(COURTESY)
_EXCEPTION = re.compile(EXCEPTION)
_SPLIT = re.compile(r"\s*(?:[.,;:!?()\[\]]+|\s-+\s|\s[–—]+\s|\band\b)\s*")


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"[\"“”]", "", text)
    text = re.sub(r"\bn\s?[./]\s?a\b\.?", "na", text)  # "n/a", "N.A."
    text = re.sub(r"\b(it|that|this|everything|all)'s\b", r"\1 is", text)  # "it's fine"
    # emoji and other symbols say nothing either way
    text = re.sub(r"[^\w\s.,;:!?'()/\-–—*\[\]]", " ", text)
    text = re.sub(r"(?<=\w)(?:\s+x{1,3})+\W*$", "", text)  # signed with a kiss: "no x"
    text = re.sub(r"\s+", " ", text).strip()
    return _speller().correct(text) if len(text.split()) <= MAX_WORDS else text


def is_empty_answer(text: str) -> bool:
    """True for an answer that raises no topic: one that says there is nothing to report (see
    the module docstring), or thanks or praises the occasion and no more."""
    return _is_empty(text, praise=True)


def is_nothing_to_report(text: str) -> bool:
    """An empty answer that says so ("no suggestions", "all good", "n/a"), not thanks or
    praise alone ("Thanks!", "Enjoyed it"): no topic, but no word on concerns either."""
    if not _is_empty(text, praise=True):
        return False
    norm = _normalise(text)
    if not re.search(r"[^\W_]", norm):
        return True  # "-", "."
    return any(_empty_clause(c, False) and not re.fullmatch(ELSEWHERE, c) for c in _clauses(norm))


@lru_cache(maxsize=1 << 18)  # asked of every reflection by every theme it belongs to
def _is_empty(text: str, praise: bool) -> bool:
    """Every clause empty; with ``praise``, a clause of praise alone counts as empty."""
    norm = _normalise(text)
    if not re.search(r"[^\W_]", norm):
        return True  # blank, punctuation or emoji only
    if len(norm.split()) > MAX_WORDS or _EXCEPTION.search(norm):
        return False
    clauses = _clauses(norm)
    if not clauses:  # only courtesy: "Thanks!"
        return True
    return all(_empty_clause(c, praise) for c in clauses)


def _clauses(norm: str) -> list[str]:
    """The clauses of a normalised answer, courtesy words set aside."""
    clauses = (re.sub(r"\s+", " ", c).strip(" '/") for c in _SPLIT.split(_COURTESY.sub(" ", norm)))
    return [c for c in clauses if c]


# A stock reply run into its clause: "none everything was fine" (not "nothing comfortable")
_RUN_ON = re.compile(
    r"(?:nothing|none|nope|no|nah|na)\s+((?:everything|it|all|that|this|things|the|i|we|there|"
    r"nothing|none)\b.+)"
)


def _empty_clause(clause: str, praise: bool) -> bool:
    if _one_empty_clause(clause) or (praise and _PRAISE_CLAUSE.fullmatch(clause)):
        return True
    run_on = _RUN_ON.fullmatch(clause)
    return bool(run_on) and _one_empty_clause(run_on.group(1))


# "in today's class I found everything clear": where, said first
_WHERE_FIRST = re.compile(
    rf"(?:in|during|at|for|after|from)\s+(?:(?:today'?s|this|the|our|that)\s+)?{OCCASION}\s+"
)


@lru_cache(maxsize=1)
def _speller() -> Speller:
    return Speller(pattern_words(_EMPTY_CLAUSE.pattern, _PRAISE_CLAUSE.pattern, COURTESY))


def _one_empty_clause(clause: str) -> bool:
    # courtesy taken out can leave a preposition behind: "nothing was confusing for [today]"
    clause = _WHERE_FIRST.sub("", clause, count=1) if _WHERE_FIRST.match(clause) else clause
    return bool(
        _EMPTY_CLAUSE.fullmatch(clause)
        or _EMPTY_CLAUSE.fullmatch(re.sub(r"(?:\s+(?:for|in|at|as|to|on))+$", "", clause))
    )


_FIRST_SENTENCE = re.compile(r"^\s*(.+?)(?:[.!?;]+\s|[.!?;]*$)")
_FIRST_CLAUSE = re.compile(r"^\s*([^,(]+?)(?:,\s|\s*\(|\s+[-–—]+\s)")
# "N/A (no classes this year)": a clause of its own, one word as it is
_NOT_APPLICABLE = re.compile(r"(?i)\s*(?:n\s?/?\s?a|not applicable)\W*")
# "Nothing was confusing, but the quiz was long": the rest takes it back.
_BUT = re.compile(r"\b(?:but|except|apart from|other than|however|though|although|until)\b", re.I)


def leads_with_nothing(text: str) -> bool:
    """ "Nothing was confusing. We worked on the project.": an answer that first says there is
    nothing to report counts with those answers, whatever it goes on to say, and so does one
    saying so in a first clause of its own ("Nothing was confusing, we..."; not a bare "No,")."""
    first = _FIRST_SENTENCE.match(text)
    if first and _denies(first.group(1)):
        return True
    clause = _FIRST_CLAUSE.match(text)
    return (
        bool(clause)
        and (len(clause.group(1).split()) >= 2 or bool(_NOT_APPLICABLE.fullmatch(clause.group(1))))
        and not _BUT.search(text)
        and _denies(clause.group(1))
    )


def _denies(text: str) -> bool:
    """Says there is nothing to report: not thanks alone ("Thanks! The rota is a mess")."""
    clauses = _clauses(_normalise(text))
    # a bullet's dash is no denial: "- See you next time.\n- ..."
    said = [c for c in clauses if re.search(r"[^\W_]", c) and not re.fullmatch(ELSEWHERE, c)]
    return _is_empty(text, False) and bool(said)
