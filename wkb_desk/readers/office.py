"""DOCX (python-docx) and XLSX (openpyxl, read-only) -> pages of text.

DOCX: paragraphs and tables in document order, content controls included; headers and footers become pages of their own
(region "header"/"footer") so a letterhead address never mixes with the body. XLSX: one page per sheet, one line per
row with TAB-separated cells.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from pathlib import Path

from wkb_desk.config import Limits
from wkb_desk.errors import CorruptError, TooLargeError, UnsupportedTypeError
from wkb_desk.models import Page, ReadResult
from wkb_desk.readers.sniff import ZIP_ERRORS

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_XML_PART = 200 * 1024 * 1024  # an XML part larger than this uncompressed is a bomb, not a letter
_ROWS_PER_PAGE = 100  # limits.max_paginas counts XLSX rows in pages of this size


def _check_package(source: Path | bytes, limits: Limits) -> None:
    """Refuse packages whose parts decompress to absurd sizes before any XML parser sees them."""
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as zf:
            for info in zf.infolist():
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > _MAX_XML_PART or (info.file_size > 10_000_000 and ratio > limits.max_compressieverhouding):
                    raise TooLargeError(
                        f"Het bestand bevat een onderdeel dat uitgepakt {info.file_size // 1_000_000} MB is.",
                        "Dit lijkt op een zip-bom of een beschadigd bestand. Vraag de indiener om een gewone versie.",
                    )
    except ZIP_ERRORS as exc:
        raise _corrupt("Word/Excel", exc) from exc


def _corrupt(what: str, exc: Exception) -> CorruptError:
    return CorruptError(
        f"Het {what}-bestand is beschadigd en kan niet gelezen worden ({type(exc).__name__}).",
        "Open het in Word of Excel, sla het opnieuw op en zet het in de inbox; of vraag de indiener om een PDF.",
    )


# --- DOCX --------------------------------------------------------------------------------------


def read_docx(source: Path | bytes, limits: Limits) -> ReadResult:
    import docx

    _check_package(source, limits)
    try:
        document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    except KeyError as exc:
        if "officeDocument" in str(exc):
            raise UnsupportedTypeError(
                "Bestandstype niet ondersteund: Word-document in 'Strict Open XML'-formaat.",
                "Open het in Word, sla het op als gewoon Word-document (.docx) of PDF en zet dat in de inbox.",
            ) from exc
        raise _corrupt("Word", exc) from exc
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds on broken packages
        raise _corrupt("Word", exc) from exc

    pages = [Page(number=1, text="\n".join(_block_lines(document.element.body)))]
    seen: set[str] = set()
    for region in ("header", "footer"):
        lines: list[str] = []
        for section in document.sections:
            for attr in (region, f"first_page_{region}", f"even_page_{region}"):
                try:
                    part = getattr(section, attr)
                    if part.is_linked_to_previous and attr != region:
                        continue
                    element = part._element  # noqa: SLF001 - python-docx exposes no public XML walk
                except Exception:  # noqa: BLE001 - a broken header must not lose the body
                    continue
                text = "\n".join(line for line in _block_lines(element) if line.strip())
                if text and text not in seen:
                    seen.add(text)
                    lines.append(text)
        if lines:
            pages.append(Page(number=1, text="\n".join(lines), region=region))
    notes = _notes_text(document)
    if notes:
        # footnotes and endnotes are the document's own text ("¹ Bouwlocatie: Heikantseweg 9, ..."): read after it
        pages.append(Page(number=1, text=notes))
    return ReadResult(content_type="docx", pages=tuple(pages))


def _notes_text(document) -> str:
    """The paragraphs of the footnotes and endnotes, without Word's separator notes."""
    from docx.oxml import parse_xml

    out: list[str] = []
    try:
        parts = list(document.part.package.iter_parts())
    except Exception:  # noqa: BLE001 - a broken package keeps its body
        return ""
    for part in parts:
        if str(part.partname) not in ("/word/footnotes.xml", "/word/endnotes.xml"):
            continue
        try:
            root = parse_xml(part.blob)
        except Exception:  # noqa: BLE001 - broken notes must not lose the body
            continue
        for note in root:
            if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            out.extend(line for line in _block_lines(note) if line.strip())
    return "\n".join(out)


