"""Values under column headings: a form's row of headings over a row of values in which some cells are empty.

A PDF's text (laid out in character columns) and an OCR'd page (laid out in pixels) both lose empty cells:
"Straat | Hsnr | Toev./letter | Postcode" over "Gildenweg | 22 | 3899BK" would put the postcode under
"Toev./letter". Where each value starts under a heading, empty cells are put back so that every value stays
under its own heading. Shared by readers/pdf.py and ocr/layout.py (a module of its own: neither imports the other).
"""

from __future__ import annotations

import re

Cell = tuple[float, str]  # (left edge, text)

# a card's label in capitals ("KADASTRAAL PERCEEL"), or a short heading ("Straat", "Hsnr", "BAG-id (indien bekend)")
_CAPITALS = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý /()\-.&]{2,40}$")
_SHORT = re.compile(r"^[A-ZÀ-Ý][^\d:]{0,40}$")
# a numbered heading across the page ("3 Initiatiefnemer", "2. Locatie"): no row of values
NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÀ-Ý][^\d:]{2,60}$")


def under_headings(cells: list[Cell], above: list[Cell] | None, tolerance: float) -> list[Cell]:
    """`cells` with empty cells added where a heading of the row `above` has no value below it. Only under headings
    in capitals, or under three or more short headings over a row with a number in it (a pair "Naam | Jansen" over
    the next label is no row of headings); a value that starts under no heading leaves the row as it is."""
    if above is None or not 1 <= len(cells) < len(above) or len(above) > 6 or any(":" in t for _, t in cells):
        return cells
    capitals = all(_CAPITALS.match(t) for _, t in above)
    if not capitals and not (len(above) >= 3 and all(_SHORT.match(t) for _, t in above)
                             and any(ch.isdigit() for _, t in cells for ch in t)
                             and not NUMBERED_HEADING.match(cells[0][1])):
        return cells
    out: list[Cell] = []
    j = 0
    for at, text in cells:
        while j < len(above) and abs(at - above[j][0]) > tolerance:
            if above[j][0] > at:
                return cells  # a value that stands under no heading: no grid
            out.append((above[j][0], ""))
            j += 1
        if j == len(above):
            return cells
        out.append((at, text))
        j += 1
    return out + [(a, "") for a, _ in above[j:]]
