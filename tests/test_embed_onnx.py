"""ONNX export cache (fast, with a fake exporter) and, marked ``model``, that the ONNX backends
give sentence-transformers' vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import reflect.embed.onnx_export as export
from reflect.embed.onnx_export import ExportSettings, onnx_model_path


@pytest.fixture
def fake_export(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("REFLECT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(export, "verified_model_dir", lambda: tmp_path)
    calls = []

    def write(_model_dir, out: Path, _opset: int) -> None:
        calls.append(out)
        out.write_bytes(b"graph")

    monkeypatch.setattr(export, "_export_fp32", write)
    monkeypatch.setattr(export, "_fuse", lambda source, out: out.write_bytes(b"fused"))
    monkeypatch.setattr(export, "_quantise", lambda source, out, _pc: out.write_bytes(b"int8"))
    return calls


def test_when_model_is_requested_twice_then_it_is_exported_once(fake_export, tmp_path):
    first = onnx_model_path(ExportSettings(precision="int8"))
    second = onnx_model_path(ExportSettings(precision="int8"))
    assert first == second and first.read_bytes() == b"int8"
    assert len(fake_export) == 1
    assert first.is_relative_to(tmp_path / "cache")


def test_when_settings_differ_then_cache_files_differ(fake_export):
    fp32 = onnx_model_path(ExportSettings(precision="fp32"))
    int8 = onnx_model_path(ExportSettings(precision="int8"))
    assert fp32 != int8
    assert fp32.read_bytes() == b"fused" and int8.read_bytes() == b"int8"


def test_when_export_fails_then_no_partial_model_is_left(fake_export, monkeypatch):
    def broken(source, out, _pc):
        out.write_bytes(b"half")
        raise RuntimeError("killed mid-export")

    monkeypatch.setattr(export, "_quantise", broken)
    with pytest.raises(RuntimeError):
        onnx_model_path(ExportSettings(precision="int8"))
    folder = next((Path(export.cache_root()) / "onnx").iterdir())
    assert list(folder.iterdir()) == []


TEXTS = [
    "She showed me keyboard shortcuts in Teams",
    "   I was nervous about challenging a director   ",
    "",
    "hybrid " * 400,  # longer than max_seq_length: truncated like sentence-transformers
    "Café naïve — 東京",
]


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    from reflect.embed import load_backend

    return load_backend("sentence-transformers").encode(TEXTS)


@pytest.mark.model
@pytest.mark.parametrize(("name", "floor"), [("onnx-fp32", 0.99999), ("onnx-int8", 0.97)])
def test_when_onnx_backend_encodes_then_vectors_match_sentence_transformers(name, floor, reference):
    from reflect.embed import load_backend

    vectors = load_backend(name).encode(TEXTS)
    assert vectors.shape == reference.shape and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cosines = (vectors * reference).sum(axis=1)
    assert cosines.min() >= floor
