"""`wkb-desk dossiers --json --date` and `wkb-desk link` through their argparse handlers."""

from __future__ import annotations

import argparse
import hashlib
import json

import pytest

from wkb_desk import ledger
from wkb_desk.config import Paths, Settings
from wkb_desk.dossiers import LinkError, link_pending
from wkb_desk.errors import ExitCode, WkbError
from wkb_desk.models import Extraction, FieldValue
from wkb_desk.rules.commands import add_commands

MELDING = dict(
    verzoeknummer="2026030200111", datum="2026-03-02", straat="Dorpsstraat", huisnummer="12a", postcode="7411 AB",
    plaats="Deventer", bag_id="0150200000012345", kwaliteitsborger="Borg4", instrument="WKI", startdatum="2026-05-04",
)


@pytest.fixture
def settings(tmp_path):
    return Settings(config_path=tmp_path / "config.toml", paden=Paths(database=tmp_path / "data" / "wkb.sqlite"))


@pytest.fixture
def parser():
    p = argparse.ArgumentParser(prog="wkb-desk")
    add_commands(p.add_subparsers(dest="command"))
    return p


def add(settings, name, kind, received, **fields) -> int:
    conn = ledger.connect(settings.paden.database)
    try:
        extraction = Extraction(kind=kind, kind_score=0.9, fields={k: FieldValue(v) for k, v in fields.items()})
        with ledger.transaction(conn):
            doc_id = ledger.insert_document(
                conn, sha256=hashlib.sha256(name.encode()).hexdigest(), original_name=name, subfolder="", size=1,
                received_at=f"{received}T09:00:00+01:00", content_type="pdf", parent_id=None, archive_path=None,
                status="verwerkt", extraction=extraction,
            )
        link_pending(conn, settings)
        return doc_id
    finally:
        conn.close()


def run(parser, settings, capsys, *argv) -> tuple[int, str]:
    args = parser.parse_args(list(argv))
    code = args.func(args, settings)
    return code, capsys.readouterr().out


def project(settings):
    add(settings, "Melding_bouwactiviteit_2026030200111.pdf", "bouwmelding", "2026-03-02", **MELDING)
    add(settings, "Borgingsplan Dorpsstraat 12a.pdf", "borgingsplan", "2026-03-02", postcode="7411 AB", huisnummer="12a")
    add(settings, "Informatie start bouw.pdf", "startmelding", "2026-05-01", datum="2026-05-01",
        verwijst_naar="2026030200111", startdatum="2026-05-04")
    add(settings, "Gereedmelding.pdf", "gereedmelding", "2026-10-10", datum="2026-10-10", bag_id="0150200000012345",
        postcode="7411 AB", huisnummer="12a", ingebruikname="2026-10-20")


def test_dossiers_json_on_a_date(parser, settings, capsys):
    project(settings)
    code, out = run(parser, settings, capsys, "dossiers", "--json", "--date", "2026-10-12")
    assert code == ExitCode.OK
    (item,) = json.loads(out)
    assert item["dossier"] == "WKB-2026-0001"
    assert item["documenten"] == [  # in date order
        "Melding_bouwactiviteit_2026030200111.pdf", "Borgingsplan Dorpsstraat 12a.pdf",
        "Informatie start bouw.pdf", "Gereedmelding.pdf",
    ]
    assert item["status"] == "gereed gemeld"
    assert item["datum_bouwmelding"] == "2026-03-02" and item["geplande_start"] == "2026-05-04"
    assert item["startmelding"] == "2026-05-01" and item["gereedmelding"] == "2026-10-10"
    assert item["vroegste_start"] == "2026-03-30"
    assert item["uiterste_startmelding"] == "2026-04-30"
    assert item["uiterste_gereedmelding"] == "2026-10-06"
    assert item["signalen"] == ["gereedmelding_te_laat", "startmelding_te_laat", "verklaring_ontbreekt"]
    messages = {f["code"]: f for f in item["signaal_details"]}
    assert "06-10-2026" in messages["gereedmelding_te_laat"]["melding"]
    assert messages["gereedmelding_te_laat"]["ernst"] == "hoog"
    assert {k["naam"]: k["methode"] for k in item["koppelingen"]}["Gereedmelding.pdf"] == "bag_id"


def test_dossiers_json_replays_an_earlier_day(parser, settings, capsys):
    project(settings)
    _, out = run(parser, settings, capsys, "dossiers", "--json", "--date", "2026-03-15")
    (item,) = json.loads(out)
    assert item["status"] == "melding compleet"
    assert item["documenten"] == ["Melding_bouwactiviteit_2026030200111.pdf", "Borgingsplan Dorpsstraat 12a.pdf"]
    assert item["signalen"] == []
    assert item["volgende_termijn"] == {"code": "vroegste_start", "datum": "2026-03-30",
                                        "omschrijving": "Vroegste start na de melding"}
    _, out = run(parser, settings, capsys, "dossiers", "--json", "--date", "2026-01-01")
    assert json.loads(out) == []


