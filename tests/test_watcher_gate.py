"""The completeness gate and the choice between native events and polling.

The gate runs on real files in tmp_path; only its clock is stepped by hand, so quiet periods are exact.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wkb_desk.config import parse_settings
from wkb_desk.intake.stability import EMPTY_FILE_FACTOR, StabilityGate
from wkb_desk.intake.files import tool_folders_in_inbox
from wkb_desk.intake.watcher import choose_mode, is_network_path, mount_fstype


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


def gate_for(clock: Clock, quiet: float = 2.0, report_after: float = 60.0, opener=None) -> StabilityGate:
    kwargs = {"clock": clock}
    if opener is not None:
        kwargs["opener"] = opener
    return StabilityGate(quiet, report_after, **kwargs)


def test_a_file_is_ready_only_after_the_quiet_period(tmp_path, clock):
    f = tmp_path / "melding.pdf"
    f.write_bytes(b"%PDF-1.7 complete")
    gate = gate_for(clock)
    gate.touch(f)
    clock.advance(1.9)
    assert gate.check().ready == []
    clock.advance(0.2)
    assert gate.check().ready == [f]
    assert f not in gate  # handed out once
    assert gate.check().ready == []


def test_every_event_restarts_the_quiet_period(tmp_path, clock):
    f = tmp_path / "melding.pdf"
    f.write_bytes(b"part 1")
    gate = gate_for(clock)
    gate.touch(f)
    for i in range(5):
        clock.advance(1.5)
        with open(f, "ab") as fh:
            fh.write(b" more")
        gate.touch(f)
        assert gate.check().ready == []
    clock.advance(2.0)
    assert gate.check().ready == [f]


def test_a_change_without_an_event_is_caught_by_size_and_mtime(tmp_path, clock):
    # A network share can miss events: the gate compares what it sees before handing a file out.
    f = tmp_path / "scan.pdf"
    f.write_bytes(b"first half")
    gate = gate_for(clock)
    gate.touch(f)
    clock.advance(2.5)
    with open(f, "ab") as fh:
        fh.write(b" second half")
    assert gate.check().ready == []  # changed since the event: a new quiet period
    clock.advance(1.0)
    assert gate.check().ready == []
    clock.advance(1.1)
    assert gate.check().ready == [f]


def test_a_file_that_cannot_be_opened_waits_and_is_reported_once(tmp_path, clock):
    f = tmp_path / "wordt gekopieerd.pdf"
    f.write_bytes(b"data")
    held = {f}
    gate = gate_for(clock, report_after=60.0, opener=lambda p: p not in held)
    gate.touch(f)
    reports = []
    for _ in range(50):  # 100 s of looking every 2 s while a copy program holds the file
        clock.advance(2.0)
        result = gate.check()
        assert result.ready == []
        reports += result.overdue
    assert len(reports) == 1
    path, waited, why = reports[0]
    assert path == f and waited >= 60.0 and "in gebruik" in why
    assert f in gate  # still watched, never dropped
    held.clear()
    clock.advance(2.0)
    assert gate.check().ready == [f]


def test_a_file_still_being_written_is_reported_as_such(tmp_path, clock):
    f = tmp_path / "trage kopie.pdf"
    f.write_bytes(b"x")
    gate = gate_for(clock, quiet=2.0, report_after=10.0)
    gate.touch(f)
    overdue = []
    for _ in range(12):
        clock.advance(1.0)
        gate.touch(f)  # an event every second
        overdue += gate.check().overdue
    assert [(p, why) for p, _, why in overdue] == [(f, "wordt nog geschreven")]


def test_a_vanished_file_is_reported_gone_not_ready(tmp_path, clock):
    f = tmp_path / "weg.pdf"
    f.write_bytes(b"x")
    gate = gate_for(clock)
    gate.touch(f)
    f.unlink()
    clock.advance(3)
    result = gate.check()
    assert result.ready == [] and result.gone == [f]
    assert len(gate) == 0


def test_an_empty_file_must_stay_empty_longer(tmp_path, clock):
    f = tmp_path / "net aangemaakt.pdf"
    f.write_bytes(b"")
    gate = gate_for(clock, quiet=2.0)
    gate.touch(f)
    clock.advance(2.0 * EMPTY_FILE_FACTOR - 0.1)
    assert gate.check().ready == []
    clock.advance(0.2)
    assert gate.check().ready == [f]


def test_a_scan_keeps_the_quiet_period_of_a_tracked_file(tmp_path, clock):
    f = tmp_path / "a.pdf"
    f.write_bytes(b"x")
    gate = gate_for(clock)
    gate.touch(f)
    clock.advance(1.5)
    assert gate.add(f) is False  # a rescan finds it again: no reset
    clock.advance(0.6)
    assert gate.check().ready == [f]


def test_ready_files_come_oldest_first(tmp_path, clock):
    gate = gate_for(clock)
    files = []
    for i, name in enumerate(["c.pdf", "a.pdf", "b.pdf"]):
        f = tmp_path / name
        f.write_bytes(name.encode())
        os.utime(f, (1_700_000_000 + i, 1_700_000_000 + i))
        files.append(f)
        gate.add(f)
    clock.advance(3)
    assert gate.check().ready == files


def test_seconds_until_due(tmp_path, clock):
    gate = gate_for(clock, quiet=2.0)
    assert gate.seconds_until_due() is None
    f = tmp_path / "a.pdf"
    f.write_bytes(b"x")
    gate.touch(f)
    clock.advance(0.5)
    assert gate.seconds_until_due() == pytest.approx(1.5)


def test_forget_below_a_folder(tmp_path, clock):
    gate = gate_for(clock)
    (tmp_path / "sub").mkdir()
    inside, outside = tmp_path / "sub" / "a.pdf", tmp_path / "b.pdf"
    for f in (inside, outside):
        f.write_bytes(b"x")
        gate.touch(f)
    assert gate.forget_below(tmp_path / "sub") == [inside]
    assert gate.pending() == [outside]


# --- native or polling ------------------------------------------------------------------------

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//fileserver/wkb /mnt/wkb cifs rw,vers=3.0 0 0
nas:/export/balie /srv/balie nfs4 rw 0 0
me@host:/data /home/me/remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/wkb/local\\040disk ext4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    "path, fstype",
    [
        ("/mnt/wkb/inbox", "cifs"),
        ("/mnt/wkb", "cifs"),
        ("/mnt/wkbx/inbox", "ext4"),  # a prefix of the name is not the mount
        ("/srv/balie/inbox", "nfs4"),
        ("/home/me/remote/in", "fuse.sshfs"),
        ("/mnt/wkb/local disk/inbox", "ext4"),  # a local disk mounted inside the share, name with a space
        ("/tmp/x", "tmpfs"),
        ("/var/x", "ext4"),
    ],
)
def test_mount_type_is_the_longest_matching_mount(path, fstype):
    assert mount_fstype(Path(path), MOUNTS) == fstype


@pytest.mark.parametrize(
    "path, remote",
    [("/mnt/wkb/inbox", True), ("/srv/balie/inbox", True), ("/home/me/remote/in", True), ("/var/x", False)],
)
def test_network_mounts_on_linux(path, remote):
    assert is_network_path(Path(path), platform="linux", mounts_text=MOUNTS)[0] is remote


def test_unc_paths_are_network_shares():
    remote, why = is_network_path(Path(r"\\gemeente-fs01\wkb\inbox"), platform="win32")
    assert remote and "UNC" in why


def test_mode_auto_forced_native_forced_polling(tmp_path):
    def settings(**watcher):
        return parse_settings({"watcher": watcher}, tmp_path / "config.toml")

    assert choose_mode(settings(modus="polling"))[0] == "polling"
    assert choose_mode(settings(modus="native"))[0] == "native"
    # tmp_path is on a local disk here (the test would be meaningless on a share).
    if not is_network_path(tmp_path)[0]:
        assert choose_mode(settings(modus="auto"))[0] == "native"


def test_own_folders_inside_the_inbox(tmp_path):
    s = parse_settings({"paden": {"fouten": "inbox/fouten", "archief": "archief"}}, tmp_path / "config.toml")
    assert tool_folders_in_inbox(s.paden) == [(tmp_path / "inbox" / "fouten").resolve()]
