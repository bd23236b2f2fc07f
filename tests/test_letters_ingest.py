"""Through the real intake: documents in inbox/ -> letters in outbox/ once per event -> the register's Brieven sheet."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pypdf
from builders import BOUWMELDING_LINES, write_pdf
from conftest import shared_path
from letters_support import docx_text, letter_workspace

from wkb_desk import ledger
from wkb_desk.desk import Desk
from wkb_desk.letters import store

DAY = dt.date(2026, 3, 12)
MELDING2 = [line.replace("2026031000123", "2026031100777").replace("Esweg 7", "Kerkweg 3").replace("7601 AB", "7602 XY")
            for line in BOUWMELDING_LINES if not line.startswith("Bijlagen")] + ["Bijlagen", "Risicobeoordeling",
                                                                                 "Borgingsplan: volgt"]
PLAN = ["Borgingsplan", "Borgingsplan volgens instrument WKI", "Kwaliteitsborger: WTT Kwaliteitsborging",
        "Instrument: WKI", "Datum: 11-03-2026", "Projectadres: Esweg 7", "Postcode en plaats: 7601 AB Almelo",
        "Verzoeknummer bouwmelding: 2026031000123", "Risicobeoordeling en borgingsmaatregelen"]
START = ["Omgevingsloket", "Startmelding - Informatie start bouw", "Verzoeknummer: 2026041400999",
         "Datum indiening: 14-04-2026", "Type verzoek: Informatie", "Activiteit: Start bouwwerkzaamheden",
         "Verzoeknummer bouwmelding: 2026031000123", "Startdatum bouwwerkzaamheden: 20-04-2026",
         "Projectadres: Esweg 7", "Postcode en plaats: 7601 AB Almelo"]


def ingest(settings, on_date=DAY):
    with Desk(settings) as desk:
        for path in desk.candidates():
            desk.process(path)
        return desk.flush(on_date=on_date)


def letters_sheet(settings) -> list[dict]:
    ws = openpyxl.load_workbook(settings.paden.register)["Brieven"]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def events(settings) -> list[tuple[str, str, str]]:
    conn = ledger.connect(settings.paden.database)
    try:
        return sorted((r.dossier, r.soort, r.status) for r in store.all_rows(conn))
    finally:
        conn.close()


def test_ingest_makes_each_letter_once_and_the_register_lists_them(workspace):
    settings = letter_workspace(workspace)
    inbox = settings.paden.inbox
    write_pdf(inbox / "Verzoek_2026031000123.pdf", BOUWMELDING_LINES)
    write_pdf(inbox / "Borgingsplan Esweg 7.pdf", PLAN)
    write_pdf(inbox / "Verzoek_2026031100777.pdf", MELDING2)
    first = ingest(settings)
    made = sorted((r.dossier, r.soort) for r in first.letters.made)
    assert made == [("WKB-2026-0001", "bouwmelding_compleet"), ("WKB-2026-0001", "ontvangstbevestiging_bouwmelding"),
                    ("WKB-2026-0002", "melding_niet_compleet"), ("WKB-2026-0002", "ontvangstbevestiging_bouwmelding")]
    decision = next(r for r in first.letters.made if r.soort == "melding_niet_compleet")
    text = docx_text(decision.path)
    assert "bijlage borgingsplan (met risicobeoordeling) bij de bouwmelding" in text and "zes weken" in text
    assert "Kerkweg 3" in text and "2026031100777" in text

    sheet = letters_sheet(settings)
    assert sorted((r["Dossier"], r["Brief"]) for r in sheet) == [
        ("WKB-2026-0001", "Bouwmelding compleet"), ("WKB-2026-0001", "Ontvangstbevestiging bouwmelding"),
        ("WKB-2026-0002", "Melding niet compleet (besluit)"), ("WKB-2026-0002", "Ontvangstbevestiging bouwmelding")]
    assert {r["Bestand"] for r in sheet} == {r.path.name for r in first.letters.made}
    assert {r["Adres"] for r in sheet} == {"Esweg 7, Almelo", "Kerkweg 3, Almelo"}
    wb = openpyxl.load_workbook(settings.paden.register)
    ws = wb["Brieven"]
    link = ws.cell(2, 9).hyperlink
    assert link is not None and (settings.paden.register.parent / link.target.replace("%20", " ")).resolve().exists()

    # A person records what was sent; then the same files again, and the melding re-sent under another name.
    heads = {c.value: c.column for c in ws[1]}
    ws.cell(2, heads["Verzonden op"]).value = dt.datetime(2026, 3, 13)
    ws.cell(2, heads["Verzonden op"]).number_format = "dd-mm-yyyy"
    wb.save(settings.paden.register)
    before = events(settings)
    write_pdf(inbox / "Verzoek_2026031000123.pdf", BOUWMELDING_LINES)  # same bytes: a duplicate
    write_pdf(inbox / "bouwmelding esweg (opnieuw).pdf", BOUWMELDING_LINES + ["Opnieuw verzonden op verzoek"])
    again = ingest(settings)
    assert again.letters.made == [] and events(settings) == before
    conn = ledger.connect(settings.paden.database)
    assert conn.execute("SELECT COUNT(*) FROM documents WHERE kind = 'bouwmelding'").fetchone()[0] == 3
    conn.close()

    write_pdf(inbox / "Informatie start bouw 2026041400999.pdf", START)
    later = ingest(settings, dt.date(2026, 4, 15))
    assert [(r.dossier, r.soort) for r in later.letters.made] == [("WKB-2026-0001", "ontvangstbevestiging_startmelding")]
    sheet = letters_sheet(settings)
    assert len(sheet) == 5
    assert sheet[0]["Verzonden op"] == dt.datetime(2026, 3, 13)  # a person's column survives the update

    from wkb_desk.register import rebuild_register
    from wkb_desk.rules.views import build_dossier_views

    conn = ledger.connect(settings.paden.database)
    rebuild_register(settings, conn, build_dossier_views(conn, settings, DAY))
    conn.close()
    assert letters_sheet(settings)[0]["Verzonden op"] == dt.datetime(2026, 3, 13)  # and a rebuild
    assert len(list(settings.paden.outbox.glob("*.docx"))) == 5


def test_a_broken_template_does_not_stop_the_batch(workspace, caplog):
    settings = letter_workspace(workspace)
    import docx

    path = settings.paden.sjablonen / "ontvangstbevestiging_bouwmelding.docx"
    document = docx.Document(str(path))
    document.add_paragraph("{{ project ")  # an unclosed tag
    document.save(str(path))
    write_pdf(settings.paden.inbox / "Verzoek_2026031000123.pdf", BOUWMELDING_LINES)
    write_pdf(settings.paden.inbox / "Borgingsplan Esweg 7.pdf", PLAN)
    result = ingest(settings)
    assert [r.soort for r in result.letters.made] == ["bouwmelding_compleet"]
    assert [(r.soort, r.status) for r in result.letters.waiting] == [("ontvangstbevestiging_bouwmelding", "sjabloon_fout")]
    assert result.register_written
    assert any("sjabloonfout" in (r["Status"] or "") for r in letters_sheet(settings))
    assert any("Ontvangstbevestiging bouwmelding" in m and "niet gemaakt" in m for m in caplog.messages)


def _resaved(path: Path) -> bytes:
    """The same PDF saved again by another program: other bytes, same text."""
    reader = pypdf.PdfReader(str(path))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.add_metadata({"/Producer": "Opnieuw opgeslagen"})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_samples_make_their_letters_once_and_resent_samples_none(workspace):
    samples = shared_path("samples")
    settings = letter_workspace(workspace)
    truth = json.loads((samples / "truth.json").read_text(encoding="utf-8"))
    names = [x["file"] for x in truth]
    for name in names:
        shutil.copy2(samples / name, settings.paden.inbox / name)
    on_date = dt.date(2026, 9, 1)
    first = ingest(settings, on_date)
    made = first.letters.made
    assert made, "the samples hold bouwmeldingen: they must be acknowledged"
    keys = [(r.soort, r.event) for r in made]
    assert len(keys) == len(set(keys))
    conn = ledger.connect(settings.paden.database)
    with_melding = {r[0] for r in conn.execute(
        "SELECT DISTINCT d.dossier_id FROM documents d JOIN dossiers s ON s.id = d.dossier_id "
        "WHERE d.kind = 'bouwmelding' AND s.merged_into IS NULL")}
    conn.close()
    acks = [r.dossier for r in made if r.soort == "ontvangstbevestiging_bouwmelding"]
    assert sorted(acks) == sorted(with_melding)  # every dossier with a bouwmelding: exactly one acknowledgement
    for record in made:
        text = docx_text(record.path)
        assert "{{" not in text and "{%" not in text
        assert record.dossier in text
        if record.soort in ("melding_niet_compleet", "gereedmelding_onvolledig"):
            assert "zes weken" in text
    for record in first.letters.waiting:
        assert record.status == "wacht_op_controle" and record.path is None and record.reden

    # Again: the same files (duplicates), and PDFs saved again under other names (new documents, same facts).
    for name in names[:30]:
        shutil.copy2(samples / name, settings.paden.inbox / name)
    for name in [n for n in names if n.lower().endswith(".pdf")][:25]:
        try:
            data = _resaved(samples / name)
        except Exception:  # noqa: BLE001 - a sample pypdf cannot rewrite is simply not re-sent
            continue
        (settings.paden.inbox / f"opnieuw - {name}").write_bytes(data)
    before = events(settings)
    second = ingest(settings, on_date)
    assert second.letters.made == []
    assert events(settings) == before
