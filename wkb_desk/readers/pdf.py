"""PDF -> text per page (pypdf). Encrypted: the empty password is tried, then quarantine.

Pages without a text layer (scans) are rendered with pypdfium2 and read with text recognition when OCR
settings are given (readers/scans.py); without them they stay marked as scans.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from wkb_desk.config import Limits, OcrSettings
from wkb_desk.errors import CorruptError, EncryptedError
from wkb_desk.grid import NUMBERED_HEADING, under_headings
from wkb_desk.models import Page, ReadResult
from wkb_desk.readers.pdf_layout import field_chars, layout_text

log = logging.getLogger(__name__)
# Below this many characters a page that carries images is taken for a scan without a text layer.
_SCAN_MIN_CHARS = 20


def read_pdf(source: Path | bytes, limits: Limits, ocr: OcrSettings | None = None) -> ReadResult:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly about harmless oddities
    stream = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")
    chars_doc = None
    try:
        try:
            reader = pypdf.PdfReader(stream, strict=False)
            if reader.is_encrypted:
                try:
                    if not reader.decrypt(""):
                        raise _encrypted()
                except (FileNotDecryptedError, NotImplementedError, DependencyError) as exc:
                    raise _encrypted() from exc
            n_pages = len(reader.pages)
        except EncryptedError:
            raise
        except FileNotDecryptedError as exc:
            raise _encrypted() from exc
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError) as exc:
            raise CorruptError(
                f"De PDF is beschadigd en kan niet gelezen worden ({type(exc).__name__}).",
                "Vraag de indiener om het document opnieuw te sturen, of open het en sla het opnieuw op als PDF.",
            ) from exc
        warnings: list[str] = []
        if n_pages > limits.max_paginas:
            warnings.append(f"De PDF heeft {n_pages} pagina's; alleen de eerste {limits.max_paginas} zijn gelezen.")
        pages = []
        # PDFium, once per file: each page's characters for its layout, and the scanned pages as images
        chars_doc = _open_pdfium(source)
        for i in range(min(n_pages, limits.max_paginas)):
            try:
                page = reader.pages[i]
                text = _page_text(page, _char_layout(chars_doc, i, _form_fields(page)))
            except FileNotDecryptedError as exc:
                raise _encrypted() from exc
            except Exception as exc:  # noqa: BLE001 - one bad page must not lose the others
                warnings.append(f"Pagina {i + 1} kon niet gelezen worden ({type(exc).__name__}).")
                pages.append(Page(number=i + 1, text="", is_scan=False))
                continue
            text = text.replace("\x00", "")
            pages.append(Page(number=i + 1, text=text, is_scan=len(text.strip()) < _SCAN_MIN_CHARS and _has_images(page)))
        if ocr is not None and any(p.is_scan for p in pages):
            pages = _recognise_scans(chars_doc, pages, ocr, warnings)
        return ReadResult(content_type="pdf", pages=tuple(pages), warnings=tuple(warnings))
    finally:
        if chars_doc is not None:
            chars_doc.close()
        stream.close()


def _open_pdfium(source: Path | bytes):
    """The file as a PDFium document, or None where PDFium refuses what pypdf repaired (then pypdf's layout is
    read and scans stay unread)."""
    try:
        import pypdfium2 as pdfium

        return pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except Exception:  # noqa: BLE001 - any refusal: the other reader still has the file
        return None


def _char_layout(doc, index: int, fields: list | None = None) -> str | None:
    """Page `index` laid out from its characters' positions (pdf_layout), or None (then pypdf's layout); a filled-in
    form's `fields` ((rect, value, size), _form_fields) are laid out where they stand."""
    if doc is None:
        return None
    try:
        page = doc[index]
        textpage = page.get_textpage()
        try:
            extra = field_chars(fields, textpage) if fields else []
            return layout_text(textpage, extra)
        finally:
            textpage.close()
            page.close()
    except Exception:  # noqa: BLE001 - one odd page: pypdf's layout for it
        return None


_CELL_GAP = re.compile(r" {3,}")  # in layout text: the white between a label and a value or two columns
_LABEL_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Za-zÀ-ÿ])")  # "3.1 Naam", "3 Gegevens van ..."
_LABELLED = re.compile(r"^[^:\d]{2,40}:\s*\S")  # "Naam: A" - a label with its value in one cell


