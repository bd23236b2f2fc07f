"""Words or text lines with boxes -> lines of text in reading order.

Engines cut a form into pieces: "Verzoeknummer:" and "2026061800134" come back as separate blocks.
The extractor expects what a PDF text layer gives: label and value on one line. Pieces whose vertical
extent overlaps are one line; a wide gap between pieces becomes a TAB (the cell separator of
models.Page), a narrow one a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Letter/digit look-alikes in the middle of a word or number ("Verz0eknummer", "2O26"): only where both
# neighbours are of the other kind, so codes such as "7601AB" or "B0RG4" at a word's edge stay as read.
_DIGIT_IN_WORD = re.compile(r"(?<=[^\W\d_]{2})0(?=[^\W\d_])|(?<=[^\W\d_])0(?=[^\W\d_]{2})")
_LETTER_IN_NUMBER = re.compile(r"(?<=\d)[OoIl](?=\d)")
_AS_DIGIT = {"O": "0", "o": "0", "I": "1", "l": "1"}


def fix_lookalikes(text: str) -> str:
    def letter(m: re.Match) -> str:
        before, after = text[m.start() - 1], text[m.end()]
        return "O" if before.isupper() and after.isupper() else "o"

    text = _DIGIT_IN_WORD.sub(letter, text)
    return _LETTER_IN_NUMBER.sub(lambda m: _AS_DIGIT[m.group(0)], text)


@dataclass(frozen=True)
class Piece:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    conf: float  # 0..1

    @property
    def height(self) -> float:
        return max(1.0, self.y1 - self.y0)

    @property
    def yc(self) -> float:
        return (self.y0 + self.y1) / 2


def to_lines(pieces: list[Piece], tab_gap: float = 1.5) -> list[str]:
    """Group pieces into lines (top to bottom), pieces left to right; gap > tab_gap x line height: TAB."""
    rows: list[list[Piece]] = []
    # specks and rules read as "." "_" "—" without conviction are no text; a confident "-" in a title is
    pieces = [p for p in pieces if p.text.strip() and (p.conf >= 0.6 or any(ch.isalnum() for ch in p.text))]
    for p in sorted(pieces, key=lambda p: (p.yc, p.x0)):
        for row in reversed(rows[-4:]):  # only the last few lines can still be "this line"
            top = min(q.y0 for q in row)
            bottom = max(q.y1 for q in row)
            overlap = min(bottom, p.y1) - max(top, p.y0)
            if overlap >= 0.5 * min(p.height, bottom - top) and abs(p.yc - (top + bottom) / 2) < 0.6 * p.height:
                row.append(p)
                break
        else:
            rows.append([p])
    rows.sort(key=lambda r: min(q.yc for q in r))
    lines = []
    for row in rows:
        row.sort(key=lambda q: q.x0)
        height = sorted(q.height for q in row)[len(row) // 2]  # words: about the type size; lines: a bit more
        out = row[0].text.strip()
        for prev, cur in zip(row, row[1:]):
            gap = cur.x0 - prev.x1
            out += ("\t" if gap > tab_gap * height else " ") + cur.text.strip()
        lines.append(fix_lookalikes(out))
    return lines
