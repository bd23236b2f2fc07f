"""Register cost at 1,000 / 10,000 / 50,000 dossiers (issue 5).

For each size a workspace is prepared once (ledger with N dossiers and 3 documents each, register written by
the tool). Every measurement then runs in a fresh child process on a fresh copy, so time and peak memory
(ru_maxrss of the child, i.e. everything: interpreter, imports, data) are not polluted by earlier steps:

- bare:     openpyxl load + change one cell + save of the same workbook (the issue's reference);
- one doc:  update_register after one new document (one dossier changes, one document row more);
- 100 docs: update_register after 100 new documents (50 new dossiers, 50 changed);
- no-op:    update_register when nothing changed (read-back only);
- rebuild:  rebuild_register from the ledger;
- saved-*:  the same after a person saved the register (openpyxl here, Excel in real life: shared strings
            instead of the tool's inline strings) — the steady state on a team's share;
- ref-bare: the issue's reference, a plain 25-column table of N rows, openpyxl load + change + save.

Usage: python benchmarks/bench_register.py [--sizes 1000,10000,50000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DOCS_PER_DOSSIER = 3


def _settings(root: Path):
    from wkb_desk.config import load_settings

    return load_settings(root / "config.toml")


def _views(conn, n_extra_docs: dict[str, int] | None = None):
    """DossierViews for every dossier in the ledger (what the rules would produce), built without the rules."""
    from wkb_desk.models import Deadline, DossierView, Flag

    n_extra_docs = n_extra_docs or {}
    views = []
    docs: dict[str, list[str]] = {}
    for d, name in conn.execute("SELECT dossier_id, original_name FROM documents"):
        docs.setdefault(d, []).append(name)
    for (d,) in conn.execute("SELECT id FROM dossiers ORDER BY id"):
        i = int(d.rsplit("-", 1)[1])
        names = tuple(docs.get(d, ()))
        start = dt.date(2024, 1, 1) + dt.timedelta(days=i % 900)
        views.append(DossierView(
            dossier=d, verzoeknummer=f"2024{i:09d}", adres=f"Industrieweg {i % 400 + 1}{'a' if i % 3 else ''}",
            postcode=f"{7400 + i % 90} ET", plaats=("Almelo", "Enschede", "Hengelo")[i % 3],
            omschrijving=f"Nieuwbouw {i % 7 + 1} woningen, project {i}", kwaliteitsborger="Borg4", instrument="WKI",
            datum_bouwmelding=start, geplande_start=start + dt.timedelta(days=35),
            startmelding=start + dt.timedelta(days=40) if len(names) > 2 else None,
            gereedmelding=start + dt.timedelta(days=300) if len(names) > 3 else None,
            status="gestart" if len(names) > 2 else "melding ontvangen",
            signalen=(Flag("startmelding_te_laat", "hoog", f"Startmelding {i} te laat ontvangen."),) if i % 9 == 0 else (),
            ontbreekt=("borgingsplan",) if i % 11 == 0 else (),
            volgende_termijn=Deadline("uiterste_gereedmelding", start + dt.timedelta(days=400), "Uiterste gereedmelding"),
            documenten=names,
        ))
    return views


def prepare(root: Path, n: int) -> float:
    from wkb_desk import ledger
    from wkb_desk.register import update_register

    (root / "sjablonen").mkdir(parents=True, exist_ok=True)
    (root / "config.toml").write_text('[paden]\nregister = "register/wkb-register.xlsx"\n'
                                      'database = "data/wkb.sqlite"\n', encoding="utf-8")
    settings = _settings(root)
    conn = ledger.connect(settings.paden.database)
    now = ledger.now_iso()
    with ledger.transaction(conn):
        conn.executemany("INSERT INTO dossiers (id, created_at) VALUES (?, ?)",
                         [(f"WKB-2024-{i:05d}", now) for i in range(n)])
        conn.executemany(
            "INSERT INTO documents (sha256, original_name, size, received_at, archive_path, status, kind, dossier_id)"
            " VALUES (?, ?, 1000, ?, ?, 'verwerkt', ?, ?)",
            [(f"{i}-{k}", f"{('Bouwmelding', 'Borgingsplan', 'Startmelding')[k]} {i}.pdf",
              f"2024-{i % 12 + 1:02d}-15T10:00:00+01:00", f"archief/2024/{i}-{k}.pdf",
              ("bouwmelding", "borgingsplan", "startmelding")[k], f"WKB-2024-{i:05d}")
             for i in range(n) for k in range(DOCS_PER_DOSSIER)],
        )
    t = time.perf_counter()
    update_register(settings, conn, _views(conn))
    conn.close()
    return time.perf_counter() - t


def add_documents(conn, count: int) -> None:
    """`count` new documents: half open new dossiers, half land in existing ones."""
    from wkb_desk import ledger

    n = conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0]
    now = ledger.now_iso()
    with ledger.transaction(conn):
        for j in range(count):
            if j % 2 == 0 or count == 1:
                d = f"WKB-2024-{n + j:05d}"
                conn.execute("INSERT INTO dossiers (id, created_at) VALUES (?, ?)", (d, now))
            else:
                d = f"WKB-2024-{(j * 37) % n:05d}"
            conn.execute(
                "INSERT INTO documents (sha256, original_name, size, received_at, archive_path, status, kind, dossier_id)"
                " VALUES (?, ?, 1000, ?, ?, 'verwerkt', 'gereedmelding', ?)",
                (f"new-{j}", f"Gereedmelding {j}.pdf", now, f"archief/2026/new-{j}.pdf", d),
            )


def ref_bare(root: Path, n: int) -> dict:
    """The issue's reference: a plain 25-column table of n rows; openpyxl load + change one cell + save."""
    import openpyxl
    from openpyxl.worksheet.table import Table

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Register")
    ws.append([f"Kolom {c}" for c in range(1, 26)])
    for i in range(n):
        ws.append([f"WKB-{i}", f"2024{i:09d}", f"Industrieweg {i}", "7418 ET", "Almelo"]
                  + [f"tekst {i} {c}" for c in range(15)] + [dt.date(2024, 1, 1) + dt.timedelta(days=i % 900)] * 5)
    ws.add_table(Table(displayName="Register", ref=f"A1:Y{n + 1}"))
    ref = root / "ref.xlsx"
    wb.save(ref)
    t = time.perf_counter()
    wb = openpyxl.load_workbook(ref)
    wb["Register"]["C2"] = "Gewijzigd adres 1"
    wb.save(ref)
    return {"seconds": time.perf_counter() - t}


