"""Answers that say there is nothing to report: "n/a", "No comment.", "I have no suggestions",
"It is all good", "nothing was confusing today", "None, thanks!".

Such answers name no topic, so they never join a theme; when the question asks for problems
they are reported together as "No concerns" / "No confusion" (``label.empty_answer_label``),
and so are answers that say so first (``leads_with_nothing``: "Nothing was confusing, we
worked on the project"), beside the topics they go on to raise.

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
- a verdict on everything: "everything was fine", "it all made sense", "all went well".
Anything else — a topic, a complaint, an exception ("all good except the audio", "no
suggestions but more breaks") — makes the answer a real answer: "no time to practise",
"nothing beats hands-on work", "nothing was clear" and "no more group work" are not empty.
The rules are grammar, not vocabulary of one survey: the word lists are the closed classes of
English that such answers are made of.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_WORDS = 16

_REMARKS = (
    r"comments?|suggestions?|recommendations?|concerns?|issues?|problems?|questions?|"
    r"complaints?|feedback|ideas|thoughts|improvements?|changes|input|additions?|remarks?|"
    r"notes|worries|confusions?|difficult(?:y|ies)|challenges?|objections?|queries|query|"
    r"points|observations?|responses?|answers?|reflections?|updates?|news|opinions?|"
    r"criticisms?|areas?(?: for improvement| to improve)?|recs"
)
_TROUBLE = (
    r"confusing|unclear|difficult|hard|awkward|surprising|wrong|bad|problematic|challenging|"
    r"uncomfortable|strange|odd|weird|an issue|a problem|a concern|an obstacle|missing|lacking"
)
_FINE = (
    r"fine|good|great|ok|okay|clear|well|perfect|excellent|understandable|straightforward|"
    r"straight forward|smooth|smoothly|brilliant|helpful|useful|covered|sorted|alright|"
    r"all right|as expected|spot on|on point|grand|lovely|amazing|fantastic|wonderful|nice|"
    r"well explained|explained well|easy to (?:understand|follow)|simple|understood|"
    r"(?:clearly|properly|thoroughly|nicely) explained|explained (?:clearly|properly|"
    r"thoroughly|in detail)|confident|comfortable"
)
# "...in today's class", "...about this session": where, not what
_WHERE = (
    r"(?:\s+(?:in|about|during|for|from|with|on|at|after)\s+(?:(?:today'?s|this|the|our|my|that|"
    r"last|each|every|whole|(?:this\s+)?(?:morning|afternoon|evening|week)'?s)\s+)?(?:class|classes|lecture|lesson|session|meeting|course|workshop|seminar|lab|tutorial|test|quiz|exam|material|content|"
    r"module|week|programme|program|survey|one|time|today|it|this|that|me)(?:\s+today)?)*"
)
# The occasion itself as a subject: "the lecture was fine", "today's class wasn't confusing"
_OCCASION = (
    r"(?:(?:(?:the|this|today'?s|that|our|the whole)\s+)?(?:class|lecture|lesson|session|"
    r"meeting|workshop|course|module|seminar|lab|tutorial)(?:\s+period)?|today)"
)
_VERB = (
    r"(?:was|is|were|are|went|seemed|seems|felt|feels|looks|looked|made sense|makes sense|"
    r"worked|came across as)"
)
_QUALIFIER = (
    r"(?:(?:really|very|pretty|quite|so|all|just|totally|completely|perfectly|fairly|too|"
    r"particularly|overly|that|especially|at all|crystal)\s+)*"
)
# ...before a word of praise: "too simple" is a complaint
_PRAISE_QUALIFIER = _QUALIFIER.replace("too|", "").replace("overly|", "")
_MORE = (
    r"(?:(?:further|more|other|additional|extra|specific|particular|real|major|big|serious|"
    r"significant|new|outstanding|immediate|obvious)\s+)*"
)
_TAIL = (
    r"(?:\s+(?:to (?:add|report|share|mention|make|raise|say|suggest|give|offer|note|flag|"
    r"declare|comment on)|from me|from my side|here|on my (?:end|side|part)|for (?:you|now|"
    r"the team|improvement)|at (?:this|the) (?:time|moment|stage|point)|so far|today|as such|"
    r"really|whatsoever|at all|thank you|thanks|either|yet|i can think of|that i can think of|"
    r"that come to mind|that comes to mind|come to mind|comes to mind|(?:on|about) (?:this|that|"
    r"it|anything))\b)*"
)

_STOCK = re.compile(
    r"(?:n\s?/?\s?a|n\.a\.?|na|none|nil|null|nothing|nope|no|nah|non|nada|zilch|zero|"
    r"not applicable|not really|not much|not at all|not that i know of|not that i can think of|"
    r"none that i can think of|nothing at all|nothing really|nothing much|nothing else|"
    r"nothing further|nothing more|nothing new|nothing specific|nothing in particular|"
    r"nothing to report|nothing to add|nothing to say|not this time|not for now|not today|"
    r"all good|all fine|all ok|all okay|all clear|all great|all well|all sorted|fine|ok|okay|"
    r"good|great|alright|i don'?t know|i do not know|idk|dunno|not sure|unsure|no idea|"
    r"no comment|no comments|no thanks|no thank you|nope all good|same as (?:before|last time)|"
    r"as above|see above|same|nothing comes to mind|nothing springs to mind|"
    r"nothing came to mind|can'?t think of anything|cannot think of anything|"
    r"i can'?t think of anything|i cannot think of anything|no complaints|happy with everything|"
    r"keep it up|keep up the good work|keep doing what you are doing|"
    r"keep doing what you'?re doing|you|x+|-+|\.+|\?+|/+|\*+)",
)
_CLAUSES = [
    # "no further comments", "not any concerns", "zero issues at this time"
    rf"(?:no|not any|zero|without any|without)\s+{_MORE}(?:{_REMARKS}){_TAIL}",
    # "I have no suggestions", "we've got no questions", "I had none", "I have nothing to add"
    rf"(?:i|we)(?:'ve| have| had| got|'ve got| have got|'d| would)?\s+(?:got\s+)?"
    rf"(?:no\s+{_MORE}(?:{_REMARKS})|none|nothing(?:\s+{_MORE}(?:{_REMARKS}))?){_TAIL}",
    # "I don't have any suggestions", "I do not have anything to add", "didn't have any concerns"
    rf"(?:(?:i|we)\s+)?(?:don'?t|do not|didn'?t|did not|haven'?t|have not)\s+(?:have|got|have got)?"
    rf"\s*(?:any\s+{_MORE}(?:{_REMARKS})|anything(?:\s+{_MORE}(?:{_REMARKS}))?|any){_TAIL}"
    rf"{_WHERE}",
    # "there are no issues", "there was nothing", "there were none"
    rf"there(?:'s| is| are| was| were)\s+(?:no\s+{_MORE}(?:{_REMARKS})|none|nothing)(?:\s+"
    rf"{_MORE}(?:{_REMARKS}))?{_TAIL}",
    # "can't think of any improvements", "could not think of anything"
    rf"(?:i\s+)?(?:can'?t|cannot|can not|couldn'?t|could not)\s+think\s+of\s+(?:any\s+{_MORE}"
    rf"(?:{_REMARKS})|anything|any|one|a thing){_TAIL}",
    # "nothing to add", "nothing else to report", "nothing comes to mind", "nothing from me"
    rf"nothing(?:\s+(?:else|further|more|much|new|specific|specifically|special|in particular|"
    rf"really|major|significant))?{_TAIL}{_WHERE}",
    # "nothing was confusing", "nothing in the lab felt awkward", "nothing so confusing",
    # "nothing that interesting" (to "what was interesting?")
    rf"nothing(?:\s+in particular)?{_WHERE}\s+(?:(?:really|particularly|too|that|so|very)\s+)?"
    rf"(?:{_VERB}(?:\s+to\s+be)?"
    rf"\s+)?{_QUALIFIER}(?:{_TROUBLE}|confused|interesting|exciting|new|special|notable|"
    rf"surprising)(?:\s+(?:to me|for me|today|this time|at all|really))*{_WHERE}",
    # "I found nothing confusing", "we saw nothing new in the lab"
    rf"(?:i|we)\s+(?:found|find|saw|see|noticed|notice|had|have)\s+nothing\s+(?:to be\s+)?"
    rf"{_QUALIFIER}(?:{_TROUBLE}|confused|interesting|exciting|new|special|notable)"
    rf"(?:\s+(?:to me|for me|today|this time|at all|really))*{_WHERE}",
    # "nothing stood out as confusing", "nothing jumped out at me"
    r"nothing\s+(?:in particular\s+|particularly\s+)?(?:jumped|jumps|stood|stands|stuck|sticks)"
    rf"\s+out(?:\s+(?:to|at|for)\s+me)?(?:\s+as\s+(?:being\s+)?{_QUALIFIER}(?:{_TROUBLE}|"
    rf"confused|interesting|new))?{_WHERE}",
    # "not anything too confusing", "not much confusing"
    rf"(?:there(?:'s| is| was)\s+not|there\s+(?:isn'?t|wasn'?t)|not)\s+(?:anything|much)\s+"
    rf"(?:that\s+)?(?:(?:i|we)\s+"
    rf"(?:found|find|thought was|think is)\s+)?{_QUALIFIER}(?:{_TROUBLE}|confused){_WHERE}",
    r"(?:i\s+)?(?:didn'?t|did not|don'?t|do not)\s+find\s+anything"
    rf"{_WHERE}\s+{_QUALIFIER}(?:{_TROUBLE}|interesting|new){_WHERE}",
    # "everything was fine", "it is all good", "all went well", "it all made sense today"
    rf"(?:it|this|that|everything|all|it all|all of it|(?:most\s+)?things|{_OCCASION})"
    rf"(?:\s+(?:it|this|that|everything|all|it all|all of it|{_OCCASION}))?{_WHERE}\s+{_VERB}"
    rf"(?:\s+{_PRAISE_QUALIFIER}(?:{_FINE}))?(?:\s+(?:to me|for me|today|this time|really|"
    rf"thanks?|thank you|overall|as usual))*{_WHERE}",
    # "very clear", "straightforward", "well explained" (a clause after "nothing, ...")
    rf"{_PRAISE_QUALIFIER}(?:{_FINE}){_WHERE}",
    rf"(?:it(?:'s| is| was)|that'?s|that is)\s+{_QUALIFIER}all\s+{_PRAISE_QUALIFIER}(?:{_FINE})",
    # "I found everything to be straightforward", "we thought it all clear"
    rf"(?:i|we)\s+(?:found|find|thought|think)\s+(?:everything|it all|it|all of it|things)"
    rf"{_WHERE}\s+(?:to be\s+)?{_PRAISE_QUALIFIER}(?:{_FINE}){_WHERE}",
    # "I understood everything", "I got it all", "I wasn't confused about anything"
    rf"i\s+(?:understood|got|followed)\s+(?:everything|it all|all of it)(?:\s+today)?{_WHERE}",
    r"(?:i\s+)?(?:was|am|wasn'?t|was not|am not|'m not|i'm not)\s+(?:not\s+)?(?:confused|unsure|"
    rf"worried|concerned)(?:\s+(?:about|by|with|on|over))?\s+(?:anything|nothing)(?:\s+today)?"
    rf"{_WHERE}",
    # "nothing really confused me", "nothing bothered us today"
    rf"nothing{_WHERE}\s+{_QUALIFIER}(?:confused|confuses|confusing|bothered|bothers|worried|"
    rf"worries|troubled|troubles|puzzled|puzzles|lost|surprised|surprises)\s+(?:me|us)"
    rf"(?:\s+(?:today|this time|at all|really))*{_WHERE}",
    # "I was not very confused in the lab", "I'm not lost at all"
    rf"(?:i\s+)?(?:wasn'?t|was not|am not|'m not|i'm not|were not|weren'?t)\s+{_QUALIFIER}"
    rf"(?:confused|unsure|worried|concerned|lost)(?:\s+at all)?{_WHERE}",
    # "there was nothing confusing in the lecture", "there wasn't anything unclear"
    # (the negation is required: "there was a problem" is a real answer)
    rf"there(?:'s| is| was| were)\s+nothing\s+{_QUALIFIER}(?:{_TROUBLE}|confused){_WHERE}",
    rf"there\s+(?:wasn'?t|was not|isn'?t|is not|weren'?t|were not)\s+anything\s+{_QUALIFIER}"
    rf"(?:{_TROUBLE}|confused){_WHERE}",
    # "the session was not confusing at all", "today's lesson wasn't difficult in any way",
    # "I don't think the lecture was confusing"
    # (one negation or the other: "the session was confusing" is a real answer)
    rf"(?:i\s+)?(?:don'?t|do not)\s+(?:think|believe|feel)\s+(?:that\s+)?"
    rf"(?:it|this|that|{_OCCASION}){_WHERE}\s+(?:was|were|is|seemed)\s+"
    rf"{_QUALIFIER}(?:{_TROUBLE}|confused)(?:\s+(?:in any way|at all|to me|for me))*{_WHERE}",
    rf"(?:it|this|that|{_OCCASION}){_WHERE}\s+(?:was|were|is|seemed)(?:n'?t|\s+not)\s+"
    rf"{_QUALIFIER}(?:{_TROUBLE}|confused)(?:\s+(?:in any way|at all|to me|for me))*{_WHERE}",
    # "I did not find any part of the workshop confusing", "didn't find the lab hard at all"
    rf"(?:i\s+)?(?:didn'?t|did not|don'?t|do not)\s+find\s+(?:any (?:part|parts) of\s+)?"
    rf"(?:it|this|that|{_OCCASION}){_WHERE}\s+{_QUALIFIER}(?:{_TROUBLE})"
    rf"(?:\s+(?:in any way|at all))*{_WHERE}",
    # "not that I noticed", "not that I'm aware of"
    r"not that (?:i|we)(?:'m| am| was| were)?\s+(?:know of|can think of|noticed|recall|remember|"
    r"saw|could see|can see|aware of|can tell|could tell)",
    # "nothing I'd change", "nothing that we would do differently"
    rf"nothing(?:\s+that)?\s+(?:i|we)(?:'d| would)\s+(?:change|add|improve|alter|do differently|"
    rf"want to change){_TAIL}{_WHERE}",
    # "no, thanks", "none for now", "not at this time"
    rf"(?:no|none|not|nope|nah)(?:\s+really)?{_TAIL}",
    # "not much to say", "not a lot to add here"
    rf"(?:not|nothing)\s+(?:much|a lot|a great deal|very much)(?:\s+else)?\s+to\s+"
    rf"(?:add|report|say|share|mention|comment on){_TAIL}{_WHERE}",
]
_EMPTY_CLAUSE = re.compile(rf"(?:{_STOCK.pattern}|{'|'.join(_CLAUSES)})")
# Courtesy around the answer: "thanks!", "sorry", "honestly", "at this point"
_COURTESY = re.compile(
    r"\b(?:many thanks|thanks(?: a lot| again| so much)?|thank you(?: so much| very much)?|"
    r"cheers|sorry|honestly|personally|to be honest|tbh|i think|i guess|i believe|"
    r"i (?:felt|feel|thought)(?: like| that)?|"
    r"i would say|i'd say|really|genuinely|truly|actually|currently|otherwise|overall|"
    r"at (?:this|the) (?:time|moment|point|stage)|for now|right now|so far|as of now|"
    r"at present|from me|from my side|here|tonight|yesterday|please|"
    # "today" is courtesy unless it is the subject: "today was very clear"
    r"today(?!\s+(?:was|is|were|went|felt|seemed|seems|made))|"
    r"(?:this|last) (?:week|time|morning|afternoon|evening|session|class|lecture|lesson))\b(?!')"
)
# "all good except the audio", "no suggestions but more breaks": the rest is an answer.
_EXCEPTION = re.compile(
    r"\b(?:except|excepting|but|apart from|aside from|other than|besides|although|though|"
    r"however|unless|only that|save for|beyond|instead)\b"
)
_SPLIT = re.compile(r"\s*(?:[.,;:!?()\[\]]+|\s-+\s|\s[–—]+\s|\band\b)\s*")


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"[\"“”]", "", text)
    text = re.sub(r"\bn\s?[./]\s?a\b\.?", "na", text)  # "n/a", "N.A."
    # emoji and other symbols say nothing either way
    text = re.sub(r"[^\w\s.,;:!?'()/\-–—*\[\]]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1 << 18)  # asked of every reflection by every theme it belongs to
def is_empty_answer(text: str) -> bool:
    """True for an answer that says there is nothing to report (see the module docstring)."""
    norm = _normalise(text)
    if not re.search(r"[^\W_]", norm):
        return True  # blank, punctuation or emoji only
    if len(norm.split()) > MAX_WORDS or _EXCEPTION.search(norm):
        return False
    clauses = [c for c in _SPLIT.split(_COURTESY.sub(" ", norm)) if c and c.strip()]
    clauses = [re.sub(r"\s+", " ", c).strip(" '/") for c in clauses]
    clauses = [c for c in clauses if c]
    if not clauses:  # only courtesy: "Thanks!"
        return True
    return all(_empty_clause(c) for c in clauses)


# A stock reply run into the clause that says so, without a comma: "none everything was fine"
# (the clause has its subject: "nothing comfortable about it" is a complaint)
_RUN_ON = re.compile(
    r"(?:nothing|none|nope|no|nah|na)\s+((?:everything|it|all|that|this|things|the|i|we|there|"
    r"nothing|none)\b.+)"
)


def _empty_clause(clause: str) -> bool:
    if _one_empty_clause(clause):
        return True
    run_on = _RUN_ON.fullmatch(clause)
    return bool(run_on) and _one_empty_clause(run_on.group(1))


# "in today's class I found everything clear": where, said first
_WHERE_FIRST = re.compile(
    rf"(?:in|during|at|for|after|from)\s+(?:(?:today'?s|this|the|our|that)\s+)?{_OCCASION}\s+"
)


def _one_empty_clause(clause: str) -> bool:
    # courtesy taken out can leave a preposition behind: "nothing was confusing for [today]"
    clause = _WHERE_FIRST.sub("", clause, count=1) if _WHERE_FIRST.match(clause) else clause
    return bool(
        _EMPTY_CLAUSE.fullmatch(clause)
        or _EMPTY_CLAUSE.fullmatch(re.sub(r"(?:\s+(?:for|in|at|as|to|on))+$", "", clause))
    )


_FIRST_SENTENCE = re.compile(r"^\s*(.+?)(?:[.!?;]+\s|[.!?;]*$)")
_FIRST_CLAUSE = re.compile(r"^\s*([^,]+?),\s")
# "Nothing was confusing, but the quiz was long": the rest takes it back.
_BUT = re.compile(r"\b(?:but|except|apart from|other than|however|though|although|until)\b", re.I)


def leads_with_nothing(text: str) -> bool:
    """ "Nothing was confusing. We mostly worked on the project.": an answer that first says
    there is nothing to report is counted with those answers, whatever it goes on to say —
    and so is one that says so in a first clause of its own ("Nothing was confusing, we
    mostly worked on the project"; a bare "No," is not one)."""
    first = _FIRST_SENTENCE.match(text)
    if first and is_empty_answer(first.group(1)):
        return True
    clause = _FIRST_CLAUSE.match(text)
    return (
        bool(clause)
        and len(clause.group(1).split()) >= 2
        and not _BUT.search(text)
        and is_empty_answer(clause.group(1))
    )
