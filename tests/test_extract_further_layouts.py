"""Error classes found on a further set written by others (issue 11): a builder's letter that announces the start in
sentences only, a plain mail that joins labels and values with "=", a sentence that names two DSO numbers, the
party a builder writes for, an address in a sentence after a firm's legal form, Amsterdam-style house numbers, an
office address on a form's instruction sheet, and the owner's intended day of use; from a third set: a group's name
beside its label in a merged cell, the role a portal names, fact sheets with a heading per field, sections lettered
"C", a name that starts with "Van". Our own wordings throughout."""

from __future__ import annotations

import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "extract"))

import docgen  # noqa: E402

from wkb_desk.config import Limits  # noqa: E402
from wkb_desk.extract import _extract, load_reference  # noqa: E402
from wkb_desk.readers import read_file  # noqa: E402


def run(path: Path):
    return _extract(read_file(path, Limits()), load_reference())


def _mail(path: Path, subject: str, body: str) -> Path:
    msg = EmailMessage()
    msg["From"] = "Jan Bakker <jan@bakkerbouw.example>"
    msg["To"] = "vth@gemeente.example"
    msg["Date"] = "Mon, 05 Jul 2027 08:15:00 +0200"
    msg["Subject"] = subject
    msg.set_content(body)
    path.write_bytes(bytes(msg))
    return path


_LETTERHEAD = [
    "Aannemersbedrijf Van Dijk",
    "Industrieweg 3 - 8071 CS Nunspeet - 0341 - 25 25 25",
    "Gemeente Nunspeet",
    "Postbus 79",
    "8070 AB Nunspeet",
    "Nunspeet, 28 juni 2027",
    "Geachte heer, mevrouw,",
]


def test_a_builders_letter_whose_start_date_runs_over_the_line_end_is_a_startmelding(tmp_path):
    # no title, no subject: the letter says what it is in one sentence, wrapped in the middle of its date
    path = docgen.write_pdf(tmp_path / "brief.pdf", [_LETTERHEAD + [
        "In opdracht van mevrouw Els Hoekstra bouwen wij een woning aan de Veldweg 12, 8072 PK Nunspeet.",
        "Met deze brief laten wij u weten dat wij op maandag 5 juli",
        "2027 met de bouwwerkzaamheden beginnen; eerst wordt de bouwput ontgraven.",
        "De bouwmelding is bekend onder verzoeknummer 2027051000233.",
        "Heeft u vragen, dan kunt u mij bellen op 06 - 1234 5678.",
        "Met vriendelijke groet,",
        "Piet van Dijk",
    ]])
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["startdatum"] == "2027-07-05"
    assert values["verwijst_naar"] == "2027051000233"
    assert values["straat"] == "Veldweg" and values["huisnummer"] == "12"


def test_a_letter_that_names_the_duty_it_fulfils_and_the_borger_in_a_sentence(tmp_path):
    path = docgen.write_pdf(tmp_path / "start.pdf", [_LETTERHEAD + [
        "Namens onze opdrachtgever, de heer Karel Mulder, laten wij u weten dat wij op woensdag 7",
        "juli 2027 beginnen met de bouw van de schuur aan de Veldweg 14 in Nunspeet (postcode 8072 PK).",
        "Borg4 houdt als kwaliteitsborger toezicht op de uitvoering.",
        "Met deze brief voldoen wij aan de informatieplicht van artikel 7.7 van het Besluit bouwwerken leefomgeving.",
        "Met vriendelijke groet,",
        "Piet van Dijk",
    ]])
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["initiatiefnemer"] == "Karel Mulder"
    assert values["kwaliteitsborger"] == "Borg4"
    assert values["startdatum"] == "2027-07-07"


