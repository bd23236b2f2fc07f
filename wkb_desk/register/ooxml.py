"""Just enough SpreadsheetML to patch a workbook in place, without loading it into openpyxl.

Why not openpyxl for updates: a full load + save of a 10,000-row register costs seconds and ~160 MB, grows with
history, and silently drops what openpyxl does not model. Here every part we do not touch is copied through
unchanged, untouched rows keep their exact XML (people's colours, formulas, hidden rows), and the parts we do
change are edited as text. Works on what Excel, LibreOffice and openpyxl write (unprefixed main namespace,
`r` attributes); anything else raises `OoxmlError` and the caller falls back to a rebuild.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

REL_NS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HYPERLINK_TYPE = REL_NS_TYPE + "/hyperlink"
EXCEL_EPOCH = dt.date(1899, 12, 30)
MAX_ROW = 1048576


class OoxmlError(Exception):
    """The workbook has a structure this module does not handle."""


_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ROW = re.compile(r"<row\b([^>]*?)(/>|>(.*?)</row>)", re.S)
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
# What Excel, LibreOffice and openpyxl write: r, then s, then t. Anything else goes through _CELL + attrs().
_FAST_CELL = re.compile(r'<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="(\w+)")?([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_V = re.compile(r"<v(?:\s[^>]*)?>(.*?)</v>", re.S)
_T = re.compile(r"<t(?:\s[^>]*)?>(.*?)</t>", re.S)
_RPH = re.compile(r"<rPh\b.*?</rPh>", re.S)
_SI = re.compile(r"<si\b[^>]*?(?:/>|>(.*?)</si>)", re.S)
_ESCAPED_CHAR = re.compile(r"_x([0-9A-Fa-f]{4})_")
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
# Characters XML 1.0 forbids. They carry no meaning in a register, and not every reader decodes Excel's
# _xHHHH_ form (openpyxl does not), so they are dropped; `clean` is also applied before comparing values.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LOOKS_ESCAPED = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def attrs(text: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(text)}


def col_letter(index: int) -> str:
    out = ""
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def split_ref(ref: str) -> tuple[int, int]:
    """'B12' -> (column 2, row 12)."""
    m = _REF.match(ref)
    if not m:
        raise OoxmlError(f"cell reference {ref!r}")
    return col_index(m.group(1)), int(m.group(2))


# --- text -----------------------------------------------------------------------------------------


def decode_text(raw: str) -> str:
    text = html.unescape(raw)
    if "_x" in text:
        text = _ESCAPED_CHAR.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


def clean(text: str) -> str:
    return _ILLEGAL.sub("", text) if _ILLEGAL.search(text) else text


def encode_text(text: str) -> str:
    """Escape for an XML text node. A CR survives as a character reference (a bare one is normalised away)."""
    if "_x" in text:
        text = _LOOKS_ESCAPED.sub(r"_x005F_\1", text)  # Excel would read a literal "_x0041_" as "A"
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;") if "\r" in text else text


def _joined_t(inner: str) -> str:
    if "<rPh" in inner:
        inner = _RPH.sub("", inner)
    return "".join(decode_text(m.group(1)) for m in _T.finditer(inner))


def parse_shared_strings(xml: str) -> list[str]:
    return [_joined_t(m.group(1) or "") for m in _SI.finditer(xml)]


# --- values ----------------------------------------------------------------------------------------


def to_serial(value: dt.date) -> float | int:
    if isinstance(value, dt.datetime):
        delta = value - dt.datetime(1899, 12, 30)
        return round(delta.days + delta.seconds / 86400, 8)
    return (value - EXCEL_EPOCH).days


def from_serial(serial: float) -> dt.date:
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))


def cell_value(t: str, inner: str | None, sst: list[str]) -> Any:
    """The value a reader sees: str, int, float, bool, or None. Numbers stay numbers (dates are serials)."""
    if inner is None:
        return None
    if t == "inlineStr":
        return _joined_t(inner)
    m = _V.search(inner)
    if m is None:
        return None
    raw = m.group(1)
    if t == "s":
        try:
            return sst[int(raw)]
        except (ValueError, IndexError):
            raise OoxmlError(f"shared string {raw!r}") from None
    if t in ("str", "e"):
        return decode_text(raw)
    if t == "b":
        return raw.strip() == "1"
    if t == "d":
        try:
            return to_serial(dt.datetime.fromisoformat(raw.strip()))
        except ValueError:
            return decode_text(raw)
    try:
        num = float(raw)
    except ValueError:
        return decode_text(raw)
    return int(num) if num.is_integer() and abs(num) < 1e15 else num


def cell_xml(ref: str, value: Any, style: int | None) -> str:
    """One <c> element. Strings are always inline strings: text never becomes a formula."""
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<c r="{ref}"{s}/>' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (dt.date, dt.datetime)):
        return f'<c r="{ref}"{s}><v>{to_serial(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{encode_text(str(value))}</t></is></c>'


# --- styles ----------------------------------------------------------------------------------------

_BUILTIN_DATE_FMTS = set(range(14, 23)) | {45, 46, 47} | set(range(27, 37)) | set(range(50, 59))


def date_styles(styles_xml: str) -> set[int]:
    """Indices of cellXfs whose number format shows a date."""
    fmts: dict[int, str] = {}
    for m in re.finditer(r"<numFmt\b([^>]*)/?>", styles_xml):
        a = attrs(m.group(1))
        if "numFmtId" in a:
            fmts[int(a["numFmtId"])] = a.get("formatCode", "")
    m = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", styles_xml, re.S)
    out: set[int] = set()
    if not m:
        return out
    for i, xf in enumerate(re.finditer(r"<xf\b([^>]*?)/?>", m.group(1))):
        fid = int(attrs(xf.group(1)).get("numFmtId", "0"))
        if fid in _BUILTIN_DATE_FMTS or (fid in fmts and _is_date_code(fmts[fid])):
            out.add(i)
    return out


def _is_date_code(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).lower()
    return bool(re.search(r"[dmyj]", code)) and "0" not in code.split(";")[0].replace("00", "")


# --- the package -----------------------------------------------------------------------------------


@dataclass
class SheetRef:
    name: str
    path: str  # part name inside the zip, e.g. xl/worksheets/sheet1.xml
    rels_path: str
    state: str = "visible"


class Package:
    """An .xlsx opened as a zip: read parts, replace some, write a new file copying the rest."""

    def __init__(self, source: Path | BinaryIO) -> None:
        if isinstance(source, Path):
            # Read the (compressed) file at once: no handle stays open on the register, which on Windows would
            # make the final os.replace fail, and a person's save in between cannot mix two versions.
            source = io.BytesIO(source.read_bytes())
        try:
            self.zf = zipfile.ZipFile(source)
        except zipfile.BadZipFile as exc:
            raise OoxmlError(f"geen geldig xlsx-bestand: {exc}") from exc
        self.infos = {i.filename: i for i in self.zf.infolist()}
        self.changed: dict[str, bytes] = {}
        self.removed: set[str] = set()
        self.sheets = self._sheets()
        self._sst: list[str] | None = None
        self._date_styles: set[int] | None = None

    def close(self) -> None:
        self.zf.close()

    def has(self, name: str) -> bool:
        return name in self.changed or name in self.infos

    def read(self, name: str) -> bytes:
        if name in self.changed:
            return self.changed[name]
        try:
            return self.zf.read(name)
        except KeyError:
            raise OoxmlError(f"onderdeel {name} ontbreekt") from None

    def text(self, name: str) -> str:
        return self.read(name).decode("utf-8")

    def set(self, name: str, data: str | bytes) -> None:
        self.changed[name] = data.encode("utf-8") if isinstance(data, str) else data

    def rels(self, rels_path: str) -> list[dict[str, str]]:
        if not self.has(rels_path):
            return []
        return [attrs(m.group(1)) for m in re.finditer(r"<Relationship\b([^>]*?)/?>", self.text(rels_path))]

    def _sheets(self) -> dict[str, SheetRef]:
        root_rels = self.rels("_rels/.rels")
        wb_path = next((r["Target"].lstrip("/") for r in root_rels if r.get("Type", "").endswith("/officeDocument")), "xl/workbook.xml")
        self.workbook_path = wb_path
        wb_dir = posixpath.dirname(wb_path)
        wb_rels = {r["Id"]: r for r in self.rels(f"{wb_dir}/_rels/{posixpath.basename(wb_path)}.rels")}
        out: dict[str, SheetRef] = {}
        for m in re.finditer(r"<sheet\b([^>]*?)/?>", self.text(wb_path)):
            a = attrs(m.group(1))
            rid = next((v for k, v in a.items() if k.endswith(":id")), None)
            rel = wb_rels.get(rid or "")
            if rel is None:
                continue
            path = resolve_target(wb_dir, rel["Target"])
            rels_path = f"{posixpath.dirname(path)}/_rels/{posixpath.basename(path)}.rels"
            out[a.get("name", "")] = SheetRef(a.get("name", ""), path, rels_path, a.get("state", "visible"))
        return out

    def shared_strings(self) -> list[str]:
        if self._sst is None:
            name = "xl/sharedStrings.xml"
            self._sst = parse_shared_strings(self.text(name)) if self.has(name) else []
        return self._sst

    def date_styles(self) -> set[int]:
        if self._date_styles is None:
            self._date_styles = date_styles(self.text("xl/styles.xml")) if self.has("xl/styles.xml") else set()
        return self._date_styles

    def set_filter_database(self, sheet_name: str, last_row: int, last_col: int | None = None) -> None:
        """Keep the hidden name _xlnm._FilterDatabase (Excel's record of a sheet's autofilter) in step."""
        index = list(self.sheets).index(sheet_name) if sheet_name in self.sheets else -1
        if index < 0:
            return
        xml = self.text(self.workbook_path)
        pattern = re.compile(r'(<definedName\b(?=[^>]*name="_xlnm\._FilterDatabase")(?=[^>]*localSheetId="%d")[^>]*>)'
                             r"([^<]*?)(\d+)(</definedName>)" % index)

        def fix(m: re.Match) -> str:
            upto = m.group(2)
            if last_col is not None:  # "'Register'!$A$1:$R$" -> "...:$Z$"
                upto = re.sub(r"[A-Za-z]{1,3}(\$?)$", lambda c: col_letter(last_col) + c.group(1), upto)
            return f"{m.group(1)}{upto}{last_row}{m.group(4)}"

        new = pattern.sub(fix, xml, count=1)
        if new != xml:
            self.set(self.workbook_path, new)

    def remove_calc_chain(self) -> None:
        name = "xl/calcChain.xml"
        if name not in self.infos:
            return
        self.removed.add(name)
        ct = self.text("[Content_Types].xml")
        self.set("[Content_Types].xml", re.sub(r'<Override\b[^>]*PartName="/xl/calcChain\.xml"[^>]*/>', "", ct))
        rels = self.text("xl/_rels/workbook.xml.rels")
        self.set("xl/_rels/workbook.xml.rels", re.sub(r'<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*/>', "", rels))

    def save(self, target: Path | BinaryIO, *, after_part=None) -> None:
        """Write every part (replaced or copied) to `target`. `after_part(name)` is a test seam for crash tests."""
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for name, info in self.infos.items():
                if name in self.removed:
                    continue
                data = self.changed[name] if name in self.changed else self.zf.read(name)
                zi = zipfile.ZipInfo(name, date_time=info.date_time)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = info.external_attr
                out.writestr(zi, data, compresslevel=1)
                if after_part:
                    after_part(name)
            for name, data in self.changed.items():
                if name not in self.infos:
                    out.writestr(name, data)


def resolve_target(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_dir, target))


# --- one worksheet ---------------------------------------------------------------------------------


_COLS: dict[str, int] = {}


def _col(letters: str) -> int:
    n = _COLS.get(letters)
    if n is None:
        n = _COLS[letters] = col_index(letters)
    return n


class Row:
    """One <row> of a parsed sheet, as offsets into the sheet's text (no copies of 10,000 rows)."""

    __slots__ = ("r", "attrs", "_body", "_start", "_end", "_istart", "_iend")

    def __init__(self, r: int, attrs: str, body: str, start: int, end: int, istart: int, iend: int) -> None:
        self.r, self.attrs, self._body = r, attrs, body
        self._start, self._end, self._istart, self._iend = start, end, istart, iend

    @property
    def raw(self) -> str:
        return self._body[self._start:self._end]

    @property
    def inner(self) -> str | None:
        return None if self._istart < 0 else self._body[self._istart:self._iend]

    @property
    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def cells(self) -> list[tuple[int, int | None, str, str | None, str]]:
        """(column, style or None, type, inner XML or None, raw XML) per cell."""
        out = []
        col = 0
        inner = self.inner or ""
        pos = 0
        fast = _FAST_CELL.match
        while True:
            start = inner.find("<c", pos)
            if start < 0:
                break
            m = fast(inner, start)
            if m is not None and "=" not in m.group(4):
                col = _col(m.group(1))
                s = m.group(2)
                out.append((col, int(s) if s else None, m.group(3) or "n", m.group(5), m.group(0)))
                pos = m.end()
                continue
            m = _CELL.match(inner, start)
            if m is None:  # "<cfRule" or the like cannot occur in a row; stop rather than loop
                if inner.startswith("<c", start) and not inner[start + 2:start + 3].isspace():
                    pos = start + 2
                    continue
                raise OoxmlError("onbekende celvorm in een rij")
            a = attrs(m.group(1))
            ref = a.get("r")
            col = split_ref(ref)[0] if ref else col + 1
            out.append((col, int(a["s"]) if a.get("s") else None, a.get("t", "n"), m.group(2), m.group(0)))
            pos = m.end()
        return out


