"""Watcher figures: drop-to-recorded latency (native and polling) and the idle CPU of polling a large inbox.

    python benchmarks/bench_watcher.py [--samples 30] [--rust 1.0] [--poll 1.0]
                                                      [--files 10000] [--idle-seconds 30]

Latency: a small document is written into the inbox of a running `run_watch` (the real Desk, ledger and
reader), one every 0.4 s; the time until its receipt is in the ledger is measured from outside, as an
official would see it. Target: median <= rust + 1 s (native) and <= rust + poll interval (polling).

Idle CPU: the watcher in polling mode over an inbox of --files files (in folders of 500) that are not for the
desk (a stand-in desk says is_candidate False, so nothing is processed): only the walk-and-compare of the
observer and the watcher's own loop are measured, as process CPU seconds per wall second
(time.process_time, all threads). Native mode idle is printed for comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import sqlite3
import statistics
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wkb_desk.config import load_settings  # noqa: E402
from wkb_desk.intake.watcher import Watcher, run_watch  # noqa: E402


def make_config(base: Path, mode: str, rust: float, poll: float) -> Path:
    (base / "sjablonen").mkdir(parents=True, exist_ok=True)
    cfg = base / "config.toml"
    cfg.write_text(
        textwrap.dedent(
            f"""
            [watcher]
            modus = "{mode}"
            rust_seconden = {rust}
            poll_seconden = {poll}
            """
        ),
        encoding="utf-8",
    )
    return cfg


def latency(mode: str, samples: int, rust: float, poll: float) -> list[float]:
    with tempfile.TemporaryDirectory(prefix=f"bench-watch-{mode}-") as tmp:
        settings = load_settings(make_config(Path(tmp), mode, rust, poll))
        stop, ready = threading.Event(), threading.Event()
        t = threading.Thread(target=run_watch, args=(settings,), kwargs={"stop": stop, "ready": ready}, daemon=True)
        t.start()
        if not ready.wait(30):
            raise SystemExit("watcher did not start")
        dropped: dict[str, float] = {}
        seen: dict[str, float] = {}
        db = settings.paden.database

        def poll_ledger() -> None:
            while len(seen) < samples and not stop.is_set():
                try:
                    conn = sqlite3.connect(f"file:{db.as_posix()}?mode=ro", uri=True, timeout=5)
                    rows = conn.execute("SELECT original_name FROM receipts").fetchall()
                    conn.close()
                except sqlite3.Error:
                    rows = []
                now = time.monotonic()
                for (name,) in rows:
                    seen.setdefault(name, now)
                time.sleep(0.01)

        poller = threading.Thread(target=poll_ledger, daemon=True)
        poller.start()
        for i in range(samples):
            name = f"melding-{i:03d}.txt"
            path = settings.paden.inbox / name
            path.write_bytes(f"Bijlage {i}\n".encode() + hashlib.sha256(name.encode()).hexdigest().encode() * 20)
            dropped[name] = time.monotonic()
            time.sleep(0.4)
        poller.join(rust + poll + 60)
        stop.set()
        t.join(60)
        missing = set(dropped) - set(seen)
        if missing:
            raise SystemExit(f"{mode}: {len(missing)} files never recorded")
        return [seen[n] - dropped[n] for n in dropped]


class IdleDesk:
    """Stand-in: the files in the big inbox are not for the desk; nothing is processed."""

    def __init__(self, inbox: Path) -> None:
        self.inbox = inbox

    def candidates(self) -> list[Path]:
        return []

    def is_candidate(self, path: Path) -> bool:
        return False

    def process(self, path: Path):
        raise AssertionError("nothing to process")

    def flush(self):
        return None


def idle_cpu(mode: str, files: int, seconds: float, rust: float, poll: float) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix=f"bench-idle-{mode}-") as tmp:
        settings = load_settings(make_config(Path(tmp), mode, rust, poll))
        inbox = settings.paden.inbox
        for i in range(files):
            folder = inbox / f"map-{i // 500:03d}"
            if i % 500 == 0:
                folder.mkdir()
            (folder / f"bestand-{i:05d}.pdf").write_bytes(b"%PDF-1.4 idle")
        stop, ready = threading.Event(), threading.Event()
        watcher = Watcher(IdleDesk(inbox), settings, stop=stop, ready=ready)
        t = threading.Thread(target=watcher.run, daemon=True)
        t.start()
        ready.wait(60)
        time.sleep(max(poll * 2, 1.0))  # past the first snapshot
        c0, w0 = time.process_time(), time.monotonic()
        time.sleep(seconds)
        c1, w1 = time.process_time(), time.monotonic()
        stop.set()
        t.join(60)
        return c1 - c0, w1 - w0


def main() -> None:
    # The watcher's and the desk's log lines are not figures; keep the output to the numbers.
    quiet = logging.getLogger("wkb_desk")
    quiet.addHandler(logging.NullHandler())
    quiet.propagate = False
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=30)
    ap.add_argument("--rust", type=float, default=1.0, help="watcher.rust_seconden")
    ap.add_argument("--poll", type=float, default=1.0, help="watcher.poll_seconden")
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--idle-seconds", type=float, default=30.0)
    ap.add_argument("--idle-poll", type=float, default=5.0, help="poll interval for the idle measurement (default 5 s)")
    ap.add_argument("--only", choices=("latency", "idle"), help="run one of the two measurements")
    args = ap.parse_args()

    if args.only != "idle":
        print_latency(args)
    if args.only != "latency":
        print_idle(args)


def print_latency(args: argparse.Namespace) -> None:
    print(f"Latency: {args.samples} files, rust_seconden={args.rust}, poll_seconden={args.poll}")
    for mode, budget in (("native", args.rust + 1.0), ("polling", args.rust + args.poll)):
        lat = sorted(latency(mode, args.samples, args.rust, args.poll))
        med = statistics.median(lat)
        p95 = lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))]
        verdict = "OK" if med <= budget else "ABOVE TARGET"
        print(f"  {mode:8s} median {med:5.2f} s  p95 {p95:5.2f} s  max {lat[-1]:5.2f} s  (target median <= {budget:.1f} s: {verdict})")


def print_idle(args: argparse.Namespace) -> None:
    print(f"Idle CPU over {args.files} files, {args.idle_seconds:g} s of idling:")
    for mode, poll in (("polling", args.idle_poll), ("polling", 1.0), ("native", args.idle_poll)):
        cpu, wall = idle_cpu(mode, args.files, args.idle_seconds, args.rust, poll)
        print(f"  {mode:8s} poll {poll:g} s: {cpu:6.2f} CPU-s in {wall:5.1f} s = {100 * cpu / wall:5.2f} % of one core")


if __name__ == "__main__":
    main()
