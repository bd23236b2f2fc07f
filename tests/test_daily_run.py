"""`wkb-desk daily --date` over a sequence of days with documents arriving in between: real files in a tmp inbox,
the real ledger, the register, and the day overview read back from its .docx."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from builders import eml_bytes, ledger_rows
from conftest import run_cli
from daily_support import bouwmelding, read_overview, snapshot, startmelding
from test_register_support import edit_cell

from wkb_desk.daily.content import NO_BEHANDELAAR

D1 = dt.date(2026, 3, 2)  # Monday
D2 = dt.date(2026, 3, 11)  # Wednesday, nine days later


def daily(settings, day: dt.date, *extra: str):
    result = run_cli("--config", str(settings.config_path), "daily", "--date", day.isoformat(), *extra)
    assert result.returncode == 0, result.stderr
    return result


def overview(settings, day: dt.date):
    return settings.paden.outbox / f"dagoverzicht-{day.isoformat()}.docx"


def first_day(settings):
    inbox = settings.paden.inbox
    bouwmelding(inbox, "2026020200101", dt.date(2026, 2, 2), "Kerkstraat", "12", "7601 AB", "Almelo",
                start=dt.date(2026, 3, 16), ingebruikname=dt.date(2026, 9, 1))
    bouwmelding(inbox, "2026020300202", dt.date(2026, 2, 3), "Molenweg", "3", "7602 CD", "Almelo",
                start=dt.date(2026, 3, 5))
    (inbox / "kapot.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    (inbox / "Vraag over de Wkb.eml").write_bytes(eml_bytes("Vraag", "Geldt de Wkb ook voor een dakkapel? Groet, Piet"))
    daily(settings, D1)


def rows_of(book, chapter: str, section: str) -> list[tuple[str, ...]]:
    return book.get(chapter, {}).get(section, [])


def test_a_sequence_of_days_with_documents_in_between(workspace):
    settings = workspace()
    first_day(settings)

    book = read_overview(overview(settings, D1))
    nobody = book[NO_BEHANDELAAR]
    new = rows_of(book, NO_BEHANDELAAR, "Nieuw binnengekomen")
    assert sorted(r[2] for r in new) == ["bouwmelding: Verzoek_2026020200101.pdf", "bouwmelding: Verzoek_2026020300202.pdf"]
    assert {r[1] for r in new} == {"Kerkstraat 12, Almelo", "Molenweg 3, Almelo"}
    # Molenweg starts on Thursday 5 March: the startmelding is due two werkdagen before, on Tuesday 3 March
    coming = rows_of(book, NO_BEHANDELAAR, "Termijnen in de komende 5 werkdagen")
    assert [(r[1], r[3]) for r in coming] == [("Molenweg 3, Almelo", "03-03-2026")]
    assert "Uiterste startmelding" in coming[0][2]
    assert "Termijn verstreken" not in nobody
    quarantine = book["Documenten in quarantaine"]["Documenten in quarantaine"]
    assert len(quarantine) == 1 and quarantine[0][0].startswith("kapot.pdf:") and quarantine[0][1].startswith("fouten/")
    other = book["Andere binnengekomen stukken (zonder dossier)"]["Andere binnengekomen stukken (zonder dossier)"]
    assert other == [("Vraag over de Wkb.eml: geen Wkb-document (opent geen dossier)",)]
    summary = dict((r[0], r[1]) for r in book[""]["samenvatting"])
    assert summary["Nieuw binnengekomen"] == "2" and summary["Documenten in quarantaine"] == "1"

    # A team lead assigns the Kerkstraat dossier to Anna in the register.
    kerkstraat = next(r[0] for r in new if r[1].startswith("Kerkstraat"))
    molenweg = next(r[0] for r in new if r[1].startswith("Molenweg"))
    edit_cell(settings.paden.register, kerkstraat, "Behandelaar", "Anna")
    # The startmelding for Kerkstraat arrives; Molenweg sends none.
    startmelding(settings.paden.inbox, "2026031000555", "2026020200101", dt.date(2026, 3, 10), "Kerkstraat", "12",
                 "7601 AB", "Almelo", start=dt.date(2026, 3, 16))
    daily(settings, D2)

    book = read_overview(overview(settings, D2))
    assert list(book)[1:3] == ["Anna", NO_BEHANDELAAR]  # named behandelaars first, alphabetically
    anna_new = rows_of(book, "Anna", "Nieuw binnengekomen")
    assert [(r[0], r[2]) for r in anna_new] == [(kerkstraat, "startmelding: Startmelding_2026031000555.pdf")]
    assert rows_of(book, NO_BEHANDELAAR, "Nieuw binnengekomen") == []  # D1's arrivals are not new again
    passed = rows_of(book, NO_BEHANDELAAR, "Termijn verstreken")
    assert [(r[0], r[1], r[3]) for r in passed] == [(molenweg, "Molenweg 3, Almelo", "03-03-2026")]
    assert "8 dagen geleden" in passed[0][2] and "geplande start van 05-03-2026 is voorbij" in passed[0][2]
    assert "Termijn verstreken" not in book["Anna"]  # Kerkstraat's startmelding came in time
    assert "Documenten in quarantaine" not in book  # nothing new went to quarantine since D1

    runs = ledger_rows(settings, "SELECT run_date, result, counts_json FROM daily_runs ORDER BY id")
    assert [(r["run_date"], r["result"]) for r in runs] == [(D1.isoformat(), "ok"), (D2.isoformat(), "ok")]
    counts = json.loads(runs[1]["counts_json"])
    assert counts["nieuw"] == 1 and counts["verstreken"] == 1 and counts["inbox_verwerkt"] == 1


def test_a_repeat_run_for_the_same_date_changes_no_file(workspace):
    settings = workspace()
    first_day(settings)
    before = snapshot(settings.base_dir)
    assert f"outbox/dagoverzicht-{D1.isoformat()}.docx" in before
    again = daily(settings, D1)
    assert snapshot(settings.base_dir) == before
    assert "al actueel" in again.stderr
    runs = ledger_rows(settings, "SELECT run_date, result, finished_at FROM daily_runs ORDER BY id")
    assert [(r["run_date"], r["result"]) for r in runs] == [(D1.isoformat(), "ok")] * 2
    assert all(r["finished_at"] for r in runs)


def test_a_document_arriving_later_the_same_day_updates_the_overview(workspace):
    settings = workspace()
    first_day(settings)
    startmelding(settings.paden.inbox, "2026030200777", "2026020300202", D1, "Molenweg", "3", "7602 CD", "Almelo",
                 start=dt.date(2026, 3, 5))
    daily(settings, D1)
    new = rows_of(read_overview(overview(settings, D1)), NO_BEHANDELAAR, "Nieuw binnengekomen")
    assert len(new) == 3 and any("Startmelding_2026030200777.pdf" in r[2] for r in new)


def test_dry_run_writes_nothing(workspace):
    settings = workspace()
    bouwmelding(settings.paden.inbox, "2026020200101", dt.date(2026, 2, 2), "Kerkstraat", "12", "7601 AB", "Almelo",
                start=dt.date(2026, 3, 16))
    before = snapshot(settings.base_dir, skip=("logboek",))
    result = daily(settings, D1, "--dry-run")
    assert "zou worden geschreven" in result.stderr
    assert snapshot(settings.base_dir, skip=("logboek",)) == before
    assert not overview(settings, D1).exists()


def test_without_date_missed_days_are_caught_up(workspace):
    settings = workspace()
    yesterday = dt.date.today() - dt.timedelta(days=3)
    daily(settings, yesterday)
    result = run_cli("--config", str(settings.config_path), "daily")
    assert result.returncode == 0, result.stderr
    dates = [r["run_date"] for r in ledger_rows(settings, "SELECT run_date FROM daily_runs ORDER BY id")]
    expected = [yesterday + dt.timedelta(days=i) for i in range(4)]
    assert dates == [d.isoformat() for d in expected]
    assert all(overview(settings, d).exists() for d in expected)


def test_runs_shows_last_nights_run(workspace):
    settings = workspace()
    daily(settings, D1)
    result = run_cli("--config", str(settings.config_path), "runs", "--json")
    assert result.returncode == 0, result.stderr
    (run,) = json.loads(result.stdout)
    assert run["datum"] == D1.isoformat() and run["resultaat"] == "ok" and run["email"] is None
    text = run_cli("--config", str(settings.config_path), "runs").stdout
    assert text.startswith(D1.isoformat()) and "ok" in text


def test_register_open_in_excel_the_rest_of_the_run_still_happens(workspace):
    from test_register_support import owner_file_bytes

    settings = workspace()
    first_day(settings)
    owner = settings.paden.register.with_name("~$" + settings.paden.register.name)
    owner.write_bytes(owner_file_bytes("Petra"))
    startmelding(settings.paden.inbox, "2026031000555", "2026020200101", dt.date(2026, 3, 10), "Kerkstraat", "12",
                 "7601 AB", "Almelo", start=dt.date(2026, 3, 16))
    result = run_cli("--config", str(settings.config_path), "daily", "--date", D2.isoformat())
    assert result.returncode == 5 and "Petra" in result.stderr
    new = rows_of(read_overview(overview(settings, D2)), NO_BEHANDELAAR, "Nieuw binnengekomen")
    assert [r[2] for r in new] == ["startmelding: Startmelding_2026031000555.pdf"]
    runs = ledger_rows(settings, "SELECT result FROM daily_runs ORDER BY id")
    assert [r["result"] for r in runs] == ["ok", "register_in_gebruik"]
    owner.unlink()
    daily(settings, D2)  # the register catches up; the overview is already right
    assert ledger_rows(settings, "SELECT result FROM daily_runs ORDER BY id")[-1]["result"] == "ok"


def test_dry_run_on_a_ledger_from_before_the_daily_run(workspace):
    """An upgrade: the ledger has no daily tables yet and a dry run must not migrate (write) it."""
    settings = workspace()
    result = run_cli("--config", str(settings.config_path), "ingest")
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(settings.paden.database)
    with conn:
        for table in ("daily_runs", "daily_days", "mail_outbox"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM schema_migrations WHERE name LIKE '1001%'")
    conn.close()
    daily(settings, D1, "--dry-run")
    assert run_cli("--config", str(settings.config_path), "runs").returncode == 0
    assert not ledger_rows(settings, "SELECT name FROM sqlite_master WHERE name = 'daily_runs'")


def test_a_file_copied_in_just_before_the_run_is_in_that_days_overview(workspace):
    from wkb_desk.config import load_settings

    cfg = workspace().config_path
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("rust_seconden = 0", "rust_seconden = 5"), encoding="utf-8")
    settings = load_settings(cfg)
    bouwmelding(settings.paden.inbox, "2026020200101", dt.date(2026, 2, 2), "Kerkstraat", "12", "7601 AB", "Almelo",
                start=dt.date(2026, 3, 16))  # written this very moment: "being written" for 5 s
    result = daily(settings, D1)
    assert "nog worden geschreven" in result.stderr  # the wait is said
    new = rows_of(read_overview(overview(settings, D1)), NO_BEHANDELAAR, "Nieuw binnengekomen")
    assert [r[2] for r in new] == ["bouwmelding: Verzoek_2026020200101.pdf"]
    assert not list(settings.paden.inbox.iterdir())
