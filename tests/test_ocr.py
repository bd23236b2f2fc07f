"""Scans and photos are read with text recognition: real scans made here (render, tilt, noise, stamp).

The engine that comes with the README's install commands (RapidOCR) is tested everywhere; Tesseract
tests skip where it is not installed. Few pages, small images: OCR time in the suite stays small.
"""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path

import pytest
from builders import BOUWMELDING_LINES, ledger_rows, pdf_bytes
from conftest import run_cli
from fixtures.ocr.scans import image_bytes, image_pdf, render, scanify

from wkb_desk.config import Limits, OcrSettings
from wkb_desk.desk import Desk
from wkb_desk.extract import extract, load_reference
from wkb_desk.ocr.engines import tesseract_engine, EngineUnavailable
from wkb_desk.readers import read_file, sniff

RAPID = OcrSettings(engine="rapidocr", dpi=200)
LIMITS = Limits()
KEY_FIELDS = ("verzoeknummer", "datum", "postcode", "plaats", "kwaliteitsborger", "instrument", "startdatum")


def _has_tesseract() -> bool:
    try:
        tesseract_engine(OcrSettings())
    except EngineUnavailable:
        return False
    return True


needs_tesseract = pytest.mark.skipif(not _has_tesseract(), reason="Tesseract met Nederlandse taaldata ontbreekt")


@functools.cache
def _text_pdf() -> bytes:
    return pdf_bytes(BOUWMELDING_LINES)


@functools.cache
def _scan(turn: int = 0) -> object:
    """The bouwmelding as the copier sees it: tilted 1.5 degrees, speckled, with a received-stamp."""
    return scanify(render(_text_pdf(), dpi=200, crop=True)[0], angle=1.5, noise=0.03, turn=turn)


@functools.cache
def _from_text_layer():
    """What the same document gives from its text layer: the scan must give the same key fields."""
    return extract(read_file(_text_pdf(), LIMITS), load_reference())


def _expected() -> dict:
    values = _from_text_layer().values()
    assert all(values.get(k) for k in KEY_FIELDS)  # the fixture itself has every key field
    return {k: values[k] for k in KEY_FIELDS}


def _ocr_fields(read):
    x = extract(read, load_reference())
    return x, {k: v.value for k, v in x.fields.items()}


# --- sniffing -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, kind", [("JPEG", "jpeg"), ("PNG", "png"), ("TIFF", "tiff")])
def test_images_are_recognised_by_their_bytes(fmt, kind):
    from PIL import Image

    assert sniff(image_bytes(Image.new("L", (40, 40), 255), fmt)) == kind


def test_a_broken_jpeg_goes_to_quarantine_as_damaged():
    from wkb_desk.errors import CorruptError

    with pytest.raises(CorruptError) as info:
        read_file(b"\xff\xd8\xff\xe0" + b"\x00" * 100, LIMITS, RAPID)
    assert "afbeelding is beschadigd" in info.value.message


# --- reading scans (RapidOCR: always installed) ----------------------------------------------------


def test_a_photo_taken_sideways_is_turned_and_read():
    photo = image_bytes(_scan(turn=1), "JPEG")  # a phone held in landscape: the text runs top to bottom
    read = read_file(photo, LIMITS, RAPID)
    assert read.content_type == "jpeg"
    x, values = _ocr_fields(read)
    assert x.kind == "bouwmelding"
    assert {k: values.get(k) for k in ("verzoeknummer", "postcode")} == {k: _expected()[k] for k in ("verzoeknummer", "postcode")}


def test_tiff_pages_beyond_the_ocr_page_limit_are_left_with_a_warning():
    from PIL import Image

    blank = Image.new("L", (800, 1100), 255)
    frames = [_scan(), blank]
    import io

    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_deflate")
    read = read_file(buf.getvalue(), LIMITS, OcrSettings(engine="rapidocr", max_paginas=1))
    assert [p.number for p in read.pages] == [1]
    assert read.pages[0].ocr_engine == "rapidocr"
    assert any("alleen de eerste 1" in w for w in read.warnings)


# --- the intake: ledger, quarantine, the per-page time limit -------------------------------------


def test_an_image_only_pdf_is_read_and_recorded_per_page_with_its_engine_and_lower_confidence(workspace):
    scanned = image_pdf([_scan()], dpi=200)
    first_pass = read_file(scanned, LIMITS)  # without OCR settings: marked as a scan, nothing read
    assert first_pass.pages[0].is_scan and first_pass.pages[0].ocr_engine is None and not first_pass.has_text

    settings = workspace('[ocr]\nengine = "rapidocr"\ndpi = 200\n')
    (settings.paden.inbox / "gescande melding.pdf").write_bytes(scanned)
    with Desk(settings) as desk:
        [outcome] = [desk.process(p) for p in desk.candidates()]
    assert outcome.status == "verwerkt" and outcome.kind == "bouwmelding"
    [page] = ledger_rows(settings, "SELECT * FROM pages")
    assert page["ocr_engine"] == "rapidocr" and page["is_scan"] == 0
    assert "Bouwmelding - Bouwactiviteit" in page["text"]  # the spaces the recogniser leaves out are restored
    [doc] = ledger_rows(settings, "SELECT * FROM documents")
    fields = json.loads(doc["extraction_json"])["velden"]
    assert {k: fields[k]["waarde"] for k in KEY_FIELDS if k in fields} == _expected()
    for name in KEY_FIELDS:
        assert fields[name]["zekerheid"] < _from_text_layer().fields[name].confidence, name
    assert any("tekstherkenning" in w for w in json.loads(doc["extraction_json"])["waarschuwingen"])


def test_a_scan_with_too_little_text_goes_to_quarantine_saying_what_was_tried(workspace):
    from PIL import Image

    settings = workspace('[ocr]\nengine = "rapidocr"\n')
    empty = scanify(Image.new("L", (827, 1169), 255), with_stamp=False, noise=0.02)  # only copier speckles
    (settings.paden.inbox / "lege scan.jpg").write_bytes(image_bytes(empty, "JPEG"))
    with Desk(settings) as desk:
        [outcome] = [desk.process(p) for p in desk.candidates()]
    assert outcome.status == "quarantaine"
    [reason] = list(settings.paden.fouten.glob("*.fout.txt"))
    text = reason.read_text(encoding="utf-8")
    assert "Tekstherkenning vond te weinig tekst (rapidocr" in text  # what was tried
    assert "Scan het document opnieuw" in text and "handmatig" in text  # what to do


