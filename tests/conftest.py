"""Shared fixtures: a complete workspace (config + folders) in a temporary directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/builders.py

from wkb_desk.config import load_settings  # noqa: E402


def shared_path(*parts: str) -> Path:
    """A path below ../shared; the calling test is skipped where a user's clone has none."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} ontbreekt (alleen in de ontwikkelomgeving)")
    return path


CONFIG_TEMPLATE = """
[paden]
inbox = "inbox"
outbox = "outbox"
archief = "archief"
fouten = "fouten"
register = "register/wkb-register.xlsx"
database = "data/wkb.sqlite"
sjablonen = "sjablonen"
logboek = "logboek"

[watcher]
rust_seconden = 0
{extra}
"""


@pytest.fixture
def workspace(tmp_path: Path):
    """A fresh desk in tmp_path; call it with extra TOML to change settings. Returns Settings."""

    def make(extra: str = ""):
        (tmp_path / "sjablonen").mkdir(exist_ok=True)
        config = tmp_path / "config.toml"
        config.write_text(CONFIG_TEMPLATE.format(extra=extra), encoding="utf-8")
        return load_settings(config)

    return make


@pytest.fixture
def settings(workspace):
    return workspace()


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120):
    """Run `python -m wkb_desk ...` in a subprocess, as a user would."""
    import subprocess

    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "wkb_desk", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
