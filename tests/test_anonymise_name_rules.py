"""Each name rule on its own: (sentence, the candidate word) -> the rule's verdict (True: a
name, False: not a name, None: no opinion, the next rule decides)."""

from __future__ import annotations

import pytest

from reflect.anonymise import name_company as C
from reflect.anonymise import name_phrases as P
from reflect.anonymise import name_rules as R
from reflect.anonymise.analyzer import default_settings
from reflect.anonymise.lexicon import first_names
from reflect.anonymise.name_apposition import named_by_role
from reflect.anonymise.name_cues import NameCues
from reflect.anonymise.name_tokens import tokenize
from reflect.anonymise.tech_terms import ToolCues

CUES = NameCues.from_settings(default_settings())
TOOLS = ToolCues.from_settings(default_settings())


def verdict(rule, text: str, word: str, known_person: bool = False):
    tokens = tokenize(text)
    i = next(n for n, t in enumerate(tokens) if t.text == word)
    is_name = lambda t: t.norm in first_names()  # noqa: E731
    return rule(R.Candidate(text, tokens, i, is_name, CUES, tools=TOOLS, known_person=known_person))


CASES = {
    R.listed_not_name: [
        ("we talked on Teams", "Teams", False),
        ("a survey of Gen Z staff", "Gen", False),
        ("Teresa said hi", "Teresa", None),
    ],
    R.noun_modifier: [
        ("we ran the Vega Cruz simulation twice", "Vega", False),
        ("the Marisol method worked", "Marisol", False),
        ("I gave Marisol feedback", "Marisol", None),  # an object after a cue word
        ("Marisol talks about it", "Marisol", None),  # a verb, not a noun
        ("Marisol: what a week.", "Marisol", None),
        ("Marisol's method worked", "Marisol's", None),
        ("good to see Marisol backing her own call", "Marisol", None),  # doing it
        ("the Marisol marking scheme", "Marisol", False),
        ("Sarah saying she had the same doubts helped", "Sarah", None),  # a common name doing
    ],
    R.tech_term: [
        ("I moved from Matlab to Julia", "Julia", False),
        ("we tried Ruby for scripting", "Ruby", False),
        ("Vertica, Teradata and Python", "Teradata", False),
        ("my mentor Julia helped", "Julia", True),
        ("Julia said it was fine", "Julia", True),
        ("Julia's idea", "Julia's", True),
        ("Priya joined", "Priya", None),
        # A tool slot: a verb of using before, a software noun after or as the kind.
        ("we use Marisol every day", "Marisol", False),
        ("the Marisol kernel keeps dying", "Marisol", False),
        ("Marisol is a great tool for this", "Marisol", False),
        ("dashboard apps like Marisol", "Marisol", False),
        ("Marisol is a great mentor", "Marisol", None),
        ("I used Marisol's notes", "Marisol's", True),  # a possessive is a person slot
        # A given name English uses, a tool only by a dictionary, in a text naming no tool.
        ("Janet on switchboard put me through", "Janet", None),
        ("Janet and Python on one slide", "Janet", False),
    ],
    R.acronym: [
        ("ED sent the memo", "ED", False),
        ("the API's rate limit is low", "API's", False),  # no possessive of a person
        ("Edith sent the memo", "Edith", None),
    ],
    R.word_shape: [
        ("built it in MatLab", "MatLab", False),
        ("three BSTs later", "BSTs", False),
        ("Spell-check is too eager", "Spell-check", False),
        ("notes in the margin, Quillo-style", "Quillo-style", False),
        ("DeShawn was there", "DeShawn", None),
        ("McKenzie was there", "McKenzie", None),
        ("Anne-Laure was there", "Anne-Laure", None),
    ],
    R.after_article: [
        ("the Dino problem", "Dino", False),
        ("the Dino's problem", "Dino's", None),
        ("that Dino from IT", "Dino", None),
    ],
    named_by_role: [
        ("every day kev the crane supervisor says hello", "kev", True),
        ("big terry the gateman let us in", "terry", True),  # a compound in -man
        ("I mentioned Will, our old site agent, who taught me", "Will", True),  # set off
        ("Hope, the new team lead, was brilliant", "Hope", True),
        ("Dana, the shift manager at Ardwick, rang me", "Dana", True),  # where the job is
        ("Hope, the plan for the depot, is clear", "Hope", None),  # no job
        ("Rob the site manager on the north job joined us", "Rob", True),  # a verb: subject
        ("Chase the facilitator about plans for the room", "Chase", None),  # an order
        ("Will the site manager agree to it?", "Will", None),  # a question
        ("Mark the apprentice as present", "Mark", None),
        ("we had to chase the manager who never replied", "chase", None),
        ("they chase the manager every week", "chase", None),  # a verb after its subject
        ("In April the director said no", "April", None),  # a month
        ("this summer the manager left", "summer", None),  # a determiner before it
        ("assume im the student", "im", None),  # too short to tell
        ("Priya the site manager role is open", "Priya", None),  # the role names a thing
        ("Priya the manager's deputy", "Priya", None),  # the role owns something
        ("Priya the new starter said hi", "Priya", None),  # no role word
        ("Hope the mentee found it useful", "Hope", None),  # "I hope the mentee found..."
        ("Chase the contractor about the invoice we paid", "Chase", None),  # "we" paid
    ],
    P.recipient: [
        ("I will send Jade the notes tomorrow", "Jade", True),
        ("I owe Ruby a coffee for overrunning", "Ruby", True),
        ("showed kwabena my dashboard", "kwabena", True),  # no dictionary knows it
        ("we should give Ruby a go next time", "Ruby", None),  # a try, not a gift
        ("I will send bill the invoice", "bill", None),  # an everyday word in lower case
        ("I sent Jade to the warehouse", "Jade", None),  # nothing given after it
    ],
    P.agent_of_passive: [
        ("the router was reset by gary halfway through", "gary", True),
        ("the day was hosted by Priya", "Priya", True),
        ("the delay was caused by frost overnight", "frost", None),
        ("it was paid by bill at the end", "bill", None),  # "bill" is a verb too
        ("followed by may and june", "may", None),
        ("the desk by gary is free", "gary", None),  # no participle before "by"
        ("it should be sorted by june", "june", None),  # a deadline
    ],
    R.a_word_by_its_grammar: [
        ("we finally got the weekend rota balanced", "rota", False),
        ("the X2 rota means nights", "rota", False),  # "X2", which tokens cut to "X"
        ("fetching the room key took ages", "key", False),
        ("how i run the weekly meeting", "run", False),
        ("staff often skip breaks", "skip", False),
        ("the gap is too long for her", "long", False),
        ("being young on the ward", "young", False),
        ("my mentor jade said it was fine", "jade", None),  # a cue between: a name
        ("the team met jade in the canteen", "jade", None),  # a verb between
        ("lunch with the team and jade", "jade", None),  # a function word between
        ("the new girl, jade, said hi", "jade", None),  # a comma between
        ("the rota", "rota", None),  # after_article's
        ("the weekend Rota", "Rota", None),  # capitalised: other rules
        ("being will's mentee", "will's", None),
        ("on those days joanna said no", "joanna", None),  # a run-on's next clause
        ("so hassan and i talked", "hassan", None),
        ("it was too long for her", "long", False),
    ],
    R.texted_contraction: [
        ("im going to ask her about it", "im", False),  # "I'm" without its apostrophe
        ("Im covering her shift today", "Im", False),
        ("we met Im Soo-jin at the fair", "Im", None),  # a surname before a given name
        ("Dr Im was brilliant", "Im", None),  # capitalised mid-sentence: a person (code review)
        ("thanks to Im for the notes", "Im", None),
        ("the rota and im", "im", None),
    ],
    R.other_language: [
        ("falta mais qualidade de imagem para os graficos do relatorio", "mais", False),
        ("na reuniao o joao disse que a equipa precisa de mais tempo", "joao", False),
        ("obrigado pelo apoio, my mentor joao ajudou muito hoje", "joao", True),
        ("I still find helen hard to work with", "helen", None),  # English: other rules
    ],
    R.only_a_name: [
        ("met siiri today", "siiri", True),
        ("Siiri joined", "Siiri", True),
        ("Python notebooks - Siiri", "Siiri", False),  # beside tools a cue is needed
        ("Python notebooks: Siiri fixed them", "Siiri", True),  # the subject of a verb
        ("Python notebooks - Siiri's fixes", "Siiri's", True),  # a possessive
        ("send me an emil", "emil", False),  # a slip for "email", and no cue
        ("Amit told me it was useful", "Amit", True),  # like "admit", but it told someone
        ("Recenly started a course", "Recenly", False),  # a slip before a verb
        ("Will joined", "Will", None),  # also an everyday word: other rules decide
    ],
    R.calendar_word: [
        ("We met in May", "May", False),
        ("my mentor June", "June", True),
        ("see you Monday", "Monday", False),
        ("Grace said so", "Grace", None),
    ],
    R.function_word: [
        ("I will go", "will", False),
        ("will's idea", "will's", True),
        ("Will this work?", "Will", False),
        ("I told Will about it", "Will", True),
        ("Rose joined", "Rose", None),
    ],
    R.verb_with_object: [
        ("my mentor drew it all out", "drew", False),
        ("she rose the concern twice", "rose", False),
        ("my mentor Drew said", "Drew", None),  # capitalised: not this rule's call
        ("told rose to come along", "rose", None),  # "to" opens no object
        ("thanks to drew for the slides", "drew", None),
    ],
    R.modified_noun: [
        ("make sure ruth knows it", "ruth", None),  # the subject of a clause, no noun
        ("the little green dot blinks", "dot", False),
        ("it was last autumn came up", "autumn", False),  # a time after "last" or "next"
        ("our Rose garden", "Rose", False),
        ("a tall rose bush", "rose", False),
        ("which tab eats the memory", "tab", False),
        ("with rose", "rose", None),
        ("my mentee's rota changed", "rota", False),  # what someone has, not who
        ("Tunde's rota changed", "rota", False),
        ("my mentee's manager Rota", "Rota", None),
    ],
    R.foreign_name: [
        ("Blessing emailed me", "Blessing", True),
        ("Constant changes to the rota are hard", "Constant", False),  # a noun phrase
        ("Raj let me leave early", "Raj", True),  # a verb whose form hides its tense, then me
        ("fixed Door sign", "Door", False),
        ("I sent Vega the slides", "Vega", True),  # a capital mid-sentence and a cue
        ("the Python export in Vega is slow", "Vega", False),  # about tools: "is" is no cue
        ("Grace emailed me", "Grace", None),  # a name in English too: not this rule's call
        ("met magdalena for coffee", "magdalena", None),  # seldom a word: no word to mistake
        ("my mentor marguerite helped", "marguerite", True),  # strong cue, seldom written
    ],
    R.subject_of_verb: [
        ("Stuart looked pleased", "Stuart", True),
        ("then milan wrote back", "milan", True),
        ("Patience chairs the panel", "Patience", True),
        ("Joy keeps a list", "Joy", True),
        ("Martin put me in touch", "Martin", True),
        ("Frank conversations are rare", "Frank", None),
        ("Grace is here", "Grace", None),
        ("Nadia always makes time for it", "Nadia", True),  # an adverb before the verb
        ("Bill works in finance", "Bill", True),
        ("Victor keeps forgetting the link", "Victor", True),
        ("Summer holidays feel far off", "Summer", None),  # a noun's modifier
        ("Spring deadlines are tight", "Spring", None),
        ("we spent it swapping rota tips", "rota", None),  # the gerund's object
        ("then milan wrote back", "milan", True),
    ],
    C.capitalised_mid_sentence: [
        ("I asked Grace about it", "Grace", True),
        ("the Grace Period Policy", "Grace", False),
        ("We met in Florence last year", "Florence", False),
        ("bumped into Grace at lunch", "Grace", False),  # known to no roster: a cue needed
        ("Grace asked", "Grace", None),  # the start of a sentence asks for a capital
    ],
    C.participant_doing: [
        ("Ibrahim sharing stories helped", "Ibrahim", None),  # no roster names him here
    ],
    C.everyday_subject: [
        ("Fine thanks", "Fine", False),  # an answer, not a person thanking
        ("after five periods my brain fried", "brain", False),
        ("Brain dumps at the start of the lesson", "Brain", False),
        ("I think Brain dumps work", "Brain", None),  # a capital mid-sentence: other rules
        ("Patience chairs the panel", "Patience", None),  # a name often enough
        ("Mark asked", "Mark", None),  # a common name
    ],
    C.participant_named: [
        ("Helen doesnt give me the answer", "Helen", None),  # no roster names her here
    ],
    C.relative_who: [
        ("Dawn who does the printing is off", "Dawn", True),
        ("i asked grace who knows the rota", "grace", True),
        ("the Hope who", "Hope", None),  # a noun phrase
        ("Hope keeps us going", "Hope", None),
    ],
    R.too_short: [
        ("drafted it with ai", "ai", False),
        ("Al joined", "Al", None),
    ],
    C.referred_to: [
        ("i went through it with robin and she liked it", "robin", True),
        ("we talked about olive and her new role", "olive", True),
        ("the robin sat there and he watched it", "robin", None),  # after a determiner
        ("a session on ivy leaves. Then he left", "ivy", None),  # another sentence
        ("RT said he would", "said", None),  # a verb is never the name
        ("which was rich coming from him", "rich", None),  # an adjective after "was"
    ],
    C.member_of_a_group: [
        ("we had a really bad paeds job on nights", "job", None),  # an everyday word
        ("Hope in my team has asked to join", "Hope", True),
        ("i think dawn from our office knows", "dawn", True),
        ("I hope in my team we can do better", "hope", None),  # a verb after "I"
        ("Hope in the future", "Hope", None),  # no group
        ("Bill in the exams office has the list", "Bill", True),  # a noun naming the group
        ("dawn on reception put a call through", "dawn", True),  # a department, no article
        ("will in english showed me", "will", True),
        ("I will in english lessons try", "will", None),  # a subject before: a modal
        ("there is hope in it for us", "hope", None),
        ("there is hope in the store", "hope", None),  # a noun after "is"
        ("Karen in the bakery wants to go", "Karen", True),
        ("Frank on nights is the one to ask", "Frank", True),  # a shift
        ("Gemma in the Panopto support team has been great", "Gemma", True),  # two naming words
        ("getting the room key from reception took ages", "key", None),  # a determiner before
        ("Dawn in the comms team knows how", "Dawn", True),  # a word a dictionary lacks
        ("Dawn in the IT team knows how", "Dawn", True),  # an acronym naming the team
        ("Hope in the new team", "Hope", True),
    ],
    C.modal_as_subject: [
        ("Will is ready to take on the rota", "Will", True),
        ("Will this work?", "Will", None),
        ("we will is not English", "will", None),  # lower case: the modal rules decide
        ("Will drew me the org chart", "Will", True),  # a past tense only, no modal's verb
        ("Will read the notes later", "Will", None),  # "read": a base form too
    ],
    C.numbered: [
        ("we met next to Ward 9 after lunch", "Ward", False),
        ("Bay 12b was empty", "Bay", False),
        ("I met Ruth 3 weeks ago", "Ruth", None),  # a count of something else
        ("Ward said so", "Ward", None),
    ],
    C.about_to: [
        ("I'm gong to build a list", "gong", False),
        ("I'm Ruth, the new lead", "Ruth", None),
        ("I'm Ruth and I lead the team", "Ruth", None),
    ],
    C.imperative: [
        ("Mark my words, it will change", "Mark", False),
        ("Will my manager agree?", "Will", False),
        ("Grace, my team lead, agreed", "Grace", None),  # set off by a comma
        ("Then Mark my words", "Mark", None),  # not opening the sentence
        ("Ruth my mentor agreed", "Ruth", None),  # no verb
    ],
    P.asked_to: [
        ("we should ask ruth to chair it", "ruth", True),
        ("I told Grace to go ahead", "Grace", True),
        ("with grace to spare", "grace", None),  # nobody asked
        ("asked, ruth to one side", "ruth", None),  # set off by a comma
        ("Asked grace how the team copes", "grace", True),
        ("I told will about it", "will", True),
        ("asked for grace and patience", "grace", None),
    ],
    P.spoken_to: [
        ("admitted to summer that i judge desks", "summer", True),
        ("explained to will how it works", "will", True),
        ("looking forward to summer that is coming", "summer", None),  # nobody spoken to
        ("said to grace", "grace", None),  # nothing said after it
    ],
    P.verb_after_to: [
        ("she wants to ban generative AI", "ban", False),
        ("I had to mark the mocks", "mark", False),
        ("I spoke to mark the other day", "mark", None),  # spoken to: a person
        ("I need to grace", "grace", None),  # no object after it
        ("wants to Mark the pallets", "Mark", None),  # a capital: other rules decide
    ],
    P.part_of_a_quantity: [
        ("a new bit of kit from the store", "kit", False),
        ("a lot of grace shown", "grace", False),
        ("a friend of kit's", "kit's", None),  # no amount before "of"
        ("a bit of Kit", "Kit", None),
    ],
    P.after_a_count: [
        ("writing frames for the 6 mark questions", "mark", False),
        ("we planted 3 rose bushes", "rose", False),
        ("in year 9 Ellie", "Ellie", None),  # a capital: other rules decide
        ("the mark scheme", "mark", None),
    ],
    P.title_of: [
        ("the forty-page Bill of Materials", "Bill", False),
        ("Bank of England", "Bank", False),
        ("Grace of Finance", "Grace", None),  # a department: where she works
        ("Bill of the exams office", "Bill", None),  # "of the": no title
        ("Priya of Finance", "Priya", None),  # no everyday word
    ],
    R.cue_strength: [
        ("my mentor grace helped", "grace", True),
        ("rebecca would know", "rebecca", True),  # weak cue, a name that is only a noun
        ("with grace and dignity", "grace", False),  # weak cue, "grace" is a verb too
        ("met magdalena for coffee", "magdalena", True),  # weak verb cue, seldom a word
        ("next to magdalena", "magdalena", False),  # a function word is too weak for it
    ],
}


