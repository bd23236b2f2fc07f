"""A hanging reader is stopped; file names from outside can never climb out of their folder."""

from __future__ import annotations

from pathlib import Path

from builders import BOUWMELDING_LINES, write_pdf
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from wkb_desk.desk import Desk
from wkb_desk.intake.files import safe_name, unique_path


def test_reader_time_limit_quarantines_and_next_file_still_works(workspace):
    settings = workspace("[limieten]\nmax_seconden = 0.05\n")
    inbox = settings.paden.inbox
    write_pdf(inbox / "a-traag.pdf", [[f"Regel {i} " * 20 for i in range(40)] for _ in range(300)])
    with Desk(settings) as desk:
        slow = desk.process(inbox / "a-traag.pdf")
        assert slow.status == "quarantaine"
        assert "langer dan" in (settings.paden.fouten / "a-traag.pdf.fout.txt").read_text(encoding="utf-8")
        desk.reader.limits = desk.settings.limieten.__class__(max_seconden=30)
        fast = write_pdf(inbox / "b-snel.pdf", BOUWMELDING_LINES)
        assert desk.process(fast).status == "verwerkt"


@given(st.text(min_size=0, max_size=300))
@hsettings(max_examples=300, deadline=None)
def test_safe_name_stays_in_its_folder(name):
    result = safe_name(name)
    assert result and "/" not in result and "\\" not in result
    assert result not in (".", "..")
    assert len(result) <= 150
    assert not any(ord(c) < 32 for c in result)
    assert (Path("/archief") / result).parent == Path("/archief")


def test_unique_path_never_reuses_a_name(tmp_path):
    first = unique_path(tmp_path, "melding.pdf")
    first.write_bytes(b"1")
    second = unique_path(tmp_path, "melding.pdf")
    assert second.name == "melding (2).pdf"
    assert unique_path(tmp_path, "CON").name == "_CON"
    assert unique_path(tmp_path, "../../etc/passwd").parent == tmp_path
