"""Field names of software exports read as the labels they stand for.

A portal's technical view, a case system's CSV or a spreadsheet export names its fields the way programs do:
`locatie.postcode: 3811 AB`, `initiatiefnemer_kvkNummer`, `"verzoeknummer","2027..."`, `DatumIndiening` over a
column. Written out as words ("Locatie postcode", "Initiatiefnemer kvk nummer") they are labels the label lists and
the label-by-meaning reader already know; the values are left exactly as they are.
"""

from __future__ import annotations

import re

# a field name: words joined by dots, underscores or a capital ("verzoekNummer", "locatie.huisletter",
# "activiteiten[0].gevolgklasse", "BAG_NummeraanduidingId"), an index allowed after any part ("bijlage[1]")
_KEY = r"[A-Za-z][A-Za-z0-9]*(?:\[\d{1,3}\]|[._][A-Za-z0-9]+|(?<=[a-z0-9])[A-Z][a-z0-9]+)+"
_KEY_CELL = re.compile(rf"^{_KEY}$")
# "key: value" or "key = value" anywhere on a line, a key at the line's start or after a space or TAB
_KEY_PAIR = re.compile(rf"(?:(?<=\s)|^)({_KEY})\s?[:=](?=\s|$)")
_KEY_EQUALS = re.compile(rf"^\s*({_KEY}|[A-Za-z][a-z]+)\s*=\s*(.*)$")  # "startdatum = 2027-05-10"
# a CSV record of quoted cells: "veld","waarde" or "veld";"waarde"
_QUOTED_RECORD = re.compile(r'^\s*"[^"\t]*"(?:\s*[,;]\s*"[^"\t]*")+\s*$')
_QUOTED_CELL = re.compile(r'"([^"\t]*)"')
# cheap test per page: a sign of a field name (words joined by a dot, an underscore or a capital) or a quoted
# record; most pages have none, and where they do (an e-mail address, "t.a.v.") the lines decide
_ANY_KEY = re.compile(r"[a-z0-9\]][._][a-zA-Z]|[a-z][A-Z][a-z]|^\s*\"", re.MULTILINE)
_FILE_NAME = re.compile(r"\.[A-Za-z]{2,4}$")  # "risicobeoordeling_v2.xlsx" is a value
_INDEX = re.compile(r"\[\d{1,3}\]")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


# a record's wrapper names no field: "inhoud.onderwerp" is the subject, "meta.verzoeknummer" the request's number
_CONTAINERS = {"meta", "inhoud", "data", "content", "payload", "record", "attributes", "fields", "velden", "body"}


def humanise(key: str) -> str:
    """"initiatiefnemer_kvkNummer" -> "Initiatiefnemer kvk nummer"; acronyms keep their capitals ("BAG")."""
    words = _CAMEL.sub(" ", _INDEX.sub(" ", key).replace(".", " ").replace("_", " ")).split()
    while len(words) > 1 and words[0].lower() in _CONTAINERS:
        words = words[1:]
    words = [w if w.isupper() and len(w) > 1 else w.lower() for w in words]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _split_pairs(line: str) -> str:
    """"verzoekNummer: 2027... indienDatum: 01-03-2027" -> one line per field: "Verzoek nummer: 2027..." (each field
    is marked on its own: the applicant's "postadres: Postbus 220" makes no contact line of the site's postcode)."""
    keys = list(_KEY_PAIR.finditer(line))
    if not keys:
        return line
    out = [line[: keys[0].start()].rstrip()] if line[: keys[0].start()].strip() else []
    for k, m in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(line)
        value = line[m.end(): end].strip(" \t")
        out.append(f"{humanise(m.group(1))}: {value}".rstrip())
    return "\n".join(out)


def _header_cells(line: str) -> str:
    """A spreadsheet export's header row ("ExportId | VerzoekNummer | DatumIndiening | Straatnaam"): its field names
    as words, when three or more of its cells are field names (a row of values keeps its "DeltaBorg" and its
    "tbc_logo.png")."""
    cells = line.split("\t")
    named = [bool(_KEY_CELL.match(c.strip())) and not _FILE_NAME.search(c.strip()) for c in cells]
    if sum(named) < 3:
        return line
    return "\t".join(humanise(c.strip()) if n else c for c, n in zip(cells, named))


def _names_before_colon(line: str) -> bool:
    """A field name stands right before one of the line's colons ("kenmerk: X bouwlocatie.straat: Y")."""
    at = line.find(":")
    while at > 0:
        word = line[max(0, at - 60): at].rstrip().rsplit(None, 1)[-1:] or [""]
        if _KEY_CELL.match(word[0]):
            return True
        at = line.find(":", at + 1)
    return False


def _rewrite_line(line: str) -> str:
    """One line, looked at only where a field name would stand: a record's first cell, before "=", before a cell's
    first colon, or in the cells of a header row."""
    if line.lstrip().startswith('"') and _QUOTED_RECORD.match(line):
        cells = _QUOTED_CELL.findall(line)
        return "\t".join([humanise(cells[0]) if _KEY_CELL.match(cells[0]) else cells[0]] + cells[1:])
    eq = _KEY_EQUALS.match(line) if "=" in line else None
    if eq and ":" not in eq.group(1):
        return f"{humanise(eq.group(1))}\t{eq.group(2).strip()}"
    cells = line.split("\t")
    if ":" in line and _names_before_colon(line):
        return "\n".join(_split_pairs(cell) for cell in cells)
    if len(cells) >= 3:
        return _header_cells(line)
    if len(cells) == 2 and _KEY_CELL.match(cells[0].strip()) and not _FILE_NAME.search(cells[0]):
        return f"{humanise(cells[0].strip())}\t{cells[1]}"  # "PlanDate | 2027-01-19": a key-value sheet's field name
    return line


def rewrite(text: str) -> str:
    """The page text with the field names of an export written as labels; any other text is returned as it is.
    (A page without any sign of a field name is returned at once: extraction's time is budgeted.)"""
    if not _ANY_KEY.search(text):
        return text
    lines = text.split("\n")
    changed = False
    for k, line in enumerate(lines):
        if "\t" in line or ":" in line or "=" in line or '"' in line:
            new = _rewrite_line(line)
            if new != line:
                lines[k], changed = new, True
    return "\n".join(lines) if changed else text