@dataclass
class Sheet:
    head: str
    rows: list[Row]
    tail: str
    body: str = ""
    changed_rows: dict[int, str] = field(default_factory=dict)  # row number -> new raw XML

    def render_body(self, new_rows: dict[int, str]) -> str:
        """sheetData content with changed rows replaced and new rows placed in row order."""
        first_new = min(new_rows) if new_rows else None
        if first_new is None or not self.rows or self.rows[-1].r < first_new:
            # The usual case: splice the changed rows into the original text, append the new ones.
            parts, pos = [], 0
            for row in self.rows:
                if row.r in self.changed_rows:
                    start, end = row.span
                    parts.append(self.body[pos:start])
                    parts.append(self.changed_rows[row.r])
                    pos = end
            parts.append(self.body[pos:])
            parts.extend(new_rows[r] for r in sorted(new_rows))
            return "".join(parts)
        merged = {row.r: self.changed_rows.get(row.r) or row.raw for row in self.rows}
        merged.update(new_rows)
        return "".join(merged[r] for r in sorted(merged))

    @classmethod
    def parse(cls, xml: str) -> "Sheet":
        m = re.search(r"<sheetData\s*/>|<sheetData\b[^>]*>(.*?)</sheetData>", xml, re.S)
        if m is None:
            raise OoxmlError("werkblad zonder sheetData (onbekende XML-vorm)")
        rows: list[Row] = []
        r = 0
        body = m.group(1) or ""
        for rm in _ROW.finditer(body):
            head = rm.group(1)
            if head.startswith(' r="'):
                r = int(head[4:head.index('"', 4)])
            else:
                a = attrs(head)
                r = int(a["r"]) if "r" in a else r + 1
            rows.append(Row(r, head, body, rm.start(), rm.end(), rm.start(3), rm.end(3)))
        return cls(xml[: m.start()], rows, xml[m.end():], body)

    def last_filled_row(self) -> int:
        for row in reversed(self.rows):
            if row.inner and "<v" in row.inner or (row.inner and "<is>" in row.inner):
                return row.r
        return 0


