"""ZIPs and Office packages are told apart by their structure: a DSO download with stored PDFs is a ZIP of documents,
a damaged .docx/.xlsx is one damaged document, and the log says what a container held."""

from __future__ import annotations

import io
import logging
import sqlite3
import zipfile

import pytest
from builders import BOUWMELDING_LINES, ledger_rows, pdf_bytes, write_docx, write_xlsx, zip_bytes

from wkb_desk.desk import Desk
from wkb_desk.readers import sniff

BORGINGSPLAN_LINES = [
    "Borgingsplan",
    "Kwaliteitsborger: WTT",
    "Instrument: WKI",
    "Projectadres: Esweg 7",
    "Postcode en plaats: 7601 AB Almelo",
    "Verzoeknummer: 2026031000123",
    "Datum: 01-03-2026",
    "Bijwoonmomenten: 4",
]


def _download(compression: int) -> bytes:
    return zip_bytes(
        {"Melding_bouwactiviteit.pdf": pdf_bytes(BOUWMELDING_LINES), "Borgingsplan.pdf": pdf_bytes(BORGINGSPLAN_LINES)},
        compression=compression,
    )


def test_zip_with_uncompressed_pdfs_is_a_zip(tmp_path):
    data = _download(zipfile.ZIP_STORED)
    assert b"%PDF-" in data[:1024], "the case this guards: a stored PDF's header sits in the first kilobyte"
    assert sniff(data) == "zip"


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_dso_download_members_become_documents_in_one_dossier(settings, compression):
    (settings.paden.inbox / "Download_2026031000123.zip").write_bytes(_download(compression))
    with Desk(settings) as desk:
        outcomes = [desk.process(p) for p in desk.candidates()]
        desk.flush()
    assert [o.status for o in outcomes] == ["verwerkt"]
    kinds = {row["original_name"]: row["kind"] for row in ledger_rows(settings, "SELECT * FROM documents ORDER BY id")}
    assert kinds["Melding_bouwactiviteit.pdf"] == "bouwmelding"
    assert kinds["Borgingsplan.pdf"] == "borgingsplan"
    conn = sqlite3.connect(settings.paden.database)
    try:
        dossiers = conn.execute(
            "SELECT DISTINCT dossier_id FROM documents WHERE kind IN ('bouwmelding', 'borgingsplan')").fetchall()
    finally:
        conn.close()
    assert len(dossiers) == 1, "the melding and its borgingsplan are in one dossier"


def _damage_member(data: bytes, member: str) -> bytes:
    """Flip bytes inside one member's compressed data, so its CRC check fails but the ZIP still opens."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    local_header = 30 + len(info.filename.encode()) + len(info.extra)
    start = info.header_offset + local_header
    damaged = bytearray(data)
    for i in range(start + 2, min(start + 40, start + info.compress_size)):
        damaged[i] ^= 0xFF
    return bytes(damaged)


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_damaged_office_file_is_one_quarantined_document(settings, tmp_path, kind):
    source = tmp_path / f"bron.{kind}"
    if kind == "docx":
        write_docx(source, BOUWMELDING_LINES)
    else:
        write_xlsx(source, [[line] for line in BOUWMELDING_LINES])
    damaged = _damage_member(source.read_bytes(), "[Content_Types].xml")
    (settings.paden.inbox / f"Melding.{kind}").write_bytes(damaged)
    with Desk(settings) as desk:
        outcomes = [desk.process(p) for p in desk.candidates()]
    assert [o.status for o in outcomes] == ["quarantaine"]
    assert outcomes[0].problems == [outcomes[0].problems[0]] and len(outcomes[0].problems) == 1
    quarantined = sorted(p.name for p in settings.paden.fouten.iterdir())
    assert quarantined == [f"Melding.{kind}", f"Melding.{kind}.fout.txt"], "no XML parts of the package"
    reason = (settings.paden.fouten / f"Melding.{kind}.fout.txt").read_text(encoding="utf-8")
    assert "beschadigd" in reason


def test_container_log_line_names_its_members_and_their_kinds(settings, caplog):
    (settings.paden.inbox / "Download.zip").write_bytes(
        zip_bytes({"Melding.pdf": pdf_bytes(BOUWMELDING_LINES), "Borgingsplan.pdf": pdf_bytes(BORGINGSPLAN_LINES),
                   "kapot.pdf": b"%PDF-1.4 niets"})
    )
    with caplog.at_level(logging.INFO), Desk(settings) as desk:
        outcome = desk.process(settings.paden.inbox / "Download.zip")
    assert outcome.message.startswith("ZIP-bestand met 3 bijlagen")
    assert "Melding.pdf (bouwmelding)" in outcome.message
    assert "Borgingsplan.pdf (borgingsplan)" in outcome.message
    assert "kapot.pdf (quarantaine)" in outcome.message
