"""A side column whose lines do not line up with the text beside it (a borger's "Projectkaart" beside the plan's
sections): Tesseract reading the page as one block of lines (--psm 6) follows one line pitch across the page and
reads such a column as fragments ("Skipperswâl 2" came back as "hid 2"). The band of the page where that happens
is read as two regions, left then right; the rest of the page, and columns whose lines do line up (a form's labels
and values, a table), stay one block, which reads them best."""

from __future__ import annotations

from dataclasses import dataclass

from wkb_desk.ocr.preprocess import true_runs

PROBE_WIDTH = 800  # the page is measured at this width
MIN_BAND = 0.18  # of the page's height: a shorter gutter is a table's or a form's
GUTTER = 0.008  # of the page's width: the white strip between the columns at least
MIN_LINES = 5  # text lines on each side of the gutter at least
TABLE_ROWS = 0.25  # of each side's lines with wide white gaps inside them: a table's rows across the gutter
NARROW = 4  # gutters: the left side's lines narrower than this (in the median) are a table's column of numbers
OFF_SHARE = 0.4  # of the left lines beside a right one, this share off it by more than OFF_PITCH lines
OFF_PITCH = 0.18  # (two columns with their own pitch: the offsets drift; a form's rows stand level within 0.1)


@dataclass(frozen=True)
class Band:
    y0: int  # in the page image's pixels
    y1: int
    x: int  # the gutter's middle: left of it is the side column


def find_band(img) -> Band | None:
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy comes with rapidocr-onnxruntime
        return None
    scale = PROBE_WIDTH / img.width
    small = img.resize((PROBE_WIDTH, max(1, int(img.height * scale))))
    ink = np.asarray(small, dtype=np.uint8) < 140
    height, width = ink.shape
    gutter = max(3, int(GUTTER * width))
    # a column x is white at row y when no ink lies within half a gutter of it
    padded = np.pad(ink, ((0, 0), (gutter // 2, gutter // 2)))
    csum = np.cumsum(padded, axis=1, dtype=np.int32)
    csum = np.pad(csum, ((0, 0), (1, 0)))
    near = csum[:, gutter:gutter + width] - csum[:, :width]  # ink in [x - g/2, x + g/2)
    white = near == 0
    row_ink = ink.any(axis=1)
    best = None
    for x in range(int(0.12 * width), int(0.88 * width), 2):
        for start, y in true_runs(white[:, x]):
            if y - start >= MIN_BAND * height and (best is None or y - start > best[1] - best[0]):
                lines_of_ink = 0.25 * row_ink[start:y].sum()  # (both sides hold text in a quarter of its rows)
                left = ink[start:y, :max(0, x - gutter)].any(axis=1)
                right = ink[start:y, x + gutter:].any(axis=1)
                if left.sum() >= lines_of_ink and right.sum() >= lines_of_ink:
                    best = (start, y, x)
    if best is None:
        return None
    y0, y1, x = best
    left_ink, right_ink = ink[y0:y1, :max(0, x - gutter)], ink[y0:y1, x + gutter:]
    if min(_gapped_share(left_ink, 3 * gutter), _gapped_share(right_ink, 3 * gutter)) >= TABLE_ROWS \
            or _median_width(left_ink) < NARROW * gutter:
        # rows of cells with white between them on both sides: a table whose cells wrap unevenly (a risk list's
        # long risk beside its scores), or a table's column of numbers; a side column's lines are whole words
        return None
    lefts = _line_centres(left_ink)
    rights = _line_centres(right_ink)
    if len(lefts) < MIN_LINES or len(rights) < MIN_LINES:
        return None
    pitch = float(np.median(np.diff(rights)))
    # beside a table's or a form's column a line stands level with one on the other side, or has none; beside a
    # side column with its own pitch, lines stand half a line off the ones across the gutter
    offsets = [min(abs(c - r) for r in rights) for c in lefts]
    near = [d for d in offsets if d <= 0.5 * pitch]
    off = [d for d in near if d > OFF_PITCH * pitch]
    if len(off) < MIN_LINES - 1 or len(off) < OFF_SHARE * len(near):
        return None
    return Band(int(y0 / scale), int(y1 / scale), int(x / scale))


def _line_runs(ink) -> list[tuple[int, int]]:
    """The runs of rows with ink (text lines), as (first, last + 1)."""
    return [(a, b) for a, b in true_runs(ink.any(axis=1)) if b - a >= 2]


def _line_centres(ink) -> list[float]:
    return [(a + b - 1) / 2 for a, b in _line_runs(ink)]


def _median_width(ink) -> float:
    """The median width of the text lines, from their first to their last ink."""
    import numpy as np

    widths = [int(cols[-1] - cols[0]) for a, b in _line_runs(ink) if len(cols := np.flatnonzero(ink[a:b].any(axis=0)))]
    return float(np.median(widths)) if widths else 0.0


def _gapped_share(ink, wide: int) -> float:
    """The share of text lines with a white gap of at least `wide` columns between their first and last ink."""
    import numpy as np

    runs = _line_runs(ink)
    gapped = 0
    for a, b in runs:
        cols = np.flatnonzero(ink[a:b].any(axis=0))
        if len(cols) > 1 and int(np.diff(cols).max()) > wide:
            gapped += 1
    return gapped / len(runs) if runs else 0.0
