"""The executive summary in plain words, derived only from a ``SafeReport``.

Every sentence must be true in every mode (exact counts, differential privacy, quotes on or
off, filtered views, tiny programmes), so the rules are strict:

- a sentence uses only numbers the report shows, and compares two groups only where both
  numbers are shown;
- it never says what a withheld number implies (withheld is not zero, and not necessarily
  small: it may protect another cell, or keep two releases from being differenced);
- it names groups by the programme's own words (``reflect.report.view``) and assumes no
  number of roles, cohorts or sessions.
"""

from __future__ import annotations

from dataclasses import dataclass

from reflect.defaults import NOTABLE_SHIFT
from reflect.privacy.model import SafeReport, SafeTheme
from reflect.report.view import (
    Dimension,
    dimensions,
    group_name,
    is_named,
    noise_is_loud,
    noise_margin,
    people,
    plural,
    share,
    taxonomy_fits,
)

TOP_THEMES = 3
# Questions named in the summary's "question by question" sentence (the most answered first);
# a survey with many "other (please say)" boxes would otherwise make it a wall of text.
TOP_PROMPTS = 4


@dataclass(frozen=True)
class Finding:
    heading: str
    text: str


def executive_summary(report: SafeReport) -> list[Finding]:
    k = report.min_group_size
    reported = [t for t in report.themes if t.participants is not None]
    shown = [t for t in reported if is_named(t)]
    unnamed = len(reported) - len(shown)
    if not shown:
        return [
            Finding(
                "No theme can be reported",
                f"No theme can be shown with at least {k} people behind it, so none is "
                "reported: anything smaller could let someone be recognised.",
            )
        ]
    dims = dimensions(report)
    fits = taxonomy_fits(report)
    found_in_answers = [t for t in shown if t.kind == "emerging"]
    # A taxonomy that does not fit would headline themes its answers were forced into: the
    # themes found in the answers themselves lead instead.
    leading = shown if fits or not found_in_answers else found_in_answers
    what = "themes" if leading is shown else "themes found in the answers"
    # "Nothing to report" is counted like a theme but is no topic: it is said after them.
    topics = [t for t in leading if not t.nothing_to_report]
    # ...whatever leads: saying there is nothing to report is no taxonomy's domain.
    nothing = [t for t in shown if t.nothing_to_report] if topics else []
    top = sorted(topics or leading, key=lambda t: -(t.participants or 0))[:TOP_THEMES]
    most = (
        f"The most widely shared {what} were "
        + join([f"{lower(t.label)} ({_people_and_share(t)})" for t in top])
        + "."
    )
    for theme in nothing[:1]:
        share = f" ({theme.share:.0%})" if theme.share is not None else ""
        most += (
            f" {capital_first(people(theme.participants))}{share} said at least once that "
            f"there was nothing to report (“{theme.label}”)."
        )
    findings = [Finding("What people wrote about most", most)]
    margin = noise_margin(report.privacy)
    loud = margin is not None and noise_is_loud(margin, report.n_participants)
    if loud:
        # Rises, falls and role differences between counts this noisy are the noise's own;
        # said first, as it changes how every number below is read.
        findings.insert(
            0,
            Finding(
                "Counts carry heavy noise",
                f"With differential privacy at this budget, 9 counts in 10 are within {margin} "
                "of the true count, so changes over time and differences between groups are "
                "not summarised here.",
            ),
        )
    for finding in (
        _by_prompt(report, topics or leading, dims.get("prompt")),
        None if loud else _change_over_sessions(leading, dims.get("session")),
        None if loud else _contrast(leading, dims.get("role")),
    ):
        if finding:
            findings.append(finding)
    emerging = [t for t in shown if t.kind == "emerging"]
    sentences = []
    if emerging:
        # Without a taxonomy that fits, nothing lies "outside" it: every theme was found.
        where = "outside the programme taxonomy came up" if fits else "were found in the answers"
        if len(emerging) == 1:
            where = where.replace("were found", "was found")
        sentences.append(
            f"{len(emerging)} theme{'s' if len(emerging) > 1 else ''} {where}, named here by "
            f"{'their' if len(emerging) > 1 else 'its'} most common words: "
            + join([f"“{t.label}”" for t in emerging[:4]])
            + "."
        )
    if unnamed:
        sentences.append(
            f"{unnamed} smaller group{'s' if unnamed > 1 else ''} of similar reflections "
            "had no phrase shared widely enough to name safely."
        )
    if sentences:
        heading = "Beyond the programme themes" if fits else "Themes found in the answers"
        findings.append(Finding(heading, " ".join(sentences)))
    fit = taxonomy_fit_sentence(report.taxonomy_fit)
    if fit:
        # A taxonomy that does not fit changes how everything above is read: say it first.
        findings.insert(0 if report.taxonomy_fit["fits"] is False else len(findings), fit)
    return findings