@dataclass
class _Row:
    cells: list[tuple[int, str]]  # (column where the cell starts, text)

    @property
    def indent(self) -> int:
        return self.cells[0][0]


def _page_text(page, laid_out: str | None = None) -> str:
    """The page's text as it is laid out: a line is what stands side by side, a wide gap a cell boundary (TAB).

    Plain extraction follows the content stream, which interleaves the cells of a form or two columns drawn row
    by row ("Naam: A" / "Naam: B" on lines of their own) and loses which value stands next to which label; the
    layout keeps the page's own rows, as a DOCX table or an OCR'd page gives them. Two columns of "Label: value"
    pairs side by side are read column by column. A page the layout mode cannot lay out falls back to the plain
    text.
    """
    laid = laid_out
    try:
        if laid is None:
            laid = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False)
    except Exception:  # noqa: BLE001 - an odd font or matrix: the plain text is still good
        laid = None
    if not laid or not laid.strip():
        return page.extract_text() or ""
    rows: list[_Row] = []
    for raw in laid.splitlines():
        if not raw.strip():
            continue
        cells, pos = [], 0
        for part in _CELL_GAP.split(raw):
            at = raw.index(part, pos) if part else pos
            pos = at + len(part)
            if part.strip():
                cells.append((at, part.strip()))
        row = _Row(cells)
        if rows and _continues_label(rows[-1], row):
            last = rows[-1].cells[0]
            rows[-1].cells[0] = (last[0], f"{last[1]} {cells[0][1]}")  # "Verwachte datum" / "ingebruikname:"
            continue
        if rows and _continues_value(rows[-1], row):
            last = rows[-1].cells[-1]
            rows[-1].cells[-1] = (last[0], f"{last[1]} {cells[0][1]}")  # "The Borging" / "Company"
            continue
        if rows and _continues_cells(rows[-1], row):
            _join_cells(rows[-1], row)  # "Naam | Woonstichting De" / "initiatiefnemer | Eemhof": a row wrapped in cells
            continue
        rows.append(row)
    _join_labels_around_values(rows)
    ordered = _reading_order(rows)
    return "\n".join("\t".join(text for _, text in under_headings(cells, ordered[i - 1] if i else None, 2))
                     for i, cells in enumerate(ordered))


def _join_labels_around_values(rows: list[_Row]) -> None:
    """A label of two lines with its value set between them, centred on the pair ("Wanneer wordt het bouwwerk in
    gebruik" / "1 september 2026" / "genomen?"): one row of the whole label and its value."""
    k = 0
    while k + 2 < len(rows):
        a, b, c = rows[k].cells, rows[k + 1].cells, rows[k + 2].cells
        if len(a) == len(b) == len(c) == 1 and abs(a[0][0] - c[0][0]) <= 1 and b[0][0] > a[0][0] + 10 \
                and not any(ch.isdigit() for ch in a[0][1]) and not _ends_sentence(a[0][1]) \
                and len(c[0][1]) <= 40 and (c[0][1][:1].islower() or c[0][1].endswith(("?", ":"))):
            rows[k] = _Row([(a[0][0], f"{a[0][1]} {c[0][1]}"), b[0]])
            del rows[k + 1: k + 3]
        k += 1


# a label that ends in one of these words goes on in the line below ("Nummer van uw verzoek in het" / "Omgevingsloket")
_OPEN_END = frozenset("de het een van in voor naar op bij en of der te met door aan waarop waarin".split())


def _continues_label(prev: _Row, row: _Row) -> bool:
    """A line that is only the rest of the label cell above it, in the label's column: it ends the label with a
    colon, or it goes on in lower case ("Toegelaten instrument voor" / "kwaliteitsborging"), or the label above
    breaks off after a word that cannot end it."""
    text = row.cells[0][1]
    if len(row.cells) != 1 or len(prev.cells) < 2 or abs(row.indent - prev.indent) > 1 or len(text) > 40:
        return False
    label = prev.cells[0][1]
    if label.endswith(":") or any(ch.isdigit() for ch in text):
        return False
    if text.endswith(":"):
        return text[:1].islower()
    words = label.split()
    return not text.endswith((".", "?", "!")) and (text[:1].islower() or (len(words) > 1 and words[-1] in _OPEN_END))


