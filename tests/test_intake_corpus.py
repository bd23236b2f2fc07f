"""Real-world broken and odd files (../shared/corpus): each ends archived or quarantined with a reason."""

from __future__ import annotations

import shutil
import sqlite3

from conftest import run_cli, shared_path


def test_whole_corpus_ends_archived_or_quarantined(settings):
    corpus = shared_path("corpus")
    files = [p for p in corpus.rglob("*") if p.is_file() and p.name != "README.md"]
    for path in files:
        shutil.copy(path, settings.paden.inbox / path.name)
    result = run_cli("--config", str(settings.config_path), "ingest", timeout=600)
    assert result.returncode in (0, 4), result.stderr[-3000:]
    assert [p for p in settings.paden.inbox.iterdir()] == []
    conn = sqlite3.connect(settings.paden.database)
    conn.row_factory = sqlite3.Row
    top = conn.execute("SELECT * FROM documents WHERE parent_id IS NULL").fetchall()
    receipts = conn.execute("SELECT COUNT(*) FROM receipts WHERE document_id IN (SELECT id FROM documents WHERE parent_id IS NULL)").fetchone()[0]
    conn.close()
    assert receipts >= len(files)
    for doc in top:
        assert doc["status"] in ("verwerkt", "quarantaine")
        if doc["status"] == "quarantaine":
            reason = settings.base_dir / (doc["archive_path"] + ".fout.txt")
            assert reason.read_text(encoding="utf-8").strip(), doc["original_name"]
    by_name = {d["original_name"]: d for d in top}
    assert by_name["pypdf__r2-user-password.pdf"]["error_code"] == "versleuteld"
    assert by_name["calamine__pass_protected.xlsx"]["error_code"] == "versleuteld"
    assert by_name["sample-files__imagemagick-CCITTFaxDecode.pdf"]["error_code"] == "scan"
