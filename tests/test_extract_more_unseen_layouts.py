"""Error classes found on further documents written by others (issue 11), each written again in our own wording:
a municipality's "Gemeente / woonplaats" label for the site's place; risk tables whose only project data is their
running head (in a PDF's body or a Word header); a risk table's cell that holds a label word; start notices passed on
from a phone or a chat, with the chat's time stamps; a citizen's melding in their own words; the DSO's notification
mails and prints with numbered questions ("1.1.1 Adres" over its answer); report project cards with a code column
between label and value; a site's name beside its label with the address in the lines below, among the addresses of
other parties; a submitter's role that is itself a label word; the verklaring's outcome stated on a gereedmelding or
DBG; a grid of labels beside values with numbered risk rows among them; sites named as plots, quarters and deelplannen;
sentences that name the borger, the one the melder acts for, or a street with a hyphenated name; one-line gereed- and
startmeldingen that name what is built before its address; a reply that changes the date of the melding it quotes; a phone scanner's stamp of its file and the date it scanned; a
plot beside the melder's own house; a tiny house's number; German notices of builders from across the border."""

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


def test_gemeente_slash_woonplaats_names_the_sites_place_not_a_municipalitys_address(tmp_path):
    # "Gemeente" with a place word is the site's place in two names; with an applicant's word it is the applicant's
    path = docgen.write_pdf(tmp_path / "melding.pdf", [[
        "Gemeente Dinkelland", "Postbus 11, 7590 AA Denekamp",
        "Melding Bouwactiviteit (technisch)",
        "Verzoeknummer: 2027030300418",
        "Straat bouwlocatie: Kerkstraat",
        "Huisnummer: 14",
        "Postcode: 7591 BH",
        "Gemeente / woonplaats bouwlocatie: Denekamp",
        "Naam aanvrager: Bouwbedrijf Oude Kamphuis",
        "Gemeente / woonplaats aanvrager: Ootmarsum",
        "Kwaliteitsborger: Bylaer",
        "Instrument: WKI",
    ]])
    x = run(path)
    assert x.kind == "bouwmelding"
    assert x.values()["plaats"] == "Denekamp"
    assert x.values().get("melder_plaats") in (None, "Ootmarsum")


def _risk_rows(n: int) -> list:
    rows = [[(50, "Nr"), (80, "Aspect"), (150, "Bbl"), (190, "Risico"), (380, "K E H"), (430, "Klasse"),
             (480, "Maatregel")]]
    for k in range(n):
        rows.append([(50, f"R{k + 1:02d}"), (80, "BLO" if k == 0 else "Uitvoering"), (150, "2.19" if k == 0 else "4.12"),
                     (190, "Kwel in de bouwput nabij de dijk" if k == 0 else "Rookmelders niet op juiste"),
                     (380, "3 4 2"), (430, "hoog"), (480, "Bemalingsplan")])
        if k:
            rows.append([(190, "plaats / niet gekoppeld"), (480, "oplevering")])
    return rows


def test_a_risk_table_whose_project_data_is_only_its_running_head(tmp_path):
    head = ["Kwaliteitsborging Oost – Risicobeoordeling KO-27-0311 – 14-04-2027",
            "Kapschuurwoning Rijndijk 41b, 6665 LK Driel – instrument WKI"]
    path = docgen.write_pdf(tmp_path / "KO RB 27-0311.pdf", [head + _risk_rows(12), head + _risk_rows(6)])
    x = run(path)
    assert x.kind == "risicobeoordeling", (x.kind, x.kind_score)
    v = x.values()
    assert (v["straat"], v["huisnummer"], v["postcode"], v["plaats"]) == ("Rijndijk", "41b", "6665 LK", "Driel")
    assert (v["kwaliteitsborger"], v["instrument"], v["datum"]) == ("Kwaliteitsborging Oost", "WKI", "2027-04-14")
    assert v["blo_benoemd"] is True  # the aspect "BLO" with article 2.19 names the local circumstances
    # values without labels: guesses, to check
    assert x.fields["straat"].confidence < 0.7 and x.fields["kwaliteitsborger"].confidence < 0.7


def test_a_word_risk_table_with_its_project_in_the_page_header(tmp_path):
    table = [["Nr", "Aspect", "Risico", "Klasse", "Maatregel"]] + [
        [f"R{k:02d}", "Constructie", "Verankering dakspanten onvoldoende", "midden", "Controle op de bouw"]
        for k in range(1, 15)]
    path = docgen.write_docx(tmp_path / "RB_loods_v3.docx", [table], header=[
        "Risicobeoordeling – Fruitloods Van Zuijlen – Dorpsstraat 9, Ommeren",
        "SGS INTRON Certificatie | KiK | versie 3 | 02-02-2027"])
    x = run(path)
    assert x.kind == "risicobeoordeling", (x.kind, x.kind_score)
    v = x.values()
    assert (v["straat"], v["huisnummer"], v["plaats"]) == ("Dorpsstraat", "9", "Ommeren")
    assert (v["kwaliteitsborger"], v["instrument"], v["datum"]) == ("SGS Intron", "KiK", "2027-02-02")


def test_a_risk_cell_with_a_place_word_gives_no_place(tmp_path):
    # ("Rookmelders niet op juiste | plaats / niet gekoppeld | oplevering": no label, and no place)
    path = docgen.write_pdf(tmp_path / "rb.pdf", [[
        "Risicobeoordeling", "Kwaliteitsborger: Borg4", "Instrument: WKI", "Datum: 12-03-2027",
    ] + _risk_rows(5)])
    x = run(path)
    assert x.kind == "risicobeoordeling"
    assert "plaats" not in x.values(), x.values()


