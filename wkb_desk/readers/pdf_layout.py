"""A PDF page's text laid out from its characters' own positions (PDFium), as the page shows it.

pypdf's layout mode places each text operation at a column from an estimated character width. That holds for
text written a line or a word at a time in an ordinary font, but a page drawn word by word with justified spaces,
character by character with letter spacing, or in a condensed font comes out with words torn into cells
("Kanaalpark<TAB>157") or run together ("elAmrani"), and a value printed a few points above its label's baseline
lands on a line of its own. Here every character's box and baseline come from PDFium (already used to render scans
for OCR): characters on one baseline, give or take half a letter, form a line; a gap wider than the line's own
letter spacing by a sixth of a letter is a word space; one of a letter and a half, one well over the line's word
spaces or one where the letters change size or baseline is a cell boundary. Rotated characters (a diagonal "KOPIE"
or "Ontvangen" stamp) are no text of the page.

The result has the shape of a layout text (cells at their columns, three spaces or more between cells) so that
the reader's table logic treats it as it treats pypdf's.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass

LINE_TOLERANCE = 0.5  # baselines within half a letter height of a line belong to it (a value set a little higher)
WORD_GAP = 0.16  # a gap this much wider (in letter heights) than the line's letter spacing separates words
CELL_GAP = 1.5  # a gap of one and a half letter heights or more (beyond letter spacing) separates cells
NEAR_CELL_GAP, SPACE_RATIO = 0.9, 2.5  # ... as is one of most of a letter height that is well over the line's spaces
APART_GAP = 0.4  # ... and a gap of this much where the letters change size or baseline (a label beside its value)
COLUMN = 0.4  # text column width in letter heights
ROTATED = 0.05  # radians: a character turned further is a stamp or a watermark
MAX_CHARS = 60_000  # a page with more characters than this is read the ordinary way (a limit on work, not text)


@dataclass
class _Char:
    x0: float
    x1: float
    y: float  # baseline
    size: float
    text: str
    after_tab: bool = False  # a TAB character stood before it in the text: the writer's own cell boundary
    after_space: bool = False  # a space character stood before it: a word boundary, however narrow the font sets it


def page_chars(textpage) -> list[_Char] | None:
    """The upright, visible characters of a PDFium text page; None when the page has none or too many."""
    import pypdfium2.raw as raw

    handle = textpage.raw
    n = raw.FPDFText_CountChars(handle)
    if n <= 0 or n > MAX_CHARS:
        return None
    box = raw.FS_RECTF()  # the loose box: the glyph's advance, so a narrow "1" still touches its neighbours
    ox, oy = ctypes.c_double(), ctypes.c_double()
    out: list[_Char] = []
    tab = space = False
    for i in range(n):
        code = raw.FPDFText_GetUnicode(handle, i)
        if code in (0, 0xFFFE, 0xFFFF) or raw.FPDFText_IsGenerated(handle, i) == 1:
            continue  # PDFium's own inserted spaces and line ends: the gaps below decide
        if code == 0x02:
            code = 0x2D  # PDFium's mark for a hyphen at a line's end: the hyphen as printed ("Project-" / "naam")
        ch = chr(code) if code < 0x110000 else ""
        if not ch or ch.isspace() or 0xD800 <= code <= 0xDFFF:
            tab, space = tab or ch == "\t", True
            continue
        angle = raw.FPDFText_GetCharAngle(handle, i)
        if angle < 0 or min(angle, 2 * math.pi - angle) > ROTATED:
            continue
        if not raw.FPDFText_GetLooseCharBox(handle, i, ctypes.byref(box)):
            continue
        raw.FPDFText_GetCharOrigin(handle, i, ctypes.byref(ox), ctypes.byref(oy))
        size = raw.FPDFText_GetFontSize(handle, i) or abs(box.top - box.bottom) or 10.0
        x0, x1 = min(box.left, box.right), max(box.left, box.right)
        out.append(_Char(x0, x1, oy.value, float(size), ch, tab, space))
        tab = space = False
    return out or None


def _runs(chars: list[_Char]) -> list[list[_Char]]:
    """Runs of characters as the page draws them: one baseline, each after the one before."""
    runs: list[list[_Char]] = []
    for c in chars:
        last = runs[-1][-1] if runs else None
        if last is not None and abs(c.y - last.y) < 0.3 and -0.2 * c.size <= c.x0 - last.x1 < 2 * c.size:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


@dataclass
class _Line:
    chars: list[_Char]
    ys: list[float]
    size: float
    spans: list[tuple[float, float]]


def _lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters grouped into lines, top of the page first, each in reading order (left to right).

    A run joins the nearest line above whose baseline (any of its runs') lies within half a letter height and
    that has nothing where the run stands: a value set a few points above its label joins the label's line, not
    the line of the value above it.
    """
    lines: list[_Line] = []
    for run in sorted(_runs(chars), key=lambda r: -r[0].y):
        y, size = run[0].y, max(c.size for c in run)
        x0, x1 = run[0].x0, run[-1].x1
        best: tuple[float, _Line] | None = None
        for line in lines[-8:]:  # (lines come in order of height: only the last few can be near)
            near = min(abs(v - y) for v in line.ys)
            if near <= LINE_TOLERANCE * max(size, line.size) and not any(a < x1 and x0 < b for a, b in line.spans) \
                    and (best is None or near < best[0]):
                best = (near, line)
        if best is None:
            lines.append(_Line(list(run), [y], size, [(x0, x1)]))
            continue
        line = best[1]
        line.chars.extend(run)
        line.ys.append(y)
        line.size = max(line.size, size)
        line.spans.append((x0, x1))
    lines.sort(key=lambda ln: -max(ln.ys))
    return [sorted(line.chars, key=lambda c: c.x0) for line in lines]


