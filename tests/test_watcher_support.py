"""Helpers for the watcher tests (no tests here): a workspace config, a watcher thread, a look at the ledger."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import textwrap
import threading
import time
from pathlib import Path

import pytest

from wkb_desk.config import load_settings
from wkb_desk.intake.watcher import run_watch

REPO = Path(__file__).resolve().parents[1]
MODES = ["native", "polling"]


def make_config(base: Path, mode: str, *, extra: str = "", melden_minuten: float = 30.0) -> Path:
    base.mkdir(parents=True, exist_ok=True)
    (base / "sjablonen").mkdir(exist_ok=True)
    cfg = base / "config.toml"
    cfg.write_text(
        textwrap.dedent(
            f"""
            [watcher]
            modus = "{mode}"
            rust_seconden = 0.3
            poll_seconden = 0.2
            volledige_scan_minuten = 10
            onvolledig_melden_minuten = {melden_minuten}

            [register]
            max_seconden_achter = 2
            """
        )
        + extra,
        encoding="utf-8",
    )
    return cfg


def unique_bytes(name: str, size: int = 200) -> bytes:
    """A small file whose bytes differ per name (so no two are duplicates)."""
    head = f"Bijlage bij melding, bestand {name}\n".encode()
    return head + hashlib.sha256(name.encode()).hexdigest().encode() * (size // 64 + 1)


def pdf_bytes(pages: int = 30) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Bouwmelding Dorpsstraat 12"})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


class Ledger:
    """Read-only look at the ledger from the test thread."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def rows(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        if not self.path.exists():
            return []
        conn = sqlite3.connect(f"file:{self.path.as_posix()}?mode=ro", uri=True, timeout=10)
        conn.row_factory = sqlite3.Row
        try:
            return conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError:  # schema not created yet
            return []
        finally:
            conn.close()

    def receipts(self, name: str) -> list[sqlite3.Row]:
        return self.rows("SELECT * FROM receipts WHERE original_name = ?", (name,))

    def names(self) -> list[str]:
        return [r[0] for r in self.rows("SELECT original_name FROM receipts")]

    def document(self, name: str) -> sqlite3.Row | None:
        rows = self.rows("SELECT * FROM documents WHERE original_name = ? AND parent_id IS NULL", (name,))
        return rows[0] if rows else None


def wait_for(condition, timeout: float = 20.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"niet gebeurd binnen {timeout} s: {what}")


class WatchThread:
    def __init__(self, cfg: Path) -> None:
        self.settings = load_settings(cfg)
        self.stop = threading.Event()
        self.ready = threading.Event()
        self.result: list[object] = []
        self.thread = threading.Thread(target=self._run, name="watch-under-test", daemon=True)

    def _run(self) -> None:
        try:
            self.result.append(run_watch(self.settings, stop=self.stop, ready=self.ready))
        except BaseException as exc:  # surfaced by the test
            self.result.append(exc)
            self.ready.set()

    def __enter__(self) -> "WatchThread":
        self.thread.start()
        assert self.ready.wait(20), "watcher werd niet klaar"
        assert not self.result, f"watcher stopte direct: {self.result}"
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(30)
        assert not self.thread.is_alive(), "watcher stopte niet na stop"

    @property
    def inbox(self) -> Path:
        return self.settings.paden.inbox

    @property
    def ledger(self) -> Ledger:
        return Ledger(self.settings.paden.database)


@pytest.fixture(params=MODES)
def mode(request) -> str:
    return request.param


