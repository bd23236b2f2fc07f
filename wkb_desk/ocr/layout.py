"""Words or text lines with boxes -> lines of text in reading order.

Engines cut a form into pieces: "Verzoeknummer:" and "2026061800134" come back as separate blocks.
The extractor expects what a PDF text layer gives: label and value on one line. Pieces whose vertical
extent overlaps are one line; a wide gap between pieces becomes a TAB (the cell separator of
models.Page), a narrow one a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wkb_desk.grid import under_headings

# Letter/digit look-alikes in the middle of a word or number ("Verz0eknummer", "2O26"): only where both
# neighbours are of the other kind, so codes such as "7601AB" or "B0RG4" at a word's edge stay as read.
_DIGIT_IN_WORD = re.compile(r"(?<=[^\W\d_]{2})0(?=[^\W\d_])|(?<=[^\W\d_])0(?=[^\W\d_]{2})")
_LETTER_IN_NUMBER = re.compile(r"(?<=\d)[OoIl](?=\d)")
# an I read as 1 in capitals: a label's "-ID" ("BAG NUMMERAANDUIDING-1D"), or between capitals ("KWAL1TEIT")
_ONE_IN_CAPITALS = re.compile(r"(?<=[A-ZÀ-Ý]-)1(?=D\b)|(?<=[A-ZÀ-Ý]{2})1(?=[A-ZÀ-Ý]{2})")
# an l read as "!" where no exclamation can stand: in a word, or before a word in lower case ("Oanta! bouwurken")
_L_AS_MARK = re.compile(r"(?<=[a-zà-ÿ])!(?=[a-zà-ÿ]| [a-zà-ÿ])")
# a narrow "1" set apart from the digits after it ("Hessenweg 1 12a" for 112a): an engine's gap, no house number
_SPLIT_ONE = re.compile(r"(?<=[a-zà-ÿ] )1 (?=\d{1,3}(?:[a-zA-Z]|-\d{1,3})?(?:[\s,]|$))")
_AS_DIGIT = {"O": "0", "o": "0", "I": "1", "l": "1"}
# a list's bullet read as a letter ("e Initiatiefnemer — Loonbedrijf Schraa B.V."): a lone "e" or "o" before a
# capitalised label and the dash of its value; no Dutch line starts so
_BULLET_AS_LETTER = re.compile(r"(?m)^[eo«»*] (?=[A-Z][\w-]*(?: [\w.-]+){0,4} [—–-] \S)")
# a house number's 1 read as a letter at the end of an address's street ("Wâldwei la | 8556 XR", "Skâns l2,"):
# "l" or "I" then a house letter or digits, where the cell or the street part of the address ends
_ONE_AS_LETTER = re.compile(r"(\b[A-ZÀ-Ý][a-zà-ÿ'-]*[a-zà-ÿ]{2} )(?:l|I(?=[a-h\d]))"
                            r"(?=(?:[a-h]|\d{1,3}[a-h]?)?(?:\t|,|$| [1-9]\d{3} ?[A-Z]{2}\b))", re.MULTILINE)
TAB_GAP = 1.5  # a gap wider than this many times the type size separates cells, not words
# A received-stamp ("ONTVANGEN 14 APR 2026", "Ingekomen", "Postkamer") is the desk's own mark, not the
# document's text: as a cell of its own it would pass for an address ("Ontvangen 14").
# "ontvangen" in a table's status column is the document's text: a stamp says it in capitals or with a date.
_STAMP = re.compile(r"^\W*(?:(?:ONTVANGEN|INGEKOMEN|BINNENGEKOMEN)\b|(?i:ontvangen|ingekomen|binnengekomen)\s*(?:op\s*)?:?"
                    r"\s*\d|(?i:postkamer|gemeente\s*-\s*postkamer)\b)")
# a stamp that overlaps print comes back in pieces ("NGEN 14 APR 2026", "ente - Postkamer"): its date in
# capitals with a short month, or the post room's name
_STAMP_PART = re.compile(r"\b\d{1,2}\s+(?:JAN|FEB|MRT|APR|MEI|JUN|JUL|AUG|SEP|OKT|NOV|DEC)\s+20\d{0,2}\b"
                         # ("NGEN 14 ApR 2026": the stamp's word cut off, its month read in mixed case)
                         r"|\b[A-Z]*(?:NGEN|VANG|KOMEN)\s+\d{1,2}\s+(?i:jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\w*\s+20\d{0,2}\b"
                         r"|\b(?:O?NTVANGEN|ONTVANGE|ONTVANG|ONTVA)\b|(?i:postkamer|gemeente\s*-\s*post)")


# A verzoeknummer has 13 digits, a BAG-id 16: a token of that length that is digits but for one or two
# look-alikes at its edge ("l666151162055908", "202602013264S") is that number. A postcode is 4 digits and
# 2 capitals: a look-alike in either part, with the other part right, is certain ("76O1 AB", "7601 A8").
_LONG_NUMBER = re.compile(r"(?<![\w-])[\dOoIl|SB]{13}(?:[\dOoIl|SB]{3})?(?![\w-])")
_POSTCODE = re.compile(r"\b([1-9][\dOIl]{3}) ?([A-Z058]{2})\b(?=\s+[A-Z'][a-z]|\s*(?:\t|$))")
_NUMBER_DIGIT = {"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8"}
_POSTCODE_LETTER = {"0": "O", "5": "S", "8": "B"}


def fix_lookalikes(text: str) -> str:
    def letter(m: re.Match) -> str:
        before, after = text[m.start() - 1], text[m.end()]
        return "O" if before.isupper() and after.isupper() else "o"

    text = _SPLIT_ONE.sub("1", text)
    if text[:2] in ("e ", "o ", "« ", "» ", "* ") or "\ne " in text or "\no " in text:
        text = _BULLET_AS_LETTER.sub("• ", text)
    text = _ONE_AS_LETTER.sub(r"\g<1>1", text)
    text = _DIGIT_IN_WORD.sub(letter, text)
    text = _ONE_IN_CAPITALS.sub("I", text)
    if "!" in text:
        text = _L_AS_MARK.sub("l", text)
    text = _LETTER_IN_NUMBER.sub(lambda m: _AS_DIGIT[m.group(0)], text)
    text = _LONG_NUMBER.sub(_long_number, text)
    return _POSTCODE.sub(_postcode, text)


def _long_number(m: re.Match) -> str:
    token = m.group(0)
    odd = [ch for ch in token if not ch.isdigit()]
    if not odd or len(odd) > 2:
        return token  # all digits already, or a word
    return "".join(_NUMBER_DIGIT.get(ch, ch) for ch in token)


def _postcode(m: re.Match) -> str:
    digits, letters = m.group(1), m.group(2)
    sep = m.group(0)[len(digits):-len(letters)]
    fixed_digits = "".join(_AS_DIGIT.get(ch, ch) for ch in digits)
    fixed_letters = "".join(_POSTCODE_LETTER.get(ch, ch) for ch in letters)
    if digits != fixed_digits and letters != fixed_letters:
        return m.group(0)  # both parts in doubt: not certain it is a postcode
    if not fixed_letters.isalpha() or (letters != fixed_letters and not any(ch.isalpha() for ch in letters)):
        return m.group(0)  # "7601 08": two digits after four are no postcode
    return fixed_digits + sep + fixed_letters


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
    """Group pieces into lines, in reading order: top to bottom, a page's columns one after the other.

    Within a line pieces go left to right; a gap wider than tab_gap x the line height becomes a TAB.
    """
    rows = _rows(pieces)
    lines = []
    above: list[tuple[float, str]] | None = None
    for row in reading_order(rows):
        row.sort(key=lambda q: q.x0)
        height = sorted(q.height for q in row)[len(row) // 2]  # words: about the type size; lines: a bit more
        cells = [(row[0].x0, _clean(row[0].text))]
        for prev, cur in zip(row, row[1:]):
            if cur.x0 - prev.x1 > tab_gap * height:
                cells.append((cur.x0, _clean(cur.text)))
            else:
                cells[-1] = (cells[-1][0], f"{cells[-1][1]} {_clean(cur.text)}")
        # empty cells put back under a row of headings (a value starts within a line's height of its heading)
        padded = under_headings(cells, above, 1.5 * height)
        # (a comma read as the low quotation mark "‚" breaks "sectie H‚ nummer 616")
        lines.append(fix_lookalikes("\t".join(text for _, text in padded).replace("\u201a", ",")))
        above = cells
    return lines


def _rows(pieces: list[Piece]) -> list[list[Piece]]:
    rows: list[list[Piece]] = []
    # specks and rules read as "." "_" "—" without conviction are no text; a confident "-" in a title is
    # nor is a letter or two read without conviction (a stamp's edge, a smudge beside the letterhead)
    pieces = [p for p in pieces if p.text.strip() and (p.conf >= 0.6 or any(ch.isalnum() for ch in p.text))
              and (len(p.text.strip()) > 2 or p.conf >= 0.5)]
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
    out = []
    for row in rows:
        row = sorted((q for q in row if not _is_stamp(q.text)), key=lambda q: q.x0)
        if row:
            out.append(row)
    return out


def _is_stamp(text: str) -> bool:
    return bool((_STAMP.match(text) or _STAMP_PART.search(text)) and len(text.split()) <= 6)


# --- columns ------------------------------------------------------------------------------------------------
#
# psm 6 reads a page as one block: a line runs across the whole width. Where a page has two columns of its
# own (sections side by side, a text column beside a side column), a line then joins the left column's row
# with whatever the right column has at that height. A column boundary is an x where many rows have a piece
# starting and no piece runs across, over a run of consecutive rows. It is only taken for a boundary between
# columns, not between the cells of a table or a form row, when both sides of those rows are complete on
# their own (a label with its value, a "Label: value", a line of prose), or when the two sides keep their
# own line pitch (a side column: more rows with print only on the right than on both sides) and the left
# side is complete. Left of the boundary between a label and its value there is only a label; in a grid of
# labels above values a row's cells are each a label or each a value; in a data table each row has the
# same number of cells.

_PAIR_LABEL = re.compile(r"^[^\d:]{1,40}:\s*\S")
_MIN_COLUMN_ROWS = 3


def reading_order(rows: list[list[Piece]], depth: int = 0) -> list[list[Piece]]:
    """Rows (each sorted left to right) -> rows in reading order, column regions one column after the other."""
    if depth > 3 or len(rows) < 2 * _MIN_COLUMN_ROWS:
        return rows
    split = _find_split(rows)
    if split is None:
        return rows
    start, end, cx = split
    left = [[p for p in r if p.x0 < cx] for r in rows[start:end]]
    right = [[p for p in r if p.x0 >= cx] for r in rows[start:end]]
    return (reading_order(rows[:start], depth + 1) + reading_order([r for r in left if r], depth + 1)
            + reading_order([r for r in right if r], depth + 1) + reading_order(rows[end:], depth + 1))


def _complete(side: list[Piece]) -> bool:
    """A row's pieces left of a boundary make sense on their own: label + value, "Label: value", or prose."""
    if not side:
        return False
    first = side[0].text.strip()
    if len(side) >= 2:
        return not any(ch.isdigit() for ch in first) and len(first.split()) <= 6
    return bool(_PAIR_LABEL.match(first)) or len(first.split()) >= 5


