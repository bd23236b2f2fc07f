"""Deadline arithmetic (domain reference §1-2). Pure: dates in, dates out; the terms come from settings.termijnen.

Calendar-day terms counted backwards (4 weeks before the start, 2 weeks before use) are not moved by weekends or
holidays: the Algemene termijnenwet does not extend backward terms (art. 1 lid 2).
"""

from __future__ import annotations

import datetime as dt

from wkb_desk.config import Terms
from wkb_desk.rules.workdays import werkdagen_na, werkdagen_voor

LABELS = {
    "vroegste_start": "Vroegste start na de melding",
    "melding_verloopt": "Melding verloopt zonder start",
    "uiterste_startmelding": "Uiterste startmelding",
    "uiterste_gereedmelding": "Uiterste gereedmelding",
    "uiterste_eindmelding": "Uiterste eindmelding",
}


def vroegste_start(melding: dt.date, terms: Terms) -> dt.date:
    """Bbl 2.18 lid 1: the melding is made at least 28 days before the start; starting on this day is allowed."""
    return melding + dt.timedelta(days=terms.melding_dagen_voor_start)


def melding_verloopt(melding: dt.date, terms: Terms) -> dt.date:
    """Bbl 2.18 lid 2: without a start within a year a new melding is needed. The last day a start still counts."""
    return melding + dt.timedelta(days=terms.melding_geldig_dagen)


def uiterste_startmelding(start: dt.date, terms: Terms) -> dt.date:
    """Bbl 7.7 lid 1: the latest day a startmelding is on time (n werkdagen before the start)."""
    return werkdagen_voor(start, terms.startmelding_werkdagen, terms.extra_vrije_dagen)


def uiterste_gereedmelding(ingebruikname: dt.date, terms: Terms) -> dt.date:
    """Bbl 2.21 lid 1: the gereedmelding is made at least 14 days before the building is taken into use."""
    return ingebruikname - dt.timedelta(days=terms.gereedmelding_dagen_voor_gebruik)


def uiterste_eindmelding(einde_werkzaamheden: dt.date, terms: Terms) -> dt.date:
    """Bbl 7.7 lid 2: at the latest the first werkdag after the work ended."""
    return werkdagen_na(einde_werkzaamheden, terms.eindmelding_werkdagen, terms.extra_vrije_dagen)


def melding_op_tijd(melding: dt.date, start: dt.date, terms: Terms) -> bool:
    return start >= vroegste_start(melding, terms)


def startmelding_op_tijd(startmelding: dt.date, start: dt.date, terms: Terms) -> bool:
    return startmelding <= uiterste_startmelding(start, terms)


def gereedmelding_op_tijd(gereedmelding: dt.date, ingebruikname: dt.date, terms: Terms) -> bool:
    return gereedmelding <= uiterste_gereedmelding(ingebruikname, terms)
