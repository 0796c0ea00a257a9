"""Stage 4 — themes: assign reflections to the programme taxonomy (``assign.py``), find
emerging themes among the rest with the theme engine (``engine.py``), and attach to every theme
its representative phrases with the distinct participants behind each. Support counts are
computed later, by privacy, from ``Theme.members``.

``find_themes(frame, vectors, taxonomy, embed) -> FoundThemes`` (a list of ``Theme`` with
``.fit``, the ``TaxonomyFit``: when the taxonomy explains too little of the data, emerging
themes are found among all sentences, not only those it leaves unexplained; ``fit.py``).

The modules: ``stage.py`` runs the stage (``find_themes``, ``distinctive``); ``assign.py``,
``teach.py``, ``stance.py`` and ``fit.py`` assign answers to the taxonomy (``taxonomy.py``);
``emerging.py`` finds themes among the rest; ``engine.py`` (with ``phrases.py``, ``cover.py``,
``cluster.py`` and ``label.py``) finds and labels a group's themes; ``candidates.py`` and
``parse_cache.py`` extract phrase candidates; ``model.py`` holds ``Theme`` and ``Phrase``.

This ``__init__`` only re-exports, lazily (PEP 562): importing ``reflect.themes.model`` (as
the privacy and review stages do) does not load scikit-learn or the theme engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.lazy import lazy_exports

if TYPE_CHECKING:
    from reflect.themes.fit import TaxonomyFit
    from reflect.themes.model import Phrase, Theme
    from reflect.themes.presets import PRESETS, Preset, get_preset
    from reflect.themes.stage import FoundThemes, distinctive, find_themes
    from reflect.themes.taxonomy import TaxonomyTheme, load_taxonomy

_EXPORTS = {
    "TaxonomyFit": "reflect.themes.fit",
    "Phrase": "reflect.themes.model",
    "Theme": "reflect.themes.model",
    "PRESETS": "reflect.themes.presets",
    "Preset": "reflect.themes.presets",
    "get_preset": "reflect.themes.presets",
    "FoundThemes": "reflect.themes.stage",
    "distinctive": "reflect.themes.stage",
    "find_themes": "reflect.themes.stage",
    "TaxonomyTheme": "reflect.themes.taxonomy",
    "load_taxonomy": "reflect.themes.taxonomy",
}
__all__ = [
    "PRESETS",
    "FoundThemes",
    "TaxonomyFit",
    "Phrase",
    "Preset",
    "TaxonomyTheme",
    "Theme",
    "distinctive",
    "find_themes",
    "get_preset",
    "load_taxonomy",
]

__getattr__ = lazy_exports(__name__, _EXPORTS)
