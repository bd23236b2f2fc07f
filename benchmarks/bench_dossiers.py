"""Speed of linking and of the dossier views on a synthetic ledger (a few years of a small municipality, and more).

Run: python benchmarks/bench_dossiers.py [number of projects]
Each project: bouwmelding, borgingsplan, risicobeoordeling, startmelding, gereedmelding, verklaring (6 documents).
Arrival is shuffled, so many documents come before their bouwmelding (provisional dossiers that are folded later).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wkb_desk import ledger  # noqa: E402
from wkb_desk.config import Settings  # noqa: E402
from wkb_desk.dossiers import link_pending  # noqa: E402
from wkb_desk.models import Extraction, FieldValue  # noqa: E402
from wkb_desk.rules.views import build_dossier_views  # noqa: E402


def project_docs(i: int, rng: random.Random):
    melding = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(900))
    start = melding + dt.timedelta(days=rng.randrange(20, 90))
    gereed = start + dt.timedelta(days=rng.randrange(90, 300))
    nr = f"{melding:%Y%m%d}{i:05d}"
    loc = dict(straat=f"Straat{i % 97}", huisnummer=str(i), postcode=f"{7400 + i % 500} AB", plaats="Deventer")
    bag = f"0150{i:012d}"
    yield "bouwmelding", dict(verzoeknummer=nr, datum=melding.isoformat(), bag_id=bag, kwaliteitsborger="Borg4",
                              instrument="WKI", startdatum=start.isoformat(), **loc)
    yield "borgingsplan", dict(datum=(melding - dt.timedelta(days=5)).isoformat(), **loc)
    yield "risicobeoordeling", dict(datum=(melding - dt.timedelta(days=6)).isoformat(), kadastraal=f"Deventer K {i}", **loc)
    yield "startmelding", dict(verzoeknummer=f"{start:%Y%m%d}{i:05d}", datum=(start - dt.timedelta(days=3)).isoformat(),
                               verwijst_naar=nr, startdatum=start.isoformat())
    yield "gereedmelding", dict(datum=gereed.isoformat(), bag_id=bag,
                                ingebruikname=(gereed + dt.timedelta(days=20)).isoformat(), **loc)
    yield "verklaring", dict(datum=gereed.isoformat(), verklaring="positief", **loc)


def main(projects: int) -> None:
    rng = random.Random(4)
    docs = [(i, kind, values) for i in range(projects) for kind, values in project_docs(i, rng)]
    rng.shuffle(docs)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(config_path=Path(tmp) / "config.toml")
        conn = ledger.connect(Path(tmp) / "bench.sqlite")
        with ledger.transaction(conn):
            for n, (i, kind, values) in enumerate(docs):
                ledger.insert_document(
                    conn, sha256=hashlib.sha256(f"{n}".encode()).hexdigest(), original_name=f"{kind}-{i}.pdf",
                    subfolder="", size=1, received_at=f"{values['datum']}T09:00:00+01:00", content_type="pdf",
                    parent_id=None, archive_path=None, status="verwerkt",
                    extraction=Extraction(kind, 0.9, {k: FieldValue(v) for k, v in values.items()}),
                )
        t = time.perf_counter()
        link_pending(conn, settings)
        batch = time.perf_counter() - t
        active = conn.execute("SELECT COUNT(*) FROM dossiers WHERE merged_into IS NULL").fetchone()[0]
        t = time.perf_counter()
        link_pending(conn, settings)
        idle = time.perf_counter() - t
        t = time.perf_counter()
        views = build_dossier_views(conn, settings, dt.date(2026, 6, 1))
        build = time.perf_counter() - t
        print(f"{projects} projecten, {len(docs)} documenten -> {active} dossiers")
        print(f"  alles in een keer koppelen: {batch:.2f} s; nogmaals (niets te doen): {idle * 1000:.0f} ms")
        print(f"  dossieroverzicht ({len(views)} dossiers): {build:.2f} s")
        # one batch arriving daily: 6 new documents, in the order they come
        new = list(project_docs(projects, rng))
        t = time.perf_counter()
        for kind, values in new:
            with ledger.transaction(conn):
                ledger.insert_document(
                    conn, sha256=hashlib.sha256(f"new-{kind}".encode()).hexdigest(), original_name=f"{kind}-new.pdf",
                    subfolder="", size=1, received_at=f"{values['datum']}T09:00:00+01:00", content_type="pdf",
                    parent_id=None, archive_path=None, status="verwerkt",
                    extraction=Extraction(kind, 0.9, {k: FieldValue(v) for k, v in values.items()}),
                )
                link_pending(conn, settings)
        per_doc = (time.perf_counter() - t) / len(new)
        print(f"  één nieuw document koppelen (met invoegen): {per_doc * 1000:.0f} ms")
        conn.close()


if __name__ == "__main__":
    for count in [int(a) for a in sys.argv[1:]] or [200, 1000]:
        main(count)
