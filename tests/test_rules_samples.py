"""Acceptance: the sample dossiers (shared/samples/dossiers.json) get exactly the expected day-independent flags,
and the linker groups the documents as expected, whatever order they arrive in.

Facts come from truth.json (kind + fields per file), not from extraction, so this tests the rules alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from wkb_desk import ledger
from wkb_desk.config import Settings
from wkb_desk.dossiers import link_pending
from wkb_desk.models import Extraction, FieldValue
from wkb_desk.rules.views import build_dossier_views

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = SHARED / "samples"
DAY_INDEPENDENT = {
    "melding_te_laat",
    "startmelding_te_laat",
    "gereedmelding_te_laat",
    "verklaring_ontbreekt",
    "verklaring_negatief",
    "onvolledig",
    "instrument_onbekend",
}

pytestmark = pytest.mark.skipif(not (SAMPLES / "dossiers.json").is_file(), reason="shared/samples ontbreekt")


def _load():
    truth = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))
    expected = json.loads((SAMPLES / "dossiers.json").read_text(encoding="utf-8"))
    return truth, expected


def _insert(conn, item) -> None:
    fields = {k: FieldValue(v, page=1, fragment=str(v)) for k, v in item["fields"].items()}
    extraction = Extraction(kind=item["kind"], kind_score=0.9, fields=fields, missing=tuple(item.get("missing", ())))
    day = item["fields"].get("datum") or "2026-01-01"
    with ledger.transaction(conn):
        ledger.insert_document(
            conn,
            sha256=hashlib.sha256(item["file"].encode()).hexdigest(),
            original_name=item["file"],
            subfolder="",
            size=1000,
            received_at=f"{day}T09:00:00+01:00",
            content_type="pdf",
            parent_id=None,
            archive_path=None,
            status="verwerkt",
            extraction=extraction,
        )


def _ledger(tmp_path: Path, order: str):
    truth, expected = _load()
    settings = Settings(config_path=tmp_path / "config.toml")
    conn = ledger.connect(tmp_path / "ledger.sqlite")
    if order == "alfabetisch":  # as an inbox sweep sees them: borgingsplannen before their bouwmelding
        items = sorted(truth, key=lambda t: t["file"].lower())
    elif order == "omgekeerd":
        items = sorted(truth, key=lambda t: t["file"].lower(), reverse=True)
    else:  # by the documents' own dates, the order they were really sent
        items = sorted(truth, key=lambda t: (t["fields"].get("datum", ""), t["file"]))
    for item in items:
        _insert(conn, item)
        if order != "batch":
            link_pending(conn, settings)
    if order == "batch":
        link_pending(conn, settings)
    return conn, settings, truth, expected


@pytest.mark.parametrize("order", ["alfabetisch", "omgekeerd", "datum", "batch"])
def test_documents_group_into_the_expected_dossiers(tmp_path, order):
    conn, settings, truth, expected = _ledger(tmp_path, order)
    rows = conn.execute("SELECT original_name, dossier_id FROM documents").fetchall()
    groups: dict[str, set[str]] = {}
    for row in rows:
        if row["dossier_id"] is not None:
            groups.setdefault(row["dossier_id"], set()).add(row["original_name"])
    assert sorted(map(sorted, groups.values())) == sorted(sorted(e["files"]) for e in expected)
    # every dossier holds its bouwmelding, so none is left provisional
    assert conn.execute("SELECT COUNT(*) FROM dossiers WHERE merged_into IS NULL AND provisional = 1").fetchone()[0] == 0


@pytest.mark.parametrize("order", ["alfabetisch", "batch"])
def test_expected_flags_on_the_peildatum(tmp_path, order):
    conn, settings, truth, expected = _ledger(tmp_path, order)
    dossier_of = {r["original_name"]: r["dossier_id"] for r in conn.execute("SELECT original_name, dossier_id FROM documents")}
    problems = []
    for exp in expected:
        peildatum = dt.date.fromisoformat(exp["dates"]["peildatum"])
        views = {v.dossier: v for v in build_dossier_views(conn, settings, peildatum)}
        view = views[dossier_of[exp["files"][0]]]
        raised = {f.code for f in view.signalen} & DAY_INDEPENDENT
        if raised != set(exp["expected_flags"]):
            problems.append((exp["dossier"], sorted(raised), sorted(exp["expected_flags"]), [f.message for f in view.signalen]))
        # the key dates the rules used are the ones the sample states
        dates = exp["dates"]
        assert view.datum_bouwmelding == dt.date.fromisoformat(dates["indiendatum"]), exp["dossier"]
        assert view.geplande_start == dt.date.fromisoformat(dates.get("startdatum", dates["startdatum_gepland"]))
        if "gereedmelding_datum" in dates:
            assert view.gereedmelding == dt.date.fromisoformat(dates["gereedmelding_datum"])
            assert view.ingebruikname == dt.date.fromisoformat(dates["ingebruikname"])
        for flag in view.signalen:
            assert flag.message and flag.severity in ("kritiek", "hoog", "middel", "info")
    assert not problems, "\n".join(map(str, problems))
