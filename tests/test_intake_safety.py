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


MAGICS = [b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"From: a@b.nl\nSubject: x\n", b""]


@given(st.sampled_from(MAGICS), st.binary(max_size=2000))
@hsettings(max_examples=200, deadline=None)
def test_random_bytes_never_crash_a_reader(magic, tail):
    """Whatever arrives, a reader answers with text or a ReaderError carrying a Dutch reason — never anything else."""
    from wkb_desk.config import Limits
    from wkb_desk.errors import ReaderError
    from wkb_desk.readers import read_file

    try:
        result = read_file(magic + tail, Limits())
    except ReaderError as exc:
        assert exc.message and exc.advice and exc.code
    else:
        assert result.content_type in ("pdf", "docx", "xlsx", "zip", "eml", "msg")


@given(st.binary(min_size=1, max_size=3000))
@hsettings(max_examples=60, deadline=None)
def test_mangled_office_files_never_crash_a_reader(noise):
    """A real DOCX/XLSX with bytes overwritten somewhere inside."""
    import tempfile

    from builders import write_docx, write_xlsx

    from wkb_desk.config import Limits
    from wkb_desk.errors import ReaderError
    from wkb_desk.readers import read_file

    with tempfile.TemporaryDirectory() as tmp:
        for path in (write_docx(Path(tmp) / "a.docx", ["Borgingsplan"]), write_xlsx(Path(tmp) / "b.xlsx", [["Adres", "Esweg 7"]])):
            data = bytearray(path.read_bytes())
            at = len(noise) * 7919 % max(1, len(data) - len(noise))
            data[at : at + len(noise)] = noise
            try:
                read_file(bytes(data), Limits())
            except ReaderError:
                pass