def test_the_borger_named_between_commas(tmp_path):
    path = docgen.write_pdf(tmp_path / "start.pdf", [_LETTERHEAD + [
        "Wij beginnen op maandag 12 juli 2027 met de bouw aan de Veldweg 16, 8072 PK Nunspeet.",
        "De kwaliteitsborger, Kwaliteitsborging Oost, is van de startdatum op de hoogte.",
        "Met vriendelijke groet,",
        "Piet van Dijk",
    ]])
    assert run(path).values().get("kwaliteitsborger") == "Kwaliteitsborging Oost"


def test_a_plain_mail_with_labels_and_values_joined_by_equals_signs(tmp_path):
    path = _mail(tmp_path / "start.eml", "startmelding 2027070500118",
                 "Goedemorgen,\n\nZoals gevraagd de gegevens van de startmelding:\n\n"
                 "Verzoeknummer = 2027070500118\nBouwmelding = 2027060100412\n"
                 "Opdrachtgever = Veluwse Woningbouw B.V.\nStart bouw = 12-7-2027\n\nGroet, Jan Bakker\n")
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["verzoeknummer"] == "2027070500118"
    assert values["verwijst_naar"] == "2027060100412"
    assert values["initiatiefnemer"] == "Veluwse Woningbouw B.V."
    assert values["startdatum"] == "2027-07-12"


def test_a_formula_typed_into_a_mail_is_no_label(tmp_path):
    path = _mail(tmp_path / "vraag.eml", "Vraag over de leges",
                 "Goedemiddag,\n\n=HYPERLINK(\"http://x.example\") staat in mijn overzicht.\nHoe kan dat?\n\nJan\n")
    x = run(path)
    assert x.kind == "onbekend"


def test_a_sentence_with_the_notices_own_number_and_the_bouwmeldings_number(tmp_path):
    path = _mail(tmp_path / "fw.eml", "startmelding Veldweg 18",
                 "Hoi,\n\nWij starten op dinsdag 13 juli 2027 met de bouw van twee woningen aan de Veldweg 18\n"
                 "in Nunspeet (8072 PK). De startmelding heb ik net in het Omgevingsloket gedaan,\n"
                 "verzoeknummer 2027070500291 (de bouwmelding was 2027051700126).\n\nGroet,\nJan Bakker\n")
    values = run(path).values()
    assert values.get("verzoeknummer") == "2027070500291"
    assert values.get("verwijst_naar") == "2027051700126"


def test_one_number_in_a_gereedmelding_mail_stays_the_bouwmeldings(tmp_path):
    # a notice by mail has no DSO number of its own: the one it names is the project's bouwmelding
    path = _mail(tmp_path / "gereed.eml", "Gereedmelding Veldweg 20",
                 "Geachte heer, mevrouw,\n\nHierbij melden wij de bouw gereed voor het project met verzoeknummer "
                 "2027030100128 aan de Veldweg 20, 8072 PK Nunspeet. De woning wordt op 1 oktober 2027 in gebruik "
                 "genomen.\n\nMet vriendelijke groet,\nJan Bakker\n")
    x = run(path)
    assert x.kind == "gereedmelding", (x.kind, x.kind_score)
    assert x.values().get("verwijst_naar") == "2027030100128"


def test_the_party_a_builder_writes_for_and_the_site_after_its_legal_form(tmp_path):
    # "B.V." before the site marks a footer's office address only when the address follows it directly
    path = docgen.write_docx(tmp_path / "brief.docx", _LETTERHEAD + [
        "Aankondiging start bouwwerkzaamheden",
        "Namens Veluwse Bedrijfshallen B.V. berichten wij u dat de bouw van de bedrijfsunits aan de Havenweg 8-2 "
        "in Nunspeet (8071 RT) op maandag 19 juli 2027 van start gaat.",
        "Met vriendelijke groet,",
        "Piet van Dijk",
    ])
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["initiatiefnemer"] == "Veluwse Bedrijfshallen B.V."
    assert (values.get("straat"), values.get("huisnummer"), values.get("postcode"), values.get("plaats")) == \
        ("Havenweg", "8-2", "8071 RT", "Nunspeet")