def child(op: str, root: Path) -> dict:
    from wkb_desk import ledger
    from wkb_desk.register import rebuild_register, update_register

    if op == "ref-bare":
        return ref_bare(root, int(root.name.split("-")[-1]))
    settings = _settings(root)
    path = settings.paden.register
    if op == "resave":  # a person's save, in its own process so its memory does not count
        import openpyxl

        openpyxl.load_workbook(path).save(path)
        return {"seconds": 0.0}
    op = op.removeprefix("saved-")  # run_child re-saved the copy first
    if op == "bare":
        import openpyxl

        t = time.perf_counter()
        wb = openpyxl.load_workbook(path)
        wb["Register"]["C2"] = "Gewijzigd adres 1"
        wb.save(path)
        return {"seconds": time.perf_counter() - t}
    conn = ledger.connect(settings.paden.database)
    if op in ("one", "batch100"):
        add_documents(conn, 1 if op == "one" else 100)
    views = _views(conn)  # the rules' job, not the register's: not timed
    t = time.perf_counter()
    if op == "rebuild":
        result = rebuild_register(settings, conn, views)
    else:
        result = update_register(settings, conn, views)
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "saved": result.saved, "added": result.rows_added, "updated": result.rows_updated}


def run_child(op: str, prepared: Path) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"bench-{op}-"))
    try:
        if op == "ref-bare":
            target = work / f"ref-{prepared.parent.name.split('-')[1]}"
            target.mkdir()
        else:
            target = work / "ws"
            shutil.copytree(prepared, target)
            if op.startswith("saved-"):
                subprocess.run([sys.executable, __file__, "--child", "resave", str(target)], capture_output=True, check=True)
        out = subprocess.run([sys.executable, __file__, "--child", op, str(target)],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--child", nargs=2, metavar=("OP", "ROOT"))
    args = ap.parse_args()
    if args.child:
        info = child(args.child[0], Path(args.child[1]))
        info["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(info))
        return
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; {DOCS_PER_DOSSIER} documents per dossier")
    print(f"{'dossiers':>9} {'meting':<15} {'seconden':>9} {'piek MB':>8}  opmerking")
    for n in [int(x) for x in args.sizes.split(",")]:
        base = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))  # the name carries n for ref-bare
        try:
            build_s = prepare(base / "ws", n)
            size_mb = (base / "ws" / "register" / "wkb-register.xlsx").stat().st_size / 1e6
            print(f"{n:>9} {'aanmaak':<15} {build_s:>9.2f} {'':>8}  register {size_mb:.1f} MB", flush=True)
            ops = ["bare", "one", "batch100", "noop", "rebuild", "ref-bare"]
            if n <= 10000:  # each saved-* run first lets openpyxl re-save the file: minutes at 50,000
                ops += ["saved-bare", "saved-one", "saved-batch100"]
            res = {op: run_child(op, base / "ws") for op in ops}
            for op, r in res.items():
                note = ""
                prefix = "saved-" if op.startswith("saved-") else ""
                if op.endswith("one"):
                    note = f"{r['seconds'] / res[prefix + 'bare']['seconds']:.2f}x {prefix}bare (doel <= 1.2x)"
                elif op.endswith("batch100"):
                    note = f"{r['seconds'] / res[prefix + 'one']['seconds']:.2f}x een document (doel <= 1.5x)"
                if "added" in r:
                    note = f"{r['added']} nieuw, {r['updated']} bijgewerkt; {note}".rstrip("; ")
                print(f"{n:>9} {op:<15} {r['seconds']:>9.2f} {r['peak_mb']:>8.0f}  {note}", flush=True)
        finally:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
