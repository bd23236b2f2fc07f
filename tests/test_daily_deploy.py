"""The example files for unattended running (deploy/) are valid and say what the README promises."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET

from conftest import REPO

NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def task(name: str) -> ET.Element:
    raw = (REPO / "deploy" / name).read_bytes()
    assert raw.startswith(b"\xff\xfe")  # UTF-16 LE with BOM, as Task Scheduler exports it
    return ET.fromstring(raw.decode("utf-16").replace('encoding="UTF-16"', ""))


def test_task_scheduler_files_run_unattended_with_unc_paths():
    for name, command in (("wkb-desk-taak.xml", "run"), ("wkb-desk-dagelijks-taak.xml", "daily")):
        root = task(name)
        assert root.findtext("t:Settings/t:StartWhenAvailable", namespaces=NS) == "true"  # "start when available"
        assert root.findtext("t:Principals/t:Principal/t:LogonType", namespaces=NS) == "Password"  # logged on or not
        arguments = root.findtext("t:Actions/t:Exec/t:Arguments", namespaces=NS)
        assert arguments.startswith("-m wkb_desk --config \\\\") and arguments.endswith(f" {command}")
        assert root.findtext("t:Settings/t:MultipleInstancesPolicy", namespaces=NS) == "IgnoreNew"
    assert task("wkb-desk-taak.xml").find("t:Triggers/t:BootTrigger", NS) is not None
    daily = task("wkb-desk-dagelijks-taak.xml")
    assert daily.findtext("t:Triggers/t:CalendarTrigger/t:StartBoundary", namespaces=NS).endswith("T07:00:00")


def test_systemd_unit_starts_run_and_keeps_the_password_out_of_the_unit():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(REPO / "deploy" / "wkb-desk.service", encoding="utf-8")
    service = unit["Service"]
    assert service["ExecStart"].endswith(" -m wkb_desk --config /srv/wkb/config.toml run")
    assert service["KillSignal"] == "SIGTERM" and service["Restart"] == "on-failure"
    assert service["EnvironmentFile"].startswith("-/etc/")
    assert "WKB_DESK_SMTP_WACHTWOORD=" not in "".join(f"{k}={v}" for k, v in service.items())
    assert unit["Install"]["WantedBy"] == "multi-user.target"