def patch_row(row: Row, new_cells: dict[int, str]) -> str:
    """Row XML with some cells replaced ('' removes a cell); other cells kept byte for byte."""
    cells = {c[0]: c[4] for c in row.cells()}
    cells.update(new_cells)
    a = re.sub(r'\s+spans="[^"]*"', "", row.attrs)  # spans is only a hint; it may no longer be right
    return f"<row{a}>" + "".join(cells[c] for c in sorted(cells) if cells[c]) + "</row>"


def with_row_height(row_xml: str, height: float | None) -> str:
    """Row XML with its height set (a custom height, in points) or, with None, left to the application."""
    m = re.match(r"<row\b([^>]*?)(/?)>", row_xml)
    if m is None:
        return row_xml
    a = re.sub(r'\s+(ht|customHeight)="[^"]*"', "", m.group(1))
    if height is not None:
        a += f' ht="{height:g}" customHeight="1"'
    return f"<row{a}{m.group(2)}>" + row_xml[m.end():]


def column_widths(head: str) -> dict[int, float]:
    """Column index (1-based) -> width in characters, from a sheet's <cols> (what people see, widened or not)."""
    out: dict[int, float] = {}
    for m in re.finditer(r"<col\b([^>]*?)/?>", head):
        a = attrs(m.group(1))
        try:
            lo, hi, width = int(a["min"]), int(a["max"]), float(a["width"])
        except (KeyError, ValueError):
            continue
        for c in range(lo, min(hi, lo + 200) + 1):
            out[c] = width
    return out


