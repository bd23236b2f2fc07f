"""Error classes found on further documents written by others (issue 11), each written again in our own wording:
a municipality's "Gemeente / woonplaats" label for the site's place; risk tables whose only project data is their
running head (in a PDF's body or a Word header); a risk table's cell that holds a label word; start notices passed on
from a phone or a chat, with the chat's time stamps; a citizen's melding in their own words."""

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
    path = docgen.write_pdf(tmp_path / "rb.pdf", [[
        "Risicobeoordeling", "Bouwlocatie: Kerkweg 3, 4031 KL Ingen", "Kwaliteitsborger: Borg4", "Instrument: WKI",
    ] + _risk_rows(5)])
    x = run(path)
    assert x.kind == "risicobeoordeling"
    assert x.values()["plaats"] == "Ingen"
    assert "Oplevering" not in x.values().values() and "Niet" not in x.values().values()


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
