"""Letters per second: 500 letters made by wkb-desk next to docxtpl rendering the same template bare, same run.

Run: python benchmarks/bench_letters.py [number of letters]

wkb-desk: make_due_letters for N dossiers with a new bouwmelding (only the ontvangstbevestiging switched on, no PDF):
reading the documents from the ledger, events and checks, the context, rendering, an atomic write with fsync, and two
ledger transactions per letter (claim, then final status). Bare: DocxTemplate(template).render(the same context,
autoescape) and .save() to a file, per letter. The views are built before the clock starts for both (the register
needs them anyway). Target: wkb-desk at most 1.5x the bare rendering.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wkb_desk import ledger  # noqa: E402
from wkb_desk.config import load_settings  # noqa: E402
from wkb_desk.dossiers import link_pending  # noqa: E402
from wkb_desk.letters import make_due_letters  # noqa: E402
from wkb_desk.letters import context as ctx  # noqa: E402
from wkb_desk.letters.kinds import BY_SOORT  # noqa: E402
from wkb_desk.letters.policy import load_documents  # noqa: E402
from wkb_desk.letters.render import jinja_env  # noqa: E402
from wkb_desk.models import Extraction, FieldValue  # noqa: E402
from wkb_desk.rules.views import build_dossier_views  # noqa: E402

SOORT = "ontvangstbevestiging_bouwmelding"
OFF = "\n".join(f"{k} = false" for k in BY_SOORT if k != SOORT)
CONFIG = f"""
[paden]
sjablonen = "sjablonen"
[gemeente]
naam = "Gemeente Voorbeeld"
adres = "Postbus 100"
postcode = "7600 AC"
plaats = "Voorbeeld"
[brieven]
pdf = false
{OFF}
"""


def main(n: int) -> None:
    from docxtpl import DocxTemplate

    day = dt.date(2026, 6, 1)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        shutil.copytree(ROOT / "sjablonen", base / "sjablonen")
        (base / "config.toml").write_text(CONFIG, encoding="utf-8")
        settings = load_settings(base / "config.toml")
        conn = ledger.connect(settings.paden.database)
        with ledger.transaction(conn):
            for i in range(n):
                values = dict(verzoeknummer=f"20260510{i:05d}", datum="2026-05-10", straat=f"Straat{i % 97}",
                              huisnummer=str(i + 1), postcode=f"{7400 + i % 500} AB", plaats="Deventer",
                              projectnaam=f"Woning & berging <{i}>", kwaliteitsborger="Borg4", instrument="WKI",
                              startdatum="2026-07-01")
                ledger.insert_document(
                    conn, sha256=hashlib.sha256(f"{i}".encode()).hexdigest(), original_name=f"Verzoek_{i}.pdf",
                    subfolder="", size=1, received_at="2026-05-10T09:00:00+02:00", content_type="pdf",
                    parent_id=None, archive_path=None, status="verwerkt",
                    extraction=Extraction("bouwmelding", 0.9, {k: FieldValue(v) for k, v in values.items()}))
            link_pending(conn, settings)
        views = build_dossier_views(conn, settings, day)

        # The same contexts for the bare run (built outside its clock: the bare library gets them for free).
        kind = BY_SOORT[SOORT]
        docs = load_documents(conn, {v.dossier for v in views})
        contexts = [ctx.build_context(settings, kind, v, docs[v.dossier].docs, letter_date=day, kenmerk=f"{v.dossier}/1",
                                      ontbreekt=(), to=ctx.addressee(v)) for v in views]
        template = settings.paden.sjablonen / kind.sjabloon
        bare_dir = base / "kaal"
        bare_dir.mkdir()

        t = time.perf_counter()
        for i, context in enumerate(contexts):
            tpl = DocxTemplate(str(template))
            tpl.render(context, jinja_env(), autoescape=True)
            tpl.save(str(bare_dir / f"{i}.docx"))
        bare = time.perf_counter() - t

        t = time.perf_counter()
        run = make_due_letters(settings, conn, views, day)
        ours = time.perf_counter() - t
        assert len(run.made) == n, (len(run.made), run.waiting[:1])
        conn.close()

    print(f"{n} brieven ({SOORT}, zonder PDF)")
    print(f"  kaal docxtpl (renderen + opslaan):   {bare:6.2f} s   {n / bare:6.1f} brieven/s")
    print(f"  wkb-desk (alles, met grootboek):     {ours:6.2f} s   {n / ours:6.1f} brieven/s")
    print(f"  verhouding wkb-desk / kaal:          {ours / bare:6.2f}x   (doel <= 1,5x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
