"""Sentence embeddings with ONNX Runtime, computed exactly as sentence-transformers does for
all-MiniLM-L6-v2: strip, tokenise with the model's own fast tokenizer (truncated at the
model's ``max_seq_length``), run the encoder, mean-pool over real tokens, L2-normalise."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from reflect.embed.onnx_export import ExportSettings, load_onnx_model
from reflect.model_files import embedding_dimension, verified_model_dir

# What this encoder reads of the model package (the weights only reach it through the export).
READS = (
    "tokenizer.json",
    "sentence_bert_config.json",
    "1_Pooling/config.json",
)


def cpu_count() -> int:
    """Batches encoded at once: ``REFLECT_EMBED_THREADS`` (e.g. 1 when a batch system runs one
    process per core), else the cores this process may use (its affinity, not the host's)."""
    if os.environ.get("REFLECT_EMBED_THREADS", "").isdigit():
        return max(1, int(os.environ["REFLECT_EMBED_THREADS"]))
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class OnnxEncoder:
    def __init__(self, settings: ExportSettings, batch_size: int = 32) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_dir = verified_model_dir(READS)
        self.batch_size = batch_size
        self.dimension = embedding_dimension()
        self.tokenizer = _tokenizer(Tokenizer, model_dir)
        self._check_pooling(model_dir)

        options = ort.SessionOptions()
        # One thread per run, and as many runs at once as there are cores (``encode``): on
        # small batches, splitting each operator over the cores costs more in hand-offs than
        # it gains (the same vectors, bit for bit, in about 15% less CPU time), and a core
        # taken by another process stalls only its own batch. No idle spinning threads
        # stealing the cores the other stages need.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.threads = cpu_count()
        # The model's bytes, checked against their recorded sha256, not a path read again.
        self.session = ort.InferenceSession(
            load_onnx_model(settings), options, providers=["CPUExecutionProvider"]
        )

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        # sentence-transformers strips each text before tokenising.
        encodings = self.tokenizer.encode_batch([str(t).strip() for t in texts])
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(texts))
        # Length buckets: sorted batches pad little, and small batches are fastest on 2 cores.
        order = np.argsort(-lengths, kind="stable")
        batches = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]

        def run(rows: np.ndarray) -> None:
            width = int(lengths[rows].max())
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = lengths[i]
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            (hidden,) = self.session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            out[rows] = _mean_pool_normalise(hidden, mask)

        # ONNX Runtime releases the GIL while it runs, so threads run batches side by side.
        with ThreadPoolExecutor(min(self.threads, len(batches))) as pool:
            for _ in pool.map(run, batches):
                pass
        return out

    @staticmethod
    def _check_pooling(model_dir: Path) -> None:
        config = json.loads((model_dir / "1_Pooling" / "config.json").read_text("utf-8"))
        if not config.get("pooling_mode_mean_tokens"):  # pragma: no cover - manifest-pinned
            raise ValueError("the packaged model no longer uses mean pooling")


def _tokenizer(tokenizer_class, model_dir: Path):
    tokenizer = tokenizer_class.from_file(str(model_dir / "tokenizer.json"))
    # tokenizer.json ships with fixed 128-token padding/truncation; sentence-transformers
    # instead truncates at max_seq_length and pads per batch, so do the same.
    config = json.loads((model_dir / "sentence_bert_config.json").read_text("utf-8"))
    tokenizer.enable_truncation(int(config["max_seq_length"]))
    tokenizer.no_padding()
    return tokenizer


def _mean_pool_normalise(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask.astype(np.float32)
    summed = np.einsum("bth,bt->bh", hidden, weights)
    counts = np.clip(weights.sum(axis=1, keepdims=True), 1e-9, None)
    pooled = summed / counts
    norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
    return (pooled / norms).astype(np.float32, copy=False)
