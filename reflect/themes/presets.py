"""Named settings of the theme engine. Every number the engine uses lives here, chosen on the
ReflectSumm dev lectures (see README "Themes") and shipped as a product default or preset."""

from __future__ import annotations

from dataclasses import dataclass

from reflect.defaults import MIN_GROUP_SIZE
from reflect.errors import ConfigError


@dataclass(frozen=True)
class Preset:
    name: str
    # At most this many themes per group (None: every cluster with enough support).
    max_themes: int | None
    # A theme needs this many distinct authors.
    min_support: int
    # Phrases closer than this cosine distance (average linkage) form one cluster (dev, with
    # the ranking below: 0.35 -> 0.4 is +0.8 content R1; 0.3 and 0.45 to 0.55 score lower).
    distance: float = 0.4
    # Points clustered directly; above this, k-means pre-clustering (see cluster.py).
    max_direct: int = 2000
    # Reflections parsed for phrases per group; the rest join themes by similarity only.
    max_parsed: int = 3000
    # A longer phrase replaces the label when this share of the label's authors used it.
    extend_ratio: float = 0.3
    # How much closeness to the cluster's centre counts against author frequency in labels.
    centrality_weight: float = 1.0
    # Use verb clauses ("finding bin width") as phrases at all? On ReflectSumm dev they cost
    # 0.7 content ROUGE-1: the object alone is the better phrase.
    clauses: bool = False
    # When used, clauses count this much against noun phrases as labels.
    clause_weight: float = 0.5
    # A reflection with no phrase in a theme still counts for it at this cosine similarity.
    soft_threshold: float = 0.5
    # Labels grow into a longer phrase of the theme's reflections, word by word, while each
    # added word is written by more than this share of the theme's people (None: labels are
    # the chosen phrase as is). On ReflectSumm dev: content ROUGE-1 +0.6 ("messenger pigeons"
    # rather than "pigeons").
    word_cost: float | None = 0.35
    # ...plus this times the phrase's cosine to the mean of the theme's reflection vectors
    # (when known). Dev: content R1 45.22 -> 45.93 (flat from 0.15 to 0.35).
    label_closeness: float = 0.25
    # Clusters considered beyond ``max_themes``, so a theme whose label repeats an earlier one
    # ("demonstrations" after "laser demonstrations") gives way to the next.
    spare_themes: int = 3
    # Themes are ranked by distinct people times (closeness to the group's centre) ** this, so
    # asides far from what the group wrote about rank below shared subjects (0: people only).
    # The centre is the mean of the reflections' own vectors when known (dev: +0.9 content R1).
    centre_power: float = 0.25
    # ...times (the cluster's mean cosine to its own reflections' vectors) ** this, so the
    # phrase a reflection is about outranks its side remarks (needs the reflections' vectors).
    # Dev: content R1 +0.5, support Spearman within lectures 0.37 -> 0.41.
    own_power: float = 1.0
    centre_floor: float = 0.05
    # Picking themes, an author an earlier theme already counted adds this much to a cluster's
    # rank (a new author adds 1): 0 is a strict cover, 1 ignores overlap. Dev: 0 -> 0.5 is
    # +0.7 content R1 and +0.6 R1 (0.35 to 0.6 score alike).
    covered_weight: float = 0.5
    # Count a theme's support only over reflections no earlier theme counted (greedy cover)?
    # Off: every author who wrote about it counts (dev: support Spearman 0.59 -> 0.62, MAE
    # 1.83 -> 1.78); themes are still picked by the people they add.
    exclusive_support: bool = False
    # Report answers that say "nothing" as their own theme ("No confusion", "No concerns").
    empty_theme: bool = True


PRESETS: dict[str, Preset] = {
    # Whole programmes: dozens to thousands of reflections per group, privacy needs k people.
    # min_support is the default k; a run with another k replaces it (``find_themes``).
    "programme": Preset("programme", max_themes=15, min_support=MIN_GROUP_SIZE, max_parsed=1500),
    # One class or cohort answering one question (ReflectSumm: 4 to 77 answers): about five
    # themes, each as small as one person.
    "small-groups": Preset("small-groups", max_themes=5, min_support=1),
}


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        known = ", ".join(sorted(PRESETS))
        raise ConfigError(f"unknown theme preset {name!r} (known: {known})") from None