def set_dimension(xml: str, last_col: int, last_row: int) -> str:
    ref = f"A1:{col_letter(max(last_col, 1))}{max(last_row, 1)}"
    if re.search(r"<dimension\b", xml):
        return re.sub(r'<dimension\b[^>]*/>', f'<dimension ref="{ref}"/>', xml, count=1)
    return xml


def set_ref_end(tag_text: str, tag: str, *, last_row: int | None = None, last_col: int | None = None) -> str:
    """Move the end of the `ref` of the first <tag ...> in tag_text (tables, autofilters) to `last_row` and/or
    `last_col`; the start stays."""

    def fix(m: re.Match) -> str:
        start, end = m.group(2).split(":") if ":" in m.group(2) else (m.group(2), m.group(2))
        c2, r2 = split_ref(end)
        return f'{m.group(1)}ref="{start}:{col_letter(last_col or c2)}{last_row or r2}"'

    return re.sub(rf'(<{tag}\b[^>]*?\s)ref="([^"]*)"', fix, tag_text, count=1)


def ref_bounds(ref: str) -> tuple[int, int, int, int]:
    start, end = ref.split(":") if ":" in ref else (ref, ref)
    c1, r1 = split_ref(start)
    c2, r2 = split_ref(end)
    return c1, r1, c2, r2


