"""Linking documents into dossiers: trust order, weak matches, out-of-order arrival, people's choices."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest

from wkb_desk import ledger
from wkb_desk.config import Policy, Settings
from wkb_desk.dossiers import LinkError, link_document, link_pending, merge_dossiers
from wkb_desk.models import Extraction, FieldValue
from wkb_desk.rules.views import build_dossier_views

DAY = dt.date(2026, 9, 1)
MELDING = dict(
    verzoeknummer="2026030200111", datum="2026-03-02", straat="Dorpsstraat", huisnummer="12a", postcode="7411 AB",
    plaats="Deventer", bag_id="0150200000012345", kwaliteitsborger="Borg4", instrument="WKI", startdatum="2026-05-04",
)


@pytest.fixture
def conn(tmp_path):
    c = ledger.connect(tmp_path / "ledger.sqlite")
    yield c
    c.close()


@pytest.fixture
def settings(tmp_path):
    return Settings(config_path=tmp_path / "config.toml")


def add(conn, name: str, kind: str, received: str = "2026-03-02", **fields) -> int:
    extraction = Extraction(kind=kind, kind_score=0.9, fields={k: FieldValue(v) for k, v in fields.items()})
    with ledger.transaction(conn):
        return ledger.insert_document(
            conn, sha256=hashlib.sha256(name.encode()).hexdigest(), original_name=name, subfolder="", size=10,
            received_at=f"{received}T10:00:00+01:00", content_type="pdf", parent_id=None, archive_path=None,
            status="verwerkt", extraction=extraction,
        )


def dossier_of(conn, doc_id: int) -> str | None:
    return conn.execute("SELECT dossier_id FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]


def link(conn, doc_id: int) -> tuple[str, float]:
    row = conn.execute("SELECT link_method, link_score FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0], row[1]


def views(conn, settings, day=DAY):
    return {v.dossier: v for v in build_dossier_views(conn, settings, day)}


def codes(view) -> set[str]:
    return {f.code for f in view.signalen}


def test_bouwmelding_opens_a_dossier_named_after_its_year(conn, settings):
    a = add(conn, "melding.pdf", "bouwmelding", **MELDING)
    b = add(conn, "oud.pdf", "bouwmelding", received="2025-11-03", verzoeknummer="2025110300999", datum="2025-11-03",
            kadastraal="Deventer K 77")
    touched = link_pending(conn, settings)
    assert sorted(touched) == ["WKB-2025-0001", "WKB-2026-0001"]
    assert dossier_of(conn, a) == "WKB-2026-0001" and dossier_of(conn, b) == "WKB-2025-0001"
    assert conn.execute("SELECT COUNT(*) FROM dossiers WHERE provisional = 1").fetchone()[0] == 0


def test_document_sharing_only_the_address_joins(conn, settings):
    a = add(conn, "melding.pdf", "bouwmelding", **MELDING)
    b = add(conn, "borgingsplan.pdf", "borgingsplan", straat="Dorpsstraat", huisnummer="12 A".lower().replace(" ", ""),
            postcode="7411AB", plaats="Deventer")
    c = add(conn, "risico.xlsx", "risicobeoordeling", straat="DORPSSTRAAT", huisnummer="12a", plaats="Deventer")
    link_pending(conn, settings)
    assert dossier_of(conn, b) == dossier_of(conn, c) == dossier_of(conn, a)
    assert link(conn, b) == ("postcode_huisnummer", 0.9)
    assert link(conn, c)[0] == "adres"
    assert "koppeling_controleren" not in codes(views(conn, settings)[dossier_of(conn, a)])


def test_document_sharing_only_the_bag_id_joins(conn, settings):
    a = add(conn, "melding.pdf", "bouwmelding", **MELDING)
    b = add(conn, "start.pdf", "startmelding", received="2026-04-29", verzoeknummer="2026042900222", datum="2026-04-29",
            bag_id="0150200000012345", startdatum="2026-05-04")
    link_pending(conn, settings)
    assert dossier_of(conn, b) == dossier_of(conn, a)
    assert link(conn, b)[0] == "bag_id"


def test_verzoeknummer_beats_the_address(conn, settings):
    a = add(conn, "melding.pdf", "bouwmelding", **MELDING)
    other = add(conn, "andere.pdf", "bouwmelding", verzoeknummer="2026030300222", datum="2026-03-03",
                straat="Kerkweg", huisnummer="3", postcode="7412 CD", plaats="Deventer")
    # the address on this gereedmelding is wrong (the other project's), but it names the bouwmelding
    g = add(conn, "gereed.pdf", "gereedmelding", received="2026-08-01", datum="2026-08-01",
            verwijst_naar="2026030200111", straat="Kerkweg", huisnummer="3", postcode="7412 CD")
    link_pending(conn, settings)
    assert dossier_of(conn, g) == dossier_of(conn, a) != dossier_of(conn, other)
    assert link(conn, g) == ("verzoeknummer", 1.0)


def test_document_sharing_nothing_opens_a_provisional_dossier(conn, settings):
    a = add(conn, "melding.pdf", "bouwmelding", **MELDING)
    b = add(conn, "verklaring.pdf", "verklaring", received="2026-08-01", datum="2026-08-01", straat="Kerkweg",
            huisnummer="3", postcode="7412 CD", plaats="Deventer", verklaring="positief")
    link_pending(conn, settings)
    assert dossier_of(conn, b) not in (None, dossier_of(conn, a))
    row = conn.execute("SELECT provisional FROM dossiers WHERE id = ?", (dossier_of(conn, b),)).fetchone()
    assert row[0] == 1
    shown = views(conn, settings)
    provisional = shown[dossier_of(conn, b)]
    assert provisional.provisional and provisional.status == "voorlopig"
    assert "koppeling_controleren" in codes(provisional)
    assert "koppeling_controleren" not in codes(shown[dossier_of(conn, a)])


def test_unknown_and_unreadable_never_open_a_dossier(conn, settings):
    add(conn, "melding.pdf", "bouwmelding", **MELDING)
    u = add(conn, "factuur.pdf", "onbekend", postcode="7411 AB", huisnummer="12a")
    s = add(conn, "scan.pdf", "onleesbaar")
    link_pending(conn, settings)
    assert dossier_of(conn, u) is None and dossier_of(conn, s) is None
    assert conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] == 1


@pytest.mark.parametrize(
    "fields, method",
    [
        (dict(straat="Dorpsstraat", plaats="Deventer"), "straat"),  # the street, no number
        (dict(projectnaam="Woning kavel 12 De Enk"), "projectnaam"),
        # same postcode and number, but another BAG id: the data contradict each other
        (dict(postcode="7411 AB", huisnummer="12a", bag_id="0150200000099999"), "postcode_huisnummer:tegenstrijdig"),
    ],
)
def test_a_weak_match_joins_but_shows_the_flag(conn, settings, fields, method):
    a = add(conn, "melding.pdf", "bouwmelding", **MELDING, projectnaam="Woning kavel 12 De Enk")
    b = add(conn, "plan-kavel.pdf", "borgingsplan", received="2026-03-05", datum="2026-03-01", **fields)
    link_pending(conn, settings)
    assert dossier_of(conn, b) == dossier_of(conn, a)
    got_method, score = link(conn, b)
    assert got_method == method and score < 0.75
    view = views(conn, settings)[dossier_of(conn, a)]
    flag = next(f for f in view.signalen if f.code == "koppeling_controleren")
    assert "plan-kavel.pdf" in flag.message


def test_wrong_weak_match_is_moved_by_a_person_and_stays_moved(conn, settings):
    a = add(conn, "melding.pdf", "bouwmelding", **MELDING)
    b = add(conn, "plan-dorpsstraat.pdf", "borgingsplan", received="2026-03-05", straat="Dorpsstraat", plaats="Deventer")
    link_pending(conn, settings)
    assert dossier_of(conn, b) == dossier_of(conn, a)
    link_document(conn, b, None)  # "this is not that project": a dossier of its own
    own = dossier_of(conn, b)
    assert own != dossier_of(conn, a)
    shown = views(conn, settings)
    assert "koppeling_controleren" not in codes(shown[dossier_of(conn, a)])
    assert shown[own].provisional and "koppeling_controleren" not in codes(shown[own])  # decided by a person
    # later batches and more documents do not pull it back
    add(conn, "risico.xlsx", "risicobeoordeling", received="2026-03-06", straat="Dorpsstraat", huisnummer="12a",
        postcode="7411 AB")
    link_pending(conn, settings)
    link_pending(conn, settings)
    assert dossier_of(conn, b) == own
    assert conn.execute("SELECT link_manual, link_method FROM documents WHERE id = ?", (b,)).fetchone()[:] == (1, "handmatig")


def test_manual_link_sticks(conn, settings):
    a = add(conn, "melding.pdf", "bouwmelding", **MELDING)
    other = add(conn, "andere.pdf", "bouwmelding", verzoeknummer="2026030300222", datum="2026-03-03",
                straat="Kerkweg", huisnummer="3", postcode="7412 CD", plaats="Deventer")
    b = add(conn, "start.pdf", "startmelding", received="2026-04-29", datum="2026-04-29",
            bag_id="0150200000012345", startdatum="2026-05-04")
    link_pending(conn, settings)
    assert dossier_of(conn, b) == dossier_of(conn, a)
    link_document(conn, b, dossier_of(conn, other))  # a person knows better
    assert link_pending(conn, settings) == []
    v = add(conn, "verklaring.pdf", "verklaring", received="2026-08-01", verwijst_naar="2026030200111",
            bag_id="0150200000012345", verklaring="positief")
    link_pending(conn, settings)
    assert dossier_of(conn, b) == dossier_of(conn, other)
    assert dossier_of(conn, v) == dossier_of(conn, a)
    # and it no longer counts as a guess
    assert "koppeling_controleren" not in codes(views(conn, settings)[dossier_of(conn, other)])


def test_borgingsplan_before_its_bouwmelding(conn, settings):
    bp = add(conn, "borgingsplan.pdf", "borgingsplan", received="2026-02-20", datum="2026-02-20",
             straat="Dorpsstraat", huisnummer="12a", postcode="7411 AB", kadastraal="Deventer K 1234")
    link_pending(conn, settings)
    provisional = dossier_of(conn, bp)
    assert conn.execute("SELECT provisional FROM dossiers WHERE id = ?", (provisional,)).fetchone()[0] == 1
    # the startmelding names the bouwmelding that has not arrived yet, and the parcel
    sm = add(conn, "start.pdf", "startmelding", received="2026-02-25", verwijst_naar="2026030200111",
             kadastraal="gemeente Deventer, sectie K, nummer 1234", startdatum="2026-05-04")
    link_pending(conn, settings)
    assert dossier_of(conn, sm) == provisional
    bm = add(conn, "melding.pdf", "bouwmelding", **MELDING)
    link_pending(conn, settings)
    assert dossier_of(conn, bm) == dossier_of(conn, bp) == dossier_of(conn, sm)
    assert conn.execute("SELECT provisional FROM dossiers WHERE id = ?", (dossier_of(conn, bm),)).fetchone()[0] == 0
    shown = views(conn, settings)
    assert len(shown) == 1
    view = shown[dossier_of(conn, bm)]
    assert not view.provisional and "koppeling_controleren" not in codes(view)


def test_bouwmelding_bridges_two_provisional_dossiers(conn, settings):
    rb = add(conn, "risico.xlsx", "risicobeoordeling", received="2026-02-20", kadastraal="Deventer K 1234")
    bp = add(conn, "plan.pdf", "borgingsplan", received="2026-02-21", postcode="7411 AB", huisnummer="12a")
    link_pending(conn, settings)
    assert dossier_of(conn, rb) != dossier_of(conn, bp)
    bm = add(conn, "melding.pdf", "bouwmelding", **MELDING, kadastraal="Deventer K 1234")
    link_pending(conn, settings)
    assert dossier_of(conn, rb) == dossier_of(conn, bp) == dossier_of(conn, bm)
    active = conn.execute("SELECT id, provisional FROM dossiers WHERE merged_into IS NULL").fetchall()
    assert [tuple(r) for r in active] == [(dossier_of(conn, bm), 0)]


def test_linking_is_idempotent_and_works_inside_the_intake_transaction(conn, settings):
    add(conn, "melding.pdf", "bouwmelding", **MELDING)
    add(conn, "plan.pdf", "borgingsplan", postcode="7411 AB", huisnummer="12a")
    with ledger.transaction(conn):
        assert link_pending(conn, settings)
    before = conn.execute("SELECT id, dossier_id, link_method, link_score FROM documents ORDER BY id").fetchall()
    assert link_pending(conn, settings) == []
    assert conn.execute("SELECT id, dossier_id, link_method, link_score FROM documents ORDER BY id").fetchall() == before


def test_second_bouwmelding_on_one_location_depends_on_the_phase_policy(conn, settings, tmp_path):
    add(conn, "fase1.pdf", "bouwmelding", **MELDING)
    second = dict(MELDING, verzoeknummer="2026060100333", datum="2026-06-01")
    f2 = add(conn, "fase2.pdf", "bouwmelding", received="2026-06-01", **second)
    link_pending(conn, settings)
    assert link(conn, f2)[0] == "bag_id:tweede_bouwmelding"
    assert "koppeling_controleren" in codes(next(iter(views(conn, settings).values())))

    per_phase = dataclasses.replace(settings, beleid=Policy(fasering="per_fase_melding"))
    c2 = ledger.connect(tmp_path / "fasen.sqlite")
    add(c2, "fase1.pdf", "bouwmelding", **MELDING)
    f2 = add(c2, "fase2.pdf", "bouwmelding", received="2026-06-01", **second)
    link_pending(c2, per_phase)
    assert link(c2, f2)[0] == "nieuw"
    # a gereedmelding that only carries the shared address fits both phases: a guess, shown as such
    g = add(c2, "gereed.pdf", "gereedmelding", received="2026-08-01", datum="2026-08-01", postcode="7411 AB",
            huisnummer="12a", ingebruikname="2026-08-20")
    link_pending(c2, per_phase)
    assert link(c2, g)[0].endswith(":meerdere") and link(c2, g)[1] < 0.75
    c2.close()


def test_same_generic_project_name_at_other_locations_stays_apart(conn, settings):
    """Many meldingen are called "Nieuwbouw vrijstaande woning ...": a name never ties different locations."""
    name = "Nieuwbouw vrijstaande woning"
    a = add(conn, "melding-a.pdf", "bouwmelding", **{**MELDING, "projectnaam": name})
    b = add(conn, "melding-b.pdf", "bouwmelding", verzoeknummer="2026040100222", datum="2026-04-01",
            straat="Kerkweg", huisnummer="3", postcode="7412 CD", plaats="Deventer", projectnaam=name)
    plan = add(conn, "plan-c.pdf", "borgingsplan", kadastraal="Deventer K 99", postcode="7499 ZZ", huisnummer="1",
               projectnaam=name)
    link_pending(conn, settings)
    assert len({dossier_of(conn, a), dossier_of(conn, b), dossier_of(conn, plan)}) == 3
    assert link(conn, b)[0] == "nieuw"


def test_merge_dossiers_moves_documents_and_corrections(conn, settings):
    a = add(conn, "melding.pdf", "bouwmelding", **MELDING)
    b = add(conn, "verklaring.pdf", "verklaring", received="2026-08-01", straat="Kerkweg", huisnummer="3",
            postcode="7412 CD", verklaring="positief")
    link_pending(conn, settings)
    source, target = dossier_of(conn, b), dossier_of(conn, a)
    conn.execute(
        "INSERT INTO corrections (dossier_id, field, value, source, created_at) VALUES (?, 'omschrijving', 'Kavel 12', 'cli', 'x')",
        (source,),
    )
    merge_dossiers(conn, source, target)
    assert dossier_of(conn, b) == target
    assert conn.execute("SELECT merged_into FROM dossiers WHERE id = ?", (source,)).fetchone()[0] == target
    shown = views(conn, settings)
    assert list(shown) == [target]
    assert shown[target].omschrijving == "Kavel 12"
    assert "verklaring.pdf" in shown[target].documenten
    # merging again through the old id follows the merge; the same dossier twice is refused in Dutch
    with pytest.raises(LinkError, match="hetzelfde dossier"):
        merge_dossiers(conn, source, target)
    with pytest.raises(LinkError, match="bestaat niet"):
        link_document(conn, a, "WKB-2099-0001")


def test_a_guess_inside_a_provisional_dossier_stays_a_guess_after_folding(conn, settings):
    rb = add(conn, "risico.xlsx", "risicobeoordeling", received="2026-02-20", kadastraal="Deventer K 1234",
             projectnaam="Woning kavel 12 De Enk")
    guess = add(conn, "notitie-kavel-12.pdf", "borgingsplan", received="2026-02-21", projectnaam="Woning kavel 12 De Enk")
    bp = add(conn, "plan.pdf", "borgingsplan", received="2026-02-22", postcode="7411 AB", huisnummer="12a")
    link_pending(conn, settings)
    assert dossier_of(conn, guess) == dossier_of(conn, rb) != dossier_of(conn, bp)
    assert link(conn, guess) == ("projectnaam", 0.6)
    bm = add(conn, "melding.pdf", "bouwmelding", **MELDING, kadastraal="Deventer K 1234")
    link_pending(conn, settings)  # joins the plan's dossier by address, then folds the parcel's dossier into it
    assert dossier_of(conn, rb) == dossier_of(conn, guess) == dossier_of(conn, bp) == dossier_of(conn, bm)
    assert link(conn, rb) == ("kadastraal:via_voorlopig", 0.8)
    assert link(conn, guess) == ("projectnaam", 0.6)
    flag = next(f for f in views(conn, settings)[dossier_of(conn, bm)].signalen if f.code == "koppeling_controleren")
    assert "notitie-kavel-12.pdf" in flag.message and "risico.xlsx" not in flag.message


# --- any arrival order gives the same dossiers ------------------------------------------------------

PROJECTS = {
    "P1": [
        ("bouwmelding", dict(verzoeknummer="2026010500001", datum="2026-01-05", bag_id="0150200000000001",
                             postcode="7411 AA", huisnummer="1", straat="Laan", plaats="Deventer",
                             kadastraal="Deventer A 1")),
        ("borgingsplan", dict(postcode="7411AA", huisnummer="1")),
        ("risicobeoordeling", dict(kadastraal="gemeente Deventer, sectie A, nummer 1")),
        ("startmelding", dict(verwijst_naar="2026010500001", startdatum="2026-03-01")),
        ("gereedmelding", dict(bag_id="0150200000000001", ingebruikname="2026-09-01")),
        ("verklaring", dict(straat="Laan", huisnummer="1", plaats="Deventer", verklaring="positief")),
    ],
    "P2": [  # a building site without an address: only the parcel
        ("bouwmelding", dict(verzoeknummer="2026010600002", datum="2026-01-06", kadastraal="Deventer B 22")),
        ("borgingsplan", dict(kadastraal="Deventer B 22")),
        ("startmelding", dict(verwijst_naar="2026010600002", startdatum="2026-03-02")),
        ("verklaring", dict(kadastraal="DEVENTER B 22", verklaring="positief")),
    ],
    "P3": [  # same street as P1, other number
        ("bouwmelding", dict(verzoeknummer="2026010700003", datum="2026-01-07", bag_id="0150200000000003",
                             postcode="7411 AA", huisnummer="3", straat="Laan", plaats="Deventer")),
        ("risicobeoordeling", dict(bag_id="0150200000000003")),
        ("gereedmelding", dict(verwijst_naar="2026010700003", ingebruikname="2026-10-01")),
    ],
}

from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402
from pathlib import Path  # noqa: E402

_ALL = [(p, i, kind, fields) for p, docs in PROJECTS.items() for i, (kind, fields) in enumerate(docs)]


@hsettings(max_examples=60, deadline=None)
@given(order=st.permutations(range(len(_ALL))), batch=st.integers(min_value=1, max_value=4))
def test_any_arrival_order_gives_the_same_dossiers(order, batch):
    settings = Settings(config_path=Path("config.toml"))
    c = ledger.connect(Path(":memory:"))
    ids = {}
    for n, k in enumerate(order):
        project, i, kind, fields = _ALL[k]
        ids[add(c, f"{project}-{i}-{kind}.pdf", kind, **fields)] = project
        if (n + 1) % batch == 0:  # batches of different sizes, as a sweep or the watcher hands them over
            link_pending(c, settings)
    link_pending(c, settings)
    groups: dict[str, set[str]] = {}
    for doc_id, project in ids.items():
        groups.setdefault(dossier_of(c, doc_id), set()).add(project)
    assert sorted(map(sorted, groups.values())) == [["P1"], ["P2"], ["P3"]]
    assert c.execute("SELECT COUNT(*) FROM dossiers WHERE merged_into IS NULL AND provisional = 1").fetchone()[0] == 0
    assert c.execute("SELECT COUNT(*) FROM documents WHERE link_score < 0.75").fetchone()[0] == 0
    c.close()