def test_dossiers_text_output_is_dutch(parser, settings, capsys):
    project(settings)
    code, out = run(parser, settings, capsys, "dossiers", "--date", "2026-10-12")
    assert code == 0
    assert "WKB-2026-0001  gereed gemeld  Dorpsstraat 12a, Deventer" in out
    assert "[hoog] De gereedmelding van 10-10-2026 is te laat" in out


def test_bad_date_is_a_usage_error(parser, capsys):
    with pytest.raises(SystemExit) as exc:
        parser.parse_args(["dossiers", "--date", "12-10-2026"])
    assert exc.value.code == 2
    assert "JJJJ-MM-DD" in capsys.readouterr().err


def test_link_moves_a_document_by_file_name_and_it_sticks(parser, settings, capsys):
    project(settings)
    other = add(settings, "Verklaring Kerkweg 3.pdf", "verklaring", "2026-10-11", postcode="7412 CD",
                huisnummer="3", verklaring="positief")
    _, out = run(parser, settings, capsys, "dossiers", "--json", "--date", "2026-10-12")
    assert len(json.loads(out)) == 2  # the verklaring fitted nowhere: a provisional dossier
    code, out = run(parser, settings, capsys, "link", "Verklaring Kerkweg 3.pdf", "wkb-2026-0001")
    assert code == 0 and "WKB-2026-0001" in out and "blijft staan" in out
    _, out = run(parser, settings, capsys, "dossiers", "--json", "--date", "2026-10-12")
    (item,) = json.loads(out)
    assert "Verklaring Kerkweg 3.pdf" in item["documenten"]
    assert "verklaring_ontbreekt" not in item["signalen"]
    assert {k["document"]: k["handmatig"] for k in item["koppelingen"]}[other] is True
    # split it off again into a dossier of its own
    code, out = run(parser, settings, capsys, "link", str(other), "--nieuw")
    assert code == 0
    _, out = run(parser, settings, capsys, "dossiers", "--json", "--date", "2026-10-12")
    assert len(json.loads(out)) == 2


def test_link_dry_run_changes_nothing(parser, settings, capsys):
    project(settings)
    add(settings, "Verklaring Kerkweg 3.pdf", "verklaring", "2026-10-11", postcode="7412 CD", huisnummer="3",
        verklaring="positief")
    _, before = run(parser, settings, capsys, "dossiers", "--json", "--date", "2026-10-12")
    code, out = run(parser, settings, capsys, "link", "Verklaring Kerkweg 3.pdf", "WKB-2026-0001", "--dry-run")
    assert code == 0 and out.startswith("Proefdraai") and "WKB-2026-0001" in out
    _, after = run(parser, settings, capsys, "dossiers", "--json", "--date", "2026-10-12")
    assert json.loads(after) == json.loads(before)


def test_link_merges_two_dossiers(parser, settings, capsys):
    project(settings)
    add(settings, "Verklaring Kerkweg 3.pdf", "verklaring", "2026-10-11", postcode="7412 CD", huisnummer="3",
        verklaring="positief")
    _, out = run(parser, settings, capsys, "dossiers", "--json", "--date", "2026-10-12")
    provisional = next(i["dossier"] for i in json.loads(out) if i["voorlopig"])
    code, out = run(parser, settings, capsys, "link", provisional, "WKB-2026-0001")
    assert code == 0 and "samengevoegd" in out
    _, out = run(parser, settings, capsys, "dossiers", "--json", "--date", "2026-10-12")
    assert [i["dossier"] for i in json.loads(out)] == ["WKB-2026-0001"]


@pytest.mark.parametrize(
    "argv, text",
    [
        (["link", "onbekend.pdf", "WKB-2026-0001"], "niet gevonden"),
        (["link", "Gereedmelding.pdf", "WKB-2030-0001"], "bestaat niet"),
        (["link", "Gereedmelding.pdf"], "doeldossier"),
        (["link", "WKB-2026-0001"], "samengevoegd"),
        (["link", "WKB-2026-0042", "WKB-2026-0001"], "Dossier WKB-2026-0042 bestaat niet"),
    ],
)
def test_link_user_errors_say_what_to_do(parser, settings, capsys, argv, text):
    project(settings)
    args = parser.parse_args(argv)
    with pytest.raises(WkbError) as exc:
        args.func(args, settings)
    assert text in str(exc.value) and exc.value.advice
    assert isinstance(exc.value, LinkError) and exc.value.exit_code == ExitCode.USAGE
