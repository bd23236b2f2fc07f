"""Flags, status and corrections on chosen reference dates: the day-dependent rules and people's choices."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest

from wkb_desk import ledger
from wkb_desk.config import BloArea, Policy, Settings
from wkb_desk.dossiers import link_pending
from wkb_desk.models import Extraction, FieldValue, Page, ReadResult
from wkb_desk.rules.facts import DocFact, DossierFacts
from wkb_desk.rules.flags import Reference
from wkb_desk.rules.views import build_dossier_views, evaluate

D = dt.date.fromisoformat
MELDING = dict(
    verzoeknummer="2026030200111", datum="2026-03-02", straat="Dorpsstraat", huisnummer="12a", postcode="7411 AB",
    plaats="Deventer", bag_id="0150200000012345", kwaliteitsborger="Borg4", instrument="WKI", startdatum="2026-05-04",
)
PLAN = dict(datum="2026-02-25", postcode="7411 AB", huisnummer="12a", kwaliteitsborger="Borg4", instrument="WKI")


@pytest.fixture
def settings(tmp_path):
    return Settings(config_path=tmp_path / "config.toml")


def doc(n: int, kind: str, received: str | None = None, missing=(), **values) -> DocFact:
    received = received or values.get("datum") or "2026-03-02"
    return DocFact(document_id=n, kind=kind, name=f"{kind}-{n}.pdf", received=D(received), values=values,
                   missing=tuple(missing), link_method="bag_id", link_score=0.95)


def project(*extra: DocFact, corrections=None, melding=None) -> DossierFacts:
    docs = (doc(1, "bouwmelding", **(melding or MELDING)), doc(2, "borgingsplan", **PLAN), *extra)
    return DossierFacts("WKB-2026-0001", False, docs, corrections or {})


def flags(facts, settings, day: str, reference=None) -> dict:
    view = evaluate(facts, settings, D(day), reference or Reference())
    return {f.code: f for f in view.signalen}


def start(received="2026-04-28", startdatum="2026-05-04") -> DocFact:
    return doc(3, "startmelding", received=received, datum=received, startdatum=startdatum,
               verwijst_naar="2026030200111")


def gereed(n=4, datum="2026-10-01", use="2026-10-20", **extra) -> DocFact:
    return doc(n, "gereedmelding", datum=datum, ingebruikname=use, straat="Dorpsstraat", huisnummer="12a",
               postcode="7411 AB", **extra)


def verklaring(n=5, datum="2026-09-30", oordeel="positief", **extra) -> DocFact:
    return doc(n, "verklaring", datum=datum, verklaring=oordeel, **extra)


def test_a_clean_project_has_no_flags_at_any_stage(settings):
    facts = project(start(), gereed(), verklaring())
    for day in ("2026-03-02", "2026-04-28", "2026-05-04", "2026-10-01", "2026-10-25"):
        assert flags(facts, settings, day) == {}, day


def test_startmelding_ontbreekt_once_the_planned_start_has_passed(settings):
    facts = project()
    assert "startmelding_ontbreekt" not in flags(facts, settings, "2026-05-04")
    flag = flags(facts, settings, "2026-05-05")["startmelding_ontbreekt"]
    assert "04-05-2026" in flag.message and "30-04-2026" in flag.message  # start and the latest startmelding
    assert "startmelding_ontbreekt" not in flags(project(start()), settings, "2026-05-05")


def test_melding_verloopt_reminder_then_expired(settings):
    facts = project()
    assert "melding_verloopt" not in flags(facts, settings, "2027-02-15")
    soon = flags(facts, settings, "2027-02-16")["melding_verloopt"]
    assert soon.severity == "middel" and "02-03-2027" in soon.message
    gone = flags(facts, settings, "2027-03-03")["melding_verloopt"]
    assert gone.severity == "hoog" and "verlopen" in gone.message
    assert "melding_verloopt" not in flags(project(start()), settings, "2027-03-03")


def test_gereedmelding_verwacht_ahead_of_the_planned_use(settings):
    facts = project(start(), corrections={"ingebruikname": "01-12-2026"})  # a person typed the planned use
    assert "gereedmelding_verwacht" not in flags(facts, settings, "2026-11-02")
    reminder = flags(facts, settings, "2026-11-03")["gereedmelding_verwacht"]
    assert reminder.severity == "info" and "17-11-2026" in reminder.message
    assert flags(facts, settings, "2026-11-18")["gereedmelding_verwacht"].severity == "hoog"
    done = project(start(), gereed(datum="2026-11-10", use="2026-12-01"), verklaring(datum="2026-11-09"))
    assert "gereedmelding_verwacht" not in flags(done, settings, "2026-11-18")


def test_gereedmelding_te_laat_per_gereedmelding(settings):
    late = project(start(), gereed(datum="2026-10-07", use="2026-10-20"), verklaring())
    flag = flags(late, settings, "2026-10-07")["gereedmelding_te_laat"]
    assert "06-10-2026" in flag.message and "20-10-2026" in flag.message
    # a person corrects the planned use: the rule follows the correction
    fixed = dataclasses.replace(late, corrections={"ingebruikname": "2026-10-21"})
    assert "gereedmelding_te_laat" not in flags(fixed, settings, "2026-10-07")
    # or the date was misread: the person's date of the gereedmelding counts
    misread = dataclasses.replace(late, corrections={"gereedmelding": "06-10-2026"})
    assert "gereedmelding_te_laat" not in flags(misread, settings, "2026-10-07")
    assert evaluate(misread, settings, D("2026-10-07"), Reference()).gereedmelding == D("2026-10-06")


def test_in_gebruik_zonder_gereedmelding_from_a_persons_record(settings):
    by_status = project(start(), corrections={"status": "in gebruik"})
    view = evaluate(by_status, settings, D("2026-09-01"), Reference())
    assert view.status == "in gebruik"
    assert {f.code: f.severity for f in view.signalen}["in_gebruik_zonder_gereedmelding"] == "kritiek"
    by_date = project(start(), gereed(datum="2026-10-10", use="2026-10-30"), verklaring(),
                      corrections={"in_gebruik": "01-10-2026"})
    assert "in_gebruik_zonder_gereedmelding" in flags(by_date, settings, "2026-10-15")
    assert "in_gebruik_zonder_gereedmelding" not in flags(by_date, settings, "2026-09-20")  # not yet true then
    # a status set in the register holds from the day it was typed: replaying an earlier day does not see it
    typed = dataclasses.replace(by_status, correction_dates={"status": D("2026-09-01")})
    assert "in_gebruik_zonder_gereedmelding" in flags(typed, settings, "2026-09-03")
    assert "sinds 01-09-2026" in flags(typed, settings, "2026-09-03")["in_gebruik_zonder_gereedmelding"].message
    early = evaluate(typed, settings, D("2026-08-31"), Reference())
    assert early.status != "in gebruik" and "in_gebruik_zonder_gereedmelding" not in {f.code for f in early.signalen}
    after = project(start(), gereed(datum="2026-09-01", use="2026-10-01"), verklaring(datum="2026-08-30"),
                    corrections={"in_gebruik": "2026-10-01"})
    assert "in_gebruik_zonder_gereedmelding" not in flags(after, settings, "2026-10-15")


def test_verklaring_negatief_is_critical_and_lists_deviations(settings):
    facts = project(start(), gereed(), verklaring(oordeel="negatief", afwijkingen=["brandwerendheid trapgat"]))
    flag = flags(facts, settings, "2026-10-01")["verklaring_negatief"]
    assert flag.severity == "kritiek" and "brandwerendheid trapgat" in flag.message
    assert "verklaring_ontbreekt" not in flags(facts, settings, "2026-10-01")


def test_verklaring_ontbreekt_and_a_correction_supplies_it(settings):
    facts = project(start(), gereed())
    assert "verklaring_ontbreekt" in flags(facts, settings, "2026-10-01")
    included = project(start(), gereed(bevat_verklaring=True))
    assert "verklaring_ontbreekt" not in flags(included, settings, "2026-10-01")
    typed = dataclasses.replace(facts, corrections={"verklaring": "positief"})
    assert "verklaring_ontbreekt" not in flags(typed, settings, "2026-10-01")


def test_phase_policy_asks_a_verklaring_per_phase(settings):
    facts = project(start(), gereed(4, "2026-08-01", "2026-08-20"), verklaring(5, "2026-07-30"),
                    gereed(6, "2026-10-01", "2026-10-20"))
    assert "verklaring_ontbreekt" not in flags(facts, settings, "2026-10-02")  # "wachten": one for the project
    per_phase = dataclasses.replace(settings, beleid=Policy(fasering="per_fase_informatie"))
    flag = flags(facts, per_phase, "2026-10-02")["verklaring_ontbreekt"]
    assert "2 gereedmeldingen" in flag.message


def test_onvolledig_says_what_is_missing(settings):
    melding = {k: v for k, v in MELDING.items() if k not in ("instrument",)} | {"bijlagen": ["risicobeoordeling"]}
    facts = DossierFacts("WKB-2026-0001", False, (doc(1, "bouwmelding", **melding),))
    flag = flags(facts, settings, "2026-03-02")["onvolledig"]
    assert "instrument" in flag.message and "borgingsplan" in flag.message
    assert evaluate(facts, settings, D("2026-03-02"), Reference()).status == "melding onvolledig"
    # the borgingsplan arrives separately, and a person records the instrument the melding lacked
    fixed = project(melding=melding, corrections={"instrument": "WKI"})
    assert "onvolledig" not in flags(fixed, settings, "2026-03-05")
    assert evaluate(fixed, settings, D("2026-03-05"), Reference()).status == "melding compleet"
    # a borgingsplan listed as attachment is enough: the risicobeoordeling is usually a chapter of it
    listed = DossierFacts("WKB-2026-0001", False, (doc(1, "bouwmelding", **(MELDING | {"bijlagen": ["borgingsplan"]})),))
    assert "onvolledig" not in flags(listed, settings, "2026-03-02")
    assert evaluate(listed, settings, D("2026-03-02"), Reference()).status == "melding compleet"


def test_missing_location_of_a_gereedmelding(settings):
    g = doc(4, "gereedmelding", datum="2026-10-01", ingebruikname="2026-10-20", verwijst_naar="2026030200111",
            missing=["locatie"])
    flag = flags(project(start(), g, verklaring()), settings, "2026-10-01")["onvolledig"]
    assert "locatie" in flag.message and "gereedmelding" in flag.message


def test_reference_list_flags(settings):
    ref = Reference(instruments=("WKI", "KiK"), kwaliteitsborgers=("Borg4", "Stavast Kwaliteitsborging"),
                    borger_instruments=(("Stavast Kwaliteitsborging", ("KiK",)),))
    odd = project(melding=MELDING | {"instrument": "BouwZeker 2.0", "kwaliteitsborger": "Bouwborg Twente"})
    got = flags(odd, settings, "2026-03-02", ref)
    assert "BouwZeker 2.0" in got["instrument_onbekend"].message
    assert "Bouwborg Twente" in got["kwaliteitsborger_onbekend"].message
    ok = project(melding=MELDING | {"kwaliteitsborger": "BORG4 B.V."})
    assert {"instrument_onbekend", "kwaliteitsborger_onbekend"}.isdisjoint(flags(ok, settings, "2026-03-02", ref))
    wrong_pair = DossierFacts("WKB-2026-0001", False, (doc(1, "bouwmelding", **(MELDING | {
        "kwaliteitsborger": "Stavast Kwaliteitsborging", "instrument": "WKI"})),))
    assert "niet toegelaten voor instrument WKI" in flags(wrong_pair, settings, "2026-03-02", ref)[
        "kwaliteitsborger_onbekend"].message


def test_gevolgklasse_controleren(settings):
    signalled = project(doc(8, "borgingsplan", received="2026-02-26", gevolgklasse_signalen=["rijksmonument"]))
    assert "rijksmonument" in flags(signalled, settings, "2026-03-02")["gevolgklasse_controleren"].message
    gk2 = project(melding=MELDING | {"gevolgklasse": 2})
    assert "gevolgklasse 2" in flags(gk2, settings, "2026-03-02")["gevolgklasse_controleren"].message
    assert "gevolgklasse_controleren" not in flags(project(melding=MELDING | {"gevolgklasse": 1}), settings, "2026-03-02")


def test_status_follows_the_reference_date(settings):
    facts = project(start(), gereed(), verklaring())
    status = {day: evaluate(facts, settings, D(day), Reference()).status
              for day in ("2026-03-02", "2026-04-28", "2026-05-04", "2026-10-01", "2026-10-20")}
    assert status == {
        "2026-03-02": "melding compleet",
        "2026-04-28": "melding compleet",  # start gemeld, not yet begun
        "2026-05-04": "gestart",
        "2026-10-01": "gereed gemeld",
        "2026-10-20": "in gebruik",
    }
    only_melding = DossierFacts("WKB-2026-0001", False, (doc(1, "bouwmelding", **MELDING),))
    assert evaluate(only_melding, settings, D("2026-03-02"), Reference()).status == "melding ontvangen"
    closed = dataclasses.replace(facts, corrections={"status": "afgesloten"})
    assert evaluate(closed, settings, D("2026-10-20"), Reference()).status == "afgesloten"
    # a replay of an earlier day does not see what arrived later
    assert evaluate(facts, settings, D("2026-02-24"), Reference()) is None  # nothing had arrived yet
    assert evaluate(facts, settings, D("2026-04-27"), Reference()).startmelding is None


# --- through the ledger: BLO keywords in the document text, corrections table ----------------------


def _add(conn, name, kind, received, text="", **fields):
    extraction = Extraction(kind=kind, kind_score=0.9, fields={k: FieldValue(v) for k, v in fields.items()})
    read = ReadResult("pdf", (Page(1, text),)) if text else None
    with ledger.transaction(conn):
        return ledger.insert_document(
            conn, sha256=hashlib.sha256(name.encode()).hexdigest(), original_name=name, subfolder="", size=1,
            received_at=f"{received}T09:00:00+01:00", content_type="pdf", parent_id=None, archive_path=None,
            status="verwerkt", read=read, extraction=extraction,
        )


@pytest.mark.parametrize(
    "text, blo_benoemd, flagged",
    [
        ("Risico's: constructieve veiligheid, brandveiligheid.", None, True),
        ("Risico 7: houten paalfundering van de buurwoningen; trillingsarm heien.", None, False),
        ("Algemene risico's.", True, False),
    ],
)
def test_blo_niet_benoemd(tmp_path, settings, text, blo_benoemd, flagged):
    blo = dataclasses.replace(settings, blo=(BloArea(naam="Binnenstad Deventer", postcodes=("7411",),
                                                     trefwoorden=("paalfundering",)),))
    conn = ledger.connect(tmp_path / "blo.sqlite")
    _add(conn, "melding.pdf", "bouwmelding", "2026-03-02", **MELDING)
    extra = {"blo_benoemd": blo_benoemd} if blo_benoemd is not None else {}
    _add(conn, "risico.pdf", "risicobeoordeling", "2026-03-02", text=text, postcode="7411 AB", huisnummer="12a", **extra)
    link_pending(conn, blo)
    (view,) = build_dossier_views(conn, blo, D("2026-03-03"))
    got = {f.code: f for f in view.signalen}
    assert ("blo_niet_benoemd" in got) is flagged
    if flagged:
        assert "Binnenstad Deventer" in got["blo_niet_benoemd"].message
    # outside the area nothing is asked
    (view,) = build_dossier_views(conn, settings, D("2026-03-03"))
    assert "blo_niet_benoemd" not in {f.code for f in view.signalen}
    conn.close()


def test_corrections_in_the_ledger_win_over_extracted_values(tmp_path, settings):
    conn = ledger.connect(tmp_path / "c.sqlite")
    _add(conn, "melding.pdf", "bouwmelding", "2026-03-02", **(MELDING | {"startdatum": "2026-03-20"}))
    (dossier,) = link_pending(conn, settings)
    (view,) = build_dossier_views(conn, settings, D("2026-03-02"))
    assert "melding_te_laat" in {f.code for f in view.signalen}
    for field, value in (("geplande_start", "01-06-2026"), ("omschrijving", "Woning kavel 12"), ("plaats", None)):
        conn.execute(
            "INSERT INTO corrections (dossier_id, field, value, source, created_at) VALUES (?, ?, ?, 'register', 'x')",
            (dossier, field, value),
        )
    (view,) = build_dossier_views(conn, settings, D("2026-03-02"))
    assert view.geplande_start == D("2026-06-01")
    assert view.omschrijving == "Woning kavel 12" and view.plaats is None
    assert "melding_te_laat" not in {f.code for f in view.signalen}
    assert {d.code: d.date for d in view.deadlines}["uiterste_startmelding"] == D("2026-05-28")
    conn.close()


def test_a_late_melding_read_from_a_document_whose_kind_is_a_guess_waits_for_a_person(settings):
    # a builder's register read as a bouwmelding (kind 0.45): its date is the melding's only if it is one
    late = MELDING | {"datum": "2026-04-20"}  # 14 days before the start on 4 May
    sure = DossierFacts("WKB-2026-0001", False, (doc(1, "bouwmelding", **late),), {})
    assert "melding_te_laat" in flags(sure, settings, "2026-04-20")
    guessed = DossierFacts("WKB-2026-0001", False, (dataclasses.replace(doc(1, "bouwmelding", **late), kind_score=0.45),), {})
    codes = flags(guessed, settings, "2026-04-20")
    assert "melding_te_laat" not in codes and "melding_te_laat_controleren" in codes
