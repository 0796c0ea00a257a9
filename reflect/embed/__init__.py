"""Stage 3 — embed: vectors for redacted texts, each distinct text embedded once and cached
in the workspace by (backend model id, text hash); the model loads only when a text is new.

Backends (``reflect/embed/backends/``, one file each): ``sentence-transformers`` (reference,
fp32), ``onnx-fp32``, ``onnx-int8`` and ``torch-bf16``. ``Config.embedding_backend`` picks one;
its default honours ``REFLECT_EMBEDDING_BACKEND``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from reflect import frames as F
from reflect.config import default_embedding_backend
from reflect.embed.backends import EmbeddingBackend, backends

__all__ = ["EmbeddingBackend", "backends", "embed_texts", "load_backend"]

DIMENSION = 384
# Vectors are written to the workspace in chunks this size, so an interrupted cold run keeps
# most of its work, without paying one DuckDB insert per small batch.
_CHUNK = 4096

_loaded: dict[str, EmbeddingBackend] = {}


def load_backend(name: str) -> EmbeddingBackend:
    """Backends are heavy; keep one per process."""
    if name not in _loaded:
        _loaded[name] = backends.get(name)()
    return _loaded[name]


def embed_texts(
    texts: Sequence[str],
    backend: str | None = None,
    workspace=None,
    progress: Callable[[int], None] | None = None,
) -> np.ndarray:
    """Vectors for ``texts`` (redacted), in order; rows are L2-normalised float32."""
    backend = backend or default_embedding_backend()
    model_id = backends.get(backend).model_id
    hashes = [F.text_hash(t) for t in texts]
    # First occurrence of each distinct text; `inverse` maps every input row back to it.
    position: dict[str, int] = {}
    inverse = np.fromiter(
        (position.setdefault(h, len(position)) for h in hashes), dtype=np.int64, count=len(hashes)
    )
    unique_hashes = list(position)
    unique_texts: list[str] = [""] * len(unique_hashes)
    for text, index in zip(texts, inverse, strict=True):
        unique_texts[index] = text

    vectors = np.zeros((len(unique_hashes), DIMENSION), dtype=np.float32)
    known = workspace.get_embeddings(model_id, unique_hashes) if workspace is not None else {}
    missing = []
    for i, h in enumerate(unique_hashes):
        cached = known.get(h)
        if cached is None:
            missing.append(i)
        else:
            vectors[i] = cached
    if missing:
        model = load_backend(backend)  # only now: a warm cache never loads the model
        for start in range(0, len(missing), _CHUNK):
            rows = missing[start : start + _CHUNK]
            vectors[rows] = model.encode([unique_texts[i] for i in rows])
            if workspace is not None:
                workspace.put_embeddings(model_id, [unique_hashes[i] for i in rows], vectors[rows])
            if progress:
                progress(len(rows))
    return vectors[inverse]
