"""One page image -> text, with the engine's name and a confidence; upside down is tried when it reads badly."""

from __future__ import annotations

import logging
import subprocess
import time
from dataclasses import dataclass

from wkb_desk.config import OcrSettings
from wkb_desk.ocr.boxes import EMPTY, TICKED, find_boxes, whiten
from wkb_desk.ocr.columns import Band, find_band
from wkb_desk.ocr.engines import TESSERACT, Engine
from wkb_desk.ocr.layout import Piece, to_lines
from wkb_desk.ocr.preprocess import prepare, turned

log = logging.getLogger("wkb_desk.ocr")
_GOOD_ENOUGH = 0.75  # mean confidence at or above: no second try in another orientation


@dataclass(frozen=True)
class PageText:
    text: str
    engine: str
    confidence: float  # 0..1, mean over the characters read
    quarter_turns: int = 0
    skew: float = 0.0
    seconds: float = 0.0
    timed_out: bool = False


def recognise(image, engine: Engine, settings: OcrSettings, page: int = 1) -> PageText:
    started = time.perf_counter()
    deadline = started + settings.seconden_per_pagina
    prepared = prepare(image)
    best = None
    tries = [prepared, turned(prepared, 2)]  # as found; upside down only if that reads badly
    for attempt in tries:
        left = deadline - time.perf_counter()
        if left <= 0:
            break
        boxes = find_boxes(attempt.image)  # tick boxes: read by their shape, not by the engine (see boxes.py)
        image = whiten(attempt.image, boxes)
        # (Tesseract reads the page as one block of lines; RapidOCR finds each line's box itself)
        regions = page_regions(image, find_band(image) if engine.name == TESSERACT else None)
        try:
            pieces = _read_regions(engine, image, regions, deadline)
        except subprocess.TimeoutExpired:
            return PageText("", engine.name, 0.0, seconds=time.perf_counter() - started, timed_out=True)
        chars = sum(len(p.text) for p in pieces)
        conf = sum(p.conf * len(p.text) for p in pieces) / chars if chars else 0.0
        if pieces:
            pieces = pieces + [Piece(b.x0, b.y0, b.x1, b.y1, TICKED if b.ticked else EMPTY, 1.0) for b in boxes]
        candidate = (chars * conf, attempt, pieces, conf, image, regions)
        if best is None or candidate[0] > best[0]:
            best = candidate
        if not pieces or (conf >= _GOOD_ENOUGH and chars >= settings.min_tekens):
            break  # read well; or nothing that looks like text at all, which turning does not change
    seconds = time.perf_counter() - started
    if best is None:
        return PageText("", engine.name, 0.0, seconds=seconds, timed_out=True)
    _, attempt, pieces, conf, image, regions = best
    if engine.name == TESSERACT and pieces and deadline - time.perf_counter() > 1:
        pieces = pieces + _large_type(engine, image, pieces, deadline - time.perf_counter())
    # each region's lines on their own, in reading order (the main text before the side column beside it)
    text = "\n".join(line for part in _by_region(pieces, regions) for line in to_lines(part))
    log.debug(
        "Pagina %d gelezen met tekstherkenning (%s): %d tekens, zekerheid %.2f, %.1f s%s.",
        page, engine.name, len(text), conf, seconds,
        f", gedraaid {attempt.quarter_turns * 90}°" if attempt.quarter_turns else "",
    )
    return PageText(text, engine.name, conf, attempt.quarter_turns, attempt.skew, seconds)


def page_regions(image, band: Band | None) -> list[tuple[int, int, int, int]]:
    """The page as the regions read one by one: the whole page, or above a side column's band, the main text,
    the side column beside it (the narrower of the two: the document's title stands over its main text), and
    below (x0, y0, x1, y1; empty regions left out)."""
    w, h = image.width, image.height
    if band is None:
        return [(0, 0, w, h)]
    left, right = (0, band.y0, band.x, band.y1), (band.x, band.y0, w, band.y1)
    main, side = (right, left) if w - band.x >= band.x else (left, right)
    parts = [(0, 0, w, band.y0), main, side, (0, band.y1, w, h)]
    return [r for r in parts if r[2] - r[0] >= MIN_REGION and r[3] - r[1] >= MIN_REGION] or [(0, 0, w, h)]


MIN_REGION = 12  # pixels: a narrower strip holds no line of text


def _read_regions(engine: Engine, image, regions, deadline: float) -> list[Piece]:
    if len(regions) == 1:
        return engine.read(image, timeout=max(0.1, deadline - time.perf_counter()))
    pieces = []
    for x0, y0, x1, y1 in regions:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise subprocess.TimeoutExpired("ocr", 0)
        found = engine.read(image.crop((x0, y0, x1, y1)), timeout=left)
        pieces += [Piece(p.x0 + x0, p.y0 + y0, p.x1 + x0, p.y1 + y0, p.text, p.conf) for p in found]
    return pieces


def _by_region(pieces: list[Piece], regions) -> list[list[Piece]]:
    """The pieces per region, by where their middle lies (one that lies in none, such as large type over a border,
    goes with the first region)."""
    if len(regions) == 1:
        return [pieces]
    out: list[list[Piece]] = [[] for _ in regions]
    for p in pieces:
        cx = (p.x0 + p.x1) / 2
        k = next((i for i, (x0, y0, x1, y1) in enumerate(regions) if x0 <= cx < x1 and y0 <= p.yc < y1), 0)
        out[k].append(p)
    return out


LARGE_TYPE_SCALE = 0.5  # titles and letterheads set large are read again from the page at this size
_LARGE_MIN_CONF = 0.8


def _large_type(engine: Engine, image, pieces: list[Piece], timeout: float) -> list[Piece]:
    """Words in type far larger than the body text ("BORGINGSPLAN", a borger's name in its logo): Tesseract reading
    the page as one block of lines (--psm 6) drops them. The page is read again at half size (cheap) as sparse
    text; what is read there, large and surely, where the first reading has nothing, is added."""
    small = image.resize((max(1, int(image.width * LARGE_TYPE_SCALE)), max(1, int(image.height * LARGE_TYPE_SCALE))))
    try:
        found = engine.read(small, timeout=timeout, sparse=True)
    except (subprocess.TimeoutExpired, RuntimeError):
        return []
    heights = sorted(p.height for p in pieces)
    body = heights[len(heights) // 2]
    out = []
    for p in found:
        big = Piece(p.x0 / LARGE_TYPE_SCALE, p.y0 / LARGE_TYPE_SCALE, p.x1 / LARGE_TYPE_SCALE, p.y1 / LARGE_TYPE_SCALE,
                    p.text, p.conf)
        if p.conf < _LARGE_MIN_CONF or len(p.text) < 3 or big.height < 1.4 * body:
            continue
        if any(big.x0 < q.x1 and q.x0 < big.x1 and big.y0 < q.y1 and q.y0 < big.y1 for q in pieces):
            continue  # the first reading has this place already
        out.append(big)
    return out
