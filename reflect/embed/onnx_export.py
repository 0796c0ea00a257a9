"""Export the packaged all-MiniLM-L6-v2 weights to ONNX once, locally, and cache the file.

Nothing prebuilt is downloaded: the graph is traced from the sha256-checked safetensors with
``torch.onnx.export`` and, for int8, quantised with ONNX Runtime's dynamic quantiser, its
activations then given one scale per token row (``per_token.py``). The cache
folder is keyed by the weights' sha256 and the export settings, so a changed model or recipe
never reuses a stale file.

The export runs in a child process (``python -m reflect.embed.onnx_export``): torch, its
thread pools and the exporters' warnings and log lines never enter the process that runs
reflect. The file's sha256 is recorded beside it when it is created (both written atomically),
and ``load_onnx_model`` returns the model's bytes only after checking them against that record:
what ONNX Runtime runs is exactly what was checked. A file that fails the check (corrupted,
swapped, half-copied) is exported again, with a warning.
"""

from __future__ import annotations

import hashlib
import json
import logging
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from reflect import atomic
from reflect.errors import ModelError
from reflect.model_files import manifest, sha256_of, verified_model_dir
from reflect.user_cache import cache_root, writable

INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "last_hidden_state"
MODEL_FILE = "model.onnx"
CHECKSUM_FILE = "model.onnx.sha256"

log = logging.getLogger("reflect")


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
    # int8: one scale per token row, not per batch, so a vector is the same in any batch
    # (``per_token.py``).
    per_token: bool = True
    recipe: int = 1  # bump when the export code changes what it writes

    def key(self) -> str:
        text = json.dumps(asdict(self), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:12]


def load_onnx_model(settings: ExportSettings) -> bytes:
    """The bytes of the ONNX model for ``settings``, checked against the sha256 recorded when
    it was exported (exporting it first if it is missing or fails the check)."""
    folder = _folder(settings)
    model = _read_checked(folder)
    if model is None:
        # (A model without a recorded checksum, from before checksums were kept, is exported
        # again without a warning.)
        if (folder / CHECKSUM_FILE).exists():
            log.warning(
                "the cached ONNX model in %s failed its checksum; exporting it again", folder
            )
        _export(settings, folder)
        model = _read_checked(folder)
        if model is None:
            raise ModelError(f"the ONNX model exported to {folder} does not match its checksum")
    return model


def onnx_model_path(settings: ExportSettings) -> Path:
    """Where the checked ONNX model for ``settings`` is cached (exported first if need be)."""
    load_onnx_model(settings)
    return _folder(settings) / MODEL_FILE


def _folder(settings: ExportSettings) -> Path:
    weights_sha = manifest()["embedding"]["files"]["model.safetensors"]
    return writable(cache_root() / "onnx" / f"{weights_sha[:16]}-{settings.key()}")


def _read_checked(folder: Path) -> bytes | None:
    try:
        model = (folder / MODEL_FILE).read_bytes()
        recorded = (folder / CHECKSUM_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return model if hashlib.sha256(model).hexdigest() == recorded else None


def _export(settings: ExportSettings, folder: Path) -> None:
    """Export into a scratch folder beside the cache entry, then write the model and its
    checksum into place (the checksum last: a model without one is exported again)."""
    with tempfile.TemporaryDirectory(dir=folder, prefix=".export-") as scratch:
        built = Path(scratch) / MODEL_FILE
        _export_in_child(settings, built)
        digest = sha256_of(built)
        atomic.move_into_place(built, folder / MODEL_FILE)
    atomic.write_text(folder / CHECKSUM_FILE, digest + "\n")


def _export_in_child(settings: ExportSettings, out: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", __name__, json.dumps(asdict(settings)), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not out.is_file():
        # The exporter's own message (about the model, never about anyone's text).
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ModelError(f"exporting the embedding model to ONNX failed: {last}")


# -- in the child process -------------------------------------------------------------------
def export(settings: ExportSettings, out: Path) -> None:
    model_dir = verified_model_dir()  # checks every file's sha256 before torch reads them
    with tempfile.TemporaryDirectory() as scratch:
        fp32 = Path(scratch) / "fp32.onnx"
        _export_fp32(model_dir, fp32, settings.opset)
        if settings.precision == "int8":
            _quantise(fp32, out, settings.per_channel, settings.per_token)
        elif settings.fuse:
            _fuse(fp32, out, model_dir)
        else:
            fp32.replace(out)


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
    with torch.no_grad():
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


def _fuse(source: Path, out: Path, model_dir: Path) -> None:
    from onnxruntime.transformers.optimizer import optimize_model

    config = json.loads((model_dir / "config.json").read_text("utf-8"))
    fused = optimize_model(
        str(source),
        model_type="bert",
        num_heads=config["num_attention_heads"],
        hidden_size=config["hidden_size"],
    )
    fused.save_model_to_file(str(out))


def _quantise(source: Path, out: Path, per_channel: bool, per_token: bool) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(source),
        str(out),
        per_channel=per_channel,
        op_types_to_quantize=["MatMul"],
        weight_type=QuantType.QInt8,
    )
    if per_token:
        from reflect.embed.per_token import per_token_scales

        model = onnx.load(str(out))
        per_token_scales(model)
        onnx.checker.check_model(model)
        onnx.save(model, str(out))


if __name__ == "__main__":
    import warnings

    warnings.simplefilter("ignore")  # this process only: the exporters' tracing warnings
    logging.basicConfig(level=logging.ERROR)
    export(ExportSettings(**json.loads(sys.argv[1])), Path(sys.argv[2]))
