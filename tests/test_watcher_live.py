"""The watcher end to end: a real watcher thread on a real temporary inbox, the real Desk and ledger.

Every test runs with native events and with polling, with short settings (rust 0.3 s, poll 0.2 s).
"""

from __future__ import annotations

import hashlib
import logging
import os
import time

import pytest
from test_watcher_support import WatchThread, make_config, mode, pdf_bytes, unique_bytes, wait_for  # noqa: F401

from wkb_desk.config import load_settings


# --- completeness -----------------------------------------------------------------------------


def test_file_written_in_slow_chunks_is_taken_once_when_complete(tmp_path, mode):
    data = pdf_bytes()
    with WatchThread(make_config(tmp_path, mode)) as w:
        target = w.inbox / "bouwmelding dorpsstraat.pdf"
        with open(target, "wb") as fh:
            for i in range(0, len(data), max(1, len(data) // 20)):
                fh.write(data[i : i + max(1, len(data) // 20)])
                fh.flush()
                time.sleep(0.05)
        done = time.monotonic()
        wait_for(lambda: w.ledger.document(target.name) is not None, what="document vastgelegd")
        time.sleep(0.6)  # a second take would show up as a second receipt
        doc = w.ledger.document(target.name)
        assert doc["sha256"] == hashlib.sha256(data).hexdigest()
        assert doc["size"] == len(data)
        assert len(w.ledger.receipts(target.name)) == 1
        assert not target.exists()
        assert time.monotonic() - done < 15


def test_file_moved_in_by_rename_is_taken(tmp_path, mode):
    with WatchThread(make_config(tmp_path, mode)) as w:
        outside = tmp_path / "kopie-bezig.txt"
        outside.write_bytes(unique_bytes("hernoemd"))
        os.replace(outside, w.inbox / "startmelding.txt")
        wait_for(lambda: len(w.ledger.receipts("startmelding.txt")) == 1, what="hernoemd bestand vastgelegd")
        # (the receipt is written before the original leaves the inbox for the archive: wait for both)
        wait_for(lambda: not (w.inbox / "startmelding.txt").exists(), what="hernoemd bestand uit de inbox")
        assert len(w.ledger.receipts("startmelding.txt")) == 1


def test_backlog_is_taken_at_start(tmp_path, mode):
    cfg = make_config(tmp_path, mode)
    settings = load_settings(cfg)
    (settings.paden.inbox / "ouder").mkdir()
    (settings.paden.inbox / "al-aanwezig.txt").write_bytes(unique_bytes("al-aanwezig"))
    (settings.paden.inbox / "ouder" / "in-map.txt").write_bytes(unique_bytes("in-map"))
    with WatchThread(cfg) as w:
        wait_for(lambda: {"al-aanwezig.txt", "in-map.txt"} <= set(w.ledger.names()), what="achterstand")
        assert sorted(w.ledger.names()) == ["al-aanwezig.txt", "in-map.txt"]
        assert w.ledger.rows("SELECT subfolder FROM receipts WHERE original_name = 'in-map.txt'")[0][0] == "ouder"


# watchdog warns when `mkdir -p` makes nested folders faster than it adds watches; the watcher silences it.
@pytest.mark.filterwarnings("ignore:Callback with id:RuntimeWarning")
def test_subfolders_are_taken_but_the_tools_own_folders_inside_the_inbox_never(tmp_path, mode):
    # The quarantine and the archive live inside the inbox here: what lands there must never come back.
    extra = '\n[paden]\nfouten = "inbox/_fouten"\narchief = "inbox/_archief"\n'
    with WatchThread(make_config(tmp_path, mode, extra=extra)) as w:
        sub = w.inbox / "Aannemer Jansen" / "2026"
        sub.mkdir(parents=True)
        (sub / "verklaring.txt").write_bytes(unique_bytes("verklaring"))
        (w.inbox / "_fouten" / "door-iemand-neergezet.txt").write_bytes(unique_bytes("neergezet"))
        (w.inbox / "~$lopend.docx").write_bytes(b"owner file")
        wait_for(lambda: len(w.ledger.receipts("verklaring.txt")) == 1, what="bestand in submap")
        time.sleep(1.0)  # time enough for a wrong second take of the stored copy
        assert w.ledger.names() == ["verklaring.txt"]
        assert (w.inbox / "_fouten" / "door-iemand-neergezet.txt").exists()
        stored = [p for p in (w.inbox / "_fouten").rglob("*") if p.is_file()] + [
            p for p in (w.inbox / "_archief").rglob("*") if p.is_file()
        ]
        assert any(p.name == "verklaring.txt" for p in stored)


def test_burst_of_100_files_all_land_each_exactly_once(tmp_path, mode):
    names = [f"melding-{i:03d}.txt" for i in range(100)]
    with WatchThread(make_config(tmp_path, mode)) as w:
        for name in names:
            (w.inbox / name).write_bytes(unique_bytes(name))
        wait_for(lambda: len(w.ledger.names()) >= 100, timeout=60, what="100 bestanden vastgelegd")
        time.sleep(0.6)
        got = w.ledger.names()
        assert sorted(got) == names  # each exactly once, nothing else
        assert not [p for p in w.inbox.iterdir() if p.is_file()]
        docs = w.ledger.rows("SELECT original_name, sha256 FROM documents WHERE parent_id IS NULL")
        assert {r[0]: r[1] for r in docs} == {n: hashlib.sha256(unique_bytes(n)).hexdigest() for n in names}


def test_a_file_that_stays_incomplete_is_reported_once_and_still_taken(tmp_path, mode, caplog):
    caplog.set_level(logging.INFO, logger="wkb_desk.watcher")
    # Report after 0.6 s; the copy keeps going for 2 s.
    with WatchThread(make_config(tmp_path, mode, melden_minuten=0.01)) as w:
        target = w.inbox / "grote scan.txt"
        data = b""
        with open(target, "wb") as fh:
            for i in range(40):
                chunk = unique_bytes(f"deel {i}")
                fh.write(chunk)
                fh.flush()
                data += chunk
                time.sleep(0.05)
        wait_for(lambda: w.ledger.document(target.name) is not None, what="trage kopie vastgelegd")
        time.sleep(0.5)
    warnings = [r for r in caplog.records if r.name == "wkb_desk.watcher" and "nog niet compleet" in r.getMessage()]
    assert len(warnings) == 1
    assert "grote scan.txt" in warnings[0].getMessage()
    assert w.ledger.document(target.name)["sha256"] == hashlib.sha256(data).hexdigest()


# --- changes made elsewhere --------------------------------------------------------------------


def test_a_link_made_in_another_window_reaches_the_register(tmp_path):
    """`wkb-desk link` runs beside a watch: the watcher notices the ledger changed and updates the register."""
    import openpyxl
    from builders import BOUWMELDING_LINES, pdf_bytes as text_pdf
    from conftest import run_cli

    cfg = make_config(tmp_path, "polling")
    with WatchThread(cfg) as w:
        (w.inbox / "melding.pdf").write_bytes(text_pdf(BOUWMELDING_LINES))
        (w.inbox / "los.pdf").write_bytes(text_pdf([
            "Verklaring kwaliteitsborger", "Verklaring als bedoeld in artikel 2.21 Bbl", "Kwaliteitsborger: WTT",
            "Instrument: WKI", "Bouwadres: Anderestraat 99, 7602 ZZ Almelo", "Datum: 01-11-2026",
            "De kwaliteitsborger verklaart dat het bouwwerk naar verwachting voldoet aan de bouwtechnische regels.",
        ]))
        register = w.settings.paden.register

        def dossiers_in_register() -> int:
            if not register.exists():
                return 0
            sheet = openpyxl.load_workbook(register, read_only=True)["Register"]
            return sum(1 for row in sheet.iter_rows(min_row=2, values_only=True) if row and row[0])

        wait_for(lambda: dossiers_in_register() == 2, what="twee dossiers in het register")
        result = run_cli("--config", str(cfg), "link", "los.pdf", "WKB-2026-0001")
        assert result.returncode == 0, result.stderr
        wait_for(lambda: dossiers_in_register() == 1, timeout=15, what="koppeling zichtbaar in het register")


def test_watch_dry_run_shows_each_file_once_and_changes_nothing(tmp_path, caplog):
    import threading

    from builders import BOUWMELDING_LINES, pdf_bytes as text_pdf

    from wkb_desk.intake.watcher import run_watch

    settings = load_settings(make_config(tmp_path, "polling"))
    stop, ready = threading.Event(), threading.Event()
    caplog.set_level(logging.INFO, logger="wkb_desk")
    thread = threading.Thread(target=run_watch, args=(settings,), kwargs=dict(stop=stop, ready=ready, dry_run=True))
    thread.start()
    try:
        assert ready.wait(20)
        melding = settings.paden.inbox / "melding.pdf"
        melding.write_bytes(text_pdf(BOUWMELDING_LINES))
        wait_for(lambda: "zou worden" in caplog.text, what="proefdraai-melding")
        time.sleep(1.5)  # several polls: the file is not shown again
    finally:
        stop.set()
        thread.join(30)
    assert caplog.text.count("melding.pdf: zou worden: verwerkt (bouwmelding)") == 1
    assert melding.exists()
    assert not settings.paden.database.exists() and not settings.paden.register.exists()
    assert [p for p in settings.paden.archief.rglob("*") if p.is_file()] == []
