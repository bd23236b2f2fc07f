"""Never write while someone has the register open; a killed save leaves the old or the new version."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_register_support import Desk, cell, edit_cell, header_map, owner_file_bytes

from wkb_desk.errors import ExitCode
from wkb_desk.register import RegisterBusy, busy_user, update_register
from wkb_desk.register.lock import owner_name

REPO = Path(__file__).resolve().parents[1]


def test_owner_file_blocks_the_write_and_names_the_user(settings):
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    before = path.read_bytes()
    owner = path.with_name("~$" + path.name)
    owner.write_bytes(owner_file_bytes("Jeroen Brouwer-Çelik"))
    desk.dossier(2)

    with pytest.raises(RegisterBusy) as info:
        update_register(settings, desk.conn, desk.factory())
    assert info.value.user == "Jeroen Brouwer-Çelik"
    assert "in gebruik door Jeroen Brouwer-Çelik" in info.value.message
    assert info.value.exit_code == ExitCode.REGISTER_BUSY
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*.tmp"))

    owner.unlink()  # Excel closed: the waiting change lands
    result = update_register(settings, desk.conn, desk.factory())
    assert result.saved and result.rows_added == 1
    assert cell(path, "WKB-2026-0002", "Adres") == "Kerkstraat 2"


def test_owner_file_of_another_case_and_libreoffice_lock(settings):
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    lo = path.with_name(f".~lock.{path.name}#")
    lo.write_text("Anna de Vries,werkplek-12,anna,28.11.2026 10:00,file:///home/anna/.config;\n", encoding="utf-8")
    assert busy_user(path) == "Anna de Vries"
    lo.unlink()
    upper = path.with_name("~$" + path.name.upper())  # Windows shares do not care about case
    upper.write_bytes(b"")
    assert busy_user(path) == "onbekend"
    upper.unlink()
    assert busy_user(path) is None


def test_owner_name_reads_both_encodings():
    assert owner_name(owner_file_bytes("P. Jansen")) == "P. Jansen"
    ansi_only = bytes([6]) + b"Pietje" + b" " * 47  # an old-style file without the UTF-16 copy
    assert owner_name(ansi_only) == "Pietje"
    assert owner_name(b"") is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write read-only files")
def test_a_file_that_cannot_be_opened_for_writing_is_busy(settings):
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    path.chmod(0o444)
    try:
        with pytest.raises(RegisterBusy):
            update_register(settings, desk.conn, desk.factory())
    finally:
        path.chmod(0o644)


def test_backups_keep_the_last_versions(workspace):
    settings = workspace("[register]\nbackups = 2\n")
    desk = Desk(settings)
    path = settings.paden.register
    for i in range(1, 6):
        desk.dossier(i)
        update_register(settings, desk.conn, desk.factory())
    backups = sorted((path.parent / "back-ups").glob("*.xlsx"))
    assert len(backups) == 2
    # The newest back-up is the version before the last save: four dossiers.
    ws = openpyxl.load_workbook(backups[-1])["Register"]
    assert ws.max_row == 5


CHILD = textwrap.dedent("""
    import datetime, os, sys, zipfile
    sys.path.insert(0, {tests!r}); sys.path.insert(0, {repo!r})
    from wkb_desk.config import load_settings
    from wkb_desk.register import ooxml, update_register
    from test_register_support import Desk

    settings = load_settings({config!r})
    desk = Desk(settings)
    desk.facts.update({{d: f for d, f in {facts!r}.items()}})
    desk.dossier(int(sys.argv[2]))
    mode = sys.argv[1]
    if mode == "mid-write":          # die halfway through writing the temporary file
        original = ooxml.Package.save
        def save(self, target, *, after_part=None):
            def boom(name):
                if name.startswith("xl/worksheets/sheet2"):
                    os._exit(9)
            return original(self, target, after_part=boom)
        ooxml.Package.save = save
    elif mode == "before-commit":    # die after the swap, before the bookkeeping commit
        from wkb_desk.register import writer
        def die(self, conn, token):
            os._exit(9)
        writer._State.commit = die
    elif mode == "loop":             # keep saving until killed
        for i in range(int(sys.argv[2]), int(sys.argv[2]) + 1000):
            desk.dossier(i)
            update_register(settings, desk.conn, desk.factory())
            print(i, flush=True)
    update_register(settings, desk.conn, desk.factory())