def test_a_footer_with_a_firm_right_before_its_address_is_no_site(tmp_path):
    path = docgen.write_pdf(tmp_path / "start.pdf", [_LETTERHEAD + [
        "Wij beginnen op maandag 12 juli 2027 met de bouw, verzoek 2027060100412.",
        "Met vriendelijke groet,",
        "Piet van Dijk",
        "Aannemersbedrijf Van Dijk B.V., Industrieweg 3, 8071 CS Nunspeet - KvK 12345678 - www.vandijk.example",
    ]])
    values = run(path).values()
    assert values.get("straat") != "Industrieweg"


def test_a_house_number_with_hs_glued_or_in_capitals(tmp_path):
    from wkb_desk.extract import normalize as nz

    for written in ("Zeilmakerstraat 7hs", "Zeilmakerstraat 7 hs", "Zeilmakerstraat 7 HS, 1506 AB Zaandam"):
        parts = nz.parse_address(written)
        assert (parts["straat"], parts["huisnummer"]) == ("Zeilmakerstraat", "7-hs"), written
    assert nz.parse_address("Kerkstraat 12 Hoorn")["plaats"] == "Hoorn"  # a place that starts with Hs-letters stays


def test_an_office_address_on_a_forms_instruction_sheet_is_no_site(tmp_path):
    path = docgen.write_xlsx(tmp_path / "risico.xlsx", {
        "Uitleg": [["Werkwijze risicobeoordeling"],
                   ["1. Op het tweede blad staan de projectgegevens."],
                   ["2. Borg4, Stationsweg 9, 3771 AB Barneveld."]],
        "Project": [["Risicobeoordeling"], ["Kenmerk", None, "B4-2027-031"], ["Locatie", None, "kavel 12, plan De Eng"],
                    ["Woonplaats", None, "Voorthuizen"], ["Kadastraal", None, "Barneveld K 1234"],
                    ["Kwaliteitsborger", None, "Borg4"], ["Instrument", None, "WKI"]],
    })
    x = run(path)
    assert x.kind == "risicobeoordeling", (x.kind, x.kind_score)
    values = x.values()
    assert values["plaats"] == "Voorthuizen"
    assert not {"straat", "huisnummer", "postcode"} & set(values), values


def test_the_owners_intended_day_of_use_in_a_gereedmelding_letter_is_a_fact(tmp_path):
    path = _mail(tmp_path / "gereed.eml", "RE: gereedmelding Havenweg 8",
                 "Geachte heer, mevrouw,\n\nHierbij melden wij, namens Veluwse Bedrijfshallen B.V., de hal aan de "
                 "Havenweg 8, 8071 RT Nunspeet gereed. De gereedmelding is vandaag ingediend onder verzoeknummer "
                 "2027070500921 en hoort bij de bouwmelding 2027011100809.\n\n"
                 "Veluwse Bedrijfshallen wil de hal op 26/07/2027 in gebruik nemen.\n\nMet vriendelijke groet,\nJan Bakker\n")
    x = run(path)
    assert x.kind == "gereedmelding", (x.kind, x.kind_score)
    use = x.fields["ingebruikname"]
    assert use.value == "2027-07-26" and use.confidence >= 0.8  # the melder's statement, not a guess to check


def test_a_bare_request_number_beside_its_date_in_the_next_cell():
    from wkb_desk.extract import normalize as nz

    assert nz.normalize_verzoeknummer("2027051000276\t10-05-2027") == "2027051000276"
    assert nz.normalize_verzoeknummer("2027 0510 00276") == "2027051000276"  # spread over the line by a scan


def test_the_party_named_with_its_title_and_the_borging_that_lies_with_a_borger(tmp_path):
    path = docgen.write_docx(tmp_path / "gereed.docx", _LETTERHEAD + [
        "Gereedmelding woning",
        "Namens mevrouw Els Hoekstra melden wij u dat de woning aan de Veldweg 12, 8072 PK Nunspeet gereed is.",
        "De kwaliteitsborging ligt bij Kwaliteitsborging Oost. Mevrouw Hoekstra wil de woning op maandag 8 november "
        "2027 betrekken.",
        "Met vriendelijke groet,",
        "Piet van Dijk",
    ])
    x = run(path)
    assert x.kind == "gereedmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["initiatiefnemer"] == "Els Hoekstra"
    assert values["kwaliteitsborger"] == "Kwaliteitsborging Oost"


