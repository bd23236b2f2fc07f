"""PDF pages whose text is drawn in pieces: words one by one with justified spaces, letters one by one with
letter spacing in a condensed face, a value set a few points above its label in another size, a diagonal stamp
over the page. The reader gives the words, lines and cells a person sees (readers/pdf_layout.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wkb_desk.config import Limits
from wkb_desk.extract import _extract, load_reference
from wkb_desk.readers import read_file

canvas = pytest.importorskip("reportlab.pdfgen.canvas")


def _draw_words(c, x: float, y: float, words: list[str], font: str, size: float, space: float) -> float:
    """Each word its own text object, `space` points apart (justified text)."""
    for word in words:
        c.setFont(font, size)
        c.drawString(x, y, word)
        x += c.stringWidth(word, font, size) + space
    return x


def _draw_letters(c, x: float, y: float, text: str, font: str, size: float, tracking: float, scale: float) -> None:
    """Each letter its own text object, condensed to `scale` and `tracking` points apart; a space is a skip."""
    for ch in text:
        width = c.stringWidth(ch, font, size) * scale
        if ch != " ":
            t = c.beginText(x, y)
            t.setFont(font, size)
            t.setHorizScale(scale * 100)
            t.textOut(ch)
            c.drawText(t)
        x += width + tracking


def _page(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, 790, "Melding Bouwactiviteit (technisch)")
    # labels set flush right in 7.5 pt, values 3.5 pt higher in 10 pt Times
    rows = [("Verzoeknummer", "2027041900356"), ("Datum indiening", "19.4.2027"),
            ("Adres bouwlocatie", "Kanaalpark 157"), ("Postcode / plaats", "2321 JW Leiden"),
            ("Kwaliteitsborger", "Borg4 B.V."), ("Instrument", "WKI"), ("Naam initiatiefnemer", "L. el Amrani")]
    y = 750
    for label, value in rows:
        c.setFont("Helvetica", 7.5)
        c.drawRightString(180, y, label)
        _draw_words(c, 188, y + 3.5, value.split(), "Times-Roman", 10, 4.2)
        y -= 16
    # justified prose: wide spaces between words drawn one by one
    _draw_words(c, 50, 580, "Hierbij melden wij de bouwactiviteit voor het project Kanaalpark.".split(), "Times-Roman",
                10, 9.0)
    # a sentence drawn letter by letter, condensed, with letter spacing (last: the scale stays in the page's state)
    _draw_letters(c, 50, 600, "De bouw start op 1 juni 2027 aan de Kanaalpark 157 te Leiden.", "Times-Roman", 10, 0.7, 0.8)
    c.saveState()  # a diagonal stamp over the form
    c.translate(300, 650)
    c.rotate(35)
    c.setFont("Helvetica-Bold", 40)
    c.drawString(0, 0, "ONTVANGEN")
    c.restoreState()
    c.showPage()
    c.save()
    return path


def test_pieces_of_text_come_out_as_the_words_and_lines_on_the_page(tmp_path):
    text = read_file(_page(tmp_path / "melding.pdf"), Limits()).pages[0].text
    lines = text.splitlines()
    assert "Verzoeknummer\t2027041900356" in lines  # label and value on one line, a cell apart
    assert "Adres bouwlocatie\tKanaalpark 157" in lines  # the value's words one cell
    assert "Naam initiatiefnemer\tL. el Amrani" in lines
    assert "De bouw start op 1 juni 2027 aan de Kanaalpark 157 te Leiden." in lines  # letters made words
    assert "Hierbij melden wij de bouwactiviteit voor het project Kanaalpark." in lines  # wide spaces are spaces
    assert "ONTVANGEN" not in text and not any(len(ln.strip()) == 1 for ln in lines)  # the stamp is no text


def test_a_form_drawn_in_pieces_is_read_as_any_form(tmp_path):
    x = _extract(read_file(_page(tmp_path / "melding.pdf"), Limits()), load_reference())
    values = x.values()
    assert x.kind == "bouwmelding"
    assert {k: values.get(k) for k in ("verzoeknummer", "straat", "huisnummer", "postcode", "plaats",
                                       "initiatiefnemer", "kwaliteitsborger")} == {
        "verzoeknummer": "2027041900356", "straat": "Kanaalpark", "huisnummer": "157", "postcode": "2321 JW",
        "plaats": "Leiden", "initiatiefnemer": "L. el Amrani", "kwaliteitsborger": "Borg4"}


def test_a_hyphen_at_a_line_end_stays(tmp_path):
    c = canvas.Canvas(str(tmp_path / "bp.pdf"), pagesize=(595, 842))
    c.setFont("Helvetica", 10)
    c.drawString(50, 780, "Opdracht-")
    c.drawString(150, 780, "Dhr. J.W. Kramer")
    c.drawString(50, 768, "gever")
    c.showPage()
    c.save()
    text = read_file(tmp_path / "bp.pdf", Limits()).pages[0].text
    assert "Opdracht-" in text


def test_two_columns_of_flush_right_labels_are_read_column_by_column(tmp_path):
    c = canvas.Canvas(str(tmp_path / "g.pdf"), pagesize=(595, 842))
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 800, "Gereedmelding")
    left = [("Locatie", None), ("Adres", "Spoorweg 118-2"), ("Postcode", "2321 KM"), ("Plaats", "Leiden")]
    right = [("Kwaliteitsborging", None), ("Kwaliteitsborger", "Borg4 B.V."), ("Verwachte ingebruikname", "6-9-2027"),
             ("Verklaring kwaliteitsborger", "bijgevoegd")]
    y = 770
    for (ll, lv), (rl, rv) in zip(left, right):
        for label, value, edge in ((ll, lv, 140), (rl, rv, 420)):
            c.setFont("Helvetica-Bold" if value is None else "Helvetica", 9)
            if value is None:
                c.drawString(edge - 80, y, label)
            else:
                c.drawRightString(edge, y, label)
                c.drawString(edge + 8, y, value)
        y -= 14
    c.showPage()
    c.save()
    x = _extract(read_file(tmp_path / "g.pdf", Limits()), load_reference())
    values = x.values()
    assert x.kind == "gereedmelding"
    assert (values.get("straat"), values.get("huisnummer"), values.get("plaats"), values.get("ingebruikname")) == (
        "Spoorweg", "118-2", "Leiden", "2027-09-06")
