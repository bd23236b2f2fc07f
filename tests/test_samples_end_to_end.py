"""The whole chain on the sample documents: real files through ingest (readers, extraction, linking, rules).

tests/test_rules_samples.py checks the rules on truth.json's facts; this checks what a municipality gets
when the same documents really arrive in the inbox: the dossiers of dossiers.json and their flags.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from collections import defaultdict

import pytest
from conftest import shared_path

from wkb_desk import ledger
from wkb_desk.desk import Desk
from wkb_desk.rules.views import dossiers_json

DAY_INDEPENDENT = {
    "melding_te_laat", "startmelding_te_laat", "gereedmelding_te_laat", "verklaring_ontbreekt",
    "verklaring_negatief", "onvolledig", "instrument_onbekend",
}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    from wkb_desk.config import load_settings

    samples = shared_path("samples")
    root = tmp_path_factory.mktemp("samples")
    (root / "sjablonen").mkdir()
    (root / "config.toml").write_text("[watcher]\nrust_seconden = 0\n", encoding="utf-8")
    settings = load_settings(root / "config.toml")
    expected = json.loads((samples / "dossiers.json").read_text(encoding="utf-8"))
    for d in expected:
        for name in d["files"]:
            shutil.copy(samples / name, settings.paden.inbox / name)
    with Desk(settings) as desk:
        for path in desk.candidates():
            desk.process(path)
        desk.flush()
    return settings, expected


def test_documents_form_the_expected_dossiers(ingested):
    settings, expected = ingested
    conn = sqlite3.connect(settings.paden.database)
    groups = defaultdict(set)
    for name, dossier in conn.execute("SELECT original_name, dossier_id FROM documents"):
        groups[dossier].add(name)
    conn.close()
    assert sorted(map(sorted, groups.values())) == sorted(sorted(d["files"]) for d in expected)


def test_expected_flags_on_each_peildatum(ingested):
    settings, expected = ingested
    conn = ledger.connect(settings.paden.database)
    wrong = []
    try:
        for d in expected:
            day = dt.date.fromisoformat(d["dates"]["peildatum"])
            [item] = [i for i in dossiers_json(conn, settings, day) if set(d["files"]) <= set(i["documenten"])]
            got = set(item["signalen"]) & DAY_INDEPENDENT
            if got != set(d["expected_flags"]):
                wrong.append(f"{d['dossier']}: verwacht {sorted(d['expected_flags'])}, kreeg {sorted(got)}")
    finally:
        conn.close()
    assert not wrong, "\n".join(wrong)
