"""Helpers for the letter tests: a workspace with the real templates, documents in a real ledger, views with
the melder's contact details (as the extraction adds them), and reading a .docx back the way a person sees it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import shutil
import struct
import zlib
from pathlib import Path

import docx

from wkb_desk import ledger
from wkb_desk.models import DossierView, Extraction, FieldValue

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "sjablonen"

GEMEENTE = """
[gemeente]
naam = "Gemeente Hof & Weide"
adres = "Postbus 12"
postcode = "7400 AA"
plaats = "Hofweide"
telefoon = "14 0570"
email = "wkb@hofweide.example.nl"
website = "www.hofweide.example.nl"
contactpersoon = "mevrouw A. Ëlzinga"
ondertekenaar = "drs. P. de Boer"
functie = "teamleider Vergunningen"
bezwaar_orgaan = "het college van burgemeester en wethouders van Hofweide"
bezwaar_adres = "Postbus 12"
bezwaar_postcode = "7400 AA"
bezwaar_plaats = "Hofweide"

[brieven]
"""


def letter_workspace(workspace, extra: str = "", *, pdf: bool = False):
    """Settings of a fresh desk whose sjablonen/ holds copies of the repository's templates.

    `extra`: more keys for [brieven]. No PDFs unless asked (LibreOffice takes seconds per letter)."""
    settings = workspace(GEMEENTE + f"pdf = {'true' if pdf else 'false'}\n" + extra)
    for path in TEMPLATES.glob("*.docx"):
        shutil.copy2(path, settings.paden.sjablonen / path.name)
    return settings


MELDER = dict(melder="Fam. Ëlzinga & Zn.", melder_adres="Postweg 1", melder_postcode="7602 CD", melder_plaats="Almelo",
              melder_email="post@elzinga.example.nl")


def with_melder(views, **overrides) -> list[DossierView]:
    """The views with a known melder (or what `overrides` say: melder_*, te_controleren)."""
    values = {**MELDER, **overrides}
    return [dataclasses.replace(v, **values) for v in views]


def add_document(conn, name: str, kind: str, received: str, *, score: float = 0.9, confidence: dict | None = None,
                 content: str = "", unreadable: tuple[str, ...] = (), **fields) -> int:
    """A processed document in the ledger, as the intake records it (extraction JSON with confidences).

    `unreadable`: fields whose label was found but whose value could not be read."""
    confidence = confidence or {}
    extraction = Extraction(kind=kind, kind_score=score, unreadable=unreadable,
                            fields={k: FieldValue(v, confidence=confidence.get(k, 0.9)) for k, v in fields.items()})
    sha = hashlib.sha256((name + content + repr(sorted(fields.items()))).encode()).hexdigest()
    with ledger.transaction(conn):
        return ledger.insert_document(
            conn, sha256=sha, original_name=name, subfolder="", size=100, received_at=f"{received}T10:00:00+01:00",
            content_type="pdf", parent_id=None, archive_path=None, status="verwerkt", extraction=extraction)


def link_all(conn, settings) -> None:
    from wkb_desk.dossiers import link_pending

    with ledger.transaction(conn):
        link_pending(conn, settings)


MELDING = dict(verzoeknummer="2026031000123", datum="2026-03-10", straat="Esweg", huisnummer="7", postcode="7601 AB",
               plaats="Almelo", projectnaam="Woning kavel 7 De Esch", kwaliteitsborger="Borg & Zn", instrument="WKI",
               startdatum="2026-04-20", initiatiefnemer="Fam. Ëlzinga")


def docx_text(path_or_doc) -> str:
    """All text a person sees: body paragraphs, tables (nested too), text boxes, headers and footers."""
    doc = docx.Document(str(path_or_doc)) if not isinstance(path_or_doc, docx.document.Document) else path_or_doc
    parts = [doc.element.body]
    for section in doc.sections:
        for hf in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                   section.even_page_header, section.even_page_footer):
            if not hf.is_linked_to_previous:
                parts.append(hf._element)
    lines = []
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for part in parts:
        for p in part.iter(f"{w}p"):
            lines.append("".join(t.text or "" for t in p.iter(f"{w}t")))
    return "\n".join(lines)


def bullet_items(path) -> list[str]:
    doc = docx.Document(str(path))
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "List Bullet"]


def png_bytes(width: int = 8, height: int = 4) -> bytes:
    """A tiny real PNG (a blue bar), for the logo."""
    raw = b"".join(b"\x00" + b"\x1f\x3a\x5f" * width for _ in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
