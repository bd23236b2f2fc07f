"""Error classes found on two further sets written by others (issue 11): questionnaires whose answers sit below the
question or after a dash, bulleted "Label – value" lists, a borger's sidebar flowed between question and answer,
streets whose name ends in a number (Urk's "Wijk 3"), plots on a street without a house number, header rows over a
row of labelled values, revision tables; the DSO's English prints and notification mails (a stub plain text beside
the HTML table), "3 rd" house numbers and a builder's firm address beside the site. Our own wordings throughout."""

from __future__ import annotations

import sys
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "extract"))

import docgen  # noqa: E402

from wkb_desk.config import Limits  # noqa: E402
from wkb_desk.extract import _extract, load_reference  # noqa: E402
from wkb_desk.readers import read_file  # noqa: E402


def run(path: Path):
    return _extract(read_file(path, Limits()), load_reference())


_PORTAL = ["Gemeente Lemsterland", "Postbus 20, 8530 AA Lemmer"]


# --- questionnaires -------------------------------------------------------------------------------------------

def test_a_questionnaire_with_dashes_before_its_answers(tmp_path):
    path = docgen.write_pdf(tmp_path / "vragenlijst.pdf", [_PORTAL + [
        "Melding bouwactiviteit (technisch)",
        "Vragenlijst, ingediend d.d. 12-04-2027 - verzoeknummer 2027041200417",
        "1.1 Op welk adres wordt gebouwd? — Hoofdweg 12 te Bant, postcode 8314 PB",
        "2.1 Voor wie wordt er gebouwd? — Melkveebedrijf De Boer V.O.F.",
        "2.2 KvK-nummer — 39.988.777",
        "3. Welk toegelaten instrument wordt toegepast? — Kwaliteitsborgingsinstrument WKI",
        "4. Wie is de kwaliteitsborger? — Borg4 B.V.",
        "5. Wanneer verwacht u te starten met de bouw? — 19 mei 2027",
    ]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["initiatiefnemer"] == "Melkveebedrijf De Boer V.O.F."  # no dash in front of it
    assert values["kvk"] == "39988777"
    assert values["instrument"] == "WKI" and values["kwaliteitsborger"] == "Borg4"
    assert values["straat"] == "Hoofdweg" and values["plaats"] == "Bant"


def test_a_bulleted_list_of_labels_with_dashes(tmp_path):
    path = docgen.write_pdf(tmp_path / "melding.pdf", [_PORTAL + [
        "Melding Bouwactiviteit (technisch)",
        "• Initiatiefnemer – Haven Opslag B.V.",
        "• KvK – 05081299",
        "• Bouwadres – Havenweg 9 te Lemmer",
        "• Postcode – 8531 AN",
        "• Kwaliteitsborger – Kwaliteitsborging Oost B.V.",
        "• Borgingsinstrument – BouwCheck Pro",
        "• Adviseur – Bouwkundig Buro Snoek, Zuiderkade 3, 8321 ET Urk",
    ]])
    values = run(path).values()
    assert values["kvk"] == "05081299"
    assert values["initiatiefnemer"] == "Haven Opslag B.V."
    assert values["instrument"] == "BouwCheck Pro"  # an unlisted instrument as written, without the dash
    assert values["straat"] == "Havenweg" and values["postcode"] == "8531 AN"


def test_a_sidebar_line_between_a_question_and_its_marked_answer(tmp_path):
    # the borger's letterhead runs down the left margin; its lines come out between the form's lines
    path = docgen.write_pdf(tmp_path / "bp.pdf", [[
        "Noorderborg Kwaliteitsborging", "Industrieweg 42", "8011 XP Zwolle",
        [(50, "Wkb-kwaliteitsborging gevolgklasse 1"), (300, "Borgingsplan")],
        "1.2 Op welk adres wordt gebouwd?",
        "KvK 5821 4410",
        "Antwoord: Vormtweg 17, 8321 NC Urk",
        "2.1 Wie is de kwaliteitsborger?",
        "IBAN NL00 ABNA 0123 4567 89",
        "Antwoord: WTT Kwaliteitsborging B.V.",
        "2.2 Welk instrument wordt gebruikt?",
        "Antwoord: Kwaliteitsborgingsinstrument WKI",
        "2.4 Geplande start uitvoering",
        "Antwoord: 19 april 2027",
    ]])
    x = run(path)
    assert x.kind == "borgingsplan", (x.kind, x.kind_score)  # the title beside the sender's tagline
    values = x.values()
    assert values["straat"] == "Vormtweg" and values["huisnummer"] == "17"  # not "KvK 5821"
    assert values["kwaliteitsborger"] == "WTT Kwaliteitsborging"


def test_a_portal_notice_filed_by_the_borger_for_the_initiatiefnemer(tmp_path):
    path = docgen.write_docx(tmp_path / "start.docx", [
        "Informatieplicht start bouwwerkzaamheden",
        [["Verzoeknummer", "Ingediend"], ["2027051200612", "12-05-2027"]],
        "Hoort bij melding bouwactiviteit 2027041200365",
        "Wanneer start de bouw?",
        "Antwoord: 19-05-2027",
        "Ingediend door",
        "Antwoord: Borg4 B.V. (kwaliteitsborger) namens Akkerbouwbedrijf Visser V.O.F.",
    ])
    values = run(path).values()
    assert values["kwaliteitsborger"] == "Borg4"
    assert values["initiatiefnemer"] == "Akkerbouwbedrijf Visser V.O.F."


# --- addresses --------------------------------------------------------------------------------------------------

def test_a_street_whose_name_ends_in_a_number_in_columns_and_in_a_line(tmp_path):
    path = docgen.write_docx(tmp_path / "dbg.docx", [
        "Dossier bevoegd gezag",
        [["Straat", "Nr.", "Toevoeging", "Postcode", "Woonplaats"], ["Wijk 3", "13", "", "8321 ES", "Urk"]],
        "Kwaliteitsborger: Borg4 B.V.",
    ])
    values = run(path).values()
    assert (values["straat"], values["huisnummer"], values["plaats"]) == ("Wijk 3", "13", "Urk")
    path = docgen.write_pdf(tmp_path / "gereed.pdf", [_PORTAL + [
        "Gereedmelding",
        "Verzoeknummer: 2027112200436",
        "Adres: Wijk 3 13 te Urk, 8321 ES",
        "Datum ingebruikname: 17 december 2027",
    ]])
    values = run(path).values()
    assert (values["straat"], values["huisnummer"], values["plaats"]) == ("Wijk 3", "13", "Urk")


def test_an_island_named_with_op_after_the_address(tmp_path):
    path = docgen.write_pdf(tmp_path / "melding.pdf", [_PORTAL + [
        "Melding bouwactiviteit",
        "Verzoeknummer: 2027011800327",
        "Locatie: aan de Burgweg 12 op Texel",
        "Kwaliteitsborger: Borg4 B.V.",
    ]])
    values = run(path).values()
    assert (values["straat"], values["huisnummer"], values.get("plaats")) == ("Burgweg", "12", "Texel")


def test_a_plot_on_a_street_without_a_number(tmp_path):
    path = docgen.write_pdf(tmp_path / "bp.pdf", [[
        "Stavast Kwaliteitsborging B.V.", "Ravenswade 4, 3439 LD Nieuwegein",
        "Borgingsplan",
        "1.2 Op welk adres wordt gebouwd?",
        "kavel N 112 aan de Espelerlaan te Emmeloord (nog geen huisnummer)",
        "2.1 Wie is de kwaliteitsborger?",
        "Stavast Kwaliteitsborging B.V.",
    ]])
    values = run(path).values()
    assert values.get("straat") == "Espelerlaan" and values.get("plaats") == "Emmeloord"
    assert "huisnummer" not in values  # "N 112" is the plot's name
    path = docgen.write_docx(tmp_path / "start.docx", [
        "Startmelding",
        "Locatie: bouwkavel N 112, Espelerlaan (ongenummerd), Emmeloord",
        "Startdatum: 7 juni 2027",
    ])
    values = run(path).values()
    assert values.get("straat") == "Espelerlaan" and values.get("plaats") == "Emmeloord"


def test_a_row_of_labelled_values_under_a_header_rows_values_is_no_second_record(tmp_path):
    path = docgen.write_pdf(tmp_path / "melding.pdf", [_PORTAL + [
        "Bouwmelding Wkb",
        [(50, "Verzoeknummer"), (200, "Datum indiening")],
        [(50, "2027052400090"), (200, "24-05-2027")],
        "Locatie van het bouwwerk",
        [(50, "Straat"), (170, "Nr."), (230, "Toevoeging"), (330, "Postcode"), (430, "Woonplaats")],
        [(50, "Espelerlaan (ong.)"), (170, "-"), (230, "-"), (330, "-"), (430, "Emmeloord")],
        [(50, "BAG nummeraanduiding nog niet toegekend"), (260, "Kadastrale gemeente Emmeloord"), (420, "Sectie N"),
         (500, "Perceel 1127")],
        "Kwaliteitsborger: Stavast Kwaliteitsborging B.V.",
    ]])
    values = run(path).values()
    assert values.get("straat") == "Espelerlaan" and values.get("plaats") == "Emmeloord"


def test_nr_beside_the_street_in_a_row_that_names_the_perceel_is_the_house_number(tmp_path):
    path = docgen.write_xlsx(tmp_path / "bp.xlsx", {"Borgingsplan": [
        ["Borgingsplan Melkveestal"],
        ["Straat", "Nr.", "Toevoeging", "Postcode", "Woonplaats", "Kad. gemeente", "Sectie", "Perceel"],
        ["Vlieterweg", "23", "", "8308 PJ", "Nagele", "Nagele", "A", "1540"],
        ["Kwaliteitsborger", "Instrument"],
        ["Kwaliteitsborging Oost B.V.", "BouwZeker 2.0"],
    ]})
    values = run(path).values()
    assert values["huisnummer"] == "23"
    assert values["kadastraal"] == "Nagele A 1540"


def test_a_building_described_under_bouwwerk_is_no_street(tmp_path):
    path = docgen.write_pdf(tmp_path / "verklaring.pdf", [[
        "WTT Kwaliteitsborging B.V.", "Kanaalweg 11", "3526 KL Utrecht",
        "Verklaring van de kwaliteitsborger",
        "Bouwwerk Koel- en vrieshal Pasterkamp",
        "Adres Zeeweg 41, 8322 AB Urk",
        "Kwaliteitsborger WTT Kwaliteitsborging B.V.",
        "Het bouwwerk voldoet; wij hebben gerechtvaardigd vertrouwen.",
    ]])
    values = run(path).values()
    assert values["straat"] == "Zeeweg" and values["huisnummer"] == "41"


def test_a_builders_firm_address_is_no_site_and_a_label_is_no_instrument(tmp_path):
    # a value-left form whose PDF text comes out column by column: the values first, then the labels
    path = docgen.write_pdf(tmp_path / "melding.pdf", [[
        "Gemeente Voorne aan Zee - Postbus 155, 3230 AD Brielle",
        "Melding bouwactiviteit - nieuwbouw woning op kavel 7",
        "2027060700905", "Kwaliteitsborging Oost", "BK-app",
        "Timmerbedrijf Tinte, Dorpsweg 60, 3235 AE Rockanje",
        "Verzoeknummer", "Kwaliteitsborger", "Instrument voor kwaliteitsborging", "Projectnaam / kavel",
        "Bouwer (naam en adres)",
    ]])
    values = run(path).values()
    assert values.get("instrument") in (None, "BKapp")  # never the next label
    assert "straat" not in values and "postcode" not in values  # the builder's office, not the plot


def test_a_house_number_with_rd_and_a_revision_table_in_english(tmp_path):
    path = docgen.write_docx(tmp_path / "qap.docx", [
        "Quality assurance plan / Borgingsplan",
        [["Client / Initiatiefnemer", "Van Doorne Vastgoed B.V."], ["Address / Adres", "Kaaistraat 3 rd, 3241 BE Middelharnis"],
         ["Quality assurer / Kwaliteitsborger", "TÜV Nord Nederland"]],
        "Revision history / Revisiehistorie",
        [["Rev.", "Date / Datum", "Description / Omschrijving", "By"],
         ["0.1", "2027-01-25", "Concept / draft for client review", "SV"],
         ["1.0", "2027-02-10", "Final issue / definitief", "SV"]],
    ])
    values = run(path).values()
    assert values["huisnummer"] == "3-rd"
    assert values["initiatiefnemer"] == "Van Doorne Vastgoed B.V."  # not the reviewer's initials


# --- the DSO in English -----------------------------------------------------------------------------------------

def test_the_dsos_english_print_of_a_startmelding_and_of_a_bouwmelding(tmp_path):
    path = docgen.write_pdf(tmp_path / "start.pdf", [[
        "Gemeente Goeree-Overflakkee | Omgevingsloket - overzicht ingediend verzoek",
        "Postbus 1, 3240 AA Middelharnis",
        "Omgevingsloket - Environment and Planning Portal",
        "Information obligation – start of construction work",
        [(50, "Request number"), (250, "2027060800391")],
        [(50, "Related building notification"), (250, "2027050300647")],
        [(50, "Address"), (250, "Kaaistraat 5")],
        [(50, "Postal code"), (250, "3241 BE")],
        [(50, "BAG address ID"), (250, "1924010000030003")],
        [(50, "Start date of construction"), (250, "14-06-2027")],
    ]])
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["bag_id"] == "1924010000030003"
    assert values["verwijst_naar"] == "2027050300647" and values["startdatum"] == "2027-06-14"
    path = docgen.write_pdf(tmp_path / "melding.pdf", [[
        "Gemeente Voorne aan Zee | Omgevingsloket - overzicht ingediend verzoek",
        "Notification – Building activity (technical)",
        [(50, "Request number"), (250, "2027040500388")],
        "Location",
        [(50, "Address"), (250, "Stationsweg 77")],
        "Applicant",
        [(50, "Name"), (250, "Van der Linden Bouw B.V.")],
        [(50, "Chamber of Commerce number"), (250, "62339018")],
        "Quality assurance",
        [(50, "Quality assurance provider"), (250, "WTT Kwaliteitsborging B.V.")],
    ]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["initiatiefnemer"] == "Van der Linden Bouw B.V." and values["kvk"] == "62339018"


def test_a_notification_mail_whose_plain_text_only_points_to_its_html_table(tmp_path):
    msg = EmailMessage()
    msg["From"] = "DSO notificaties <noreply@omgevingswet.example.nl>"
    msg["To"] = "vth@gemeente.example"
    msg["Date"] = "Mon, 22 Feb 2027 09:41:00 +0100"
    msg["Subject"] = "Notification received – building activity (technical)"
    msg.set_content("A new notification has been received. See the HTML part.\n")
    rows = [("Request number", "2027022200481"), ("Location", "Sportlaan 19, 3286 BA Klaaswaal"),
            ("Applicant", "Stichting Woonlinie Binnenmaas"), ("Quality assurance provider", "Bylaer"),
            ("Instrument", "WKI"), ("Intended start date", "05-04-2027")]
    table = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
    msg.add_alternative(f"<html><body><p>A new notification has been submitted.</p><table>{table}</table>"
                        "</body></html>", subtype="html")
    (tmp_path / "melding.eml").write_bytes(bytes(msg))
    x = run(tmp_path / "melding.eml")
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["verzoeknummer"] == "2027022200481" and values["postcode"] == "3286 BA"
    assert values["kwaliteitsborger"] == "Bylaer" and values["startdatum"] == "2027-04-05"


def test_a_street_labelled_with_its_number_keeps_it_beside_a_builders_address(tmp_path):
    # "Straat en huisnummer" gives the number itself: another number near it (the builder's) is no reason to doubt it
    path = docgen.write_docx(tmp_path / "melding.docx", [
        "Melding bouwactiviteit",
        [["Bouwer", "Adres bouwer"], ["Staalbouw De Kreek B.V.", "Kreekweg 9, 4551 NM Sas van Gent"]],
        [["Straat en huisnummer", "Postcode"], ["Zeevaartweg 38", "4538 BK"]],
        "Kwaliteitsborger: Borg4 B.V.",
    ])
    values = run(path).values()
    assert (values["straat"], values["huisnummer"]) == ("Zeevaartweg", "38")


def test_an_attachment_table_under_its_header_row(tmp_path):
    path = docgen.write_pdf(tmp_path / "melding.pdf", [_PORTAL + [
        "Bouwmelding Wkb",
        [(50, "Verzoeknummer"), (200, "Datum indiening")],
        [(50, "2027021500733"), (200, "15-02-2027")],
        "Adres: Espelerweg 5, 8309 PC Espel",
        [(50, "Bijlage"), (250, "Bestandsnaam")],
        [(50, "Risicobeoordeling"), (250, "RB_P07.pdf")],
        [(50, "Borgingsplan"), (250, "BP_P07.pdf")],
    ]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    assert set(x.values()["bijlagen"]) == {"risicobeoordeling", "borgingsplan"}  # no false "onvolledig"


_BUILDER = ["Van Dam Bouw", "Zuidsingel 9 · 3232 AB Brielle · 0181-123456", "", "Gemeente Voorne aan Zee",
            "Postbus 155", "3230 AD Brielle", "Brielle, 31 maart 2027", "Beste mevrouw Visser,"]


def test_an_informal_builders_letter_that_announces_the_start(tmp_path):
    path = docgen.write_docx(tmp_path / "brief.docx", _BUILDER + [
        "Even een berichtje van ons: we gaan op dinsdag 6 april 2027 echt beginnen met de nieuwe woning van "
        "J. de Koning aan de Nobelstraat 31 in Brielle (3231 BA). Eerst het grondwerk.",
        "Stavast Kwaliteitsborging is de kwaliteitsborger, die komen bij het storten van de fundering kijken.",
        "Groet,", "Kees",
    ])
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    values = x.values()
    assert values["startdatum"] == "2027-04-06" and values["initiatiefnemer"] == "J. de Koning"
    assert values["kwaliteitsborger"] == "Stavast Kwaliteitsborging"
    assert values["straat"] == "Nobelstraat" and values["postcode"] == "3231 BA"
    # the facts come from sentences: guesses, marked for checking
    assert all(x.fields[name].confidence < 0.8 for name in ("initiatiefnemer", "kwaliteitsborger", "straat"))


def test_the_bouwmeldings_number_in_a_letters_postscript(tmp_path):
    path = docgen.write_docx(tmp_path / "brief.docx", _BUILDER + [
        "Ik wilde even laten weten dat we maandag 12 april 2027 starten met de bouw van het huis aan de "
        "Oostkade 8, 3221 AL Hellevoetsluis.",
        "Groet,", "Kees",
        "PS: het nummer van de bouwmelding in het Omgevingsloket is 2027030100219, mocht u dat nodig hebben.",
    ])
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    assert x.values()["verwijst_naar"] == "2027030100219"


def test_a_name_before_the_next_english_label_keeps_no_comma(tmp_path):
    path = docgen.write_docx(tmp_path / "qap.docx", [
        "Quality assurance plan / Borgingsplan",
        [["Client", "Medel Cold Storage B.V., Chamber of Commerce 91204567"],
         ["Address / Adres", "Kaaistraat 5, 3241 BE Middelharnis"], ["Quality assurer", "Bureau Veritas"]],
    ])
    values = run(path).values()
    assert values["initiatiefnemer"] == "Medel Cold Storage B.V." and values["kvk"] == "91204567"


def test_the_next_chapters_heading_under_a_borgers_abbreviation_is_no_borger(tmp_path):
    # a scan lost the chapter's number: "KB" (a logo's letters) over "Uitgangspunten en scope"
    path = docgen.write_pdf(tmp_path / "bp.pdf", [[
        "Borgingsplan",
        "Bouwadres: Sportlaan 19, 3286 BA Klaaswaal",
        "Opdrachtgever: Stichting Woonlinie Binnenmaas",
        "KB",
        "Uitgangspunten en scope",
        "Dit borgingsplan beschrijft hoe de kwaliteitsborger toetst of het bouwwerk voldoet.",
    ]])
    assert "kwaliteitsborger" not in run(path).values()


def test_a_long_label_whose_dotted_leader_is_two_dots(tmp_path):
    path = docgen.write_pdf(tmp_path / "gereed.pdf", [[
        "BK-app :: GEREEDMELDING",
        "Gereedmelding",
        "1.1 Verzoeknummer .................... 2027111500208",
        "1.3 Hoort bij melding ................ 2027012000542",
        "2.1 Straat + huisnummer .............. Bisschopsmolenweg 40",
        "2.2 Postcode ......................... 7573 DT",
        "3.1 Datum voorgenomen ingebruikname .. 22-11-2027",
        "En zo ... verder: een beletselteken in een zin blijft staan.",
    ]])
    values = run(path).values()
    assert values["ingebruikname"] == "2027-11-22"
    assert "datum" not in values or values["datum"] != "2027-11-22"  # not the melding's own date
