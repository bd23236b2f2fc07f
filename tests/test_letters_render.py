"""Every template rendered with realistic data and read back as a person sees it (body, tables, headers, footers)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import docx
import pytest
from letters_support import bullet_items, docx_text, letter_workspace, png_bytes

from wkb_desk.letters.context import addressee, build_context, nl_date
from wkb_desk.letters.kinds import BY_SOORT, KINDS
from wkb_desk.letters.policy import Doc
from wkb_desk.letters.render import render
from wkb_desk.models import DossierView

PROJECT = "Woning 'De Ëik' & <schuur> \"A\""
LETTER_DAY = dt.date(2026, 3, 12)
VIEW = DossierView(
    dossier="WKB-2026-0007", verzoeknummer="2026031000123", adres="Esweg 7", postcode="7601 AB", plaats="Almelo",
    omschrijving=PROJECT, kwaliteitsborger="Borg & Zn <Twente>", instrument="WKI",
    datum_bouwmelding=dt.date(2026, 3, 10), geplande_start=dt.date(2026, 4, 20), startmelding=dt.date(2026, 4, 15),
    gereedmelding=dt.date(2026, 11, 2), ingebruikname=dt.date(2026, 11, 20),
    ontbreekt=("bijlage borgingsplan (met risicobeoordeling) bij de bouwmelding", "kwaliteitsborger in de bouwmelding"),
    melder="Fam. Ëlzinga & Zn.", melder_adres="Postweg 1", melder_postcode="7602 CD", melder_plaats="Almelo",
)
DOCS = [
    Doc(1, "bouwmelding", 0.9, "Verzoek_2026031000123.pdf", dt.date(2026, 3, 10), {"datum": "2026-03-10"}, {}, (), 1.0, False),
    Doc(2, "borgingsplan", 0.9, "Borgingsplan <concept> & bijlagen.pdf", dt.date(2026, 3, 11), {}, {}, (), 1.0, False),
]


def _render(settings, kind, view=VIEW, logo=None):
    template = (settings.paden.sjablonen / kind.sjabloon).read_bytes()
    context = build_context(settings, kind, view, DOCS, letter_date=LETTER_DAY, kenmerk="WKB-2026-0007/3",
                            ontbreekt=view.ontbreekt, to=addressee(view))
    return render(template, context, logo=logo, name=kind.sjabloon)


def test_babel_writes_dates_in_dutch():
    assert nl_date(dt.date(2025, 10, 15)) == "15 oktober 2025"
    assert nl_date(dt.date(2026, 3, 1)) == "1 maart 2026"
    assert nl_date(None) == "[onbekend]"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.soort)
def test_every_template_is_filled_dated_in_dutch_and_keeps_special_characters(workspace, tmp_path, kind):
    settings = letter_workspace(workspace)
    out = tmp_path / f"{kind.soort}.docx"
    out.write_bytes(_render(settings, kind))
    text = docx_text(out)

    assert not re.search(r"\{\{|\}\}|\{%|%\}|\{#|#\}", text), "template syntax left in the letter"
    assert "[onbekend]" not in text and "None" not in text
    assert "12 maart 2026" in text  # the letter's date, in Dutch
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # no ISO dates for people
    assert PROJECT in text  # & < > quotes and ë survive autoescaping, as plain text
    assert "Fam. Ëlzinga & Zn.\nPostweg 1\n7602 CD Almelo" in text  # the melder's correspondence address
    assert "WKB-2026-0007/3" in text and "2026031000123" in text  # kenmerk and verzoeknummer
    assert "Gemeente Hof & Weide" in text and "drs. P. de Boer" in text
    assert kind.onderwerp in text
    # The letterhead and footer are filled too.
    document = docx.Document(str(out))
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    footer = "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    assert "Gemeente Hof & Weide" in header and "Postbus 12, 7400 AA Hofweide" in header
    assert "wkb@hofweide.example.nl" in footer and "WKB-2026-0007/3" in footer

    if kind.besluit:
        assert "bezwaar" in text and "zes weken" in text
        assert "het college van burgemeester en wethouders van Hofweide, Postbus 12, 7400 AA Hofweide" in text
    else:
        assert "zes weken" not in text


@pytest.mark.parametrize("kind", [k for k in KINDS if k.soort in (
    "melding_niet_compleet", "aanvullende_informatie", "gereedmelding_onvolledig")], ids=lambda k: k.soort)
def test_what_is_missing_is_a_real_word_list(workspace, tmp_path, kind):
    settings = letter_workspace(workspace)
    out = tmp_path / "brief.docx"
    out.write_bytes(_render(settings, kind))
    assert bullet_items(out) == list(VIEW.ontbreekt)


@pytest.mark.parametrize("kind", [k for k in KINDS if k.soort in (
    "ontvangstbevestiging_bouwmelding", "bouwmelding_compleet", "melding_niet_compleet",
    "ontvangstbevestiging_gereedmelding")], ids=lambda k: k.soort)
def test_documents_received_are_table_rows(workspace, tmp_path, kind):
    settings = letter_workspace(workspace)
    out = tmp_path / "brief.docx"
    out.write_bytes(_render(settings, kind))
    document = docx.Document(str(out))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Document")
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows == [["Document", "Datum", "Bestand"],
                    ["Bouwmelding", "10 maart 2026", "Verzoek_2026031000123.pdf"],
                    ["Borgingsplan", "11 maart 2026", "Borgingsplan <concept> & bijlagen.pdf"]]


def test_unknown_addressee_gets_a_visible_placeholder(workspace, tmp_path):
    settings = letter_workspace(workspace)
    view = DossierView(**{**VIEW.__dict__, "melder": None, "melder_adres": None, "melder_postcode": None,
                         "melder_plaats": None, "melder_email": None})
    to = addressee(view)
    assert not to.known and "Wacht op adres" in to.reason
    out = tmp_path / "brief.docx"
    out.write_bytes(_render(settings, KINDS[0], view))
    text = docx_text(out)
    assert "[NAAM GEADRESSEERDE ONBEKEND – vul aan vóór verzending]" in text
    assert "[ADRES ONBEKEND – vul aan vóór verzending]" in text
    assert "Esweg 7" in text  # the project is named, but never used as the addressee
    assert "Fam." not in text.split("\n")[0]


def test_addressee_by_email_only_and_a_guessed_address_waits():
    by_mail = DossierView(dossier="WKB-2026-0001", melder="B. Bouwer", melder_email="b@bouwer.example.nl")
    to = addressee(by_mail)
    assert to.known and to.adres == "Per e-mail: b@bouwer.example.nl"
    guessed = DossierView(dossier="WKB-2026-0001", melder="B. Bouwer", melder_adres="Laan 1", melder_postcode="1234 AB",
                         melder_plaats="Ede", te_controleren=("melder_adres",))
    to = addressee(guessed)
    assert not to.known and "melder_adres is een gok" in to.reason
    assert to.adres == "Laan 1"  # made with what is known, waiting for a check


def test_logo_from_config_lands_in_the_letterhead(workspace, tmp_path):
    settings = letter_workspace(workspace)
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes())
    out = tmp_path / "brief.docx"
    out.write_bytes(_render(settings, KINDS[0], logo=logo))
    with zipfile.ZipFile(out) as zf:
        headers = [n for n in zf.namelist() if n.startswith("word/header")]
        xml = "".join(zf.read(n).decode() for n in headers if n.endswith(".xml"))
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
    assert "<w:drawing>" in xml and media
    assert "{{" not in xml


def test_a_hostile_value_stays_text(workspace, tmp_path):
    settings = letter_workspace(workspace)
    hostile = DossierView(**{**VIEW.__dict__, "omschrijving": "{{ gemeente_naam }} </w:t><w:t>x =HYPERLINK(\"a\")"})
    out = tmp_path / "brief.docx"
    out.write_bytes(_render(settings, KINDS[0], hostile))
    assert "{{ gemeente_naam }} </w:t><w:t>x =HYPERLINK(\"a\")" in docx_text(out)



@pytest.mark.parametrize("soort", ["ontvangstbevestiging_bouwmelding", "ontvangstbevestiging_startmelding",
                                   "ontvangstbevestiging_gereedmelding", "gereedmelding_onvolledig"])
def test_sentences_on_unknown_facts_are_left_out(workspace, tmp_path, soort):
    settings = letter_workspace(workspace)
    sparse = DossierView(**{**VIEW.__dict__, "kwaliteitsborger": None, "geplande_start": None, "ingebruikname": None,
                           "postcode": None})
    out = tmp_path / "brief.docx"
    out.write_bytes(_render(settings, BY_SOORT[soort], sparse))
    text = docx_text(out)
    assert "[onbekend]" not in text
    assert "Esweg 7, Almelo" in text  # the location from the parts that are known