def test_ocr_switched_off_quarantines_a_scan_and_says_so(workspace):
    settings = workspace('[ocr]\nengine = "uit"\n')
    (settings.paden.inbox / "scan.png").write_bytes(image_bytes(_scan(), "PNG"))
    with Desk(settings) as desk:
        [outcome] = [desk.process(p) for p in desk.candidates()]
    assert outcome.status == "quarantaine"
    text = next(settings.paden.fouten.glob("*.fout.txt")).read_text(encoding="utf-8")
    assert "tekstherkenning is niet gedaan" in text and "ocr.engine" in text


def test_a_page_over_its_time_limit_is_stopped_and_the_file_quarantined_saying_so(workspace):
    # Whichever stops it (the limit inside the OCR sandbox, or the parent stopping the sandbox), the clerk
    # reads the same: which page, the limit, and what to do. The next file is read by a fresh sandbox.
    settings = workspace('[ocr]\nengine = "rapidocr"\nseconden_per_pagina = 0.2\n')
    (settings.paden.inbox / "trage scan.pdf").write_bytes(image_pdf([_scan()], dpi=200))
    with Desk(settings) as desk:
        [slow] = [desk.process(p) for p in desk.candidates()]
        (settings.paden.inbox / "tekst.pdf").write_bytes(_text_pdf())
        [ok] = [desk.process(p) for p in desk.candidates()]
    assert slow.status == "quarantaine" and ok.status == "verwerkt" and ok.kind == "bouwmelding"
    text = next(settings.paden.fouten.glob("*.fout.txt")).read_text(encoding="utf-8")
    assert "agina 1" in text and "0.2 s" in text and "ocr.seconden_per_pagina" in text


def test_extract_json_shows_the_ocr_text_and_the_engine_per_page(workspace, tmp_path):
    settings = workspace('[ocr]\nengine = "rapidocr"\ndpi = 200\n')
    scan = tmp_path / "foto.png"
    scan.write_bytes(image_bytes(_scan(), "PNG"))
    done = run_cli("--config", str(settings.config_path), "extract", str(scan), "--json")
    assert done.returncode == 0, done.stderr
    [item] = json.loads(done.stdout)
    assert item["inhoudstype"] == "png" and item["soort"] == "bouwmelding"
    [page] = item["tekstherkenning"]
    assert page["pagina"] == 1 and page["engine"] == "rapidocr" and "Verzoeknummer" in page["tekst"]


# --- Tesseract, where installed ----------------------------------------------------------------------


@needs_tesseract
def test_auto_prefers_tesseract_with_dutch_and_reads_the_scan():
    read = read_file(image_pdf([_scan()], dpi=200), LIMITS, OcrSettings(engine="auto", dpi=200))
    assert read.pages[0].ocr_engine == "tesseract"
    x, values = _ocr_fields(read)
    assert x.kind == "bouwmelding"
    assert {k: values.get(k) for k in KEY_FIELDS} == _expected()


def test_asking_for_tesseract_where_it_is_missing_says_how_to_install(workspace, monkeypatch):
    monkeypatch.setenv("PATH", "")
    from wkb_desk.ocr import engines

    monkeypatch.setattr(engines, "_WINDOWS_FOLDERS", ())
    with pytest.raises(EngineUnavailable) as info:
        engines.tesseract_engine(OcrSettings(engine="tesseract"))
    assert "Installeer Tesseract" in str(info.value)


# --- the watcher keeps taking other files while a long scan is read ------------------------------


def test_watcher_takes_other_files_while_a_long_scan_is_read(tmp_path, caplog):
    from test_watcher_support import WatchThread, make_config, wait_for

    cfg = make_config(tmp_path, "native", extra='\n[ocr]\nengine = "rapidocr"\ndpi = 200\n')
    long_scan = image_pdf([_scan()] * 3, dpi=200)  # three pages to recognise
    caplog.set_level(logging.INFO, logger="wkb_desk")
    with WatchThread(cfg) as w:
        (w.inbox / "lange scan.pdf").write_bytes(long_scan)
        wait_for(lambda: any("de tekst wordt herkend" in r.getMessage() for r in caplog.records),
                 what="scan naar de tekstherkenning")
        (w.inbox / "startmelding.pdf").write_bytes(pdf_bytes(["Startmelding", "Verzoeknummer: 2026031000123"]))
        wait_for(lambda: w.ledger.document("startmelding.pdf") is not None, timeout=60, what="tekstbestand")
        assert w.ledger.document("lange scan.pdf") is None  # still being read: it did not hold up the other file
        assert (w.inbox / "lange scan.pdf").exists()
        wait_for(lambda: w.ledger.document("lange scan.pdf") is not None, timeout=120, what="scan vastgelegd")
        scan_doc = w.ledger.document("lange scan.pdf")
        pages = w.ledger.rows("SELECT ocr_engine FROM pages WHERE document_id = ?", (scan_doc["id"],))
    assert scan_doc["kind"] == "bouwmelding" and scan_doc["status"] == "verwerkt"
    assert [p["ocr_engine"] for p in pages] == ["rapidocr"] * 3
    assert any("pagina 3: gelezen door rapidocr" in r.getMessage() for r in caplog.records)  # the log names the engine


# --- layouts the samples do not have (Tesseract): columns, monospace exports, full-width tables ---------------


def _layout_scan(layout: str, kind: str):
    """One document of tests/fixtures/ocr/layouts.py as text PDF and as a tilted, speckled, stamped scan."""
    pytest.importorskip("reportlab")
    from fixtures.ocr.layouts import layout_docs

    [doc] = layout_docs((layout,), kinds=(kind,))
    scan = image_pdf([scanify(render(doc.data, dpi=200, crop=True)[0], angle=1.2, seed=3)], dpi=200)
    return doc, read_file(doc.data, LIMITS), read_file(scan, LIMITS, OcrSettings(engine="tesseract"))


