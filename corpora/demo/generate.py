#!/usr/bin/env python
"""Deterministic generator for the reflect demo corpus.

Composes reflections.csv, roster.csv and gold.csv from the hand-written sentence bank in
bank/. Every bank sentence is used at most once; the generator only picks, orders and
lightly restyles them (lowercase writers, typos, missing full stops, dashes, curly quotes).

    python generate.py            # write the three CSVs and refresh the README tables
    python generate.py --check    # regenerate in memory, fail if committed files differ
    python generate.py --demand   # print how many bank items each bucket needs (no bank)

Only the standard library is used; output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
BANK = HERE / "bank"
SEED = 20260203

PROMPT_WORKED = "What worked well in this session?"
PROMPT_AWKWARD = "What felt awkward or surprising?"
PROMPTS = {"worked": PROMPT_WORKED, "awkward": PROMPT_AWKWARD}
HEADERS = [
    "Response ID",
    "Submitted At",
    "Cohort",
    "Session",
    "Participant ID",
    "Role",
    PROMPT_WORKED,
    PROMPT_AWKWARD,
]

TAXONOMY = [
    "digital_tools",
    "ai_at_work",
    "inclusion",
    "generations",
    "hierarchy",
    "hybrid_work",
    "wellbeing",
    "career",
    "politics",
    "trust",
    "culture_change",
]
EMERGING = ["emerging:sustainability", "emerging:scheduling"]
THEMES = TAXONOMY + EMERGING
THEME_FILES = {t: t.replace("emerging:", "emerging_") for t in THEMES}
ROLES = ["mentor", "mentee"]
COHORTS = ["Cohort A", "Cohort B"]
PAIRS_PER_COHORT = 32
SESSIONS = [1, 2, 3, 4, 5, 6]
PII_LABELS = ["PERSON", "EMAIL", "PHONE", "EMPLOYEE_ID", "HANDLE", "URL"]
# which kind of personal data a cell that gets some should carry (the rest of the cell may add names)
PII_TARGET = [
    ("PERSON", 0.58),
    ("EMAIL", 0.12),
    ("PHONE", 0.11),
    ("EMPLOYEE_ID", 0.09),
    ("HANDLE", 0.06),
    ("URL", 0.04),
]
PLACEHOLDER_LABELS = {
    "P": "PERSON",
    "P_FULL": "PERSON",
    "P_POSS": "PERSON",
    "P_LAST": "PERSON",
    "ME": "PERSON",
    "P_EMAIL": "EMAIL",
    "MY_EMAIL": "EMAIL",
    "MY_WORK_EMAIL": "EMAIL",
    "MY_PHONE": "PHONE",
    "P_PHONE": "PHONE",
    "P_EMPID": "EMPLOYEE_ID",
    "MY_EMPID": "EMPLOYEE_ID",
    "P_HANDLE": "HANDLE",
    "MY_HANDLE": "HANDLE",
    "P_URL": "URL",
    "MY_URL": "URL",
}

# Window in which each cohort's pairs hold session n (pairs pick their own day inside it).
SESSION_STARTS = {
    "Cohort A": [
        "2025-09-15",
        "2025-10-20",
        "2025-11-24",
        "2026-01-12",
        "2026-02-16",
        "2026-03-23",
    ],
    "Cohort B": [
        "2025-10-27",
        "2025-12-01",
        "2026-01-19",
        "2026-02-23",
        "2026-03-30",
        "2026-05-05",
    ],
}

# --------------------------------------------------------------------------------------
# Prevalence model: relative weight of each theme by session, then role / prompt / cohort
# multipliers, a per-person "pet theme" and a per-pair shared agenda.
# --------------------------------------------------------------------------------------
SESSION_WEIGHTS = {
    "digital_tools": [10, 8.5, 5.5, 3.5, 2.5, 2],
    "ai_at_work": [6, 7, 5, 3, 2, 1.8],
    "inclusion": [1.2, 2, 3.5, 5, 5.5, 5],
    "generations": [4, 4, 4, 3.5, 3, 2.5],
    "hierarchy": [1.8, 3, 4.5, 5.5, 6, 5.5],
    "hybrid_work": [2.5, 3, 3, 3, 2.5, 2.5],
    "wellbeing": [0.7, 1.2, 2, 2.5, 2.2, 1.8],
    "career": [1.2, 1.8, 3, 4, 5, 6],
    "politics": [0.15, 0.5, 1.3, 2.4, 3.4, 4],
    "trust": [9, 6.5, 3.5, 2.8, 2.8, 4],
    "culture_change": [0.8, 1.3, 2.5, 4, 5, 6.5],
    "emerging:sustainability": [0.1] * 6,
    "emerging:scheduling": [1.0, 1.1, 1.1, 1.2, 1.2, 1.1],
}
ROLE_MULT = {
    "mentee": {
        "digital_tools": 1.55,
        "ai_at_work": 1.45,
        "generations": 1.4,
        "hierarchy": 0.7,
        "career": 0.55,
        "politics": 0.3,
        "inclusion": 0.9,
        "culture_change": 1.1,
        "wellbeing": 0.9,
        "emerging:scheduling": 1.15,
    },
    "mentor": {
        "digital_tools": 0.7,
        "ai_at_work": 0.8,
        "generations": 0.8,
        "hierarchy": 1.5,
        "career": 1.5,
        "politics": 1.6,
        "trust": 1.1,
        "inclusion": 1.1,
        "wellbeing": 1.1,
    },
}
PROMPT_MULT = {
    "worked": {"trust": 1.35, "emerging:scheduling": 0.3, "hierarchy": 0.85, "digital_tools": 1.1},
    "awkward": {
        "trust": 0.55,
        "emerging:scheduling": 1.9,
        "hierarchy": 1.35,
        "generations": 1.25,
        "inclusion": 1.1,
        "digital_tools": 0.85,
        "politics": 1.15,
    },
}
COHORT_MULT = {
    "Cohort A": {"ai_at_work": 1.1, "hybrid_work": 0.75},
    "Cohort B": {"hybrid_work": 1.8, "ai_at_work": 0.9},
}
SUSTAINABILITY_PAIRS = 6  # per cohort: pairs where one of the two cares a lot about climate
SUSTAINABILITY_WEIGHT = 8.0
CHAOTIC_DIARY_PAIRS = 6  # per cohort: pairs whose sessions keep moving
CHAOTIC_DIARY_MULT = 2.0

STYLES = [  # (name, share of participants)
    ("plain", 0.50),
    ("lower", 0.09),
    ("nopunct", 0.07),
    ("typos", 0.08),
    ("curly", 0.10),
    ("dashes", 0.04),
    ("exclaim", 0.06),
    ("lower_nopunct", 0.06),
]
VERBOSITY = [("brief", 0.12), ("normal", 0.6), ("verbose", 0.28)]

TAG_RE = re.compile(r"^\[([^\]]*)\]\s*")
MARKUP_RE = re.compile(r"\[\[([^\]|]+)\|([A-Z_]+)\]\]")
PLACEHOLDER_RE = re.compile(r"\{([A-Z_]+)\}")
SESSION_TAGS = {
    "s1": lambda s: s == 1,
    "early": lambda s: s <= 2,
    "notfirst": lambda s: s >= 2,
    "mid": lambda s: 3 <= s <= 4,
    "late": lambda s: s >= 4,
    "last": lambda s: s == 6,
    "notlast": lambda s: s < 6,
}


# --------------------------------------------------------------------------------------
# Bank
# --------------------------------------------------------------------------------------
@dataclass
class Item:
    uid: str
    text: str
    kind: str  # theme id, or glue kind (opener/closer/neutral/aside/cancelled/short/pii)
    prompt: str | None  # worked / awkward / None (either)
    role: str | None  # mentor / mentee / None (either)
    themes: list[str] = field(default_factory=list)
    gender: str | None = None  # partner gender required by a pronoun in the text
    session_tag: str | None = None
    repeat: bool = False
    swappable: bool = False  # pronouns can be flipped to the other gender without ambiguity
    trap: bool = False  # a deliberate test case (name-like non-PII word, tricky name); used first

    def fits(self, session: int, partner_gender: str) -> bool:
        if self.gender and self.gender != partner_gender and not self.swappable:
            return False
        return not (self.session_tag and not SESSION_TAGS[self.session_tag](session))


def pii_labels_of(it: Item) -> set[str]:
    labs = {PLACEHOLDER_LABELS[k] for k in PLACEHOLDER_RE.findall(it.text)}
    return labs | {lab for _t, lab in MARKUP_RE.findall(it.text)}


SWAP_TO_M = {"she": "he", "hers": "his", "herself": "himself"}
SWAP_TO_F = {"he": "she", "him": "her", "his": "her", "himself": "herself"}


def swap_pronouns(text: str, to: str) -> str:
    table = SWAP_TO_M if to == "m" else SWAP_TO_F

    def repl(m: re.Match) -> str:
        w = m.group(0)
        new = table.get(w.lower())
        if new is None:
            return w
        return new.capitalize() if w[0].isupper() else new

    return re.sub(r"\b[A-Za-z]+\b", repl, text)


def _parse_line(line: str) -> tuple[list[str], str]:
    m = TAG_RE.match(line)
    if not m:
        return [], line
    return m.group(1).split(), line[m.end() :]


def load_bank_file(path: Path, kind: str | None) -> list[Item]:
    """Sections look like `== worked mentee`, `== opener any`, `== awkward mentor`."""
    items: list[Item] = []
    prompt = role = sect = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=="):
            words = line[2:].split()
            sect, prompt, role = None, None, None
            for w in words:
                if w in PROMPTS:
                    prompt = w
                elif w in ROLES:
                    role = w
                elif w != "any":
                    sect = w
            continue
        tags, text = _parse_line(line)
        it = Item(
            uid=f"{path.stem}:{lineno}",
            text=text,
            kind=kind or sect or "?",
            prompt=prompt,
            role=role,
        )
        if kind in THEMES:
            it.themes.append(kind)
        explicit_gender = False
        for t in tags:
            if t in ("f", "m"):
                it.gender = t
                explicit_gender = True
            elif t == "anyg":  # pronouns in the line are about someone other than the partner
                explicit_gender = True
            elif t in SESSION_TAGS:
                it.session_tag = t
            elif t.startswith("+"):
                th = t[1:]
                if th in ("sustainability", "scheduling"):
                    th = "emerging:" + th
                assert th in THEMES, f"{it.uid}: unknown theme tag {t}"
                if th not in it.themes:
                    it.themes.append(th)
            elif t in ROLES:
                it.role = t
            elif t == "repeat":
                it.repeat = True
            elif t == "trap":
                it.trap = True
            else:
                raise ValueError(f"{it.uid}: unknown tag {t}")
        if not explicit_gender:
            fem = bool(re.search(r"\b(she|her|hers|herself)\b", text, re.I))
            mas = bool(re.search(r"\b(he|him|his|himself)\b", text, re.I))
            assert not (fem and mas), f"{it.uid}: mixed pronouns, tag it [f], [m] or [anyg]"
            it.gender = "f" if fem else "m" if mas else None
            if it.gender == "f":  # "her" is ambiguous (him/his), so only she/hers/herself lines
                it.swappable = not re.search(r"\bher\b", text, re.I)
            elif it.gender == "m":  # his -> her is safe unless "his" stands alone
                it.swappable = not re.search(r"\bhis\b(?=[.,;:!?)]|$)", text, re.I)
        items.append(it)
    return items


def load_bank() -> dict[str, list[Item]]:
    bank: dict[str, list[Item]] = {}
    for th in THEMES:
        p = BANK / f"{THEME_FILES[th]}.txt"
        bank[th] = load_bank_file(p, th) if p.exists() else []
    bank["glue"] = load_bank_file(BANK / "glue.txt", None)
    bank["short"] = load_bank_file(BANK / "short.txt", "short")
    bank["pii"] = load_bank_file(BANK / "pii.txt", "pii")
    seen: dict[str, str] = {}
    for items in bank.values():
        for it in items:
            key = re.sub(r"\W+", " ", it.text.lower()).strip()
            if it.kind == "short":  # throwaway answers only need to differ literally
                key = "short:" + it.text
            assert key not in seen, f"duplicate bank text {it.uid} == {seen[key]}: {it.text}"
            seen[key] = it.uid
    return bank


MAX_WORDS = 95


class Picker:
    """Hands out bank items, each at most once (unless tagged `repeat`)."""

    def __init__(self, bank: dict[str, list[Item]], rng: random.Random, virtual: bool = False):
        self.virtual = virtual
        self.used: Counter[str] = Counter()
        self.demand: Counter[tuple] = Counter()
        self.pools: dict[tuple, list[Item]] = defaultdict(list)
        for name in sorted(bank):
            for it in bank[name]:
                kind = it.kind
                self.pools[(kind, it.prompt, it.role)].append(it)
        for key in sorted(self.pools, key=repr):
            rng.shuffle(self.pools[key])
            self.pools[key].sort(key=lambda it: not it.trap)
        self.rng = rng

    def remaining(self, kind: str, prompt: str, role: str) -> int:
        if self.virtual:
            return 1000
        keys = [(kind, prompt, role), (kind, prompt, None), (kind, None, role), (kind, None, None)]
        return sum(1 for k in keys for it in self.pools.get(k, []) if not self.used[it.uid])

    def release(self, it: Item) -> None:
        self.used[it.uid] -= 1

    def pick(
        self, kind: str, prompt: str, role: str, session: int, partner_gender: str, prefer=None
    ) -> Item | None:
        self.demand[(kind, prompt, role)] += 1
        if self.virtual:
            n = self.demand[(kind, prompt, role)]
            return Item(
                uid=f"v:{kind}:{prompt}:{role}:{n}",
                text="Lorem ipsum dolor sit amet consectetur adipiscing elit sed do.",
                kind=kind,
                prompt=prompt,
                role=role,
                themes=[kind] if kind in THEMES else [],
            )
        keys = [(kind, prompt, role), (kind, prompt, None), (kind, None, role), (kind, None, None)]
        cands = [
            it
            for k in keys
            for it in self.pools.get(k, [])
            if (it.repeat or not self.used[it.uid]) and it.fits(session, partner_gender)
        ]
        if prefer:
            preferred = [it for it in cands if prefer(it)]
            if preferred:
                cands = preferred
        if not cands:
            return None
        it = cands[0]
        if kind == "short":  # common throwaways (repeatable) compete with one-off ones
            it = weighted(self.rng, [(c, 2.5 if c.repeat else 1.0) for c in cands])
        self.used[it.uid] += 1
        return it


# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------
@dataclass
class Person:
    pid: str
    name: str
    first: str
    last: str
    gender: str
    nickname: str
    role: str
    cohort: str
    pair_id: str
    style: str = "plain"
    verbosity: str = "normal"
    pets: list[str] = field(default_factory=list)
    blank_rate: float = 0.03
    short_rate: float = 0.05
    phone: str = ""
    personal_email: str = ""
    handle: str = ""
    url: str = ""

    @property
    def work_email(self) -> str:
        return f"{ascii_slug(self.first, '')}.{ascii_slug(self.last, '')}@northwind-group.com"


def ascii_slug(s: str, sep: str = "-") -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = s.replace("'", "")
    return re.sub(r"[^a-z0-9]+", sep, s).strip("-")


def weighted(rng: random.Random, options):
    r = rng.random() * sum(w for _, w in options)
    for val, w in options:
        r -= w
        if r <= 0:
            return val
    return options[-1][0]


UK_MOBILE = "07700 900{:03d}"
PHONE_FORMATS = [
    (lambda rng: UK_MOBILE.format(rng.randrange(1000)), 5),
    (lambda rng: f"+44 7700 900{rng.randrange(1000):03d}", 1),
    (lambda rng: f"020 7946 0{rng.randrange(1000):03d}", 2),
    (lambda rng: f"+44 20 7946 0{rng.randrange(1000):03d}", 2),
    (lambda rng: f"(415) 555-01{rng.randrange(100):02d}", 1),
    (lambda rng: f"+1 212 555 01{rng.randrange(100):02d}", 1),
    (lambda rng: f"+49 30 12345{rng.randrange(100):02d}", 0.5),
    (lambda rng: "+61 491 570 " + rng.choice(["006", "156", "157", "158", "159", "110"]), 0.5),
    (lambda rng: f"+33 1 99 00 {rng.randrange(100):02d} {rng.randrange(100):02d}", 0.5),
]
HANDLE_SUFFIXES = [
    "_codes",
    ".k",
    "_writes",
    "92",
    "_dev",
    "x",
    ".online",
    "_ldn",
    "_",
    "01",
    ".makes",
    "_data",
    "_thinks",
    "99",
    ".b",
]
EMAIL_DOMAINS = [
    "gmail.com",
    "gmail.com",
    "outlook.com",
    "hotmail.co.uk",
    "icloud.com",
    "yahoo.co.uk",
]


def build_roster(rng: random.Random) -> list[Person]:
    rows = []
    for line in (BANK / "names.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, gender, nick = line.split("|")
            rows.append((name.strip(), gender.strip(), nick.strip()))
    assert len(rows) == 2 * 2 * PAIRS_PER_COHORT, len(rows)
    rng.shuffle(rows)
    used_ids: set[int] = set()
    people: list[Person] = []
    for i, (name, gender, nick) in enumerate(rows):
        cohort = COHORTS[i // (2 * PAIRS_PER_COHORT)]
        pair_no = (i % (2 * PAIRS_PER_COHORT)) // 2 + 1
        role = ROLES[i % 2]
        while True:
            n = rng.randrange(10000, 99999)
            if n not in used_ids:
                used_ids.add(n)
                break
        first, last = name.split(" ", 1) if " " in name else (name, "")
        if first in ("Mei", "Jun"):  # two-part given names
            first, last = " ".join(name.split()[:2]), name.split()[2]
        p = Person(
            pid=f"E{n}",
            name=name,
            first=first,
            last=last,
            gender=gender,
            nickname=nick,
            role=role,
            cohort=cohort,
            pair_id=f"{cohort[-1]}{pair_no:02d}",
        )
        p.style = weighted(rng, STYLES)
        p.verbosity = weighted(rng, VERBOSITY)
        pet_opts = [(t, SESSION_WEIGHTS[t][3] * ROLE_MULT[role].get(t, 1.0)) for t in TAXONOMY]
        p.pets = [weighted(rng, pet_opts)]
        if rng.random() < 0.3:
            p.pets.append(weighted(rng, pet_opts))
        p.blank_rate = rng.choice([0.0, 0.01, 0.01, 0.02, 0.02, 0.03, 0.08])
        p.short_rate = rng.choice([0.0, 0.02, 0.03, 0.04, 0.05, 0.06, 0.13])
        if p.verbosity == "brief":
            p.short_rate += 0.06
        p.phone = weighted(rng, PHONE_FORMATS)(rng)
        p.personal_email = "{}{}{}@{}".format(
            ascii_slug(first, ""),
            rng.choice([".", "_", ""]),
            rng.choice(
                [
                    ascii_slug(last, "")[:1],
                    ascii_slug(last, ""),
                    str(rng.randrange(80, 100)),
                    ascii_slug(last, "")[:4] + str(rng.randrange(10)),
                ]
            ),
            rng.choice(EMAIL_DOMAINS),
        )
        p.handle = "@" + ascii_slug(p.nickname or first, "") + rng.choice(HANDLE_SUFFIXES)
        p.url = f"https://linkedin.com/in/{ascii_slug(name)}-{rng.randrange(100, 999)}"
        people.append(p)
    # keep partners' phone numbers distinct
    phones = Counter(p.phone for p in people)
    assert max(phones.values()) <= 2
    return people


# --------------------------------------------------------------------------------------
# Text assembly and style transforms
# --------------------------------------------------------------------------------------
COMMON_TYPOS = {
    "definitely": "definately",
    "separate": "seperate",
    "receive": "recieve",
    "really": "realy",
    "because": "becuase",
    "which": "whcih",
    "their": "thier",
    "necessary": "neccessary",
    "embarrassing": "embarassing",
    "tomorrow": "tommorow",
    "beginning": "begining",
    "occasionally": "occasionaly",
    "colleagues": "collegues",
    "actually": "actualy",
    "interesting": "intresting",
    "different": "diffrent",
    "probably": "probaly",
    "until": "untill",
    "across": "accross",
    "believe": "belive",
    "conversation": "converstion",
    "environment": "enviroment",
    "surprised": "suprised",
    "surprising": "suprising",
    "government": "goverment",
    "awkward": "akward",
    "the": "teh",
    "and": "adn",
    "just": "jsut",
    "with": "wiht",
    "about": "abotu",
}


def add_typo(rng: random.Random, text: str, protected: list[str]) -> str:
    words = list(re.finditer(r"[a-z]{3,}", text))
    rng.shuffle(words)
    for m in words:
        w = m.group(0)
        if any(
            m.start() < text.find(p) + len(p) and text.find(p) < m.end()
            for p in protected
            if p in text
        ):
            continue
        if w in COMMON_TYPOS and rng.random() < 0.7:
            new = COMMON_TYPOS[w]
        elif len(w) >= 5:
            i = rng.randrange(1, len(w) - 2)
            op = weighted(rng, [("swap", 0.45), ("drop", 0.35), ("double", 0.2)])
            if op == "swap":
                new = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
            elif op == "drop":
                new = w[:i] + w[i + 1 :]
            else:
                new = w[:i] + w[i] + w[i:]
        else:
            continue
        if new == w:
            continue
        return text[: m.start()] + new + text[m.end() :]
    return text


def drop_full_stops(text: str) -> str:
    text = re.sub(r"(?<=[a-z0-9)])\.(\s+)(?=[A-Za-z])", r"\1", text)
    return text[:-1] if text.endswith(".") else text


def restyle(
    rng: random.Random, person: Person, sentences: list[str], pii: list[tuple[str, str]]
) -> tuple[str, list[tuple[str, str]]]:
    style = person.style
    if style == "dashes" and len(sentences) > 1:
        text = "\n".join("- " + s.rstrip(".") for s in sentences)
    else:
        text = " ".join(sentences)
    if style == "exclaim" and rng.random() < 0.6:
        text = re.sub(r"\.(\s|$)", r"!\1", text, count=1)
    if style in ("nopunct", "lower_nopunct"):
        text = drop_full_stops(text)
    elif rng.random() < 0.05:
        text = text.rstrip(".")
    if style in ("lower", "lower_nopunct"):
        text = text.lower()
        pii = [(t.lower(), lab) for t, lab in pii]
    if style == "curly":
        text = text.replace("'", "\u2019")
        pii = [(t.replace("'", "\u2019"), lab) for t, lab in pii]
    n_typos = 0
    if style == "typos":
        n_typos = weighted(rng, [(0, 0.35), (1, 0.5), (2, 0.15)])
    elif rng.random() < 0.045:
        n_typos = 1
    for _ in range(n_typos):
        new = add_typo(rng, text, [t for t, _ in pii])
        if all(t in new for t, _ in pii):
            text = new
    return text, pii


# --------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------
@dataclass
class Cell:
    text: str = ""
    themes: list[str] = field(default_factory=list)
    pii: list[tuple[str, str]] = field(default_factory=list)


def theme_weights(
    person: Person, session: int, prompt: str, agenda: list[str], sustain: bool, chaotic: bool
) -> dict[str, float]:
    w = {}
    for t in THEMES:
        x = SESSION_WEIGHTS[t][session - 1]
        x *= ROLE_MULT[person.role].get(t, 1.0)
        x *= PROMPT_MULT[prompt].get(t, 1.0)
        x *= COHORT_MULT[person.cohort].get(t, 1.0)
        if t in person.pets:
            x *= 2.2
        if t in agenda:
            x *= 3.0
        if t == "emerging:sustainability" and sustain:
            x = SUSTAINABILITY_WEIGHT * (1.0 if person.role == "mentor" else 0.7)
        if t == "emerging:scheduling" and chaotic:
            x *= CHAOTIC_DIARY_MULT
        w[t] = x
    return w


def sample_themes(rng: random.Random, weights: dict[str, float], k: int) -> list[str]:
    chosen: list[str] = []
    opts = dict(weights)
    for _ in range(k):
        if not opts:
            break
        t = weighted(rng, list(opts.items()))
        chosen.append(t)
        del opts[t]
    return chosen


class Generator:
    def __init__(self, virtual: bool = False):
        self.rng = random.Random(SEED)
        self.virtual = virtual
        self.bank = {k: [] for k in ("glue", "short", "pii")} if virtual else load_bank()
        if virtual:
            for t in THEMES:
                self.bank[t] = []
        self.picker = Picker(self.bank, random.Random(SEED + 1), virtual=virtual)
        self.people = build_roster(random.Random(SEED + 2))
        self.by_pair: dict[str, list[Person]] = defaultdict(list)
        for p in self.people:
            self.by_pair[p.pair_id].append(p)
        self.fallbacks: Counter[tuple] = Counter()
        self.gaps_rng = random.Random(SEED + 3)

    def partner(self, p: Person) -> Person:
        a, b = self.by_pair[p.pair_id]
        return b if a is p else a

    # --- placeholders -----------------------------------------------------------------
    def fill(
        self,
        rng: random.Random,
        text: str,
        me: Person,
        other: Person,
        pii: list[tuple[str, str]],
        names: dict[str, str],
    ) -> str:
        """Substitute placeholders; `names` keeps one form of the partner's name per answer."""

        def person_name(p: Person) -> str:
            if "P" not in names:
                opts = [(p.first, 50), (p.name, 18), (p.first.lower(), 12)]
                if p.nickname:
                    opts.append((p.nickname, 60))
                names["P"] = weighted(rng, opts)
            return names["P"]

        def repl(m: re.Match) -> str:
            key = m.group(1)
            if key == "P":
                val, lab = person_name(other), "PERSON"
            elif key == "P_FULL":
                val, lab = other.name, "PERSON"
            elif key == "P_POSS":
                if "P" not in names:
                    names["P"] = weighted(
                        rng,
                        [
                            (other.first, 6),
                            (other.first.lower(), 2),
                            (other.nickname or other.first, 3 if other.nickname else 0),
                        ],
                    )
                val, lab = names["P"] + "'s", "PERSON"
            elif key == "P_LAST":
                val, lab = other.last, "PERSON"
            elif key == "ME":
                val, lab = weighted(rng, [(me.first, 5), (me.nickname or me.first, 4)]), "PERSON"
            elif key == "P_EMAIL":
                val, lab = other.work_email, "EMAIL"
            elif key == "MY_EMAIL":
                val, lab = me.personal_email, "EMAIL"
            elif key == "MY_WORK_EMAIL":
                val, lab = me.work_email, "EMAIL"
            elif key == "MY_PHONE":
                val, lab = me.phone, "PHONE"
            elif key == "P_PHONE":
                val, lab = other.phone, "PHONE"
            elif key == "P_EMPID":
                val = weighted(rng, [(other.pid, 4), (other.pid.lower(), 2)])
                lab = "EMPLOYEE_ID"
            elif key == "MY_EMPID":
                val, lab = weighted(rng, [(me.pid, 4), (me.pid.lower(), 1)]), "EMPLOYEE_ID"
            elif key == "P_HANDLE":
                val, lab = other.handle, "HANDLE"
            elif key == "MY_HANDLE":
                val, lab = me.handle, "HANDLE"
            elif key == "P_URL":
                val, lab = other.url, "URL"
            elif key == "MY_URL":
                val, lab = me.url, "URL"
            else:
                raise KeyError(key)
            pii.append((val, lab))
            return val

        text = PLACEHOLDER_RE.sub(repl, text)

        def markup(m: re.Match) -> str:
            assert m.group(2) in PII_LABELS, m.group(0)
            pii.append((m.group(1), m.group(2)))
            return m.group(1)

        return MARKUP_RE.sub(markup, text)

    # --- one text cell ----------------------------------------------------------------
    def compose(
        self,
        rng: random.Random,
        me: Person,
        session: int,
        prompt: str,
        agenda: list[str],
        sustain: bool,
        chaotic: bool,
        want_pii: bool,
    ) -> Cell:
        other = self.partner(me)
        g = other.gender
        cell = Cell()
        # blank / throwaway decisions use their own stream so bank edits don't move them
        if self.gaps_rng.random() < me.blank_rate:
            return cell
        if self.gaps_rng.random() < me.short_rate:
            it = self.picker.pick("short", prompt, None, session, g)
            if it is not None:
                cell.text = it.text
                return cell
        verb = me.verbosity
        k = weighted(
            rng,
            {
                "brief": [(0, 0.10), (1, 0.85), (2, 0.05)],
                "normal": [(0, 0.05), (1, 0.50), (2, 0.40), (3, 0.05)],
                "verbose": [(0, 0.02), (1, 0.24), (2, 0.56), (3, 0.18)],
            }[verb],
        )
        weights = theme_weights(me, session, prompt, agenda, sustain, chaotic)
        for t in weights:  # a nearly exhausted bucket gets rarer instead of running dry
            weights[t] *= min(1.0, self.picker.remaining(t, prompt, me.role) / 8)
        weights = {t: w for t, w in weights.items() if w > 0}
        parts: list[Item] = []
        if want_pii:
            label = weighted(rng, PII_TARGET)
            it = self.picker.pick(
                "pii",
                prompt,
                me.role,
                session,
                g,
                prefer=lambda i, lab=label: lab in pii_labels_of(i),
            )
            if it is not None:
                parts.append(it)
                if it.themes:
                    k = max(0, k - 1)
                    for t in it.themes:
                        weights.pop(t, None)
        themes = sample_themes(rng, weights, k)
        for t in themes:
            n = 2 if rng.random() < {"brief": 0.0, "normal": 0.04, "verbose": 0.14}[verb] else 1
            for _ in range(n):
                it = self.picker.pick(t, prompt, me.role, session, g)
                if it is None:
                    self.fallbacks[(t, prompt, me.role)] += 1
                    alt = sorted(weights, key=lambda x: -weights[x])
                    for t2 in alt:
                        if t2 in themes:
                            continue
                        it = self.picker.pick(t2, prompt, me.role, session, g)
                        if it is not None:
                            break
                if it is not None:
                    parts.append(it)
        rng.shuffle(parts)
        if not parts:
            it = self.picker.pick("neutral", prompt, me.role, session, g)
            if it is not None:
                parts.append(it)
        op_p, cl_p = {"brief": (0.02, 0.02), "normal": (0.11, 0.09), "verbose": (0.3, 0.24)}[verb]
        if rng.random() < op_p:
            it = self.picker.pick("opener", prompt, me.role, session, g)
            if it is not None:
                parts.insert(0, it)
        if rng.random() < 0.035:
            it = self.picker.pick("aside", prompt, me.role, session, g)
            if it is not None:
                parts.append(it)
        if rng.random() < cl_p:
            it = self.picker.pick("closer", prompt, me.role, session, g)
            if it is not None:
                parts.append(it)
        # keep answers under ~95 words: shed glue first, then the last extra themed item
        while len(parts) > 1 and sum(len(i.text.split()) for i in parts) > MAX_WORDS:
            order = ["aside", "closer", "opener"]
            victim = next((i for k in order for i in parts if i.kind == k), None)
            if victim is None:
                victim = next(i for i in reversed(parts) if i.kind != "pii")
            parts.remove(victim)
            self.picker.release(victim)
        # PII sentences that are sign-offs belong at the end
        parts.sort(key=lambda i: 1 if (i.kind == "pii" and not i.themes) else 0)
        sentences, pii, names = [], [], {}
        for it in parts:
            text = it.text
            if it.gender and it.gender != other.gender:
                text = swap_pronouns(text, other.gender)
            sentences.append(self.fill(rng, text, me, other, pii, names))
            for t in it.themes:
                if t not in cell.themes:
                    cell.themes.append(t)
        cell.text, cell.pii = restyle(rng, me, sentences, pii)
        cell.themes = [t for t in THEMES if t in cell.themes]
        return cell

    # --- whole corpus -----------------------------------------------------------------
    def run(self):
        rng = self.rng
        pair_ids = sorted(self.by_pair)
        sustain_pairs, chaotic_pairs = set(), set()
        for c in "AB":
            ids = [p for p in pair_ids if p.startswith(c)]
            sustain_pairs |= set(rng.sample(ids, SUSTAINABILITY_PAIRS))
            chaotic_pairs |= set(rng.sample(ids, CHAOTIC_DIARY_PAIRS))
        pair_sessions = [(pid, s) for pid in pair_ids for s in SESSIONS]
        later = [ps for ps in pair_sessions if ps[1] >= 2]
        cancelled = set(rng.sample(later, 6))
        rest = [ps for ps in later if ps not in cancelled]
        noted = rng.sample(rest, 3)  # one person filled in the form just to say it was off
        noted_idx = {ps: rng.randrange(2) for ps in noted}
        rest = [ps for ps in rest if ps not in noted]
        skipped = {(ps, rng.randrange(2)) for ps in rng.sample(rest, 4)}  # forgot to submit
        cancel_notes = [it for it in self.bank["glue"] if it.kind == "cancelled"]
        rng.shuffle(cancel_notes)

        # pii: roughly one substantive cell in ten
        rows = []
        for pid, s in pair_sessions:
            if (pid, s) in cancelled:
                continue
            a, b = self.by_pair[pid]
            cohort = a.cohort
            start = date.fromisoformat(SESSION_STARTS[cohort][s - 1])
            day = start + timedelta(days=rng.randrange(0, 12))
            while day.weekday() >= 5:
                day += timedelta(days=1)
            meet_min = rng.choice(range(9 * 60, 17 * 60, 30))
            meet = datetime.combine(day, datetime.min.time()) + timedelta(minutes=meet_min)
            opts = [
                (t, SESSION_WEIGHTS[t][s - 1] * COHORT_MULT[cohort].get(t, 1)) for t in TAXONOMY
            ]
            agenda = [weighted(rng, opts)]
            if rng.random() < 0.45:
                t2 = weighted(rng, opts)
                if t2 not in agenda:
                    agenda.append(t2)
            for idx, me in enumerate((a, b)):
                if ((pid, s), idx) in skipped:
                    continue
                sub = self.submit_time(rng, meet)
                cells = {}
                if (pid, s) in noted and idx == noted_idx[(pid, s)]:
                    note = (
                        cancel_notes.pop()
                        if cancel_notes
                        else Item("v", "cancelled", "c", None, None)
                    )
                    self.picker.used[note.uid] += 1
                    cells["worked"] = Cell(text=note.text, themes=["emerging:scheduling"])
                    cells["awkward"] = Cell(text=rng.choice(["", "n/a", ""]))
                    sub = meet + timedelta(minutes=rng.randrange(20, 300))
                else:
                    for prompt in ("worked", "awkward"):
                        want_pii = rng.random() < 0.1
                        cells[prompt] = self.compose(
                            rng,
                            me,
                            s,
                            prompt,
                            agenda,
                            pid in sustain_pairs,
                            pid in chaotic_pairs,
                            want_pii,
                        )
                rows.append((sub, me, s, cells))
        rows.sort(key=lambda r: (r[0], r[1].pid))
        return rows

    @staticmethod
    def submit_time(rng: random.Random, meet: datetime) -> datetime:
        lag = weighted(rng, [(0, 55), (1, 24), (2, 8), (3, 5), (4, 3), (6, 3), (8, 2)])
        if lag == 0:
            t = meet + timedelta(minutes=rng.randrange(45, 6 * 60))
        else:
            d = meet.date() + timedelta(days=lag)
            minute = weighted(
                rng,
                [
                    (rng.randrange(7 * 60 + 30, 9 * 60), 2),
                    (rng.randrange(9 * 60, 17 * 60 + 30), 6),
                    (rng.randrange(17 * 60 + 30, 23 * 60), 3),
                ],
            )
            t = datetime.combine(d, datetime.min.time()) + timedelta(minutes=minute)
        return t


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------
def to_csv(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def build_outputs(gen: Generator, rows) -> dict[str, str]:
    refl, gold = [], []
    for i, (sub, me, s, cells) in enumerate(rows, 1):
        rid = f"R{i:04d}"
        refl.append(
            [
                rid,
                sub.strftime("%Y-%m-%d %H:%M"),
                me.cohort,
                s,
                me.pid,
                me.role,
                cells["worked"].text,
                cells["awkward"].text,
            ]
        )
        for prompt in ("worked", "awkward"):
            c = cells[prompt]
            pii = [{"text": t, "label": lab} for t, lab in c.pii]
            gold.append(
                [rid, PROMPTS[prompt], ";".join(c.themes), json.dumps(pii, ensure_ascii=False)]
            )
    roster = [
        [p.pid, p.name, p.role, p.cohort, p.pair_id, p.nickname]
        for p in sorted(gen.people, key=lambda p: (p.pair_id, p.role != "mentor"))
    ]
    return {
        "reflections.csv": to_csv(HEADERS, refl),
        "gold.csv": to_csv(["response_id", "column", "themes", "pii"], gold),
        "roster.csv": to_csv(
            ["participant_id", "name", "role", "cohort", "pair_id", "nickname"], roster
        ),
    }


def summarise(gen: Generator, rows) -> tuple[str, dict]:
    """Prevalence: distinct participants per theme, by role and by session."""
    by_role: dict[str, dict[str, set]] = {t: {"mentor": set(), "mentee": set()} for t in THEMES}
    by_session: dict[str, dict[int, set]] = {t: {s: set() for s in SESSIONS} for t in THEMES}
    mentions: Counter[str] = Counter()
    pii_counts: Counter[str] = Counter()
    pii_cells = 0
    for _sub, me, s, cells in rows:
        for c in cells.values():
            for t in c.themes:
                by_role[t][me.role].add(me.pid)
                by_session[t][s].add(me.pid)
                mentions[t] += 1
            for _t, lab in c.pii:
                pii_counts[lab] += 1
            pii_cells += bool(c.pii)
    lines = [
        "| theme | cells | mentors | mentees | all | "
        + " | ".join(f"S{s}" for s in SESSIONS)
        + " |",
        "|---|---:|---:|---:|---:|" + "---:|" * len(SESSIONS),
    ]
    for t in THEMES:
        m, e = len(by_role[t]["mentor"]), len(by_role[t]["mentee"])
        lines.append(
            f"| `{t}` | {mentions[t]} | {m} | {e} | {m + e} | "
            + " | ".join(str(len(by_session[t][s])) for s in SESSIONS)
            + " |"
        )
    table = "\n".join(lines)
    pii_lines = ["| label | planted |", "|---|---:|"]
    for lab in PII_LABELS:
        pii_lines.append(f"| {lab} | {pii_counts[lab]} |")
    pii_lines.append(f"| **total** (in {pii_cells} cells) | {sum(pii_counts.values())} |")
    stats = {
        "by_role": by_role,
        "by_session": by_session,
        "pii": pii_counts,
        "pii_cells": pii_cells,
        "table": table,
        "pii_table": "\n".join(pii_lines),
    }
    return table, stats


def check(gen: Generator, rows, outputs: dict[str, str], stats: dict) -> list[str]:
    problems = []
    if len(rows) < 740:
        problems.append(f"only {len(rows)} rows")
    over = [u for u, n in gen.picker.used.items() if n > 1 and not u.startswith("short")]
    rep_ok = {it.uid for it in gen.bank["short"] if it.repeat}
    over = [u for u in over if u not in rep_ok]
    if over:
        problems.append(f"bank items used more than once: {over[:5]}")
    for _sub, _me, _s, cells in rows:
        for c in cells.values():
            for t, _lab in c.pii:
                if t not in c.text:
                    problems.append(f"pii {t!r} not in cell {c.text[:60]!r}")
    for t in THEMES:
        n = sum(len(v) for v in stats["by_role"][t].values())
        need = 12 if t in EMERGING else 8
        if n < need:
            problems.append(f"theme {t}: only {n} distinct participants (need {need})")
    # gold rows align with reflection cells
    refl = list(csv.reader(io.StringIO(outputs["reflections.csv"])))
    gold = list(csv.reader(io.StringIO(outputs["gold.csv"])))
    if len(gold) - 1 != 2 * (len(refl) - 1):
        problems.append("gold.csv does not have one row per text cell")
    cellmap = {(r[0], HEADERS[6]): r[6] for r in refl[1:]}
    cellmap.update({(r[0], HEADERS[7]): r[7] for r in refl[1:]})
    for rid, col, _themes, pii in gold[1:]:
        for obj in json.loads(pii):
            if obj["text"] not in cellmap[(rid, col)]:
                problems.append(f"gold pii {obj['text']!r} missing from {rid}/{col}")
    roster_names = {p.name for p in gen.people} | {p.first for p in gen.people}
    for it in (it for items in gen.bank.values() for it in items):
        for m in MARKUP_RE.finditer(it.text):
            if m.group(1) in roster_names:
                problems.append(f"third party {m.group(1)!r} is in the roster")
    return problems


def update_readme(stats: dict, n_rows: int, n_cells: int, n_blank: int) -> str | None:
    path = HERE / "README.md"
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    block = (
        f"<!-- generated:start -->\n{n_rows} responses, {n_cells} text cells "
        f"({n_blank} blank).\n\n`cells` = answers tagged with the theme; the other columns "
        f"count distinct participants raising it (by role, and per session):\n\n{stats['table']}\n\nPlanted personal data "
        f"(gold `pii`):\n\n{stats['pii_table']}\n<!-- generated:end -->"
    )
    return re.sub(
        r"<!-- generated:start -->.*<!-- generated:end -->", lambda m: block, text, flags=re.S
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify committed files are current")
    ap.add_argument("--demand", action="store_true", help="print bank demand per bucket")
    args = ap.parse_args(argv)

    if args.demand:
        gen = Generator(virtual=True)
        gen.run()
        supply: Counter[tuple] = Counter()
        for items in load_bank().values():
            for it in items:
                supply[(it.kind, it.prompt, it.role)] += 1
        print(f"{'bucket':44s} demand supply")
        for key, n in sorted(gen.picker.demand.items(), key=lambda kv: repr(kv[0])):
            have = supply[key] + supply[(key[0], key[1], None)] + supply[(key[0], None, None)]
            flag = "  <-- short" if have < 1.15 * n else ""
            print(f"{key[0]:26s} {key[1] or '-':8s} {key[2] or '-':7s} {n:6d} {have:6d}{flag}")
        return 0

    gen = Generator()
    rows = gen.run()
    outputs = build_outputs(gen, rows)
    table, stats = summarise(gen, rows)
    n_cells = 2 * len(rows)
    n_blank = sum(1 for r in rows for c in r[3].values() if not c.text.strip())
    readme = update_readme(stats, len(rows), n_cells, n_blank)
    if readme is not None:
        outputs["README.md"] = readme
    problems = check(gen, rows, outputs, stats)

    print(
        f"rows: {len(rows)}  cells: {n_cells}  blank: {n_blank}  "
        f"bank items used: {sum(1 for n in gen.picker.used.values() if n)}"
    )
    words = sorted(len(c.text.split()) for r in rows for c in r[3].values() if c.text.strip())
    print(f"words per non-blank cell: median {words[len(words) // 2]}, max {words[-1]}")
    print(table)
    print(stats["pii_table"])
    if gen.fallbacks:
        print("bank buckets that ran dry (fell back to another theme):", dict(gen.fallbacks))
    if problems:
        print("PROBLEMS:\n  " + "\n  ".join(problems))
        return 1

    if args.check:
        stale = [
            n
            for n, s in outputs.items()
            if not (HERE / n).exists() or (HERE / n).read_text(encoding="utf-8") != s
        ]
        if stale:
            print("out of date:", stale)
            return 1
        print("committed files are up to date")
        return 0
    for name, s in outputs.items():
        (HERE / name).write_text(s, encoding="utf-8", newline="")
    print("wrote", ", ".join(outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
