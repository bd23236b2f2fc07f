"""PDF -> text per page (pypdf). Encrypted: the empty password is tried, then quarantine.

Pages without a text layer (scans) are rendered with pypdfium2 and read with text recognition when OCR
settings are given (readers/scans.py); without them they stay marked as scans.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from wkb_desk.config import Limits, OcrSettings
from wkb_desk.errors import CorruptError, EncryptedError
from wkb_desk.models import Page, ReadResult

log = logging.getLogger(__name__)
# Below this many characters a page that carries images is taken for a scan without a text layer.
_SCAN_MIN_CHARS = 20


def read_pdf(source: Path | bytes, limits: Limits, ocr: OcrSettings | None = None) -> ReadResult:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly about harmless oddities
    stream = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")
    try:
        try:
            reader = pypdf.PdfReader(stream, strict=False)
            if reader.is_encrypted:
                try:
                    if not reader.decrypt(""):
                        raise _encrypted()
                except (FileNotDecryptedError, NotImplementedError, DependencyError) as exc:
                    raise _encrypted() from exc
            n_pages = len(reader.pages)
        except EncryptedError:
            raise
        except FileNotDecryptedError as exc:
            raise _encrypted() from exc
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError) as exc:
            raise CorruptError(
                f"De PDF is beschadigd en kan niet gelezen worden ({type(exc).__name__}).",
                "Vraag de indiener om het document opnieuw te sturen, of open het en sla het opnieuw op als PDF.",
            ) from exc
        warnings: list[str] = []
        if n_pages > limits.max_paginas:
            warnings.append(f"De PDF heeft {n_pages} pagina's; alleen de eerste {limits.max_paginas} zijn gelezen.")
        pages = []
        for i in range(min(n_pages, limits.max_paginas)):
            try:
                page = reader.pages[i]
                text = page.extract_text() or ""
            except FileNotDecryptedError as exc:
                raise _encrypted() from exc
            except Exception as exc:  # noqa: BLE001 - one bad page must not lose the others
                warnings.append(f"Pagina {i + 1} kon niet gelezen worden ({type(exc).__name__}).")
                pages.append(Page(number=i + 1, text="", is_scan=False))
                continue
            text = text.replace("\x00", "")
            pages.append(Page(number=i + 1, text=text, is_scan=len(text.strip()) < _SCAN_MIN_CHARS and _has_images(page)))
        if ocr is not None and any(p.is_scan for p in pages):
            pages = _recognise_scans(source, pages, ocr, warnings)
        return ReadResult(content_type="pdf", pages=tuple(pages), warnings=tuple(warnings))
    finally:
        stream.close()


def _recognise_scans(source: Path | bytes, pages: list[Page], ocr: OcrSettings, warnings: list[str]) -> list[Page]:
    import pypdfium2 as pdfium

    from wkb_desk.readers.scans import recognise_pages

    scans = [p.number for p in pages if p.is_scan]
    if len(scans) > ocr.max_paginas:
        warnings.append(
            f"De PDF heeft {len(scans)} gescande pagina's; tekstherkenning is gedaan op de eerste {ocr.max_paginas} "
            "(ocr.max_paginas)."
        )
        scans = scans[: ocr.max_paginas]
    try:
        doc = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except Exception as exc:  # noqa: BLE001 - pdfium refuses what pypdf repaired: the pages stay scans
        warnings.append(f"De gescande pagina's konden niet als afbeelding geopend worden ({type(exc).__name__}).")
        return pages
    try:
        scale = ocr.dpi / 72

        def render(number: int):
            return doc[number - 1].render(scale=scale, grayscale=True).to_pil()

        read, ocr_warnings = recognise_pages([(n, lambda n=n: render(n)) for n in scans], ocr)
    finally:
        doc.close()
    warnings.extend(ocr_warnings)
    by_number = {p.number: p for p in read}
    return [by_number.get(p.number, p) for p in pages]


def _has_images(page) -> bool:
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for obj in xobjects.values():
            if obj.get_object().get("/Subtype") == "/Image":
                return True
    except Exception:  # noqa: BLE001 - a broken resource dictionary: assume no image
        return False
    return False


def _encrypted() -> EncryptedError:
    return EncryptedError(
        "De PDF is beveiligd met een wachtwoord.",
        "Vraag de indiener om een onbeveiligde versie en zet die in de inbox.",
    )
