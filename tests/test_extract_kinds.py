"""Kinds from content: texts that merely talk about Wkb documents are `onbekend`; the file name
never decides; a weak guess shows a low score."""

from __future__ import annotations

import sys
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "extract"))

import docgen  # noqa: E402

from wkb_desk.config import Limits  # noqa: E402
from wkb_desk.extract import _extract, load_reference  # noqa: E402
from wkb_desk.models import Page, ReadResult  # noqa: E402
from wkb_desk.readers import read_file  # noqa: E402


def run(path: Path):
    # the inner function, so that a bug fails the test instead of becoming a warning
    return _extract(read_file(path, Limits()), load_reference())


def test_email_about_a_bouwmelding_is_onbekend(tmp_path):
    msg = EmailMessage()
    msg["Subject"] = "Bouwmelding Kerkstraat 12 Almelo"
    msg["From"] = "Jan Jansen <jan@voorbeeldmail.nl>"
    msg["To"] = "wkb@almelo.nl"
    msg["Date"] = "Mon, 02 Mar 2026 10:00:00 +0100"
    msg.set_content(
        "Geachte heer, mevrouw,\n\n"
        "Vorige week heb ik de bouwmelding voor mijn nieuwe woning ingediend via het Omgevingsloket.\n"
        "Verzoeknummer: 2026022400133\n"
        "Bouwadres: Kerkstraat 12, 7601 AB Almelo\n"
        "Kwaliteitsborger is WTT Kwaliteitsborging, met instrument WKI. Het borgingsplan en de\n"
        "risicobeoordeling zitten in de bijlage. Kunt u bevestigen dat de melding compleet is?\n\n"
        "Met vriendelijke groet,\nJan Jansen\n"
    )
    path = tmp_path / "Bouwmelding Kerkstraat 12.eml"
    path.write_bytes(msg.as_bytes())
    x = run(path)
    assert x.kind == "onbekend", (x.kind, x.kind_score)


def test_policy_note_is_onbekend(tmp_path):
    path = docgen.write_docx(tmp_path / "Borgingsplan.docx", [
        "Beleidsnotitie toezicht en handhaving Wkb",
        "Datum: 12 maart 2026",
        "Versie: 1.0",
        "Aanleiding",
        "Sinds 1 januari 2024 ontvangt de gemeente voor bouwwerken in gevolgklasse 1 een bouwmelding met een "
        "borgingsplan en een risicobeoordeling. Na afloop volgt een gereedmelding met het dossier bevoegd gezag "
        "en de verklaring van de kwaliteitsborger.",
        "Bouwmelding",
        "Bij een bouwmelding controleren wij of de kwaliteitsborger en het instrument zijn toegelaten.",
        "Gereedmelding",
        "Bij een negatieve verklaring (geen verklaring afgegeven) overweegt de gemeente handhaving.",
        "Beslispunten",
        "1. Het college stelt deze beleidsnotitie vast.",
    ])
    x = run(path)
    assert x.kind == "onbekend", (x.kind, x.kind_score)


def test_printed_web_page_is_onbekend(tmp_path):
    path = docgen.write_pdf(tmp_path / "Gereedmelding.pdf", [[
        "Home > Bouwen en verbouwen > Wkb",
        "Bouwmelding doen",
        "Bouwt u een woning in gevolgklasse 1? Dan doet u een bouwmelding in het Omgevingsloket, ten minste vier",
        "weken voor de start van de bouw. Dat staat in artikel 2.18 Bbl.",
        "Wat stuurt u mee?",
        "- het borgingsplan van de kwaliteitsborger",
        "- de risicobeoordeling",
        "Gereedmelding",
        "Is het bouwwerk klaar? Dan doet u een gereedmelding met het dossier bevoegd gezag. Lees meer",
        "Deel dit artikel | Cookies | Privacyverklaring",
        "https://www.almelo.nl/bouwen/wkb",
    ]])
    x = run(path)
    assert x.kind == "onbekend", (x.kind, x.kind_score)


def test_news_item_is_onbekend(tmp_path):
    path = docgen.write_pdf(tmp_path / "Verklaring.pdf", [[
        "Nieuws",
        "Eerste gereedmelding onder de Wkb in Almelo",
        "Gepubliceerd op 5 februari 2026",
        "De gemeente Almelo heeft de eerste gereedmelding ontvangen voor een woning aan de Kerkstraat 12.",
        "De kwaliteitsborger, WTT Kwaliteitsborging, gaf een verklaring af: er is gerechtvaardigd vertrouwen",
        "dat de woning voldoet aan de bouwtechnische regels. Lees verder",
    ]])
    x = run(path)
    assert x.kind == "onbekend", (x.kind, x.kind_score)


