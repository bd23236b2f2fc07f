"""Generalisation: documents in layouts and wordings unlike the samples, made as real files.

Each case is a real PDF/DOCX/XLSX written in tmp_path, read by the project's readers and extracted.
They cover: values after a label with ':' or spaces, below the label, in table cells, two columns on
one line, label rows above value rows, dates in words, other addresses in letterhead, footer and
sender block, and label synonyms the samples do not use.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "extract"))

import docgen  # noqa: E402

from wkb_desk.config import Limits  # noqa: E402
from wkb_desk.extract import _extract, load_reference, stale_entries  # noqa: E402
from wkb_desk.readers import read_file  # noqa: E402


def run(path: Path):
    # the inner function, so that a bug fails the test instead of becoming a warning
    return _extract(read_file(path, Limits()), load_reference())


def check(x, kind: str, expected: dict) -> None:
    values = x.values()
    wrong = {k: (v, values.get(k)) for k, v in expected.items() if values.get(k) != v}
    assert x.kind == kind, (x.kind, x.kind_score, values)
    assert not wrong, f"verwacht vs gevonden: {wrong}"
    for name, fv in x.fields.items():
        assert fv.page is not None and fv.fragment, name  # provenance for every value


# --- bouwmelding by an architect: letterhead, values below labels, dates in words ----------------

def test_bouwmelding_architect_values_below_labels(tmp_path):
    path = docgen.write_pdf(tmp_path / "a.pdf", [[
        "Architectenbureau Lutke & Ter Welle",
        "Molenstraat 3 | 7511 GD Enschede | T 053 123 4567 | info@lutketerwelle.nl",
        "Enschede, 3 februari 2026",
        "Bouwmelding Wkb",
        "Bouwadres",
        "Hengelosestraat 112 A",
        "Postcode en woonplaats",
        "7514 ae Enschede",
        "Naam aanvrager",
        "Bouwbedrijf Nijhuis B.V.",
        "KvK-nummer",
        "08.123.456",
        "Toegepast instrument",
        "BKapp",
        "Naam kwaliteitsborger",
        "Kwaliteitsborging Oost",
        "Gevolgklasse",
        "GK1",
        "Datum aanvang bouwwerkzaamheden",
        "1e maart 2026",
        "Hierbij melden wij de bouwactiviteit (technisch). De melding moet ten minste vier weken voor de start",
        "van de bouwwerkzaamheden worden gedaan.",
    ]])
    x = run(path)
    check(x, "bouwmelding", {
        "straat": "Hengelosestraat", "huisnummer": "112a", "postcode": "7514 AE", "plaats": "Enschede",
        "initiatiefnemer": "Bouwbedrijf Nijhuis B.V.", "kvk": "08123456", "instrument": "BKapp",
        "kwaliteitsborger": "Kwaliteitsborging Oost", "gevolgklasse": 1, "startdatum": "2026-03-01",
    })
    assert x.missing == ()


# --- two columns on one line, sender block with its own address ----------------------------------

def test_two_column_form_keeps_project_address(tmp_path):
    path = docgen.write_pdf(tmp_path / "b.pdf", [[
        "Gemeente Tubbergen",
        "Postbus 30 · 7650 AA Tubbergen · www.tubbergen.nl",
        "Melding bouwactiviteit (technisch)",
        [(50, "Verzoeknummer: 2026031100421"), (320, "Datum melding: 11.03.2026")],
        [(50, "Type verzoek: Melding"), (320, "Gevolgklasse: 1")],
        "Gegevens aanvrager",
        [(50, "Naam: P. Oude Vrielink"), (320, "Adres: Uelserweg 4, 7651 KX Tubbergen")],
        "Locatie van het bouwwerk",
        [(50, "Straat: Kerkstraat"), (320, "Huisnummer: 7 - 2")],
        [(50, "Postcode: 7651 CE"), (320, "Plaats: Tubbergen")],
        "Kwaliteitsborging",
        [(50, "Kwaliteitsborger: Bylaer B.V."), (320, "Instrument: WKI")],
        [(50, "Geplande startdatum: 15-04-2026"), (320, "Aantal woningen: 2")],
    ]])
    x = run(path)
    check(x, "bouwmelding", {
        "verzoeknummer": "2026031100421", "datum": "2026-03-11", "straat": "Kerkstraat", "huisnummer": "7-2",
        "postcode": "7651 CE", "plaats": "Tubbergen", "kwaliteitsborger": "Bylaer", "instrument": "WKI",
        "gevolgklasse": 1, "startdatum": "2026-04-15", "aantal_bouwwerken": 2,
    })


# --- DOCX borgingsplan with table cells, KB office in header and footer ---------------------------

def test_borgingsplan_docx_tables_and_header_addresses(tmp_path):
    path = docgen.write_docx(tmp_path / "c.docx", [
        "Kwaliteitsborgingsplan",
        "Twee-onder-een-kapwoningen Het Hofje",
        [["Opgesteld op", "12 januari 2026"], ["Versie", "2.1"]],
        "Projectinformatie",
        [
            ["Adres bouwlocatie", "Dorpsstraat 21-23, 7475 AH Markelo"],
            ["Kadastraal bekend", "gemeente Markelo, sectie C, nummer 1789"],
            ["Opdrachtgever", "Familie Ten Dam"],
            ["Hoofdaannemer", "Bouwbedrijf Wolters"],
        ],
        [["Kwaliteitsborger", "The Borging Company"], ["Kwaliteitsborgingsinstrument", "Wkb Kwaliteitsborgingsinstrument (WKI)"]],
        "Bijwoonmomenten",
        [["Nr", "Fase", "Bijwoonmoment", "Aantal"], ["1", "Fundering", "Wapening", "2"], ["2", "Ruwbouw", "Dak", "2"],
         ["3", "Afbouw", "Oplevering", "1"]],
        "Steekproef",
        "Van de twee woningen wordt een steekproef van 50 % bezocht.",
    ], header=["The Borging Company", "Hengelosestraat 705, 7521 PA Enschede"],
        footer=["Postbus 100, 7500 AC Enschede - pagina 1"])
    x = run(path)
    check(x, "borgingsplan", {
        "datum": "2026-01-12", "straat": "Dorpsstraat", "huisnummer": "21-23", "postcode": "7475 AH",
        "plaats": "Markelo", "kadastraal": "Markelo C 1789", "initiatiefnemer": "Familie Ten Dam",
        "kwaliteitsborger": "The Borging Company", "instrument": "WKI", "bouwer": "Bouwbedrijf Wolters",
        "aantal_bijwoonmomenten": 3, "steekproef": "50%",
    })


# --- XLSX form: label/value rows in other columns, real Excel dates, a label row above a value row --

def test_risicobeoordeling_xlsx_form(tmp_path):
    path = docgen.write_xlsx(tmp_path / "d.xlsx", {"Risico-inventarisatie": [
        ["Risico-inventarisatie Wkb"],
        [None, "Bouwplaats", "Marktstraat 9"],
        [None, "Postcode / woonplaats", "7631 AB Ootmarsum"],
        [None, "Kwaliteitsborger", "Borg4"],
        [None, "Instrument", "WKI"],
        [None, "Datum rapport", dt.date(2026, 5, 4)],
        [],
        ["Nr", "Bbl-artikel", "Risico", "Kans", "Effect", "Herstelbaarheid", "Score"],
        [1, "4.12", "Fundering", 2, 3, 4, 24],
        [2, "4.58", "Rookmelders", 1, 5, 2, 10],
    ]})
    x = run(path)
    check(x, "risicobeoordeling", {
        "straat": "Marktstraat", "huisnummer": "9", "postcode": "7631 AB", "plaats": "Ootmarsum",
        "kwaliteitsborger": "Borg4", "instrument": "WKI", "datum": "2026-05-04", "aantal_risicos": 2,
    })


def test_label_row_above_value_row(tmp_path):
    path = docgen.write_xlsx(tmp_path / "e.xlsx", {"Melding": [
        ["Startmelding bouwwerkzaamheden"],
        ["Verzoeknummer", "Datum indiening", "Startdatum", "Hoort bij verzoek"],
        ["2026090100123", dt.date(2026, 9, 1), dt.date(2026, 9, 8), "2026070100456"],
        ["Straat", "Huisnummer", "Postcode", "Plaats"],
        ["Veldweg", "3", "7461AA", "Rijssen"],
    ]})
    x = run(path)
    check(x, "startmelding", {
        "verzoeknummer": "2026090100123", "datum": "2026-09-01", "startdatum": "2026-09-08",
        "verwijst_naar": "2026070100456", "straat": "Veldweg", "huisnummer": "3", "postcode": "7461 AA",
        "plaats": "Rijssen",
    })


# --- startmelding sent by a KB in a letter; the KB's own address is in the sender block ------------

def test_startmelding_letter_with_sender_block(tmp_path):
    path = docgen.write_pdf(tmp_path / "f.pdf", [[
        "WTT Kwaliteitsborging B.V.",
        "Demmersweg 92",
        "7556 BN Hengelo",
        "T 074 123 4567",
        "Informatie start bouwwerkzaamheden",
        "Datum: 2 oktober 2026",
        "Betreft het verzoek: 2026100200077",
        "Gekoppeld aan verzoek: 2026080300911",
        "Adres bouwlocatie: Oude Deldenerweg 14, 7557 JC Hengelo",
        "Start van de bouw: 6 okt. 2026",
        "Wij melden namens de initiatiefnemer de start van de bouwwerkzaamheden (artikel 7.7 Bbl).",
    ]])
    x = run(path)
    check(x, "startmelding", {
        "datum": "2026-10-02", "verwijst_naar": "2026080300911", "straat": "Oude Deldenerweg",
        "huisnummer": "14", "postcode": "7557 JC", "plaats": "Hengelo", "startdatum": "2026-10-06",
    })


# --- gereedmelding with a kadastraal perceel and RD coordinates instead of an address -------------

def test_gereedmelding_location_without_address(tmp_path):
    path = docgen.write_pdf(tmp_path / "g.pdf", [[
        "Omgevingsloket",
        "Gereedmelding bouwwerk",
        "Verzoeknummer 2026120500881",
        "Ingediend op 5 december 2026",
        "Activiteit: Bouwactiviteit (technisch) - gereedmelding",
        "Kadastrale aanduiding: Almelo sectie K nr. 1234",
        "RD-coördinaten: 240512, 488233",
        "Kwaliteitsborger: TÜV NORD Nederland",
        "Instrument: WKI",
        "Beoogde ingebruikname: 20-12-2026",
        "Dossier bevoegd gezag bijgevoegd: ja",
        "Verklaring kwaliteitsborger bijgevoegd: nee",
    ]])
    x = run(path)
    check(x, "gereedmelding", {
        "verzoeknummer": "2026120500881", "datum": "2026-12-05", "kadastraal": "Almelo K 1234",
        "coordinaten": "240512, 488233", "kwaliteitsborger": "TÜV Nord", "instrument": "WKI",
        "ingebruikname": "2026-12-20", "bevat_dbg": True, "bevat_verklaring": False,
    })
    assert "straat" not in x.values() and x.missing == ()


# --- verklaring in prose, negative, deviations as bullets; address only in a sentence -------------

def test_negative_verklaring_in_prose(tmp_path):
    path = docgen.write_docx(tmp_path / "h.docx", [
        "Verklaring kwaliteitsborger",
        "Dagtekening: 14-11-2026",
        "Bylaer verklaart dat voor het bouwwerk aan de Bornsestraat 8 te Almelo geen verklaring kan worden afgegeven.",
        "Instrument: WKI",
        "De volgende afwijkingen zijn niet hersteld:",
        "- Brandwerendheid trapopening onvoldoende (Bbl 4.52)",
        "- Ventilatiecapaciteit slaapkamer 2 te laag (Bbl 4.115)",
        "",
        "Het bouwwerk mag zonder verklaring niet in gebruik worden genomen.",
    ], header=["Bylaer B.V. | Europalaan 28 | 3526 KS Utrecht"])
    x = run(path)
    check(x, "verklaring", {
        "datum": "2026-11-14", "straat": "Bornsestraat", "huisnummer": "8", "plaats": "Almelo",
        "kwaliteitsborger": "Bylaer", "instrument": "WKI", "verklaring": "negatief",
    })
    assert x.values()["afwijkingen"] == [
        "Brandwerendheid trapopening onvoldoende (Bbl 4.52)",
        "Ventilatiecapaciteit slaapkamer 2 te laag (Bbl 4.115)",
    ]


def test_dossier_bevoegd_gezag_other_wording(tmp_path):
    path = docgen.write_pdf(tmp_path / "i.pdf", [[
        "Dossier bevoegd gezag (DBG)",
        "Datum 28-09-2026",
        "Locatie    Schoolstraat 2b",
        "Postcode    7491 BL",
        "Plaats    Delden",
        "BAG-ID    0164 01 0000123456",
        "Kwaliteitsborger    Borg KB",
        "Inhoud dossier",
        "Constructieve veiligheid: constructieberekening opgenomen",
        "Gelijkwaardige oplossingen: geen gelijkwaardige oplossingen toegepast",
    ]])
    x = run(path)
    check(x, "dossier_bevoegd_gezag", {
        "datum": "2026-09-28", "straat": "Schoolstraat", "huisnummer": "2b", "postcode": "7491 BL",
        "plaats": "Delden", "bag_id": "0164010000123456", "kwaliteitsborger": "Borg KB",
    })
    assert "gevolgklasse_signalen" not in x.values()  # "geen gelijkwaardige oplossingen" is no signal


def test_unknown_instrument_is_kept_and_warned(tmp_path):
    path = docgen.write_pdf(tmp_path / "j.pdf", [[
        "Borgingsplan",
        "Datum: 10-02-2026",
        "Projectadres: Kerkweg 1, 7491 AA Delden",
        "Kwaliteitsborger: Borg4",
        "Instrument: BouwGarant Plus 3.1",
        "Bijwoonmomenten",
        "Dit borgingsplan beschrijft de borging. Het pand is een rijksmonument; er is een gelijkwaardige",
        "maatregel voor de brandveiligheid toegepast.",
    ]])
    x = run(path)
    check(x, "borgingsplan", {"instrument": "BouwGarant Plus 3.1", "kwaliteitsborger": "Borg4"})
    assert any("BouwGarant Plus 3.1" in w and "referentielijst" in w for w in x.warnings)
    assert set(x.values()["gevolgklasse_signalen"]) >= {"monument", "gelijkwaardige maatregel (brand/constructie)"}


def test_missing_items_are_listed(tmp_path):
    path = docgen.write_pdf(tmp_path / "k.pdf", [[
        "Bouwmelding",
        "Verzoeknummer: 2026050500111",
        "Datum indiening: 05-05-2026",
        "Type verzoek: Melding",
        "Activiteit: Bouwactiviteit (technisch)",
        "Projectadres: (niet ingevuld)",
        "Initiatiefnemer: J. Jansen",
        "Geplande startdatum: 15-06-2026",
    ]])
    x = run(path)
    assert x.kind == "bouwmelding"
    assert x.missing == ("locatie", "kwaliteitsborger", "instrument")


def test_municipality_extends_labels_and_instruments(tmp_path):
    extra = tmp_path / "referentie"
    extra.mkdir()
    (extra / "eigen.toml").write_text(
        '[velden.locatie]\nlabels = ["perceeladres"]\n\n'
        '[[instrumenten]]\nnaam = "BouwGarant"\naliassen = ["BouwGarant Plus"]\nlaatst_gecontroleerd = 2026-03-01\n',
        encoding="utf-8",
    )
    path = docgen.write_pdf(tmp_path / "l.pdf", [[
        "Borgingsplan",
        "Datum: 10-02-2026",
        "Perceeladres: Kerkweg 1, 7491 AA Delden",
        "Kwaliteitsborger: Borg4",
        "Instrument: BouwGarant Plus 3.1",
        "Bijwoonmomenten",
    ]])
    ref = load_reference(extra)
    x = _extract(read_file(path, Limits()), ref)
    assert x.values()["instrument"] == "BouwGarant"
    assert x.values()["straat"] == "Kerkweg"
    assert not any("staat niet op de referentielijst" in w for w in x.warnings)
    assert {e.naam for e in ref.instruments} >= {"WKI", "BKapp", "KiK", "BouwGarant"}
    assert all(e.laatst_gecontroleerd for e in ref.instruments)


def test_scan_without_text_is_onleesbaar(tmp_path):
    path = docgen.write_pdf(tmp_path / "scan.pdf", [[], []])  # pages without a text layer
    x = run(path)
    assert x.kind == "onleesbaar"
    assert any("handmatig" in w for w in x.warnings)


# --- a PDF form extracted column by column: all labels first, then all values ----------------------

def test_label_column_then_value_column(tmp_path):
    path = docgen.write_pdf(tmp_path / "m.pdf", [[
        "Verklaring kwaliteitsborger",
        "Datum verklaring ........ 19-okt-2026",
        "Projectgegevens",
        "Bouwadres",
        "Postcode",
        "Woonplaats",
        "Kwaliteitsborger",
        "Van Asseltstraat 3",
        "7471 CD",
        "GOOR",
        "WTT Kwaliteitsborging",
        "Instrument ..................: WKI",
        "WTT Kwaliteitsborging verklaart dat er gerechtvaardigd vertrouwen bestaat dat het bouwwerk voldoet.",
    ]])
    x = run(path)
    check(x, "verklaring", {
        "datum": "2026-10-19", "straat": "Van Asseltstraat", "huisnummer": "3", "postcode": "7471 CD",
        "plaats": "Goor", "kwaliteitsborger": "WTT Kwaliteitsborging", "instrument": "WKI", "verklaring": "positief",
    })


# --- address on two lines without a second label; reference to the bouwmelding in a sentence -------

def test_address_continues_on_next_line_and_reference_in_prose(tmp_path):
    path = docgen.write_docx(tmp_path / "n.docx", [
        "Gereedmelding",
        "Verzoeknummer: 2026111100555",
        "Datum: 11 november 2026",
        "Locatie van het bouwwerk:",
        "Haaksbergerstraat 40-1",
        "7545 AB Enschede",
        "Deze gereedmelding hoort bij de bouwmelding met verzoeknummer 2026050100321.",
        "Kwaliteitsborger: Borg4",
        "Instrument: WKI",
        "Datum ingebruikname: 30 november 2026",
    ])
    x = run(path)
    check(x, "gereedmelding", {
        "verzoeknummer": "2026111100555", "datum": "2026-11-11", "straat": "Haaksbergerstraat",
        "huisnummer": "40-1", "postcode": "7545 AB", "plaats": "Enschede", "verwijst_naar": "2026050100321",
        "ingebruikname": "2026-11-30",
    })


def test_project_address_in_subject_line_not_the_sender(tmp_path):
    path = docgen.write_pdf(tmp_path / "o.pdf", [[
        "Bouwborg Twente",
        "Oldenzaalsestraat 14, 7602 PB Almelo",
        "Verklaring van de kwaliteitsborger",
        "Datum: 2 december 2026",
        "Betreft: woning Bornerbroeksestraat 101, 7601 BA Almelo",
        "Kwaliteitsborger: Bouwborg Twente",
        "Instrument: KiK",
        "Wij verklaren dat er gerechtvaardigd vertrouwen bestaat dat het bouwwerk voldoet aan de bouwtechnische regels.",
    ]])
    x = run(path)
    check(x, "verklaring", {
        "straat": "Bornerbroeksestraat", "huisnummer": "101", "postcode": "7601 BA", "plaats": "Almelo",
        "kwaliteitsborger": "Bouwborg Twente", "instrument": "KiK",
    })


# --- an export with questions and answers (answers after the "?" or on the next line) --------------

def test_questions_and_answers_export(tmp_path):
    path = docgen.write_pdf(tmp_path / "p.pdf", [[
        "Omgevingsloket - overzicht",
        "Verzoeknummer 2026011200123",
        "Naam verzoek Bouwen woning Kerkstraat",
        "Type verzoek Melding",
        "Ingediend op 12-01-2026",
        "Locatie",
        "Adres Kerkstraat 12, 7601AB Almelo",
        "Gegevens initiatiefnemer",
        "Naam J. de Boer",
        "Adres Dorpsweg 3, 7611 AA Aadorp",
        "Vragen en antwoorden",
        "Wie is de kwaliteitsborger?",
        "Bouwborg Twente",
        "Welk instrument voor kwaliteitsborging wordt gebruikt?",
        "WKI",
        "Wat is de datum waarop de bouwwerkzaamheden beginnen?",
        "01-03-2026",
        "Hoeveel woningen worden gebouwd? 3",
    ]])
    x = run(path)
    check(x, "bouwmelding", {
        "verzoeknummer": "2026011200123", "datum": "2026-01-12", "straat": "Kerkstraat", "huisnummer": "12",
        "postcode": "7601 AB", "plaats": "Almelo", "kwaliteitsborger": "Bouwborg Twente", "instrument": "WKI",
        "startdatum": "2026-03-01", "aantal_bouwwerken": 3, "projectnaam": "Bouwen woning Kerkstraat",
    })


def test_spreadsheet_form_with_empty_column_and_sheet_name_as_title(tmp_path):
    path = docgen.write_xlsx(tmp_path / "q.xlsx", {"Startmelding": [
        ["Verzoeknummer", None, "2026070700991"],
        ["Datum melding", None, dt.date(2026, 7, 7)],
        ["Bouwlocatie", None, "Enschedesestraat 310, 7552 CV Hengelo"],
        ["Aanvang bouwwerkzaamheden", None, dt.date(2026, 7, 13)],
        ["Behoort bij verzoek", None, "2026052002991"],
        ["Contactpersoon", None, "M. Ensink, Nijverheidstraat 2, 7511 JM Enschede"],
    ]})
    x = run(path)
    check(x, "startmelding", {
        "verzoeknummer": "2026070700991", "datum": "2026-07-07", "straat": "Enschedesestraat", "huisnummer": "310",
        "postcode": "7552 CV", "plaats": "Hengelo", "startdatum": "2026-07-13", "verwijst_naar": "2026052002991",
    })


def test_party_block_before_location_and_perceel_in_location_value(tmp_path):
    path = docgen.write_docx(tmp_path / "r.docx", [
        "Melding bouwactiviteit (technisch)",
        "Verzoeknummer: 2026030300777",
        "Datum indiening: 3 maart 2026",
        "Gegevens aanvrager",
        [["Naam", "Bouwbedrijf Haverkate B.V."], ["Adres", "Industrielaan 5"], ["Postcode", "7521 AA"],
         ["Plaats", "Enschede"], ["KvK-nummer", "12345678"]],
        "Gegevens bouwwerk",
        [["Bouwlocatie", "Zonnebloemstraat ong., kadastraal Losser sectie L nr. 234"]],
        "Kwaliteitsborging",
        [["Naam kwaliteitsborger", "The Borging Company"], ["Instrument", "WKI"]],
    ])
    x = run(path)
    check(x, "bouwmelding", {
        "verzoeknummer": "2026030300777", "initiatiefnemer": "Bouwbedrijf Haverkate B.V.", "kvk": "12345678",
        "kadastraal": "Losser L 234", "kwaliteitsborger": "The Borging Company", "instrument": "WKI",
    })
    v = x.values()
    # the applicant's address is not the project's; the site's own street has no number yet ("ong.")
    assert v.get("straat") == "Zonnebloemstraat" and "huisnummer" not in v
    assert "postcode" not in v and "plaats" not in v
    assert x.missing == ()


def test_reference_freshness_and_borger_instrument_pairs(tmp_path):
    ref = load_reference()
    assert stale_entries(ref, dt.date(2026, 2, 1)) == []
    old = stale_entries(ref, dt.date(2028, 1, 1))
    assert any("WKI" in line and "laatst gecontroleerd" in line for line in old)
    path = docgen.write_pdf(tmp_path / "s.pdf", [[
        "Borgingsplan",
        "Projectadres: Kerkweg 1, 7491 AA Delden",
        "Kwaliteitsborger: Borg4",
        "Instrument: KiK",
        "Datum: 1 februari 2026",
    ]])
    x = run(path)
    assert any("niet toegelaten voor instrument KiK" in w for w in x.warnings)


# --- two columns flowed into one line, labels without colons ---------------------------------------

def test_two_columns_without_colons(tmp_path):
    path = docgen.write_pdf(tmp_path / "t.pdf", [[
        "Stavast Kwaliteitsborging",
        "Marktstraat 3 · 7642 AJ Wierden · KvK 83917264",
        "Verklaring van de kwaliteitsborger",
        [(50, "Datum 22-11-2026"), (300, "Kenmerk SK-2026-558")],
        [(50, "Straatnaam Eibergsestraat"), (300, "Huisnummer 4-2")],
        [(50, "Postcode 7483GJ"), (300, "Plaats Haaksbergen")],
        [(50, "Kwaliteitsborger Stavast Kwaliteitsborging"), (300, "Instrument KiK - KOMO Instrument Kwaliteitsborging")],
        [(50, "Aannemer Aannemingsbedrijf Ter Braak"), (300, "Nummeraanduiding-ID 0158207133806341")],
        "Stavast Kwaliteitsborging heeft gerechtvaardigd vertrouwen dat het bouwwerk voldoet aan de bouwtechnische regels.",
    ]])
    x = run(path)
    check(x, "verklaring", {
        "datum": "2026-11-22", "straat": "Eibergsestraat", "huisnummer": "4-2", "postcode": "7483 GJ",
        "plaats": "Haaksbergen", "kwaliteitsborger": "Stavast Kwaliteitsborging", "instrument": "KiK",
        "bouwer": "Aannemingsbedrijf Ter Braak", "bag_id": "0158207133806341", "verklaring": "positief",
    })


def test_address_spread_over_a_spreadsheet_row(tmp_path):
    path = docgen.write_xlsx(tmp_path / "u.xlsx", {"DBG": [
        ["Dossier bevoegd gezag"],
        ["Project", "Woonzorg De Linde"],
        ["Adres", "Lindelaan 2", "7471 AB", "Goor"],
        ["Kwaliteitsborger", "Bylaer"],
        ["Datum", dt.date(2026, 9, 30)],
        ["Onderdeel", "Document", "Status"],
        ["Brandveiligheid", "Gelijkwaardige maatregel brandcompartimentering", "Opgenomen"],
    ]})
    x = run(path)
    check(x, "dossier_bevoegd_gezag", {
        "datum": "2026-09-30", "straat": "Lindelaan", "huisnummer": "2", "postcode": "7471 AB", "plaats": "Goor",
        "kwaliteitsborger": "Bylaer", "gevolgklasse_signalen": ["gelijkwaardige maatregel (brand/constructie)"],
    })


def test_perceel_in_three_labelled_parts(tmp_path):
    path = docgen.write_docx(tmp_path / "v.docx", [
        "Gereedmelding",
        [["Verzoeknummer", "2026120500881"], ["Datum indiening", "5-12-2026"], ["Kadastrale gemeente", "Almelo"],
         ["Sectie", "K"], ["Perceelnummer", "1234"], ["Geplande ingebruikname", "20 december 2026"]],
    ])
    x = run(path)
    check(x, "gereedmelding", {"verzoeknummer": "2026120500881", "kadastraal": "Almelo K 1234",
                               "ingebruikname": "2026-12-20", "datum": "2026-12-05"})
    assert x.missing == ()


def test_negative_verklaring_with_deviation_table(tmp_path):
    path = docgen.write_docx(tmp_path / "w.docx", [
        "Verklaring kwaliteitsborger",
        [["Datum", "14-11-2026"], ["Projectadres", "Kerkweg 1, 7491 AA Delden"], ["Kwaliteitsborger", "Borg4"],
         ["Instrument", "WKI"]],
        "Er is geen verklaring afgegeven.",
        "Openstaande afwijkingen",
        [["Nr", "Afwijking", "Bbl", "Status"], ["1", "Balustrade te laag", "4.65", "Open"],
         ["2", "Doorvoeringen niet brandwerend afgedicht", "4.41", "Open"]],
        "Hoogachtend,",
        "J. Jansen",
    ])
    x = run(path)
    check(x, "verklaring", {"verklaring": "negatief", "straat": "Kerkweg", "kwaliteitsborger": "Borg4"})
    assert x.values()["afwijkingen"] == ["Balustrade te laag", "Doorvoeringen niet brandwerend afgedicht"]


def test_attachments_marked_absent_are_not_listed(tmp_path):
    path = docgen.write_pdf(tmp_path / "x.pdf", [[
        "Melding bouwactiviteit (technisch)",
        "Verzoeknummer: 2026030300777",
        "Type verzoek: Melding",
        "Projectadres: Kerkweg 1, 7491 AA Delden",
        "Kwaliteitsborger: Borg4",
        "Instrument: WKI",
        "Bijgevoegde documenten",
        "Borgingsplan: ja",
        "Risicobeoordeling: nee (volgt)",
    ]])
    x = run(path)
    assert x.kind == "bouwmelding"
    assert x.values()["bijlagen"] == ["borgingsplan"]


def test_letterhead_kvk_is_not_the_applicants(tmp_path):
    path = docgen.write_pdf(tmp_path / "y.pdf", [[
        "SK Stavast Kwaliteitsborging",
        "Kwaliteitsborger bouw",
        "Marktstraat 3",
        "7642 AJ Wierden",
        "KvK 83917264",
        "T 041 383 4943",
        "info@stavastkwaliteitsborging.nl",
        "Datum 22-11-2026",
        "Borgingsplan",
        "In opdracht van Woonstichting Twentehuis borgt Stavast Kwaliteitsborging de bouwtechnische kwaliteit van het",
        "project Nijrees fase 2. Dit plan hoort bij de bouwmelding voor de bouwactiviteit (technisch).",
        "Projectadres Eibergsestraat 4-2, 7483 GJ Haaksbergen",
        "Instrument KiK",
    ]])
    x = run(path)
    v = x.values()
    assert x.kind == "borgingsplan"
    assert "kvk" not in v
    assert v["initiatiefnemer"] == "Woonstichting Twentehuis" and v["kwaliteitsborger"] == "Stavast Kwaliteitsborging"
    assert v.get("projectnaam", "Nijrees fase 2") == "Nijrees fase 2"
    assert (v["straat"], v["plaats"]) == ("Eibergsestraat", "Haaksbergen")


def test_project_name_with_abbreviations_is_kept_whole(tmp_path):
    path = docgen.write_pdf(tmp_path / "melding.pdf", [[
        "Omgevingsloket", "Bouwmelding - Bouwactiviteit (technisch)", "Verzoeknummer: 2026031000123",
        "Naam project: Nieuwbouw vrijstaande woning fam. Jansen", "Projectadres: Esweg 7",
        "Postcode en plaats: 7601 AB Almelo",
    ]])
    assert run(path).fields["projectnaam"].value == "Nieuwbouw vrijstaande woning fam. Jansen"