def _mail(tmp_path, subject: str, body: str, sender: str = "Wim de Kok <wim@fruitteelt.example>",
          date: str = "Fri, 19 Mar 2027 17:02:00 +0100"):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Date"], msg["Subject"] = sender, "wkb@gemeente.example", date, subject
    msg.set_content(body)
    path = tmp_path / "mail.eml"
    path.write_bytes(bytes(msg))
    return path


def test_a_start_notice_pasted_from_a_chat_reads_the_day_not_the_time_stamps(tmp_path):
    path = _mail(tmp_path, "Fw: start bouw schuurwoning", (
        "Hallo,\n\nVan onze aannemer, bij deze doorgestuurd als startmelding voor Achterweg 12 Deil.\n\n"
        "[19/03/2027, 16:40] Bouwbedrijf Kuijk: Wim, dinsdag 23 maart om 7.30 uur start bouw schuurwoning Achterweg 12.\n"
        "[19/03/2027, 16:41] Wim de Kok: Top, ik meld het\n\nGroet Wim\n"))
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    v = x.values()
    assert v["startdatum"] == "2027-03-23"  # not the chat's 19/03 time stamp
    assert (v["straat"], v["huisnummer"], v["plaats"]) == ("Achterweg", "12", "Deil")


def test_a_one_line_start_notice_from_a_phone(tmp_path):
    path = _mail(tmp_path, "startmelding", "Start bouw tiny house achter Waaldijk 8 op maandag 29 maart. Groet, W. de Kok\n")
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    assert x.values()["startdatum"] == "2027-03-29"


def test_a_chat_line_with_the_start_before_its_day(tmp_path):
    path = _mail(tmp_path, "Startmelding Lingeweg 5", (
        "Goedemiddag,\n\nStartmelding Lingeweg 5 Gellicum, zie het bericht van de uitvoerder:\n\n"
        "19-3-2027 12:03 - Kees (uitvoerder): Kraan staat klaar. Start bouw Lingeweg 5 op woensdag 24 maart\n"
        "19-3-2027 12:04 - Kees (uitvoerder): bouwmelding was 2027020900287\n\nGroet,\nJ. Bos\n"))
    x = run(path)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    v = x.values()
    assert v["startdatum"] == "2027-03-24" and v["verwijst_naar"] == "2027020900287"


def test_a_citizens_melding_in_their_own_words_over_labelled_lines(tmp_path):
    path = _mail(tmp_path, "Melding mantelzorgwoning Voorstraat 3", (
        "Geachte heer/mevrouw,\n\nBij deze doe ik ook per mail de melding voor het bouwen van een mantelzorgwoning"
        " (Wkb).\n\nBouwadres:         Voorstraat 3, 4153 AB Beesd\nInitiatiefnemer:   A. de Ridder\n"
        "Kwaliteitsborger:  Kiwa\nInstrument:        KiK\n\nMet vriendelijke groet,\nAnke de Ridder\n"),
        sender="Anke de Ridder <anke@example.nl>")
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    assert x.values()["plaats"] == "Beesd" and x.values()["instrument"] == "KiK"


def test_a_dso_notification_mail_with_numbered_questions_and_answers_below(tmp_path):
    path = _mail(tmp_path, "Nieuw verzoek ontvangen: 2027022301105 - Woning De Vries", (
        "Geachte medewerker van Gemeente Altena,\n\nEr is een nieuw verzoek ingediend in het Omgevingsloket dat u"
        " moet behandelen.\n\nOmgevingsloket - samenvatting verzoek\n\nVerzoeknummer:\t2027022301105\n"
        "Datum indiening:\t23-02-2027 20:05\nSoort verzoek:\tMelding\n"
        "Procedure:\tMelding bouwactiviteit (technisch) - gevolgklasse 1\n\n"
        "1 Melding bouwactiviteit (technisch) - gevolgklasse 1\n\n1.1 Locatie\n1.1.1 Adres\n"
        "    Sleeuwijksedijk 7, 4254 LA Sleeuwijk\n1.1.2 Identificatie adresseerbaar object (BAG)\n"
        "    0870010000553018\n\n1.2 Initiatiefnemer\n1.2.1 Naam initiatiefnemer\n    P. de Vries\n\n"
        "1.3 Kwaliteitsborging\n1.3.1 Welk toegelaten instrument voor kwaliteitsborging wordt gebruikt?\n"
        "    BKapp (Apexion)\n1.3.2 Naam kwaliteitsborger\n    Bureau Veritas Nederland B.V.\n\n"
        "Dit is een automatisch verzonden bericht.\n"), sender="Omgevingsloket <noreply@omgevingswet.example.nl>")
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    v = x.values()
    assert (v["verzoeknummer"], v["straat"], v["postcode"], v["bag_id"]) == (
        "2027022301105", "Sleeuwijksedijk", "4254 LA", "0870010000553018")
    assert (v["initiatiefnemer"], v["instrument"], v["kwaliteitsborger"]) == ("P. de Vries", "BKapp", "Bureau Veritas")


def test_a_dso_gereedmelding_mail_named_by_its_procedure_and_first_section(tmp_path):
    path = _mail(tmp_path, "Nieuw verzoek ontvangen: 2027100500231 - Woning Van Dam", (
        "Er is een nieuw verzoek ingediend.\n\nVerzoeknummer:\t2027100500231\nDatum indiening:\t05-10-2027 16:02\n"
        "Soort verzoek:\tMelding\nProcedure:\tGereedmelding (art. 2.21 Bbl)\n\n1 Gereedmelding (art. 2.21 Bbl)\n\n"
        "1.1 Locatie\n1.1.1 Adres\tHavendijk 4, 4285 AB Woudrichem\n"
        "1.2.1 Verzoeknummer bouwmelding\t2027031600289\n"
        "1.2.2 Wanneer wordt het bouwwerk in gebruik genomen?\t12-10-2027\n"
        "1.2.3 Kwaliteitsborger\tStavast Kwaliteitsborging B.V.\n"), sender="Omgevingsloket <noreply@omgevingswet.example.nl>")
    x = run(path)
    assert x.kind == "gereedmelding", (x.kind, x.kind_score)  # "Soort verzoek: Melding" alone would say bouwmelding
    assert x.values()["ingebruikname"] == "2027-10-12" and x.values()["verwijst_naar"] == "2027031600289"