@needs_tesseract
def test_a_two_column_scan_keeps_each_value_with_its_own_label():
    doc, text_pdf, scan = _layout_scan("two_columns", "bouwmelding")
    lines = scan.pages[0].text.splitlines()
    # the left column's labels and the right column's share no line: the columns are read one after the other
    assert not [ln for ln in lines if "Nummer verzoek" in ln and "Straat" in ln]
    assert any(ln.startswith("Straat\t") for ln in lines)
    from_text = extract(text_pdf, load_reference()).values()
    x, values = _ocr_fields(scan)
    assert x.kind == "bouwmelding"
    left = ("verzoeknummer", "datum", "startdatum", "initiatiefnemer")  # left column
    right = ("straat", "postcode", "plaats", "bag_id", "kwaliteitsborger", "instrument")  # right column
    assert {k: values.get(k) for k in left + right} == {k: from_text[k] for k in left + right}


@needs_tesseract
def test_a_courier_export_with_dotted_leaders_gives_its_kind_and_key_fields():
    doc, text_pdf, scan = _layout_scan("courier_dots", "bouwmelding")
    text = scan.pages[0].text
    assert "....." not in text  # the leaders are gone, the label is followed by its value
    assert any(ln.split("\t") == ["Verzoeknr", doc.fields["verzoeknummer"]] for ln in text.splitlines())
    from_text = extract(text_pdf, load_reference()).values()
    x, values = _ocr_fields(scan)
    assert x.kind == "bouwmelding"
    keys = ("verzoeknummer", "datum", "startdatum", "straat", "postcode", "plaats", "bag_id", "kwaliteitsborger")
    assert {k: values.get(k) for k in keys} == {k: from_text[k] for k in keys}


@needs_tesseract
def test_a_full_width_table_is_read_row_by_row_not_cut_into_columns(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle

    rows = [["Onderdeel", "Beoordeling", "Datum", "Behandeld door"],
            ["Fundering", "akkoord", "12-03-2026", "Kwaliteitsborging Oost"],
            ["Draagconstructie", "akkoord", "02-04-2026", "Kwaliteitsborging Oost"],
            ["Brandveiligheid", "aandachtspunt", "17-04-2026", "Bouwborg Twente"],
            ["Ventilatie", "akkoord", "30-04-2026", "Bouwborg Twente"]]
    path = tmp_path / "tabel.pdf"
    cv = canvas.Canvas(str(path), pagesize=(595, 842))
    cv.setFont("Helvetica-Bold", 14)
    cv.drawString(50, 780, "Overzicht beoordelingen kwaliteitsborger")
    table = Table(rows, colWidths=[130, 110, 90, 165])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.7, colors.black),
                               ("FONT", (0, 0), (-1, -1), "Helvetica", 9)]))
    _, height = table.wrapOn(cv, 495, 700)
    table.drawOn(cv, 50, 750 - height)
    cv.showPage()
    cv.save()
    scan = image_pdf([scanify(render(path, dpi=200, crop=True)[0], angle=-1.0, seed=5)], dpi=200)
    lines = read_file(scan, LIMITS, OcrSettings(engine="tesseract")).pages[0].text.splitlines()
    for row in rows:  # every row on one line, its cells in order
        [line] = [ln for ln in lines if ln.startswith(row[0])]
        assert line.split("\t") == row, line


@pytest.mark.parametrize("read, meant", [
    ("BAG-id\tl666151162055908", "BAG-id\t1666151162055908"),  # 16 digits: the l at the edge is a 1
    ("Verzoeknummer\t2026O2O132642", "Verzoeknummer\t2026020132642"),
    ("Postcode\t7601 A8", "Postcode\t7601 AB"),  # four digits and two capitals: the 8 is a B
    ("76O1 AB Almelo", "7601 AB Almelo"),
    ("Kenmerk\tSB-2026-558", "Kenmerk\tSB-2026-558"),  # no context that makes it certain: left as read
    ("Postbus 1234 56", "Postbus 1234 56"),
    ("Hessenweg 1 12a", "Hessenweg 112a"),  # a narrow 1 set apart from its number by the engine
    ("Gevolgklasse 1", "Gevolgklasse 1"),
    ("pagina 1 van 2", "pagina 1 van 2"),
    # a house number's 1 read as a letter where the street ends: its cell, a comma, the postcode
    ("Wâldwei la\t8556 XR\tSloten", "Wâldwei 1a\t8556 XR\tSloten"),
    ("Skâns l2, 8556 XP Sloten", "Skâns 12, 8556 XP Sloten"),
    ("Koning Willem I", "Koning Willem I"),  # a king's numeral, no house number
    ("Het antwoord is la", "Het antwoord is la"),  # prose (a lower-case word before it)
    # an I in capitals read as 1: a label's "-ID", a word's middle; a code's digit stays
    ("WOONPLAATS\tBAG NUMMERAANDUIDING-1D", "WOONPLAATS\tBAG NUMMERAANDUIDING-ID"),
    ("KWAL1TEITSBORGER", "KWALITEITSBORGER"),
    ("Kenmerk\tKO-1A", "Kenmerk\tKO-1A"),
    # an l read as "!" in a label; an exclamation stays
    ("Oanta! bouwurken (Aantal", "Oantal bouwurken (Aantal"), ("Let op! De termijn", "Let op! De termijn"),
    # a list's bullet read as a letter before "Label — value"; a line that merely starts with "e" stays
    ("e Initiatiefnemer — Loonbedrijf Schraa B.V.", "• Initiatiefnemer — Loonbedrijf Schraa B.V."),
    ("Verzoek 2027\ne KvK — 57391206", "Verzoek 2027\n• KvK — 57391206"),
    ("e-mail: info@example.nl", "e-mail: info@example.nl"), ("o Ja — Nee", "• Ja — Nee"),
])
def test_look_alikes_are_fixed_only_where_the_number_s_form_makes_it_certain(read, meant):
    from wkb_desk.ocr.layout import fix_lookalikes

    assert fix_lookalikes(read) == meant


