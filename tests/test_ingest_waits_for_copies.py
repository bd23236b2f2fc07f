"""A one-shot `ingest` right after (or during) a copy takes the files in the same run instead of leaving them."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from builders import BOUWMELDING_LINES, pdf_bytes
from conftest import run_cli

from wkb_desk.config import load_settings

# Writes each file in chunks with pauses, like a slow copy to a network share; the file's mtime keeps moving.
SLOW_COPY = textwrap.dedent(
    """
    import sys, time, pathlib
    inbox = pathlib.Path(sys.argv[1]); data = pathlib.Path(sys.argv[2]).read_bytes()
    count, pause, chunks = int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    for i in range(count):
        target = inbox / f"melding-{i}.pdf"
        step = max(1, -(-len(data) // chunks))
        with open(target, "wb") as fh:
            for start in range(0, len(data), step):
                fh.write(data[start:start + step]); fh.flush(); time.sleep(pause)
    """
)


def _settings(workspace, quiet: float, bound: float):
    settings = workspace()
    text = settings.config_path.read_text(encoding="utf-8")
    text = text.replace("rust_seconden = 0", f"rust_seconden = {quiet}\nmax_wachten_seconden = {bound}")
    settings.config_path.write_text(text, encoding="utf-8")
    return load_settings(settings.config_path)


def _variant(n: int) -> bytes:
    lines = [line.replace("2026031000123", f"20260310{n:05d}").replace("Esweg 7", f"Esweg {n + 1}") for line in BOUWMELDING_LINES]
    return pdf_bytes(lines)


def test_ingest_started_during_a_slow_copy_takes_every_file(workspace, tmp_path):
    settings = _settings(workspace, 1, 60)
    inbox = settings.paden.inbox
    source = tmp_path / "bron.pdf"
    source.write_bytes(_variant(1))
    (inbox / "al-klaar.pdf").write_bytes(_variant(2))  # copied just before, also not yet quiet
    copier = subprocess.Popen([sys.executable, "-c", SLOW_COPY, str(inbox), str(source), "4", "0.25", "4"])
    try:
        result = run_cli("--config", str(settings.config_path), "ingest")
    finally:
        copier.wait(timeout=60)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in inbox.iterdir()) == [], "every file is taken in the same run"
    archived = sorted(p.name for p in settings.paden.archief.rglob("*.pdf"))
    assert archived == ["al-klaar.pdf"] + [f"melding-{i}.pdf" for i in range(4)]
    assert "Klaar: 5 bestanden" in result.stderr and "0 in quarantaine" in result.stderr
    assert "Wachten op" in result.stderr  # the wait is said, not silent


def test_a_file_that_keeps_changing_stays_for_next_time_and_is_named(workspace, tmp_path):
    settings = _settings(workspace, 1, 2)
    inbox = settings.paden.inbox
    (inbox / "klaar.pdf").write_bytes(_variant(3))
    source = tmp_path / "bron.pdf"
    source.write_bytes(_variant(4))
    # one file written in 16 chunks over ~6 s: it keeps changing past the 2 s bound
    copier = subprocess.Popen([sys.executable, "-c", SLOW_COPY, str(inbox), str(source), "1", "0.4", "16"])
    try:
        result = run_cli("--config", str(settings.config_path), "ingest")
    finally:
        copier.wait(timeout=60)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in inbox.iterdir()] == ["melding-0.pdf"]
    assert "1 verwerkt" in result.stderr
    assert "1 nog niet compleet" in result.stderr
    assert "melding-0.pdf" in result.stderr  # the summary names what stays
    # the next run takes it
    again = run_cli("--config", str(settings.config_path), "ingest")
    assert again.returncode == 0, again.stderr
    assert list(inbox.iterdir()) == []
