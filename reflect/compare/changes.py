"""Contrast two runs, or two groups of one run: which themes grew, shrank, appeared or faded.

Only numbers that already passed disclosure control are used — the cells of ``report.json``
files — so a comparison can never show a count the reports hide: a withheld cell stays
withheld on both sides, and a change is only computed between two shown numbers.

Two runs (``compare_runs``): the danger is differencing. If one run is the other minus a few
people (a withdrawal, a re-run after ``reflect forget``, a hand-edited export), subtracting
their counts exposes those few. The workspace's release ledger (``reflect.privacy.ledger``)
already refused any report whose counts differ from an earlier one's by 1 to k−1 people, so
two runs are compared only if both are unedited reports released from that workspace
(``released``); there is no way around it, however the runs were made.

Two groups of one run (``compare_groups``): cohorts, roles or sessions, named as the privacy
stage's filters are (``cohort=Cohort A``, ``role=mentor``, ``session=1``). The cells come
from the report's own breakdowns, where complementary suppression has already been applied,
so a group comparison adds no disclosure. Session ranges (``session=1..3``) need the
reflections themselves: make two filtered runs with ``reflect analyse --filter`` and compare
those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace

from reflect.defaults import NOTABLE_SHIFT
from reflect.errors import ConfigError, DisclosureRefused
from reflect.groups import Filter
from reflect.report.view import WITHHELD
from reflect.review.refs import SIGNATURE_SIZE, report_ref

# A share must move by at least this much (percentage points / 100) to count as a change.
_BREAKDOWNS = {"role": "by_role", "session": "by_session", "cohort": "by_cohort"}
_TOTALS = {
    "role": "participants_by_role",
    "session": "participants_by_session",
    "cohort": "participants_by_cohort",
}


@dataclass(frozen=True)
class Change:
    ref: str
    label: str
    a: int | None  # distinct participants; None: withheld, or not in that run/group
    b: int | None
    share_a: float | None
    share_b: float | None
    # Over time (two runs, or two sessions): grew | shrank | steady | appeared | faded;
    # between groups (roles, cohorts): higher in B | lower in B | steady | only in A/B;
    # "only shown in A/B" when a theme is listed in both but its count is withheld in one;
    # "not comparable" when both sides are hidden.
    verdict: str


@dataclass
class Comparison:
    a: str
    b: str
    min_group_size: int
    total_a: int | None
    total_b: int | None
    changes: list[Change]
    notes: list[str] = field(default_factory=list)
    # How a hidden cell reads. Never "fewer than k": a cell may be hidden to protect another
    # one, or because it is near its group's total, or differs from an earlier report.
    hidden: str = WITHHELD

    def to_dict(self) -> dict:
        return asdict(self)


def compare_runs(
    a: dict,
    b: dict,
    a_name: str = "A",
    b_name: str = "B",
    released: Callable[[dict], bool] | None = None,
) -> Comparison:
    """``released``: whether a report.json is an unedited report of the workspace's release
    ledger (``reflect.privacy.ledger.released``); without it, nothing is compared."""
    for name, report in ((a_name, a), (b_name, b)):
        if released is None or not released(report):
            raise DisclosureRefused(
                f"{name} is not a report released from this workspace (or it was edited): "
                "only reports checked against each other by the workspace's release ledger "
                "are compared. Run both with `reflect analyse --workspace` on one workspace"
            )
    k = max(int(a["min_group_size"]), int(b["min_group_size"]))
    n_a, n_b = a.get("n_participants"), b.get("n_participants")
    notes = []
    for name, expression in zip((a_name, b_name), [_filter_of(r) for r in (a, b)], strict=True):
        if expression:
            notes.append(f"{name} is a filtered view ({expression})")
    themes_a, themes_b = _themes_by_ref(a), _themes_by_ref(b)
    _match_emerging(themes_a, themes_b)
    changes, withheld = [], set()
    for ref in list(themes_a) + [r for r in themes_b if r not in themes_a]:
        ta, tb = themes_a.get(ref), themes_b.get(ref)
        label = (tb or ta)["label"]
        count_a = ta.get("participants") if ta else None
        count_b = tb.get("participants") if tb else None
        changes.append(_change(ref, label, count_a, count_b, n_a, n_b))
        if (ta and count_a is None) or (tb and count_b is None):
            withheld.add(ref)
    # Listed with its count withheld is not absent: "faded" would say the theme went away
    # when only its number is hidden (below k, or to protect another cell).
    changes = [_as_groups(c, a_name, b_name) if c.ref in withheld else c for c in _ordered(changes)]
    return Comparison(a_name, b_name, k, n_a, n_b, changes, notes)


def compare_groups(report: dict, group_a: str, group_b: str) -> Comparison:
    fa, fb = _single(group_a), _single(group_b)
    if fa.column != fb.column:
        raise ConfigError(
            f"compare groups of one kind: {fa.column} and {fb.column} overlap in people"
        )
    column = fa.column
    key = _BREAKDOWNS[column]
    totals = report.get(_TOTALS[column], {})
    ga, gb = _group_label(fa, totals), _group_label(fb, totals)
    n_a, n_b = totals.get(ga), totals.get(gb)
    changes = []
    for theme in report["themes"]:
        if theme.get("participants") is None:
            continue  # a theme below k has no shown cells to compare
        cells = theme.get(key, {})
        ref = report_ref(theme["id"], theme.get("kind", ""), theme.get("phrases", []))
        changes.append(_change(ref, theme["label"], cells.get(ga), cells.get(gb), n_a, n_b))
    changes = _ordered(changes)
    name_a, name_b = (_group_name(column, g) for g in (ga, gb))
    # Cells are always listed, so a missing one is withheld: "only shown in", never "appeared".
    changes = [
        _as_groups(c, name_a, name_b)
        if column != "session" or c.verdict in ("appeared", "faded")
        else c
        for c in changes
    ]
    notes = []
    if column == "session":
        notes.append("the same person can write in both sessions; counts are not additive")
    return Comparison(
        name_a,
        name_b,
        int(report["min_group_size"]),
        n_a,
        n_b,
        changes,
        notes,
    )


def default_groups(report: dict, by: str) -> tuple[str, str]:
    """Sensible pairs: first vs last session, mentor vs mentee, the first two cohorts."""
    if by not in _TOTALS:
        raise ConfigError(f"--by must be one of {', '.join(_TOTALS)}")
    groups = [g for g in report.get(_TOTALS[by], {}) if g not in ("", "unknown")]
    if by == "role" and {"mentor", "mentee"} <= set(groups):
        groups = ["mentor", "mentee"]
    if len(groups) < 2:
        raise ConfigError(f"the report has fewer than two {by} groups to compare")
    pair = (groups[0], groups[-1]) if by == "session" else (groups[0], groups[1])
    return f"{by}={pair[0]}", f"{by}={pair[1]}"


def _single(expression: str) -> Filter:
    group = Filter.parse(expression)
    if group.low is not None or len(group.values) != 1:
        raise ConfigError(
            f"{expression}: a group of one run is one value (e.g. session=1); for a range, run "
            "`reflect analyse --filter` for each side and compare the two runs"
        )
    return group


def _group_name(column: str, label: str) -> str:
    return {"role": f"{label}s", "cohort": label}.get(column, f"{column} {label}")


def _group_label(group: Filter, totals: dict) -> str:
    wanted = group.values[0]
    for label in totals:
        if label == wanted or (group.column != "cohort" and label.lower() == wanted.lower()):
            return label
    known = ", ".join(totals) or "none"
    raise ConfigError(f"{group}: no such {group.column} in the report (known: {known})")


def _filter_of(report: dict) -> str | None:
    info = (report.get("privacy") or {}).get("filter")
    return info.get("expression") if isinstance(info, dict) else None


def _themes_by_ref(report: dict) -> dict[str, dict]:
    return {
        report_ref(t["id"], t.get("kind", ""), t.get("phrases", [])): t for t in report["themes"]
    }


def _match_emerging(a: dict[str, dict], b: dict[str, dict]) -> None:
    """Give an emerging theme of B the ref of A's emerging theme sharing most of its phrases
    (at least half), so a theme whose top phrases shifted is still recognised."""
    only_a = [r for r in a if r not in b and a[r].get("kind") == "emerging"]
    for ref_b in [r for r in b if r not in a and b[r].get("kind") == "emerging"]:
        phrases_b = {p.lower() for p in b[ref_b].get("phrases", [])[:SIGNATURE_SIZE]}
        best, best_hits = None, 0
        for ref_a in only_a:
            phrases_a = {p.lower() for p in a[ref_a].get("phrases", [])[:SIGNATURE_SIZE]}
            hits = len(phrases_a & phrases_b)
            if hits > best_hits and hits * 2 >= max(len(phrases_a), 1):
                best, best_hits = ref_a, hits
        if best is not None:
            b[best] = b.pop(ref_b)
            only_a.remove(best)


def _change(ref, label, a, b, n_a, n_b) -> Change:
    share_a = a / n_a if a is not None and n_a else None
    share_b = b / n_b if b is not None and n_b else None
    if a is None and b is None:
        verdict = "not comparable"
    elif a is None:
        verdict = "appeared"
    elif b is None:
        verdict = "faded"
    else:
        if share_a is not None and share_b is not None:
            delta = share_b - share_a
            threshold = NOTABLE_SHIFT
        else:  # group sizes hidden: fall back to counts
            delta = (b - a) / max(a, b)
            threshold = 0.2
        verdict = "grew" if delta >= threshold else "shrank" if -delta >= threshold else "steady"
    return Change(ref, label, a, b, share_a, share_b, verdict)


_ORDER = ["appeared", "grew", "shrank", "faded", "steady", "not comparable"]
_GROUP_WORDS = {
    "appeared": "only shown in {b}",
    "grew": "higher in {b}",
    "shrank": "lower in {b}",
    "faded": "only shown in {a}",
}


def _as_groups(change: Change, a: str, b: str) -> Change:
    """Groups are not a before and after: say "higher in B", not "grew"."""
    words = _GROUP_WORDS.get(change.verdict)
    return replace(change, verdict=words.format(a=a, b=b)) if words else change


def _ordered(changes: list[Change]) -> list[Change]:
    def key(c: Change):
        moved = abs((c.share_b or 0) - (c.share_a or 0))
        return (_ORDER.index(c.verdict), -moved, c.label)

    return sorted(changes, key=key)