def _block_lines(container) -> list[str]:
    """Paragraphs and tables of a body/header/cell, in order; content controls (w:sdt) are entered."""
    lines: list[str] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            lines.append(_paragraph_text(child))
            for box in _text_boxes(child):
                lines.extend(_block_lines(box))  # a text box's paragraphs are lines of their own
        elif tag == f"{_W}tbl":
            lines.extend(_table_lines(child))
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                lines.extend(_block_lines(content))
    return lines


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _inside_box(el, top) -> bool:
    """`el` sits in a text box (or in the old-format copy Word keeps of one) within paragraph `top`."""
    parent = el.getparent()
    while parent is not None and parent is not top:
        if parent.tag in (f"{_W}txbxContent", _MC_FALLBACK):
            return True
        parent = parent.getparent()
    return False


def _text_boxes(p) -> list:
    """The text boxes anchored in a paragraph, once each: Word stores a box twice (DrawingML and, for old readers,
    VML under mc:Fallback) and a box may hold boxes of its own (read with it)."""
    return [box for box in p.iter(f"{_W}txbxContent") if not _inside_box(box, p)]


def _paragraph_text(p) -> str:
    parts: list[str] = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}sym", f"{_W}delText"):
        if _inside_box(el, p):
            continue  # a text box's text is read as its own lines (see _block_lines)
        tag = el.tag
        if tag == f"{_W}t":
            parts.append(el.text or "")
        elif tag == f"{_W}tab":
            parts.append(" ")  # TAB is reserved for table cells
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        # deleted text (tracked changes) and symbol-font glyphs are left out
    return "".join(parts)


def _table_lines(tbl) -> list[str]:
    lines = []
    rows = list(tbl.iterchildren(f"{_W}tr"))
    previous_row: list[str] = []  # the last row's cells, read as one line
    groups = _group_headings(rows)
    for index, tr in enumerate(rows):
        if index + 1 in groups:
            continue  # a row of group headings over the row of column headings: read with that row (below)
        if any(next(tc.iter(f"{_W}tbl"), None) is not None for tc in tr.iterchildren(f"{_W}tc")) or (
            len(rows) <= 2 and _page_layout_row(tr)
        ):
            # a layout row whose cells hold tables of their own (a "Project" and an "Assurance" block side by side):
            # each cell is a block of lines, the inner tables' rows keep their cells
            for tc in tr.iterchildren(f"{_W}tc"):
                lines.extend(line for line in _block_lines(tc) if line.strip())
            continue
        cells: list[str] = []
        paragraphs: list[list[str]] = []  # each kept cell's own lines
        previous = None
        for tc in tr.iterchildren(f"{_W}tc"):
            # A vertically merged continuation cell repeats nothing useful.
            vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if vmerge is not None and vmerge.get(f"{_W}val") in (None, "continue"):
                cells.append("")
                paragraphs.append([])
                continue
            # a line break inside a paragraph (Shift+Enter) parts lines as surely as a new paragraph
            own = [
                part.strip().replace("\t", " ")
                for line in _block_lines(tc)
                for part in line.split("\n")
                if part.strip()
            ]
            group = groups.get(index, [])
            column = len(paragraphs)
            if own and column < len(group) and group[column] and group[column].lower() not in own[0].lower():
                own[0] = f"{own[0]} {group[column].lower()}"  # "Naam" under "Initiatiefnemer": "Naam initiatiefnemer"
            text = " ".join(own)
            if text and text == previous:
                continue  # horizontally merged cells show once
            cells.append(text)
            paragraphs.append(own)
            previous = text
        while cells and not cells[-1]:
            cells.pop()
        captions = [parts[1] for parts in paragraphs if len(parts) == 2 and _BLANK_LINE.match(parts[0])]
        if captions and len(captions) == sum(1 for parts in paragraphs if parts) and previous_row \
                and len(previous_row) >= len(captions) and lines and lines[-1] == "\t".join(previous_row):
            # a form filled in above its lines ("2026051800094" over "______ / Verzoeknummer"): each caption is
            # the label of the value in the row above
            lines.pop()
            lines.extend(f"{label}\t{value}" for label, value in zip(captions, previous_row) if value)
            previous_row = []
            continue
        previous_row = cells
        if len(cells) == 1:
            # a row of one cell is a block of paragraphs: "Straat" / "Ganzenmarkt" is a label with its value, as
            # sure as two cells side by side; more paragraphs are lines of their own (labels above values)
            parts = paragraphs[0]
            if len(parts) == 2 and len(parts[0]) <= 60:
                lines.append("\t".join(parts))
                continue
            if 3 <= len(parts) <= 6 and len(parts[0]) <= 60:
                lines.extend(parts)
                continue
        stacked = [parts for parts in paragraphs if parts]
        if len(stacked) >= 2 and all(_label_above_value(parts) for parts in stacked):
            # a grid of cells that each hold a small caption above its value ("Datum melding" / "22 maart 2027"):
            # each cell is a label with its value, not one row of a table
            lines.extend("\t".join(parts) for parts in stacked)
            continue
        if cells:
            lines.append("\t".join(cells))
    return lines


