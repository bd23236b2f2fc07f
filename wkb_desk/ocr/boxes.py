"""Tick boxes on a page image: found by their shape, read as ticked or empty, and taken out before the engine reads.

Tesseract reads an empty box as "0", "O" or "D" and drops a crossed one, so that "☒ Geen verklaring" and
"☐ Verklaring afgegeven" come out alike: the choice a form makes is lost. A box here is a square outline about the
size of a capital: hollow, with ink in its four corners (an O or a 0 is round: its corners are empty). It is
ticked when its inside holds ink (a cross, a check mark, a filled square). The box is whitened in the image and
put back into the text as ☒ or ☐, the marks the text layer of a PDF form carries too (extract/locate.py reads them).
"""

from __future__ import annotations

from dataclasses import dataclass

from wkb_desk.ocr.preprocess import ink_blobs

TICKED, EMPTY = "\u2612", "\u2610"  # ☒ ☐
_MIN_TICK = 0.06  # share of a box's inside that is ink when it is ticked (a speck of noise is far less)
_MAX_FILL = 0.75  # an outline with a cross in it is about half ink; a letter in heavy bold is more


@dataclass(frozen=True)
class Box:
    x0: int
    y0: int
    x1: int
    y1: int
    ticked: bool


def find_boxes(img) -> list[Box]:
    """The tick boxes of a grey page image (PIL "L"); [] without OpenCV or without text to size them by."""
    try:
        import cv2
        import numpy as np
    except ImportError:  # pragma: no cover - opencv comes with rapidocr-onnxruntime
        return []
    found = ink_blobs(np.asarray(img, dtype=np.uint8))
    if found is None:
        return []
    ink, _, labels, stats, size = found
    w, h = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    out: list[Box] = []
    # (a box is set about as high as a capital, smaller than the tallest letters of the line)
    for k in np.where((h >= 0.6 * size) & (h <= 3.0 * size) & (w >= 0.8 * h) & (w <= 1.25 * h))[0]:
        x, y, bw, bh = (int(v) for v in stats[k + 1, :4])
        mask = labels[y:y + bh, x:x + bw] == k + 1
        if not _square_outline(mask) or mask.mean() > _MAX_FILL:
            continue  # (a solid square is a bullet; a capital in heavy bold, "M", "H", fills its box too)
        inset_x, inset_y = max(2, bw // 4), max(2, bh // 4)
        inside = ink[y + inset_y:y + bh - inset_y, x + inset_x:x + bw - inset_x]
        if inside.size == 0 or float(inside.mean()) > _MAX_FILL:
            continue
        ticked = float(inside.mean()) >= _MIN_TICK
        out.append(Box(x, y, x + bw, y + bh, ticked))
    return out


def _square_outline(mask) -> bool:
    """The component is the outline of a square: ink along most of each side and in each corner, the middle
    of each side's inner band free unless the box is ticked (then the tick is part of the component)."""
    bh, bw = mask.shape
    edge = max(1, min(bh, bw) // 8)
    sides = (mask[:edge, :].any(axis=0).mean(), mask[-edge:, :].any(axis=0).mean(),
             mask[:, :edge].any(axis=1).mean(), mask[:, -edge:].any(axis=1).mean())
    if min(sides) < 0.8:  # (a scanned outline has small gaps; an "M" has a wide one between its peaks)
        return False
    # each side runs through its middle: a bold "n" stands on two feet (its bottom's middle is white), a "u" is
    # open at its top; both fill most of each side of their square with their stems
    third_x, third_y = slice(bw // 3, max(bw // 3 + 1, 2 * bw // 3)), slice(bh // 3, max(bh // 3 + 1, 2 * bh // 3))
    middles = (mask[:edge, third_x].any(axis=0).mean(), mask[-edge:, third_x].any(axis=0).mean(),
               mask[third_y, :edge].any(axis=1).mean(), mask[third_y, -edge:].any(axis=1).mean())
    if min(middles) < 0.8:
        return False
    corner = max(1, min(bh, bw) // 6)
    corners = (mask[:corner, :corner], mask[:corner, -corner:], mask[-corner:, :corner], mask[-corner:, -corner:])
    return all(c.any() for c in corners)


def whiten(img, boxes: list[Box]):
    """A copy of `img` with the boxes painted white (with a pixel of their blurred rim)."""
    if not boxes:
        return img
    out = img.copy()
    from PIL import ImageDraw

    draw = ImageDraw.Draw(out)
    for b in boxes:
        draw.rectangle((b.x0 - 2, b.y0 - 2, b.x1 + 2, b.y1 + 2), fill=255)
    return out
