"""JPEG, PNG and TIFF (photos of forms, scanner output) -> text per page with text recognition.

A multi-page TIFF gives one page per frame. Without OCR settings (the fast first pass of the intake,
see intake/pipeline.py) the pages come back empty and marked as scans; the OCR sandbox reads them.
"""

from __future__ import annotations

import io
from pathlib import Path

from wkb_desk.config import Limits, OcrSettings
from wkb_desk.errors import CorruptError, TooLargeError
from wkb_desk.models import Page, ReadResult
from wkb_desk.readers.scans import recognise_pages

_MAX_PIXELS = 120_000_000  # about a 11000 x 11000 photo; beyond that it is a decompression bomb, not a scan


def read_image(source: Path | bytes, limits: Limits, ocr: OcrSettings | None = None, kind: str = "") -> ReadResult:
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = _MAX_PIXELS
    try:
        img = Image.open(io.BytesIO(source) if isinstance(source, bytes) else source)
        frames = getattr(img, "n_frames", 1)
        img.load() if frames == 1 else None
    except Image.DecompressionBombError as exc:
        raise TooLargeError(
            "De afbeelding is te groot om te lezen (meer dan 120 miljoen beeldpunten).",
            "Scan het document opnieuw op 300 dpi en zet dat in de inbox.",
        ) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise CorruptError(
            f"De afbeelding is beschadigd en kan niet gelezen worden ({type(exc).__name__}).",
            "Vraag de indiener om de foto of scan opnieuw te sturen.",
        ) from exc
    content_type = kind or (img.format or "image").lower()
    warnings: list[str] = []
    page_limit = min(limits.max_paginas, ocr.max_paginas if ocr else limits.max_paginas)
    if frames > page_limit:
        warnings.append(f"De afbeelding heeft {frames} pagina's; alleen de eerste {page_limit} zijn gelezen.")

    def frame(i: int):
        img.seek(i)
        return img.copy()

    count = min(frames, page_limit)
    if ocr is None:
        pages = tuple(Page(number=i + 1, text="", is_scan=True) for i in range(count))
        return ReadResult(content_type=content_type, pages=pages, warnings=tuple(warnings))
    pages, ocr_warnings = recognise_pages([(i + 1, lambda i=i: frame(i)) for i in range(count)], ocr)
    return ReadResult(content_type=content_type, pages=tuple(pages), warnings=tuple(warnings + ocr_warnings))
