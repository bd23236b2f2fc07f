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
    result, _ = model(rgb, return_word_box=True)
    pieces = []
    for item in result or ():
        box, text, score = item[0], str(item[1]), float(item[2])
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        if len(item) >= 5 and item[3] and len(item[4]) == len(text):
            text = _restore_spaces(grey, text, item[3])
        pieces.append(Piece(min(xs), min(ys), max(xs), max(ys), text, score))
    return pieces


def _restore_spaces(grey, text: str, char_boxes) -> str:
    import numpy as np

    try:
        centres = [(min(p[0] for p in b) + max(p[0] for p in b)) / 2 for b in char_boxes]
        widths = sorted(max(p[0] for p in b) - min(p[0] for p in b) for b, ch in zip(char_boxes, text) if ch != " ")
        x0 = int(min(p[0] for b in char_boxes for p in b))
        x1 = int(max(p[0] for b in char_boxes for p in b))
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
    gaps = [x0 + (s + e) / 2 for s, e in runs if e - s >= min_run]
    if not gaps:
        return text
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        # never inside a number: "2026031000123" is one value (the recogniser's own spaces are kept)
        if i + 1 < len(text) and ch != " " and text[i + 1] != " " and not (ch.isdigit() and text[i + 1].isdigit()):
            if any(centres[i] < g < centres[i + 1] for g in gaps):
                out.append(" ")
    return "".join(out)
