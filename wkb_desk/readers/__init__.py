"""Bytes -> text, per content type, within the configured limits.

`read_file` runs in the caller's process; the intake runs it inside `sandbox.ReaderProcess`, so that a
reader that hangs or eats memory is stopped without taking the watcher down.
"""

from __future__ import annotations

from pathlib import Path

from wkb_desk.config import Limits, OcrSettings
from wkb_desk.errors import TooLargeError
from wkb_desk.models import ReadResult
from wkb_desk.readers.containers import read_eml, read_msg, read_zip
from wkb_desk.readers.image import read_image
from wkb_desk.readers.office import read_docx, read_xlsx
from wkb_desk.readers.pdf import read_pdf
from wkb_desk.readers.sniff import sniff

READERS = {
    "pdf": read_pdf,
    "docx": read_docx,
    "xlsx": read_xlsx,
    "zip": read_zip,
    "eml": read_eml,
    "msg": read_msg,
    "jpeg": read_image,
    "png": read_image,
    "tiff": read_image,
}


def read_file(source: Path | bytes, limits: Limits, ocr: OcrSettings | None = None) -> ReadResult:
    """Read a file (path or bytes). Raises a ReaderError subclass with a Dutch reason for anything it cannot handle.

    `ocr`: read scanned pages and images with text recognition under these settings; None leaves them
    marked as scans (Page.is_scan) for a later pass.
    """
    size = len(source) if isinstance(source, (bytes, bytearray)) else Path(source).stat().st_size
    if size > limits.max_bestand_mb * 1024 * 1024:
        raise TooLargeError(
            f"Het bestand is {size / 1024 / 1024:.0f} MB; de grens is {limits.max_bestand_mb:g} MB.",
            "Controleer of dit echt een Wkb-document is. Zo ja: verhoog limieten.max_bestand_mb in config.toml en zet "
            "het opnieuw in de inbox.",
        )
    content_type = sniff(source)
    if content_type in ("jpeg", "png", "tiff"):
        return read_image(source, limits, ocr, kind=content_type)
    if content_type == "pdf":
        return read_pdf(source, limits, ocr)
    return READERS[content_type](source, limits)


__all__ = ["READERS", "read_file", "sniff"]
