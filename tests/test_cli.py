"""The command line as a user runs it: exit codes, summaries, --dry-run, extract --json, the examples."""

from __future__ import annotations

import json
import shutil

from builders import BOUWMELDING_LINES, eml_bytes, write_pdf
from conftest import REPO, run_cli

from wkb_desk.errors import ExitCode


def test_ingest_all_good_exits_0_with_summary(settings):
    write_pdf(settings.paden.inbox / "melding.pdf", BOUWMELDING_LINES)
    result = run_cli("--config", str(settings.config_path), "ingest")
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Klaar: 1 bestanden" in result.stderr and "1 verwerkt" in result.stderr
    log = (settings.paden.logboek / "wkb-desk.log").read_text(encoding="utf-8")
    assert "melding.pdf" in log and "Klaar:" in log  # unattended runs leave the same story in the log


def test_a_mail_with_nothing_wkb_in_it_is_reported_as_onbekend_as_the_register_shows_it(settings):
    (settings.paden.inbox / "Vraag.eml").write_bytes(
        eml_bytes("Vraag over de Wkb", "Geldt de Wkb ook voor een dakkapel aan de achterkant? Groet, Piet"))
    result = run_cli("--config", str(settings.config_path), "ingest")
    assert result.returncode == ExitCode.OK, result.stderr
    log = (settings.paden.logboek / "wkb-desk.log").read_text(encoding="utf-8")
    assert "Vraag.eml: e-mail, onbekend" in log


def test_ingest_with_quarantine_exits_partial(settings):
    write_pdf(settings.paden.inbox / "melding.pdf", BOUWMELDING_LINES)
    (settings.paden.inbox / "kapot.pdf").write_bytes(b"%PDF-1.4 kapot")
    result = run_cli("--config", str(settings.config_path), "ingest")
    assert result.returncode == ExitCode.PARTIAL, result.stderr
    assert "1 in quarantaine" in result.stderr


def test_ingest_dry_run_changes_nothing(settings, tmp_path):
    write_pdf(settings.paden.inbox / "melding.pdf", BOUWMELDING_LINES)
    before = sorted(p for p in tmp_path.rglob("*") if "logboek" not in p.parts)
    result = run_cli("--config", str(settings.config_path), "ingest", "--dry-run")
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Proefdraai" in result.stderr and "zou worden: bouwmelding" in result.stderr
    assert sorted(p for p in tmp_path.rglob("*") if "logboek" not in p.parts) == before


def test_extract_json_contract_and_no_side_effects(settings, tmp_path):
    path = write_pdf(tmp_path / "melding.pdf", BOUWMELDING_LINES)
    before = sorted(tmp_path.rglob("*"))
    result = run_cli("--config", str(settings.config_path), "extract", str(path), "--json")
    assert result.returncode == 0, result.stderr
    [item] = json.loads(result.stdout)
    assert item["bestand"] == "melding.pdf" and item["soort"] == "bouwmelding"
    field = item["velden"]["verzoeknummer"]
    assert field["waarde"] == "2026031000123" and field["pagina"] == 1 and "2026031000123" in field["fragment"]
    assert isinstance(item["ontbreekt"], list) and isinstance(item["waarschuwingen"], list)
    assert sorted(tmp_path.rglob("*")) == before


def test_extract_missing_file_exits_input_error(settings, tmp_path):
    result = run_cli("--config", str(settings.config_path), "extract", str(tmp_path / "bestaat-niet.pdf"))
    assert result.returncode == ExitCode.INPUT
    assert "Bestand niet gevonden" in result.stderr


def test_status_counts(settings):
    write_pdf(settings.paden.inbox / "melding.pdf", BOUWMELDING_LINES)
    run_cli("--config", str(settings.config_path), "ingest")
    result = run_cli("--config", str(settings.config_path), "status", "--json")
    counts = json.loads(result.stdout)
    assert counts["documenten"] == {"verwerkt": 1}
    assert counts["soorten"] == {"bouwmelding": 1}


def test_examples_in_readme_work(settings):
    """The README's walk-through: the example documents make one dossier; the e-mail is 'onbekend'."""
    for path in (REPO / "voorbeelden").iterdir():
        shutil.copy(path, settings.paden.inbox / path.name)
    for template in (REPO / "sjablonen").glob("*.docx"):  # the repository's own letter templates
        shutil.copy(template, settings.paden.sjablonen / template.name)
    result = run_cli("--config", str(settings.config_path), "ingest")
    assert result.returncode == ExitCode.OK, result.stderr
    status = json.loads(run_cli("--config", str(settings.config_path), "status", "--json").stdout)
    assert status["soorten"] == {
        "bouwmelding": 1, "borgingsplan": 1, "risicobeoordeling": 1, "startmelding": 1, "onbekend": 1,
    }
    assert status["dossiers"] == 1
    assert settings.paden.register.is_file()
    # the first letters are in the outbox, addressed to the melder's correspondence address (not the building site)
    import docx

    letters = sorted(p.name for p in settings.paden.outbox.glob("*.docx"))
    assert any("Ontvangstbevestiging bouwmelding" in n for n in letters), letters
    first = next(p for p in settings.paden.outbox.glob("*.docx") if "Ontvangstbevestiging bouwmelding" in p.name)
    text = "\n".join(par.text for par in docx.Document(first).paragraphs)
    for table in docx.Document(first).tables:
        text += "\n" + "\n".join(cell.text for row in table.rows for cell in row.cells)
    assert "Weidelaan 14" in text and "7609 CD" in text, "the letter goes to the melder's correspondence address"


def test_ingest_with_register_open_in_excel_exits_5_and_catches_up_later(settings):
    from test_register_support import owner_file_bytes

    write_pdf(settings.paden.inbox / "melding.pdf", BOUWMELDING_LINES)
    assert run_cli("--config", str(settings.config_path), "ingest").returncode == ExitCode.OK
    register = settings.paden.register
    before = register.read_bytes()
    owner = register.with_name("~$" + register.name)
    owner.write_bytes(owner_file_bytes("Petra Jansen"))
    write_pdf(settings.paden.inbox / "plan.pdf", ["Borgingsplan", "Projectadres: Markt 1", "Postcode en plaats: 7602 AA Almelo"])

    busy = run_cli("--config", str(settings.config_path), "ingest")
    assert busy.returncode == ExitCode.REGISTER_BUSY, busy.stderr
    assert "in gebruik door Petra Jansen" in busy.stderr
    assert register.read_bytes() == before
    assert not (settings.paden.inbox / "plan.pdf").exists()  # the document itself is safely recorded

    owner.unlink()
    later = run_cli("--config", str(settings.config_path), "ingest")
    assert later.returncode == ExitCode.OK, later.stderr
    assert register.read_bytes() != before


def test_extract_json_into_a_pipe_closed_early_is_no_error(settings, tmp_path):
    """`extract --json ... | head` stops reading after a few lines: that is the user's choice, not a program error."""
    import os
    import subprocess
    import sys

    melding = write_pdf(tmp_path / "melding.pdf", BOUWMELDING_LINES)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "wkb_desk", "--config", str(settings.config_path), "extract", "--json",
         *[str(melding)] * 200],  # far more output than a pipe holds
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    first = proc.stdout.read(100)
    proc.stdout.close()  # as `head` does
    _, err = proc.communicate(timeout=120)
    assert first.startswith(b"[")
    assert proc.returncode == ExitCode.OK, err.decode()
    assert b"Onverwachte fout" not in err and b"Traceback" not in err