def _spans(tr) -> list[tuple[str, int]]:
    """(text, columns it spans) of each cell of a row."""
    out = []
    for tc in tr.iterchildren(f"{_W}tc"):
        span = tc.find(f"{_W}tcPr/{_W}gridSpan")
        width = int(span.get(f"{_W}val") or 1) if span is not None and (span.get(f"{_W}val") or "").isdigit() else 1
        out.append((" ".join(" ".join(_block_lines(tc)).split()), width))
    return out


def _group_headings(rows) -> dict[int, list[str]]:
    """{row index: the group heading over each of its columns} for a row of column headings under a row of merged
    group headings ("Initiatiefnemer" over "Naam | KvK", "Kwaliteitsborging" over "Kwaliteitsborger | Instrument"):
    read side by side, a group's heading would stand beside the next group's as its value."""
    out: dict[int, list[str]] = {}
    # (only a row with a merged cell can head groups: the other rows are not read twice)
    merged = [any(tc.find(f"{_W}tcPr/{_W}gridSpan") is not None for tc in tr.iterchildren(f"{_W}tc")) for tr in rows]
    for k in range(len(rows) - 1):
        if not merged[k] or merged[k + 1]:
            continue
        top, below = _spans(rows[k]), _spans(rows[k + 1])
        # (one cell across the table is a section's heading over its rows of labels and values, no group heading)
        if len(top) < 2 or not any(width > 1 for _, width in top) or any(width > 1 for _, width in below) \
                or sum(width for _, width in top) != len(below):
            continue
        texts = [t for t, _ in top] + [t for t, _ in below]
        if not all(t and len(t) <= 40 and not any(ch.isdigit() for ch in t) for t in texts):
            continue  # (two rows of headings: short words, no figures)
        out[k + 1] = [text for text, width in top for _ in range(width)]
    return out


def _page_layout_row(tr) -> bool:
    """A row that lays out the page rather than holding data: two or three cells side by side, one of which is a
    column of many paragraphs (a letter beside a sidebar of project data). Its cells are read as blocks of lines."""
    cells = list(tr.iterchildren(f"{_W}tc"))
    if not 2 <= len(cells) <= 3:
        return False
    return any(sum(1 for line in _block_lines(tc) for part in line.split("\n") if part.strip()) >= _LAYOUT_CELL_LINES
               for tc in cells)


_LAYOUT_CELL_LINES = 7  # paragraphs in one cell that make a row a page's layout (a sidebar, a letter)


_BLANK_LINE = re.compile(r"^[_.…]{5,}$")  # the line a form is filled in above


def _label_above_value(parts: list[str]) -> bool:
    """A cell of two lines whose first reads as a caption: short and without figures."""
    return len(parts) == 2 and len(parts[0]) <= 60 and not any(ch.isdigit() for ch in parts[0])


# --- XLSX --------------------------------------------------------------------------------------


