"""The ``reflect`` console script: builds the Typer app from one module per command and
turns every failure into one line on stderr and an exit code. No logic lives in cli/."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import typer

# Each command module registers itself on the app when imported.
from reflect.cli import (
    analyse,  # noqa: F401
    compare,  # noqa: F401
    forget,  # noqa: F401
    redact,  # noqa: F401
    themes,  # noqa: F401
)
from reflect.cli.app import app_typer
from reflect.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, ReflectError

__all__ = ["app", "app_typer"]


def app() -> None:
    """Console entry point: every failure becomes one line on stderr and an exit code."""
    logging.basicConfig(
        level=os.environ.get("REFLECT_LOG", "WARNING"),
        stream=sys.stderr,
        format="reflect: %(message)s",
    )
    # This process is reflect alone: spaCy may come without torch (1.2 s; see reflect.nlp).
    from reflect.nlp import without_torch_in_spacy

    without_torch_in_spacy()
    try:
        # Outside standalone mode an exit (--help, --version, Ctrl-C) comes back as a code.
        code = app_typer(standalone_mode=False)
    except typer.Abort:
        sys.stderr.write("reflect: aborted\n")
        sys.exit(EXIT_INTERNAL)
    except typer.TyperException as exc:  # usage errors (exit 2) and other click errors
        ctx = getattr(exc, "ctx", None)
        if ctx is not None and exc.format_message() == ctx.get_help():
            # A group called without a command ("reflect themes"): its help, on stdout.
            sys.stdout.write(exc.format_message() + "\n")
        else:
            command = ctx.command_path if ctx is not None else "reflect"
            sys.stderr.write(f"reflect: error: {exc.format_message()} (see {command} --help)\n")
        sys.exit(exc.exit_code)
    except ReflectError as exc:
        sys.stderr.write(f"reflect: error: {exc}\n")
        sys.exit(exc.exit_code)
    except OSError as exc:
        # Only the path and the reason: never file contents.
        sys.stderr.write(f"reflect: error: {exc.filename or ''}: {exc.strerror}\n")
        sys.exit(EXIT_BAD_INPUT)
    except Exception as exc:  # noqa: BLE001 - last resort, see below
        # An unexpected error's message could quote data (a KeyError on a text, say), so only
        # its type and place are shown unless REFLECT_DEBUG asks for the full traceback.
        if os.environ.get("REFLECT_DEBUG"):
            raise
        tb = exc.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        where = f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
        sys.stderr.write(
            f"reflect: internal error: {type(exc).__name__} at {where} "
            "(set REFLECT_DEBUG=1 for a traceback)\n"
        )
        sys.exit(EXIT_INTERNAL)
    except KeyboardInterrupt:
        code = 130
    if code == 130:
        sys.stderr.write("reflect: interrupted\n")
    if isinstance(code, int) and code:
        sys.exit(code)


if __name__ == "__main__":
    app()
