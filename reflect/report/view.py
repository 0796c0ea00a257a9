"""What every human-readable format shows, decided once from a ``SafeReport``: the title and
the nouns of this programme, which breakdowns exist and which of their groups are shown.

- **Neutral, named by the user.** The title uses the programme's name when it has one; one
  session is called what the programme calls it ("workshop", "module"...), and so is one
  cohort; role names are the data's. No wording assumes mentoring or two roles.
- **Dimensions that exist.** A breakdown (role, cohort, session, prompt) is shown only when
  it has at least two groups; an export without a role column has no role section at all.
- **Many groups.** Role and cohort breakdowns show their ``SHOWN_GROUPS`` largest groups;
  the rest are pooled as "other". Each person has one role and one cohort, so "other" is the
  theme's (or programme's) total minus the shown groups — a number any reader could work out
  from the report — and it is printed only when every number it is made from is shown and it
  is at least k itself. Sessions are a sequence (everyone writes after several), so all of
  them are shown, in order.
- **One word for a hidden number: "withheld".** A number can be hidden because it is small,
  to protect another cell from subtraction, to keep two runs or views from being differenced,
  or under differential privacy; "fewer than k" would be untrue for all but the first.
"""

from __future__ import annotations

from dataclasses import dataclass

from reflect.frames import session_sort_key
from reflect.privacy.model import SafeReport, SafeTheme

# What differential privacy does to the numbers, in every human-readable format.
DP_NOTE = (
    "With differential privacy on, every count carries random noise: numbers are close to, "
    "not exactly, the true counts."
)
# Noise this large beside the programme's (noisy) total makes the counts rough orders of size.
LOUD_NOISE = 0.25


def noise_margin(privacy: dict) -> int | None:
    """Under differential privacy, the noise 9 counts in 10 stay within; else None."""
    return (privacy.get("dp") or {}).get("margin_90")


def dp_note(privacy: dict, participants: int | None) -> str:
    """``DP_NOTE`` with how far the noise reaches, and a plain warning when it is as large
    as the counts (computed from released figures only: no true count is read)."""
    margin = noise_margin(privacy)
    if margin is None:
        return DP_NOTE
    note = (
        "With differential privacy on, every count carries random noise: 9 counts in 10 are "
        f"within {margin} of the true count."
    )
    if noise_is_loud(margin, participants):
        note += (
            " At this privacy budget the noise is large beside the counts themselves: read "
            "them as rough orders of size only, or use a larger --dp-epsilon."
        )
    return note


def dp_line(privacy: dict, participants: int | None) -> str | None:
    """One line for stderr: how far the noise reaches, and whether that drowns the counts."""
    margin = noise_margin(privacy)
    if margin is None:
        return None
    line = f"differential privacy: 9 counts in 10 are within {margin} of the true count"
    if noise_is_loud(margin, participants):
        line += (
            f" — large beside {participants or 'the'} participants shown: the counts are "
            "rough orders of size only (a larger --dp-epsilon adds less noise)"
        )
    return line


def noise_is_loud(margin: int, participants: int | None) -> bool:
    return participants is None or margin >= LOUD_NOISE * max(participants, 1)


SHOWN_GROUPS = 4  # groups per role/cohort chart, table and card; the rest pooled as "other"
OTHER = "other"
WITHHELD = "withheld"
UNKNOWN_ROLE = "unknown"  # the ingest stage's role for rows without one


def withheld_legend(k: int) -> str:
    """What "withheld" means, in every format and in ``reflect compare``. It does not say a
    hidden number is below k: most are hidden to protect another one (see above)."""
    return (
        "withheld: a number that could single people out — fewer than "
        f"{k}, or one from which such a number could be worked out"
    )


def title(report: SafeReport) -> str:
    """The report's title, the same in every format."""
    name = (report.programme or "").strip()
    return f"{name}: what participants wrote" if name else "What participants wrote: themes"


def group_name(noun: str, value: str) -> str:
    """One session or cohort as a sentence names it: "session 3", but "Module 1" and "Autumn
    term" as written, not "workshop Module 1"."""
    return value if any(ch.isalpha() for ch in value) else f"{noun} {value}"


def plural(noun: str) -> str:
    """English plural of a group noun ("workshop" -> "workshops", "class" -> "classes"); a
    pooled group's label is one already ("other roles")."""
    from reflect.privacy.group_values import POOLED

    if noun.lower() in POOLED.values():
        return noun
    if " or " in noun:  # groups pooled for their size: "line manager or facilitator"
        return " or ".join(plural(part) for part in noun.split(" or "))
    words = noun.split(" ")
    last = words[-1]
    lower = last.lower()
    if lower in ("person",):
        last = last[:-6] + ("People" if last[0].isupper() else "people")
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def count(value: int | None) -> str:
    return WITHHELD if value is None else str(value)


def people(value: int | None) -> str:
    return f"{value} {'person' if value == 1 else 'people'}" if value is not None else WITHHELD


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def share(value: int | None, total: int | None) -> float | None:
    if value is None or not total:
        return None
    return value / total


