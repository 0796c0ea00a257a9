"""The executive summary in plain words, derived only from a ``SafeReport``.

Every sentence is built from numbers the report already shows; a suppressed cell is only
ever called "fewer than k", so the summary cannot disclose more than the tables do.
"""

from __future__ import annotations

from dataclasses import dataclass

from reflect.privacy.model import SafeReport, SafeTheme

TOP_THEMES = 3
# A change of share smaller than this (in percentage points) is not worth a sentence.
NOTABLE_SHIFT = 0.05


@dataclass(frozen=True)
class Finding:
    heading: str
    text: str


def role_pair(report: SafeReport) -> tuple[str, str] | None:
    """The two roles to contrast: mentor/mentee when present, else the first two."""
    roles = [r for r in report.participants_by_role if r != "unknown"]
    if "mentor" in roles and "mentee" in roles:
        return "mentor", "mentee"
    return (roles[0], roles[1]) if len(roles) >= 2 else None


def first_last_sessions(report: SafeReport) -> tuple[str, str] | None:
    sessions = list(report.participants_by_session)
    return (sessions[0], sessions[-1]) if len(sessions) >= 2 else None


def _people_and_share(theme) -> str:
    # The share is withheld with the total it divides by (e.g. in a filtered view).
    if theme.share is None:
        return _people(theme.participants)
    return f"{_people(theme.participants)}, {theme.share:.0%}"


def share(value: int | None, total: int | None) -> float | None:
    if value is None or not total:
        return None
    return value / total


def executive_summary(report: SafeReport) -> list[Finding]:
    k = report.min_group_size
    findings: list[Finding] = []
    reported = [t for t in report.themes if t.participants is not None]
    # Emerging themes without a reportable phrase have only a placeholder name.
    shown = [t for t in reported if t.kind != "emerging" or t.phrases]
    unnamed = len(reported) - len(shown)
    if not shown:
        return [
            Finding(
                "Too few people to report",
                f"No theme was raised by at least {k} people, so no theme can be reported "
                "without risking that someone is recognised.",
            )
        ]
    top = sorted(shown, key=lambda t: -(t.participants or 0))[:TOP_THEMES]
    findings.append(
        Finding(
            "What people wrote about most",
            "The most widely shared themes were "
            + _join([f"{_lower(t.label)} ({_people_and_share(t)})" for t in top])
            + ".",
        )
    )
    change = _change_over_sessions(report, shown)
    if change:
        findings.append(change)
    contrast = _role_contrast(report, shown)
    if contrast:
        findings.append(contrast)
    emerging = [t for t in shown if t.kind == "emerging"]
    sentences = []
    if emerging:
        sentences.append(
            f"{len(emerging)} theme{'s' if len(emerging) > 1 else ''} outside the programme "
            f"taxonomy came up, named here by {'their' if len(emerging) > 1 else 'its'} most "
            "common phrase: " + _join([f"“{t.label}”" for t in emerging[:4]]) + "."
        )
    if unnamed:
        sentences.append(
            f"{unnamed} smaller group{'s' if unnamed > 1 else ''} of similar reflections "
            "had no phrase shared widely enough to name safely."
        )
    if sentences:
        findings.append(Finding("Beyond the programme themes", " ".join(sentences)))
    return findings


def _change_over_sessions(report: SafeReport, themes: list[SafeTheme]) -> Finding | None:
    pair = first_last_sessions(report)
    if not pair:
        return None
    first, last = pair
    k = report.min_group_size
    n_first = report.participants_by_session.get(first)
    n_last = report.participants_by_session.get(last)
    rises, falls, arrivals = [], [], []
    for t in themes:
        a, b = t.by_session.get(first), t.by_session.get(last)
        if a is None and b is not None:
            arrivals.append((b, t))
            continue
        sa, sb = share(a, n_first), share(b, n_last)
        if sa is None or sb is None:
            continue
        if sb - sa >= NOTABLE_SHIFT:
            rises.append((sb - sa, t, sa, sb))
        elif sa - sb >= NOTABLE_SHIFT:
            falls.append((sa - sb, t, sa, sb))
    rises.sort(key=lambda r: -r[0])
    falls.sort(key=lambda r: -r[0])
    arrivals.sort(key=lambda r: -r[0])
    arrivals = arrivals[:3]
    sentences = []
    if rises:
        sentences.append(
            "Rising: "
            + _join([f"{_lower(t.label)} (from {a:.0%} to {b:.0%})" for _, t, a, b in rises[:3]])
            + " of those reflecting."
        )
    if arrivals:
        sentences.append(
            "Hardly mentioned at first (fewer than "
            f"{k} people in session {first}) but raised by more later: "
            + _join([f"{_lower(t.label)} ({_people(n)} in session {last})" for n, t in arrivals])
            + "."
        )
    if falls:
        sentences.append(
            "Fading: "
            + _join([f"{_lower(t.label)} (from {a:.0%} to {b:.0%})" for _, t, a, b in falls[:3]])
            + "."
        )
    if not sentences:
        sentences.append(
            f"The mix of themes was broadly stable between session {first} and session {last}."
        )
    return Finding(
        f"What changed from session {first} to session {last}",
        " ".join(sentences),
    )


def _role_contrast(report: SafeReport, themes: list[SafeTheme]) -> Finding | None:
    pair = role_pair(report)
    if not pair:
        return None
    a_role, b_role = pair
    n_a = report.participants_by_role.get(a_role)
    n_b = report.participants_by_role.get(b_role)
    gaps, only_a = [], []
    for t in themes:
        a, b = t.by_role.get(a_role), t.by_role.get(b_role)
        if a is not None and b is None:
            only_a.append((a, t))
            continue
        sa, sb = share(a, n_a), share(b, n_b)
        if sa is not None and sb is not None and sa - sb >= NOTABLE_SHIFT:
            gaps.append((sa - sb, t, sa, sb))
    gaps.sort(key=lambda g: -g[0])
    only_a.sort(key=lambda g: -g[0])
    sentences = []
    if gaps:
        sentences.append(
            f"{a_role.capitalize()}s raised "
            + _join(
                [
                    f"{_lower(t.label)} more often ({sa:.0%} of {a_role}s against {sb:.0%} of "
                    f"{b_role}s)"
                    for _, t, sa, sb in gaps[:3]
                ]
            )
            + "."
        )
    if only_a:
        sentences.append(
            _join([f"{t.label} was raised by {a} {a_role}s" for a, t in only_a[:2]])
            + f"; the number of {b_role}s is withheld to protect individuals."
        )
    if not sentences:
        sentences.append(
            f"No theme stood out as raised by {a_role}s much more often than by {b_role}s."
        )
    return Finding(f"What {a_role}s raise that {b_role}s do not", " ".join(sentences))


def _people(n: int | None) -> str:
    return f"{n} people" if n is not None else "too few people"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lower(label: str) -> str:
    """Lower-case a label for use mid-sentence, keeping acronyms ("AI at work")."""
    words = label.split(" ")
    head = words[0]
    if len(head) > 1 and head[1:].islower():
        words[0] = head.lower()
    return " ".join(words)
