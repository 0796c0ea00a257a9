"""PEP 562 re-exports: a package's public names, imported from their modules on first use, so
that importing the package costs nothing until one of them is used."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package``: ``exports`` maps each name to the module that
    defines it (relative names such as ``".stage"`` are resolved against the package)."""

    def __getattr__(name: str) -> object:
        if name in exports:
            return getattr(import_module(exports[name], package), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