def _continues_value(prev: _Row, row: _Row) -> bool:
    """A line that is only the rest of the value beside a label ("Kwaliteitsborger  The Borging" / "Company"):
    one short cell exactly under the value, in a row of a label and its value; no label, no number of its own."""
    if len(row.cells) != 1 or len(prev.cells) != 2:
        return False
    (_, label), (at, value) = prev.cells
    text = row.cells[0][1]
    return (abs(row.indent - at) <= 1 and len(text) <= 30 and len(label) <= 40 and not any(c.isdigit() for c in label)
            and not label.endswith(".") and not text.endswith(":") and not any(c.isdigit() for c in text)
            and not value.rstrip().endswith((".", ":", ";")) and not any(c.isdigit() for c in value[-6:]))


_HOUSE_NUMBER = re.compile(r"\d{1,5}\s?[A-Za-z]?(?:-\d{1,4})?")
_STREET_END = re.compile(r"(?i)(?:straat|weg|laan|plein|dijk|pad|kade|singel|gracht|steeg|hof|dreef|markt|park|baan|veld|"
                         r"ring|allee|erf|es|brink|akker|kamp|horst)$")
_OPEN_NUMBER = re.compile(r"(?i)\b(?:nummer|nr\.?|perceel|perceelnummer|sectie)$")
_LEGAL_FORM = re.compile(r"^(?:B\.V\.|N\.V\.|V\.O\.F\.|C\.V\.|BV|VOF)(?:\s|$)")


def _continues_cells(prev: _Row, row: _Row) -> bool:
    """A table row printed from Word whose narrow cells wrap: the next line holds the rest of some cells, each
    exactly under its cell ("Naam | Woonstichting De | KvK-nummer | 3204..." / "initiatiefnemer | Eemhof"). The
    rest of the label column goes on in lower case (or in brackets: "(rechtspersoon)"); without it, every part
    must (the rest of a name: "B.V.", "instrument voor"). A row of its own starts with a capital in its first
    column, so a table whose first column is merged over several rows stays as rows."""
    if not 2 <= len(prev.cells) <= 4 or len(row.cells) > len(prev.cells):
        return False
    starts = [at for at, _ in prev.cells]
    if any(min(abs(at - s) for s in starts) > 2 for at, _ in row.cells):
        return False
    if any(text.endswith(":") for _, text in row.cells) or any(text.endswith(":") for _, text in prev.cells):
        return False

    def goes_on(text: str, over: str) -> bool:
        # (a number under a value that breaks off before it: "gemeente Harderwijk, sectie K, nummer" / "2291")
        return text[:1].islower() or text[:1] == "(" or bool(_LEGAL_FORM.match(text)) or (
            text.isdigit() and len(text) <= 6 and bool(_OPEN_NUMBER.search(over))) or (
            bool(_HOUSE_NUMBER.fullmatch(text)) and bool(_STREET_END.search(over)))  # "Burgemeester Backxlaan" / "221"
    first = [text for at, text in row.cells if abs(at - starts[0]) <= 2]
    if first:
        return goes_on(first[0], prev.cells[0][1]) and len(first[0]) <= 40
    # with the label column empty, a part under a value cell may also be a capitalised rest of a name (a name wrapped
    # in its cell: "Opdrachtgever | Metaaltechniek Klein | Aannemer | Hulshof" / "| Gunnewiek B.V. | | Bouw B.V.")
    # (a tick "X" in the first column is no label: the lines of a checklist stay apart)
    pairs = len(prev.cells) in (2, 4) and len(prev.cells[0][1]) >= 3
    return all(goes_on(text, prev.cells[_cell_above(prev, at)][1]) or pairs and _cell_above(prev, at) % 2 == 1
               and len(text) <= 40 and not any(c.isdigit() for c in text)
               and not _ends_sentence(prev.cells[_cell_above(prev, at)][1]) for at, text in row.cells)


def _ends_sentence(text: str) -> bool:
    """"... wordt bijgewerkt." ends a sentence; initials ("mevrouw A.M.") or "B.V." do not."""
    last = text.rstrip().rsplit(" ", 1)[-1]
    return text.rstrip().endswith(("?", "!", ";")) or last.endswith(".") and len(last.replace(".", "")) > 3


def _cell_above(prev: _Row, at: int) -> int:
    """The index of the cell of `prev` whose column is nearest to `at`."""
    return min(range(len(prev.cells)), key=lambda i: abs(prev.cells[i][0] - at))


