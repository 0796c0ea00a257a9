"""Embedding backends: one file each, registered by name. A backend maps texts to
L2-normalised float32 vectors of the packaged all-MiniLM-L6-v2 model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from reflect.registry import Registry


class EmbeddingBackend(Protocol):
    name: str
    # Cache namespace: backends whose vectors differ (precision, export) must differ here.
    model_id: str
    # Whether a text's vector is the same in any batch (else ``Embedder(...)(alone=True)``
    # encodes it on its own when that matters).
    batch_invariant: bool

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


backends: Registry[type] = Registry("embedding backend", __name__)