def test_a_kvk_number_in_brackets_after_the_initiatiefnemer(tmp_path):
    path = docgen.write_docx(tmp_path / "melding.docx", [
        "Bouwmelding",
        [["Initiatiefnemer", "Veluwse Woningbouw B.V. (KvK 90123456)"], ["Bouwadres", "Veldweg 12, 8072 PK Nunspeet"],
         ["Kwaliteitsborger", "Borg4"], ["Instrument", "WKI"], ["Start bouw", "12-07-2027"]],
    ])
    values = run(path).values()
    assert values["initiatiefnemer"] == "Veluwse Woningbouw B.V."
    assert values["kvk"] == "90123456"


def test_a_groups_name_beside_its_label_and_value_in_merged_cells(tmp_path):
    path = docgen.write_docx(tmp_path / "melding.docx", ["Meldingsformulier bouwactiviteit", [
        ["Bouwadres", "Straat en huisnummer", "Dorpsweg 4-1"], ["", "Postcode en plaats", "6721 AB  Bennekom"],
        ["Kadastraal perceel", "Kadastrale gemeente", "Bennekom"], ["", "Sectie en nummer", "K 812"],
        ["Initiatiefnemer", "Naam / organisatie", "Woonstichting De Vallei"], ["", "KvK-nummer", "41045870"],
        ["Kwaliteitsborger", "Naam", "Borg4 B.V."], ["", "Instrument", "Kwaliteitsborgingsinstrument WKI"]]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["initiatiefnemer"] == "Woonstichting De Vallei"
    assert values["kadastraal"] == "Bennekom K 812"
    assert values["kvk"] == "41045870" and values["kwaliteitsborger"] == "Borg4" and values["instrument"] == "WKI"


def test_an_unlisted_instrument_in_a_cell_that_starts_with_a_label_word(tmp_path):
    path = docgen.write_pdf(tmp_path / "dbg.pdf", [[
        "Dossier bevoegd gezag", "Projectgegevens",
        [(50, "Locatie"), (200, "Dorpsweg 8, 8166 AB Emst")], [(50, "Kwaliteitsborger"), (200, "Bouwborg Twente")],
        [(50, "Instrument"), (200, "Kwaliteitsborgingsinstrument BouwCheck Pro")],
    ]])
    assert run(path).values().get("instrument") == "BouwCheck Pro"


@pytest.mark.parametrize("role, field, value", [("Initiatiefnemer", "initiatiefnemer", "Van Dam Agrarisch Vastgoed B.V."),
                                                ("Kwaliteitsborger", "kwaliteitsborger", "WTT Kwaliteitsborging")])
def test_the_role_a_portal_names_says_whose_name_it_is(tmp_path, role, field, value):
    name = "Van Dam Agrarisch Vastgoed B.V." if role == "Initiatiefnemer" else "WTT Kwaliteitsborging B.V."
    path = docgen.write_pdf(tmp_path / "overzicht.pdf", [[
        "Overzicht van uw verzoek", "Informatie start bouwwerkzaamheden", "Gegevens verzoek",
        [(50, "Verzoeknummer"), (250, "2027030800348")], [(50, "Verzoeknummer bouwmelding"), (250, "2027022200338")],
        "Locatie", [(50, "Straatnaam"), (250, "Dorpsweg")], [(50, "Huisnummer"), (250, "31")],
        [(50, "Postcode"), (250, "3781 AB")], [(50, "Woonplaats"), (250, "Voorthuizen")],
        "Ingediend door", [(50, "Rol"), (250, role)], [(50, "Naam"), (250, name)],
        "Start bouwwerkzaamheden", [(50, "Datum start bouwwerkzaamheden"), (250, "15-03-2027")],
    ]])
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    assert x.values().get(field) == value


def test_a_fact_sheet_with_a_heading_over_each_value_is_one_site(tmp_path):
    # each caps label reads as a block's heading; "PROJECT" and "BOUWLOCATIE" are both the project's
    path = docgen.write_pdf(tmp_path / "plan.pdf", [[
        "Borgingsplan", "PROJECT", "Werktuigenberging Dorpsweg", "POSTCODE / PLAATS", "3781 AB Voorthuizen",
        "OPDRACHTGEVER", "Van Dam Agrarisch Vastgoed B.V.", "KWALITEITSBORGER", "Stavast Kwaliteitsborging",
        "BOUWLOCATIE", "Dorpsweg 31 A", "INSTRUMENT", "KiK",
    ]])
    x = run(path)
    assert x.kind == "borgingsplan", (x.kind, x.kind_score)
    values = x.values()
    assert (values.get("straat"), values.get("huisnummer"), values.get("postcode"), values.get("plaats")) == \
        ("Dorpsweg", "31a", "3781 AB", "Voorthuizen")
    assert values.get("initiatiefnemer") == "Van Dam Agrarisch Vastgoed B.V."  # "Van" opens a name, no mail header


def test_sections_lettered_without_a_stop(tmp_path):
    path = docgen.write_xlsx(tmp_path / "melding.xlsx", {"Melding": [
        ["Melding bouwactiviteit - Wet kwaliteitsborging voor het bouwen"],
        ["A  Locatie van het bouwwerk"], ["Straat en huisnummer", None, "Dorpsweg 3"], ["Postcode", None, "7339AB"],
        ["Plaats", None, "Ugchelen"], ["C  Initiatiefnemer"], ["Naam", None, "Stichting Woonzorg De Hof"],
        ["E  Kwaliteitsborging"], ["Kwaliteitsborger", None, "Borg4"], ["Instrument", None, "WKI"],
    ]})
    assert run(path).values().get("initiatiefnemer") == "Stichting Woonzorg De Hof"


def test_a_private_melder_who_writes_of_their_own_house(tmp_path):
    path = docgen.write_docx(tmp_path / "start.docx", [
        "Melding start bouwwerkzaamheden", "Ermelo, maandag 22 februari 2027", "Geachte heer, mevrouw,",
        "Hierbij meld ik de start van de bouwwerkzaamheden voor mijn nieuwe woning.",
        [["Naam melder", "Marieke Verbeek"], ["Bouwadres", "Dorpsweg 12-1"], ["Postcode", "3853 AB"],
         ["Plaats", "Ermelo"], ["Bouwmelding", "2027011100391"], ["Start bouw", "1 maart '27"]],
    ])
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    c = x.fields["initiatiefnemer"]
    assert c.value == "Marieke Verbeek" and c.confidence < 0.7  # a guess to check, not a fact


def test_a_name_with_an_apostrophe_in_a_sentence(tmp_path):
    path = docgen.write_pdf(tmp_path / "plan.pdf", [[
        "Borgingsplan", "2.1 Projectgegevens",
        "Het project omvat de nieuwbouw van een vrijstaande woning aan de Dorpsweg 9, 8075 AB Elspeet.",
        "Initiatiefnemer en opdrachtgever is Dirk van 't Veld.",
        "Stavast Kwaliteitsborging borgt de bouwtechnische kwaliteit met het instrument KiK.",
    ]])
    assert run(path).values().get("initiatiefnemer") == "Dirk van 't Veld"


def test_a_start_letter_whose_number_is_the_bouwmeldings_in_a_long_sentence(tmp_path):
    path = docgen.write_pdf(tmp_path / "brief.pdf", [_LETTERHEAD + [
        "Onderwerp: aanvang bouwwerkzaamheden De Haven",
        "Hierbij melden wij u dat op maandag 3 mei 2027 wordt aangevangen met de bouw",
        "van twaalf woningen aan de Havenkade 14 te 4461 AB Goes.",
        "De bouwmelding voor dit project hebben wij op 8 maart 2027 via het",
        "Omgevingsloket ingediend; het verzoek is daar geregistreerd onder nummer",
        "2027030801304. Sindsdien is het ontwerp niet gewijzigd.",
        "Hoogachtend,",
        "P. Dekker",
    ]])
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values.get("startdatum") == "2027-05-03"
    assert values.get("verwijst_naar") == "2027030801304" and "verzoeknummer" not in values


def test_labels_written_as_sentences(tmp_path):
    path = docgen.write_pdf(tmp_path / "plan.pdf", [[
        "Borgingsplan", "2. Projectgegevens",
        "De initiatiefnemer is Kwekerij De Wit Westland B.V.",
        "Het KvK-nummer van de initiatiefnemer is 27254910.",
        "Het correspondentieadres van de initiatiefnemer is Tuinweg 21, 2671 DX Naaldwijk.",
        "Het adres van het bouwwerk is Tuinweg 23 D.",
        "De postcode is 2671 DX.",
        "De woonplaats is Naaldwijk.",
        "3. Kwaliteitsborging",
        "De kwaliteitsborger is Borg4.",
        "Het kantoor van de kwaliteitsborger is gevestigd op het adres Kerkweg 1, 2332 AA Leiden.",
        "Het toegepaste instrument voor kwaliteitsborging is Kwaliteitsborgingsinstrument WKI.",
    ]])
    x = run(path)
    assert x.kind == "borgingsplan", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("initiatiefnemer", "kvk", "straat", "huisnummer", "postcode", "plaats",
                                        "kwaliteitsborger", "instrument")} == {
        "initiatiefnemer": "Kwekerij De Wit Westland B.V.", "kvk": "27254910", "straat": "Tuinweg",
        "huisnummer": "23d", "postcode": "2671 DX", "plaats": "Naaldwijk", "kwaliteitsborger": "Borg4",
        "instrument": "WKI"}
    assert x.fields["straat"].confidence >= 0.8  # as sure as a form's label


def test_a_bilingual_form_with_headings_translated_in_brackets(tmp_path):
    # the Dutch heading in brackets names the block; the project's other houses are no site address
    path = docgen.write_pdf(tmp_path / "melding.pdf", [[
        "Melding bouwaktiviteit (Melding bouwactiviteit)",
        "LOKAASJE (LOCATIE)",
        [(50, "Strjitte (Straat)"), (200, "Húsnûmer (Huisnummer)"), (330, "Postkoade (Postcode)"), (460, "Plak (Woonplaats)")],
        [(50, "Buorren"), (200, "3"), (330, "8495 KS"), (460, "Aldeboarn")],
        [(50, "BAG-ID (Nummeraanduiding, earste wenning / eerste woning)"), (380, "Kadastrale oantsjutting (Kadastrale aanduiding)")],
        [(50, "0074200000341126"), (380, "Utingeradeel H 1120")],
        "Oare adressen (Overige adressen)",
        "Buorren 5, 7 en 9",
        "INISJATYFNIMMER (INITIATIEFNEMER)",
        [(50, "Namme (Naam)"), (330, "KvK-nûmer (KvK-nummer)")],
        [(50, "Stichting Wenjen Boarn"), (330, "41002370")],
        "KWALITEITSBORGING",
        [(50, "Kwaliteitsborger"), (330, "Ynstrumint (Instrument)")],
        [(50, "WTT Kwaliteitsborging"), (330, "Kwaliteitsborgingsinstrument WKI")],
    ]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "bag_id", "kadastraal", "initiatiefnemer", "kvk")} == {
        "straat": "Buorren", "huisnummer": "3", "bag_id": "0074200000341126", "kadastraal": "Utingeradeel H 1120",
        "initiatiefnemer": "Stichting Wenjen Boarn", "kvk": "41002370"}


def test_a_holiday_homes_postal_address_in_a_sentence_is_the_site(tmp_path):
    # the owner's office is a party's address; the bungalow's own postal address is where it is built
    path = docgen.write_pdf(tmp_path / "plan.pdf", [[
        "Borgingsplan kwaliteitsborging Wkb", "1. Inleiding",
        "In opdracht van Duinpark Texel B.V. voert Kiwa Nederland B.V. de kwaliteitsborging uit voor de bouw van een",
        "recreatiewoning op Recreatiepark De Duinen. Het postadres van de bungalow is Duinweg 6-214, 1795 JV De",
        "Cocksdorp (BAG-nummeraanduiding 0448200000790299, kadastraal Texel F 4471). Het bouwwerk valt in",
        "gevolgklasse 1. Kiwa werkt met het KOMO Instrument Kwaliteitsborging (KiK).",
        "3. Contact",
        "Opdrachtgever: Duinpark Texel B.V., Postadres: Postbus 12, 1790 AA Den Burg.",
    ]])
    values = run(path).values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "postcode", "plaats", "bag_id")} == {
        "straat": "Duinweg", "huisnummer": "6-214", "postcode": "1795 JV", "plaats": "De Cocksdorp",
        "bag_id": "0448200000790299"}


