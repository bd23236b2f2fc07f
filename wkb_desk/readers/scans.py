"""Pages that are pictures -> Pages with text, through wkb_desk.ocr. Shared by the PDF and the image reader.

Here the OCR limits apply: the time limit per page (a page over it gets a warning; the sandbox stops an
engine that cannot be interrupted, see intake/sandbox.py) and the minimum amount of text: a scan that
yields fewer than `ocr.min_tekens` characters in total counts as unreadable (its pages stay marked as
scans, with the engine that tried), so it goes to quarantine with a reason that says what was tried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from wkb_desk.config import OcrSettings
from wkb_desk.models import Page
from wkb_desk.ocr import EngineUnavailable, choose_engine, recognise
from wkb_desk.ocr.progress import page_done, page_started

log = logging.getLogger("wkb_desk.ocr")

# Warnings (Dutch) the intake's quarantine reason picks up; see intake/analysis.py.
NO_ENGINE = "Tekstherkenning niet mogelijk: "
TOO_LITTLE = "Tekstherkenning vond te weinig tekst"
TOO_SLOW = "tekstherkenning duurde te lang"


def recognise_pages(images: list[tuple[int, Callable]], ocr: OcrSettings) -> tuple[list[Page], list[str]]:
    """`images`: (page number, a function returning the page's PIL image). Returns pages and warnings."""
    try:
        engine = choose_engine(ocr)
    except EngineUnavailable as exc:
        return [Page(number=n, text="", is_scan=True) for n, _ in images], [NO_ENGINE + str(exc)]
    pages: list[Page] = []
    warnings: list[str] = []
    for number, load in images:
        page_started(number)
        try:
            result = recognise(load(), engine, ocr, page=number)
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad page image must not lose the others
            log.warning("Tekstherkenning van pagina %d mislukt: %s", number, exc)
            warnings.append(f"Pagina {number}: tekstherkenning mislukt ({type(exc).__name__}).")
            pages.append(Page(number=number, text="", is_scan=True, ocr_engine=engine.name))
            page_done(number, f"tekstherkenning ({engine.name}) mislukt: {type(exc).__name__}")
            continue
        page_done(number, f"gelezen door {engine.name} {engine.version}".rstrip() + f": {len(result.text)} tekens, "
                  f"zekerheid {result.confidence:.2f}, {result.seconds:.1f} s"
                  + (f", {result.quarter_turns * 90}° gedraaid" if result.quarter_turns else "")
                  + (f", {abs(result.skew):.1f}° rechtgezet" if abs(result.skew) >= 0.1 else ""))
        if result.timed_out:
            warnings.append(
                f"Pagina {number}: {TOO_SLOW} ({engine.name}, langer dan {ocr.seconden_per_pagina:g} s) en is "
                "afgebroken."
            )
        pages.append(Page(number=number, text=result.text, is_scan=not result.text.strip(), ocr_engine=engine.name))
    total = sum(len(p.text.strip()) for p in pages)
    if pages and total < ocr.min_tekens:
        warnings.append(
            f"{TOO_LITTLE} ({engine.name}, {len(pages)} pagina('s)): {total} tekens, minder dan {ocr.min_tekens}."
        )
        pages = [Page(number=p.number, text="", is_scan=True, ocr_engine=p.ocr_engine) for p in pages]
    return pages, warnings