def test_a_portal_print_with_numbered_questions_in_their_own_column(tmp_path):
    path = docgen.write_pdf(tmp_path / "Verzoek_2027051100672.pdf", [[
        [(50, "Omgevingsloket"), (300, "Overzicht ingediend verzoek")], "Melding Bouwactiviteit (technisch)",
        [(50, "Verzoeknummer"), (200, "2027051100672")], "1.1 Locatie",
        [(50, "1.1.1"), (90, "Adres")], "Raadhuisstraat 15-1, 4241 ab Arkel",
        [(50, "1.1.2"), (90, "Identificatie adresseerbaar object (BAG)")], "0642010000120564",
        "1.2 Initiatiefnemer", [(50, "1.2.1"), (90, "Naam")], "Arkel Wonen C.V.",
        [(50, "1.2.2"), (90, "KvK-nummer")], "96023184",
        [(50, "1.3.1"), (90, "Wat is de verwachte datum waarop de bouwwerkzaamheden beginnen?")], "22-06-2027",
        [(50, "1.4.1"), (90, "Naam kwaliteitsborger")], "Dekra Kwaliteitsborging",
    ]])
    v = run(path).values()
    assert (v["huisnummer"], v["postcode"], v["bag_id"]) == ("15-1", "4241 AB", "0642010000120564")
    assert (v["initiatiefnemer"], v["kvk"], v["startdatum"]) == ("Arkel Wonen C.V.", "96023184", "2027-06-22")


def test_a_project_card_with_a_code_column_between_label_and_value(tmp_path):
    rows = [("Projectnaam", "A.01", "Dijkwoningen Oost"), ("Bouwlocatie", "A.03", "Oosteind 212"),
            ("Postcode / plaats", "A.04", "3351 RN Papendrecht"), ("Opdrachtgever", "A.07", "Woonstichting Drechtwaard"),
            ("KvK opdrachtgever", "A.08", "24183306"), ("Kwaliteitsborger", "[KB]", "Borg 4 B.V."),
            ("Gevolgklasse", "A.12", "GK1"), ("Geplande start bouw", "A.15", "13-04-2027")]
    path = docgen.write_pdf(tmp_path / "BP.pdf", [["Borg 4 B.V.", "Borgingsplan", "Projectkaart"] + [
        [(50, a), (190, b), (240, c)] for a, b, c in rows]])
    x = run(path)
    assert x.kind == "borgingsplan"
    v = x.values()
    assert (v["straat"], v["huisnummer"], v["plaats"]) == ("Oosteind", "212", "Papendrecht")
    assert (v["initiatiefnemer"], v["kvk"], v["kwaliteitsborger"]) == ("Woonstichting Drechtwaard", "24183306", "Borg4")
    assert (v["gevolgklasse"], v["startdatum"]) == (1, "2027-04-13")  # not the code "A.12"


def test_the_site_block_among_other_parties_blocks(tmp_path):
    path = docgen.write_pdf(tmp_path / "RB.pdf", [[
        "Kiwa Bouw & Kwaliteitsborging - Wilmersdorf 50 - 7327 AC Apeldoorn", "RISICOBEOORDELING WKB - P27-0311",
        [(50, "Datum"), (200, "27-01-2027")], [(50, "Borgingsinstrument"), (200, "KOMO Instrument Kwaliteitsborging")],
        "ADRESSEN", [(50, "Bevoegd gezag"), (200, "Gemeente Molenlanden")], "Dorpsstraat 22", "2971 AP Bleskensgraaf",
        [(50, "Kwaliteitsborger"), (200, "Kiwa Bouw & Kwaliteitsborging")], "Wilmersdorf 50", "7327 AC Apeldoorn",
        [(50, "Opdrachtgever"), (200, "Maatschap Verhoef")], "Peperstraat 10", "2971 AN Bleskensgraaf",
        [(50, "Bouwlocatie"), (200, "Werktuigenberging Maatschap Verhoef")], "Peperstraat 12", "2971 AN Bleskensgraaf",
        "R1 Fundering op slappe veengrond score 48 bijwoonmoment",
    ]])
    v = run(path).values()
    assert (v["straat"], v["huisnummer"], v["postcode"], v["plaats"]) == ("Peperstraat", "12", "2971 AN", "Bleskensgraaf")


def test_a_municipalitys_row_is_no_site_and_a_site_without_address_names_its_place(tmp_path):
    rows = [("Projectnaam", "P001", "Kortenhoeven fase 2"), ("Bouwlocatie", "P003", "Nog geen adres toegekend, plaats Arkel"),
            ("Kadastrale aanduiding", "P004", "Arkel B 3390"),
            ("Bevoegd gezag", "P005", "Gemeente Molenlanden, Dorpsstraat 22, 2971 AP Bleskensgraaf"),
            ("Kwaliteitsborger", "P009", "Woningborg N.V."), ("Instrument", "P010", "KOMO Instrument Kwaliteitsborging")]
    path = docgen.write_pdf(tmp_path / "RB.pdf", [["Woningborg N.V.", "Risicobeoordeling", "Projectkaart"] + [
        [(50, a), (190, b), (240, c)] for a, b, c in rows]])
    v = run(path).values()
    assert v["plaats"] == "Arkel" and v["kadastraal"] == "Arkel B 3390"
    assert "straat" not in v and "postcode" not in v  # the municipality's own address is no site


