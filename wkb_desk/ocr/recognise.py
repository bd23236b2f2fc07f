"""One page image -> text, with the engine's name and a confidence; upside down is tried when it reads badly."""

from __future__ import annotations

import logging
import subprocess
import time
from dataclasses import dataclass

from wkb_desk.config import OcrSettings
from wkb_desk.ocr.engines import Engine
from wkb_desk.ocr.layout import to_lines
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
        try:
            pieces = engine.read(attempt.image, timeout=left)
        except subprocess.TimeoutExpired:
            return PageText("", engine.name, 0.0, seconds=time.perf_counter() - started, timed_out=True)
        chars = sum(len(p.text) for p in pieces)
        conf = sum(p.conf * len(p.text) for p in pieces) / chars if chars else 0.0
        candidate = (chars * conf, attempt, pieces, conf)
        if best is None or candidate[0] > best[0]:
            best = candidate
        if not pieces or (conf >= _GOOD_ENOUGH and chars >= settings.min_tekens):
            break  # read well; or nothing that looks like text at all, which turning does not change
    seconds = time.perf_counter() - started
    if best is None:
        return PageText("", engine.name, 0.0, seconds=seconds, timed_out=True)
    _, attempt, pieces, conf = best
    text = "\n".join(to_lines(pieces))
    log.debug(
        "Pagina %d gelezen met tekstherkenning (%s): %d tekens, zekerheid %.2f, %.1f s%s.",
        page, engine.name, len(text), conf, seconds,
        f", gedraaid {attempt.quarter_turns * 90}°" if attempt.quarter_turns else "",
    )
    return PageText(text, engine.name, conf, attempt.quarter_turns, attempt.skew, seconds)
