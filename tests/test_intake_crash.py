"""A crash at any step of the intake loses no document and records none twice.

The intake runs in a subprocess that dies with os._exit at a named step (the same checkpoints
production code passes); a normal run afterwards must leave every file recorded exactly once.
"""

from __future__ import annotations

import sqlite3

import pytest
from builders import BOUWMELDING_LINES, pdf_bytes, zip_bytes
from conftest import run_cli

from wkb_desk.intake.pipeline import CRASH_ENV, CRASH_STEPS


@pytest.mark.parametrize("step", CRASH_STEPS)
def test_crash_after_each_step_then_normal_run(settings, step):
    inbox = settings.paden.inbox
    files = {
        "melding.pdf": pdf_bytes(BOUWMELDING_LINES),
        "plan.pdf": pdf_bytes(["Borgingsplan", "Projectadres: Esweg 7"]),
        "download.zip": zip_bytes({"a.pdf": pdf_bytes(["Bijlage A"]), "b.pdf": pdf_bytes(["Bijlage B"])}),
        "kapot.pdf": b"%PDF-1.4 kapot",
    }
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    # The duplicate path has its own steps: an earlier copy of melding.pdf is already recorded.
    (inbox / "oud").mkdir()
    (inbox / "oud" / "melding-kopie.pdf").write_bytes(files["melding.pdf"])

    crashed = run_cli("--config", str(settings.config_path), "ingest", env={CRASH_ENV: step})
    assert crashed.returncode == 99, crashed.stderr
    normal = run_cli("--config", str(settings.config_path), "ingest")
    assert normal.returncode in (0, 4), normal.stderr  # 4: kapot.pdf went to quarantine

    conn = sqlite3.connect(settings.paden.database)
    shas = [r[0] for r in conn.execute("SELECT sha256 FROM documents")]
    names = sorted(r[0] for r in conn.execute("SELECT original_name FROM documents"))
    intents = conn.execute("SELECT COUNT(*) FROM intents").fetchone()[0]
    new_receipts = conn.execute("SELECT COUNT(*) FROM receipts WHERE outcome != 'dubbel'").fetchone()[0]
    conn.close()
    assert len(shas) == len(set(shas))
    assert names == ["a.pdf", "b.pdf", "download.zip", "kapot.pdf", "melding.pdf", "plan.pdf"]
    assert new_receipts == 6  # one arrival recorded per document, not two
    assert intents == 0
    assert [p for p in inbox.rglob("*") if p.is_file()] == []
    # Every stored copy is accounted for: no orphan halves in the archive or the quarantine.
    stored = {p.relative_to(settings.base_dir).as_posix() for p in settings.base_dir.glob("archief/**/*") if p.is_file()}
    stored |= {p.relative_to(settings.base_dir).as_posix() for p in settings.paden.fouten.glob("*") if not p.name.endswith(".fout.txt")}
    conn = sqlite3.connect(settings.paden.database)
    recorded = {r[0] for r in conn.execute("SELECT archive_path FROM documents")}
    recorded |= {r[0] for r in conn.execute("SELECT stored_path FROM receipts WHERE stored_path IS NOT NULL")}
    conn.close()
    assert stored == recorded