def test_a_submitters_role_below_its_label_and_a_closing_sentence_name_nobody_else(tmp_path):
    path = docgen.write_pdf(tmp_path / "Startmelding_2027050400129.pdf", [[
        [(50, "Omgevingsloket"), (300, "Overzicht ingediend verzoek")], "Informatie start bouwwerkzaamheden",
        [(50, "Verzoeknummer"), (200, "2027050400129")], "1.1 Locatie", [(50, "1.1.1"), (90, "Adres")],
        "Achterland 23, 2964AN Groot-Ammers", [(50, "1.2.1"), (90, "Op welke datum begint u met de bouwwerkzaamheden?")],
        "11-05-2027", "1.3 Indiener", [(50, "1.3.1"), (90, "Naam")], "E.J. Streefkerk", [(50, "1.3.2"), (90, "Rol")],
        "Initiatiefnemer", "Dit overzicht is automatisch samengesteld uit de gegevens die de indiener heeft opgegeven.",
    ]])
    x = run(path)
    assert x.kind == "startmelding"
    assert x.values()["initiatiefnemer"] == "E.J. Streefkerk"  # not "Dit"


def test_a_circled_number_between_label_and_value_and_klasse_wkb(tmp_path):
    docx = docgen.write_docx(tmp_path / "BP.docx", ["Borgingsplan", [
        ["Gevolgklasse", "\u2460", "GK1"], ["Bouwlocatie", "\u2461", "Oosteind 37, 3356 AB Papendrecht"],
        ["Kwaliteitsborger", "\u2462", "TÜV NORD Nederland B.V."]]])
    assert run(docx).values()["gevolgklasse"] == 1
    sheet = docgen.write_xlsx(tmp_path / "RB.xlsx", {"Risicobeoordeling": [
        ["Risicobeoordeling"], ["Bouwlocatie", "Avelingen-West 40, 4202 MS Gorinchem"], ["Klasse (Wkb)", 1],
        ["Kwaliteitsborger", "WTT Kwaliteitsborging"], ["Nr", "Risico", "Kans", "Effect"], ["R1", "Zetting", 3, 4]]})
    assert run(sheet).values()["gevolgklasse"] == 1


def test_the_verklarings_outcome_on_a_gereedmelding_and_a_dbg(tmp_path):
    labelled = docgen.write_docx(tmp_path / "DBG.docx", ["Dossier bevoegd gezag", [
        ["Bouwlocatie", "Oosteind 37, 3356 AB Papendrecht"], ["Kwaliteitsborger", "TÜV NORD Nederland B.V."],
        ["Verklaring kwaliteitsborger", "positief (TN-VK-27-0042)"]]])
    assert run(labelled).values()["verklaring"] == "positief"
    said = _mail(tmp_path, "Gereedmelding Binnendams 84", (
        "Geachte heer, mevrouw,\n\nHierbij doen wij de gereedmelding voor de woning aan Binnendams 84, 3373 AG"
        " Hardinxveld-Giessendam. Borg4 (instrument WKI) heeft een positieve verklaring afgegeven; deze vindt u in de"
        " bijlage. De bewoners nemen de woning op 19 oktober 2027 in gebruik.\n\nMet vriendelijke groet,\nJ. Bassa\n"))
    x = run(said)
    assert x.kind == "gereedmelding" and x.values()["verklaring"] == "positief"
    assert x.fields["verklaring"].confidence < 0.9  # read from a sentence
    # "Verklaring kwaliteitsborger | ja" says it is attached, not what it says; nor does "nog geen verklaring"
    present = docgen.write_docx(tmp_path / "G.docx", ["Gereedmelding", [
        ["Bouwlocatie", "Oosteind 37, 3356 AB Papendrecht"], ["Verklaring kwaliteitsborger", "ja"],
        ["Ingebruikname", "05-10-2027"]], "De kwaliteitsborger heeft nog geen positieve verklaring afgegeven."])
    assert "verklaring" not in run(present).values()
    # the outcome asked, or named beside "ja" / "bijgevoegd", or after the borger's name
    asked = docgen.write_docx(tmp_path / "G2.docx", ["Gereedmelding bouwwerk", "Wat is de uitkomst van de verklaring?",
                                                     "Negatief – DEKRA heeft geen verklaring afgegeven (3 open punten)",
                                                     [["Bouwlocatie", "Vuurlinie 7, 1382 KA Weesp"]]])
    assert run(asked).values()["verklaring"] == "negatief"
    beside = docgen.write_docx(tmp_path / "G3.docx", ["Gereedmelding", [
        ["Bouwlocatie", "Uiterweg 112-II, 1431 AP Aalsmeer"], ["Verklaring kwaliteitsborger", "ja, positief (Kiwa, 21-10-2027)"],
        ["Datum ingebruikname", "16-11-2027"]]])
    assert run(beside).values()["verklaring"] == "positief"
    listed = _mail(tmp_path, "Gereedmelding Bovenkerkerweg 158", (
        "Geachte heer, mevrouw,\n\nHierbij doen wij de gereedmelding voor Bovenkerkerweg 158, 1187 XN Amstelveen.\n"
        "- Datum ingebruikname: maandag 15 november 2027\n- Verklaring Bureau Veritas: positief (bijlage)\n\n"
        "Met vriendelijke groet,\nA. de Wit\n"))
    assert run(listed).values()["verklaring"] == "positief"