def test_a_form_with_help_text_under_each_label(tmp_path):
    # "Huisnummer *" / "Vul ook een toevoeging in als die er is" / "31": the help text is no label and no value
    path = docgen.write_pdf(tmp_path / "melding.pdf", [[
        "Formulier Bouwmelding Wkb (gevolgklasse 1)",
        "Velden met een * zijn verplicht. De kleine tekst onder een vraag helpt u bij het invullen.",
        "Bouwlocatie",
        "Straatnaam *", "Het adres van de bouwlocatie, niet uw eigen adres", "Kerkakker",
        "Huisnummer *", "Vul ook een toevoeging in als die er is", "31",
        "Postcode", "4 cijfers en 2 letters", "5706ls",
        "Plaats", "De woonplaats van de bouwlocatie", "Helmond",
        "BAG-nummeraanduiding", "16 cijfers, te vinden op bagviewer.kadaster.nl", "0794200000310099",
        "Initiatiefnemer",
        "Naam initiatiefnemer *", "Degene voor wie gebouwd wordt (niet de architect of de aannemer)",
        "Peelbouw Vastgoed B.V.",
        "KvK-nummer", "Alleen invullen als de initiatiefnemer een organisatie is", "80417260",
        "Kwaliteitsborger *", "Naam van het bedrijf dat de kwaliteitsborging uitvoert", "Borg4",
        "Instrument *", "Het toegelaten instrument voor kwaliteitsborging", "WKI",
        "Startdatum bouwwerkzaamheden *", "De eerste dag van het werk op de bouwplaats, ook ontgraven", "16-08-2027",
    ]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "postcode", "plaats", "bag_id", "initiatiefnemer",
                                        "kvk", "kwaliteitsborger", "instrument", "startdatum")} == {
        "straat": "Kerkakker", "huisnummer": "31", "postcode": "5706 LS", "plaats": "Helmond",
        "bag_id": "0794200000310099", "initiatiefnemer": "Peelbouw Vastgoed B.V.", "kvk": "80417260",
        "kwaliteitsborger": "Borg4", "instrument": "WKI", "startdatum": "2027-08-16"}


