"""Werkdagen: Monday to Friday minus the holidays of the Algemene termijnenwet (Atw) and configured extra days.

"Werkdag" is not defined in the Bbl (design choice, domain reference §2). The dates come from the `holidays`
package (NL), which follows the Atw for Nieuwjaarsdag, Goede Vrijdag, Pasen, Koningsdag (26 April when the 27th
is a Sunday), Hemelvaart, Pinksteren and Kerst. It lists Bevrijdingsdag only in lustrum years (2025, 2030, ...)
because that is the national day off; the Atw (art. 3) counts 5 May every year, so it is added here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

import holidays as _holidays

_ONE = dt.timedelta(days=1)


@lru_cache(maxsize=64)
def atw_holidays(year: int) -> frozenset[dt.date]:
    """The Atw holidays of one year (weekend days included where they fall on one)."""
    days = set(_holidays.country_holidays("NL", years=year).keys())
    days.add(dt.date(year, 5, 5))  # Bevrijdingsdag: every year for the Atw, not only in lustrum years
    return frozenset(days)


def is_werkdag(day: dt.date, extra_vrije_dagen: Iterable[dt.date] = ()) -> bool:
    if day.weekday() >= 5:
        return False
    if day in atw_holidays(day.year):
        return False
    return day not in set(extra_vrije_dagen)


def werkdagen_voor(day: dt.date, n: int, extra_vrije_dagen: Iterable[dt.date] = ()) -> dt.date:
    """The werkdag that lies `n` werkdagen before `day` (day itself not counted).

    "Ten minste twee werkdagen voor de start" (Bbl 7.7 lid 1): for a start on Friday 15 May 2026 (Thursday is
    Hemelvaart) the second werkdag before is Tuesday 12 May; a notice on that day or earlier is on time.
    """
    extra = frozenset(extra_vrije_dagen)
    current = day
    counted = 0
    while counted < n:
        current -= _ONE
        if is_werkdag(current, extra):
            counted += 1
    return current


def werkdagen_na(day: dt.date, n: int, extra_vrije_dagen: Iterable[dt.date] = ()) -> dt.date:
    """The werkdag that lies `n` werkdagen after `day` (day itself not counted): "de eerste werkdag na" is n=1."""
    extra = frozenset(extra_vrije_dagen)
    current = day
    counted = 0
    while counted < n:
        current += _ONE
        if is_werkdag(current, extra):
            counted += 1
    return current