def test_labels_beside_values_with_numbered_risk_rows_stay_rows(tmp_path):
    rows = [("Bouwadres", "Larenseweg 88 B, 1221 CN Hilversum"), ("Kadastraal", "Hilversum E 10421"),
            ("Opdrachtgever", "H. Duinmeijer"), ("Gevolgklasse", "1"), ("Kwaliteitsborger", "Bylaer"),
            ("Instrument", "WKI"), ("Datum", "5 augustus 2027"), ("Risico's", ""),
            ("R1 Fundering nabij monumentale villa (trillingen)", "Hoog - nulmeting, trillingsmeting"),
            ("R2 Brandoverslag naar bestaande villa (5,5 m)", "Hoog - bijwoonmoment gevel"),
            ("R3 Bodem: grondwaterbeschermingsgebied (BLO)", "Midden - geen diepe boringen"),
            ("R4 Ventilatie en luchtkwaliteit", "Midden"), ("Aantal risico's", "4"), ("Bijwoonmomenten", "4")]
    path = docgen.write_pdf(tmp_path / "RB.pdf", [["Risicobeoordeling 2027-0877", "Bylaer B.V. - instrument WKI",
                                                   "Projectgegevens"] + [[(50, a), (400, b)] if b else a for a, b in rows]])
    x = run(path)
    assert x.kind == "risicobeoordeling", (x.kind, x.kind_score)
    v = x.values()
    assert (v["straat"], v["huisnummer"], v["initiatiefnemer"], v["datum"]) == (
        "Larenseweg", "88b", "H. Duinmeijer", "2027-08-05")
    assert v["blo_benoemd"] is True  # "(BLO)" in a risk's line


def test_sentences_that_name_the_borger_the_principal_and_a_hyphenated_street(tmp_path):
    start = _mail(tmp_path, "Startmelding 2027100700233 – Bovenmaatweg Huizen", (
        "Geachte medewerker,\n\nNamens de initiatiefnemer, Bovenmaat Ontwikkeling B.V., meldt Bylaer B.V. als"
        " kwaliteitsborger de start van de bouwwerkzaamheden voor het project 6 woningen Bovenmaatweg te Huizen.\n\n"
        "Start bouwwerkzaamheden: maandag 11 oktober 2027\n\nMet vriendelijke groet,\nLotte Meijerink\n"))
    x = run(start)
    assert x.kind == "startmelding" and x.values()["kwaliteitsborger"] == "Bylaer"
    # the number the notice's own name carries is its own, not the bouwmelding's it refers to
    assert x.values().get("verwijst_naar") != "2027100700233"
    gereed = _mail(tmp_path, "Gereedmelding Oud-Loosdrechtsedijk 214", (
        "Goedemiddag,\n\nNamens de heer P.C. de Graaf dien ik hierbij de gereedmelding in voor de nieuwbouw van de"
        " woning Oud-Loosdrechtsedijk 214 in Loosdrecht.\n\nGeplande ingebruikname: 4 oktober 2027\n\nMet"
        " vriendelijke groet,\nir. M. Koeleman\n"))
    v = run(gereed).values()
    assert (v["straat"], v["plaats"], v["initiatiefnemer"]) == ("Oud-Loosdrechtsedijk", "Loosdrecht", "P.C. de Graaf")


def test_sites_named_as_plots_quarters_and_deelplannen(tmp_path):
    path = docgen.write_docx(tmp_path / "melding.docx", ["Melding bouwactiviteit (technisch)", [
        ["Locatie", "Bloemendalerpolder, deelplan 4, bouwnummers 12 t/m 19, Weesp"], ["Kwaliteitsborger", "Kiwa"],
        ["Instrument", "KiK"], ["Opdrachtgever", "Vechtoever Ontwikkeling B.V."]]])
    v = run(path).values()
    assert v["plaats"] == "Weesp" and "straat" not in v  # "deelplan 4" is no street with a number
    plots = docgen.write_docx(tmp_path / "plan.docx", ["Borgingsplan", [
        ["Locatie", "bouwkavel 14, Anna's Hoeve-Noord, Hilversum"], ["Kwaliteitsborger", "Stavast"]],
        "Project: Bovenmaatweg, kavels 1 t/m 6, Huizen"])
    assert run(plots).values()["plaats"] == "Hilversum"  # the place comes last, after the quarter
    gereed = docgen.write_docx(tmp_path / "gereed.docx", ["Gereedmelding", [
        ["Locatie", "Bovenmaatweg, kavels 1 t/m 6, Huizen"], ["Wanneer wordt het bouwwerk in gebruik genomen?", "12-06-2027"]]])
    g = run(gereed).values()
    assert (g["straat"], g["plaats"]) == ("Bovenmaatweg", "Huizen")


def test_an_answer_that_says_none_yet_and_a_label_opened_in_a_bracket(tmp_path):
    path = docgen.write_docx(tmp_path / "melding.docx", ["Melding bouwactiviteit (technisch)", [
        ["Bouwadres", "Dammerweg 46, 1398 BB Muiden"], ["Welke kwaliteitsborger heeft u ingeschakeld?",
                                                        "Nog niet bekend, we zijn in gesprek met twee bureaus"],
        ["Welk toegelaten instrument gebruikt de kwaliteitsborger?", "-"]]])
    x = run(path)
    assert "kwaliteitsborger" not in x.values() and "kwaliteitsborger" in x.missing
    verklaring = docgen.write_docx(tmp_path / "verklaring.docx", [
        "Verklaring kwaliteitsborger", "Stavast Kwaliteitsborging verklaart dat het bouwwerk aan de",
        "Zijdelweg 40 te Uithoorn (opdrachtgever: Kwekerij Zijdelveld V.O.F.), getoetst met het instrument KiK,",
        "voldoet aan de bouwtechnische voorschriften."])
    assert run(verklaring).values()["initiatiefnemer"] == "Kwekerij Zijdelveld V.O.F."