def _cells(line: list[_Char]) -> list[tuple[float, str]]:
    """A line's cells: (x where the cell starts, its words joined by single spaces)."""
    gaps = [b.x0 - a.x1 for a, b in zip(line, line[1:])]
    inside = sorted(g for g in gaps if g < 0.5 * max(line[0].size, 1.0))
    spacing = max(0.0, inside[len(inside) // 2]) if inside else 0.0  # the line's own letter spacing
    # the line's ordinary word space (the lower median of its gaps between words): a gap well over it is a cell
    # boundary even where it is under CELL_GAP ("nummer 3140" | "1676010000301457" in a grid), while justified
    # text, whose spaces all widen together, stays one cell
    spaces = sorted(g - spacing for g in gaps if g - spacing >= WORD_GAP * line[0].size)
    space = spaces[(len(spaces) - 1) // 2] if spaces else 0.0
    cells: list[tuple[float, str]] = []
    start, word, words = line[0].x0, [line[0].text], []
    for prev, c, gap in zip(line, line[1:], gaps):
        size = max(prev.size, c.size)
        extra = gap - spacing
        # (a label and its value set apart by a smaller gap still differ in size or baseline: "Verzoeknummer" in
        # 7.5 pt beside "2027041900356" in 10 pt, a few points higher)
        apart = abs(prev.y - c.y) > 0.8 or abs(prev.size - c.size) > 0.1 * size
        wide = extra >= CELL_GAP * size or extra >= NEAR_CELL_GAP * size and extra >= SPACE_RATIO * space
        if wide or apart and extra >= APART_GAP * size or c.after_tab:
            words.append("".join(word))
            cells.append((start, " ".join(words)))
            start, word, words = c.x0, [c.text], []
        elif extra >= WORD_GAP * size or c.after_space and gap > -0.1 * size:
            words.append("".join(word))
            word = [c.text]
        else:
            word.append(c.text)
    words.append("".join(word))
    cells.append((start, " ".join(words)))
    return cells


def field_chars(fields: list[tuple[tuple[float, float, float, float], str, float]], textpage) -> list[_Char]:
    """A filled-in PDF form's values as characters where their fields stand ((left, bottom, right, top), value,
    type size): the page's own text holds only the printed labels. A value the page already prints inside the
    field's box (a form flattened on saving keeps its fields) is not added twice."""
    out: list[_Char] = []
    for (left, bottom, right, top), value, size in fields:
        value = " ".join(value.split())
        if not value:
            continue
        try:
            printed = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
        except Exception:  # noqa: BLE001 - without it the value is added
            printed = ""
        if printed and (value in printed or printed in value):
            continue
        size = size or min(12.0, max(6.0, 0.7 * (top - bottom)))
        y = bottom + max(0.0, (top - bottom - size) / 2) + 0.2 * size
        x, advance, space = left + 2.0, 0.5 * size, False
        for ch in value:
            if ch == " ":
                x, space = x + 0.28 * size, True
                continue
            out.append(_Char(x, x + advance, y, size, ch, False, space))
            x, space = x + advance, False
    return out


def layout_text(textpage, extra: list[_Char] = ()) -> str | None:
    """The page as layout text (cells at their columns), or None where PDFium finds no characters. `extra`: more
    characters to lay out with the page's own (a form's field values, field_chars)."""
    chars = (page_chars(textpage) or []) + list(extra)
    if not chars:
        return None
    sizes = sorted(c.size for c in chars)
    # points per text column: a little under a typical letter's advance, so that a cell's text rarely runs past
    # the column where the next cell starts (which would shift that cell off its heading)
    column = max(2.0, COLUMN * sizes[len(sizes) // 2])
    margin = min(c.x0 for c in chars)  # the page's left margin is no indent
    out: list[str] = []
    for line in _lines(chars):
        text = ""
        for x, cell in _cells(line):
            at = round((x - margin) / column)
            text = f"{text}{' ' * max(at - len(text), 3 if text else at)}{cell}"
        out.append(text.rstrip())
    return "\n".join(out)