def _join_cells(prev: _Row, row: _Row) -> None:
    for at, text in row.cells:
        k = _cell_above(prev, at)
        start, above = prev.cells[k]
        # a single word too long for its cell breaks without a hyphen, its tail short ("Correspondentieadr" / "es")
        glue = "" if " " not in above and text[:1].islower() and len(above) >= 12 and len(text) <= 4 else " "
        prev.cells[k] = (start, f"{above}{glue}{text}")


def _reading_order(rows: list[_Row]) -> list[list[tuple[int, str]]]:
    """Rows as lines; a block of two columns of "Label: value" pairs becomes its left column, then its right."""
    out: list[list[tuple[int, str]]] = []
    k = 0
    while k < len(rows):
        block = _prose_columns(rows, k) or _column_block(rows, k) or _stacked_block(rows, k) or _sidebar_block(rows, k) \
            or _left_sidebar_block(rows, k)
        if block is None:
            out.append(rows[k].cells)
            k += 1
            continue
        gutter, end = block
        for side in (lambda c: c[0] < gutter, lambda c: c[0] >= gutter):
            out.extend(kept for r in rows[k:end] if (kept := [c for c in r.cells if side(c)]))
        k = end
    return out


_SENTENCE_END = (".", ":", ";", "?", "!")


def _prose_columns(rows: list[_Row], k: int) -> tuple[int, int] | None:
    """(gutter column, end row) when rows[k:] are a page set in two newspaper columns: on both sides lines of running
    text that fill their column and wrap on into the next line. Read down the left column, then the right.

    A form's labels beside their values do not fill the left column and do not wrap on; a table of three or more
    columns has several cells on its right in most rows. Both stay as rows.
    """
    if len(rows[k].cells) != 2:
        return None
    gutter = rows[k].cells[1][0]
    if gutter < 30:
        return None
    end, left, right, multi = k, [], [], 0
    while end < len(rows):
        cells = rows[end].cells
        if any(at < gutter - 2 and at + len(text) > gutter - 2 for at, text in cells):
            break  # a line runs across the gutter: the columns have ended
        lside = [c for c in cells if c[0] < gutter - 2]
        rside = [c for c in cells if c[0] >= gutter - 2]
        if len(lside) > 1:
            break  # the left column holds one cell per line
        if lside:
            left.append(lside[0])
        if rside:
            right.append(" ".join(t for _, t in rside))
            multi += len(rside) > 1
        end += 1
    if end - k < 6 or len(left) < 4 or len(right) < 4 or multi * 5 > len(right) * 2:
        return None
    width = max(at + len(text) for at, text in left)
    full = sum(at + len(text) >= 0.7 * width for at, text in left)

    def wraps(texts: list[str]) -> int:
        return sum(len(a) >= 25 and not a.endswith(_SENTENCE_END) and b[:1].islower() for a, b in zip(texts, texts[1:]))
    if full * 5 < len(left) * 2 or wraps([t for _, t in left]) < 2 or wraps(right) < 1:
        return None
    return gutter - 2, end


def _column_block(rows: list[_Row], k: int) -> tuple[int, int] | None:
    """(gutter column, end row) when rows[k:] start a block of two columns that each hold their own pairs.

    The gutter is the white band between the columns, narrowed row by row to what every row leaves free: a
    right column whose labels are set flush right starts each label at its own column. Inside the block a row may
    fill one column only (columns of unequal length) when it is a pair itself; a heading or a text line of one
    side ends it, as does anything that runs across the gutter.
    """
    first = rows[k].cells
    for j in range(1, len(first)):
        lo, hi = first[j - 1][0] + len(first[j - 1][1]), first[j][0]
        end, two_sided, both = k, 0, 0
        while end < len(rows):
            cells = rows[end].cells
            band = (lo, hi)
            left, right = [], []
            for at, text in cells:
                stop = at + len(text)
                if at <= band[0] and stop >= band[1]:
                    band = None  # a cell runs across the gutter: the block has ended
                    break
                if (at + stop) / 2 < (band[0] + band[1]) / 2:
                    left.append(text)
                    band = (max(band[0], stop), band[1])
                else:
                    right.append(text)
                    band = (band[0], min(band[1], at))
            if band is None or band[1] - band[0] < 2:
                break
            if left and right:
                two_sided += 1
                both += _is_pair(left) and _is_pair(right)
            elif end == k or not _is_pair(left or right):
                break
            lo, hi = band
            end += 1
        heading = len(first) == 2 and not any(":" in t or any(ch.isdigit() for ch in t) for _, t in first)
        if both >= 2 and both * 5 >= two_sided * 2 or heading and both >= 1 and both * 2 >= two_sided - 1:
            return (lo + hi + 1) // 2, end
    return None


