"""The Dutch reason file that sits beside every quarantined file."""

from __future__ import annotations

import datetime as dt

from wkb_desk.intake.analysis import Analysis


def reason_text(analysis: Analysis, original_name: str, subfolder: str, received: dt.datetime) -> str:
    problem = analysis.problem
    assert problem is not None
    where = f"inbox/{subfolder}/" if subfolder else "inbox/"
    member = "" if analysis.name == original_name else f"Onderdeel van: {original_name}\n"
    return (
        f"Bestand: {analysis.name}\n"
        f"{member}"
        f"Ontvangen: {received:%d-%m-%Y %H:%M} uit {where}\n"
        f"\n"
        f"Wat is er aan de hand?\n{problem.message}\n"
        f"\n"
        f"Wat kunt u doen?\n{problem.advice}\n"
        f"\n"
        f"Het bestand zelf staat ongewijzigd naast deze tekst. Een verbeterde versie kunt u gewoon in de inbox zetten;\n"
        f"die wordt dan opnieuw verwerkt. Dit bestand en het origineel mogen daarna weg.\n"
        f"\n"
        f"Code: {problem.code} · sha256: {analysis.sha256}\n"
    )
