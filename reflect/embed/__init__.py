"""Stage 3 — embed: vectors for redacted texts, each distinct text embedded once and cached
in the workspace by (backend model id, text hash); the model loads only when a text is new."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from reflect import frames as F
from reflect.embed.backends import EmbeddingBackend, backends

__all__ = ["EmbeddingBackend", "backends", "embed_texts", "load_backend"]

_loaded: dict[str, EmbeddingBackend] = {}


def load_backend(name: str) -> EmbeddingBackend:
    """Backends are heavy; keep one per process."""
    if name not in _loaded:
        _loaded[name] = backends.get(name)()
    return _loaded[name]


def embed_texts(
    texts: Sequence[str],
    backend: str = "sentence-transformers",
    workspace=None,
    progress: Callable[[int], None] | None = None,
) -> np.ndarray:
    """Vectors for ``texts`` (redacted), in order; rows are L2-normalised."""
    hashes = [F.text_hash(t) for t in texts]
    unique = dict(zip(hashes, texts, strict=True))
    model_id = backends.get(backend).model_id
    known = workspace.get_embeddings(model_id, list(unique)) if workspace is not None else {}
    missing = [h for h in unique if h not in known]
    if missing:
        model = load_backend(backend)
        batch = 256
        for start in range(0, len(missing), batch):
            chunk = missing[start : start + batch]
            vectors = model.encode([unique[h] for h in chunk])
            known.update(zip(chunk, vectors, strict=True))
            if workspace is not None:
                workspace.put_embeddings(model_id, chunk, vectors)
            if progress:
                progress(len(chunk))
    if not hashes:
        return np.zeros((0, 384), dtype=np.float32)
    return np.stack([known[h] for h in hashes]).astype(np.float32, copy=False)