# Elements that must come after <hyperlinks> in a worksheet (ECMA-376 CT_Worksheet order).
_AFTER_HYPERLINKS = (
    "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
    "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
    "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
)


def add_hyperlinks(tail: str, links: list[tuple[str, str]]) -> str:
    """Add (cell, relationship id) pairs to the <hyperlinks> element, creating it where needed."""
    if not links:
        return tail
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    items = "".join(f'<hyperlink ref="{ref}" xmlns:r="{ns}" r:id="{rid}"/>' for ref, rid in links)
    at = tail.find("</hyperlinks>")
    if at >= 0:
        return tail[:at] + items + tail[at:]
    return set_hyperlinks(tail, links)


def set_hyperlinks(tail: str, links: list[tuple[str, str]]) -> str:
    """Replace the <hyperlinks> element in the part after sheetData with (cell, relationship id) pairs."""
    tail = re.sub(r"<hyperlinks\b.*?</hyperlinks>|<hyperlinks\s*/>", "", tail, flags=re.S)
    if not links:
        return tail
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    block = "<hyperlinks>" + "".join(f'<hyperlink ref="{ref}" xmlns:r="{ns}" r:id="{rid}"/>' for ref, rid in links) + "</hyperlinks>"
    positions = [m.start() for name in _AFTER_HYPERLINKS for m in [re.search(rf"<{name}\b", tail)] if m]
    at = min(positions) if positions else tail.rindex("</worksheet>")
    return tail[:at] + block + tail[at:]


# --- columns appended to a sheet ---------------------------------------------------------------------


