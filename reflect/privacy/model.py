"""What leaves the privacy stage: the only objects report writers ever see. Every count in
them has passed the minimum-group-size rule; ``None`` means suppressed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SCHEMA_VERSION = "1.1"


@dataclass
class SafeTheme:
    id: str
    label: str
    kind: str  # "taxonomy" | "emerging"
    description: str
    participants: int | None
    share: float | None  # of all participants, 0..1
    by_role: dict[str, int | None]
    by_session: dict[str, int | None]
    by_cohort: dict[str, int | None]
    phrases: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    # Sub-topics, each {"label": str, "participants": int | None} (``privacy/facets.py``).
    facets: list[dict] = field(default_factory=list)
    by_prompt: dict[str, int | None] = field(default_factory=dict)
    # The answers saying there was nothing to report ("No concerns"), not a topic.
    nothing_to_report: bool = False


@dataclass
class SafeReport:
    min_group_size: int
    n_participants: int | None
    n_reflections: int | None
    participants_by_role: dict[str, int | None]
    participants_by_session: dict[str, int | None]
    participants_by_cohort: dict[str, int | None]
    themes: list[SafeTheme]
    privacy: dict
    # Who answered each prompt (question); like sessions, people answer several.
    participants_by_prompt: dict[str, int | None] = field(default_factory=dict)
    schema_version: str = SCHEMA_VERSION
    # How the report names things (reflect.toml ``programme``, ``session_name``,
    # ``cohort_name``, else the column headers) and which source column was used for what
    # (``reflect.ingest.Export.columns``): set by the pipeline after disclosure.
    programme: str | None = None
    session_name: str = "session"
    cohort_name: str = "cohort"
    columns: dict = field(default_factory=dict)
    programme_fingerprint: str | None = None  # what a theme review records it was made for
    # How much of the data the taxonomy explains (``reflect.themes.fit.TaxonomyFit.to_dict``):
    # set by the pipeline from the themes stage.
    taxonomy_fit: dict | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        ordered = {"schema_version": data.pop("schema_version")}
        ordered.update(data)
        return ordered
