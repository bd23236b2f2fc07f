"""The daily run with real letters (wkb_desk.letters, the templates of the repository): reminders to the melder
are made once for their event over repeated runs and reported in the day overview."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import docx
from conftest import REPO, run_cli
from daily_support import bouwmelding, read_overview, snapshot, startmelding
from test_register_support import edit_cell

from wkb_desk.daily.content import NO_BEHANDELAAR

D1 = dt.date(2026, 3, 2)
D2 = dt.date(2026, 3, 11)  # Molenweg's planned start (5 March) has passed without a startmelding
D3 = dt.date(2026, 3, 12)
D4 = dt.date(2026, 8, 5)  # Kerkstraat's planned ingebruikname (1 September) nears


def daily(settings, day: dt.date) -> None:
    result = run_cli("--config", str(settings.config_path), "daily", "--date", day.isoformat())
    assert result.returncode == 0, result.stderr


def letters(settings, soort: str) -> list[sqlite3.Row]:
    conn = sqlite3.connect(settings.paden.database)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM letters WHERE soort = ? ORDER BY id", (soort,)).fetchall()
    finally:
        conn.close()


def letter_text(settings, row: sqlite3.Row) -> str:
    return "\n".join(p.text for p in docx.Document(str(settings.base_dir / row["file"])).paragraphs)


def test_reminders_to_the_melder_are_made_once_and_reported(workspace):
    settings = workspace()
    shutil.rmtree(settings.paden.sjablonen)
    shutil.copytree(REPO / "sjablonen", settings.paden.sjablonen)
    inbox = settings.paden.inbox
    bouwmelding(inbox, "2026020200101", dt.date(2026, 2, 2), "Kerkstraat", "12", "7601 AB", "Almelo",
                start=dt.date(2026, 3, 16), ingebruikname=dt.date(2026, 9, 1))
    bouwmelding(inbox, "2026020300202", dt.date(2026, 2, 3), "Molenweg", "3", "7602 CD", "Almelo",
                start=dt.date(2026, 3, 5))
    daily(settings, D1)
    assert letters(settings, "ontbreken_startmelding") == []  # nothing has passed yet
    startmelding(inbox, "2026031000555", "2026020200101", dt.date(2026, 3, 10), "Kerkstraat", "12", "7601 AB",
                 "Almelo", start=dt.date(2026, 3, 16))
    daily(settings, D2)

    (missing,) = letters(settings, "ontbreken_startmelding")
    text = letter_text(settings, missing)
    assert "Molenweg 3" in text and "5 maart 2026" in text
    book = read_overview(settings.paden.outbox / f"dagoverzicht-{D2.isoformat()}.docx")
    made = book[NO_BEHANDELAAR]["Brieven gemaakt"]
    reminders = [(r[0], r[1]) for r in made if r[2].startswith("Ontbreken startmelding")]
    assert reminders == [(missing["dossier_id"], "Molenweg 3, Almelo")]
    # Kerkstraat's startmelding came: a receipt, no reminder
    assert [r[2].split(":")[0] for r in made if r[1].startswith("Kerkstraat")] == ["Ontvangstbevestiging startmelding"]

    before = snapshot(settings.base_dir)
    daily(settings, D2)
    assert snapshot(settings.base_dir) == before  # no second letter, no file rewritten
    daily(settings, D3)
    assert len(letters(settings, "ontbreken_startmelding")) == 1
    book = read_overview(settings.paden.outbox / f"dagoverzicht-{D3.isoformat()}.docx")
    assert "Brieven gemaakt" not in book.get(NO_BEHANDELAAR, {})  # made on D2, not again on D3

    # The rules take the planned ingebruikname from a gereedmelding or from a person: the team types it in.
    kerkstraat = next(r[0] for r in made if r[1].startswith("Kerkstraat"))
    edit_cell(settings.paden.register, kerkstraat, "Ingebruikname", dt.datetime(2026, 9, 1))
    daily(settings, D4)
    daily(settings, D4)
    (reminder,) = letters(settings, "herinnering_gereedmelding")
    assert "Kerkstraat 12" in letter_text(settings, reminder)
    book = read_overview(settings.paden.outbox / f"dagoverzicht-{D4.isoformat()}.docx")
    assert [r[2].split(":")[0] for r in book[NO_BEHANDELAAR]["Brieven gemaakt"]] == ["Herinnering gereedmelding"]
    assert len(letters(settings, "ontbreken_startmelding")) == 1