def _is_pair(cells: list[str]) -> bool:
    """One column's part of a row is a label with its value: "Naam: A" in one cell, or "Naam" | "A" in two."""
    if len(cells) == 1:
        return bool(_LABELLED.match(cells[0]))
    return len(cells) == 2 and len(cells[0]) <= 40 and not any(ch.isdigit() for ch in cells[0])


_SPANNING_HEADING = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?: [a-zà-ÿ]+){0,4}\??$")  # "Locatie", "Waar wordt gebouwd?"


def _stacked_block(rows: list[_Row], k: int) -> tuple[int, int] | None:
    """(gutter column, end row) for two columns of labels above their values ("Bouwlocatie / Straat / Deventerweg"
    beside "Partijen / Initiatiefnemer / Ter Haar V.O.F."): each row one cell per column at most, and in each
    column values (with digits) alternate with labels (without). A table of labels beside values has no digits
    in its left column, and stays as rows.
    """
    if len(rows[k].cells) != 2:
        return None
    indent, gutter = rows[k].cells[0][0], rows[k].cells[1][0]
    end, sides = k, ([], [])
    while end < len(rows):
        cells = rows[end].cells
        if len(cells) > 2 or any(at < gutter - 2 < gutter + 2 < at + len(text) for at, text in cells) or \
                any(abs(at - indent) > 2 and abs(at - gutter) > 2 for at, _ in cells) or \
                end > k and len(cells) == 1 and NUMBERED_HEADING.match(cells[0][1]):
            break  # ... and a numbered heading across the page ("3 Initiatiefnemer") opens the next part
        for at, text in cells:
            sides[abs(at - gutter) <= 2].append(text)
        end += 1
    if end - k < 6 or min(len(sides[0]), len(sides[1])) < 4:
        return None
    if len(sides[1]) < 0.6 * (end - k):
        return None  # a right column in a few rows only: values beside their labels in a form that goes on below
    # a grid of cards under headings that span the page ("Locatie" over "STRAATNAAM | HUISNUMMER" over
    # "Toortsstraat | 27"): each heading heads both columns, so the rows are read as rows
    spanning = sum(1 for j in range(k, end - 1) if len(rows[j].cells) == 1 and abs(rows[j].cells[0][0] - indent) <= 2
                   and _SPANNING_HEADING.match(rows[j].cells[0][1]) and len(rows[j + 1].cells) == 2)
    if spanning >= 2:
        return None
    # side by side, two stacked columns hold the same kind of line: a label beside a label, a value beside a value.
    # A label (no digits) beside a number is a label with its value: a form's table that wraps its labels
    pairs_beside = [r.cells for r in rows[k:end] if len(r.cells) == 2]
    beside = sum(not any(ch.isdigit() for ch in a) and any(ch.isdigit() for ch in b) for (_, a), (_, b) in pairs_beside)
    if beside * 2 > len(pairs_beside):
        return None
    digits = sum(any(ch.isdigit() for ch in t) for t in sides[0]) / len(sides[0])
    pairs = sum(bool(t.endswith(":") or _LABELLED.match(t)) for side in sides for t in side)
    if not 0.2 <= digits <= 0.8 or pairs > max(1, (len(sides[0]) + len(sides[1])) // 10):
        return None  # the left column holds no values (labels beside values), or the cells are pairs themselves
    # stacked, the left column goes label, value, label, value: a label (no digits) over a value (digits) again and
    # again. Labels beside their values with a few numbered rows among them ("R1 Fundering ...") do not
    over = sum(1 for a, b in zip(sides[0], sides[0][1:]) if not any(ch.isdigit() for ch in a)
               and any(ch.isdigit() for ch in b))
    if over * 4 < len(sides[0]):
        return None
    return gutter - 2, end


SIDEBAR_MIN = 6  # cells of a sidebar's column before it is read as a column of its own
SHORT_LABEL = 25  # characters: a table's label beside its value, never a line of the running text beside a sidebar


def _sidebar_block(rows: list[_Row], k: int) -> tuple[int, int] | None:
    """(gutter column, end row) for a sidebar beside running text ("Projectgegevens / Verzoeknummer / 2027... /
    Datum indiening / 26.05.2027" in a narrow box right of the letter's paragraphs): the right column holds short
    labels above their values, the left one lines of text. Read side by side, each value would end a sentence.
    A table of labels beside values (short labels left, values right) is no sidebar and stays as rows.
    """
    if len(rows[k].cells) != 2:
        return None
    gutter = rows[k].cells[1][0]
    end, right, lefts, beside, short_beside, both = k, [], [], 0, 0, 0
    while end < len(rows):
        cells = rows[end].cells
        side = [(at, text) for at, text in cells if abs(at - gutter) <= 2]
        if len(side) > 1 or any(at < gutter - 2 and at + len(text) > gutter - 1 for at, text in cells) \
                or any(at > gutter + 2 for at, _ in cells):
            break  # a cell across the gutter, or a third column: the block has ended
        if not side and end > k and not any(r.cells[-1][0] >= gutter - 2 for r in rows[end + 1:end + 3]):
            break  # the sidebar has ended (a line or two of text alone may stand beside a gap in it)
        right.extend(text for _, text in side)
        # (a form's numbered labels, "3.1 Naam", hold figures no value holds: the number is no part of the label)
        left = [_LABEL_NUMBER.sub("", text, 1) for at, text in cells if at < gutter - 2]
        lefts.extend(left)
        beside += bool(side and left and left[-1].rstrip().endswith(":"))  # "Kwaliteitsborger: | WTT": a pair
        # ("Bouwadres | Larenseweg 88 B, ...", "Opdrachtgever | H. Duinmeijer": a short label beside each value)
        short_beside += bool(side and left and len(left[-1].strip()) <= SHORT_LABEL
                             and not any(ch.isdigit() for ch in left[-1]))
        both += bool(side and left)
        end += 1
    if len(right) < SIDEBAR_MIN or not lefts or any(len(t) > 45 for t in right) or beside * 4 > len(right) \
            or short_beside * 2 >= both:
        return None
    digits = sum(any(ch.isdigit() for ch in t) for t in right) / len(right)
    # running text, or a column that holds values of its own: not a column of labels beside their values
    long_left = sorted(len(t) for t in lefts)[len(lefts) // 2] >= 25 or \
        sum(any(ch.isdigit() for ch in t) for t in lefts) >= 2
    # stacked: a label (no digits) over its value (digits) again and again down the sidebar
    stacked = sum(1 for a, b in zip(right, right[1:]) if not any(ch.isdigit() for ch in a)
                  and any(ch.isdigit() for ch in b))
    if not 0.25 <= digits <= 0.75 or not long_left or stacked * 3 < len(right):
        return None
    return gutter - 2, end


def _left_sidebar_block(rows: list[_Row], k: int) -> tuple[int, int] | None:
    """(gutter column, end row) for a sidebar of project data left of a letter ("Bouwlocatie / Kerkweg 9 / 2451 AB
    Leimuiden" down a grey band, the addressee and the letter's paragraphs beside it): the left column holds short
    labels above their values, the right one the letter's lines. Read side by side, the site's address would run
    into the municipality's Postbus beside it. Labels beside their values (no figures on the left) stay as rows.
    """
    margin = rows[k].indent
    gutter = next((c[0] for r in rows[k:k + 4] for c in r.cells if c[0] > margin + 10), None)
    if gutter is None:
        return None
    end, left, right, both = k, [], [], 0
    while end < len(rows):
        cells = rows[end].cells
        rside = [(at, t) for at, t in cells if abs(at - gutter) <= 2]
        # (a cell beside one at the gutter ends before it, however long it reads: "Bloembollenbedrijf Gebr. Van" and
        # "der Zon B.V." were joined as one value)
        lside = [(at, t) for at, t in cells if abs(at - margin) <= 2 and (rside or at + len(t) < gutter - 1)]
        if len(lside) > 1 or len(rside) > 1 or len(lside) + len(rside) != len(cells):
            break  # a cell across the gutter, or a third column: the block has ended
        left.extend(_LABEL_NUMBER.sub("", t, 1) for _, t in lside)  # ("3. Opdrachtgever": the number is no value)
        right.extend(t for _, t in rside)
        both += bool(lside and rside)
        end += 1
    # (a form's labels beside their values fill both sides of nearly every row; a sidebar and a letter beside it
    # run on their own, side by side in a part of the rows only)
    if len(left) < SIDEBAR_MIN or len(right) < 4 or both < 3 or both * 3 > (end - k) * 2 \
            or any(len(t) > 45 for t in left):
        return None
    digits = sum(any(ch.isdigit() for ch in t) for t in left) / len(left)
    stacked = sum(1 for a, b in zip(left, left[1:]) if not any(ch.isdigit() for ch in a)
                  and any(ch.isdigit() for ch in b))
    # (the letter beside a sidebar runs on in long lines; a form's values are short)
    prose = sum(len(t) >= 45 for t in right) >= 2
    if not 0.2 <= digits <= 0.75 or stacked * 6 < len(left) or not prose:
        return None
    return gutter - 2, end


def _recognise_scans(doc, pages: list[Page], ocr: OcrSettings, warnings: list[str]) -> list[Page]:
    """OCR of the scanned pages, rendered by PDFium from `doc` (the reader's own document; None: PDFium refused)."""
    from wkb_desk.readers.scans import recognise_pages

    scans = [p.number for p in pages if p.is_scan]
    if len(scans) > ocr.max_paginas:
        warnings.append(
            f"De PDF heeft {len(scans)} gescande pagina's; tekstherkenning is gedaan op de eerste {ocr.max_paginas} "
            "(ocr.max_paginas)."
        )
        scans = scans[: ocr.max_paginas]
    if doc is None:  # pdfium refuses what pypdf repaired: the pages stay scans
        warnings.append("De gescande pagina's konden niet als afbeelding geopend worden (PDFium weigert het bestand).")
        return pages
    scale = ocr.dpi / 72

    def render(number: int):
        return doc[number - 1].render(scale=scale, grayscale=True).to_pil()

    read, ocr_warnings = recognise_pages([(n, lambda n=n: render(n)) for n in scans], ocr)
    warnings.extend(ocr_warnings)
    by_number = {p.number: p for p in read}
    return [by_number.get(p.number, p) for p in pages]


def _has_images(page) -> bool:
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for obj in xobjects.values():
            if obj.get_object().get("/Subtype") == "/Image":
                return True
    except Exception:  # noqa: BLE001 - a broken resource dictionary: assume no image
        return False
    return False


MAX_FIELDS = 500  # form fields of one page that are read (a form has tens)
_TYPE_SIZE = re.compile(rb"(\d+(?:\.\d+)?)\s+Tf")
_TICK, _NO_TICK = "\u2612", "\u2610"  # ☒ ☐: read as the boxes a printed form shows (extract/locate)


def _form_fields(page) -> list[tuple[tuple[float, float, float, float], str, float]]:
    """A page's filled-in form fields as (rect, value, type size): text and choice fields their text, check boxes
    and radio buttons a ticked or empty box. Values of a form filled in on screen (AcroForm) live in these fields,
    not in the page's text. Hidden fields and a page whose annotations cannot be read give nothing."""
    out: list[tuple[tuple[float, float, float, float], str, float]] = []
    try:
        annots = page.get("/Annots") or []
        for ref in list(annots)[:MAX_FIELDS]:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget" or int(annot.get("/F", 0)) & 2:
                continue
            field = annot
            for _ in range(4):  # type and value may sit on the parent field ("Adres" with one widget per page)
                if "/FT" in field or "/Parent" not in field:
                    break
                field = field["/Parent"].get_object()
            kind, value = field.get("/FT"), field.get("/V", annot.get("/V"))
            rect = tuple(float(v) for v in annot.get("/Rect", (0, 0, 0, 0)))
            left, bottom, right, top = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
            if kind == "/Btn":
                state = annot.get("/AS") or value
                text = _TICK if state is not None and str(state) not in ("/Off", "Off", "") else _NO_TICK
            elif kind in ("/Tx", "/Ch") and value is not None:
                text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
            else:
                continue
            size = _TYPE_SIZE.search(str(field.get("/DA", annot.get("/DA", ""))).encode())
            out.append(((left, bottom, right, top), text, float(size.group(1)) if size else 0.0))
    except Exception:  # noqa: BLE001 - a damaged form: the page's printed text still reads
        return out
    return out


def _encrypted() -> EncryptedError:
    return EncryptedError(
        "De PDF is beveiligd met een wachtwoord.",
        "Vraag de indiener om een onbeveiligde versie en zet die in de inbox.",
    )
