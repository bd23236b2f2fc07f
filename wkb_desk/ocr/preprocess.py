"""Make a page image easy to read: grey, full contrast, speckles out, upright and straight.

Quarter turns: a page whose text lines run vertically (a photo taken sideways, a page fed in the wrong
way) is turned by 90 degrees. Skew: the small angle at which the text lines are most sharply separated
(the variance of the row profile peaks), searched within +-6 degrees. Upside down: in Latin print more
ink sticks out above a line's x-height band (b, d, h, k, l, t, capitals) than below it (g, j, p, q, y);
a page where it is the other way round is turned over. recognise.py still tries the page the other way
up when it reads badly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PIL import Image, ImageFilter, ImageOps

MAX_SIDE = 4200  # larger photos are scaled down to this (about A4 at 360 dpi): more pixels only cost time
_PROBE_SIDE = 1000  # the orientation and skew search runs on an image this wide


@dataclass(frozen=True)
class Prepared:
    image: Image.Image  # grey ("L"), upright as far as can be told, deskewed
    quarter_turns: int  # counter-clockwise quarter turns applied
    skew: float  # degrees rotated to straighten the lines


def prepare(img: Image.Image) -> Prepared:
    img = ImageOps.exif_transpose(img)  # a phone photo says which way up it was taken
    if img.mode not in ("L", "RGB"):
        img = img.convert("RGBA").convert("RGB") if "A" in img.getbands() else img.convert("RGB")
    grey = img.convert("L")
    if max(grey.size) > MAX_SIDE:
        grey.thumbnail((MAX_SIDE, MAX_SIDE), Image.LANCZOS)
    grey = _light_on_dark(grey)
    grey = _full_contrast(grey)
    grey = grey.filter(ImageFilter.MedianFilter(3))  # copier speckles and JPEG noise
    turns = 1 if _lines_run_vertically(grey) else 0
    if turns:
        grey = grey.rotate(90, expand=True)
    skew = _skew_angle(grey)
    if abs(skew) >= 0.1:
        grey = grey.rotate(skew, resample=Image.BICUBIC, expand=True, fillcolor=255)
    if _upside_down(grey):
        grey = grey.rotate(180)
        turns += 2
    return Prepared(clean_marks(grey), turns % 4, skew)


# Full contrast as an autocontrast with a 1 % cutoff at both ends, except that the black point is never lighter
# than BLACK_AT_MOST: on a page with little text (a portal export: small grey labels in shaded bars) the darkest
# 1 % reaches into the shading, and stretching that to black turned the bars dark grey and their labels unreadable.
# (A cutoff below 1 % kept the shading light too, but left the strokes of ordinary scans grey: measured worse.)
_CUTOFF_PERCENT = 1.0
BLACK_AT_MOST = 110


def _full_contrast(grey: Image.Image) -> Image.Image:
    """A faded copy stretched to black on white, with shading kept light (see BLACK_AT_MOST)."""
    hist = grey.histogram()
    total = sum(hist)
    black, seen = 0, 0
    while black < 255 and seen + hist[black] <= total * _CUTOFF_PERCENT / 100:
        seen += hist[black]
        black += 1
    white, seen = 255, 0
    while white > 0 and seen + hist[white] <= total * _CUTOFF_PERCENT / 100:
        seen += hist[white]
        white -= 1
    black = min(black, BLACK_AT_MOST)
    if white <= black:
        return grey  # one grey all over: nothing to stretch
    scale = 255.0 / (white - black)
    return grey.point([max(0, min(255, round((v - black) * scale))) for v in range(256)])


DARK_BLOCK = 0.02  # share of the page a dark panel covers before its light letters are turned dark


def _light_on_dark(grey: Image.Image) -> Image.Image:
    """A coloured sidebar or banner with light letters on it ("Omgevingsloket" in a dark column): its pixels are
    inverted, so that its text is dark on light like the rest. Left as it is, the panel reads as a block of ink: the
    orientation test takes it for lines running down the page, and the engine reads nothing in it."""
    try:
        import cv2
        import numpy as np
    except ImportError:  # pragma: no cover - opencv comes with rapidocr-onnxruntime
        return grey
    arr = np.asarray(grey, dtype=np.uint8)
    dark = (arr < 110).astype(np.uint8)
    # an opening wider than any stroke of a letter keeps only solid ink: a panel (its light letters are small holes)
    size = max(9, min(arr.shape) // 100)
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((size, size), np.uint8))
    solid = cv2.morphologyEx(solid, cv2.MORPH_CLOSE, np.ones((3 * size, 3 * size), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=4)
    page = arr.shape[0] * arr.shape[1]
    out = None
    for k in range(1, count):
        x, y, w, h, area = stats[k]
        if area < DARK_BLOCK * page or area < 0.7 * w * h:
            continue  # a panel is large and nearly solid
        if out is None:
            out = arr.copy()
        # the panel turns to paper and its light letters to ink; its rim (the opening keeps it a little inside the
        # panel's edge, and a scan blurs that edge) turns to paper too, else it would read as a rule down the page
        # (only the panel itself: a tilted scan leaves paper in the corners of its bounding box)
        y0, y1, x0, x1 = max(0, y - size), y + h + size, max(0, x - size), x + w + size
        panel = labels[y0:y1, x0:x1] == k
        near = cv2.dilate(panel.astype(np.uint8), np.ones((2 * size + 1, 2 * size + 1), np.uint8)) > 0
        region, src = out[y0:y1, x0:x1], arr[y0:y1, x0:x1]
        region[near & (src < GREY_INK)] = 255  # (its pale grey too: grey letters are darkened later)
        region[panel & (src >= 140)] = 0
    return grey if out is None else Image.fromarray(out)


def turned(prepared: Prepared, quarter_turns: int) -> Prepared:
    """The same page turned further (2: upside down)."""
    img = prepared.image.rotate(90 * quarter_turns, expand=True)
    return Prepared(img, (prepared.quarter_turns + quarter_turns) % 4, prepared.skew)


def _ink(img: Image.Image):
    import numpy as np

    small = img.copy()
    small.thumbnail((_PROBE_SIDE, _PROBE_SIDE))
    arr = np.asarray(small, dtype=np.uint8)
    return arr < 140  # dark pixels


def _lines_run_vertically(img: Image.Image) -> bool:
    ink = _ink(img)
    if ink.sum() < 200:  # an (almost) empty page
        return False
    # Across text lines the ink alternates quickly (line, white, line, a line's height apart); along them it changes
    # only at a column's edge. Compared on the quick part alone (the profile less its moving average over a few
    # line heights): a risk table's columns of text alternate too, but slowly, and once read as lines they turned
    # an upright table a quarter. Measured: the quick part is 10-25 times larger across the lines.
    rows = _quick_part(ink.mean(axis=1), max(9, min(ink.shape) // 40))
    cols = _quick_part(ink.mean(axis=0), max(9, min(ink.shape) // 40))
    return cols > 1.5 * rows


RULE_WIDTH = 7  # pixels: a table's ruled line is narrower than this, a line of text much taller


def _quick_part(profile, window: int) -> float:
    """The variance of a profile's fast changes: the profile less its moving average over `window` pixels, after a
    running median has taken out the spikes of a table's ruled lines (a grid's columns would pass for lines)."""
    import numpy as np
    from numpy.lib.stride_tricks import sliding_window_view

    if len(profile) > RULE_WIDTH:
        pad = RULE_WIDTH // 2
        profile = np.median(sliding_window_view(np.pad(profile, pad, mode="edge"), RULE_WIDTH), axis=1)
    smooth = np.convolve(profile, np.ones(window) / window, mode="same")
    return float(np.var(profile - smooth))


def _skew_angle(img: Image.Image) -> float:
    import numpy as np

    ink = _ink(img)
    if ink.sum() < 200:
        return 0.0
    probe = Image.fromarray((ink * 255).astype("uint8"))

    def score(angle: float) -> float:
        rotated = np.asarray(probe.rotate(angle, resample=Image.NEAREST, fillcolor=0), dtype=np.float32)
        return float(np.var(rotated.sum(axis=1)))

    best = max((a / 2 for a in range(-12, 13)), key=score)  # half degrees
    fine = max((best + a / 10 for a in range(-5, 6)), key=score)  # tenths
    return round(fine, 1)


def _upside_down(img: Image.Image) -> bool:
    import numpy as np

    ink = _ink(img)
    rows = ink.mean(axis=1)
    if rows.max() <= 0:
        return False
    above = below = 0.0
    for i, j in true_runs(rows > 0.02):
        line = rows[i:j]
        if len(line) >= 4:
            core = np.where(line >= 0.5 * line.max())[0]
            above += float(line[: core[0]].sum())
            below += float(line[core[-1] + 1:].sum())
    return below > 1.25 * above and below - above > 0.5


def true_runs(mask) -> list[tuple[int, int]]:
    """(start, end) of each run of True in a 1-D array: the lines of a row profile, the white of a column."""
    import numpy as np

    edges = np.flatnonzero(np.diff(np.concatenate(([0], np.asarray(mask, dtype=np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


INK = 150  # grey level below which a pixel is ink


def ink_blobs(arr):
    """The ink of a grey page array as connected blobs: (ink mask, count, labels, stats, letter size), the letter
    size being the median height of blobs shaped like letters (about the x-height to cap height of the body text).
    None where there is too little text to tell (fewer than 20 such blobs). Needs OpenCV."""
    import cv2
    import numpy as np

    ink = (arr < INK).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < 20:
        return None
    w, h, area = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_AREA]
    letters = h[(h >= 8) & (h <= 120) & (w <= 3 * h) & (area >= 20)]
    if len(letters) < 20:
        return None
    return ink, count, labels, stats, float(np.median(letters))


def clean_marks(img: Image.Image) -> Image.Image:
    """Dotted leaders and ruled lines out, so that only letters are left for the engine.

    A zaakoverzicht pads its labels with dots ("Hnr..........: 58"): Tesseract reads the dots as letters
    ("Hnr........eee", confidence 0) and drops the label with them. Table rules and underlines run into the
    letters beside them. Leaders: runs of at least five dots (blobs far smaller than a letter) on one
    baseline at a steady pitch. Rules: straight ink at least four letter heights long and thinner than a
    stroke of a letter in bold print; only the rule's own pixels go, a letter touching it stays.
    Specks with no letter near them go too. Shading (a portal print's grey header bars) is flattened to white
    first and the grey rules of such tables go as well (see _flat_background and GREY_RULE_LENGTH); letters in
    light grey are darkened last (see STROKE_GAMMA).
    Needs OpenCV (installed with rapidocr); without it the image is returned as it is.
    """
    try:
        import cv2
        import numpy as np
    except ImportError:  # pragma: no cover - opencv comes with rapidocr-onnxruntime
        return img
    arr = np.asarray(img, dtype=np.uint8)
    found = ink_blobs(arr)
    if found is None:
        return img
    ink, count, labels, stats, size = found
    w, h, area = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_AREA]
    arr = _flat_background(arr, size)
    # The blobs again with their grey pixels: of a small grey label ("VERZOEKNUMMER" in 5 pt) only the cores of
    # the strokes are dark, so in dark ink alone its letters fall apart into dots and specks; judged like that,
    # the steps below whitened them as a leader or as dust and cut the label up.
    grey_ink = (arr < GREY_INK).astype(np.uint8)
    gcount, glabels, gstats, _ = cv2.connectedComponentsWithStats(grey_ink, connectivity=8)
    gw, gh = gstats[:, cv2.CC_STAT_WIDTH], gstats[:, cv2.CC_STAT_HEIGHT]
    inked = ink > 0
    grey_of = np.zeros(count, dtype=np.int32)  # each dark blob's grey blob (0: none, in shading)
    grey_of[labels[inked]] = glabels[inked]
    dot_alone = (gw[grey_of] <= 0.5 * size) & (gh[grey_of] <= 0.5 * size) | (grey_of == 0)
    dots = np.where((w <= 0.4 * size) & (h <= 0.4 * size) & (area >= 3) & (w <= 2.5 * h) & (h <= 2.5 * w)
                    & dot_alone[1:])[0] + 1
    out = arr.copy()
    if len(dots) >= 4:
        xs = stats[dots, cv2.CC_STAT_LEFT] + stats[dots, cv2.CC_STAT_WIDTH] / 2
        ys = stats[dots, cv2.CC_STAT_TOP] + stats[dots, cv2.CC_STAT_HEIGHT] / 2
        by_y = np.argsort(ys)
        bands, band = [], [by_y[0]]
        for k in by_y[1:]:  # dots of one baseline: a band of y within a fifth of a letter of each other
            if ys[k] - ys[band[-1]] > 0.2 * size:
                bands.append(band)
                band = []
            band.append(k)
        bands.append(band)
        for band in bands:
            band = sorted(band, key=lambda k: xs[k])
            run = [band[0]]
            for k in band[1:] + [None]:
                prev = run[-1]
                if k is not None and 0 < xs[k] - xs[prev] <= 1.2 * size \
                        and (len(run) < 2 or abs((xs[k] - xs[prev]) - (xs[prev] - xs[run[-2]])) <= 0.35 * size):
                    run.append(k)
                    continue
                if len(run) >= 5:  # initials ("A.J.P.M.") have four dots at most, and further apart
                    m = max(3, int(0.2 * size))  # the dot with its grey rim (blur of the scan)
                    for d in dots[run]:
                        x, y, dw, dh = stats[d, :4]
                        out[max(0, y - m):y + dh + m, max(0, x - m):x + dw + m] = 255
                if k is not None:
                    run = [k]
    # specks: a blob far smaller than a letter with no letter near it (copier dust; the dot of an i, a full
    # stop or a diacritic sits close to its letter). Left in, they turn "Dr." into "___Dr." (confidence 7).
    # (judged with their grey pixels, see above)
    is_small = np.zeros(gcount, dtype=bool)
    is_small[1:] = (gw[1:] <= 0.25 * size) & (gh[1:] <= 0.25 * size)
    small_px = is_small[glabels] & inked
    reach = max(3, int(0.45 * size))
    letters_px = (grey_ink & ~is_small[glabels]).astype(np.uint8)
    near = cv2.dilate(letters_px, np.ones((2 * reach + 1, 2 * reach + 1), np.uint8)) > 0
    # a full stop sits right of its letter, up to a letter's width away ("B.V.", "C.T."): ink spread rightwards
    right = max(3, int(1.0 * size))
    near |= cv2.dilate(letters_px, np.ones((3, right), np.uint8), anchor=(right - 1, 1)) > 0
    lone_px = small_px & ~near
    if lone_px.any():
        out[cv2.dilate(lone_px.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0] = 255
    # rules: what survives an opening with a long thin line is a rule
    _whiten_rules(out, ink, max(15, int(4 * size)), size)
    # grey rules (a portal print's table lines, lighter than ink): Tesseract binarises them to ink and then reads
    # a table row as "| Verzoeknummer __| 2027011800264 EE". At this light a word's blurred baseline is a run of
    # ink too, so only runs longer than any word are taken as a rule.
    _whiten_rules(out, (out < GREY_INK).astype(np.uint8), max(30, int(GREY_RULE_LENGTH * size)), size)
    _darken_grey_letters(out, arr, glabels, gstats, size)
    return Image.fromarray(out)


# Light grey type (a portal print's 5 pt labels in grey capitals, strokes at grey 80-185 on white) falls under
# Tesseract's own global threshold and is not read at all. Such letters are grey blobs of a letter's size with no
# dark core; a gamma curve darkens just their pixels towards ink. Measured on scans of set 44: the labels of a
# "Bekijk uw verzoek" print went from unread to read whole. (The same curve over the whole page darkened the
# copier's grey haze too and lost whole pages; Tesseract's local Sauvola threshold lost two typewriter pages.)
CORE_INK = 70  # a letter printed in black has pixels this dark, a grey one none
STROKE_GAMMA = 3.0


@functools.lru_cache(maxsize=1)
def _gamma_table():
    import numpy as np

    return np.array([round(255 * (v / 255) ** STROKE_GAMMA) for v in range(256)], dtype=np.uint8)


def _darken_grey_letters(out, arr, glabels, gstats, size: float) -> None:
    """Darken in `out` the letters printed in light grey (see STROKE_GAMMA), with the pale pixels around them."""
    import cv2
    import numpy as np

    has_core = np.zeros(len(gstats), dtype=bool)
    has_core[glabels[arr < CORE_INK]] = True
    h, w = gstats[:, cv2.CC_STAT_HEIGHT], gstats[:, cv2.CC_STAT_WIDTH]
    # (a letter's size, or a word's when its letters touch; not a dash of a dashed frame, which is thinner; a thin
    # letter such as an I is darkened with the letters beside it)
    grey_letter = ~has_core & (h >= 0.3 * size) & (h <= 1.5 * size) & (w >= 0.25 * size)
    grey_letter[0] = False  # the paper
    if grey_letter.any():
        # with the pale pixels around and between them: the thin diagonals of an N or M are paler still
        near = cv2.dilate(grey_letter[glabels].astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
        px = near & (out < 255)
        out[px] = _gamma_table()[out[px]]


def _whiten_rules(out, ink, long_side: int, size: float) -> None:
    """Whiten in `out` the horizontal and vertical rules of `ink`: runs at least `long_side` pixels long and thinner
    than a third of a letter (a solid black area, a logo or a filled box, is no rule)."""
    import cv2
    import numpy as np

    for kernel in ((long_side, 1), (1, long_side)):
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        thin = cv2.morphologyEx(lines, cv2.MORPH_OPEN, cv2.getStructuringElement(
            cv2.MORPH_RECT, (1, max(3, int(0.35 * size))) if kernel[1] == 1 else (max(3, int(0.35 * size)), 1)))
        lines = lines & (1 - thin)
        out[cv2.dilate(lines, np.ones((3, 3), np.uint8)) > 0] = 255


GREY_INK = 215  # darker than this counts as a (grey) rule's pixel
GREY_RULE_LENGTH = 8  # in letter heights: longer than a bold word's baseline at that light


def _flat_background(arr, size: float):
    """Each pixel divided by the local paper brightness: shaded bars and a photo's uneven light become white paper,
    while the letters on them keep their contrast. The paper is what is left after the letters' strokes are
    grown over (a grey dilation about one letter height wide: wider than any stroke of body text or title)."""
    import cv2
    import numpy as np

    k = max(9, int(size)) | 1
    paper = cv2.GaussianBlur(cv2.dilate(arr, np.ones((k, k), np.uint8)), (0, 0), k / 5)
    return np.clip(arr.astype(np.float32) * 255.0 / np.maximum(paper, 1), 0, 255).astype(np.uint8)
