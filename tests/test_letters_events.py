"""Which event makes which letter, once: real ledger, real templates, real files in outbox/, read back."""

from __future__ import annotations

import datetime as dt

import pytest
from letters_support import MELDING, add_document, bullet_items, docx_text, letter_workspace, link_all, with_melder

from wkb_desk import ledger
from wkb_desk.letters import make_due_letters, make_letter
from wkb_desk.letters import store
from wkb_desk.rules.views import build_dossier_views

DAY = dt.date(2026, 3, 12)


@pytest.fixture
def desk(workspace):
    settings = letter_workspace(workspace)
    conn = ledger.connect(settings.paden.database)
    yield settings, conn
    conn.close()


def run(settings, conn, on_date=DAY, **melder):
    link_all(conn, settings)
    views = with_melder(build_dossier_views(conn, settings, on_date), **melder)
    return make_due_letters(settings, conn, views, on_date)


def kinds(records) -> list[str]:
    return sorted(r.soort for r in records)


def test_complete_bouwmelding_makes_two_letters_once(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10",
                 bijlagen=["borgingsplan", "risicobeoordeling"], **MELDING)
    first = run(settings, conn)
    assert kinds(first.made) == ["bouwmelding_compleet", "ontvangstbevestiging_bouwmelding"]
    assert all(r.status == "gemaakt" and r.reden == "" for r in first.made)
    for r in first.made:
        assert r.path.parent == settings.paden.outbox and r.path.exists()
        assert r.path.name.startswith("2026-03-12 WKB-2026-0001 ")  # date, dossier, kind: a name a person understands
        assert r.adres == "Esweg 7, Almelo"
    text = docx_text(next(r.path for r in first.made if r.soort == "bouwmelding_compleet"))
    assert "uw melding is compleet" in text and "7 april 2026" in text  # earliest start: melding + 28 days

    # A second run, a restart (new connection), and the same melding re-sent under another name: nothing new.
    assert run(settings, conn).made == []
    conn2 = ledger.connect(settings.paden.database)
    add_document(conn2, "Bouwmelding (opnieuw gestuurd).pdf", "bouwmelding", "2026-03-11", content="v2",
                 bijlagen=["borgingsplan", "risicobeoordeling"], **MELDING)
    again = run(settings, conn2)
    conn2.close()
    assert again.made == [] and again.waiting == []
    assert len(list(settings.paden.outbox.glob("*.docx"))) == 2
    rows = store.all_rows(conn)
    assert [(r.soort, r.event, r.status) for r in rows] == [
        ("ontvangstbevestiging_bouwmelding", "bouwmelding:2026031000123", "gemaakt"),
        ("bouwmelding_compleet", "compleet:bouwmelding:2026031000123", "gemaakt"),
    ]
    assert rows[0].file == "outbox/2026-03-12 WKB-2026-0001 Ontvangstbevestiging bouwmelding.docx"
    assert rows[0].letter_date == "2026-03-12" and rows[0].kenmerk == f"WKB-2026-0001/{rows[0].id}"


def test_incomplete_melding_is_a_decision_listing_what_is_missing(desk):
    settings, conn = desk
    melding = {**MELDING, "kwaliteitsborger": None}
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["risicobeoordeling"],
                 **{k: v for k, v in melding.items() if v})
    result = run(settings, conn)
    decision = next(r for r in result.made if r.soort == "melding_niet_compleet")
    assert decision.status == "gemaakt"
    assert bullet_items(decision.path) == ["kwaliteitsborger in de bouwmelding",
                                           "bijlage borgingsplan (met risicobeoordeling) bij de bouwmelding"]
    text = docx_text(decision.path)
    assert "zes weken" in text and "26 maart 2026" in text  # reply term: letter date + 14 days
    assert "bouwmelding_compleet" not in kinds(result.made)


