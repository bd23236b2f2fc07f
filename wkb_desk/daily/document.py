"""The day overview as a Word document (python-docx), in Dutch: a summary, then one chapter per behandelaar.

Tables are filled through their XML rows directly: python-docx's `row.cells` walks the whole table each time,
which makes an overview of thousands of dossiers quadratic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from babel.dates import format_date
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell

from wkb_desk.daily.content import GROUP_SECTIONS, QUARANTINE, DayOverview, Item

COLUMNS = (("Dossier", 3.3), ("Adres", 4.7), ("Wat", 6.8), ("Datum", 2.6))
QUARANTINE_COLUMNS = (("Bestand en reden", 12.4), ("Staat in", 5.0))
TABLE_FONT = Pt(9)
UNLINKED_TITLE = "Andere binnengekomen stukken (zonder dossier)"


def long_date(day: dt.date) -> str:
    return format_date(day, "EEEE d MMMM y", locale="nl")


def overview_name(day: dt.date) -> str:
    return f"dagoverzicht-{day.isoformat()}.docx"


def write_overview(overview: DayOverview, out: BinaryIO, *, register: Path | None = None) -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = section.bottom_margin = Cm(1.8)
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)
    props = doc.core_properties
    props.title = f"Dagoverzicht Wkb {overview.date.isoformat()}"
    props.author = "wkb-desk"
    stamp = dt.datetime.combine(overview.date, dt.time(0, 0))
    props.created = props.modified = stamp
    props.last_modified_by = "wkb-desk"
    props.revision = 1

    doc.add_heading(f"Dagoverzicht Wkb – {long_date(overview.date)}", level=0)
    doc.add_paragraph(
        "Wat vandaag aandacht vraagt, per behandelaar (de kolom Behandelaar in het register). Termijnen en "
        f"signalen gelden op {long_date(overview.date)}; 'nieuw' is wat sinds het vorige dagoverzicht binnenkwam."
    )
    summary = [(overview.title(k), str(overview.counts.get(k, 0))) for k in GROUP_SECTIONS]
    summary.append((overview.title(QUARANTINE), str(overview.counts.get(QUARANTINE, 0))))
    if overview.unlinked:
        summary.append((UNLINKED_TITLE, str(len(overview.unlinked))))
    _table(doc, (("Onderdeel", 12.0), ("Aantal", 3.0)), summary)

    if not overview.groups and not overview.quarantine and not overview.unlinked:
        doc.add_paragraph("Vandaag is er niets te melden.")
    for group in overview.groups:
        total = sum(group.count(k) for k in GROUP_SECTIONS)
        doc.add_heading(f"{group.behandelaar} ({total})", level=1)
        for key in GROUP_SECTIONS:
            items = group.sections.get(key)
            if not items:
                continue
            doc.add_heading(f"{overview.title(key)} ({len(items)})", level=2)
            _table(doc, COLUMNS, [_row(i) for i in items])
    if overview.quarantine:
        doc.add_heading(f"{overview.title(QUARANTINE)} ({len(overview.quarantine)})", level=1)
        doc.add_paragraph("Deze bestanden konden niet verwerkt worden. Naast elk bestand staat een .fout.txt met "
                          "wat u kunt doen; een verbeterde versie zet u gewoon weer in de inbox.")
        _table(doc, QUARANTINE_COLUMNS, [(i.wat, i.adres) for i in overview.quarantine])
    if overview.unlinked:
        doc.add_heading(f"{UNLINKED_TITLE} ({len(overview.unlinked)})", level=1)
        _table(doc, (("Bestand en soort", 17.4),), [(i.wat,) for i in overview.unlinked])
    note = "Gemaakt door wkb-desk uit het grootboek."
    if register is not None:
        note += f" Alle dossiers staan in het register ({register.name})."
    doc.add_paragraph(note).runs[0].italic = True
    doc.save(out)


def _row(item: Item) -> tuple[str, ...]:
    return (item.dossier or "-", item.adres, item.wat, item.datum or "")


def _table(doc, columns: Sequence[tuple[str, float]], rows: Sequence[Sequence[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.autofit = False
    tbl = table._tbl
    for i, (title, width) in enumerate(columns):
        table.columns[i].width = Cm(width)  # the grid: what LibreOffice and Word lay out by
        cell = table.rows[0].cells[i]
        cell.width = Cm(width)
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        run.font.size = TABLE_FONT
        _shade(cell, "D9E2F3")
    header = tbl.tr_lst[0]
    trPr = header.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
    trPr.append(repeat)
    for values in rows:
        tr = tbl.add_tr()
        for (_, width), value in zip(columns, values):
            tc = tr.add_tc()
            tc.width = Cm(width)
            cell = _Cell(tc, table)
            cell.paragraphs[0].add_run(str(value)).font.size = TABLE_FONT
    doc.add_paragraph()


def _shade(cell, fill: str) -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)