def test_a_one_line_gereedmelding_and_a_texted_start_name_the_building_and_its_address(tmp_path):
    gereed = _mail(tmp_path, "gereed", "Mantelzorgwoning Lingedijk 48a is klaar, ma gaat er op 28-8-'27 in wonen."
                   " Verklaring van WTT volgt nog. Ton Schenk\n", date="Fri, 20 Aug 2027 17:40:00 +0200")
    x = run(gereed)
    assert x.kind == "gereedmelding", (x.kind, x.kind_score)
    v = x.values()
    assert (v["straat"], v["huisnummer"], v["ingebruikname"]) == ("Lingedijk", "48a", "2027-08-28")
    assert x.fields["straat"].confidence < 0.7  # read from a sentence: to check
    start = _mail(tmp_path, "Startmelding loods", (
        "Goedemiddag,\n\nDoorgestuurd van onze bedrijfsleider, de startmelding voor de loods.\n\n"
        "> SMS van Gijs, 4 maart 2027 11:52:\n> Bouw loods Nedereindsestraat 44 start ma 8 maart. Grondwerk door ons"
        " zelf.\n\nMet vriendelijke groet,\nAnita van Ravenswaaij\n"), date="Thu, 04 Mar 2027 13:20:00 +0100")
    y = run(start)
    assert y.kind == "startmelding", (y.kind, y.kind_score)
    assert (y.values()["straat"], y.values()["startdatum"]) == ("Nedereindsestraat", "2027-03-08")


def test_a_reply_that_changes_the_start_date_of_the_melding_it_quotes(tmp_path):
    path = _mail(tmp_path, "RE: RE: Bouwmelding Keizer Karelweg 12 Amstelveen", (
        "Goedemorgen,\n\nDank voor de bevestiging. Een wijziging: door een latere levering schuift de start op. De"
        " nieuwe startdatum is maandag 19 april 2027. Overige gegevens blijven gelijk.\n\nMet vriendelijke groet,\n"
        "Joost van Vliet\n\nVan: Servicedesk Wkb <wkb@servicedesk.example>\nVerzonden: dinsdag 9 maart 2027 16:12\n"
        "Onderwerp: RE: Bouwmelding Keizer Karelweg 12\n\nWij hebben de bouwmelding ontvangen.\n\n"
        "Van: Joost van Vliet <joost@architect.example>\nVerzonden: maandag 8 maart 2027 11:05\n"
        "Onderwerp: Bouwmelding Keizer Karelweg 12\n\nHierbij doen wij de bouwmelding voor de woning Keizer"
        " Karelweg 12 te Amstelveen.\n\nLocatie:            Keizer Karelweg 12, 1181 RH Amstelveen\n"
        "Kwaliteitsborger:   The Borging Company B.V.\nInstrument:         WKI\nStart bouw:         05-04-2027\n"),
        date="Thu, 11 Mar 2027 08:37:00 +0100")
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    assert x.values()["startdatum"] == "2027-04-19"  # the writer's change, not the quoted 05-04


def test_a_numbered_question_with_its_answer_in_the_next_cell(tmp_path):
    path = docgen.write_pdf(tmp_path / "Startmelding.pdf", [[
        [(50, "Omgevingsloket"), (300, "Overzicht ingediend verzoek")], "Informatie start bouwwerkzaamheden",
        [(50, "Verzoeknummer"), (200, "2027052900765")], [(50, "1.1.1"), (90, "Adres"), (300, "Spijksedijk 14, 4207 GN Gorinchem")],
        [(50, "1.2.1"), (100, "Op welke datum begint u met de bouwwerkzaamheden (inclusief graafwerk)?"), (500, "01-06-2027")],
    ]])
    x = run(path)
    assert x.kind == "startmelding" and x.values()["startdatum"] == "2027-06-01"


def test_a_phone_scanners_stamp_dates_the_scan_not_the_document(tmp_path):
    path = docgen.write_pdf(tmp_path / "Adobe Scan 24 feb. 2027.pdf", [[
        [(50, "Adobe Scan 24 feb. 2027.pdf"), (400, "24-02-2027")], "BYLAER - Borgingsplan",
        [(50, "Adres:"), (200, "Waalbandijk 112")], [(50, "Postcode en plaats:"), (200, "4175 LB Haaften")],
        [(50, "Instrument:"), (200, "WKI")], [(50, "Dafum:"), (200, "20.02.2027")], "Gescand met Adobe Scan"]])  # (a label
    # with an OCR slip the tool cannot read: the first date of the page is taken, not the stamp)
    x = run(path)
    assert x.kind == "borgingsplan"
    assert x.values()["datum"] == "2027-02-20"


def test_a_plot_beside_the_melders_house_is_not_their_address_and_a_tiny_house_number_is_no_label(tmp_path):
    start = _mail(tmp_path, "startmelding bouw mantelzorgwoning", (
        "Goedemorgen,\n\nHierbij de startmelding voor onze mantelzorgwoning. Ons verzoeknummer van de melding was"
        " 2027021600417.\n\n[24-03-2027 18:41] Jan: we gaan maandag 29 maart 2027 beginnen met het grondwerk\n"
        "[24-03-2027 18:42] Jan: dus op het perceel naast jullie, Lingedijk 34 Tricht.\n\nMet vriendelijke groet,\n"
        "Ria van Kooten\nLingedijk 34\n4196 HK Tricht\n"), date="Thu, 25 Mar 2027 07:58:00 +0100")
    v = run(start).values()
    assert v.get("straat") != "Lingedijk"  # the plot lies beside their house; its own address is not given
    plan = docgen.write_docx(tmp_path / "plan.docx", ["Borgingsplan SK-27-219", "Tiny house 1 – Maasdijk 14a, 5328 AG Rossum",
                                                      [["Opdrachtgever", "Stichting Tiny Wonen"],
                                                       ["Kwaliteitsborger", "Stavast Kwaliteitsborging"]]])
    w = run(plan).values()
    assert (w["straat"], w["huisnummer"]) == ("Maasdijk", "14a")


