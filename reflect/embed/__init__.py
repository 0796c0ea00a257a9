"""Stage 3 — embed: vectors for redacted texts, each distinct text embedded once and cached
in the workspace by (backend model id, text hash); the model loads only when a text is new.

Backends (``reflect/embed/backends/``, one file each): ``sentence-transformers`` (reference,
fp32), ``onnx-fp32``, ``onnx-int8`` and ``torch-bf16``. ``Config.embedding_backend`` picks one;
its default honours ``REFLECT_EMBEDDING_BACKEND``.

``Embedder(backend, workspace)`` embeds batch after batch with one backend: it loads the model
the first time a text is not in the workspace and keeps it for as long as it lives (a run
makes one), so no model outlives its run in the process. ``embed_texts`` is a one-off call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from reflect import frames as F
from reflect.config import default_embedding_backend
from reflect.embed.backends import EmbeddingBackend, backends
from reflect.model_files import embedding_dimension

__all__ = ["Embedder", "EmbeddingBackend", "backends", "embed_texts", "load_backend"]

# New texts are encoded, counted in the progress bar and handed to the workspace in chunks
# this size (the workspace writes them in larger batches: ``Workspace.put_embeddings``).
_CHUNK = 4096


def load_backend(name: str) -> EmbeddingBackend:
    """A new instance of the backend ``name`` (its model loaded: seconds)."""
    return backends.get(name)()


class Embedder:
    """Vectors for redacted texts with one backend, cached in ``workspace`` (if given)."""

    def __init__(self, backend: str | None = None, workspace=None) -> None:
        self.backend = backend or default_embedding_backend()
        self.model_id = backends.get(self.backend).model_id  # fails early on an unknown name
        self.workspace = workspace
        self._model: EmbeddingBackend | None = None

    def __call__(
        self,
        texts: Sequence[str],
        progress: Callable[[int], None] | None = None,
        alone: bool = False,
    ) -> np.ndarray:
        """Vectors for ``texts``, in order; rows are L2-normalised float32. ``alone``: encode
        each new text on its own, unless the backend's vectors do not depend on the batch
        (int8's do; the others' padding can move the last bits): a screen must judge a
        sentence the same in any company."""
        hashes = [F.text_hash(t) for t in texts]
        # First occurrence of each distinct text; `inverse` maps every input row back to it.
        position: dict[str, int] = {}
        inverse = np.fromiter(
            (position.setdefault(h, len(position)) for h in hashes),
            dtype=np.int64,
            count=len(hashes),
        )
        unique_hashes = list(position)
        unique_texts: list[str] = [""] * len(unique_hashes)
        for text, index in zip(texts, inverse, strict=True):
            unique_texts[index] = text

        vectors = np.zeros((len(unique_hashes), embedding_dimension()), dtype=np.float32)
        workspace = self.workspace
        known = {} if workspace is None else workspace.get_embeddings(self.model_id, unique_hashes)
        missing = []
        for i, h in enumerate(unique_hashes):
            cached = known.get(h)
            if cached is None:
                missing.append(i)
            else:
                vectors[i] = cached
        if missing:
            model = self._loaded()  # only now: a warm cache never loads the model
            for start in range(0, len(missing), _CHUNK):
                rows = missing[start : start + _CHUNK]
                batch = [unique_texts[i] for i in rows]
                vectors[rows] = (
                    np.vstack([model.encode([text]) for text in batch])
                    if alone and not model.batch_invariant
                    else model.encode(batch)
                )
                if workspace is not None:
                    workspace.put_embeddings(
                        self.model_id, [unique_hashes[i] for i in rows], vectors[rows]
                    )
                if progress:
                    progress(len(rows))
        return vectors[inverse]

    def _loaded(self) -> EmbeddingBackend:
        if self._model is None:
            self._model = load_backend(self.backend)
        return self._model


def embed_texts(
    texts: Sequence[str],
    backend: str | None = None,
    workspace=None,
    progress: Callable[[int], None] | None = None,
) -> np.ndarray:
    """``Embedder(backend, workspace)(texts)``: a one-off call (it loads the model if a text is
    new; a caller embedding batch after batch keeps one ``Embedder``)."""
    return Embedder(backend, workspace)(texts, progress)
