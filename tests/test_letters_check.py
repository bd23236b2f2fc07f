"""`wkb-desk templates`: every problem named in Dutch with template and place; exit 0 only when all are usable."""

from __future__ import annotations

import docx
import pytest
from conftest import run_cli
from letters_support import letter_workspace

from wkb_desk.letters.check import check_all, check_template
from wkb_desk.letters.kinds import BY_SOORT


def _edit(path, text: str, *, split: bool = False) -> None:
    """Add a paragraph to a template as an official would in Word (optionally with a tag split over two runs)."""
    document = docx.Document(str(path))
    p = document.add_paragraph()
    if split:
        half = len(text) // 2
        p.add_run(text[:half])
        p.add_run(text[half:]).bold = True
    else:
        p.add_run(text)
    document.save(str(path))


def _findings(settings, soort):
    report = check_template(settings, settings.paden.sjablonen / f"{soort}.docx", BY_SOORT[soort])
    return report, [(f.level, f.place, f.message) for f in report.findings]


def test_the_shipped_templates_are_all_usable(workspace):
    settings = letter_workspace(workspace)
    reports = check_all(settings)
    assert len(reports) == 9 and all(r.usable for r in reports)
    assert all(not r.findings for r in reports), [f.message for r in reports for f in r.findings]
    done = run_cli("--config", str(settings.config_path), "templates")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Alle 9 sjablonen zijn bruikbaar." in done.stdout


@pytest.mark.parametrize("text, expected", [
    ("Beste {{ projekt }},", "onbekende variabele 'projekt'"),
    ("Beste {{ project ,", "een tag wordt niet afgesloten"),
    ("Beste project }},", "een tag sluit zonder begin"),
    ("{{ project | }}", "kapotte tag"),
    ("{% if project %}zonder einde", "een blok is niet afgesloten: '{% endif %}' ontbreekt"),
])
def test_broken_tags_and_unknown_names_are_errors_with_their_place(workspace, text, expected):
    settings = letter_workspace(workspace)
    _edit(settings.paden.sjablonen / "bouwmelding_compleet.docx", text)
    report, found = _findings(settings, "bouwmelding_compleet")
    assert not report.usable
    assert any(level == "fout" and expected in message for level, _place, message in found), found
    places = [place for level, place, message in found if expected in message]
    assert places[0].startswith("hoofdtekst, alinea ")


def test_curly_quotes_and_split_runs_are_warnings_the_template_still_works(workspace):
    settings = letter_workspace(workspace)
    path = settings.paden.sjablonen / "ontvangstbevestiging_startmelding.docx"
    _edit(path, "{% if kwaliteitsborger != “x” %}Borger: {{ kwaliteitsborger }}{% endif %}")
    _edit(path, "Project: {{ project_adres }}", split=True)
    report, found = _findings(settings, "ontvangstbevestiging_startmelding")
    assert report.usable, found
    assert any(level == "let op" and "gekrulde aanhalingstekens" in m for level, _p, m in found)
    assert any(level == "let op" and "verspreid over stukken" in m and "{{ project_adres }}" in m
               for level, _p, m in found)


def test_a_decision_without_bezwaarclausule_is_not_usable(workspace):
    settings = letter_workspace(workspace)
    path = settings.paden.sjablonen / "melding_niet_compleet.docx"
    document = docx.Document(str(path))
    for p in document.paragraphs:
        if "bezwaar" in p.text.lower() or "zes weken" in p.text:
            for run in p.runs:
                run.text = ""
    document.save(str(path))
    report, found = _findings(settings, "melding_niet_compleet")
    assert not report.usable
    assert any("bezwaarclausule ontbreekt" in m for _l, _p, m in found)


def test_a_missing_or_damaged_template_and_the_exit_code(workspace):
    settings = letter_workspace(workspace)
    (settings.paden.sjablonen / "herinnering_gereedmelding.docx").unlink()
    (settings.paden.sjablonen / "ontbreken_startmelding.docx").write_bytes(b"geen zip")
    _edit(settings.paden.sjablonen / "aanvullende_informatie.docx", "{{ onbekend_ding }}")
    done = run_cli("--config", str(settings.config_path), "templates")
    assert done.returncode == 3
    out = done.stdout
    assert "herinnering_gereedmelding.docx: NIET BRUIKBAAR" in out and "het sjabloon ontbreekt" in out
    assert "ontbreken_startmelding.docx: NIET BRUIKBAAR" in out and "geen Word-document" in out
    assert "aanvullende_informatie.docx: NIET BRUIKBAAR" in out and "onbekende variabele 'onbekend_ding'" in out
    assert "bouwmelding_compleet.docx: bruikbaar" in out
    assert "3 van 9 sjablonen niet bruikbaar" in out


def test_a_missing_template_of_a_letter_that_is_off_is_only_a_note(workspace):
    settings = letter_workspace(workspace, "herinnering_gereedmelding = false\n")
    (settings.paden.sjablonen / "herinnering_gereedmelding.docx").unlink()
    reports = {r.name: r for r in check_all(settings)}
    assert reports["herinnering_gereedmelding.docx"].usable
    assert "staat uit" in reports["herinnering_gereedmelding.docx"].findings[0].message


def test_tags_in_headers_footers_and_tables_are_checked_too(workspace):
    settings = letter_workspace(workspace)
    path = settings.paden.sjablonen / "bouwmelding_compleet.docx"
    document = docx.Document(str(path))
    document.sections[0].footer.add_paragraph("{{ gemeente_fax }}")
    document.tables[0].cell(0, 1).paragraphs[0].add_run(" {{ datum_verzending }}")
    document.save(str(path))
    _report, found = _findings(settings, "bouwmelding_compleet")
    places = {m.split("'")[1]: p for _l, p, m in found if m.startswith("onbekende variabele")}
    assert places["gemeente_fax"].startswith("voettekst")
    assert places["datum_verzending"].startswith("hoofdtekst, alinea")


def test_an_unclosed_block_is_found_at_its_own_paragraph_among_closed_ones(workspace):
    from docx.oxml.ns import qn

    settings = letter_workspace(workspace)
    path = settings.paden.sjablonen / "bouwmelding_compleet.docx"
    _edit(path, "{% if geplande_start %}Start: {{ geplande_start }}")  # never closed
    _edit(path, "{% if instrument %}Instrument: {{ instrument }}{% endif %}")  # closed
    paragraphs = list(docx.Document(str(path)).element.body.iter(qn("w:p")))
    _report, found = _findings(settings, "bouwmelding_compleet")
    assert ("fout", f"hoofdtekst, alinea {len(paragraphs) - 1}",
            "een blok is niet afgesloten: '{% endif %}' ontbreekt") in found
