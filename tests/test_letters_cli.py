"""`wkb-desk letter DOSSIER SOORT` as a person uses it, and the PDF beside a letter."""

from __future__ import annotations

import datetime as dt
import logging
import shutil

import openpyxl
import pytest
from builders import BOUWMELDING_LINES, write_pdf
from conftest import run_cli
from letters_support import MELDING, add_document, docx_text, letter_workspace, link_all, with_melder

from wkb_desk import ledger
from wkb_desk.letters import make_due_letters, pdf
from wkb_desk.rules.views import build_dossier_views


def test_letter_on_request_dry_run_then_made_then_only_again_with_opnieuw(workspace):
    settings = letter_workspace(workspace)
    # no attachment list: completeness cannot be judged, so the 'compleet' letter is one a person asks for
    lines = [line for line in BOUWMELDING_LINES if not line.startswith("Bijlagen")]
    write_pdf(settings.paden.inbox / "Verzoek_2026031000123.pdf", lines)
    cfg = ("--config", str(settings.config_path))
    ingested = run_cli(*cfg, "ingest")
    assert ingested.returncode == 0
    assert "Brieven: 2 brieven gemaakt" in ingested.stdout + ingested.stderr  # acknowledgement, start missing
    before = sorted(p.name for p in settings.paden.outbox.iterdir())

    dry = run_cli(*cfg, "letter", "WKB-2026-0001", "bouwmelding_compleet", "--dry-run", "--date", "2026-03-12")
    assert dry.returncode == 0, dry.stderr
    assert "Proefdraai" in dry.stdout and sorted(p.name for p in settings.paden.outbox.iterdir()) == before

    made = run_cli(*cfg, "letter", "wkb-2026-0001", "bouwmelding_compleet", "--date", "2026-03-12")
    assert made.returncode == 0, made.stderr
    new = sorted(set(p.name for p in settings.paden.outbox.iterdir()) - set(before))
    assert new == ["2026-03-12 WKB-2026-0001 Bouwmelding compleet.docx"]
    text = docx_text(settings.paden.outbox / new[0])
    assert "12 maart 2026" in text and "7 april 2026" in text  # letter date; earliest start (melding + 28 days)
    sheet = openpyxl.load_workbook(settings.paden.register)["Brieven"]
    assert "Bouwmelding compleet" in [c.value for c in sheet["E"]]  # the register lists it right away

    again = run_cli(*cfg, "letter", "WKB-2026-0001", "bouwmelding_compleet", "--date", "2026-03-13")
    assert again.returncode == 0 and "--opnieuw" in again.stdout
    newer = run_cli(*cfg, "letter", "WKB-2026-0001", "bouwmelding_compleet", "--opnieuw", "--date", "2026-03-13")
    assert newer.returncode == 0, newer.stderr
    assert (settings.paden.outbox / "2026-03-13 WKB-2026-0001 Bouwmelding compleet versie 2.docx").exists()


def test_letter_for_an_unknown_dossier_or_kind(workspace):
    settings = letter_workspace(workspace)
    cfg = ("--config", str(settings.config_path))
    missing = run_cli(*cfg, "letter", "WKB-2026-0099", "bouwmelding_compleet")
    assert missing.returncode == 7 and "WKB-2026-0099 bestaat niet" in missing.stderr
    wrong = run_cli(*cfg, "letter", "WKB-2026-0001", "bouwstop")
    assert wrong.returncode == 2 and "ontvangstbevestiging_bouwmelding" in wrong.stderr


def test_without_libreoffice_the_log_says_so_once(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    monkeypatch.setattr(pdf, "_said_missing", False)
    letter = tmp_path / "brief.docx"
    letter.write_bytes(b"x")
    with caplog.at_level(logging.INFO, logger="wkb_desk.letters"):
        assert pdf.to_pdf(letter) is None
        assert pdf.to_pdf(letter) is None
    assert sum("LibreOffice (soffice) is niet geïnstalleerd" in m for m in caplog.messages) == 1


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is hier niet geïnstalleerd")
def test_with_libreoffice_each_letter_gets_a_pdf_beside_it(workspace):
    settings = letter_workspace(workspace, pdf=True)
    conn = ledger.connect(settings.paden.database)
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["borgingsplan"], **MELDING)
    link_all(conn, settings)
    day = dt.date(2026, 3, 12)
    run = make_due_letters(settings, conn, with_melder(build_dossier_views(conn, settings, day)), day)
    assert len(run.made) == 2  # both converted in one LibreOffice run
    import pypdf

    for record in run.made:
        made = record.path.with_suffix(".pdf")
        assert made.exists() and made.read_bytes().startswith(b"%PDF")
        text = pypdf.PdfReader(str(made)).pages[0].extract_text()
        assert "12 maart 2026" in text and "Esweg 7" in text
    rows = sorted(r[0] for r in conn.execute("SELECT pdf FROM letters"))
    assert rows == ["outbox/2026-03-12 WKB-2026-0001 Bouwmelding compleet.pdf",
                    "outbox/2026-03-12 WKB-2026-0001 Ontvangstbevestiging bouwmelding.pdf"]
    conn.close()
