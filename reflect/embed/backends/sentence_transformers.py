"""The reference backend: sentence-transformers on torch, fp32."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reflect.embed.backends import backends
from reflect.model_files import verified_model_dir


@backends.register("sentence-transformers")
class SentenceTransformersBackend:
    name = "sentence-transformers"
    model_id = "all-MiniLM-L6-v2/st-fp32"
    batch_invariant = False

    def __init__(self, batch_size: int = 32) -> None:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        self.batch_size = batch_size
        # A local folder, never a model hub; and no "Loading weights" bar (it would break
        # --quiet) — switched off for this load only, not for the rest of the process.
        bars = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()
        try:
            self.model = SentenceTransformer(
                str(verified_model_dir()), device="cpu", local_files_only=True
            )
        finally:
            if bars:
                hf_logging.enable_progress_bar()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return vectors.astype(np.float32, copy=False)
