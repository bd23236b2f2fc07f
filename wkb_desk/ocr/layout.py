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
TAB_GAP = 1.5  # a gap wider than this many times the type size separates cells, not words
# A received-stamp ("ONTVANGEN 14 APR 2026", "Ingekomen", "Postkamer") is the desk's own mark, not the
# document's text: as a cell of its own it would pass for an address ("Ontvangen 14").
_STAMP = re.compile(r"^\W*(?:ontvangen|ingekomen|binnengekomen|postkamer|gemeente\s*-\s*postkamer)\b", re.IGNORECASE)


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


def _clean(text: str) -> str:
    """A speck or rule before a cell ("‘Postcode", "_ Wessels"): no text. An apostrophe ('s-Hertogenbosch) stays."""
    return text.strip().lstrip("‘’‚“”`„,.;:_~|").strip()


def to_lines(pieces: list[Piece], tab_gap: float = TAB_GAP) -> list[str]:
    """Group pieces into lines (top to bottom), pieces left to right; gap > tab_gap x line height: TAB."""
    rows: list[list[Piece]] = []
    # specks and rules read as "." "_" "—" without conviction are no text; a confident "-" in a title is
    pieces = [p for p in pieces if p.text.strip() and (p.conf >= 0.6 or any(ch.isalnum() for ch in p.text))]
    for p in sorted(pieces, key=lambda p: (p.yc, p.x0)):
        for row in reversed(rows[-4:]):
            # same line: the centres lie within half the smaller type size of each other (boxes themselves
            # are unreliable: a word touching a table rule gets the rule's height; a logo is large)
            centre = sorted(q.yc for q in row)[len(row) // 2]
            size = sorted(q.height for q in row)[len(row) // 2]
            if abs(p.yc - centre) < 0.5 * min(p.height, size):
                row.append(p)
                break
        else:
            rows.append([p])
    rows.sort(key=lambda r: min(q.yc for q in r))
    lines = []
    for row in rows:
        row = [q for q in row if not _STAMP.match(q.text) or len(q.text.split()) > 6]
        if not row:
            continue
        row.sort(key=lambda q: q.x0)
        height = sorted(q.height for q in row)[len(row) // 2]  # words: about the type size; lines: a bit more
        out = _clean(row[0].text)
        for prev, cur in zip(row, row[1:]):
            gap = cur.x0 - prev.x1
            out += ("\t" if gap > tab_gap * height else " ") + _clean(cur.text)
        lines.append(fix_lookalikes(out))
    return lines
