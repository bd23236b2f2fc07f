"""[dagelijks] and [email]: checked with Dutch messages that name the key; the team reminders can be switched off."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run_cli
from daily_support import bouwmelding, read_overview

from wkb_desk.daily.content import NO_BEHANDELAAR
from wkb_desk.errors import ConfigError


@pytest.mark.parametrize("extra, key", [
    ('[dagelijks]\ntijd = "7 uur"\n', "dagelijks.tijd"),
    ('[dagelijks]\ntijd = "24:00"\n', "dagelijks.tijd"),
    ('[email]\naan = ["teamleider@gemeente.example"]\nvan = "wkb@gemeente.example"\n', "email.server"),
    ('[email]\naan = ["teamleider"]\nvan = "wkb@gemeente.example"\nserver = "smtp"\n', "email.aan"),
    ('[email]\naan = ["a@b.nl"]\nvan = "a@b.nl"\nserver = "smtp"\nbeveiliging = "tls"\n', "email.beveiliging"),
])
def test_wrong_values_are_named(workspace, extra, key):
    with pytest.raises(ConfigError) as info:
        workspace(extra)
    assert key in str(info.value)


def test_no_addresses_means_no_mail(workspace):
    settings = workspace('[email]\naan = []\n')
    assert not settings.email.enabled
    assert settings.dagelijks.tijd == "07:00" and settings.dagelijks.hour_minute == (7, 0)


def test_config_command_shows_the_daily_settings(workspace):
    settings = workspace('[dagelijks]\ntijd = "06:30"\n')
    result = run_cli("--config", str(settings.config_path), "config")
    assert result.returncode == 0 and "[dagelijks]" in result.stdout and "tijd = 06:30" in result.stdout


def test_team_reminders_can_be_switched_off(workspace):
    settings = workspace("[dagelijks]\nherinneringen_team = false\n")
    bouwmelding(settings.paden.inbox, "2026020300202", dt.date(2026, 2, 3), "Molenweg", "3", "7602 CD", "Almelo",
                start=dt.date(2026, 3, 5))
    result = run_cli("--config", str(settings.config_path), "daily", "--date", "2026-03-02")
    assert result.returncode == 0, result.stderr
    book = read_overview(settings.paden.outbox / "dagoverzicht-2026-03-02.docx")
    assert "Termijnen in de komende 5 werkdagen" not in book[NO_BEHANDELAAR]
    assert "Nieuw binnengekomen" in book[NO_BEHANDELAAR]
