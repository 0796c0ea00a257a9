"""The closed classes of English that "nothing to add" answers are made of (``empty.py``):
words for remarks and for trouble, verdicts of praise, the occasion ("the session"), where it
happened ("in today's class") and what may follow a denial ("to add", "at this time")."""

from __future__ import annotations

REMARKS = (
    r"comments?|suggestions?|recommendations?|concerns?|issues?|problems?|questions?|"
    r"complaints?|feedback|ideas|thoughts|improvements?|changes|input|additions?|remarks?|"
    r"notes|worries|confusions?|difficult(?:y|ies)|challenges?|objections?|queries|query|"
    r"points|observations?|responses?|answers?|reflections?|updates?|news|opinions?|"
    r"criticisms?|areas?(?: for improvement| to improve)?|recs|blockers?|barriers?|obstacles?|"
    r"hurdles?|hiccups?|roadblocks?"
)
TROUBLE = (
    r"confusing|unclear|difficult|hard|awkward|surprising|wrong|bad|problematic|challenging|"
    r"uncomfortable|strange|odd|weird|an issue|a problem|a concern|an obstacle|missing|lacking|"
    r"needing (?:improvement|change|attention|work)|negative"
)
# Words saying it was all right ("fine", "clear", "sorted"): said alone, there is nothing to
# report ...
ADEQUATE = (
    r"fine|ok|okay|clear|well|understandable|straightforward|straight forward|smooth|smoothly|"
    r"covered|sorted|alright|all right|as expected|"
    r"well explained|explained well|easy to (?:understand|follow)|simple|understood|"
    r"(?:clearly|properly|thoroughly|nicely) explained|explained (?:clearly|properly|"
    r"thoroughly|in detail)|confident|comfortable"
)
# ...and words of praise ("really good", "very useful"): said alone, praise, which no held-out
# export's annotators counted as nothing to report; in a verdict on everything ("it's all good",
# "everything was great") as much a "no concerns" as "fine".
FINE = (
    rf"{ADEQUATE}|good|great|perfect|excellent|brilliant|helpful|useful|spot on|on point|grand|"
    r"lovely|amazing|fantastic|wonderful|nice"
)
# Praise that names no topic: a whole answer of it is empty ("Informative", "well run"), but
# said first it does not mean nothing follows ("Good session. The role-play was awkward").
PRAISE_WORDS = (
    r"enjoyable|engaging|informative|interesting|valuable|worthwhile|insightful|inspiring|"
    r"positive|productive|constructive|"
    r"superb|outstanding|top notch|first class|fab|fabulous|awesome|terrific|brilliant|"
    r"well (?:run|organi[sz]ed|planned|paced|structured|delivered|presented|facilitated|done|"
    r"prepared|thought out|put together)"
)
# "...in today's class", "...about this session": where, not what
WHERE = (
    r"(?:\s+(?:in|about|during|for|from|with|on|at|after)\s+(?:(?:today'?s|this|the|our|my|that|"
    r"last|each|every|whole|(?:this\s+)?(?:morning|afternoon|evening|week)'?s)\s+)?(?:class|"
    r"classes|lecture|lesson|session|meeting|course|workshop|seminar|lab|tutorial|test|quiz|exam|"
    r"material|content|"
    r"module|week|programme|program|survey|one|time|today|it|this|that|me)(?:\s+today)?)*"
)
# The occasion itself as a subject: "the lecture was fine", "today's class wasn't confusing"
OCCASION = (
    r"(?:(?:(?:the|this|today'?s|that|our|the whole)\s+)?(?:class|lecture|lesson|session|"
    r"meeting|workshop|course|module|seminar|lab|tutorial)(?:\s+period)?|today)"
)
# What a verdict praises when it names no topic: "great workshop", "excellent two days"
EVENT = (
    r"(?:(?:two|three|one|2|3|1|few|couple of)\s+)?(?:class|classes|lecture|lesson|session|"
    r"sessions|meeting|workshop|course|module|seminar|lab|tutorial|training|event|programme|"
    r"program|day|days|experience|job|work|stuff|chat|catch up|catch-up|conversation|call|"
    r"discussion|hour|start|one|sesh|morning|afternoon|evening|set|group|facilitators?|"
    r"trainers?|presenters?|speakers?)"
)
VERB = (
    r"(?:was|is|were|are|(?:has|have|is) been|went|seemed|seems|felt|feels|looks|looked|"
    r"made sense|makes sense|"
    r"worked|works|came across as)"
)
QUALIFIER = (
    r"(?:(?:really|very|v|rly|pretty|quite|so|all|just|totally|completely|perfectly|fairly|too|"
    r"particularly|overly|that|especially|at all|crystal)\s+)*"
)
# ...before a word of praise: "too simple" is a complaint
PRAISE_QUALIFIER = QUALIFIER.replace("too|", "").replace("overly|", "")
MORE = (
    r"(?:(?:further|more|other|additional|extra|specific|particular|real|major|big|serious|"
    r"significant|new|outstanding|immediate|obvious)\s+)*"
)
TAIL = (
    r"(?:\s+(?:to (?:add|report|share|mention|make|raise|say|suggest|give|offer|note|flag|"
    r"declare|comment on|improve|change|fix)|needed|required|necessary|from me|from my side|"
    r"here|on my (?:end|side|part)|for (?:you|now|"
    r"the team|improvement)|at (?:this|the) (?:time|moment|stage|point)|so far|today|as such|"
    r"really|whatsoever|at all|thank you|thanks|either|yet|i can think of|that i can think of|"
    r"that come to mind|that comes to mind|come to mind|comes to mind|(?:on|about) (?:this|that|"
    r"it|anything)|(?:from (?:me )?)?as (?:a |the )?(?:facilitator|mentor|mentee|coach|delegate|"
    r"participant|lead)|from (?:a|my|our|the) \w+(?: \w+)? (?:point of view|perspective))\b)*"
)
# Empty, but no word on concerns: the answer is elsewhere ("see above"). ("Not sure" declines
# to say anything: nothing to report, as one held-out export's annotators had it.)
_EARLIER = (
    r"(?:(?:my|the|our)\s+)?(?:last|previous|prev|first|earlier|other|above|next|below)\s+"
    r"(?:answers?|comments?|module|workshop|day|responses?|replies|reply|feedback|survey|one|"
    r"session|time|week)|(?:q|question\s*)\d"
)
ELSEWHERE = (
    r"(?:as above|as below|see above|see below|see prev(?:ious)?|as previous|as before|"
    r"(?:all\s+)?(?:answered|covered|said) (?:above|below|before|earlier|already|on the day|"
    r"in (?:the )?(?:session|q\d|question \d))|"
    r"(?:same|ditto)(?:\s+as)?(?:\s+(?:above|before|"
    rf"last time|{_EARLIER}))?|(?:as per|see|per|as in|as for)\s+(?:above|before|{_EARLIER}))"
)
# Not decided yet: nothing to report, as "not sure" ("tbc", "will have a think")
UNDECIDED = (
    r"(?:not|not yet|not sure|still not|(?:i\s+)?(?:haven'?t|have not))\s+(?:decided|sure)"
    r"(?:\s+yet)?|"
    r"undecided|tbc|tbd|to be (?:confirmed|decided|determined|agreed)|"
    r"(?:(?:i'?ll|we'?ll|i will|we will|will)\s+)?have a think(?:\s+about it)?|"
    r"(?:i\s+)?(?:need|needs|have|got) to think(?:\s+about it)?(?:\s+more)?|"
    r"(?:i'?ll|we'?ll|i will|we will|will) (?:decide|see|work it out|figure it out)"
    r"(?:\s+(?:next (?:week|time|session)|later|soon))?|"
    r"(?:i\s+)?(?:can'?t|cannot|don'?t|do not) (?:remember|recall)"
)
# Nothing new to say or try: "carry on as before", "more of the same", "that's all"
CONTINUING = (
    r"(?:continue|carry on|keep going|keep doing)(?:\s+(?:as before|as i am|as is|as usual|the same"
    r"(?: things?)?|with (?:the same(?: things?)?|what i'?m doing|what i am doing)|what i'?m doing|"
    r"what i am doing))?|more of the same|same again|that is (?:all|it|everything)"
)
# Courtesy around the answer: "thanks!", "sorry", "honestly", "at this point"
COURTESY = (
    r"\b(?:many thanks|(?:thanks|thank you)(?: a lot| again| so much| very much)?"
    r"(?: (?:all|everyone|everybody|team|for (?:organising|organizing|arranging|everything|"
    r"having me|your time|(?:all\s+)?(?:your|the) (?:hard\s+)?work)|"
    r"for(?= (?:a|another|the|this|today'?s|such a) )))?|"
    r"cheers|thx|ty|pls|plz|lol|atm|sorry|honestly|imo|imho|absolutely|personally|yeah|"
    r"to be honest|tbh|i think|i guess|i believe|i (?:felt|feel|thought)(?: like| that)?|"
    r"i would say|i'd say|really|genuinely|truly|actually|currently|otherwise|overall|"
    r"at (?:this|the) (?:time|moment|point|stage)|for now|right now|so far|as of now|"
    r"at present|from me|from my side|here|tonight|yesterday|please|as always|as ever|"
    r"see you next (?:time|week|session)|"
    # "today" is courtesy unless it is the subject: "today was very clear"; with its
    # preposition ("nothing I'd change about today")
    r"(?:(?:about|for|in|from|during)\s+)?today(?!\s+(?:was|is|were|went|felt|seemed|seems|made))|"
    r"(?:this|last) (?:week|time|morning|afternoon|evening|session|class|lecture|lesson|month|"
    r"round|fortnight|quarter|cycle|term|half term|year)|for once)\b(?!')"
)
# "all good except the audio", "no suggestions but more breaks": the rest is an answer.
EXCEPTION = (
    r"\b(?:except|excepting|but|apart from|aside from|other than|besides|although|though|"
    r"however|unless|only that|save for|beyond|instead)\b"
)
# "no support needed", "I don't need any more help", "I'm ok for now"
MORE_CLAUSES = [
    r"no\s+(?:further\s+|more\s+|extra\s+|other\s+)?(?:support|help|assistance)\s+(?:needed|"
    r"required|necessary|wanted)",
    r"(?:i\s+)?(?:don'?t|do not)\s+need\s+(?:any\s+)?(?:more\s+|further\s+|extra\s+)?(?:support|"
    r"help|assistance)",
    r"(?:i'?m|i am|im)\s+(?:ok|okay|good|fine|alright|all good|sorted|all set)",
]