@dataclass(frozen=True)
class Dimension:
    """One breakdown as the report shows it."""

    key: str  # "role" | "cohort" | "session" | "prompt"
    noun: str  # what one group is called: "role", "workshop", "question"...
    groups: list[str]  # the groups shown, largest first (sessions: in order)
    totals: dict[str, int | None]  # people per shown group (and OTHER when pooled)
    pooled: bool  # groups beyond the shown ones exist and are pooled as OTHER
    all_groups: int  # how many groups the breakdown has
    k: int  # the report's minimum group size (a pooled cell below it is withheld)

    @property
    def plural(self) -> str:
        return plural(self.noun)

    @property
    def columns(self) -> list[str]:
        return [*self.groups, OTHER] if self.pooled else list(self.groups)

    def label(self, group: str) -> str:
        """How a group is named in headings and tables."""
        if group == OTHER:
            return f"Other {self.plural}"
        if self.key == "session":  # as sentences name it: "Session 3", "Check-in 3"
            return capital(group_name(self.noun, group))
        return capital(group) if self.key == "role" else group

    def cells(self, theme: SafeTheme) -> dict[str, int | None]:
        """The theme's people in each shown group (and OTHER)."""
        cells = _breakdown(theme, self.key)
        shown = {g: cells.get(g) for g in self.groups}
        if self.pooled:
            shown[OTHER] = _rest(theme.participants, shown.values(), self.k)
        return shown


def dimensions(report: SafeReport) -> dict[str, Dimension]:
    """The breakdowns this report has (two groups or more), keyed by ``role``, ``cohort``,
    ``session``, ``prompt``."""
    k = report.min_group_size
    found: dict[str, Dimension] = {}
    roles = {r: v for r, v in report.participants_by_role.items() if r and r != UNKNOWN_ROLE}
    if len(roles) >= 2:
        found["role"] = _partition("role", "role", report.participants_by_role, roles, report, k)
    cohorts = {c: v for c, v in report.participants_by_cohort.items() if c}
    if len(cohorts) >= 2:
        found["cohort"] = _partition(
            "cohort", report.cohort_name, report.participants_by_cohort, cohorts, report, k
        )
    sessions = sorted((s for s in report.participants_by_session if s), key=session_sort_key)
    if len(sessions) >= 2:
        found["session"] = Dimension(
            "session",
            report.session_name,
            sessions,
            {s: report.participants_by_session[s] for s in sessions},
            False,
            len(sessions),
            k,
        )
    prompts = {p: v for p, v in report.participants_by_prompt.items() if p}
    if len(prompts) >= 2:
        found["prompt"] = Dimension(
            "prompt", "question", list(prompts), dict(prompts), False, len(prompts), k
        )
    return found


def _breakdown(theme: SafeTheme, key: str) -> dict[str, int | None]:
    return getattr(theme, f"by_{key}")


def _partition(
    key: str,
    noun: str,
    every: dict[str, int | None],
    groups: dict[str, int | None],
    report: SafeReport,
    k: int,
) -> Dimension:
    """The largest groups of a partition (role or cohort); the rest pooled as OTHER."""
    # Groups whose size is withheld tell the reader nothing in a chart: the largest shown
    # ones get the places (all withheld: the first few, so the breakdown is still visible).
    sized = sorted((g for g in groups if groups[g] is not None), key=lambda g: (-groups[g], g))
    shown = sized[:SHOWN_GROUPS] or sorted(groups)[:SHOWN_GROUPS]
    pooled = len(every) > len(shown)
    totals = {g: groups[g] for g in shown}
    if pooled:
        totals[OTHER] = _rest(report.n_participants, totals.values(), k)
    return Dimension(key, noun, shown, totals, pooled, len(groups), k)


def _rest(total: int | None, parts, k: int) -> int | None:
    """total minus the shown parts, when every one of them is shown and the rest is ≥ k."""
    parts = list(parts)
    if total is None or any(p is None for p in parts):
        return None
    rest = total - sum(parts)
    return rest if rest >= k else None


def named_themes(report: SafeReport) -> list[SafeTheme]:
    """Themes with a number and a name: emerging themes left without a reportable phrase
    have only a placeholder name and are counted in one line instead. When the taxonomy does
    not fit the answers, the themes found in the answers come first: the taxonomy's would
    otherwise head the report with topics its answers were forced into."""
    named = [t for t in report.themes if t.participants is not None and is_named(t)]
    if taxonomy_fits(report):
        return named
    return sorted(named, key=lambda t: t.kind != "emerging")  # stable: by people within


def taxonomy_fits(report: SafeReport) -> bool:
    """Whether the taxonomy explains enough of the answers (True when it was not measured)."""
    return not report.taxonomy_fit or report.taxonomy_fit.get("fits", True) is not False


def card_phrases(theme: SafeTheme) -> list[str]:
    """The phrases a theme's card and table row list: not its label, which heads them."""
    return [p for p in theme.phrases if p != theme.label]


def is_named(theme: SafeTheme) -> bool:
    return theme.kind != "emerging" or bool(theme.phrases)


def small_programme(report: SafeReport) -> str | None:
    """The report's note when fewer than 2k people took part (most breakdowns will then be
    withheld), else None. Under differential privacy the count is noisy, and says so."""
    n, k = report.n_participants, report.min_group_size
    if n is None or n >= 2 * k:
        return None
    if report.privacy.get("dp_epsilon") is not None:
        who = f"the noisy count of participants is below {2 * k}"
    else:
        who = f"fewer than {2 * k} people took part"
    return (
        f"{who}, twice the minimum group size of {k}, so most breakdowns are withheld and "
        "only the most widely shared themes can be shown."
    )
