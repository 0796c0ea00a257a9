"""sentence-transformers under torch bf16 autocast: uses the CPU's bf16 units (AMX/AVX512-BF16)
with near-fp32 vectors (cosine 0.99999). Slower than int8 ONNX, no export step."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reflect.embed.backends import backends
from reflect.embed.backends.sentence_transformers import SentenceTransformersBackend


@backends.register("torch-bf16")
class TorchBf16Backend(SentenceTransformersBackend):
    name = "torch-bf16"
    model_id = "all-MiniLM-L6-v2/st-bf16-autocast"
    batch_invariant = False

    def __init__(self, batch_size: int = 64) -> None:
        super().__init__(batch_size)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        with torch.autocast("cpu", dtype=torch.bfloat16):
            vectors = self.model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_tensor=True,
                show_progress_bar=False,
            )
        vectors = vectors.float().cpu().numpy()
        # Re-normalise in fp32: the bf16 norm leaves rows a few 1e-3 off unit length.
        return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