@needs_tesseract
def test_a_title_in_large_type_is_read_from_the_scan(tmp_path):
    """Tesseract reading the page as one block drops a line in far larger type: the kind would be lost with it."""
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    cv = canvas.Canvas(str(path), pagesize=(595, 842))
    cv.setFont("Helvetica-Bold", 14)
    cv.drawRightString(540, 797, "TÜV NORD")  # a borger's letterhead at the top right, in small type below it
    cv.setFont("Helvetica", 7.5)
    for k, line in enumerate(("Divisie Bouw & Kwaliteitsborging", "Kruisweg 755", "2132 NG Hoofddorp")):
        cv.drawRightString(540, 784 - 10 * k, line)
    cv.setFont("Helvetica-Bold", 18)
    cv.drawString(60, 740, "BORGINGSPLAN")
    cv.setFont("Helvetica", 11)
    cv.drawString(60, 722, "Opslagloods Veluwe Opslag – Lorentz III kavel 14")
    y = 695
    for label, value in (("Kenmerk", "TN-WKB-26-2210"), ("Datum", "woensdag 1 april 2026"),
                         ("Perceel", "Harderwijk K 2291"), ("Plaats", "Harderwijk"),
                         ("Opdrachtgever", "Veluwe Opslag B.V."), ("Kwaliteitsborger", "TÜV NORD Nederland B.V."),
                         ("Instrument", "WKI"), ("Gevolgklasse", "1"), ("Start uitvoering", "27 mei 2026")):
        cv.setFont("Helvetica-Bold", 9)
        cv.drawString(90, y, label)
        cv.setFont("Helvetica", 9)
        cv.drawString(220, y, value)
        y -= 18
    cv.showPage()
    cv.save()
    scan = image_pdf([scanify(render(path, dpi=200, crop=True)[0], angle=1.2, seed=3)], dpi=200)
    read = read_file(scan, LIMITS, OcrSettings(engine="tesseract"))
    assert "BORGINGSPLAN" in read.pages[0].text
    x = extract(read, load_reference())
    assert x.kind == "borgingsplan", (x.kind, read.pages[0].text[:300])
    assert x.values().get("kadastraal") == "Harderwijk K 2291"


def test_large_type_found_at_half_size_is_added_only_where_the_first_reading_has_nothing():
    """Where Tesseract's block reading dropped a line in large type (seen on a copier scan of a borgingsplan whose
    title sat beside the received-stamp), the sparse reading at half size adds it: large, sure, in free space."""
    from PIL import Image

    from wkb_desk.ocr.layout import Piece
    from wkb_desk.ocr.recognise import _large_type

    class HalfSizeReading:
        name = "tesseract"

        def read(self, image, timeout, sparse=False):
            assert sparse and image.size == (500, 700)  # the page at half size, read as sparse text
            return [Piece(30, 100, 200, 130, "BORGINGSPLAN", 0.95),  # the title (60 px high on the page)
                    Piece(30, 140, 120, 150, "Kenmerk", 0.96),       # body text: read already
                    Piece(300, 20, 420, 45, "ONTVANGE", 0.5),        # a stamp's piece: not sure enough
                    Piece(30, 300, 90, 330, "Ok", 0.99)]             # too short to be a title
    first = [Piece(60, 280, 240, 300, "Kenmerk", 0.96), Piece(300, 280, 500, 300, "TN-WKB-26-2210", 0.9),
             Piece(60, 320, 200, 340, "Datum", 0.96)]
    added = _large_type(HalfSizeReading(), Image.new("L", (1000, 1400), 255), first, timeout=10)
    assert [(p.text, p.x0, p.y0, p.y1) for p in added] == [("BORGINGSPLAN", 60.0, 200.0, 260.0)]


def test_full_contrast_keeps_shading_light_and_makes_faded_ink_dark():
    from PIL import Image, ImageDraw

    from wkb_desk.ocr.preprocess import _full_contrast

    # a portal export: much white, shaded bars, a little ink; the darkest 1 % reaches into the bars
    page = Image.new("L", (400, 400), 255)
    draw = ImageDraw.Draw(page)
    for y in range(20, 400, 40):
        draw.rectangle((20, y, 380, y + 12), fill=224)
    draw.rectangle((30, 23, 33, 30), fill=30)
    out = _full_contrast(page)
    assert out.getpixel((200, 26)) >= 200  # the bar stays light: its grey labels stay readable
    assert out.getpixel((31, 25)) <= 30
    # a faded copy: grey text on grey paper becomes dark on white
    faded = Image.new("L", (400, 400), 235)
    ImageDraw.Draw(faded).rectangle((0, 0, 399, 60), fill=150)
    out = _full_contrast(faded)
    assert out.getpixel((10, 10)) <= 100 and out.getpixel((10, 300)) == 255