def test_decision_on_a_guess_waits_for_a_check_then_follows(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["risicobeoordeling"],
                 **MELDING)
    held = run(settings, conn, te_controleren=("bijlagen",))
    assert kinds(held.made) == ["ontvangstbevestiging_bouwmelding"]  # an acknowledgement rests on no guess
    assert [(r.soort, r.status, r.path) for r in held.waiting] == [("melding_niet_compleet", "wacht_op_controle", None)]
    assert "bijlagen is een gok" in held.waiting[0].reden
    assert not any("niet compleet" in p.name for p in settings.paden.outbox.iterdir())
    again = run(settings, conn, te_controleren=("bijlagen",))
    assert again.made == [] and [r.soort for r in again.waiting] == ["melding_niet_compleet"]
    assert len(store.all_rows(conn)) == 2  # held once, not once per run

    checked = run(settings, conn)  # the guess was confirmed (no longer te_controleren)
    assert [(r.soort, r.status) for r in checked.made] == [("melding_niet_compleet", "gemaakt")]
    assert checked.waiting == []


def test_decision_waits_when_the_missing_item_was_labelled_but_unreadable(desk):
    settings, conn = desk
    melding = {**MELDING, "kwaliteitsborger": None}
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["risicobeoordeling", "borgingsplan"],
                 unreadable=("kwaliteitsborger",), **{k: v for k, v in melding.items() if v})
    result = run(settings, conn)
    assert "melding_niet_compleet" not in kinds(result.made), "no decision on an item the tool may have misread"
    waiting = [r for r in result.waiting if r.soort == "melding_niet_compleet"]
    assert [r.status for r in waiting] == ["wacht_op_controle"]
    assert "onzeker gelezen" in waiting[0].reden


def test_decision_waits_when_the_kind_or_a_field_is_uncertain_or_an_unreadable_scan_came_along(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", score=0.4,
                 bijlagen=["risicobeoordeling"], **MELDING)
    result = run(settings, conn)
    # while the kind is a guess, the facts read from it are guesses too: the receipt waits with the decision
    waiting = {r.soort: r.reden for r in result.waiting}
    assert sorted(waiting) == ["melding_niet_compleet", "ontvangstbevestiging_bouwmelding"]
    assert "soort van Verzoek_2026031000123.pdf is niet zeker" in waiting["melding_niet_compleet"]

    settings2, conn2 = settings, conn
    with ledger.transaction(conn2):
        conn2.execute("UPDATE documents SET kind_score = 0.9")
        ledger.insert_document(conn2, sha256="scan" * 16, original_name="scan0044.pdf", subfolder="", size=9,
                               received_at="2026-03-10T11:00:00+01:00", content_type="pdf", parent_id=None,
                               archive_path="fouten/scan0044.pdf", status="quarantaine", error_code="scan")
    result = run(settings2, conn2)
    decision = next(r for r in result.waiting if r.soort == "melding_niet_compleet")
    assert "scan0044.pdf" in decision.reden and "ontbrekende stuk" in decision.reden


