"""reflect: privacy-safe themes from reverse-mentoring reflections.

The pipeline, one module per stage: ingest -> anonymise -> embed -> themes -> privacy ->
report. ``reflect.analyse(path_or_frame, config)`` runs it and returns a ``Result``.
"""

__version__ = "0.1.0"


def analyse(source, config=None, **kwargs):
    """Run the whole pipeline; see ``reflect.pipeline.analyse``."""
    from reflect.pipeline import analyse as _analyse

    return _analyse(source, config, **kwargs)