@pytest.mark.parametrize(
    ("rule", "text", "word", "expected"),
    [(rule, *case) for rule, cases in CASES.items() for case in cases],
    ids=lambda v: getattr(v, "__name__", None) or (v if isinstance(v, str) else None),
)
def test_each_rule_gives_its_verdict(rule, text, word, expected):
    assert verdict(rule, text, word) is expected


def test_every_rule_has_a_table():
    assert set(CASES) == set(R.RULES)


def test_the_first_rule_with_an_opinion_decides():
    tokens = tokenize("Will this work?")
    candidate = R.Candidate("Will this work?", tokens, 0, lambda t: True, CUES)
    assert R.decide(candidate) == (False, "function_word")


def test_a_participant_after_a_place_preposition_is_a_name_unless_a_town_is_called_so():
    rule = C.capitalised_mid_sentence
    assert verdict(rule, "bumped into Rachel at the cluster meeting", "Rachel", True) is True
    assert verdict(rule, "we moved into Reading last year", "Reading", True) is False


def test_a_participant_no_dictionary_knows_is_no_word_by_its_grammar():
    rule = R.a_word_by_its_grammar
    assert verdict(rule, "learnt it from scratch too kai found my blog", "kai", True) is None
    assert verdict(rule, "learnt it from scratch too kai found my blog", "kai") is False


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Helen doesnt give me the answer", "Helen", True),  # only a noun, as people are
        ("Aled is still doing it all", "Aled", True),  # seldom a word
        ("Carys raised her hours with me", "Carys", True),  # no slip of the keyboard here
        ("Will is ready to take it on", "Will", None),  # an everyday word: a cue decides
        ("Dawn broke over the car park", "Dawn", None),
        ("helen doesnt give me the answer", "helen", None),  # lower case: other rules
    ],
)
def test_a_participants_capitalised_name_that_is_no_everyday_word_is_a_name(text, word, expected):
    assert verdict(C.participant_named, text, word, True) is expected


def test_a_participant_after_that_before_a_verb_opens_a_clause():
    rule = R.modified_noun
    assert verdict(rule, "i liked that stuart pushed back", "stuart", True) is None
    assert verdict(rule, "i liked that stuart pushed back", "stuart") is False  # no roster


def test_a_participant_opening_a_sentence_before_a_gerund_and_its_object_is_doing_it():
    rule = C.participant_doing
    assert verdict(rule, "Ibrahim sharing stories from his first year", "Ibrahim", True) is True
    assert verdict(rule, "Spring cleaning is overdue", "Spring", True) is None  # a noun
    assert verdict(rule, "then Ibrahim sharing stories", "Ibrahim", True) is None  # mid-sentence
