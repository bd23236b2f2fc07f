"""Tesseract, called as a program (it is not a Python package): PNG on stdin, word boxes (TSV) on stdout."""

from __future__ import annotations

import io
import os
import re
import subprocess

from wkb_desk.ocr.layout import TAB_GAP, Piece

# psm 6: the page as one block of lines, top to bottom. On scans of the samples it read forms and tables
# far better than the automatic segmentation (psm 3 cuts a table into column blocks and loses cells):
# 140 of 147 fields right and none wrong against 122 right and 11 wrong. 300 dpi as rendered.
_ARGS = ("--psm", "6", "--dpi", "300", "-c", "preserve_interword_spaces=0")
# --psm 6 reads the page as one block of lines and drops lines in far larger type (a title, a logo's name)
_SPARSE_ARGS = ("--psm", "11", "--dpi", "150", "-c", "preserve_interword_spaces=0")
_MIN_WORD_CONF = 20.0  # Tesseract's 0..100; below: specks and smudges read as letters
# What is left of a dotted leader after preprocessing ("Hnr...", "PC.......e."): not part of the label.
_LEADER_REST = re.compile(r"(?<=\w)(?:[.…·,]{3,}|_{3,})\S*$")
# a dash alone between words reads with low confidence, but dropping it opens a gap that splits a title into cells
_DASHES = {"-", "–", "—"}
_DASH_READ = re.compile(r"[=\-–~]{1,3}")  # how such a dash comes back: "=", "=-", "--"
_KEPT_MARKS = {"—", "-", "–", "&", "/", "+", "=", "·"}  # marks that are words of their own in real text


def read_tesseract(program: str, language: str, image, timeout: float, sparse: bool = False) -> list[Piece]:
    """`sparse`: find text of any size anywhere (--psm 11), for the pass that looks for large type only."""
    buf = io.BytesIO()
    image.save(buf, "PNG", compress_level=1)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per page: the machine runs other work too
    kwargs = {}
    if os.name == "nt":
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    done = subprocess.run(
        [program, "stdin", "stdout", "-l", language, *(_SPARSE_ARGS if sparse else _ARGS), "tsv"],
        input=buf.getvalue(), capture_output=True, timeout=timeout, env=env, check=False, **kwargs,
    )
    if done.returncode != 0:
        raise RuntimeError(f"tesseract gaf foutcode {done.returncode}: {done.stderr.decode('utf-8', 'replace')[:200]}")
    return _lines_from_tsv(done.stdout.decode("utf-8", "replace"))


def _lines_from_tsv(tsv: str) -> list[Piece]:
    """Tesseract's lines as pieces; inside a line a wide gap between words becomes a TAB (a table's cells).

    Table rules come back as "|" (and "[", "]" where a rule touches a letter): they are no text.
    """
    lines: dict[tuple[str, str, str], list[tuple[int, int, int, int, str, float]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = _LEADER_REST.sub("", cols[11].strip().strip("|[]").strip())
        try:
            conf = float(cols[10])
            left, top, width, height = (int(c) for c in cols[6:10])
        except ValueError:
            continue
        if _DASH_READ.fullmatch(text) and (text != "=" or conf < 60):
            text = "-"  # a dash between words in a title ("ZAAKOVERZICHT - BOUWMELDING"), blurred by the copier
        if not text or (conf < _MIN_WORD_CONF and text not in _DASHES) or not (any(ch.isalnum() for ch in text) or text in _KEPT_MARKS):
            continue  # a speck, a rule or a stray quote mark read as a word
        lines.setdefault((cols[2], cols[3], cols[4]), []).append((left, top, left + width, top + height, text, conf))
    pieces = []
    for words in lines.values():
        words.sort()
        heights = sorted(w[3] - w[1] for w in words)
        size = max(1, heights[len(heights) // 2])
        parts = [words[0]]
        for word in words[1:]:
            if word[0] - parts[-1][2] > TAB_GAP * size:  # a cell boundary: its own piece
                pieces.append(_piece(parts))
                parts = []
            parts.append(word)
        pieces.append(_piece(parts))
    return pieces


def _piece(words) -> Piece:
    chars = sum(len(w[4]) for w in words)
    return Piece(
        x0=min(w[0] for w in words), y0=min(w[1] for w in words),
        x1=max(w[2] for w in words), y1=max(w[3] for w in words),
        text=" ".join(w[4] for w in words),
        conf=sum(w[5] * len(w[4]) for w in words) / max(1, chars) / 100.0,
    )