def test_a_portal_summary_of_an_aanvraag_with_questions_answered_below(tmp_path):
    path = docgen.write_pdf(tmp_path / "samenvatting.pdf", [[
        "Omgevingsloket", "Samenvatting van uw aanvraag",
        [(50, "Verzoeknummer"), (200, "2027111500287")], [(50, "Ingediend op"), (200, "maandag 15 november 2027")],
        "Locatie", "Adres: Kerkakker 14, 5708KR Helmond",
        "Werkzaamheden",
        "Verzoeknummer van de bouwmelding", "Antwoord: 2027020800143",
        "Zijn de bouwwerkzaamheden afgerond?", "Ja",
        "Wanneer neemt u het bouwwerk in gebruik?", "Antwoord: 2027-12-13",
        "Naam kwaliteitsborger", "Antwoord: WTT Kwaliteitsborging B.V.",
    ]])
    x = run(path)
    assert x.kind == "gereedmelding", (x.kind, x.kind_score)  # not a bouwmelding: that is the number it names
    values = x.values()
    assert values.get("verwijst_naar") == "2027020800143" and values.get("ingebruikname") == "2027-12-13"


def test_name_labels_in_english_and_a_heading_about_the_law_is_no_borger(tmp_path):
    path = docgen.write_pdf(tmp_path / "overzicht.pdf", [[
        "Bouwmelding (technisch)", "Verzoek 2027060101799",
        "Initiatiefnemer / Applicant", "Organisation", "Agro Service Kempen B.V.",
        "Bouwlocatie", [(50, "Adres"), (200, "Hoogstraat 3, 5531 AB Bladel")],
        [(50, "Kwaliteitsborger"), (200, "Borg4")], [(50, "Instrument"), (200, "WKI")],
    ]])
    assert run(path).values().get("initiatiefnemer") == "Agro Service Kempen B.V."
    verklaring = docgen.write_docx(tmp_path / "verklaring.docx", [
        "BYLAER B.V.", "VERKLARING", "Kwaliteitsborger Wkb — gevolgklasse 1",
        "Ondergetekende verklaart dat gerechtvaardigd vertrouwen bestaat dat het bouwwerk voldoet.",
        "Bouwwerk: Kortendijk 52, 4205 PR Gorinchem",
    ])
    assert run(verklaring).values().get("kwaliteitsborger") in (None, "Bylaer")


