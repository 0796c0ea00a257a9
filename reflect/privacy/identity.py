"""Who a participant is to the release ledger (``ledger.py``): their pseudonym, or what they
wrote.

A pseudonym comes from the export's id column, and whoever runs the tool controls that column:
the same people under new ids ("E1" -> "E1-2") would be new people to a ledger that knew them
by id alone, and a report on all of them but one, set beside the first report, would show
exactly what that one person's answers were counted in. So the ledger also keeps a keyed tag of
each participant's *distinctive* answers (at least ``MIN_WORDS`` words, written by nobody else in
the export), and a participant it does not know by id is the known person who wrote more than
half of their answers (all of them looked up: a fake participant copying everyone's answers
leaves nobody's distinctive, but everyone still repeats their own). New ids on the same answers
are the same people; rewording most of everyone's answers is not caught (it also changes what
the themes count; README, "Privacy").

Each person's answers as released are kept too, as one keyed tag of the whole set (a
*version*): a report in which 1 to k−1 people are new or wrote something else than in every
earlier release is refused (the ledger's rule 3). A version holds the person's role, cohort,
sessions and questions by the name the ledger knows each group by — the earlier name whose
answers are most nearly the group's (``People._named_groups``) — not by its label: renaming
every group ("Grp A" -> "Team A", "1" -> "Module 1") changed everyone, so moving one person
or answer to another group beside it was no longer "1 changed" and the cells it withheld
showed that person's themes (red-team findings, 3 December 2026); now the renaming changes
nobody and the move is refused.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from reflect import frames as F
from reflect.keys import keyed_tag

PURPOSE = "release ledger v1"
GROUP_SEP = "\x1f"
MIN_WORDS = 2  # "n/a", "fine" are everyone's; written by one person, two words are theirs
_NOT_WORD = re.compile(r"[^\w]+")


def _normalised(frame: pd.DataFrame) -> pd.Series:
    """Answers lower-cased, punctuation dropped: a copy with a comma more is still a copy."""
    return frame[F.TEXT].map(lambda t: _NOT_WORD.sub(" ", str(t).lower()).strip())


def member_tags(answers: pd.Series, key: bytes) -> dict[str, str]:
    """Each participant's ledger tag (``answers``: ``answer_sets``): keyed on the pseudonym,
    or — for participants whose answers are all identical to others' — on the shared answers
    and their number."""
    sharing = answers.map(answers.value_counts())
    return {
        participant: keyed_tag(key, PURPOSE, "copies", text, str(n))
        if n > 1
        else person_tag(key, participant)
        for participant, text, n in zip(answers.index, answers, sharing, strict=True)
    }


def person_tag(key: bytes, pseudonym: str) -> str:
    return keyed_tag(key, PURPOSE, "person", pseudonym)


def answer_tags(frame: pd.DataFrame, key: bytes) -> dict[str, list[tuple[str, bool]]]:
    """Each participant's answers as keyed tags (never the text), each with whether it is
    distinctive (``MIN_WORDS`` or more, nobody else in the export wrote it). All are looked
    up: a fake participant who copies everyone's answers makes none of them distinctive, but
    each real one still repeats their own; only distinctive ones are remembered."""
    pairs = pd.DataFrame({"who": frame[F.PARTICIPANT], "text": _normalised(frame)})
    pairs = pairs[pairs["text"] != ""].drop_duplicates()
    writers = pairs.groupby("text")["who"].transform("size")
    own = (writers == 1) & (pairs["text"].str.split().str.len() >= MIN_WORDS)
    tags: dict[str, list[tuple[str, bool]]] = {}
    for who, text, distinctive in zip(pairs["who"], pairs["text"], own, strict=True):
        tags.setdefault(who, []).append((keyed_tag(key, PURPOSE, "answer", text), distinctive))
    return tags


class People:
    """Who is who in one workspace's ledger: each participant's bit (by pseudonym, else by
    distinctive answers, else a new one) and whether their answers are a released version."""

    def __init__(self, db, key: bytes) -> None:
        self.key = key
        self.tags = dict(db.execute("SELECT tag, bit FROM ledger_people").fetchall())
        self.answers = dict(db.execute("SELECT tag, bit FROM ledger_answers").fetchall())
        self.versions = dict(db.execute("SELECT tag, bit FROM ledger_versions").fetchall())
        # column -> group name -> the answers it held (keys: the writer's bit, the answer's tag)
        self.groups: dict[str, dict[str, set[str]]] = {}
        self._add_groups(db.execute("SELECT tag, bit FROM ledger_groups").fetchall())
        self.new: dict[str, dict[str, int]] = {
            "people": {}, "answers": {}, "versions": {}, "groups": {}
        }  # fmt: skip
        self.changed = 0  # people of the last ``bits`` whose answers no release had
        self.changed_bits: frozenset[int] = frozenset()  # (their bits)
        # After the highest bit anyone holds: counting tags would give a bit someone has
        # once a forgotten person's tag is gone (a forgotten bit is clear in every set).
        (top,) = db.execute(
            "SELECT max(bit) FROM (SELECT bit FROM ledger_people UNION ALL "
            "SELECT bit FROM ledger_answers)"
        ).fetchall()[0]
        self._next_bit = 0 if top is None else top + 1

    def bits(self, frame: pd.DataFrame) -> dict[str, int]:
        sets = answer_sets(frame)
        tags, answers = member_tags(sets, self.key), answer_tags(frame, self.key)
        # The whole set of a person's answers is theirs when nobody else wrote that set, even
        # if each answer is everyone's ("Good session", "Bit rushed").
        own_set = sets.map(sets.value_counts()) == 1
        set_tags = {p: keyed_tag(self.key, PURPOSE, "answer set", t) for p, t in sets.items()}
        # Known by pseudonym first (a copy whose answer now reads differently is still who it
        # was), then by the member tag (copies share one), then by what they wrote.
        persons = {p: person_tag(self.key, p) for p in tags}
        out = {}
        for participant, tag in tags.items():
            for known in (persons[participant], tag):
                if (bit := self.tags.get(known)) is not None:
                    out[participant] = bit
                    break
        taken = set(out.values())
        for participant, tag in tags.items():
            if participant in out:
                continue
            looked_up = [tag for tag, _ in answers.get(participant, [])]
            bit = self.answers.get(set_tags[participant])
            if bit is None or bit in taken:
                bit = known_by_answers(looked_up, self.answers, taken)
            if bit is None and (bit := self.new["people"].get(tag)) is None:
                bit, self._next_bit = self._next_bit, self._next_bit + 1
            self.new["people"][tag] = out[participant] = bit
            taken.add(bit)
        for participant, bit in out.items():
            if persons[participant] not in self.tags:
                self.new["people"].setdefault(persons[participant], bit)
        for participant, own in answers.items():
            for tag, distinctive in own:
                if distinctive and tag not in self.answers:
                    self.new["answers"].setdefault(tag, out[participant])
        for participant, tag in set_tags.items():
            if own_set[participant] and tag not in self.answers:
                self.new["answers"].setdefault(tag, out[participant])
        changed = set()
        for participant, text in _placed_answers(self._named_groups(frame, out)).items():
            bit = out[participant]
            version = keyed_tag(self.key, PURPOSE, "version", str(bit), text)
            if version not in self.versions:
                self.new["versions"][version] = bit
                changed.add(bit)
        self.changed, self.changed_bits = len(changed), frozenset(changed)
        return out

    def store(self, db) -> None:
        """Record what the last ``bits`` learnt (when its report is released)."""
        for name, new in self.new.items():
            if new:
                rows = pd.DataFrame({"tag": list(new), "bit": list(new.values())})
                db.register("ledger_new", rows)
                try:
                    db.execute(f"INSERT OR IGNORE INTO ledger_{name} SELECT * FROM ledger_new")
                finally:
                    db.unregister("ledger_new")
        self.tags.update(self.new["people"])
        self.answers.update(self.new["answers"])
        self.versions.update(self.new["versions"])
        self._add_groups(self.new["groups"].items())
        self.new = {name: {} for name in self.new}

    def _add_groups(self, rows) -> None:
        for tag, _bit in rows:  # tag: column, answer key and the group's name
            column, answer, name = tag.split(GROUP_SEP, 2)
            self.groups.setdefault(column, {}).setdefault(name, set()).add(answer)

    def _named_groups(self, frame: pd.DataFrame, bits: dict[str, int]) -> pd.DataFrame:
        """The frame with each role, cohort, session and question named as the ledger knows
        the group: by the earlier name whose answers are most nearly its answers (Jaccard
        over half; one group per name, the closest), else by a keyed tag of its label (a
        group mostly new, or one answer moved out on its own). Groups are matched by their
        answers, not their people: everyone may write after every session. Each answer's
        name is noted for the next report."""
        named = frame.copy()
        keys = [
            f"{bits[p]}:{keyed_tag(self.key, PURPOSE, 'answer', t)}"
            for p, t in zip(frame[F.PARTICIPANT], _normalised(frame), strict=True)
        ]
        for column in (F.ROLE, F.COHORT, F.SESSION, F.PROMPT):
            held = self.groups.get(column, {})
            labels = frame[column].astype(str).tolist()
            answers: dict[str, set[str]] = {}
            for label, answer in zip(labels, keys, strict=True):
                answers.setdefault(label, set()).add(answer)
            own = {label: keyed_tag(self.key, PURPOSE, "group", column, label) for label in answers}
            claims: dict[str, tuple[str, tuple]] = {}
            for label, mine in answers.items():
                scored = [
                    ((len(mine & theirs) / len(mine | theirs), name == own[label]), name)
                    for name, theirs in held.items()
                ]
                best = max(scored, default=((0.0, False), ""))
                if best[0][0] > 0.5 and best[0] > claims.get(best[1], ("", (0.0, False)))[1]:
                    claims[best[1]] = (label, best[0])
            names = {label: name for name, (label, _) in claims.items()}
            named[column] = [names.get(label) or own[label] for label in labels]
            for label, answer, bit in zip(
                labels, keys, frame[F.PARTICIPANT].map(bits), strict=True
            ):
                name = names.get(label) or own[label]
                self.new["groups"][GROUP_SEP.join((column, answer, name))] = int(bit)
        return named


def _placed_answers(frame: pd.DataFrame) -> pd.Series:
    """Each participant's answers with where each was written (session, question) and who
    they were then (role, cohort), as one string: a version. An answer moved to another
    session is a changed person, though the words are the same; so is one whose punctuation
    or capitals changed, since themes are found sentence by sentence: two full stops dropped
    from one answer moved it out of two themes' cells, withheld then as "earlier release"
    while nobody counted as changed (red team, 4 December 2026). Who is who is still decided
    on normalised answers (``answer_tags``): a copy with a comma more is still a copy."""
    placed = frame[F.TEXT].astype(str)
    for column in (F.COHORT, F.ROLE, F.PROMPT, F.SESSION):  # column-wise: a row-wise join is slow
        placed = frame[column].astype(str) + "\x1f" + placed
    return placed.groupby(frame[F.PARTICIPANT]).agg(lambda s: "\x1e".join(sorted(set(s))))


def answer_sets(frame: pd.DataFrame) -> pd.Series:
    """Each participant's answers, normalised, as one string."""
    return (
        _normalised(frame).groupby(frame[F.PARTICIPANT]).agg(lambda s: "\x1e".join(sorted(set(s))))
    )


def known_by_answers(tags: list[str], known: dict[str, int], taken: set[int]) -> int | None:
    """The bit of the known person who wrote more than half of these distinctive answers
    (``known``: answer tag -> bit), unless someone in this export already has that bit."""
    bits = Counter(known[t] for t in tags if t in known)
    if not bits:
        return None
    bit, n = bits.most_common(1)[0]
    return bit if 2 * n > len(tags) and bit not in taken else None
