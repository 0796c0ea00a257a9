"""Differentially private counts (``--dp-epsilon E``), with OpenDP's discrete Laplace
mechanism.

What is released: for the whole programme and for each theme ("units"), the number of
distinct participants, and the per-group counts by role, cohort and session. All of them are
noised in one joint release, *before* suppression, and suppression then works on the noisy
counts (so a shown noisy count is still ≥ k, and a small true count is usually hidden).

Accounting (pure ε-DP, add/remove one participant):
- one participant changes a unit's total by at most 1, its role cells by at most 1 and its
  cohort cells by at most 1 (the privacy stage gives each person a single role and cohort —
  contribution bounding), and its session cells by at most S, the number of sessions;
- so the L1 sensitivity of the whole vector is Δ = U × (1 + [roles] + [cohorts] + S) for U
  units (1 + number of themes shown or hidden);
- every count gets discrete Laplace noise of scale Δ/ε, which OpenDP's privacy map confirms
  is ε-DP for a vector of L1 sensitivity Δ. Equivalently, each block of counts spends the
  share of ε given by its share of Δ (reported as ``split``).
Derived figures (shares, zero-clipping, suppression) are post-processing and cost nothing.

Not covered by ε (treated as public programme design): the list of roles, cohorts, sessions
and taxonomy themes; which emerging themes exist and their labels; phrases and quotes (they
are screened by the k rules instead); the number of reflections is withheld under DP, since
one person can write any number of them. Each report spends its own ε: two reports of the
same data spend 2ε.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reflect.errors import ConfigError

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

    def to_dict(self, released: int, verified_epsilon: float | None) -> dict:
        return {
            "epsilon": self.epsilon,
            "mechanism": MECHANISM,
            "library": "opendp",
            "unit": "add or remove one participant",
            "sensitivity_l1": self.sensitivity,
            "noise_scale": round(self.scale, 4),
            "released_counts": released,
            "split": {
                block: round(self.epsilon * part / self.sensitivity, 6)
                for block, part in self.blocks.items()
                if part
            },
            "verified_epsilon": verified_epsilon,
            "not_covered": [
                "group labels and taxonomy themes (public programme design)",
                "which emerging themes exist and their labels",
                "phrases and quotes (screened by the minimum group size instead)",
            ],
        }


def budget(epsilon: float, units: int, roles: int, cohorts: int, sessions: int) -> Budget:
    if epsilon <= 0:
        raise ConfigError("--dp-epsilon must be positive")
    blocks = {
        "participants": units,
        "by_role": units * (1 if roles else 0),
        "by_cohort": units * (1 if cohorts else 0),
        "by_session": units * sessions,
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
