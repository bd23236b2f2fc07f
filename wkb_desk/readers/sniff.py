"""Content type from the bytes, never from the file name."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from wkb_desk.errors import CorruptError, EmptyFileError, EncryptedError, UnsupportedTypeError

# What reading a damaged ZIP (or OOXML package) can raise, besides BadZipFile.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, KeyError, NotImplementedError)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EMAIL_HEADER = re.compile(
    rb"^(from|to|subject|date|received|return-path|message-id|mime-version|content-type|delivered-to|x-[\w-]+):",
    re.IGNORECASE | re.MULTILINE,
)
# Scans and photos: read with text recognition (readers/image.py).
_SCAN_IMAGES = {
    b"\xff\xd8\xff": "jpeg",
    b"\x89PNG\r\n\x1a\n": "png",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}
_IMAGE_MAGIC = {
    b"GIF8": "GIF-afbeelding",
}
_SCAN_ADVICE = (
    "Dit is een afbeelding in een formaat dat niet gelezen wordt. Scan of fotografeer het document opnieuw als PDF, "
    "JPEG, PNG of TIFF en zet dat in de inbox, of voer de gegevens handmatig in."
)


def sniff(source: Path | bytes) -> str:
    """Return 'pdf', 'docx', 'xlsx', 'zip', 'eml', 'msg', 'jpeg', 'png' or 'tiff'; raise a ReaderError otherwise."""
    head = _head(source, 8192)
    if not head:
        raise EmptyFileError("Het bestand is leeg (0 bytes).", "Vraag de indiener het bestand opnieuw te sturen.")
    # A container's signature at offset 0 wins: a ZIP that stores its PDFs uncompressed has "%PDF-" in its first
    # kilobyte too. A PDF may have junk before "%PDF-" (allowed by readers), so that check comes after.
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(source)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(source)
    for magic, kind in _SCAN_IMAGES.items():  # a signature at offset 0 wins over a later "%PDF-", as for ZIP
        if head.startswith(magic):
            return kind
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, what in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedTypeError(f"Bestandstype niet ondersteund: {what}.", _SCAN_ADVICE)
    if _looks_like_email(head):
        return "eml"
    raise UnsupportedTypeError(
        "Bestandstype niet ondersteund: de inhoud is geen PDF, Word (.docx), Excel (.xlsx), ZIP, e-mail of scan "
        "(JPEG, PNG, TIFF).",
        "Sla het document op als PDF, .docx of .xlsx en zet het opnieuw in de inbox.",
    )


def _head(source: Path | bytes, n: int) -> bytes:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source[:n])
    with open(source, "rb") as fh:
        return fh.read(n)


def _open(source: Path | bytes):
    return io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source


def _sniff_zip(source: Path | bytes) -> str:
    try:
        with zipfile.ZipFile(_open(source)) as zf:
            names = set(zf.namelist())
            types = b""
            if "[Content_Types].xml" in names:
                info = zf.getinfo("[Content_Types].xml")
                if info.file_size < 1_000_000:
                    try:
                        types = zf.read(info)
                    except ZIP_ERRORS:
                        types = b""  # a damaged part: the names below still tell an Office package
    except ZIP_ERRORS:
        return "zip"  # the ZIP reader reports what is wrong with it
    if b"wordprocessingml.document.main" in types or b"wordprocessingml.template.main" in types:
        return "docx"
    if b"spreadsheetml.sheet.binary" in types or "xl/workbook.bin" in names:
        raise UnsupportedTypeError(
            "Bestandstype niet ondersteund: binaire Excel-werkmap (.xlsb).",
            "Open het bestand in Excel, sla het op als .xlsx en zet dat in de inbox.",
        )
    if b"spreadsheetml" in types or "xl/workbook.xml" in names:
        return "xlsx"
    if b"presentationml" in types or any(n.startswith("ppt/") for n in names):
        raise UnsupportedTypeError(
            "Bestandstype niet ondersteund: PowerPoint-presentatie.",
            "Sla de presentatie op als PDF en zet die in de inbox.",
        )
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "[Content_Types].xml" in names:
        # An Office package whose parts cannot be identified is one damaged document, never a ZIP of XML parts.
        raise CorruptError(
            "Het Word- of Excel-bestand is beschadigd: de onderdelen ervan zijn niet te herkennen.",
            "Open het in Word of Excel, sla het opnieuw op en zet het in de inbox; of vraag de indiener om een PDF.",
        )
    return "zip"


def _sniff_ole(source: Path | bytes) -> str:
    import olefile

    try:
        with olefile.OleFileIO(_open(source)) as ole:
            streams = {"/".join(s) for s in ole.listdir()}
    except Exception:  # noqa: BLE001 - olefile raises many kinds on broken files
        streams = set()
    if "EncryptionInfo" in streams or "EncryptedPackage" in streams:
        raise EncryptedError(
            "Het Office-bestand is beveiligd met een wachtwoord.",
            "Vraag de indiener om een onbeveiligde versie en zet die in de inbox.",
        )
    if any(s.startswith("__substg1.0_") for s in streams):
        return "msg"
    if "WordDocument" in streams:
        what = "oud Word-document (.doc)"
        fix = "Open het in Word, sla het op als .docx of PDF en zet dat in de inbox."
    elif "Workbook" in streams or "Book" in streams:
        what = "oude Excel-werkmap (.xls)"
        fix = "Open het in Excel, sla het op als .xlsx en zet dat in de inbox."
    else:
        what = "onbekend Office-formaat"
        fix = "Sla het document op als PDF, .docx of .xlsx en zet het opnieuw in de inbox."
    raise UnsupportedTypeError(f"Bestandstype niet ondersteund: {what}.", fix)


def _looks_like_email(head: bytes) -> bool:
    top = head.lstrip()[:4096]
    first_line = top.split(b"\n", 1)[0]
    if not re.match(rb"^[A-Za-z][\w-]*:", first_line) and not first_line.startswith(b"From "):
        return False
    found = {m.group(1).lower() for m in _EMAIL_HEADER.finditer(top)}
    return len(found) >= 2 and bool(found & {b"from", b"subject", b"mime-version", b"received", b"message-id"})
