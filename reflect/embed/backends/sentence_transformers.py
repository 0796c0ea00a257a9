"""The reference backend: sentence-transformers on torch, fp32."""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from reflect.embed.backends import backends
from reflect.embed.model_files import verified_model_dir


@backends.register("sentence-transformers")
class SentenceTransformersBackend:
    name = "sentence-transformers"
    model_id = "all-MiniLM-L6-v2/st-fp32"

    def __init__(self, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a model hub
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars would break --quiet

        self.batch_size = batch_size
        self.model = SentenceTransformer(str(verified_model_dir()), device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return vectors.astype(np.float32, copy=False)
