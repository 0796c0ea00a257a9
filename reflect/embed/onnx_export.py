"""Export the packaged all-MiniLM-L6-v2 weights to ONNX once, locally, and cache the file.

Nothing prebuilt is downloaded: the graph is traced from the sha256-checked safetensors with
``torch.onnx.export`` and, for int8, quantised with ONNX Runtime's dynamic quantiser. The cache
folder is keyed by the weights' sha256 and the export settings, so a changed model or recipe
never reuses a stale file. Writes go to a temporary file renamed into place, so concurrent first
runs cannot leave a half-written model behind (the last rename wins; both are identical).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from reflect.atomic import move_into_place
from reflect.embed.model_files import manifest, verified_model_dir
from reflect.user_cache import cache_root, writable

INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "last_hidden_state"


@dataclass(frozen=True)
class ExportSettings:
    """Everything that changes the exported file; part of its cache key."""

    precision: str = "fp32"  # "fp32" or "int8"
    opset: int = 17
    # fp32: fuse attention/LayerNorm/GELU with ONNX Runtime's BERT optimiser (same arithmetic).
    fuse: bool = True
    # int8: per-channel weights on MatMul only; per-tensor or quantising the embedding Gather
    # costs quality (mean cosine 0.959) for little speed (PERFORMANCE-FACTS.md).
    per_channel: bool = True
    recipe: int = 1  # bump when the export code changes what it writes

    def key(self) -> str:
        text = json.dumps(asdict(self), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:12]


def onnx_model_path(settings: ExportSettings) -> Path:
    """The cached ONNX file for ``settings``, exporting it first if it is not there yet."""
    weights_sha = manifest()["embedding"]["files"]["model.safetensors"]
    folder = writable(cache_root() / "onnx" / f"{weights_sha[:16]}-{settings.key()}")
    target = folder / "model.onnx"
    if target.is_file():
        return target
    model_dir = verified_model_dir()  # checks every file's sha256 before torch reads them
    with tempfile.TemporaryDirectory(dir=folder, prefix=".export-") as scratch:
        fp32 = Path(scratch) / "fp32.onnx"
        _export_fp32(model_dir, fp32, settings.opset)
        if settings.precision == "int8":
            final = Path(scratch) / "int8.onnx"
            _quantise(fp32, final, settings.per_channel)
        elif settings.fuse:
            final = Path(scratch) / "fused.onnx"
            _fuse(fp32, final)
        else:
            final = fp32
        move_into_place(final, target)
    return target


def _export_fp32(model_dir: Path, out: Path, opset: int) -> None:
    import torch
    from transformers import AutoModel

    # Eager attention traces to plain MatMul/Softmax, which the fusers and quantiser know.
    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self, bert) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    dummy = torch.ones(2, 8, dtype=torch.long)  # shapes only: no reflection text is involved
    axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUT_NAMES, OUTPUT_NAME)}
    with _quiet(), torch.no_grad():
        torch.onnx.export(
            LastHiddenState(model),
            (dummy, dummy, torch.zeros_like(dummy)),
            str(out),
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            dynamic_axes=axes,
            opset_version=opset,
            dynamo=False,  # the TorchScript exporter is 4x faster here and needs no onnxscript
        )


def _fuse(source: Path, out: Path) -> None:
    from onnxruntime.transformers.optimizer import optimize_model

    with _quiet():
        fused = optimize_model(str(source), model_type="bert", num_heads=12, hidden_size=384)
        fused.save_model_to_file(str(out))


def _quantise(source: Path, out: Path, per_channel: bool) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with _quiet():
        quantize_dynamic(
            str(source),
            str(out),
            per_channel=per_channel,
            op_types_to_quantize=["MatMul"],
            weight_type=QuantType.QInt8,
        )


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Exporters warn through ``warnings`` and the root logger; keep both off the terminal.
    (A root logger without handlers would otherwise be given one by ``logging.warning``.)"""
    root = logging.getLogger()
    null = logging.NullHandler()
    root.addHandler(null)
    previous = logging.root.manager.disable
    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(previous)
        root.removeHandler(null)
