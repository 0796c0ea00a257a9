"""Differentially private counts (``--dp-epsilon E``), with OpenDP's discrete Laplace
mechanism.

What is released: for the whole programme and for each theme ("units"), the number of
distinct participants, and the per-group counts by role, cohort, session and prompt. All of
them are noised in one joint release, *before* suppression, and suppression then works on the
noisy counts (so a shown noisy count is still ≥ k, and a small true count is usually hidden).
Every other number of a DP report is withheld: the number of reflections and the redaction
counts (one person can write any number of either), and the privacy section's counts of
rejected phrases and quotes. Emerging themes are left out of a DP report: which of them exist
depends on who wrote what, so the units of the release would not be fixed in advance.

Accounting (pure ε-DP, add/remove one participant):
- one participant changes a unit's total by at most 1, its role cells by at most 1 and its
  cohort cells by at most 1 (the privacy stage gives each person a single role and cohort —
  contribution bounding), its session cells by at most S, the number of sessions, and its
  prompt cells by at most P, the number of prompts;
- so the L1 sensitivity of the whole vector is Δ = U × (1 + [roles] + [cohorts] + S + P) for
  U units (1 + the number of taxonomy and reviewed themes, shown or hidden: fixed by the
  taxonomy and the review, not by the data);
- every count gets discrete Laplace noise of scale Δ/ε, which OpenDP's privacy map confirms
  is ε-DP for a vector of L1 sensitivity Δ. Equivalently, each block of counts spends the
  share of ε given by its share of Δ (reported as ``split``).
Derived figures (shares, zero-clipping, suppression) are post-processing and cost nothing.

Not covered by ε (treated as public programme design): the list of roles, cohorts, sessions
and taxonomy themes, and which of their values are printed (the group-value rule counts
people); phrases and quotes (they are screened by the k rules instead). The prompts are the
export's questions, answered or not, where named (``ingest.Export.questions``); else none
are broken down (``disclose``). Each report
spends its own ε: two reports of the same data spend 2ε, and the workspace's release ledger
adds up what its reports spent and refuses one that would exceed ``--dp-budget``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reflect.errors import ConfigError
from reflect.privacy.counts import ALL, PARTITIONS, UnitCounts

MECHANISM = "discrete Laplace (OpenDP make_laplace on integer vectors, L1 sensitivity)"

# A noise function: (true integer counts, scale) -> noisy integer counts. Tests inject a
# seeded one; real runs use OpenDP's sampler, which cannot be seeded (on purpose).
Noise = Callable[[Sequence[int], float], list[int]]


@dataclass(frozen=True)
class Budget:
    epsilon: float
    sensitivity: int  # L1, over the whole released vector
    blocks: dict[str, int]  # block name -> its part of the sensitivity

    @property
    def scale(self) -> float:
        return self.sensitivity / self.epsilon

    @property
    def margin_90(self) -> int:
        """The noise 9 counts in 10 stay within: P(|noise| > x) = exp(-x / scale) for
        Laplace noise (the discrete sampler's tail is no heavier), so x = scale × ln 10."""
        return math.ceil(self.scale * math.log(10))

    def to_dict(self, released: int, verified_epsilon: float | None) -> dict:
        return {
            "epsilon": self.epsilon,
            "mechanism": MECHANISM,
            "library": "opendp",
            "unit": "add or remove one participant",
            "sensitivity_l1": self.sensitivity,
            "noise_scale": round(self.scale, 4),
            "margin_90": self.margin_90,
            "released_counts": released,
            "split": {
                block: round(self.epsilon * part / self.sensitivity, 6)
                for block, part in self.blocks.items()
                if part
            },
            "verified_epsilon": verified_epsilon,
            "not_covered": [
                "group labels and taxonomy themes (public programme design), and which role, "
                "cohort and session values are printed (with them the sensitivity, noise scale "
                "and split); the prompts are the named text columns, answered or not",
                "phrases and quotes (screened by the minimum group size instead)",
            ],
            "withheld": [
                "the number of reflections and the redaction counts",
                "emerging themes (which exist depends on the data)",
            ],
        }


def budget(
    epsilon: float, units: int, roles: int, cohorts: int, sessions: int, prompts: int = 0
) -> Budget:
    if epsilon <= 0:
        raise ConfigError("--dp-epsilon must be positive")
    blocks = {
        "participants": units,
        "by_role": units * (1 if roles else 0),
        "by_cohort": units * (1 if cohorts else 0),
        "by_session": units * sessions,
        "by_prompt": units * prompts,
    }
    return Budget(epsilon, sum(blocks.values()), blocks)


def opendp_noise(values: Sequence[int], scale: float) -> list[int]:
    return list(_measurement(scale)([int(v) for v in values]))


def verify(b: Budget) -> float:
    """ε that OpenDP's privacy map gives for this scale and sensitivity."""
    return float(_measurement(b.scale).map(b.sensitivity))


def _measurement(scale: float):
    import opendp.prelude as dp

    dp.enable_features("contrib")
    return dp.m.make_laplace(
        dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int), scale=scale
    )


def noisy(values: Sequence[int], b: Budget, noise: Noise | None = None) -> list[int]:
    """Noised counts, clipped at zero (post-processing)."""
    out = (noise or opendp_noise)(list(values), b.scale)
    return [max(0, int(v)) for v in out]


def noised_counts(
    counts: dict[str, UnitCounts], groups: dict[str, list[str]], budget: Budget, noise
) -> dict[str, UnitCounts]:
    """Every count of every unit (programme and themes, totals and cells) noised in one joint
    release, then made to nest (``nested``)."""
    order = [(u, None, None) for u in counts] + [
        (u, col, g) for u in counts for col in PARTITIONS for g in groups[col]
    ]
    values = [counts[u].total if col is None else counts[u].cells[col][g] for u, col, g in order]
    released = noisy(values, budget, noise)
    out = {u: UnitCounts(0, {col: {} for col in PARTITIONS}) for u in counts}
    for (u, col, g), value in zip(order, released, strict=True):
        if col is None:
            out[u].total = value
        else:
            out[u].cells[col][g] = value
    return nested(out)


def nested(counts: dict[str, UnitCounts]) -> dict[str, UnitCounts]:
    """Noised counts made to nest as true ones do (post-processing, free under DP): no
    group's count above its programme's or its theme's total, no theme above the programme
    — "129 people" raising a theme among 96 participants reads as an error, not as noise."""
    programme = counts[ALL]
    for unit, c in counts.items():
        if unit != ALL:
            c.total = min(c.total, programme.total)
        for col, cells in c.cells.items():
            for g, value in cells.items():
                cells[g] = min(value, c.total, programme.cells[col].get(g, value))
    return counts
