"""A new, empty register made with openpyxl: sheets, headers, table, formats, drop-downs, chart.

Data rows are never written here: the same patcher that updates an existing register fills the skeleton,
so a new register, a rebuild and an update produce identical cells.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from wkb_desk.register import schema
from wkb_desk.register.ooxml import MAX_ROW, col_letter
from wkb_desk.rules.deadlines import LABELS

# Lijsten row 1 holds one cell per style the patcher needs; Excel renumbers styles on save and updates these
# cells with them, so the patcher always finds the current style index here.
TEMPLATE_CELLS = {"text": "A1", "date": "B1", "wrap": "C1", "link": "D1", "header": "E1"}
TOKEN_CELL = "G1"
# From H1 on: one date style per deadline, whose number format names it ("Uiterste startmelding 12-05-2026"),
# so "Volgende termijn" says which deadline it is and stays a real date (sorting, filters, colours keep working).
DEADLINE_TEMPLATE_CELLS = {schema.deadline_template(code): f"{col_letter(8 + i)}1" for i, code in enumerate(LABELS)}
TEMPLATE_CELLS.update(DEADLINE_TEMPLATE_CELLS)
LIST_FIRST_ROW = 3
# Lijsten column D: the record of the tool columns this workbook has had (schema.RECORD_HEADER in D2, one column
# key a row from D3). Plain cells of the hidden sheet that also holds the token: Excel and LibreOffice keep them on
# save like any cell (a custom document property or defined name depends on the application's import filters),
# and the tool rewrites them in the same save as the columns they describe.
RECORD_COL = 4
LIST_LAST_ROW = 400
MONTHS = 24  # Overzicht: meldingen per month for this many months
OVERVIEW_MONTH_COL = 8  # H: month label, I: count
OVERVIEW_FIRST_ROW = 5

TOP = Alignment(vertical="top")
WRAP = Alignment(vertical="top", wrap_text=True)


def skeleton(headers: list[str], binnenkort_dagen: int) -> bytes:
    wb = Workbook()
    reg = wb.active
    reg.title = schema.REGISTER_SHEET
    _register(reg, headers, binnenkort_dagen)
    _documents(wb.create_sheet(schema.DOCUMENTS_SHEET))
    _letters(wb.create_sheet(schema.LETTERS_SHEET))
    _overview(wb.create_sheet(schema.OVERVIEW_SHEET))
    _lists(wb.create_sheet(schema.LISTS_SHEET))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _register(ws, headers: list[str], soon: int) -> None:
    for i, header in enumerate(headers, 1):
        cell = ws.cell(1, i, value=str(header))
        cell.data_type = "s"  # a people's header such as "=1+1" stays text (openpyxl would make it a formula)
    last = col_letter(len(headers))
    for i, header in enumerate(headers, 1):
        col = schema.BY_HEADER.get(schema.header_key(header))
        ws.column_dimensions[col_letter(i)].width = schema.header_width(col) if col else max(16, len(str(header)) + 4)
    ws.freeze_panes = "B2"  # header row and the dossier number stay in view
    # Printed (or saved as PDF) the register is one page wide, landscape, with the headers on every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    table = Table(displayName=schema.TABLE_NAME, ref=f"A1:{last}2")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)

    pos = {schema.header_key(h): col_letter(i) for i, h in enumerate(headers, 1)}
    sig = pos.get("signalen")
    due = pos.get("volgende termijn")
    missing = pos.get("ontbreekt")
    guessed = pos.get("te controleren")
    red_terms, orange_terms = [], []
    if sig:
        red_terms += [f'ISNUMBER(SEARCH("[kritiek]",${sig}2))', f'ISNUMBER(SEARCH("[hoog]",${sig}2))']
        orange_terms.append(f'ISNUMBER(SEARCH("[middel]",${sig}2))')
    if due:
        red_terms.append(f"AND(ISNUMBER(${due}2),${due}2<TODAY())")
        orange_terms.append(f"AND(ISNUMBER(${due}2),${due}2-TODAY()<={soon})")
    if missing:
        orange_terms.append(f'LEN(${missing}2)>0')
    if guessed:  # a value read with doubt: orange until a person confirms or corrects it
        orange_terms.append(f'LEN(${guessed}2)>0')
    area = f"A2:{last}{MAX_ROW}"
    if red_terms:
        ws.conditional_formatting.add(area, FormulaRule(
            formula=[f"OR({','.join(red_terms)})"], stopIfTrue=True,
            fill=PatternFill(bgColor="FFC7CE"), font=Font(color="9C0006")))
    if orange_terms:
        ws.conditional_formatting.add(area, FormulaRule(
            formula=[f"OR({','.join(orange_terms)})"], stopIfTrue=True,
            fill=PatternFill(bgColor="FFE2B3"), font=Font(color="7A4100")))

    # Drop-downs offer the known values but accept anything typed (showErrorMessage off): a new colleague's
    # name or a municipality's own status must not be refused.
    for header, list_col in (("behandelaar", "A"), ("status", "B")):
        if header in pos:
            dv = DataValidation(type="list", allow_blank=True, showErrorMessage=False,
                                formula1=f"{schema.LISTS_SHEET}!${list_col}${LIST_FIRST_ROW}:${list_col}${LIST_LAST_ROW}")
            dv.add(f"{pos[header]}2:{pos[header]}{MAX_ROW}")
            ws.add_data_validation(dv)


def _documents(ws) -> None:
    ws.append(list(schema.DOCUMENT_HEADERS))
    for i, width in enumerate(schema.DOCUMENT_WIDTHS, 1):
        ws.column_dimensions[col_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{col_letter(len(schema.DOCUMENT_HEADERS))}2"


def _letters(ws) -> None:
    ws.append(list(schema.LETTER_HEADERS))
    for i, width in enumerate(schema.LETTER_WIDTHS, 1):
        ws.column_dimensions[col_letter(i)].width = width
    ws.freeze_panes = "A2"
    for cell in ws[1]:
        cell.font = Font(bold=True)


def _overview(ws) -> None:
    ws["A1"] = "Overzicht Wkb-register"
    ws["A1"].font = Font(bold=True, size=14)
    for col, width in zip("ABCDEFGHI", (24, 10, 3, 34, 10, 10, 3, 12, 11)):
        ws.column_dimensions[col].width = width
    month = col_letter(OVERVIEW_MONTH_COL)
    count = col_letter(OVERVIEW_MONTH_COL + 1)
    ws[f"{month}4"] = "Maand"
    ws[f"{count}4"] = "Meldingen"
    chart = BarChart()
    chart.title = "Bouwmeldingen per maand"
    chart.y_axis.title = "Aantal"
    chart.legend = None
    last = OVERVIEW_FIRST_ROW + MONTHS - 1
    data = Reference(ws, min_col=OVERVIEW_MONTH_COL + 1, min_row=OVERVIEW_FIRST_ROW - 1, max_row=last)
    cats = Reference(ws, min_col=OVERVIEW_MONTH_COL, min_row=OVERVIEW_FIRST_ROW, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.width, chart.height = 22, 9
    ws.add_chart(chart, "K4")


def _lists(ws) -> None:
    ws.sheet_state = "hidden"
    ws["A1"] = "sjabloon"
    ws["A1"].alignment = TOP
    ws["B1"] = 0
    ws["B1"].number_format = schema.DATE_FORMAT
    ws["B1"].alignment = TOP
    ws["C1"] = "omloop"
    ws["C1"].alignment = WRAP
    ws["D1"] = "link"
    ws["D1"].font = Font(color="0563C1", underline="single")
    ws["D1"].alignment = TOP
    ws["E1"] = "kop"
    ws["E1"].font = Font(bold=True)
    ws["F1"] = "versie"
    for code, label in LABELS.items():
        cell = ws[DEADLINE_TEMPLATE_CELLS[schema.deadline_template(code)]]
        cell.value = 0
        cell.number_format = f'"{label} "{schema.DATE_FORMAT}'
        cell.alignment = TOP
    ws["A2"] = "Behandelaar"
    ws["B2"] = "Status"