def read_xlsx(source: Path | bytes, limits: Limits) -> ReadResult:
    import openpyxl

    _check_package(source, limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about harmless oddities of other writers
            workbook = openpyxl.load_workbook(
                io.BytesIO(source) if isinstance(source, bytes) else source, read_only=True, data_only=True
            )
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on broken packages
        raise _corrupt("Excel", exc) from exc
    pages: list[Page] = []
    notes: list[str] = []
    rows_left = limits.max_paginas * _ROWS_PER_PAGE
    try:
        for index, sheet in enumerate(workbook.worksheets, start=1):
            if rows_left <= 0:
                notes.append(f"De werkmap is groot; alleen de eerste {limits.max_paginas * _ROWS_PER_PAGE} rijen zijn gelezen.")
                break
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue  # a hidden sheet is the form's machinery (the lists behind its drop-downs), not its content
            rows: list[list[str]] = []
            hidden_rows, hidden_cols = _hidden_rows_and_columns(workbook, sheet)
            try:
                for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                    if number in hidden_rows:
                        continue
                    cells = [_cell_text(v) for k, v in enumerate(row[:200], start=1) if k not in hidden_cols]
                    while cells and not cells[-1]:
                        cells.pop()
                    if cells:
                        rows.append(cells)
                        rows_left -= 1
                        if rows_left <= 0:
                            break
            except Exception as exc:  # noqa: BLE001 - one broken sheet must not lose the others
                notes.append(f"Tabblad '{sheet.title}' kon niet volledig gelezen worden ({type(exc).__name__}).")
            if hidden_rows or hidden_cols:
                # a filtered export shows one dossier of many: what is hidden is not what was sent
                notes.append(f"Tabblad '{sheet.title}': verborgen rijen of kolommen (een filter) zijn niet gelezen.")
            lines = ["\t".join(cells) for cells in _side_block_last(rows)]
            pages.append(Page(number=index, text="\n".join(lines), label=str(sheet.title)))
    finally:
        workbook.close()
    return ReadResult(content_type="xlsx", pages=tuple(pages), warnings=tuple(notes))


_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_HIDDEN_ATTR = re.compile(rb'\bhidden="(?:1|true)"')


def _attr(attrs: bytes, name: bytes) -> int | None:
    m = re.search(rb"\b" + name + rb'="(\d+)"', attrs)
    return int(m.group(1)) if m else None


def _hidden_rows_and_columns(workbook, sheet) -> tuple[set[int], set[int]]:
    """Row and column numbers (1-based) that the sheet hides: rows left out by a filter ("gemeente = Venray"),
    columns folded away. The read-only reader does not report them, so the sheet's XML is scanned for the flags
    (only when it has any); a workbook this cannot read hides nothing."""
    try:
        data = workbook._archive.read(sheet._worksheet_path)  # openpyxl's own handles of the package
    except Exception:  # noqa: BLE001 - without them everything is read, as before
        return set(), set()
    if b"hidden" not in data:
        return set(), set()
    rows = {r for m in _ROW_TAG.finditer(data) if _HIDDEN_ATTR.search(m.group(1)) and (r := _attr(m.group(1), b"r"))}
    cols: set[int] = set()
    for m in _COL_TAG.finditer(data):
        low, high = _attr(m.group(1), b"min"), _attr(m.group(1), b"max")
        if _HIDDEN_ATTR.search(m.group(1)) and low and high and high - low < 16384:
            cols.update(range(low, high + 1))
    return rows, cols


def _side_block_last(rows: list[list[str]]) -> list[list[str]]:
    """A block of one or two columns beside a table, an empty column between them (a project's data to the right
    of a risk table), read after the table: otherwise each of its labels and values ends a row of the table.

    Only beside a table of four columns or more, most of the block's rows being the table's: a form's label
    column and value column with empty columns between them stay side by side.
    """
    used = sorted({i for cells in rows for i, c in enumerate(cells) if c.strip()})
    if len(used) < 5:
        return rows
    for width in (2, 1):  # (a block of labels beside values first: "Bouwadres | Ploegstraat 31")
        left, right = used[:-width], used[-width:]
        if right[0] - left[-1] >= 2 and len(left) >= 4 and len(right) <= 2:
            cut = right[0]
            with_side = [cells for cells in rows if any(c.strip() for c in cells[cut:])]
            side = [cells[cut:] for cells in with_side]
            # (beside the table's own rows: a block beside the title lines above a table reads well as it is)
            beside = sum(1 for cells in with_side if sum(1 for c in cells[:cut] if c.strip()) >= 3)
            table = [kept for cells in rows if (kept := _trim(cells[:cut]))]
            if len(side) >= 4 and beside * 5 >= len(side) * 2:
                return table + side
    return rows


def _trim(cells: list[str]) -> list[str]:
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    return cells


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("_x000D_", "").strip()