def set_column_widths(head: str, widths: dict[int, float]) -> str:
    """The sheet's head with these columns at these widths. A <col> range that covers one of them (LibreOffice
    writes ranges up to the last column) is split around it; other columns keep their element as it was."""
    m = re.search(r"<cols>(.*?)</cols>|<cols\s*/>", head, re.S)
    items: list[tuple[int, int, str]] = []  # (min, max, the other attributes)
    if m and m.group(1):
        for cm in re.finditer(r"<col\b([^>]*?)/?>", m.group(1)):
            a = cm.group(1)
            try:
                lo, hi = int(attrs(a)["min"]), int(attrs(a)["max"])
            except (KeyError, ValueError):
                raise OoxmlError("kolombreedte zonder min/max") from None
            rest = re.sub(r'\s+(min|max)="[^"]*"', "", a)
            items.append((lo, hi, rest))
    for col in widths:
        split = []
        for lo, hi, rest in items:
            if lo <= col <= hi:
                if lo < col:
                    split.append((lo, col - 1, rest))
                if col < hi:
                    split.append((col + 1, hi, rest))
            else:
                split.append((lo, hi, rest))
        items = split
    for col, width in widths.items():
        items.append((col, col, f' width="{width:g}" customWidth="1"'))
    block = "<cols>" + "".join(f'<col min="{lo}" max="{hi}"{rest}/>' for lo, hi, rest in sorted(items)) + "</cols>"
    if m:
        return head[:m.start()] + block + head[m.end():]
    return head + block  # <cols> comes right before <sheetData>, where the head ends


def widen_row_ranges(tail: str, first_col: int, old_last: int, new_last: int) -> str:
    """Conditional formats (also Excel's x14 ones) whose range covers whole rows - from the first column to at
    least `old_last` - cover the appended columns up to `new_last` too. Narrower ranges stay as they are."""

    def widen(sqref: str) -> str:
        out = []
        for part in sqref.split():
            m = re.match(r"^(\$?)([A-Za-z]{1,3})(\$?\d+):(\$?)([A-Za-z]{1,3})(\$?\d+)$", part)
            if m and col_index(m.group(2)) <= first_col and old_last <= col_index(m.group(5)) < new_last:
                part = f"{m.group(1)}{m.group(2)}{m.group(3)}:{m.group(4)}{col_letter(new_last)}{m.group(6)}"
            out.append(part)
        return " ".join(out)

    tail = re.sub(r'(<conditionalFormatting\b[^>]*?\ssqref=")([^"]*)(")',
                  lambda m: m.group(1) + widen(m.group(2)) + m.group(3), tail)
    return re.sub(r"(<xm:sqref>)([^<]*)(</xm:sqref>)", lambda m: m.group(1) + widen(m.group(2)) + m.group(3), tail)


_XF = re.compile(r"<xf\b[^>]*?(?:/>|>.*?</xf>)", re.S)


def xf_fills(styles_xml: str) -> list[int]:
    """fillId of each cellXfs entry (0: no fill)."""
    m = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", styles_xml, re.S)
    if not m:
        return []
    return [int(attrs(x.group(0)[:x.group(0).index(">")]).get("fillId", "0")) for x in _XF.finditer(m.group(1))]


def add_filled_xf(styles_xml: str, base: int, fill_id: int) -> tuple[str, int]:
    """styles.xml with a new cellXfs entry: entry `base` (number format, font, alignment) with fill `fill_id`.
    Returns the new XML and the new entry's index."""
    m = re.search(r"(<cellXfs\b[^>]*>)(.*?)(</cellXfs>)", styles_xml, re.S)
    if not m:
        raise OoxmlError("styles.xml zonder cellXfs")
    xfs = list(_XF.finditer(m.group(2)))
    if not 0 <= base < len(xfs):
        raise OoxmlError(f"celopmaak {base} bestaat niet")
    xf = xfs[base].group(0)
    end = xf.index(">")
    open_tag = re.sub(r'\s+(fillId|applyFill)="[^"]*"', "", xf[:end].rstrip("/"))
    xf = f'{open_tag} fillId="{fill_id}" applyFill="1"' + xf[end - (1 if xf[end - 1] == "/" else 0):]
    head = re.sub(r'\scount="\d+"', f' count="{len(xfs) + 1}"', m.group(1))
    new = styles_xml[:m.start()] + head + m.group(2) + xf + m.group(3) + styles_xml[m.end():]
    return new, len(xfs)