""")


def _child(settings, desk: Desk, mode: str, number: int) -> subprocess.Popen:
    code = CHILD.format(tests=str(REPO / "tests"), repo=str(REPO), config=str(settings.config_path), facts=desk.facts)
    return subprocess.Popen([sys.executable, "-c", code, mode, str(number)], stdout=subprocess.PIPE, text=True)


def _dossiers(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path)["Register"]
    col = header_map(ws)["Dossier"]
    return [ws.cell(r, col).value for r in range(2, ws.max_row + 1) if ws.cell(r, col).value]


def test_killed_mid_save_leaves_the_old_version(settings):
    desk = Desk(settings)
    for i in range(1, 4):
        desk.dossier(i)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    before = path.read_bytes()
    proc = _child(settings, desk, "mid-write", 4)
    assert proc.wait(timeout=60) == 9
    assert path.read_bytes() == before
    assert zipfile.ZipFile(path).testzip() is None
    # The next run cleans up the half-written temp file and lands the change.
    desk.resync()
    desk.dossier(4)
    result = update_register(settings, desk.conn, desk.factory())
    assert result.saved and not result.corrections
    assert _dossiers(path)[-1] == "WKB-2026-0004"
    assert not list(path.parent.glob(".*.tmp"))


def test_killed_between_swap_and_bookkeeping_is_not_read_as_edits(settings):
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    desk.facts["WKB-2026-0001"]["status"] = "gestart"
    proc = _child(settings, desk, "before-commit", 2)
    assert proc.wait(timeout=60) == 9
    assert cell(path, "WKB-2026-0001", "Status") == "gestart"  # the new file is in place
    desk.resync()
    desk.dossier(2)
    result = update_register(settings, desk.conn, desk.factory())
    assert result.corrections == []  # the tool's own new values are not mistaken for a person's
    edit_cell(path, "WKB-2026-0001", "Plaats", "Olst")
    assert update_register(settings, desk.conn, desk.factory()).corrections == [("WKB-2026-0001", "plaats", "Olst")]


def test_sigkill_at_any_moment_leaves_an_old_or_new_register(settings):
    desk = Desk(settings)
    for i in range(1, 30):
        desk.dossier(i)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    for attempt, delay in enumerate((0.9, 1.3, 1.7)):
        proc = _child(settings, desk, "loop", 100 + attempt * 1000)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        desk.resync()
        ids = _dossiers(path)  # opens: a complete zip with a complete Register sheet
        assert ids[:29] == [f"WKB-2026-{i:04d}" for i in range(1, 30)]
        extra = ids[29:]
        assert extra == sorted(extra)  # the saved versions, in order, nothing half-written


def test_sharing_violation_counts_as_busy(settings, monkeypatch):
    """What Windows reports while Excel holds the workbook (PermissionError on open for writing)."""
    from wkb_desk.register import lock as lock_mod

    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    before = path.read_bytes()
    real_open = open

    def sharing_violation(file, mode="r", *args, **kwargs):
        if Path(file) == path and "+" in mode:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(lock_mod, "open", sharing_violation, raising=False)
    desk.dossier(2)
    with pytest.raises(RegisterBusy) as info:
        update_register(settings, desk.conn, desk.factory())
    assert info.value.user == "onbekend"
    assert path.read_bytes() == before
    monkeypatch.undo()
    assert update_register(settings, desk.conn, desk.factory()).rows_added == 1


def test_a_workbook_the_tool_cannot_patch_is_rebuilt_and_kept(settings):
    desk = Desk(settings)
    desk.dossier(1)
    path = settings.paden.register
    update_register(settings, desk.conn, desk.factory())
    edit_cell(path, "WKB-2026-0001", "Opmerkingen", "Niet kwijtraken")
    # Someone's tool mangled a sheet: Overzicht without its rows element.
    tmp = path.with_suffix(".x.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w") as out:
        names = {s: f"xl/worksheets/sheet{i}.xml" for i, s in enumerate(openpyxl.load_workbook(path).sheetnames, 1)}
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == names["Overzicht"]:
                import re as _re

                data = _re.sub(rb"<sheetData>.*</sheetData>|<sheetData/>", b"", data, flags=_re.S)
            out.writestr(item, data)
    tmp.replace(path)
    desk.dossier(2)
    result = update_register(settings, desk.conn, desk.factory())
    assert result.saved and result.rebuilt and any("opnieuw opgebouwd" in w for w in result.warnings)
    assert cell(path, "WKB-2026-0001", "Opmerkingen") == "Niet kwijtraken"
    assert cell(path, "WKB-2026-0002", "Adres") == "Kerkstraat 2"
    assert list((path.parent / "back-ups").glob("*onleesbaar*"))