def test_unknown_melder_makes_the_letter_with_a_placeholder(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", **MELDING)
    result = run(settings, conn, melder=None, melder_adres=None, melder_email=None)
    (record,) = result.made
    assert record.status == "wacht_op_adres" and record.path.exists()
    assert "[ADRES ONBEKEND" in docx_text(record.path)
    assert store.all_rows(conn)[0].status == "wacht_op_adres"
    assert run(settings, conn, melder=None, melder_adres=None, melder_email=None).made == []  # made is made


def test_startmelding_missing_after_the_planned_start_is_evaluated_for_a_date(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["borgingsplan"], **MELDING)
    assert "ontbreken_startmelding" not in kinds(run(settings, conn, dt.date(2026, 4, 20)).made)
    late = run(settings, conn, dt.date(2026, 4, 22))
    (record,) = [r for r in late.made if r.soort == "ontbreken_startmelding"]
    text = docx_text(record.path)
    assert "20 april 2026" in text and "16 april 2026" in text  # planned start; latest startmelding (2 werkdagen)
    assert run(settings, conn, dt.date(2026, 4, 23)).made == []


def test_startmelding_and_gereedmelding_without_verklaring(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["borgingsplan"], **MELDING)
    run(settings, conn)
    add_document(conn, "Startmelding.pdf", "startmelding", "2026-04-14", verzoeknummer="2026041400999",
                 datum="2026-04-14", startdatum="2026-04-20", verwijst_naar="2026031000123")
    started = run(settings, conn, dt.date(2026, 4, 15))
    assert kinds(started.made) == ["ontvangstbevestiging_startmelding"]
    add_document(conn, "Gereedmelding.pdf", "gereedmelding", "2026-11-02", verzoeknummer="2026110200555",
                 datum="2026-11-02", ingebruikname="2026-11-20", verwijst_naar="2026031000123",
                 straat="Esweg", huisnummer="7", postcode="7601 AB", bevat_verklaring=False, bevat_dbg=False)
    done = run(settings, conn, dt.date(2026, 11, 3))
    assert kinds(done.made) == ["gereedmelding_onvolledig", "ontvangstbevestiging_gereedmelding"]
    decision = next(r for r in done.made if r.soort == "gereedmelding_onvolledig")
    assert bullet_items(decision.path) == ["verklaring van de kwaliteitsborger bij de gereedmelding",
                                           "dossier bevoegd gezag bij de gereedmelding"]
    text = docx_text(decision.path)
    assert "niet in gebruik nemen" in text and "zes weken" in text and "2 november 2026" in text


def test_startmelding_without_date_asks_for_information(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["borgingsplan"], **MELDING)
    add_document(conn, "Startmelding.pdf", "startmelding", "2026-04-14", verzoeknummer="2026041400999",
                 datum="2026-04-14", verwijst_naar="2026031000123")
    result = run(settings, conn, dt.date(2026, 4, 15))
    record = next(r for r in result.made if r.soort == "aanvullende_informatie")
    assert bullet_items(record.path) == ["startdatum in de startmelding"]


def test_reminder_before_the_planned_use(desk, workspace):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["borgingsplan"], **MELDING)
    link_all(conn, settings)
    with ledger.transaction(conn):  # a person typed the planned use in the register
        conn.execute("INSERT INTO corrections (dossier_id, field, value, source, created_at) VALUES "
                     "('WKB-2026-0001', 'ingebruikname', '2026-09-30', 'register', '2026-03-12T10:00:00+01:00')")
    assert "herinnering_gereedmelding" not in kinds(run(settings, conn, dt.date(2026, 9, 1)).made)
    (record,) = [r for r in run(settings, conn, dt.date(2026, 9, 2)).made if r.soort == "herinnering_gereedmelding"]
    assert "30 september 2026" in docx_text(record.path) and "16 september 2026" in docx_text(record.path)
    assert run(settings, conn, dt.date(2026, 9, 3)).made == []


def test_a_kind_switched_off_is_not_made(workspace):
    settings = letter_workspace(workspace, "bouwmelding_compleet = false\n")
    conn = ledger.connect(settings.paden.database)
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["borgingsplan"], **MELDING)
    assert kinds(run(settings, conn).made) == ["ontvangstbevestiging_bouwmelding"]
    conn.close()


def test_a_broken_template_stops_only_its_own_letters(desk, caplog):
    settings, conn = desk
    (settings.paden.sjablonen / "bouwmelding_compleet.docx").write_bytes(b"dit is geen docx")
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["borgingsplan"], **MELDING)
    add_document(conn, "Verzoek_2026031100456.pdf", "bouwmelding", "2026-03-11", bijlagen=["borgingsplan"],
                 **{**MELDING, "verzoeknummer": "2026031100456", "straat": "Kerkweg", "huisnummer": "3",
                    "postcode": "7602 XX"})
    result = run(settings, conn)
    assert kinds(result.made) == ["ontvangstbevestiging_bouwmelding"] * 2
    assert [(r.soort, r.status) for r in result.waiting] == [("bouwmelding_compleet", "sjabloon_fout")] * 2
    assert "bouwmelding_compleet.docx" in result.waiting[0].reden
    assert sum("Bouwmelding compleet" in m for m in caplog.messages) == 1  # said once per run, not per letter

    import shutil
    from letters_support import TEMPLATES

    shutil.copy2(TEMPLATES / "bouwmelding_compleet.docx", settings.paden.sjablonen)
    fixed = run(settings, conn)
    assert kinds(fixed.made) == ["bouwmelding_compleet"] * 2 and fixed.waiting == []


