"""The daily run over 10,000 dossiers, against a bare openpyxl load + save of that register (issue 10).

A workspace is prepared once: a ledger with N projects (bouwmelding, borgingsplan and, for most, a startmelding;
real extractions, so the rules, the letters' policy and the overview work on real facts), linked into dossiers,
and a first daily run the day before (register, letters, overview). Then, each in a fresh child process:

- bare:    openpyxl load + save of the register the tool wrote (the reference);
- daily:   `wkb-desk daily --date D` as a scheduled task runs it (wall time of the whole command: interpreter,
           imports, the sweep of 5 new PDFs in the inbox, linking, rules, letters due that day, the register,
           the day overview); target: at most 1.5 x bare;
- repeat:  the same command again for D (nothing changes: no file is written).

Letter kinds that would answer every document (receipts) are switched off here, so the preparation does not
render 20,000 letters; the reminders (ontbreken_startmelding, herinnering_gereedmelding) are on and rendered.

Usage: python benchmarks/bench_daily.py [--dossiers 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

DAY = dt.date(2026, 6, 1)  # a Monday
CONFIG = """
[paden]
register = "register/wkb-register.xlsx"
database = "data/wkb.sqlite"

[watcher]
rust_seconden = 0

[brieven]
ontvangstbevestiging_bouwmelding = false
bouwmelding_compleet = false
melding_niet_compleet = false
aanvullende_informatie = false
ontvangstbevestiging_startmelding = false
ontvangstbevestiging_gereedmelding = false
gereedmelding_onvolledig = false
pdf = false
"""


def project(i: int, rng: random.Random):
    melding = DAY - dt.timedelta(days=rng.randrange(10, 330))
    start = melding + dt.timedelta(days=rng.randrange(28, 90))
    nr = f"{melding:%Y%m%d}{i:05d}"
    loc = dict(straat=f"Straat{i % 97}", huisnummer=str(i + 1), postcode=f"{7400 + i % 500} AB", plaats="Deventer")
    yield "bouwmelding", dict(verzoeknummer=nr, datum=melding.isoformat(), bag_id=f"0150{i:012d}",
                              kwaliteitsborger="Borg4", instrument="WKI", startdatum=start.isoformat(), **loc)
    yield "borgingsplan", dict(datum=(melding - dt.timedelta(days=5)).isoformat(), **loc)
    if i % 50 and start < DAY:  # 2 %, and the projects that have not started yet, have no startmelding
        yield "startmelding", dict(verzoeknummer=f"{start:%Y%m%d}{i:05d}", datum=(start - dt.timedelta(days=3)).isoformat(),
                                   verwijst_naar=nr, startdatum=start.isoformat())


def prepare(root: Path, n: int) -> None:
    from wkb_desk import ledger
    from wkb_desk.config import load_settings
    from wkb_desk.daily.run import run_daily
    from wkb_desk.desk import Desk
    from wkb_desk.dossiers import link_pending
    from wkb_desk.models import Extraction, FieldValue

    shutil.copytree(REPO / "sjablonen", root / "sjablonen")
    (root / "config.toml").write_text(CONFIG, encoding="utf-8")
    settings = load_settings(root / "config.toml")
    rng = random.Random(10)
    conn = ledger.connect(settings.paden.database)
    with ledger.transaction(conn):
        for i in range(n):
            for kind, values in project(i, rng):
                ledger.insert_document(
                    conn, sha256=hashlib.sha256(f"{i}-{kind}".encode()).hexdigest(), original_name=f"{kind}-{i}.pdf",
                    subfolder="", size=1, received_at=f"{values['datum']}T09:00:00+01:00", content_type="pdf",
                    parent_id=None, archive_path=f"archief/{kind}-{i}.pdf", status="verwerkt",
                    extraction=Extraction(kind, 0.9, {k: FieldValue(v) for k, v in values.items()}),
                )
    link_pending(conn, settings)
    conn.close()
    with Desk(settings, command="daily") as desk:
        run_daily(desk, DAY - dt.timedelta(days=1))
    from daily_support import bouwmelding

    for j in range(5):  # the day's new arrivals: real PDFs through the real pipeline
        bouwmelding(settings.paden.inbox, f"2026052900{j:03d}", DAY - dt.timedelta(days=3), "Nieuwstraat", str(j + 1),
                    "7411 AB", "Deventer", start=DAY + dt.timedelta(days=40))


def bare(root: Path) -> float:
    code = ("import openpyxl, sys, time; t = time.perf_counter(); wb = openpyxl.load_workbook(sys.argv[1]); "
            "wb.save(sys.argv[2]); print(time.perf_counter() - t)")
    register = root / "register" / "wkb-register.xlsx"
    out = subprocess.run([sys.executable, "-c", code, str(register), str(root / "bare-copy.xlsx")],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def daily(root: Path) -> tuple[float, str]:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "wkb_desk", "--config", str(root / "config.toml"), "daily", "--date",
                          DAY.isoformat()], capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - t
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return seconds, out.stderr


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=10000)
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-daily-"))
    try:
        t = time.perf_counter()
        prepare(root, args.dossiers)
        print(f"voorbereid: {args.dossiers} dossiers in {time.perf_counter() - t:.1f} s")
        bare_s = bare(root)
        daily_s, log = daily(root)
        repeat_s, _ = daily(root)
        last = [line for line in log.splitlines() if "klaar in" in line]
        print(f"kaal openpyxl laden + opslaan van het register: {bare_s:.2f} s")
        print(f"wkb-desk daily --date {DAY}:                  {daily_s:.2f} s = {daily_s / bare_s:.2f}x kaal (doel <= 1,5x)")
        print(f"nogmaals dezelfde datum (verandert niets):     {repeat_s:.2f} s = {repeat_s / bare_s:.2f}x kaal")
        print("  " + (last[-1] if last else ""))
        print(json.dumps({"dossiers": args.dossiers, "bare": round(bare_s, 2), "daily": round(daily_s, 2),
                          "repeat": round(repeat_s, 2), "ratio": round(daily_s / bare_s, 2)}))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
