"""What the commands print or write: one place that turns a failed write into a message.

Every command that produces a report or a file (``lint``, ``audit``, ``export``,
``diff``, ``schema``) writes it through :func:`emit`, so that a reader closing the pipe
early (``cookiecharter schema | head``) is no error, and a file that cannot be written
is a line on the standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path


def emit(text: str, output: str | None = None) -> int:
    """Write ``text`` to the file ``output``, or to the standard output when ``output``
    is ``None`` or ``-``; the exit status: 0, or 2 when the file cannot be written."""
    if output is None or output == "-":
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # the reader stopped early (`| head`): not an error
            sys.stdout = None  # nothing is left to flush at exit
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        print(f"{output}: cannot be written: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0