def _heading(side: list[Piece]) -> bool:
    if len(side) != 1:
        return False
    text = side[0].text.strip()
    return len(text.split()) <= 3 and not any(ch.isdigit() for ch in text) and ":" not in text


def _find_split(rows: list[list[Piece]]):
    heights = sorted(p.height for r in rows for p in r)
    size = heights[len(heights) // 2]
    starts = sorted(p.x0 for r in rows for p in r[1:])  # where a piece that is not first in its row begins
    candidates, cluster = [], []
    for x in starts + [None]:
        if x is not None and (not cluster or x - cluster[0] <= size):
            cluster.append(x)
            continue
        if len(cluster) >= _MIN_COLUMN_ROWS:
            candidates.append(min(cluster))
        cluster = [x] if x is not None else []
    best = None
    for cx in candidates:
        for start, end in _runs(rows, cx, size):
            region = rows[start:end]
            both = [r for r in region if r[0].x0 < cx - size and r[-1].x0 >= cx - 0.5 * size]
            rights = [r for r in region if r[-1].x0 >= cx - 0.5 * size]
            if len(both) < _MIN_COLUMN_ROWS or len(rights) < _MIN_COLUMN_ROWS:
                continue
            lefts = [[p for p in r if p.x0 < cx - 0.5 * size] for r in both]
            pairs = sum(_complete(side) and _complete([p for p in r if p.x0 >= cx - 0.5 * size])
                        for side, r in zip(lefts, both))
            # a right column of its own has its own headings; in a form table (label | value | label | value)
            # the headings span the width and the right half is only pairs: read row by row, with its heading
            # (at the column's left edge: a stamp's fragments in the margin are no heading)
            heads = sum(_heading([p for p in r if p.x0 >= cx - 0.5 * size]) and r[-1].x0 < cx + size
                        and any(p.x0 >= cx - 0.5 * size for p in nxt)
                        for r, nxt in zip(region, region[1:]))
            if pairs < max(_MIN_COLUMN_ROWS, 0.5 * len(both)) or not heads:
                # not label-value pairs on both sides: columns only where the two sides keep their own line
                # pitch (a side column beside the text): more rows with print only on the right than on both sides
                if len(rights) - len(both) < len(both) or sum(map(_complete, lefts)) < 0.7 * len(lefts):
                    continue
            score = len(both)
            if best is None or score > best[0]:
                best = (score, start, end, cx - 0.5 * size)
    return None if best is None else best[1:]


def _runs(rows: list[list[Piece]], cx: float, size: float):
    """Maximal runs of consecutive rows that no piece crosses at x = cx (a white gutter left of it)."""
    start = None
    for i, row in enumerate(rows + [None]):
        crossed = row is None or any(p.x0 < cx - 0.5 * size and p.x1 > cx - 0.6 * size for p in row)
        if not crossed and start is None:
            start = i
        elif crossed and start is not None:
            if i - start >= _MIN_COLUMN_ROWS:
                yield start, i
            start = None