@needs_tesseract
def test_a_portal_export_with_small_grey_labels_in_shaded_bars_is_read_label_by_label(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib.colors import Color
    from reportlab.pdfgen import canvas

    path = tmp_path / "export.pdf"
    cv = canvas.Canvas(str(path), pagesize=(595, 842))
    cv.setFont("Helvetica-Bold", 16)
    cv.drawString(50, 780, "Melding bouwactiviteit - portaalexport")
    rows = [("VERZOEKNUMMER", "2027031500412", "INGEDIEND OP", "15-03-2027"),
            ("STRAAT", "Lindelaan", "HUISNUMMER", "7 B"), ("POSTCODE", "3441 AB", "PLAATS", "Woerden"),
            ("KWALITEITSBORGER", "Bylaer", "INSTRUMENT", "KiK"), ("GEVOLGKLASSE", "1", "BEOOGDE START", "03-05-2027")]
    y = 730
    for row in rows:
        for x, label, value in ((50, row[0], row[1]), (300, row[2], row[3])):
            cv.setFillColor(Color(0.88, 0.88, 0.88))
            cv.rect(x, y, 230, 12, fill=1, stroke=0)
            cv.setFillColor(Color(0.55, 0.55, 0.55))
            cv.setFont("Helvetica", 6.5)
            cv.drawString(x + 4, y + 3.5, label)
            cv.setFillColor(Color(0, 0, 0))
            cv.setFont("Helvetica", 10)
            cv.drawString(x + 4, y - 13, value)
        y -= 40
    cv.showPage()
    cv.save()
    scan = image_pdf([scanify(render(path, dpi=200)[0], angle=-1.2, seed=3)], dpi=200)
    x, values = _ocr_fields(read_file(scan, LIMITS, OcrSettings(engine="tesseract")))
    assert x.kind == "bouwmelding"
    assert {k: values.get(k) for k in ("verzoeknummer", "datum", "straat", "huisnummer", "postcode", "plaats",
                                        "kwaliteitsborger", "instrument", "startdatum")} == {
        "verzoeknummer": "2027031500412", "datum": "2027-03-15", "straat": "Lindelaan", "huisnummer": "7b",
        "postcode": "3441 AB", "plaats": "Woerden", "kwaliteitsborger": "Bylaer", "instrument": "KiK",
        "startdatum": "2027-05-03"}


def test_a_row_of_class_options_whose_ticks_a_scan_lost_names_no_class():
    """'☒ Gevolgklasse 1 ☐ Gevolgklasse 2 ☐ Gevolgklasse 3' read by OCR as 'Gevolgklasse 10 Gevolgklasse 2 |
    Gevolgklasse 3': the ticks are gone, so which class is meant is unknown (a wrong class is worse than none)."""
    from wkb_desk.models import Page, ReadResult

    text = ("Bouwmelding Wkb\nDSO-verzoeknummer\t2027032900188\nBouwadres\tLindeweg 8\nPostcode / plaats\t7151 GT Eibergen\n"
            "Kwaliteitsborger\tBorg4\nInstrument\tWKI\n3.3 Gevolgklasse\nGevolgklasse 10 Gevolgklasse 2\tGevolgklasse 3\n")
    x = extract(ReadResult(content_type="pdf", pages=(Page(number=1, text=text),)), load_reference())
    assert x.kind == "bouwmelding" and "gevolgklasse" not in x.values()


def _grey_table_print(path, rows):
    """A portal print: a table with grey rules, section rows in shaded bars, labels in bold."""
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle

    cv = canvas.Canvas(str(path), pagesize=(595, 842))
    cv.setFont("Helvetica-Bold", 14)
    cv.drawString(50, 780, "Melding bouwactiviteit gevolgklasse 1")
    style = [("GRID", (0, 0), (-1, -1), 0.6, colors.Color(0.62, 0.62, 0.62)),
             ("FONT", (0, 0), (0, -1), "Helvetica-Bold", 9), ("FONT", (1, 0), (-1, -1), "Helvetica", 9)]
    for k, row in enumerate(rows):
        if len(row) == 1:  # a section heading over the whole width, in a shaded bar
            style += [("SPAN", (0, k), (1, k)), ("BACKGROUND", (0, k), (1, k), colors.Color(0.85, 0.85, 0.85))]
    table = Table([r if len(r) == 2 else [r[0], ""] for r in rows], colWidths=[150, 340])
    table.setStyle(TableStyle(style))
    _, height = table.wrapOn(cv, 495, 700)
    table.drawOn(cv, 50, 760 - height)
    cv.showPage()
    cv.save()
    return path


@needs_tesseract
def test_a_print_with_grey_rules_and_shaded_section_bars_is_read_cell_by_cell(tmp_path):
    pytest.importorskip("reportlab")
    rows = [["Verzoek"], ["Verzoeknummer", "2027032200517"], ["Datum indienen", "22 mrt 2027"], ["Locatie"],
            ["Adres", "Lindelaan 7"], ["Postcode", "3441 AB"], ["Woonplaats", "Woerden"], ["Kwaliteitsborging"],
            ["Kwaliteitsborger", "Bylaer B.V."], ["Instrument", "KiK"], ["Start bouw (verwacht)", "3 mei 2027"]]
    path = _grey_table_print(tmp_path / "afdruk.pdf", rows)
    scan = image_pdf([scanify(render(path, dpi=200)[0], angle=-1.2, seed=7)], dpi=200)
    x, values = _ocr_fields(read_file(scan, LIMITS, OcrSettings(engine="tesseract")))
    assert x.kind == "bouwmelding"
    assert {k: values.get(k) for k in ("verzoeknummer", "datum", "straat", "huisnummer", "postcode", "plaats",
                                        "instrument", "startdatum")} == {
        "verzoeknummer": "2027032200517", "datum": "2027-03-22", "straat": "Lindelaan", "huisnummer": "7",
        "postcode": "3441 AB", "plaats": "Woerden", "instrument": "KiK", "startdatum": "2027-05-03"}


def test_shading_turns_to_paper_and_grey_rules_go_while_the_letters_stay():
    pytest.importorskip("cv2")
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from wkb_desk.ocr.preprocess import clean_marks

    img = Image.new("L", (1200, 400), 255)
    draw = ImageDraw.Draw(img)
    draw.rectangle((40, 40, 1160, 90), fill=215)  # a shaded section bar
    draw.line((40, 200, 1160, 200), fill=160, width=2)  # a grey table rule
    font = ImageFont.load_default(size=28) if hasattr(ImageFont, "load_default") else None
    for k in range(6):
        draw.text((60 + 180 * k, 50), "Locatie", fill=20, font=font)  # text in the bar
        draw.text((60 + 180 * k, 150), "Woonplaats", fill=20, font=font)  # text just above the rule
    out = np.asarray(clean_marks(img))
    assert out[45:88, 40:1160].max() == 255 and (out[45:88, 40:1160] < 100).sum() > 500  # bar white, words dark
    assert (out[199:202, 40:1160] < 200).sum() < 40  # the rule is gone
    assert (out[140:195, 40:1160] < 100).sum() >= 0.9 * (np.asarray(img)[140:195, 40:1160] < 100).sum()


def _grey_label_print(path, pairs):
    """A case print: each value in black under its label in small grey capitals (5 pt), two fields a row."""
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas

    cv = canvas.Canvas(str(path), pagesize=(595, 842))
    cv.setFont("Helvetica-Bold", 14)
    cv.drawString(50, 780, "Bouwmelding - bouwactiviteit (technisch)")
    y = 740
    for k in range(0, len(pairs), 2):
        for (label, value), x in zip(pairs[k:k + 2], (60, 330)):
            cv.setFillColor(colors.Color(0.55, 0.55, 0.55))
            cv.setFont("Helvetica", 5)
            cv.drawString(x, y, label.upper())
            cv.setFillColor(colors.black)
            cv.setFont("Helvetica", 10)
            cv.drawString(x, y - 14, value)
        y -= 36
    cv.showPage()
    cv.save()
    return path


def _scan_of_grey_labels(tmp_path):
    path = _grey_label_print(tmp_path / "zaak.pdf", [
        ("Verzoeknummer", "2027051000276"), ("Datum indiening", "10-05-2027"),
        ("Straat en huisnummer", "Zeedijkpad 8 A"), ("Postcode", "2681 AV"),
        ("Woonplaats", "Monster"), ("BAG nummeraanduiding-ID", "1783200000917734"),
        ("Kwaliteitsborger", "Bouwborg Twente"), ("Instrument voor kwaliteitsborging", "KiK"),
        ("Voorgenomen start bouwwerkzaamheden", "21-06-2027"), ("Gevolgklasse", "1")])
    return scanify(render(path, dpi=200)[0], angle=-0.7, seed=4)


def test_small_grey_labels_are_kept_whole_and_darkened_for_the_engine(tmp_path):
    # Only the cores of such a label's strokes are dark: in dark ink alone its letters fall apart into dots and
    # specks, which the leader and speck steps used to whiten, cutting the label up.
    pytest.importorskip("cv2")
    pytest.importorskip("reportlab")
    import numpy as np

    from wkb_desk.ocr.preprocess import clean_marks

    page = _scan_of_grey_labels(tmp_path).convert("L")
    arr = np.asarray(page)
    out = np.asarray(clean_marks(page))
    # the label rows: grey ink that has no black core (the values below are black)
    grey = (arr < 215) & (arr > 120)
    rows = np.where(grey.sum(axis=1) > 40)[0]
    assert len(rows) > 20
    label_px = grey[rows]
    kept = out[rows][label_px]
    assert (kept == 255).mean() < 0.05  # hardly a pixel of the labels whitened
    assert (kept < 128).mean() > 0.4  # and most now dark enough for a global threshold
    assert (arr[rows][label_px] < 128).mean() < 0.2  # (they were not before)


@needs_tesseract
def test_a_case_print_with_small_grey_labels_is_read_label_by_label(tmp_path):
    pytest.importorskip("reportlab")
    scan = image_pdf([_scan_of_grey_labels(tmp_path)], dpi=200)
    x, values = _ocr_fields(read_file(scan, LIMITS, OcrSettings(engine="tesseract")))
    assert x.kind == "bouwmelding"
    assert {k: values.get(k) for k in ("verzoeknummer", "datum", "straat", "huisnummer", "postcode", "plaats",
                                        "bag_id", "kwaliteitsborger", "instrument", "startdatum")} == {
        "verzoeknummer": "2027051000276", "datum": "2027-05-10", "straat": "Zeedijkpad", "huisnummer": "8a",
        "postcode": "2681 AV", "plaats": "Monster", "bag_id": "1783200000917734",
        "kwaliteitsborger": "Bouwborg Twente", "instrument": "KiK", "startdatum": "2027-06-21"}


# --- tick boxes ---------------------------------------------------------------------------------

def _ticked_form(path, drawn: bool = True):
    """A borger's outcome form: two options with a tick box before each, the second crossed. `drawn`: boxes drawn
    as squares (a form made in Word or a PDF editor); else set as the characters ☐ and ☒ in a font that has them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    cv = canvas.Canvas(str(path), pagesize=(595, 842))
    cv.setFont("Helvetica-Bold", 14)
    cv.drawString(50, 780, "Verklaring kwaliteitsborger")
    cv.setFont("Helvetica", 10)
    lines = ["Datum: 5 oktober 2027", "Kwaliteitsborger: Kwaliteitsborging Oost", "Instrument: BKapp",
             "Bouwadres: Oude Drift 15 B, 1251 XK Laren"]
    for k, text in enumerate(lines):
        cv.drawString(50, 740 - 18 * k, text)
    options = [("Verklaring afgegeven: gerechtvaardigd vertrouwen dat het bouwwerk voldoet", False),
               ("Geen verklaring: de kwaliteitsborger kan op dit moment niet verklaren dat het bouwwerk voldoet", True)]
    if not drawn:
        pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    for k, (text, ticked) in enumerate(options):
        y = 640 - 30 * k
        if drawn:
            cv.rect(50, y - 1, 9, 9)
            if ticked:
                cv.line(51.5, y + 0.5, 57.5, y + 6.5)
                cv.line(51.5, y + 6.5, 57.5, y + 0.5)
        else:
            cv.setFont("DejaVu", 11)
            cv.drawString(50, y, "\u2612" if ticked else "\u2610")
        cv.setFont("Helvetica", 10)
        cv.drawString(66, y, text)
    cv.showPage()
    cv.save()
    return path


def test_tick_boxes_are_found_by_their_shape_and_read_as_ticked_or_empty(tmp_path):
    from wkb_desk.ocr.boxes import find_boxes
    from wkb_desk.ocr.preprocess import prepare

    scan = scanify(render(_ticked_form(tmp_path / "vk.pdf"), dpi=200)[0], angle=1.0, noise=0.02)
    boxes = sorted(find_boxes(prepare(scan).image), key=lambda b: b.y0)
    assert [b.ticked for b in boxes] == [False, True]  # the letters O, 0 and D beside them are no boxes


@needs_tesseract
def test_the_letter_n_of_a_bold_heading_is_no_tick_box(tmp_path):
    # a bold serif "n" fills each side of its square (its arch, stems and the serifs of its feet), but its bottom's
    # middle is white: read as a box it left "Meldi g" and "tech isch" behind, and the document's title was lost
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    bold = next((f for f in (Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"),
                             Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf")) if f.is_file()), None)
    if bold is None:
        pytest.skip("Liberation Serif Bold (a Times-like bold serif) is not installed")
    pdfmetrics.registerFont(TTFont("DejaVuBoldTest", str(bold)))
    pdf = tmp_path / "kop.pdf"
    cv = canvas.Canvas(str(pdf), pagesize=(595, 842))
    cv.setFont("DejaVuBoldTest", 15)
    cv.setFillColorRGB(0.08, 0.26, 0.45)  # a portal's dark blue
    cv.drawString(50, 780, "Bouwactiviteit (technisch) \u2014 Melding")
    cv.setFillColorRGB(0, 0, 0)
    cv.setFont("Helvetica", 10)
    for k, line in enumerate(["Verzoeknummer 2027030200945", "Datum ingediend 2 maart 2027", "Locatie van het bouwwerk",
                              "Kwaliteitsborger The Borging Company B.V.", "Instrument kwaliteitsborging WKI"]):
        cv.drawString(50, 750 - 16 * k, line)
    cv.save()
    scan = image_pdf([scanify(render(pdf, dpi=200)[0], angle=1.0, noise=0.02)])
    text = read_file(scan, LIMITS, OcrSettings(engine="tesseract")).pages[0].text
    assert "\u2612" not in text and "\u2610" not in text
    assert "Melding" in text


@needs_tesseract
@pytest.mark.parametrize("drawn", [True, False])
def test_a_scanned_form_keeps_which_option_is_ticked(tmp_path, drawn):
    if not drawn and not __import__("pathlib").Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").is_file():
        pytest.skip("DejaVu Sans (with the box characters) is not installed")
    pdf = _ticked_form(tmp_path / "vk.pdf", drawn)
    scan = image_pdf([scanify(render(pdf, dpi=200)[0], angle=1.0, noise=0.02)])
    read = read_file(scan, LIMITS, OcrSettings(engine="tesseract"))
    assert "\u2612 Geen verklaring" in read.pages[0].text
    assert extract(read, load_reference()).values().get("verklaring") == "negatief"


def _dark_sidebar(path):
    """A portal print with a dark sidebar of light letters beside the form (as DSO copies by some suppliers)."""
    from reportlab.pdfgen import canvas

    cv = canvas.Canvas(str(path), pagesize=(595, 842))
    cv.setFillColorRGB(0.42, 0.29, 0.24)
    cv.rect(40, 420, 150, 380, fill=1, stroke=0)
    cv.setFillColorRGB(1, 1, 1)
    cv.setFont("Helvetica-Bold", 11)
    cv.drawString(50, 780, "Omgevingsloket")
    cv.setFont("Helvetica", 9)
    for k, text in enumerate(["Verzoeknummer", "2027060700458", "Ingediend op", "07-06-2027"]):
        cv.drawString(50, 750 - 14 * k, text)
    cv.setFillColorRGB(0, 0, 0)
    cv.setFont("Helvetica-Bold", 13)
    cv.drawString(210, 785, "Melding bouwactiviteit (technisch)")
    cv.setFont("Helvetica", 10)
    for k, (label, value) in enumerate([("Straat en huisnummer", "Wouwbaan 88"), ("Postcode", "4661 NH"),
                                        ("Woonplaats", "Halsteren"), ("BAG-ID", "0748200000702266"),
                                        ("Kadastraal", "Halsteren F 3307"), ("Naam initiatiefnemer", "Kees Rijnbeek"),
                                        ("Correspondentieadres", "Dorpsstraat 120, 4661 HS Halsteren"),
                                        ("Gevolgklasse", "1"), ("Omschrijving", "vrijstaande woning met bijgebouw"),
                                        ("Kwaliteitsborger", "Borg KB"), ("Instrument", "WKI"),
                                        ("Start bouw", "02-08-2027")]):
        cv.drawString(210, 750 - 18 * k, label)
        cv.drawString(360, 750 - 18 * k, value)
    cv.showPage()
    cv.save()
    return path


def test_a_dark_sidebar_with_light_letters_is_read_upright_and_its_text_kept(tmp_path):
    from wkb_desk.ocr.preprocess import prepare

    scan = scanify(render(_dark_sidebar(tmp_path / "print.pdf"), dpi=200)[0], angle=1.0, noise=0.02)
    assert prepare(scan).quarter_turns == 0  # the panel is no column of ink running down the page


@needs_tesseract
def test_a_dark_sidebars_number_is_read_from_the_scan(tmp_path):
    scan = image_pdf([scanify(render(_dark_sidebar(tmp_path / "print.pdf"), dpi=200)[0], angle=1.0, noise=0.02)])
    read = read_file(scan, LIMITS, OcrSettings(engine="tesseract"))
    x = extract(read, load_reference())
    assert x.kind == "bouwmelding" and x.values().get("verzoeknummer") == "2027060700458"


@pytest.mark.parametrize("text, stamp", [("NGEN 14 ApR 2026", True), ("ONTVANGEN 14 APR 2026", True),
                                         ("Datum 14 april 2027", False), ("DATUM 14 apr 2027", False)])
def test_a_received_stamp_cut_off_and_read_in_mixed_case_is_still_a_stamp(text, stamp):
    from wkb_desk.ocr.layout import _is_stamp

    assert _is_stamp(text) is stamp


def _side_column_plan(path):
    """A borger's plan with its project card in a light box at the left, lines at their own pitch, beside the
    plan's sections in prose."""
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas

    cv = canvas.Canvas(str(path), pagesize=(595, 842))
    cv.setFont("Helvetica-Bold", 18)
    cv.drawString(40, 780, "Borgingsplan")
    cv.setFillColor(colors.Color(0.93, 0.93, 0.93))
    cv.rect(40, 380, 150, 370, stroke=0, fill=1)
    cv.setFillColor(colors.black)
    card = [("Project", "6 recreatiewoningen"), ("Bouwadres", "Skipperswâl 2"), ("", "8621 CR Heeg"),
            ("Kadaster", "Wymbritseradeel P 3410"), ("Opdrachtgever", "Recreatiepark Heechsân B.V."),
            ("Instrument", "KiK"), ("Start bouw (gepland)", "7 juni 2027"), ("Datum plan", "14 april 2027")]
    y = 735
    for label, value in card:
        cv.setFont("Helvetica", 9)
        if label:
            cv.drawString(48, y, label)
            y -= 12.5
        cv.drawString(48, y, value)
        y -= 19
    prose = ("Stavast Kwaliteitsborging legt in dit borgingsplan vast welke borgingsmaatregelen zij treft om "
             "gerechtvaardigd vertrouwen te krijgen dat de zes recreatiewoningen voldoen aan de bouwtechnische "
             "regels. Het plan volgt uit de risicobeoordeling van dezelfde datum. De bouwlocatie ligt aan open "
             "water met een hoge grondwaterstand en veen in de ondergrond. Afwijkingen worden binnen vijf "
             "werkdagen aan de aannemer gemeld. De gemeente ontvangt een signaal bij afwijkingen.").split()
    cv.setFont("Helvetica", 10)
    y, line = 740, ""
    for word in prose * 2:
        if cv.stringWidth(f"{line} {word}", "Helvetica", 10) > 330:
            cv.drawString(215, y, line)
            y, line = y - 14.2, word
        else:
            line = f"{line} {word}".strip()
    cv.drawString(215, y, line)
    cv.showPage()
    cv.save()
    return path


@needs_tesseract
def test_a_side_column_at_its_own_line_pitch_is_read_as_a_column_of_its_own(tmp_path):
    pytest.importorskip("reportlab")
    from wkb_desk.ocr.columns import find_band
    from wkb_desk.ocr.preprocess import prepare

    image = scanify(render(_side_column_plan(tmp_path / "plan.pdf"), dpi=200)[0], angle=0.8, seed=3)
    assert find_band(prepare(image).image) is not None
    read = read_file(image_pdf([image]), LIMITS, OcrSettings(engine="tesseract"))
    lines = read.pages[0].text.splitlines()
    for value in ("Skipperswâl 2", "8621 CR Heeg", "Wymbritseradeel P 3410", "7 juni 2027"):
        assert value in lines, (value, lines)  # each of the card's lines whole, not merged with the prose beside it
    x = extract(read, load_reference())
    assert x.kind == "borgingsplan"
    assert {k: x.values().get(k) for k in ("postcode", "kadastraal", "startdatum")} == {
        "postcode": "8621 CR", "kadastraal": "Wymbritseradeel P 3410", "startdatum": "2027-06-07"}


def test_a_table_whose_cells_wrap_unevenly_stays_one_block(tmp_path):
    """A risk list's long risk beside its scores: its lines stand half a line apart as well, but it is a table."""
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    from wkb_desk.ocr.columns import find_band
    from wkb_desk.ocr.preprocess import prepare

    style = getSampleStyleSheet()["BodyText"]
    risks = ["Draagvermogen fundering door oude funderingsresten in de ondergrond", "Brandwerendheid hoofddraagconstructie",
             "WBDBO tussen woningen niet gehaald door doorvoeringen", "Ventilatiecapaciteit niet volgens berekening",
             "Luchtdoorlatendheid hoger dan qv;10 uit BENG-berekening", "Geluidwering gevel onvoldoende bij de weg",
             "Isolatie dakvlak niet aansluitend op de gevel", "Rookmelders niet op elke verdieping"]
    rows = [["Nr", "Risico", "Kans", "Effect", "Score", "Borgingsmaatregel"]] + [
        [str(k + 1), Paragraph(r, style), "3", "4", "12", Paragraph("Constructieberekening en tekeningen beoordelen"
                                                                   if k % 2 else "Bijwonen", style)]
        for k, r in enumerate(risks)]
    path = tmp_path / "risico.pdf"
    cv = canvas.Canvas(str(path), pagesize=(595, 842))
    table = Table(rows, colWidths=[30, 170, 40, 45, 45, 170])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    _, height = table.wrapOn(cv, 520, 760)
    table.drawOn(cv, 35, 790 - height)
    cv.showPage()
    cv.save()
    assert find_band(prepare(scanify(render(path, dpi=200)[0], seed=2)).image) is None


def _risk_table_pdf(path):
    """A risk table whose columns of text fill the page (no rules): nine cells a row, wrapped risks below."""
    import sys
    from pathlib import Path as _Path

    sys.path.insert(0, str(_Path(__file__).resolve().parent / "fixtures" / "extract"))
    import docgen

    rows = [[(50, "Nr"), (80, "Aspect"), (150, "Bbl"), (190, "Risico"), (330, "K E H"), (380, "Klasse"),
             (430, "Maatregel"), (530, "Bijw")]]
    for k in range(1, 26):
        rows.append([(50, f"R{k:02d}"), (80, "Uitvoering"), (150, "4.12"), (190, "Wapening vloer niet"),
                     (330, "3 4 2"), (380, "hoog"), (430, "Bijwoonmoment"), (530, "ja")])
        rows.append([(190, "conform tekening"), (430, "voor storten")])
    return docgen.write_pdf(path, [["Borg 4 B.V. - Risicobeoordeling B4-27-0311 - 28 april 2027"] + rows])


def test_a_risk_tables_columns_of_text_are_no_lines_running_down_the_page(tmp_path):
    from wkb_desk.ocr.preprocess import prepare

    page = render(_risk_table_pdf(tmp_path / "rb.pdf"), dpi=150)[0]
    assert prepare(scanify(page, angle=-1.5, noise=0.02)).quarter_turns == 0  # upright, as printed
    assert prepare(scanify(page.rotate(90, expand=True), angle=0.8, noise=0.02)).quarter_turns in (1, 3)