def test_a_gereedmelding_mail_that_says_it_was_filed_under_its_number(tmp_path):
    path = _mail(tmp_path, "Gereedmelding Noordendijk-West, Dordrecht - verzoek 2027112300654", (
        "Goedemiddag,\n\nVandaag hebben wij via het Omgevingsloket de gereedmelding ingediend voor het project"
        " Noordendijk-West (14 woningen) onder verzoeknummer 2027112300654.\nIn de bijlage vindt u de afdruk van de"
        " gereedmelding en de verklaring van Borg 4.\n\nMet vriendelijke groet,\nTom Baars\n"))
    v = run(path).values()
    assert v.get("verwijst_naar") != "2027112300654"  # its own number, not the bouwmelding's


def test_a_title_strip_whose_separators_a_scan_lost(tmp_path):
    # "Borg 4 B.V. | Risicobeoordeling ... | 28 april 2027" read from a scan without its thin bars
    path = docgen.write_pdf(tmp_path / "rb.pdf", [["Borg 4 B.V. Risicobeoordeling B4-27-0311 28 april 2027",
                                                   "Bedrijfshal Hiense Waard, Waalbandijk 23, Dodewaard WKI"]
                                                  + _risk_rows(10)])
    x = run(path)
    assert x.kind == "risicobeoordeling", (x.kind, x.kind_score)
    v = x.values()
    assert (v["kwaliteitsborger"], v["datum"], v["instrument"]) == ("Borg4", "2027-04-28", "WKI")
    assert (v["straat"], v["huisnummer"], v["plaats"]) == ("Waalbandijk", "23", "Dodewaard")


def test_a_german_builders_start_and_completion_notices(tmp_path):
    start = docgen.write_docx(tmp_path / "Baubeginnanzeige.docx", [
        "HOLZBAU DERKSEN", "Baubeginnanzeige", [
            ["Vorgangsnummer (DSO)", "2027071400228"], ["Bezug (Bauanzeige)", "2027061000137"],
            ["Bauherr", "Stefan Weber"], ["Baustelle", "Witteweg 12, 6586 AE Plasmolen"],
            ["Flurstück", "Gemeinde Mook, Sektion B, Nr. 1190"], ["Beginn der Bauarbeiten", "2. August 2027"]],
        "Wir zeigen hiermit den Beginn der Bauarbeiten an.", "Kleve, 14. Juli 2027"])
    x = run(start)
    assert x.kind == "startmelding", (x.kind, x.kind_score)
    v = x.values()
    assert (v["verzoeknummer"], v["verwijst_naar"], v["initiatiefnemer"]) == ("2027071400228", "2027061000137", "Stefan Weber")
    assert (v["straat"], v["plaats"], v["kadastraal"]) == ("Witteweg", "Plasmolen", "Mook B 1190")
    assert (v["startdatum"], v["datum"]) == ("2027-08-02", "2027-07-14")
    done = docgen.write_docx(tmp_path / "Fertigstellungsanzeige.docx", [
        "Fertigstellungsanzeige", [
            ["Vorgangsnummer (DSO)", "2027120100039"], ["Baustelle", "Witteweg 12, 6586 AE Plasmolen"],
            ["Qualitätssicherer", "TÜV NORD Nederland B.V."], ["Instrument", "WKI"],
            ["Erklärung des Qualitätssicherers", "positiv, vom 27. November 2027 (liegt bei)"],
            ["Bezug / Einzug geplant", "18. Dezember 2027"]], "Kleve, 1. Dezember 2027"])
    y = run(done)
    assert y.kind == "gereedmelding", (y.kind, y.kind_score)
    w = y.values()
    assert (w["kwaliteitsborger"], w["verklaring"], w["ingebruikname"]) == ("TÜV Nord", "positief", "2027-12-18")


def test_a_site_without_number_beside_another_house_in_german(tmp_path):
    path = docgen.write_docx(tmp_path / "Baubeginnanzeige.docx", [
        "Baubeginnanzeige", [["Baustelle", "Witveldweg o. Nr. (neben Hausnr. 20), 5975 MS Sevenum"],
                             ["Beginn der Bauarbeiten", "29. April 2027"]],
        [["Amtsgericht Kleve HRB 9045"]]])
    v = run(path).values()
    assert v.get("huisnummer") != "20" and v.get("straat") != "Hausnr"  # the neighbour's number is no site's
    assert v.get("plaats") in (None, "Sevenum")


