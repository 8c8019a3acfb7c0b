"""What every command prints goes through one writer: a reader that stops early is no
error, a file that cannot be written is a message and status 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sphinx_cookiecharter.core.emit import emit
from tests.paths import DECLARATIONS

DEMO = DECLARATIONS / "valid" / "declaration.yaml"


@pytest.mark.parametrize(
    "argv",
    [
        ["schema"],
        ["schema", "--export"],
        ["lint", str(DEMO), "--format", "sarif"],
        ["export", str(DEMO), "-f", "json"],
    ],
)
def test_a_reader_that_closed_the_pipe_is_no_error(argv: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written (`| head -c0`)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "sphinx_cookiecharter", *argv],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr


def test_emit_to_a_file_that_cannot_be_written(tmp_path, capsys):
    target = tmp_path / "missing" / "out.txt"
    assert emit("text", str(target)) == 2
    assert capsys.readouterr().err == f"{target}: cannot be written: No such file or directory\n"


def test_emit_to_a_file_and_to_the_standard_output(tmp_path, capsys):
    target = tmp_path / "out.txt"
    assert emit("a\r\nb\n", str(target)) == 0
    assert target.read_bytes() == b"a\r\nb\n"  # written as given
    assert emit("c\n", "-") == 0
    assert capsys.readouterr().out == "c\n"
