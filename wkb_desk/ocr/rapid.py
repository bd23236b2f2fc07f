"""RapidOCR (PaddleOCR's models on ONNX Runtime, inside the wheel): text lines with boxes, spaces restored.

Its recogniser often runs words together ("Nieuwbouwvrijstaandewoning"); the extractor's labels need the
spaces. The image knows where they are: within a recognised line, a run of white columns much wider than
the typical gap between letters is a word space; the space goes between the two recognised letters on
either side of it (their positions come from the recogniser's character boxes).
"""

from __future__ import annotations

import logging

from wkb_desk.ocr.layout import Piece

log = logging.getLogger("wkb_desk.ocr")
_SPACE_FRACTION = 0.2  # a white run at least this wide relative to the line height can be a word space


def load_model():
    from rapidocr_onnxruntime import RapidOCR

    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    return RapidOCR()


def read_rapidocr(model, image) -> list[Piece]:
    import numpy as np

    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    rgb = np.stack([grey] * 3, axis=-1)
    try:
        result, _ = model(rgb, return_word_box=True)
    except TypeError:  # an older release without character boxes
        result, _ = model(rgb)
    pieces = []
    for item in result or ():
        box, text, score = item[0], str(item[1]), float(item[2])
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        if len(item) >= 5 and item[3] and len(item[4]) == len(text):
            text = _restore_spaces(grey, text, item[3])
        elif text:  # rapidocr-onnxruntime 1.2 (Python 3.13) gives no character boxes: estimate them
            text = _restore_spaces(grey, text, _estimated_boxes(text, min(xs), max(xs), min(ys), max(ys)))
        pieces.append(Piece(min(xs), min(ys), max(xs), max(ys), text, score))
    return pieces


def _restore_spaces(grey, text: str, char_boxes) -> str:
    try:
        lefts = [min(p[0] for p in b) for b in char_boxes]
        rights = [max(p[0] for p in b) for b in char_boxes]
        widths = sorted(r - l for r, l, ch in zip(rights, lefts, text) if ch != " ")
        x0 = int(min(lefts))
        x1 = int(max(rights))
        y0 = int(min(p[1] for b in char_boxes for p in b))
        y1 = int(max(p[1] for b in char_boxes for p in b))
    except (TypeError, ValueError, IndexError):
        return text
    if not widths or x1 - x0 < 4 or y1 - y0 < 4:
        return text
    crop = grey[max(0, y0):y1, max(0, x0):x1]
    if crop.size == 0:
        return text
    ink = (crop < 150).sum(axis=0) > 0  # a column with any dark pixel
    runs = []  # (start, end) of white runs between letters, in crop columns
    run_start = None
    for i, dark in enumerate(ink):
        if not dark and run_start is None:
            run_start = i
        elif dark and run_start is not None:
            if run_start > 0:
                runs.append((run_start, i))
            run_start = None
    if not runs:
        return text
    # Gaps between letters outnumber word spaces: a space is much wider than the typical gap, and at
    # least a fifth of the line's height (a space in a sans-serif is about a quarter of the type size).
    typical = sorted(e - s for s, e in runs)[len(runs) // 2]
    min_run = max(_SPACE_FRACTION * (y1 - y0), 2.2 * typical, 3)
    gaps = [(x0 + (s + e) / 2, e - s) for s, e in runs if e - s >= min_run]
    if not gaps:
        return text
    # each gap takes the letter boundary nearest to it (estimated boxes can be a letter off)
    bounds = [(rights[i] + lefts[i + 1]) / 2 for i in range(len(text) - 1)]
    after: set[int] = set()
    for g, width in gaps:
        if not bounds:
            break
        i = min(range(len(bounds)), key=lambda k: abs(bounds[k] - g))
        a, b = text[i], text[i + 1]
        # between two digits only a clear space: "2026031000123" is one value, "20-06-2026 08:10" two
        if a != " " and b != " " and not (a.isdigit() and b.isdigit() and width < 2 * min_run):
            after.add(i)
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if i in after:
            out.append(" ")
    return "".join(out)


# Rough advance widths (in tenths of an em) of a sans-serif, for where each letter of a line sits when the
# recogniser does not say. Enough to put a space into the right gap between words.
_NARROW = set("iljtfrI.,:;'!|()[]-/ ")
_WIDE = set("mwMWOQ@%")


def _width(ch: str) -> float:
    if ch in _NARROW:
        return 3.0
    if ch in _WIDE:
        return 8.5
    if ch.isupper() or ch.isdigit():
        return 6.5
    return 5.5


def _estimated_boxes(text: str, x0: float, x1: float, y0: float, y1: float) -> list:
    widths = [_width(ch) for ch in text]
    scale = (x1 - x0) / max(1.0, sum(widths))
    boxes, x = [], x0
    for w in widths:
        boxes.append([[x, y0], [x + w * scale, y0], [x + w * scale, y1], [x, y1]])
        x += w * scale
    return boxes