def test_a_melding_pasted_from_a_pdf_with_words_hyphenated_over_lines(tmp_path):
    path = _mail(tmp_path / "melding.eml", "melding Hofstraat",
                 "Beste collega's,\n\nDe PDF werd tegengehouden, daarom plak ik de tekst hieronder.\n\n"
                 "Omgevingsloket                              Pagina 1 van 2\nMelding Bouwactiviteit (techni-\nsch)\n"
                 "Verzoeknummer: 2027051000244\nLocatie van het bouw-\nwerk\nAdres: Hofstraat 3 bg\n5531-BE Bladel\n"
                 "Initiatief-\nnemer\nNaam: Kempen Opslag B.V.\nKwaliteitsborger: Borg4\nInstrument voor kwaliteits-\n"
                 "borging:\nOmgevingsloket                              Pagina 2 van 2\n"
                 "Voorgenomen start bouwwerkzaam-\nheden: 14-06-2027\n")
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "postcode", "plaats", "initiatiefnemer")} == {
        "straat": "Hofstraat", "huisnummer": "3-bg", "postcode": "5531 BE", "plaats": "Bladel",
        "initiatiefnemer": "Kempen Opslag B.V."}
    assert "instrument" not in values  # the page's running head under the empty field is no instrument


def test_a_mail_that_says_the_melder_has_filed_the_gereedmelding(tmp_path):
    path = _mail(tmp_path / "gereed.eml", "Gereedmelding nieuwe vleugel (verzoek 2027062100733)",
                 "Goedenavond,\n\nVandaag heb ik namens Pension De Linde V.O.F. via het Omgevingsloket de "
                 "gereedmelding gedaan voor de nieuwe vleugel aan de Dorpstraat 23 in Mheer (6261 NB). Het "
                 "verzoeknummer is 2027062100733; de oorspronkelijke bouwmelding had nummer 2027011100156.\n\n"
                 "Wij willen de kamers graag op donderdag 1 juli 2027 in gebruik nemen. Ik hoop dat dat geen "
                 "probleem is?\n\nMet vriendelijke groet,\nLei Smeets\n")
    x = run(path)
    assert x.kind == "gereedmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values.get("verwijst_naar") == "2027011100156" and values.get("ingebruikname") == "2027-07-01"