def test_acknowledgement_letter_of_the_municipality_is_onbekend(tmp_path):
    path = docgen.write_pdf(tmp_path / "Bouwmelding 2026022400133.pdf", [[
        "Gemeente Almelo",
        "Postbus 5100 · 7600 GC Almelo · T 14 0546",
        "Aan: de heer J. Jansen",
        "Onderwerp: ontvangstbevestiging bouwmelding",
        "Ons kenmerk: Z-2026-0012",
        "Geachte heer Jansen,",
        "Op 24 februari 2026 hebben wij uw bouwmelding ontvangen (verzoeknummer 2026022400133) voor het bouwen",
        "van een woning aan de Kerkstraat 12 te Almelo. Uw melding is compleet.",
        "Met vriendelijke groet,",
        "namens het college van burgemeester en wethouders",
    ]])
    x = run(path)
    assert x.kind == "onbekend", (x.kind, x.kind_score)


def test_file_name_does_not_decide(tmp_path):
    lines = [
        "Verklaring van de kwaliteitsborger",
        "Datum: 3 juni 2026",
        "Projectadres: Kerkstraat 12, 7601 AB Almelo",
        "Kwaliteitsborger: Borg4",
        "Instrument: WKI",
        "Borg4 verklaart dat er gerechtvaardigd vertrouwen bestaat dat het bouwwerk voldoet.",
    ]
    a = run(docgen.write_pdf(tmp_path / "Borgingsplan_Kerkstraat_12.pdf", [lines]))
    b = run(docgen.write_pdf(tmp_path / "scan0001.pdf", [lines]))
    assert a.kind == b.kind == "verklaring"
    assert a.values() == b.values()
    assert a.values()["verklaring"] == "positief"


def test_weak_guess_has_a_low_score():
    # a heading and two fields, no DSO lines, no phrases: recognisable, but not with confidence
    weak = ReadResult("pdf", (Page(1, "Bouwmelding\nAdres: Kerkstraat 12, 7601 AB Almelo\nDatum: 01-02-2026"),))
    strong = ReadResult("pdf", (Page(1, "Bouwmelding - Bouwactiviteit (technisch)\nVerzoeknummer: 2026020100123\n"
                                       "Type verzoek: Melding\nActiviteit: Bouwactiviteit (technisch)\n"
                                       "Adres: Kerkstraat 12, 7601 AB Almelo\nDatum indiening: 01-02-2026\n"
                                       "Kwaliteitsborger: Borg4\nInstrument: WKI\nGevolgklasse: 1"),))
    w, s = _extract(weak, load_reference()), _extract(strong, load_reference())
    assert w.kind == s.kind == "bouwmelding"
    assert w.kind_score < 0.5 <= s.kind_score
    assert any("onzeker" in text for text in w.warnings)


def test_every_kind_recognised_from_a_short_dso_style_text():
    texts = {
        "bouwmelding": "Type verzoek: Melding\nActiviteit: Bouwactiviteit (technisch)",
        "startmelding": "Type verzoek: Informatie\nActiviteit: Bouwactiviteit (technisch) - start bouwwerkzaamheden",
        "gereedmelding": "Type verzoek: Melding\nActiviteit: Bouwactiviteit (technisch) - gereedmelding",
    }
    for kind, body in texts.items():
        read = ReadResult("pdf", (Page(1, "Omgevingsloket\nOverzicht verzoek\nVerzoeknummer: 2026020100123\n"
                                          f"Datum indiening: 01-02-2026\n{body}\nAdres: Kerkstraat 12\n"),))
        assert _extract(read, load_reference()).kind == kind


def test_verklaring_written_as_a_letter_is_recognised(tmp_path):
    path = docgen.write_pdf(tmp_path / "brief.pdf", [[
        "Borg KB",
        "Industrieweg 4 | 7461 PK Rijssen | T 0548 123456 | info@borgkb.nl",
        "Aan: Gemeente Rijssen-Holten",
        "Postbus 244",
        "7460 AE Rijssen",
        "Onderwerp: Verklaring kwaliteitsborger bouwproject Veldkamp",
        "Rijssen, 12 november 2026",
        "Geachte heer, mevrouw,",
        "Hierbij verklaart Borg KB, als kwaliteitsborger met het instrument WKI, dat er gerechtvaardigd vertrouwen is",
        "dat het bouwwerk aan de Veldkampweg 2, 7461 AB Rijssen voldoet aan de bouwtechnische regels.",
        "Met vriendelijke groet,",
        "J. Jansen",
    ]])
    x = run(path)
    v = x.values()
    assert x.kind == "verklaring"
    assert (v["datum"], v["straat"], v["postcode"], v["plaats"]) == ("2026-11-12", "Veldkampweg", "7461 AB", "Rijssen")
    assert (v["kwaliteitsborger"], v["instrument"], v["verklaring"]) == ("Borg KB", "WKI", "positief")


def test_zip_without_text_of_its_own_is_not_a_scan():
    x = _extract(ReadResult("zip", ()), load_reference())
    assert x.kind == "onbekend" and not any("handmatig" in w for w in x.warnings)
    scan = _extract(ReadResult("pdf", (Page(1, "", is_scan=True),)), load_reference())
    assert scan.kind == "onleesbaar" and any("handmatig invullen" in w for w in scan.warnings)
