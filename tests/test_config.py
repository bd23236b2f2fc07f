"""Configuration: defaults, relative paths, and Dutch errors that name the key and the fix."""

from __future__ import annotations

import pytest
from conftest import run_cli

from wkb_desk.config import load_settings
from wkb_desk.errors import ConfigError, ExitCode


def _write(tmp_path, text):
    (tmp_path / "sjablonen").mkdir(exist_ok=True)
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_relative_paths_resolve_against_config_folder(tmp_path, monkeypatch):
    path = _write(tmp_path, '[paden]\ninbox = "post/in"\n')
    monkeypatch.chdir("/")
    settings = load_settings(path)
    assert settings.paden.inbox == (tmp_path / "post" / "in").resolve()
    assert settings.paden.inbox.is_dir()
    assert settings.paden.database == (tmp_path / "data" / "wkb-desk.sqlite").resolve()


@pytest.mark.parametrize(
    "text, words",
    [
        ('[paden]\ninboks = "x"\n', ["inboks", "[paden]", "Bekende sleutels"]),
        ("[limieten]\nmax_paginas = \"veel\"\n", ["limieten.max_paginas", "geheel getal"]),
        ("[watcher]\nmodus = \"snel\"\n", ["watcher.modus", "polling"]),
        ("[onbekend]\nx = 1\n", ["[onbekend]"]),
        ("[termijnen]\nextra_vrije_dagen = [\"morgen\"]\n", ["termijnen.extra_vrije_dagen", "2026-05-15"]),
        ("dit is = geen toml [", ["geen geldige TOML"]),
    ],
)
def test_bad_config_names_key_and_fix(tmp_path, text, words):
    with pytest.raises(ConfigError) as info:
        load_settings(_write(tmp_path, text))
    message = str(info.value)
    for word in words:
        assert word in message


def test_unusable_folder_names_key(tmp_path):
    (tmp_path / "bestand").write_text("geen map")
    with pytest.raises(ConfigError) as info:
        load_settings(_write(tmp_path, '[paden]\nfouten = "bestand/fouten"\n'))
    assert "paden.fouten" in str(info.value)


def test_config_found_by_env_var_and_cli_exit_code(tmp_path):
    path = _write(tmp_path, '[paden]\ninboks = "x"\n')
    result = run_cli("config", env={"WKB_DESK_CONFIG": str(path)}, cwd=tmp_path)
    assert result.returncode == ExitCode.CONFIG
    assert "Onbekende sleutel 'inboks'" in result.stderr


def test_config_command_prints_effective_settings(tmp_path):
    path = _write(tmp_path, "[termijnen]\nextra_vrije_dagen = [2026-05-15]\n")
    result = run_cli("--config", str(path), "config")
    assert result.returncode == 0, result.stderr
    assert "in orde" in result.stdout
    assert "2026-05-15" in result.stdout
    assert str(tmp_path / "inbox") in result.stdout


def test_missing_config_is_explained(tmp_path):
    result = run_cli("status", cwd=tmp_path, env={"WKB_DESK_CONFIG": ""})
    assert result.returncode == ExitCode.CONFIG
    assert "Configuratiebestand niet gevonden" in result.stderr


def test_repo_config_is_valid(tmp_path):
    from conftest import REPO

    result = run_cli("--config", str(REPO / "config.toml"), "config", "--json")
    assert result.returncode == 0, result.stderr
