"""Tesseract, called as a program (it is not a Python package): PNG on stdin, word boxes (TSV) on stdout."""

from __future__ import annotations

import io
import os
import subprocess

from wkb_desk.ocr.layout import Piece

# psm 3: automatic page segmentation (forms, letters and tables all occur); 300 dpi as rendered.
_ARGS = ("--psm", "3", "--dpi", "300", "-c", "preserve_interword_spaces=0")
_MIN_WORD_CONF = 20.0  # Tesseract's 0..100; below: specks and smudges read as letters


def read_tesseract(program: str, language: str, image, timeout: float) -> list[Piece]:
    buf = io.BytesIO()
    image.save(buf, "PNG", compress_level=1)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per page: the machine runs other work too
    kwargs = {}
    if os.name == "nt":
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    done = subprocess.run(
        [program, "stdin", "stdout", "-l", language, *_ARGS, "tsv"],
        input=buf.getvalue(), capture_output=True, timeout=timeout, env=env, check=False, **kwargs,
    )
    if done.returncode != 0:
        raise RuntimeError(f"tesseract gaf foutcode {done.returncode}: {done.stderr.decode('utf-8', 'replace')[:200]}")
    return _lines_from_tsv(done.stdout.decode("utf-8", "replace"))


def _lines_from_tsv(tsv: str) -> list[Piece]:
    """Tesseract's words with their boxes; layout.to_lines puts them into lines (a wide gap is a cell boundary).

    Table rules come back as "|" (and "[", "]" where a rule touches a letter): they are no text.
    """
    pieces = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip().strip("|[]").strip()
        try:
            conf = float(cols[10])
            left, top, width, height = (int(c) for c in cols[6:10])
        except ValueError:
            continue
        if not text or conf < _MIN_WORD_CONF:
            continue
        pieces.append(Piece(left, top, left + width, top + height, text, conf / 100.0))
    return pieces