def test_a_german_letters_dating_line_beside_its_side_column_and_a_caption_is_no_street(tmp_path):
    path = docgen.write_pdf(tmp_path / "Bauanzeige.pdf", [[
        "STALLBAU TERHORST", [(50, "Kevelaer, 2. März 2027"), (420, "Volksbank an der Niers")],
        "Bouwmelding Wkb / Bauanzeige nach niederländischem Recht (Wkb)",
        [(50, "Bauherr (Opdrachtgever)"), (200, "Varkenshouderij Vousten B.V.")],
        [(50, "Qualitätssicherer"), (200, "TÜV NORD Nederland B.V.")], [(50, "Instrument"), (200, "WKI")],
        [(50, "Baubeginn / Start bouw"), (200, "13. April 2027")], "Tabel 1", "Vleesvarkensstal 2, 5966 RB America"]])
    x = run(path)
    assert x.kind == "bouwmelding", (x.kind, x.kind_score)
    v = x.values()
    assert v["datum"] == "2027-03-02"
    assert v.get("straat") not in ("Tabel", "Vleesvarkensstal")
    start = docgen.write_docx(tmp_path / "Baubeginnanzeige.docx", ["Baubeginnanzeige", [
        ["Bezug: Bauanzeige vom", "2. März 2027, Vorgangsnummer 2027030200547"], ["Bauherr", "Varkenshouderij Vousten B.V."],
        ["Baubeginn (Erdarbeiten)", "Montag, 13. April 2027"]], "Kevelaer, den 10. April 2027"])
    w = run(start).values()
    assert w["datum"] == "2027-04-10"  # the letter's own date, not the date of the Bauanzeige it refers to


def test_a_street_whose_site_has_no_number_yet(tmp_path):
    path = docgen.write_docx(tmp_path / "plan.docx", ["Borgingsplan", [
        ["Bouwlocatie", "Kleefsedijk ong., 5971 NB Grubbenvorst"], ["Kwaliteitsborger", "Kiwa"]]])
    v = run(path).values()
    assert (v["straat"], v["postcode"], v["plaats"]) == ("Kleefsedijk", "5971 NB", "Grubbenvorst") and "huisnummer" not in v
    german = docgen.write_docx(tmp_path / "anzeige.docx", ["Baubeginnanzeige", [
        ["Baustelle", "Midden Peelweg (ohne Hausnummer, neben Nr. 18), 5966 RB America"], ["Baubeginn", "13. April 2027"]]])
    w = run(german).values()
    assert w["straat"] == "Midden Peelweg" and "huisnummer" not in w  # the neighbour's number is none of its own


def test_a_builders_register_with_the_row_of_this_melding_marked(tmp_path):
    head = ["Projectnr", "Opdrachtgever", "KvK", "Bouwadres", "Postcode", "Plaats", "Kwaliteitsborger", "Instrument",
            "GK", "DSO verzoeknr", "Ingediend", "Start bouw", "Betreft deze melding: ja/nee"]
    rows = [["JV-2701", "Fam. Verstappen", "", "Egchelseweg 12", "5987 NP", "Egchel", "Borg4", "WKI", 1,
             "2027011400233", "2027-01-14", "2027-02-23", "nee"],
            ["JV-2707", "Kwekerij Peelrand B.V.", "70155284", "Kanaalstraat 104", "5981NE", "Panningen", "Bureau Veritas",
             "KiK", 1, "2027030500219", "2027-03-05", "2027-04-20", "ja"],
            ["JV-2709", "H. Janssen", "", "Kesselseweg ong.", "5993 PM", "Maasbree", "—", "—", "", "", "", "2027-06-01", "nee"]]
    path = docgen.write_xlsx(tmp_path / "Register.xlsx", {"Meldingen 2027": [
        ["Bouwbedrijf Janssen-Vaessen B.V. – overzicht Wkb-meldingen (export 05-03-2027)"], head] + rows})
    x = run(path)
    v = x.values()
    assert (v["straat"], v["verzoeknummer"], v["initiatiefnemer"]) == ("Kanaalstraat", "2027030500219", "Kwekerij Peelrand B.V.")
    assert x.kind == "bouwmelding" and x.kind_score < 0.5  # a register's row: its kind is a guess to confirm
    unmarked = docgen.write_xlsx(tmp_path / "Register2.xlsx", {"Meldingen 2027": [head] + [r[:-1] + ["nee"] for r in rows]})
    assert "straat" not in run(unmarked).values()  # no row marked: which project is meant is unknown


def test_a_bank_in_a_letterheads_side_column_is_no_place(tmp_path):
    letter = docgen.write_pdf(tmp_path / "brief.pdf", [[
        [(50, "Aannemersbedrijf Van Rijswijck"), (400, "IBAN NL12 RABO 0123 4567 89")],
        [(50, "Betreft: melding bouwactiviteit (Wkb) – Kerkstraat 61"), (400, "Bank")],
        "Hierbij melden wij de bouw van een grondgebonden woning op het perceel Kerkstraat 61 te Tegelen (5931 NR).",
        "Kwaliteitsborger: Bureau Veritas, instrument: KiK."]])
    assert run(letter).values().get("plaats") != "Bank"


def test_a_borgers_letter_with_a_long_sidebar_before_its_subject(tmp_path):
    side = ["PROJECTGEGEVENS", "Project", "Twee-onder-een-kapwoning", "Bouwlocatie", "Kerkweg 9", "2451 AB Leimuiden",
            "BAG-identificatie", "1884010000326654", "Opdrachtgever", "Bouwbedrijf Verhoef B.V.", "KvK-nummer", "28054871",
            "Kwaliteitsborger", "Stavast Kwaliteitsborging B.V.", "Instrument", "KiK", "Gevolgklasse", "1",
            "Ons kenmerk", "SKB-2027-0641", "Datum", "3 juli 2027", "Contact", "J. de Wit", "Telefoon", "071 123 45 67"]
    path = docgen.write_pdf(tmp_path / "brief.pdf", [["Stavast"] + [[(50, t)] for t in side] + [
        "Betreft: borgingsplan Twee-onder-een-kapwoning Kerkweg 9", "Geacht college,",
        "Namens onze opdrachtgever sturen wij u hierbij het borgingsplan voor het bouwwerk."]])
    x = run(path)
    assert x.kind == "borgingsplan", (x.kind, x.kind_score)  # the subject names it, below a sidebar of 26 lines
