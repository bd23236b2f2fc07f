"""'Te controleren' and 'Gecontroleerd' through the real intake and the real register: a guess is marked, the flag
that rests on it waits, a person's 'ja' makes it a fact. Also the melder columns."""

from __future__ import annotations

import datetime as dt

from fixtures.extract import docgen
from test_register_support import cell, edit_cell

from wkb_desk.desk import Desk


def _flush(settings, force: bool = False):
    with Desk(settings) as desk:
        for path in desk.candidates():
            desk.process(path)
        return desk.flush(force=force, on_date=dt.date(2026, 3, 5))


def test_a_guessed_start_date_is_marked_and_a_confirmation_makes_the_flag_a_fact(settings):
    docgen.write_pdf(settings.paden.inbox / "melding.pdf", [[
        "Bouwmelding", "Verzoeknummer: 2026030100123", "Datum indiening: 01-03-2026",
        "Projectadres: Kerkweg 12, 7642 AB Wierden", "Kwaliteitsborger: Borg4", "Instrument: WKI",
        "Gemachtigde", "Naam gemachtigde: Architectenbureau Roord", "Correspondentieadres: Postbus 88, 7600 AB Almelo",
        "E-mailadres: info@roord.example.nl",
        "Startdatum 10-03-2026",  # a generic label without a colon: read, but as a guess
    ]])
    assert _flush(settings).register_written
    path = settings.paden.register
    dossier = "WKB-2026-0001"
    assert cell(path, dossier, "Te controleren") == "geplande start"
    flags = cell(path, dossier, "Signalen")
    assert "Te controleren" in flags and "[hoog]" not in flags  # melding_te_laat waits for a person
    assert cell(path, dossier, "Melder") == "Architectenbureau Roord"
    assert (cell(path, dossier, "Adres melder"), cell(path, dossier, "Plaats melder")) == ("Postbus 88", "Almelo")
    assert cell(path, dossier, "E-mail melder") == "info@roord.example.nl"

    edit_cell(path, dossier, "Gecontroleerd", "ja")
    assert _flush(settings, force=True).register_written
    assert cell(path, dossier, "Te controleren") is None
    assert cell(path, dossier, "Gecontroleerd") == "ja"
    assert "[hoog] De bouwmelding van 01-03-2026 is te laat" in cell(path, dossier, "Signalen")