def taxonomy_fit_sentence(fit: dict | None) -> Finding | None:
    """How much of the data the taxonomy explains (``SafeReport.taxonomy_fit``), in words."""
    if not fit:
        return None
    if not fit.get("taxonomy_themes"):
        return Finding(
            "No taxonomy", "Every theme in this report was found in the answers themselves."
        )
    if programme := fit.get("other_programme"):
        return Finding(
            "The built-in themes were not applied",
            f"The taxonomy that comes with the tool is written for {programme}, and these "
            "answers do not come from such a programme (no role or question names it, and few "
            "answers do), so its themes are not counted: answers would only have been forced "
            "into them. The themes below were found in the answers themselves; to count your "
            "programme's own themes, write them in a taxonomy file and name it with --taxonomy.",
        )
    # Withheld (None) when few people stand behind it or under DP (privacy/fit.py).
    share = fit["explained_share"]
    if fit["fits"] is None:
        return Finding(
            "How well the taxonomy fits",
            "Not measured: under differential privacy every number is noised, and the fit "
            "would be an exact one. The programme's themes lead the report; the other themes "
            "were found in the answers they leave unexplained.",
        )
    share = ("most" if fit["fits"] else "less than half") if share is None else f"about {share:.0%}"
    if fit["fits"]:
        return Finding(
            "How well the taxonomy fits",
            f"The programme's taxonomy explains {share} of the answers that raise a topic; "
            "the other themes were found in the rest.",
        )
    set_aside = fit.get("not_counted") or []
    not_counted = (
        f" Its themes are not counted ({join(set_aside)}): answers would only have been forced "
        "into them."
        if set_aside
        else ""
    )
    return Finding(
        "The taxonomy does not fit these answers",
        f"It explains {'' if fit['explained_share'] is None else 'only '}{share} of the "
        "answers that raise a topic (at least "
        f"{fit['min_explained_share']:.0%} would be expected), so its themes are a poor "
        f"summary of what people wrote.{not_counted} The themes below were found in the "
        "answers themselves; check that the right taxonomy was used (or run with --taxonomy "
        "none).",
    )


def _people_and_share(theme: SafeTheme) -> str:
    # The share is withheld with the total it divides by (e.g. in a filtered view).
    if theme.share is None:
        return people(theme.participants)
    return f"{people(theme.participants)}, {theme.share:.0%}"


def _by_prompt(
    report: SafeReport, themes: list[SafeTheme], prompts: Dimension | None
) -> Finding | None:
    """For each question, the theme most people raised in their answers to it."""
    if prompts is None:
        return None
    parts = []
    answered = sorted(prompts.groups, key=lambda p: -(prompts.totals.get(p) or 0))
    for prompt in answered[:TOP_PROMPTS]:
        ranked = [(n, t) for t in themes if (n := t.by_prompt.get(prompt)) is not None]
        if ranked:
            n, theme = max(ranked, key=lambda r: (r[0], r[1].label))
            parts.append(
                f"answers to “{prompt}” most often raised {lower(theme.label)} ({people(n)})"
            )
    if not parts:
        return None
    text = capital_first("; ".join(parts)) + "."
    if len(prompts.groups) > TOP_PROMPTS:
        rest = len(prompts.groups) - TOP_PROMPTS
        text += (
            f" (The {TOP_PROMPTS} questions most people answered; the other {rest} are "
            "broken down question by question below.)"
        )
    return Finding("Question by question", text)


