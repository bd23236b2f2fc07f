"""Error classes found on set 55 and later blind sets, each written again in our own wording: a borger's Word letter
laid out as one table row (a sidebar of project data beside the letter); a house number's addition of more than one
letter, which the BAG writes as a toevoeging after a dash ("12 hs" -> "12-hs")."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "extract"))

import docgen  # noqa: E402

from wkb_desk.config import Limits  # noqa: E402
from wkb_desk.extract import _extract, load_reference  # noqa: E402
from wkb_desk.readers import read_file  # noqa: E402


def run(path: Path):
    return _extract(read_file(path, Limits()), load_reference())


def _sidebar_letter(path: Path, side: list[str], letter: list[str]) -> Path:
    """A Word letter laid out as one table row: a shaded column of project data, the letter beside it."""
    import docx

    document = docx.Document()
    document.add_paragraph("KWALITEITSBORGING DUIN EN BOLLEN")
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (side, letter)):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_word_letter_beside_a_sidebar_of_project_data_reads_the_sidebar_as_labelled_lines(tmp_path):
    path = _sidebar_letter(tmp_path / "plan.docx", [
        "GEGEVENS PROJECT", "Omschrijving", "Bollenschuur met kantoor", "Locatie werk", "Achterweg 44", "2165 AJ Lisse",
        "Bouwheer", "Kwekerij De Tulp B.V.", "Borger", "Kiwa Nederland B.V.", "Instrument", "KiK", "Klasse", "1",
        "Ons kenmerk", "KW-2027-118", "Datum", "2 maart 2027",
    ], [
        "Gemeente Lisse, t.a.v. team Wkb, Postbus 200, 2160 AE Lisse",
        "Rijswijk, 2 maart 2027",
        "Borgingsplan bollenschuur Achterweg 44 (versie 1.1)",
        "Geacht college,",
        "Bijgaand ontvangt u het borgingsplan. De bouw begint naar verwachting op 6 april 2027. Het plan telt 5 risico's.",
        "Met vriendelijke groet,", "ing. M. Verhoef, kwaliteitsborger",
    ])
    x = run(path)
    assert x.kind == "borgingsplan", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "postcode", "plaats", "initiatiefnemer",
                                       "kwaliteitsborger", "instrument")} == {
        "straat": "Achterweg", "huisnummer": "44", "postcode": "2165 AJ", "plaats": "Lisse",
        "initiatiefnemer": "Kwekerij De Tulp B.V.", "kwaliteitsborger": "Kiwa", "instrument": "KiK"}
    assert values.get("postcode") != "2160 AE"  # the municipality's Postbus in the letter is no site


def test_a_data_table_of_two_rows_with_one_long_cell_keeps_its_cells_together(tmp_path):
    # a risk table is no page layout: its rows stay rows with their cells side by side
    from wkb_desk.readers.office import read_docx

    path = docgen.write_docx(tmp_path / "rb.docx", ["Risicobeoordeling", [
        ["Risico", "Maatregelen"],
        ["Brandoverslag", "a\nb\nc\nd\ne\nf\ng\nh"],
        ["Geluid", "i"],
    ]])
    text = read_docx(path, Limits()).pages[0].text
    assert "Risico\tMaatregelen" in text


def test_a_house_numbers_addition_of_more_letters_is_a_toevoeging_after_a_dash():
    from wkb_desk.extract.normalize import normalize_huisnummer

    assert [normalize_huisnummer(t) for t in ("12 hs", "12HS", "115 bis", "7 rood", "3 bg", "12-II")] == [
        "12-hs", "12-hs", "115-bis", "7-rood", "3-bg", "12-ii"]
    assert [normalize_huisnummer(t) for t in ("12 B", "14-A", "12a-3", "4-2")] == ["12b", "14a", "12a-3", "4-2"]


def test_a_house_number_and_its_toevoeging_in_separate_cells(tmp_path):
    path = docgen.write_xlsx(tmp_path / "melding.xlsx", {"Melding": [
        ["Melding bouwactiviteit (Wkb)"],
        ["Straat", "Oude Rijn"], ["Huisnummer", "12"], ["Toevoeging", "hs"], ["Postcode", "2396 AB"],
        ["Plaats", "Koudekerk aan den Rijn"], ["Kwaliteitsborger", "Borg4"], ["Instrument", "WKI"],
        ["Datum start bouw", "2027-05-03"],
    ]})
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    assert x.values()["huisnummer"] == "12-hs"


def test_a_pdf_letter_beside_a_left_sidebar_keeps_the_site_apart_from_the_municipalitys_postbus(tmp_path):
    side = ["PROJECT", "Omschrijving", "Bedrijfswoning", "Locatie werk", "Oude Herenweg 61", "2215 KW Voorhout",
            "BAG-id", "1525010000412290", "Bouwheer", "Loonbedrijf Van Rijn", "Borger", "Kiwa Nederland B.V.",
            "Instrument", "KiK", "Klasse", "1", "Kenmerk", "KW-2027-201", "Datum", "8 juni 2027"]
    letter = ["Gemeente Teylingen", "t.a.v. team Wkb", "Postbus 200", "2170 AE Sassenheim", "",
              "Rijswijk, 8 juni 2027", "Betreft: borgingsplan bedrijfswoning", "Geachte heer, mevrouw,",
              "Bijgaand zenden wij u het borgingsplan voor de bedrijfswoning van onze opdrachtgever.",
              "De bouw begint volgens de planning van de aannemer op maandag 5 juli 2027 met de fundering.",
              "Met vriendelijke groet,", "M. Verhoef"]
    rows = [[(50, a)] * bool(a) + [(250, b)] * bool(b) for a, b in zip(side, letter + [""] * (len(side) - len(letter)))]
    x = run(docgen.write_pdf(tmp_path / "plan.pdf", [rows]))
    assert x.kind == "borgingsplan", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "postcode", "plaats", "initiatiefnemer", "instrument")} == {
        "straat": "Oude Herenweg", "huisnummer": "61", "postcode": "2215 KW", "plaats": "Voorhout",
        "initiatiefnemer": "Loonbedrijf Van Rijn", "instrument": "KiK"}


def test_labels_beside_their_values_in_a_pdf_stay_rows(tmp_path):
    from wkb_desk.readers.pdf import read_pdf

    # (numbered headings between them, values that read as a letter's lines: still a form)
    path = docgen.write_pdf(tmp_path / "m.pdf", [["Melding bouwactiviteit", "2. Bouwlocatie"] + [
        [(50, a), (250, b)] if b else [(50, a)] for a, b in [
            ("Straat en huisnummer", "Oude Herenweg 61"), ("Postcode / woonplaats", "2215 KW Voorhout (Teylingen)"),
            ("BAG-verblijfsobject-ID", "1525010000412290"), ("Kadastrale aanduiding", "Sassenheim C 5120"),
            ("3. Opdrachtgever", ""), ("Naam / namen", "J.W. de Boer en S. de Boer-Hoekstra"),
            ("Correspondentieadres", "Oosterdijk 3, 8601 BR Sneek"), ("4. Kwaliteitsborging", "")]] + [
        [(50, "Gevolgklasse"), (250, "[X] 1"), (350, "[ ] 2")]]])
    text = read_pdf(path, Limits()).pages[0].text
    assert "Postcode / woonplaats\t2215 KW Voorhout (Teylingen)" in text
    assert "Correspondentieadres\tOosterdijk 3, 8601 BR Sneek" in text


def _numbered_print(path: Path, activity: str, extra: list[str]) -> Path:
    """An older portal print: numbered sections, numbered labels in one column, values in the next."""
    rows = ["Omgevingsloket | Afdruk 02-03-2027", "Verzoek - overzicht", "1 Verzoek",
            [(50, "1.1 Verzoeknummer"), (300, "2027030200517")], [(50, "1.2 Datum indiening"), (300, "02-03-2027")],
            [(50, "1.3 Activiteit"), (300, activity)]] + extra + [
            "2 Gegevens van de aanvrager (initiatiefnemer)",
            [(50, "2.1 Naam"), (300, "Stichting Zeeuwse Huisvesting")], [(50, "2.2 Adres"), (300, "Postbus 77")],
            [(50, "2.3 Postcode"), (300, "4460 BA")], [(50, "2.4 Plaats"), (300, "Goes")],
            "3 Gegevens van de contactpersoon",
            [(50, "3.1 Naam"), (300, "Ingenieursbureau Dekker")], [(50, "3.2 Postcode"), (300, "4461 ZZ")],
            "4 Plaats van de werkzaamheden",
            [(50, "4.1 Straat"), (300, "Pluimstraat")], [(50, "4.2 Huisnummer"), (300, "8")],
            [(50, "4.3 Postcode"), (300, "4462 KL")], [(50, "4.4 Plaats"), (300, "Goes")],
            "5 Borging", [(50, "5.1 Kwaliteitsborger"), (300, "Bylaer")], [(50, "5.2 Instrument"), (300, "WKI")],
            [(50, "5.3 Datum start bouwwerkzaamheden"), (300, "12-04-2027")]]
    return docgen.write_pdf(path, [rows])


def test_numbered_sections_whose_heading_names_the_role_in_brackets(tmp_path):
    x = run(_numbered_print(tmp_path / "m.pdf", "Bouwactiviteit (technisch) - melding gevolgklasse 1", []))
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "postcode", "plaats", "initiatiefnemer")} == {
        "straat": "Pluimstraat", "huisnummer": "8", "postcode": "4462 KL", "plaats": "Goes",
        "initiatiefnemer": "Stichting Zeeuwse Huisvesting"}  # not the applicant's Postbus, nor the contact's postcode


def test_a_numbered_print_of_the_start_notice_with_the_earlier_melding(tmp_path):
    x = run(_numbered_print(tmp_path / "s.pdf", "Start bouwwerkzaamheden (Bbl art. 7.7)",
                            [[(50, "1.4 Eerder ingediende melding"), (300, "2027011100304")]]))
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    values = x.values()
    assert (values.get("verwijst_naar"), values.get("startdatum"), values.get("postcode")) == (
        "2027011100304", "2027-04-12", "4462 KL")


def test_a_title_set_letter_spaced_names_the_kind(tmp_path):
    path = docgen.write_pdf(tmp_path / "rb.pdf", [[
        "Noorderborg kwaliteitsborging", "R I S I C O B E O O R D E L I N G",
        [(50, "BOUWADRES"), (200, "Dijkweg 3, 8711 AB Workum")], [(50, "OPDRACHTGEVER"), (200, "H. Bakker")],
        [(50, "KWALITEITSBORGER"), (200, "Kiwa")], [(50, "DATUM"), (200, "10.06.2027")],
    ]])
    x = run(path)
    assert x.kind == "risicobeoordeling", (x.kind, x.kind_score)
    assert (x.values().get("straat"), x.values().get("plaats")) == ("Dijkweg", "Workum")
    # a kadastral section and a single letter stay as they are
    from wkb_desk.extract.locate import _SPACED_WORD
    assert _SPACED_WORD.sub("", "Sectie A 1234, kavels B en C") == "Sectie A 1234, kavels B en C"


def test_a_row_of_house_numbers_is_named_by_its_first_with_the_place_after_the_row():
    from wkb_desk.extract.normalize import parse_address

    assert parse_address("Molenstraat 20, 22, 24 en 26, Balk") == {
        "straat": "Molenstraat", "huisnummer": "20", "plaats": "Balk"}
    assert parse_address("Molenstraat 12 en 14 te Balk")["plaats"] == "Balk"


def _mail(tmp_path: Path, subject: str, body: str) -> Path:
    return docgen.write_mail(tmp_path / "mail.eml", subject, body)


def test_a_mail_that_passes_on_the_filed_melding_as_a_table_is_the_melding(tmp_path):
    x = run(_mail(tmp_path, "RE: Melding loods Skoalstrjitte 4", (
        "Goedemorgen,\n\nZoals gevraagd stuur ik hieronder de gegevens van de melding die ik gisteren heb ingediend.\n\n"
        "Verzoeknummer\t2027071100508\nAdres\t\tSkoalstrjitte 4\n\t\t9051 AB  Stiens\nOpdrachtgever\tLoonbedrijf Kingma\n"
        "KB\t\tKiwa\nInstrument\tKiK\nGK\t\t1\nStart\t\t23-8-2027\n\nGroet,\nSjoerd Hoekstra\n")))
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    assert (x.values().get("straat"), x.values().get("startdatum")) == ("Skoalstrjitte", "2027-08-23")


def test_a_melder_who_writes_that_they_want_to_gereedmelden(tmp_path):
    x = run(_mail(tmp_path, "gereedmelding Wipstrikkerweg 3", (
        "Goedemorgen,\n\nIk wil graag gereedmelden voor onze nieuwe woning aan de Wipstrikkerweg 3 in Bolsward.\n"
        "Verzoeknummer is 2027090300194.\n\nMvg\nSjoerd Hoekstra\n")))
    assert x.kind == "gereedmelding", (x.kind, x.kind_score)


def test_a_threads_grown_subject_that_names_two_kinds_leaves_the_kind_to_the_text(tmp_path):
    x = run(_mail(tmp_path, "RE: bouwmelding Wipstrikkerweg - startmelding", (
        "Goedemiddag,\n\nHierbij de gegevens van de startmelding die vanmorgen is ingediend.\n\n"
        "Verzoeknummer\t\t2027021700816\nSoort verzoek\t\tInformatieplicht start bouwwerkzaamheden\n"
        "Bouwmelding\t\t2027011200391\nLocatie\t\t\tWipstrikkerweg 3, 8701 AB Bolsward\n"
        "Start werkzaamheden\tmaandag 22 februari 2027\n\nMet vriendelijke groet,\nSjoerd Hoekstra\n")))
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    assert x.values().get("startdatum") == "2027-02-22"


def test_a_word_form_filled_in_above_its_lines_pairs_each_caption_with_the_value_above(tmp_path):
    line = "_" * 24
    path = docgen.write_docx(tmp_path / "melding.docx", ["Melding bouwactiviteit gevolgklasse 1 - invulformulier", [
        ["2027051800094", "18 mei 2027"], [f"{line}\nVerzoeknummer", f"{line}\nDatum"],
        ["Lobithseweg 12", "6903 AB Zevenaar"], [f"{line}\nStraat en huisnummer bouwlocatie", f"{line}\nPostcode en plaats"],
        ["Van Remmen Vastgoed B.V.", "Kiwa"], [f"{line}\nNaam initiatiefnemer", f"{line}\nKwaliteitsborger"],
        ["KiK", "06-07-2027"], [f"{line}\nInstrument", f"{line}\nStart bouw"],
    ]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "postcode", "plaats", "initiatiefnemer", "startdatum")} == {
        "straat": "Lobithseweg", "huisnummer": "12", "postcode": "6903 AB", "plaats": "Zevenaar",
        "initiatiefnemer": "Van Remmen Vastgoed B.V.", "startdatum": "2027-07-06"}


def test_a_self_builders_melding_in_plain_sentences(tmp_path):
    path = docgen.write_docx(tmp_path / "melding.docx", [
        "12 mei 2027", "Hallo gemeente Aalten,",
        "Wij zijn Tom en Anne Wissink en wij gaan bouwen op de Haartseweg 8 in Bredevoort (7126 AB). Het perceel staat "
        "bij het kadaster als Aalten N 1455.",
        "Onze kwaliteitsborger is Bylaer en die werkt met WKI.",
        "In het omgevingsloket kregen we nummer 2027051200391.", "Groetjes,", "Tom en Anne"])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "plaats", "kadastraal", "kwaliteitsborger")} == {
        "straat": "Haartseweg", "huisnummer": "8", "plaats": "Bredevoort", "kadastraal": "Aalten N 1455",
        "kwaliteitsborger": "Bylaer"}
    assert x.kind_score < 0.8  # read from sentences only: the kind is marked for checking


def test_project_data_in_a_text_box_of_the_page_footer_names_the_site_as_a_guess(tmp_path):
    path = docgen.write_docx(tmp_path / "verklaring.docx", [
        "Verklaring kwaliteitsborger", "Heerde, 11 juni 2027",
        "Borg KB verklaart dat er gerechtvaardigd vertrouwen is dat de woning van mevrouw M. Ticheler voldoet aan de "
        "bouwtechnische regels van het Bbl.", "Uitkomst: positieve verklaring."],
        footer=["Project BKB-2027-0310", "Kerkstraat 65c, 7011 AE Gaanderen", "Instrument WKI"])
    x = run(path)
    assert x.kind == "verklaring", (x.kind, x.kind_score)
    fields = x.fields
    assert (fields["straat"].value, fields["huisnummer"].value, fields["plaats"].value) == ("Kerkstraat", "65c", "Gaanderen")
    assert fields["straat"].confidence < 0.8  # a footer's address is a guess, marked for checking
    assert fields["initiatiefnemer"].value == "M. Ticheler"  # the sentence's verb is no part of the name


def test_a_sentence_that_ends_in_a_label_word_and_a_risk_cells_verb_give_no_place(tmp_path):
    path = docgen.write_docx(tmp_path / "bp.docx", [
        "Borgingsplan", [["Ligplaats", "Buitenhaven 14, Makkum"], ["Opdrachtgever", "P. Zijlstra"],
                         ["Kwaliteitsborger", "WTT"], ["Instrument", "WKI"], ["Datum", "10 april 2027"]],
        "Het casco wordt op een werf in Harlingen gebouwd. Borging vindt daarom deels op de werf plaats.",
        "Risico's", [["Moment", "Wanneer", "Methode"], ["Dakconstructie", "na plaatsen kapelementen", "foto's"]]])
    assert run(path).values().get("plaats") == "Makkum"


def test_a_registers_row_marked_x_under_deze_mld_with_short_headings(tmp_path):
    head = ["Vlg", "Projectnaam", "Str.", "Nr", "Toev", "PC", "Wpl", "Opdrachtgever", "KB", "Instr.", "GK",
            "Gepl. start", "DSO-nr", "Deze mld."]
    path = docgen.write_xlsx(tmp_path / "register.xlsx", {"Register": [
        ["REGISTER BOUWMELDINGEN GK1"], head,
        ["1", "8 rijwoningen", "Contreielaan", "2", "a", "4904 ML", "Oosterhout", "Thuisvester", "Borg KB", "WKI", "1",
         "2027-04-06", "2027030200371", ""],
        ["2", "4 patiowoningen", "Lange Brugstraat", "39", "", "4871CJ", "Etten-Leur", "Stichting Leurs Wonen",
         "Borg KB", "WKI", "1", "2027-04-20", "2027031200859", "X"],
        ["3", "Woning Dongen", "Klappeijstraat", "12", "", "5101 HV", "Dongen", "S. van Rijen", "Borg KB", "WKI", "1",
         "2027-06-01", "2027031700929", ""],
    ]})
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "postcode", "plaats", "verzoeknummer", "startdatum")} == {
        "straat": "Lange Brugstraat", "huisnummer": "39", "postcode": "4871 CJ", "plaats": "Etten-Leur",
        "verzoeknummer": "2027031200859", "startdatum": "2027-04-20"}


def test_a_register_with_a_column_per_project_reads_the_column_marked_as_this_melding(tmp_path):
    path = docgen.write_xlsx(tmp_path / "startmeldingen.xlsx", {"Startmeldingen wk 9": [
        ["Bouwbedrijf Van der Zande - overzicht startmeldingen"],
        ["Deze startmelding betreft de kolom met 'DEZE MELDING' in de kop."],
        ["Project", "Kavel 1 Rucphen", "Kavel 3 Etten-Leur  << DEZE MELDING", "Breda Haagse Beemden"],
        ["Straat", "Sint Martinusstraat", "Zundertseweg", "Lunetstraat"], ["Huisnr.", "44", "212", "9"],
        ["Postcode", "4715 AE", "4876 NA", "4822 ZZ"], ["Woonplaats", "Rucphen", "Etten-Leur", "Breda"],
        ["DSO-nr bouwmelding", "2027011200513", "2027012600840", "2027010800091"],
        ["DSO-nr startmelding", "2027021900322", "2027022500407", "2027030200245"],
        ["Datum startmelding", "2027-02-19", "2027-02-25", "2027-03-02"],
        ["Start bouwwerkzaamheden", "2027-02-24", "2027-03-02", "2027-03-05"],
        ["BAG vbo-id", "0840010000077120", "0777010000150093", "0758010000631890"], ["KB", "BYLAER", "BYLAER", "KIWA"],
    ]})
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("straat", "huisnummer", "plaats", "verzoeknummer", "verwijst_naar",
                                       "startdatum")} == {
        "straat": "Zundertseweg", "huisnummer": "212", "plaats": "Etten-Leur", "verzoeknummer": "2027022500407",
        "verwijst_naar": "2027012600840", "startdatum": "2027-03-02"}


def test_a_covering_mail_signed_with_gr_and_the_firms_address_names_no_site(tmp_path):
    x = run(_mail(tmp_path, "Gereedmelding Antwerpsestraatweg 214 BoZ", (
        "Hallo,\n\nHierbij onze gereedmelding (afdruk in bijlage). Oplevering aan de kopers staat gepland begin "
        "december.\n\nGr. Bouwgroep Zoomland B.V.\nEdisonweg 4, 4612 PN Bergen op Zoom\n")))
    values = x.values()
    assert values.get("straat") not in ("Edisonweg", "Gereedmelding Antwerpsestraatweg")  # the signer's office, the subject
    assert values.get("plaats") != "BoZ"  # a writer's shorthand names no place


def test_the_place_after_a_postcode_and_in():
    from wkb_desk.extract.normalize import parse_address

    assert parse_address("Grachtweg 21-1, 4301RC in Zierikzee.") == {
        "straat": "Grachtweg", "huisnummer": "21-1", "postcode": "4301 RC", "plaats": "Zierikzee"}


def test_a_gereedmelding_says_the_verklaring_was_given_or_refused_in_words(tmp_path):
    def outcome(answer: str):
        path = docgen.write_pdf(tmp_path / "g.pdf", [[
            "Omgevingsloket | Afdruk 05-10-2027", "Aanvraag/melding - gereedmelding",
            [(50, "1.1 Verzoeknummer"), (300, "2027100500129")], [(50, "1.2 Soort verzoek"), (300, "Gereedmelding")],
            [(50, "4.1 Straat"), (300, "Fruitlaan")], [(50, "4.2 Huisnummer"), (300, "23")],
            [(50, "5.1 Verwachte datum ingebruikname"), (300, "22-10-2027")],
            [(50, "5.2 Dossier bevoegd gezag"), (300, "bijgevoegd")],
            [(50, "5.3 Verklaring kwaliteitsborger"), (300, answer)]]])
        x = run(path)
        assert x.kind == "gereedmelding", (x.kind, x.kind_score)
        return x.values().get("verklaring")

    assert outcome("bijgevoegd - verklaring afgegeven") == "positief"
    assert outcome("geen verklaring afgegeven (zie brief KB)") == "negatief"
    assert outcome("bijgevoegd") is None  # that it is there says nothing of what it says
    assert outcome("wordt afgegeven na de eindcontrole") is None


def test_start_and_use_dates_in_a_melders_own_sentences(tmp_path):
    x = run(_mail(tmp_path, "Startmelding Skoalstrjitte 4 Snits", (
        "Beste medewerker,\n\nVia het Omgevingsloket heb ik zojuist de startmelding gedaan (nummer 2027071200530).\n\n"
        "Morgen, dinsdag 13 juli, begint de aannemer met het uitzetten en het grondwerk voor onze nieuwe woning aan "
        "de Skoalstrjitte 4 in Sneek.\n\nMet vriendelijke groet,\nSjoerd Hoekstra\n")))
    assert (x.kind, x.values().get("startdatum")) == ("startmelding", "2027-07-13")
    x = run(_mail(tmp_path, "startmelding Didamseweg 104", (
        "Goedenavond,\n\nHierbij meld ik de start van de bouw van onze woning aan de Didamseweg 104 in Zevenaar: "
        "maandag 19-7 gaat de schop erin.\nBouwmelding was 2027030200871.\n\nvr.gr. Sjoerd Hoekstra\n")))
    assert (x.kind, x.values().get("startdatum")) == ("startmelding", "2027-07-19")
    x = run(_mail(tmp_path, "Gereedmelding Borculoseweg 22", (
        "Goedemiddag,\n\nVandaag hebben wij in het Omgevingsloket de gereedmelding gedaan voor de vier huurwoningen "
        "aan de Borculoseweg 22 te Neede (verzoeknummer 2027060100804).\n\n"
        "De woningen worden per 1 augustus 2027 aan de huurders opgeleverd.\n\nMet vriendelijke groet,\nI. Schabbink\n")))
    assert (x.kind, x.values().get("ingebruikname")) == ("gereedmelding", "2027-08-01")


def test_a_portal_question_of_two_lines_with_its_answer_set_between_them(tmp_path):
    path = docgen.write_pdf(tmp_path / "g.pdf", [[
        "Omgevingsloket | Samenvatting verzoek", "Gereedmelding",
        [(50, "Verzoeknummer"), (280, "2027082400718")], [(50, "Adres"), (280, "Deldensestraat 19 7271 BK Borculo")],
        [(50, "Wanneer wordt het bouwwerk in gebruik")], [(280, "1 september 2027")], [(50, "genomen?")],
        [(50, "Bijlagen"), (280, "Dossier bevoegd gezag")]]])
    x = run(path)
    assert (x.kind, x.values().get("ingebruikname")) == ("gereedmelding", "2027-09-01")


def test_letter_spaced_labels_pieced_words_frisian_places_and_what_is_built_before_the_street():
    from wkb_desk.extract.locate import _SPACED_WORD, _unspaced
    from wkb_desk.extract.normalize import clean_place, parse_address

    assert _SPACED_WORD.sub(_unspaced, "B o u w a d r e s\tKerkweg 3") == "Bouwadres\tKerkweg 3"
    assert clean_place("Lich ten voo rde") is None  # a word a PDF drew in pieces is no place "Lich"
    assert clean_place("Capelle aan den IJssel") == "Capelle aan den IJssel"
    assert [clean_place(p) for p in ("Sint Nyk", "Dronryp", "Snits")] == ["Sint Nicolaasga", "Dronrijp", "Sneek"]
    assert parse_address("Bedrijfsunits Hearewei 6, Stiens") == {"straat": "Hearewei", "huisnummer": "6",
                                                                 "plaats": "Stiens"}


def test_an_address_not_given_yet_names_the_street_in_brackets(tmp_path):
    path = docgen.write_pdf(tmp_path / "m.pdf", [[
        "Omgevingsloket | Samenvatting verzoek", "Melding Bouwactiviteit (technisch)",
        [(50, "Verzoeknummer"), (250, "2027020200731")], "Locatie",
        [(50, "Adres"), (250, "nog niet toegekend (Kapelweg, bouwnummers 1 t/m 12)")],
        [(50, "Woonplaats"), (250, "Doetinchem")], [(50, "Kwaliteitsborger"), (250, "Woningborg N.V.")],
        [(50, "Instrument"), (250, "KiK")]]])
    values = run(path).values()
    assert (values.get("straat"), values.get("huisnummer"), values.get("plaats")) == ("Kapelweg", None, "Doetinchem")


def test_a_site_near_a_numbered_house_lies_on_its_street_and_a_mail_that_filed_the_melding(tmp_path):
    from wkb_desk.extract.normalize import parse_address

    assert parse_address("nabij Vredenseweg 141, Winterswijk Meddo") == {"straat": "Vredenseweg",
                                                                         "plaats": "Winterswijk Meddo"}
    assert "straat" not in parse_address("tabel A; bouwlocatie Oostrumsedijk ong. (nabij 7), Oostrum")
    x = run(_mail(tmp_path, "Fwd: bouwmelding", (
        "Goedemiddag,\n\nOnderstaande mail van onze opdrachtgever doorgestuurd voor uw administratie.\n\n"
        "---------- Forwarded message ---------\nVan: Gerrit ten Dam <g.tendam@example.nl>\nSubject: bouwmelding\n\n"
        "Ik heb de melding vanmorgen in het loket gezet. Voor de gemeente de gegevens:\n\n"
        "Verzoeknr.: 2027030200164\nBouwlokatie: nabij Vredenseweg 141, Winterswijk Meddo\nOpdrachtgever: G. ten Dam\n"
        "Kwaliteitsborger: DEKRA\nInstrument: KiK\nGevolgklasse 1\nWe beginnen maandag 12 april 2027 met de fundering.\n")))
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)  # the planned start in a sentence makes no startmelding


def test_a_checklist_with_merged_group_headings_over_its_column_headings(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Checklist ontvankelijkheid bouwmelding Wkb")
    first = document.add_table(rows=3, cols=5)
    for r, row in enumerate([["Melding (DSO)", "", "Locatie bouwwerk", "", ""],
                             ["Verzoeknummer", "Datum ontvangst", "Adres", "Postcode", "Woonplaats"],
                             ["2027022300681", "23-02-2027", "Zoeterwoudsesingel 7 rood", "2313 EK", "Leiden"]]):
        for c, text in enumerate(row):
            first.cell(r, c).text = text
    first.cell(0, 0).merge(first.cell(0, 1)).text = "Melding (DSO)"
    first.cell(0, 2).merge(first.cell(0, 4)).text = "Locatie bouwwerk"
    rows = [["Initiatiefnemer", "Initiatiefnemer", "Kwaliteitsborging", "Kwaliteitsborging", "Planning"],
            ["Naam", "KvK", "Kwaliteitsborger", "Instrument", "Start bouw"],
            ["Stichting Rijnhart Wonen", "41165230", "The Borging Company B.V.", "WKI", "13-04-2027"]]
    table = document.add_table(rows=3, cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Initiatiefnemer"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Kwaliteitsborging"
    checks = document.add_table(rows=4, cols=3)
    for r, row in enumerate([["Nr.", "Controlepunt", "✓"], ["1", "Melding via Omgevingsloket", "✓"],
                             ["2", "Kwaliteitsborger in register", "✓"], ["3", "Termijn: ≥ 4 weken vóór start", "✓"]]):
        for c, text in enumerate(row):
            checks.cell(r, c).text = text
    document.save(str(tmp_path / "checklist.docx"))
    x = run(tmp_path / "checklist.docx")
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert (values.get("straat"), values.get("huisnummer"), values.get("plaats")) == ("Zoeterwoudsesingel", "7-rood",
                                                                                      "Leiden")
    assert {k: values.get(k) for k in ("initiatiefnemer", "kvk", "kwaliteitsborger", "instrument", "startdatum")} == {
        "initiatiefnemer": "Stichting Rijnhart Wonen", "kvk": "41165230", "kwaliteitsborger": "The Borging Company",
        "instrument": "WKI", "startdatum": "2027-04-13"}  # not the next group's heading as the initiatiefnemer


def test_a_house_numbers_addition_in_a_cell_of_its_own_and_a_firm_and_sons(tmp_path):
    path = docgen.write_xlsx(tmp_path / "bp.xlsx", {"Borgingsplan": [
        ["Borgingsplan Rijndijk 211a"], ["Straat", "", "Rijndijk"], ["Huisnummer", "", "211", "a"],
        ["Postcode", "", "2394", "AH"], ["Plaats", "", "Hazerswoude-Rijndijk"],
        ["Opdrachtgever", "", "Kwekerij Van Egmond & Zn. V.O.F."], ["Kwaliteitsborger", "", "Kiwa"],
        ["Instrument", "", "KiK"]]})
    values = run(path).values()
    assert (values.get("huisnummer"), values.get("postcode")) == ("211a", "2394 AH")
    assert values.get("initiatiefnemer") == "Kwekerij Van Egmond & Zn. V.O.F."  # "Zn." ends no sentence before V.O.F.


def test_a_numbered_prints_last_sections_stay_rows_of_labels_beside_values(tmp_path):
    x = run(_numbered_print(tmp_path / "m.pdf", "Bouwactiviteit (technisch) - melding gevolgklasse 1", []))
    assert x.values().get("startdatum") == "2027-04-12"
    path = docgen.write_pdf(tmp_path / "m2.pdf", [[
        "Aanvraag/melding", [(50, "1.1 Verzoeknummer"), (300, "2027020900318")],
        [(50, "5.3 Instrument voor kwaliteitsborging"), (300, "WKI (Wkb Kwaliteitsborgingsinstrument, SIAW)")],
        "6 Planning", [(50, "6.1 Verwachte datum start bouwwerkzaamheden"), (300, "16-03-2027")], "7 Bijlagen",
        [(50, "7.1"), (300, "Risicobeoordeling (PDF)")], [(50, "7.2"), (300, "Borgingsplan (PDF)")]]])
    from wkb_desk.readers.pdf import read_pdf

    assert "6.1 Verwachte datum start bouwwerkzaamheden\t16-03-2027" in read_pdf(path, Limits()).pages[0].text


def test_a_letters_subject_wrapped_over_two_lines_above_the_salutation(tmp_path):
    side = ["PROJECTGEGEVENS", "Project", "Appartementen Sluiszicht", "Bouwlocatie", "Sluisweg 14-1", "2224 BW Katwijk",
            "Opdrachtgever", "Kustwonen Katwijk B.V.", "Kwaliteitsborger", "SGS Intron B.V.", "Instrument", "KiK",
            "Datum", "13-05-2027", "Ons kenmerk", "SGS-KB-27-233"]
    letter = ["Gemeente Katwijk Wkb-loket", "Postbus 589 2220 AN Katwijk", "Culemborg, 13 mei 2027",
              "Borgingsplan kleinschalig appartementengebouw", "Sluiszicht", "Geacht college,",
              "Bijgaand treft u het plan aan. Het omvat 6 risico's en 12 bijwoonmomenten, waaronder geluidmetingen",
              "tussen de appartementen en de controle van alle brandwerende doorvoeringen in de woningscheidingen.",
              "Met vriendelijke groet,", "L. Warmerdam, kwaliteitsborger"]
    rows = [[(50, a)] * bool(a) + [(250, b)] * bool(b) for a, b in zip(side, letter + [""] * (len(side) - len(letter)))]
    x = run(docgen.write_pdf(tmp_path / "plan.pdf", [rows]))
    assert x.kind == "borgingsplan", (x.kind, x.kind_score)
    assert (x.values().get("straat"), x.values().get("postcode")) == ("Sluisweg", "2224 BW")


def test_a_borgers_form_whose_title_a_scan_lost_is_a_verklaring_by_its_ticked_outcome(tmp_path):
    path = docgen.write_docx(tmp_path / "vk.docx", [[
        ["BOUWWERK", "Vrijstaande woning"], ["ADRES", "Legemeersterweg 19, 8521 NL Sint Nicolaasga"],
        ["OPDRACHTGEVER", "L. Feenstra"], ["KWALITEITSBORGER", "Bylaer"], ["INSTRUMENT", "WKI"], ["DATUM", "8 juli 2027"]],
        "\u2612 Verklaring afgegeven: het bouwwerk voldoet naar verwachting aan de bouwtechnische regels.",
        "\u2610 Geen verklaring afgegeven (zie afwijkingen)"])
    x = run(path)
    assert x.kind == "verklaring", (x.kind, x.kind_score)
    assert x.values().get("verklaring") == "positief"


def test_a_melding_at_the_bottom_of_a_forwarded_chain_is_the_document(tmp_path):
    x = run(_mail(tmp_path, "FW: FW: melding Wkb Kasweg 12", (
        "Hoi Twan,\n\nKan deze naar de behandelaar Wkb? Is volgens mij de melding voor de nieuwe kas.\n\nGroet, Ilse\n\n"
        "-----Oorspronkelijk bericht-----\nVan: Lars Derks <l.derks@example.nl>\nVerzonden: woensdag 3 maart 2027 10:14\n"
        "Aan: info@gemeente.example\nOnderwerp: FW: melding Wkb Kasweg 12\n\n"
        "Goedemorgen, hieronder de melding zoals de klant die heeft ingediend.\n\n"
        "-----Oorspronkelijk bericht-----\nVan: Kwekerij Tienray <info@kwekerij.example>\n"
        "Verzonden: dinsdag 2 maart 2027 17:48\nAan: Lars Derks <l.derks@example.nl>\nOnderwerp: melding Wkb Kasweg 12\n\n"
        "BOUWMELDING (Wkb, gevolgklasse 1)\nVerzoeknummer DSO : 2027030200159\nIngediend         : 02-03-2027\n"
        "Initiatiefnemer   : Kwekerij Tienray B.V.\nBouwadres         : Kasweg 12, 5863 AT Tienray\n"
        "Kwaliteitsborger  : Borg KB B.V.\nInstrument        : WKI\nStart bouw        : 07-04-2027\n")))
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    assert (x.values().get("straat"), x.values().get("startdatum")) == ("Kasweg", "2027-04-07")


def test_a_question_about_a_melding_that_quotes_no_melding_stays_onbekend(tmp_path):
    x = run(_mail(tmp_path, "RE: vraag over de melding", (
        "Kunt u bevestigen dat mijn melding compleet is?\n\n-----Oorspronkelijk bericht-----\nVan: Wkb-loket\n"
        "Onderwerp: vraag over de melding\n\nGoedemiddag, wij hebben uw vraag ontvangen en komen erop terug.\n")))
    assert x.kind == "onbekend", (x.kind, x.kind_score)


def test_a_borgers_tagline_under_its_name_opens_no_block_and_names_no_instrument(tmp_path):
    path = docgen.write_pdf(tmp_path / "bp.pdf", [[
        "BUREAU VERITAS", "Wkb kwaliteitsborging", "Borgingsplan Wkb",
        "Bureau Veritas Nederland - referentie BV-WKB-27-0332 - 27-02-2027",
        [(50, "Object"), (200, "Bedrijfshal met verwerkingsruimte")], [(50, "Adres"), (200, "Kanaalstraat 104, 5981 NE Panningen")],
        [(50, "Instrument"), (200, "KOMO Instrument Kwaliteitsborging")], [(50, "Gevolgklasse"), (200, "1")]]])
    x = run(path)
    assert x.kind == "borgingsplan", (x.kind, x.kind_score)
    values = x.values()
    assert (values.get("straat"), values.get("plaats"), values.get("instrument")) == ("Kanaalstraat", "Panningen", "KiK")
    assert load_reference().match_instrument("Wkb kwaliteitsborging") is None  # the trade, not the WKI instrument


def test_the_site_in_a_tables_caption_after_bouwlocatie():
    from wkb_desk.extract.extras import _site_in_sentence

    m = _site_in_sentence("Overzicht 1 — bouwlocatie Maasstraat 17 b, 5951 BE Belfeld (gemeente Venlo), bedrijfswoning")
    assert m is not None and m.group("a").startswith("Maasstraat 17 b")


def test_a_location_that_opens_with_the_word_perceel_is_no_kadastral_value(tmp_path):
    path = docgen.write_docx(tmp_path / "bp.docx", ["Borgingsplan mantelzorgwoning", [
        ["Ligging", "perceel naast Lingedijk 34 te Tricht"], ["Kadastrale aanduiding", "Buurmalsen K 1532"],
        ["Opdrachtgever", "G.J. van Kooten"], ["Kwaliteitsborger", "Borg4"], ["Instrument", "WKI"]]])
    values = run(path).values()
    assert (values.get("straat"), values.get("huisnummer"), values.get("plaats"), values.get("kadastraal")) == (
        "Lingedijk", None, "Tricht", "Buurmalsen K 1532")  # the neighbour's number is not the site's


def test_a_street_whose_name_opens_with_de_after_gaan_bouwen_op():
    from wkb_desk.extract.extras import _site_in_sentence

    m = _site_in_sentence("Wij gaan bouwen op De Lindeboom 14 in Aalten (dat is kavel 7, de postcode is 7122 ZK).")
    assert m is not None and m.group("a").startswith("De Lindeboom 14")


def test_a_section_heading_across_a_word_form_is_no_group_heading_of_its_rows(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("MELDINGSFORMULIER BOUWACTIVITEIT (WKB)")
    table = document.add_table(rows=4, cols=2)
    for r, row in enumerate([["B. Initiatiefnemer", ""], ["Naam", "Kwekerij Van der Sluis B.V."],
                             ["KvK-nummer", "36041290"], ["Kwaliteitsborger", "Stavast Kwaliteitsborging B.V."]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 1)).text = "B. Initiatiefnemer"
    document.save(str(tmp_path / "form.docx"))
    from wkb_desk.readers.office import read_docx

    text = read_docx(tmp_path / "form.docx", Limits()).pages[0].text
    assert "Naam\tKwekerij Van der Sluis B.V.\n" in text + "\n"  # not "... B.V. b. initiatiefnemer"


def test_an_e_forms_radio_buttons_and_the_instruction_after_a_yes_no_question(tmp_path):
    path = docgen.write_pdf(tmp_path / "ef.pdf", [[
        "Gemeente Den Helder", "Melding bouwactiviteit gevolgklasse 1 (Wkb)",
        "Ontvangstnummer EF-0400-2027-01187", "2.2 Straatnaam", "Breewijd", "2.3 Huisnummer en toevoeging", "18",
        "2.5 Woonplaats", "Den Helder", "3.2 In welke gevolgklasse valt het bouwwerk?",
        "(x) Gevolgklasse 1 ( ) Gevolgklasse 2 ( ) Gevolgklasse 3", "4.1 Naam van de kwaliteitsborger", "Borg 4 B.V.",
        "5.2 Heeft u de melding ook via het Omgevingsloket ingediend? Vul dan het verzoeknummer in.", "2027020900164",
        "5.4 Wat is de uitkomst van de verklaring?",
        "( ) Positief - verklaring afgegeven (x) Negatief - geen verklaring afgegeven"]])
    values = run(path).values()
    assert (values.get("gevolgklasse"), values.get("verzoeknummer")) == (1, "2027020900164")
    from wkb_desk.extract.locate import _RADIO_EMPTY, _RADIO_ON

    assert _RADIO_EMPTY.sub("\u2610", _RADIO_ON.sub("\u2612", "(\u2022) Ja ( ) Nee")) == "\u2612 Ja \u2610 Nee"


def test_a_text_layer_made_by_ocr_with_its_slips_in_the_labels(tmp_path):
    path = docgen.write_pdf(tmp_path / "scan.pdf", [[
        "MELDlNG BOUWACTIVITEIT (TECHN1SCH) - WKB", "Verzoeknumrner: 2027012600733", "Daturn: 26 januari 2027",
        "Straat en huisnurnmer: Sallandsestraat 9", "Postc0de: 7741 KM", "P1aats: Coevorden",
        "Kadastraa1: Coevorden F 3302", "lnitiatiefnemer", "Narn: A. Wolbers", "Kwaliteitsbcrger: Bylaer B.V.",
        "lnstrurnent: WKI", "Gevo1gklasse: 1", "Gep1ande startdaturn: 09-03-2027"]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    values = x.values()
    assert {k: values.get(k) for k in ("verzoeknummer", "postcode", "plaats", "kadastraal", "initiatiefnemer",
                                       "instrument", "gevolgklasse", "startdatum")} == {
        "verzoeknummer": "2027012600733", "postcode": "7741 KM", "plaats": "Coevorden",
        "kadastraal": "Coevorden F 3302", "initiatiefnemer": "A. Wolbers", "instrument": "WKI", "gevolgklasse": 1,
        "startdatum": "2027-03-09"}


def test_ocr_slips_inside_a_word_in_capitals():
    from wkb_desk.extract.locate import mend_capitals

    assert mend_capitals("VERKLAR1NG KWALITElTSBORGER") == "VERKLARING KWALITEITSBORGER"
    assert mend_capitals("SGS-KB-26-233 7741KM B4") == "SGS-KB-26-233 7741KM B4"  # codes and postcodes stay


def test_a_verklaring_the_melder_will_send_later_is_not_attached(tmp_path):
    path = docgen.write_docx(tmp_path / "g.docx", [
        "Gereedmelding", "Verzoeknummer: 2027040700391", "Hierbij melden wij dat de bouw van twee woningen gereed is.",
        "Locatie", "Adres Noordbargerstraat 77, 7812 AB Emmen", "Verwachte datum ingebruikname: 08-05-2027",
        "Documenten", "Dossier bevoegd gezag bijgevoegd", "Verklaring kwaliteitsborger volgt later",
        "De verklaring van de kwaliteitsborger sturen wij na zodra deze binnen is."])
    x = run(path)
    assert x.kind == "gereedmelding", (x.kind, x.kind_score)
    assert (x.values().get("bevat_dbg"), x.values().get("bevat_verklaring")) == (True, False)


def test_attachments_named_by_their_short_forms_rb_and_bp(tmp_path):
    path = docgen.write_docx(tmp_path / "m.docx", ["MELDINGSFORMULIER BOUWACTIVITEIT (WKB)", [
        ["Verzoeknummer Omgevingsloket", "2027040700301"], ["Straat + huisnummer", "Kooypunt 7"],
        ["Postcode / plaats", "1786 RZ Den Helder"], ["Kwaliteitsborger", "WTT Kwaliteitsborging B.V."],
        ["Instrument", "WKI"], ["Beoogde start bouw", "19-05-2027"], ["Bijlagen", "RB + BP (WTT)"]]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    assert sorted(x.values().get("bijlagen") or []) == ["borgingsplan", "risicobeoordeling"]


def test_a_note_in_brackets_after_the_house_number_and_the_place_after_it():
    from wkb_desk.extract.normalize import parse_address

    assert parse_address("Kottenseweg 41 (erf), Winterswijk Kotten") == {
        "straat": "Kottenseweg", "huisnummer": "41", "plaats": "Winterswijk Kotten"}
    assert parse_address("Dorpsstraat 3 (achter) te Almelo")["plaats"] == "Almelo"


def test_streets_whose_names_open_with_an_article_or_a_preposition():
    from wkb_desk.extract.normalize import parse_address

    assert parse_address("'t Ven 3, 6039 AK Stramproy")["straat"] == "'t Ven"
    assert parse_address("In de Kamp 7b, 6031 AB Nederweert")["straat"] == "In de Kamp"
    assert parse_address("Op 't Hoogveld 4, Heerlen")["straat"] == "Op 't Hoogveld"
    assert parse_address("wij bouwen aan de Kerkstraat 12 te Goor")["straat"] == "Kerkstraat"  # a sentence's words


def test_a_phones_screen_of_a_filed_melding_is_a_guessed_bouwmelding(tmp_path):
    path = docgen.write_pdf(tmp_path / "scherm.pdf", [[
        "09:41 Omgevingsloket", "Uw melding is", "verzonden", "Nummer van uw verzoek", "2027011200963", "Datum",
        "12 januari 2027", "Straat + huisnummer", "Hoeveweg 3", "Postcode", "6039 AK", "Plaats", "Stramproy",
        "Kwaliteitsborger", "Kiwa Nederland B.V.", "Instrument", "KiK", "Gevolgklasse", "1", "Start bouw",
        "1 maart 2027"]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    assert x.kind_score < 0.8  # shown by its fields only: marked for checking


def test_a_workbook_of_several_projects_reads_the_sheet_named_as_this_one(tmp_path):
    def project(place: str, perceel: str, owner: str) -> list[list[object]]:
        return [["Risicobeoordeling Wkb"], ["", "Projectlocatie", f"Nieuwbouw, {place}"], ["", "Kadastraal", perceel],
                ["", "Opdrachtgever", owner], ["", "Kwaliteitsborger", "SWK Kwaliteitsborging"], ["", "Instrument", "KiK"],
                ["", "Start bouw", "20-04-2027"]]
    path = docgen.write_xlsx(tmp_path / "planning.xlsx", {
        "Landgraaf Lauradorp": project("Landgraaf", "Landgraaf C 812", "Wonen Limburg"),
        "Heerlen K5521 (deze)": project("Heerlen", "Heerlen K 5521", "Woonstichting Parkstad Thuis"),
        "Voerendaal Kunrade": project("Voerendaal", "Voerendaal A 77", "Stichting Kunrade")})
    values = run(path).values()
    assert (values.get("kadastraal"), values.get("initiatiefnemer")) == ("Heerlen K 5521", "Woonstichting Parkstad Thuis")