def test_a_crash_after_the_claim_is_finished_under_the_same_name(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", **MELDING)
    link_all(conn, settings)
    name = "outbox/2026-03-12 WKB-2026-0001 Ontvangstbevestiging bouwmelding.docx"
    store.claim(conn, dossier="WKB-2026-0001", soort="ontvangstbevestiging_bouwmelding",
                event="bouwmelding:2026031000123", version=1, file=name, letter_date="2026-03-12", address=None)
    (settings.base_dir / name).write_bytes(b"half geschreven")  # the process died while writing
    result = run(settings, conn)
    assert [r.path for r in result.made] == [settings.base_dir / name]
    assert "Ontvangstbevestiging bouwmelding" in docx_text(settings.base_dir / name)
    assert [r.status for r in store.all_rows(conn)] == ["gemaakt"]
    assert len(list(settings.paden.outbox.iterdir())) == 1


def test_a_person_asks_for_a_letter_and_a_new_version(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["risicobeoordeling"],
                 **MELDING)
    run(settings, conn, te_controleren=("bijlagen",))  # the decision waits for a check
    view = with_melder(build_dossier_views(conn, settings, DAY), te_controleren=("bijlagen",))[0]
    record, note = make_letter(settings, conn, view, "melding_niet_compleet", DAY)  # the person checked: made
    assert note is None and record.status == "gemaakt" and record.path.exists()
    again, note = make_letter(settings, conn, view, "melding_niet_compleet", DAY)
    assert "--opnieuw" in note and again.path == record.path
    newer, note = make_letter(settings, conn, view, "melding_niet_compleet", DAY, again=True)
    assert note is None and newer.path != record.path and "versie 2" in newer.path.name
    assert [r.version for r in store.all_rows(conn) if r.soort == "melding_niet_compleet"] == [1, 2]
    assert run(settings, conn).made == []  # the automatic run sees the event has its letter


def test_dry_run_writes_nothing(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", **MELDING)
    link_all(conn, settings)
    views = with_melder(build_dossier_views(conn, settings, DAY))
    result = make_due_letters(settings, conn, views, DAY, dry_run=True)
    assert [r.soort for r in result.made] == ["ontvangstbevestiging_bouwmelding"] and result.made[0].path is None
    assert list(settings.paden.outbox.iterdir()) == [] and store.all_rows(conn) == []


def test_a_letter_made_on_request_before_its_event_is_not_made_again_by_the_run(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", **MELDING)  # attachments unknown
    link_all(conn, settings)
    view = with_melder(build_dossier_views(conn, settings, DAY))[0]
    assert view.status == "melding ontvangen"
    record, note = make_letter(settings, conn, view, "bouwmelding_compleet", DAY)  # a person judged it complete
    assert note is None and record.event == "compleet:bouwmelding:2026031000123"
    add_document(conn, "Borgingsplan.pdf", "borgingsplan", "2026-03-11", datum="2026-03-11",
                 verwijst_naar="2026031000123", straat="Esweg", huisnummer="7", postcode="7601 AB")
    later = run(settings, conn, dt.date(2026, 3, 13))
    assert build_dossier_views(conn, settings, dt.date(2026, 3, 13))[0].status == "melding compleet"
    assert "bouwmelding_compleet" not in kinds(later.made)


def test_a_resent_copy_whose_number_was_not_read_finds_the_letter_by_its_date(desk):
    settings, conn = desk
    add_document(conn, "Verzoek_2026031000123.pdf", "bouwmelding", "2026-03-10", bijlagen=["borgingsplan"], **MELDING)
    assert kinds(run(settings, conn).made) == ["bouwmelding_compleet", "ontvangstbevestiging_bouwmelding"]
    add_document(conn, "Startmelding.pdf", "startmelding", "2026-04-14", verzoeknummer="2026041400999",
                 datum="2026-04-14", startdatum="2026-04-20", verwijst_naar="2026031000123")
    assert kinds(run(settings, conn, dt.date(2026, 4, 15)).made) == ["ontvangstbevestiging_startmelding"]
    # The same startmelding scanned and sent again: this time the verzoeknummer was not read.
    add_document(conn, "scan startmelding.pdf", "startmelding", "2026-04-16", datum="2026-04-14",
                 startdatum="2026-04-20", verwijst_naar="2026031000123")
    again = run(settings, conn, dt.date(2026, 4, 16))
    assert again.made == [] and again.waiting == []