def _change_over_sessions(themes: list[SafeTheme], sessions: Dimension | None) -> Finding | None:
    """Each theme's earliest against its latest session with a shown count, in shares of the
    people who wrote after each; only where both cells and both group sizes are shown. A
    theme few raised at first is withheld there, and a theme that grew from nothing is the
    change a lead most needs to see: it is compared from the first session that shows it."""
    if sessions is None:
        return None
    first, last = sessions.groups[0], sessions.groups[-1]
    noun = sessions.noun
    heading = f"What changed from {group_name(noun, first)} to {group_name(noun, last)}"
    rises, falls, compared = [], [], 0
    for t in themes:
        shown = [
            (g, a)
            for g in sessions.groups
            if (a := share(t.by_session.get(g), sessions.totals.get(g))) is not None
        ]
        if len(shown) < 2:
            continue
        compared += 1
        (g_a, a), (g_b, b) = shown[0], shown[-1]
        named = (g_a, g_b) != (first, last)
        at = (f" in {group_name(noun, g_a)}", f" in {group_name(noun, g_b)}") if named else ("", "")
        text = f"{lower(t.label)} (from {a:.0%}{at[0]} to {b:.0%}{at[1]})"
        if b - a >= NOTABLE_SHIFT:
            rises.append((b - a, text))
        elif a - b >= NOTABLE_SHIFT:
            falls.append((a - b, text))
    rises.sort(key=lambda r: -r[0])
    falls.sort(key=lambda r: -r[0])
    sentences = []
    if rises:
        sentences.append(
            "Rising: " + join([text for _, text in rises[:3]])
            + f" of those who wrote after the {noun}."
        )  # fmt: skip
    if falls:
        sentences.append("Fading: " + join([text for _, text in falls[:3]]) + ".")
    if not compared:
        sentences.append(
            f"No theme's numbers are shown for two {plural(noun)} (each needs at least the "
            "minimum group size), so they cannot be compared here."
        )
    elif not sentences:
        sentences.append(
            f"Among the themes whose numbers are shown for two {plural(noun)} or more, none "
            f"rose or fell by {NOTABLE_SHIFT:.0%} of those writing or more."
        )
    return Finding(heading, " ".join(sentences))


def _contrast(themes: list[SafeTheme], roles: Dimension | None) -> Finding | None:
    """The two largest roles whose sizes are shown, compared by share, in both directions,
    only where both of a theme's cells are shown."""
    if roles is None:
        return None
    sized = [g for g in roles.groups if roles.totals.get(g)]
    if len(sized) < 2:
        return None
    a_role, b_role = sized[0], sized[1]
    n_a, n_b = roles.totals[a_role], roles.totals[b_role]
    gaps, compared = [], 0
    for t in themes:
        sa = share(t.by_role.get(a_role), n_a)
        sb = share(t.by_role.get(b_role), n_b)
        compared += sa is not None and sb is not None
        if sa is not None and sb is not None and abs(sa - sb) >= NOTABLE_SHIFT:
            gaps.append((abs(sa - sb), t, sa, sb))
    gaps.sort(key=lambda g: -g[0])
    a_name, b_name = plural(a_role), plural(b_role)
    sentences = []
    for more, less, sign in ((a_name, b_name, 1), (b_name, a_name, -1)):
        picked = [(t, sa, sb) for _, t, sa, sb in gaps if (sa - sb) * sign > 0][:3]
        if picked:
            sentences.append(
                f"{capital_first(more)} raised "
                + join(
                    [
                        f"{lower(t.label)} more often ({_pair(sa, sb, sign, more, less)})"
                        for t, sa, sb in picked
                    ]
                )
                + "."
            )
    if not compared:
        sentences.append(
            f"No theme's numbers are shown for both {a_name} and {b_name} (each needs at least "
            "the minimum group size), so they cannot be compared here."
        )
    elif not sentences:
        sentences.append(
            f"Among the themes whose numbers are shown for both, none was raised by a share of "
            f"{a_name} {NOTABLE_SHIFT:.0%} or more higher or lower than of {b_name}."
        )
    if roles.all_groups > 2:
        sentences.insert(0, f"Comparing the two largest roles, {a_name} and {b_name}:")
    return Finding(f"Where {a_name} and {b_name} differ", " ".join(sentences))


def _pair(sa: float, sb: float, sign: int, more: str, less: str) -> str:
    high, low = (sa, sb) if sign > 0 else (sb, sa)
    return f"{high:.0%} of {more} against {low:.0%} of {less}"


def join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def capital_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower(label: str) -> str:
    """Lower-case a label for use mid-sentence, keeping acronyms ("AI at work")."""
    words = label.split(" ")
    head = words[0]
    if len(head) > 1 and head[1:].islower():
        words[0] = head.lower()
    return " ".join(words)
