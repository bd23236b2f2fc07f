"""Deadline arithmetic across the Dutch holidays, and the properties the Bbl terms must keep."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from wkb_desk.config import Terms
from wkb_desk.rules import deadlines as dl
from wkb_desk.rules.workdays import is_werkdag, werkdagen_na, werkdagen_voor

D = dt.date.fromisoformat
TERMS = Terms()


@pytest.mark.parametrize(
    "start, latest, why",
    [
        ("2025-04-22", "2025-04-16", "Pasen 2025: Goede Vrijdag 18/4 en Tweede Paasdag 21/4 tellen niet"),
        ("2026-04-07", "2026-04-01", "Pasen 2026: Goede Vrijdag 3/4 en Tweede Paasdag 6/4"),
        ("2025-04-28", "2025-04-24", "Koningsdag 2025 op zaterdag 26/4 (27/4 is zondag): geen extra dag"),
        ("2026-04-28", "2026-04-23", "Koningsdag 2026 op maandag 27/4"),
        ("2026-05-15", "2026-05-12", "Hemelvaart 2026 (do 14/5)"),
        ("2025-05-30", "2025-05-27", "Hemelvaart 2025 (do 29/5)"),
        ("2026-05-27", "2026-05-22", "Tweede Pinksterdag 2026 (ma 25/5)"),
        ("2025-06-10", "2025-06-05", "Tweede Pinksterdag 2025 (ma 9/6)"),
        ("2025-12-29", "2025-12-23", "Eerste en Tweede Kerstdag 2025 (do/vr)"),
        ("2026-01-02", "2025-12-30", "jaarwisseling: Nieuwjaarsdag telt niet, terug over de jaargrens"),
        ("2026-01-05", "2025-12-31", "jaarwisseling: vrijdag 2/1 telt wel"),
        ("2026-05-06", "2026-05-01", "Bevrijdingsdag 2026 (geen lustrumjaar) telt toch niet als werkdag"),
        ("2027-05-07", "2027-05-03", "2027: Hemelvaart (do 6/5) direct na Bevrijdingsdag (wo 5/5)"),
        ("2026-07-03", "2026-07-01", "gewone week: twee werkdagen voor vrijdag is woensdag"),
        ("2026-06-08", "2026-06-04", "start op maandag: donderdag ervoor"),
    ],
)
def test_latest_startmelding(start, latest, why):
    assert dl.uiterste_startmelding(D(start), TERMS) == D(latest), why


@pytest.mark.parametrize(
    "einde, latest",
    [
        ("2025-12-24", "2025-12-29"),  # Kerst en weekend
        ("2026-05-13", "2026-05-15"),  # Hemelvaart
        ("2026-05-04", "2026-05-06"),  # Bevrijdingsdag 2026
        ("2025-12-31", "2026-01-02"),  # Nieuwjaarsdag
        ("2026-04-02", "2026-04-07"),  # Goede Vrijdag, Pasen
        ("2026-05-22", "2026-05-26"),  # Pinksteren
    ],
)
def test_latest_eindmelding_is_first_werkdag_after(einde, latest):
    assert dl.uiterste_eindmelding(D(einde), TERMS) == D(latest)


@pytest.mark.parametrize(
    "fn, day, expected",
    [
        # calendar-day terms counted backwards are not moved by holidays (Atw art. 1 lid 2)
        (dl.vroegste_start, "2026-03-30", "2026-04-27"),  # lands on Koningsdag: stays
        (dl.vroegste_start, "2025-12-04", "2026-01-01"),  # lands on Nieuwjaarsdag: stays
        (dl.melding_verloopt, "2026-02-10", "2027-02-10"),
        (dl.uiterste_gereedmelding, "2027-01-08", "2026-12-25"),  # on Christmas: stays
        (dl.uiterste_gereedmelding, "2026-05-19", "2026-05-05"),
    ],
)
def test_calendar_terms(fn, day, expected):
    assert fn(D(day), TERMS) == D(expected)


def test_holiday_calendar_covers_the_atw_days():
    for day in ("2025-01-01", "2025-04-18", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-06-09",
                "2025-12-25", "2025-12-26", "2026-04-27", "2026-05-05", "2027-05-05", "2028-05-05"):
        assert not is_werkdag(D(day)), day
    for day in ("2025-04-25", "2026-05-04", "2026-05-06", "2025-12-24", "2026-01-02"):
        assert is_werkdag(D(day)), day


def test_extra_vrije_dagen_from_config_count():
    bridge = Terms(extra_vrije_dagen=(D("2026-05-15"),))  # vrijdag na Hemelvaart
    assert dl.uiterste_startmelding(D("2026-05-18"), TERMS) == D("2026-05-13")
    assert dl.uiterste_startmelding(D("2026-05-18"), bridge) == D("2026-05-12")
    assert dl.uiterste_eindmelding(D("2026-05-13"), bridge) == D("2026-05-18")


def test_terms_come_from_settings():
    three = Terms(startmelding_werkdagen=3, melding_dagen_voor_start=35, gereedmelding_dagen_voor_gebruik=21)
    assert dl.uiterste_startmelding(D("2026-07-03"), three) == D("2026-06-30")
    assert dl.vroegste_start(D("2026-01-01"), three) == D("2026-02-05")
    assert dl.uiterste_gereedmelding(D("2026-08-22"), three) == D("2026-08-01")


dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2032, 12, 31))


@hsettings(max_examples=300, deadline=None)
@given(start=dates, n=st.integers(min_value=1, max_value=4))
def test_startmelding_exactly_n_werkdagen_before_is_on_time_one_less_is_late(start, n):
    terms = Terms(startmelding_werkdagen=n)
    latest = dl.uiterste_startmelding(start, terms)
    # independent oracle: from the latest day up to the start there are exactly n werkdagen, the first being it
    between = [latest + dt.timedelta(days=i) for i in range((start - latest).days)]
    assert is_werkdag(latest)
    assert sum(is_werkdag(d) for d in between) == n
    assert dl.startmelding_op_tijd(latest, start, terms)
    assert dl.startmelding_op_tijd(latest - dt.timedelta(days=1), start, terms)
    one_less = werkdagen_na(latest, 1)  # only n-1 werkdagen before the start
    assert not dl.startmelding_op_tijd(one_less, start, terms)
    assert not dl.startmelding_op_tijd(start, start, terms)


@hsettings(max_examples=200, deadline=None)
@given(start=dates)
def test_melding_exactly_28_days_before_is_on_time(start):
    assert dl.melding_op_tijd(start - dt.timedelta(days=28), start, TERMS)
    assert dl.melding_op_tijd(start - dt.timedelta(days=60), start, TERMS)
    assert not dl.melding_op_tijd(start - dt.timedelta(days=27), start, TERMS)


@hsettings(max_examples=200, deadline=None)
@given(use=dates)
def test_gereedmelding_exactly_14_days_before_use_is_on_time(use):
    assert dl.gereedmelding_op_tijd(use - dt.timedelta(days=14), use, TERMS)
    assert not dl.gereedmelding_op_tijd(use - dt.timedelta(days=13), use, TERMS)


@hsettings(max_examples=200, deadline=None)
@given(day=dates, n=st.integers(min_value=1, max_value=5))
def test_werkdagen_walk_back_and_forth(day, n):
    back = werkdagen_voor(day, n)
    assert back < day and is_werkdag(back)
    assert werkdagen_na(back, n) >= day or not is_werkdag(day)
    if is_werkdag(day):
        assert werkdagen_na(back, n) == day
    assert is_werkdag(D(f"{day.year}-05-05")) is False
