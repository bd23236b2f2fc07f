"""Lines with their context: page, region, sender zone and section.

A document's text becomes a list of `Line`s once; every later step scans these lines, never the
whole text again. Here we decide which lines belong to someone's letterhead, footer or contact
block (never the project's location) and which party's section a line sits in.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass

from wkb_desk.extract import keys as export_keys
from wkb_desk.extract.normalize import clean_text, find_postcode, has_bsn_label, scrub_bsn
from wkb_desk.extract.reference import Reference, norm_label
from wkb_desk.models import ReadResult

MAX_LINE = 2000  # characters of one line that are scanned; the rest is ignored
MAX_LINES = 20000  # lines of one document that are scanned
MAX_CELLS = 40
MAX_CHARS = 2_000_000  # characters of one document that are scanned (a Wkb document has far fewer)


class _once:
    """A property computed on first use and then kept on the instance, like functools.cached_property without its
    lock (Python 3.11 takes one on every first use: many thousands of lines per document)."""

    def __init__(self, func):
        self.func, self.name = func, func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass
class Line:
    pos: int  # index in the document's line list
    page: int
    region: str  # body | header | footer
    text: str
    sender: bool = False  # letterhead, footer, contact block: a party's own data
    section: str = ""  # normalised heading of the block the line sits in
    party: bool = False  # that heading opens a party's block (applicant, KB, contractor ...)
    heading: bool = False  # the line itself is a section heading
    party_kind: str = ""  # whose block: melder | aanvrager | kwaliteitsborger | bouwer | project | ""
    ticked: bool = False  # a ticked box was read on the line (the box itself is gone from the text)
    right_kind: str = ""  # two columns flowed into one line: whose block the right-hand column is

    @property
    def cells(self) -> list[str]:
        return self.text.split("\t")[:MAX_CELLS]

    # computed once, after the text is final (wrapped labels joined, BSN scrubbed)
    @_once
    def contact(self) -> bool:
        return is_contact_line(self.text)

    @_once
    def head(self) -> str:
        """The line as a heading: numbering removed, normalised; empty when it cannot be a heading."""
        if not self.text or "\t" in self.text or len(self.text) > 60:
            return ""
        return norm_label(_NUMBERING.sub("", self.text))


# matched against lower-cased text (IGNORECASE is several times slower); the phone pattern only runs
# when the line has a phone-like word, which keeps this cheap on every line of a document
_CONTACT_WORDS = re.compile(
    r"\b(?:postbus|bezoekadres|vestigingsadres|correspondentieadres|postadres|kantooradres|kvk|iban|btw)\b"
    r"|k\.v\.k\.|@|\bwww\.|\bhttps?://"
)
_CONTACT_LITERALS = ("postbus", "adres", "kvk", "iban", "btw", "k.v.k.", "@", "www.", "http")  # one is in every match
_CONTACT_LITERAL = re.compile("|".join(re.escape(w) for w in _CONTACT_LITERALS))
_PHONE = re.compile(r"(?:^|(?<=\s))(?:t|tel\.?|telefoon|f|fax)\s?[:.]?\s?\+?\(?0?\d[\d \-()]{5,}")
_SEPARATED = re.compile(r"[·|•]")
_ADDRESSY = re.compile(r"(?<![\d])[1-9]\d{3}\s?[A-Z]{2}(?![A-Za-z])|^[A-Z][A-Za-zÀ-ÿ'.\- ]{2,40}\s\d{1,5}[a-zA-Z]?$")
# where a letterhead ends at the latest: the subject line, the salutation
_LETTER_BODY = re.compile(r"^\s*(?:betreft|onderwerp|inzake|geachte|beste)\b", re.IGNORECASE)
# "3.", "3.2", and a form's lettered parts ("A.", "B)") before a heading
# ("3  Initiatiefnemer", "2.1 Locatie", "C. Locatie", "C  Initiatiefnemer": a form's sections by number or letter)
_NUMBERING = re.compile(r"^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-H][.)])\s+|[A-H]\s{2,})")
_NEWLINE = re.compile(r"\r\n|\n|\r")
# a heading with its Dutch in brackets, both in capitals or both capitalised ("Oare adressen (Overige adressen)"); a
# name with its role ("J.W. Dekker (initiatiefnemer)", "Jan Smit (Initiatiefnemer)") is none
_TRANSLATED_HEAD = re.compile(r"^(?:[A-ZÀ-Ý\- ]{3,40} \([A-ZÀ-Ý\- ]{3,40}\)|[A-ZÀ-Ý][a-zà-ÿ\-]+(?: [a-zà-ÿ\-]+){0,2} "
                              r"\([A-ZÀ-Ý][a-zà-ÿ\- ]{2,40}\))$")
# "2.1<TAB>Wat is het adres van de bouwlocatie?": a question's number set in its own column is part of its label
_SUBNUMBER_CELL = re.compile(r"^(\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?)\t(?=[A-Za-zÀ-ÿ][^\t]*(?:\t|$))")
# an e-mail's header lines ("Onderwerp: ... start bouw", "Datum: Thu, 11 Jun 2026"): no sentences of its body
MAIL_HEADER = re.compile(r"(?i)\s{0,4}(?:onderwerp|subject|van|from|aan|to|datum|date|verzonden|sent|cc)\s*:")
_NUMBERED_HEAD = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÀ-Ý][a-zà-ÿ]")
_SENTENCE_END_LINE = re.compile(r"^[a-zà-ÿ][a-zà-ÿ]+\s(?:\S+\s){2,}\S*\w[.!?]$")
_SENTENCE_LINE = re.compile(r"^(?=.{60,}$)[A-ZÀ-Ý].*\s\w+\s\w+\s.*[\w)][.:]$")


CONTACT_MAX = 160  # characters: a letterhead's or signature's contact line is shorter than a paragraph
# the mark before a portal's answer, on its own line under the question or in front of the value
ANSWER_MARK = re.compile(r"(?i)^\s*(?:antwoord|answer|antw\.)\s*:\s*")


def is_contact_line(text: str) -> bool:
    if len(text) > CONTACT_MAX and "\t" not in text and is_prose(text):
        return False  # a paragraph that mentions a "postadres" or a phone number is no contact block
    low = text[:400].lower()
    if _CONTACT_LITERAL.search(low) and _CONTACT_WORDS.search(low):
        return True
    return bool((" t" in low or low.startswith(("t", "f")) or "tel" in low or " f" in low) and _PHONE.search(low))


# A dotted or ruled leader between a label and its value ("Verzoeknummer ........ 2026031202940", typewriter and
# zaaksysteem print-outs) is the cell boundary a form's table would have; dots then a blank ("...... ____12____") are one.
_BLANK_AFTER = re.compile(r"[ \t]*(?:_{3,}|\.{4,}|…{2,})[ \t]*(?=\t|$)", re.MULTILINE)
# a portal's question closed by a colon instead of a question mark ("Op welke datum heeft u dit verzoek ingediend:
# 08-02-2027"): the colon after a line's opening question words
_QUESTION_COLON = re.compile(r"(?im)^(?=(?:op |in |bij |met |voor |aan |van |door )?(?:wat|welk|welke|wanneer|waar|"
                             r"wie|hoeveel|hoe|heeft u|hebt u|is de|is het|zijn de|wordt|komt)\b)([^:?\n\t]{8,160}):(?=\s)")
# a label and its value joined by an equals sign, as typed in a plain mail ("Verzoeknummer = 2027040700233"):
# read as the colon it stands for (only after words at a line's start; a cell that starts with "=" stays as it is)
_EQUALS_SEP = re.compile(r"(?m)^([ \t]*[A-Za-zÀ-ÿ][^=\t\n:?]{0,60}?)[ \t]+=[ \t]+(?=\S)")
# a bulleted list of labels, each with its value after a dash ("• Initiatiefnemer – Haatland Opslag B.V."): the dash
# stands for a colon (only after a bullet: "Gemeente Urk – afdeling VTH" or a title with a dash stays as it is)
_BULLET_DASH = re.compile(r"(?m)^[ \t]*[•▪◦‣][ \t]*([A-Za-zÀ-ÿ][^–—\t\n:?]{0,50}?)[ \t]+[–—-][ \t]+(?=\S)")
_BULLETS = ("•", "▪", "◦", "‣")
# a word hyphenated over a line end, as in text pasted from a PDF ("Initiatief-" / "nemer", "kwaliteits-" / "borging:"):
# one word again (a capital after the break is a compound's own part: "Noord-" / "Holland" stays)
_HYPHEN_BREAK = re.compile(r"(?<=[a-zà-ÿ]{2})-\n(?=[a-zà-ÿ]{2})")
# a pipe between spaces separates cells the way a TAB does in a table's text
_PIPE_CELL = re.compile(r"[ \t]+\|[ \t]+")
# (a long label leaves its leader two dots: "Datum voorgenomen ingebruikname .. 22-11-2027"; three between spaces
# may be a sentence's ellipsis and stay)
_LEADER = re.compile(r"(?<=\S)[ \t]*(?:(?:\.{4,}|_{4,}|…{2,}|(?:\. ){3,}\.?|-{4,}|(?<=[ \t])\.\.(?=[ \t]))[ \t]*)+:?[ \t]*"
                     r"(?=\S)")
_LEADER_LITERALS = ("....", "____", "……", ". . .", "----", " .. ")  # every leader holds one of these


# A form's note between a label and its value ("KvK-nr. | (verplicht) | 69121052", "Huisnr. | * | 41 B"): no cell
_NOTE_CELL = re.compile(r"^\s*(?:\*{1,3}|\([^()]{1,40}\))\s*$")


def _drop_notes(text: str) -> str:
    if text.count("\t") < 2:
        return text
    cells = text.split("\t")
    kept = [c for k, c in enumerate(cells) if not (0 < k < len(cells) - 1 and _NOTE_CELL.match(c))]
    return "\t".join(kept)


# A form's tick boxes: an option not ticked ("[ ] Gevolgklasse 2", "☐ Aanvraag") states nothing and is left out; a
# ticked one ("[x] Gevolgklasse 1") keeps its words without the box. An option runs to the next box or cell.
# (a check mark ticks, a cross does not: "✔ Verklaring", "✘ Tekeningen")
_BOX = re.compile(r"(\[\s{0,2}\]|☐|□|\[[xX✓✔]\]|☒|☑|✓|✔|✗|✘|✕)[ \t]?([^\t\[☐□☒☑✓✔✗✘✕]*)")
_BOX_CHARS = ("[", "☐", "□", "☒", "☑", "✓", "✔", "✗", "✘", "✕")
_TICKED = frozenset(("☒", "☑", "[x]", "[X]", "[✓]", "[✔]", "✓", "✔"))


_BOX_CHAR = re.compile("[" + re.escape("".join(_BOX_CHARS)) + "]")  # (one C scan instead of a test per character)


def _ticked_only(text: str) -> str:
    if not _BOX_CHAR.search(text):
        return text
    out = _BOX.sub(lambda m: m.group(2) if m.group(1) in _TICKED else "", text)
    return out.strip(" ") if out != text else text


_QUOTE = re.compile(r"^(?:[ \t]{0,2}>[ \t]?)+")
# a case system's section banner: "--- GEGEVENS MELDING -------", "=== Locatie ==="
_BANNER = re.compile(r"^[-=_*#~]{2,}\s*([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ /&'-]{1,48}?)\s*[-=_*#~]{2,}$")


def _banner(text: str) -> str:
    """A banner's words as the heading they are, in sentence case ("Gegevens melding")."""
    m = _BANNER.match(text.strip()) if text.lstrip()[:1] in ("-", "=", "_", "*", "#", "~") else None
    if not m:
        return text
    words = m.group(1).strip()
    return words[:1].upper() + words[1:].lower() if words.isupper() else words


# a word set with a space between its letters (four letters or more), as a designer sets a title or a label
# ("B O R G I N G S P L A N", "B o u w a d r e s")
_SPACED_WORD = re.compile(r"(?<![^\s\t])(?:[A-Za-zÀ-ÿ] ){3,}[A-Za-zÀ-ÿ](?![^\s\t])")
_SPACED_HINT = re.compile(r"[A-Za-z] [A-Za-z] [A-Za-z] [A-Za-z]")


# (and a 1 or 0 for an I or an O: "VERKLAR1NG", "KWALITElTSBORGER")
_CAPS_WITH_L = re.compile(r"\b[A-Z]{2,}[l10][A-Z]+\b|\b[A-Z]+[l10][A-Z]{2,}\b")
_RADIO_HINT = re.compile(r"\((?:\s|•|●|x|X)\)")
_RADIO_ON = re.compile(r"\((?:•|●|x|X)\)|◉")
_RADIO_EMPTY = re.compile(r"\(\s\)|○")


def mend_capitals(text: str) -> str:
    """OCR's slips inside words in capitals: a small l or a 1 for an I, a 0 for an O ("VERKLAR1NG")."""
    return _CAPS_WITH_L.sub(lambda m: m.group(0).replace("l", "I").replace("1", "I").replace("0", "O"), text)


def _unspaced(m: re.Match) -> str:
    return m.group(0).replace(" ", "")


# a register with one project per column marks the column of this document in its heading
# ("Kavel 3 Etten-Leur  << DEZE MELDING")
_COLUMN_MARK = re.compile(r"(?im)\s*(?:<<|«|←|\(|\[|\*)\s*(?:dit is )?deze melding\s*(?:>>|»|\)|\])?\s*(?=\t|$)")


def _keep_marked_column(texts: list[str]) -> None:
    """Rows of fields down, projects across: keep the labels and the one column the heading marks as this one."""
    for i, text in enumerate(texts):
        cells = text.split("\t")
        marked = [j for j, c in enumerate(cells) if j and c.strip() and _COLUMN_MARK.search(c)]
        if len(cells) < 3 or len(marked) != 1:
            continue
        col = marked[0]
        texts[i] = f"{cells[0]}\t{_COLUMN_MARK.sub('', cells[col]).strip()}"
        for k in range(i + 1, len(texts)):
            row = texts[k].split("\t")
            if len(row) < 2:
                break
            texts[k] = f"{row[0]}\t{row[col]}" if col < len(row) and row[col].strip() else row[0]
        return


_THIS_SHEET = re.compile(r"(?i)\((?:deze|dit project|deze melding)\)|\b(?:deze melding|dit project)\b|<<\s*deze")


def build_lines(read: ReadResult) -> list[Line]:
    lines: list[Line] = []
    budget = MAX_CHARS
    page_has_bsn = False  # the label is looked for per page; only then line by line
    pages = read.pages
    if read.content_type == "xlsx" and len(pages) > 1:
        # a workbook of several projects whose sheet name marks this one ("Heerlen K5521 (deze)"): only that sheet
        marked = [pg for pg in pages if pg.label and _THIS_SHEET.search(pg.label)]
        if len(marked) == 1:
            pages = marked
    for page in pages:
        raw = (page.text or "")[:budget]
        budget -= len(raw)
        if page.label and read.content_type == "xlsx" and page.region == "body":
            # a sheet's name often is the only title a spreadsheet has ("Risicobeoordeling")
            lines.append(Line(len(lines), page.number, "body", clean_text(page.label[:100]).strip()))
        # only real line ends split lines; \v, \f and friends inside a cell become spaces
        chunks = _NEWLINE.split(raw)
        if read.content_type in ("eml", "msg"):
            # a forwarded or answered mail quotes the notice ("> Bouwlocatie:   Iseldoornweg 27"): its lines as written
            chunks = [_QUOTE.sub("", c) for c in chunks]
        if ";" in raw or "," in raw:
            _delimited_rows(chunks)  # a CSV export pasted into a mail: its rows as cells
        while any(c.strip() for c in chunks) and all(c.startswith("\t") or not c.strip() for c in chunks):
            chunks = [c[1:] for c in chunks]  # a sheet whose first column is empty: its form starts one cell on
        # cleaned as one text (no pattern here crosses a line end): one pass per page instead of one per line
        cleaned = clean_text("\n".join(_banner(c[:MAX_LINE]) for c in chunks[:MAX_LINES]))
        if any(lit in cleaned for lit in _LEADER_LITERALS):  # (the pattern is tried at every character: test first)
            cleaned = _LEADER.sub("\t", cleaned)
        if " | " in cleaned:
            cleaned = _PIPE_CELL.sub("\t", cleaned)  # "Bylaer B.V.  |  Risicobeoordeling  |  GK 1": typed cells
        if " = " in cleaned:
            cleaned = _EQUALS_SEP.sub(r"\1: ", cleaned)
        if any(b in cleaned for b in _BULLETS):
            cleaned = _BULLET_DASH.sub(r"\1: ", cleaned)
        if "-\n" in cleaned:
            cleaned = _HYPHEN_BREAK.sub("", cleaned)
        if "(" in cleaned and _RADIO_HINT.search(cleaned) or "○" in cleaned or "◉" in cleaned:
            # an e-form's radio buttons, "(•) Ja ( ) Nee": read as the tick boxes they are
            cleaned = _RADIO_EMPTY.sub("\u2610", _RADIO_ON.sub("\u2612", cleaned))
        cleaned = mend_capitals(cleaned)  # "MELDlNG BOUWACTIVITEIT (TECHNlSCH)": OCR's slips in words in capitals
        if _SPACED_HINT.search(cleaned):
            cleaned = _SPACED_WORD.sub(_unspaced, cleaned)  # "B O R G I N G S P L A N": a title set letter-spaced
        if ":" in cleaned:
            cleaned = _QUESTION_COLON.sub(r"\1?", cleaned)  # "Wat is de postcode van dit adres: 3824TH": a question
        cleaned = export_keys.rewrite(cleaned)  # "locatie.postcode: 3811 AB": an export's field names as labels
        if "___" in cleaned or "...." in cleaned or "……" in cleaned:
            cleaned = _BLANK_AFTER.sub("", cleaned)  # "Naam melder: ____K. Drenth____": the blank is no value
        page_has_bsn = page_has_bsn or has_bsn_label(cleaned)
        texts = cleaned.split("\n")
        if "\t" in cleaned and _COLUMN_MARK.search(cleaned):
            _keep_marked_column(texts)
        if page.number == 1 and page.region in ("", "body", None):
            _split_title_banner(texts)
        for text in texts:
            if len(lines) >= MAX_LINES:
                break
            if "\t" in text[:8]:
                text = _SUBNUMBER_CELL.sub(r"\1 ", text)
            raw = text.strip(" ")
            kept = _ticked_only(raw)
            ticked = kept != raw and any(m.group(1) in _TICKED for m in _BOX.finditer(raw))
            lines.append(Line(len(lines), page.number, page.region or "body", _drop_notes(kept), ticked=ticked))
    if page_has_bsn:
        _scrub_bsn(lines)
    return lines


def _delimited_rows(chunks: list[str]) -> None:
    """Rows of a CSV export in a text ("RequestNumber;RelatedRequest;...;BagId" over "2027030300611;...") become
    rows of cells, as a spreadsheet's are: a header of short names over rows with as many fields. Prose and
    address lines ("Kerkstraat 1, 1234 AB Plaats") make no such block: its header has no digits and no sentence,
    and every line the same number of fields, at least four."""
    k = 0
    while k < len(chunks) - 1:
        head = chunks[k]
        sep = ";" if head.count(";") >= 3 else "," if head.count(",") >= 3 else ""
        if not sep or "\t" in head or len(head) > MAX_LINE or any(c.isdigit() for c in head):
            k += 1
            continue
        rows = [next(csv.reader([c], delimiter=sep), []) for c in chunks[k:k + 200]]  # (a line is a row)
        width = len(rows[0])
        names = [c.strip() for c in rows[0]]
        end = 1
        while end < len(rows) and len(rows[end]) == width and "\t" not in chunks[k + end]:
            end += 1
        if width < 4 or end < 2 or head.rstrip().endswith(".") \
                or not all(0 < len(c) <= 40 and len(c.split()) <= 3 for c in names):  # names, not a sentence's parts
            k += 1
            continue
        for j in range(end):
            chunks[k + j] = "\t".join(c.strip() for c in rows[j])
        k += end


# a title line that carries the project's data, parted by one separator ("RISICOBEOORDELING / Spanjaardslaan 188 /
# 8917 AZ Leeuwarden / Borg4 / WKI / 26.2.2027", "The Borging Company · Risicobeoordeling TBC-27-0032 · ...")
_BANNER_SEPARATORS = re.compile(r"\s+(·|•|/|--|–|-)\s+")
BANNER_TITLE = re.compile(r"(?i)\b(?:risico(?:beoordeling|analyse|inventarisatie)|borg(?:ings)?plan|verklaring|"
                           r"dossier bevoegd gezag|gereedmelding|startmelding|bouwmelding|melding bouwactiviteit)\b")
BANNER_LINES = 2  # first lines of a document where its title banner stands


def _split_title_banner(texts: list[str]) -> None:
    """The document's own title banner, its parts as cells: a part is then read as a labelled value or as the
    bare address, date or name it is. (Only a line that names the document's kind: a letterhead names none.)"""
    seen = 0
    for k, text in enumerate(texts):
        if not text.strip():
            continue
        seen += 1
        if seen > BANNER_LINES:
            return
        if "\t" in text or not BANNER_TITLE.search(text):
            continue
        seps = _BANNER_SEPARATORS.findall(text)
        sep = max(set(seps), key=seps.count) if seps else ""
        if seps.count(sep) < 2:
            continue
        parts = [p.strip() for p in re.split(r"\s+" + re.escape(sep) + r"\s+", text)]
        if all(0 < len(p) <= 90 for p in parts):
            texts[k] = "\t".join(parts)


def _scrub_bsn(lines: list[Line]) -> None:
    # A BSN may sit after its label or on the next line: scrub both, before anything reads them.
    for i, line in enumerate(lines):
        if has_bsn_label(line.text):
            scrubbed = scrub_bsn(line.text)
            if scrubbed == line.text:  # the number is not on the label's line: it is on the next one
                for j in range(i + 1, min(i + 3, len(lines))):
                    if lines[j].text.strip():
                        lines[j].text = scrub_bsn(lines[j].text)
                        break
            line.text = scrubbed


def mark_sender(lines: list[Line], ref: Reference, anchors: set[int], labelled: set[int] = frozenset()) -> None:
    """Mark letterhead, footer and contact lines.

    `anchors` are positions of labelled field lines that open the document's own data; `labelled`
    are lines of the form "Label: value" (a form field such as "KvK-nummer: 123", never a letterhead).
    """
    pages: dict[tuple[int, str], list[Line]] = {}
    for line in lines:
        if line.region != "body":
            line.sender = True
        pages.setdefault((line.page, line.region), []).append(line)

    # running heads: the same line on most pages of a multi-page document
    body_pages = [p for (n, r), p in pages.items() if r == "body"]
    if len(body_pages) >= 2:
        counts = Counter(t for p in body_pages for t in {ln.text for ln in p if ln.text})
        need = max(2, int(0.6 * len(body_pages) + 0.5))
        for p in body_pages:
            for ln in p:
                # (a form's answers repeat across pages too, "Middelburg" below "Woonplaats" and below "Kadastrale
                # gemeente", "Ja": a labelled value or a short answer is no running head)
                if ln.text and counts[ln.text] >= need and ln.pos not in anchors and ln.pos not in labelled \
                        and len(ln.text) > 3:
                    ln.sender = True

    for (number, region), plines in pages.items():
        if region != "body":
            continue
        # separated contact lines ("Postbus 1 · 7600 AA Almelo · T 14 0546") anywhere on the page
        for ln in plines:
            if ln.pos in anchors:
                continue
            if ln.contact and (_SEPARATED.search(ln.text) or (len(ln.text) <= 70 and ln.pos not in labelled)):
                ln.sender = True
        # an address right next to a contact line ("Marktstraat 3" / "7642 AJ Wierden" / "T 053 ...") is the sender's
        # (in its own block: a labelled line between them ends the block, "Adres" / "Datum start: ..." / footer)
        for k, ln in enumerate(plines):
            if ln.contact and ln.pos not in anchors and ln.pos not in labelled:
                for side in (plines[max(0, k - 2): k][::-1], plines[k + 1: k + 3]):
                    for other in side:
                        if other.pos in anchors or other.pos in labelled:
                            break
                        if _ADDRESSY.search(other.text[:120]) and not is_prose(other.text):
                            other.sender = True  # (a sentence that names the site is no address block)
        # the letterhead block: lines before the first labelled field or title, when it holds contact data
        top: list[Line] = []
        for ln in plines[:14]:
            if ln.pos in anchors or ref.title_match(ln.text) or _LETTER_BODY.match(ln.text) \
                    or len(ln.text) > 90 or ln.heading or _NUMBERED_HEAD.match(ln.text) or is_prose(ln.text):
                break  # a block's heading ("A. Gegevens indiener", "4. Werkwijze") or running text opens the page's own
            top.append(ln)
        if any(ln.contact or find_postcode(ln.text, strict=True) for ln in top):
            for ln in top:
                ln.sender = True
        # the closing block: after the last labelled field, a contact cluster (signature, footer)
        last_anchor = max([ln.pos for ln in plines if ln.pos in anchors] or [-1])
        tail = [ln for ln in plines[-8:] if ln.pos > last_anchor and ln.pos not in labelled]
        for k, ln in enumerate(tail):
            if ln.contact and not is_prose(ln.text):
                # a contact cluster, not a sentence that mentions an address ("Ons correspondentieadres is ...")
                for other in tail[max(0, k - 3): k + 4]:
                    if other is ln or not is_prose(other.text):
                        other.sender = True  # a sentence above a footer is the document's own text


def is_prose(text: str) -> bool:
    """A line of running text, also one wrapped in the middle of a sentence: long, most words in lower case; or the
    end of a sentence wrapped onto a line of its own ("werkt met het instrument WKI.")."""
    if _SENTENCE_LINE.match(text) or _SENTENCE_END_LINE.match(text):
        return True
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(text) >= 60 and len(words) >= 8 and sum(w[:1].islower() for w in words) >= 0.5 * len(words)


HEADING_MAX_CHARS = 100  # longer than any heading _HEADING_TEXT allows, with its numbering and trailing blanks


def mark_sections(lines: list[Line], ref: Reference) -> None:
    """Track the block each line sits in: a party's (applicant, KB, contractor) or the project's."""
    section, party, kind, right = "", False, "", ""
    page_key = None
    for line in lines:
        key = (line.page, line.region)
        if key != page_key and line.region != "body":
            section, party, kind, right = "", False, "", ""
        page_key = key
        stripped = line.text.lstrip()
        if stripped[:1].islower():
            # the rest of a sentence ("de initiatiefnemer in. Correspondentie ..."): headings are sentence case
            line.section, line.party, line.party_kind = section, party, kind if section else ""
            line.right_kind = right
            continue
        blocks = [c.strip() for c in line.text.split("\t") if c.strip()] \
            if "\t" in line.text and line.text[:2].isupper() else []  # (cheap test: blocks' headings are capitals)
        if len(blocks) >= 2 and all(BLOCK_HEADING.match(c) for c in blocks) and _names_blocks(blocks, ref):
            # "INITIATIEFNEMER | KWALITEITSBORGING | PLANNING": blocks side by side; the first one's heading names
            # the block of the first cells below (a form's "Naam" there is the initiatiefnemer's)
            head = norm_label(blocks[0])
            kind = ref.section_kind(head)
            section, party, right = head, kind not in ("project", ""), ""
            line.heading = True
            line.section, line.party, line.party_kind, line.right_kind = section, party, kind, right
            continue
        # cheap test first: only a line whose first word starts some heading can be one
        first = _NUMBERING.sub("", stripped).split(" ", 1)[0].lower().rstrip(":") if stripped else ""
        head = line.head if first in ref.section_first_words else ""
        if not head and stripped.endswith(")") and "(" in stripped and "\t" not in stripped \
                and _TRANSLATED_HEAD.match(stripped):
            # "INISJATYFNIMMER (INITIATIEFNEMER)": a heading in Frisian (or English), the Dutch one in brackets
            inner = norm_label(stripped[stripped.rindex("(") + 1:-1])
            head = inner if inner.split(" ", 1)[0] in ref.section_first_words else ""
        known = head in ref.party_sections or head in ref.project_sections
        # (cheap test first: a heading is a short line of words, no table row)
        maybe_heading = bool(stripped) and "\t" not in stripped and len(stripped) <= HEADING_MAX_CHARS
        double = _double_heading(line, ref) if maybe_heading and not known else None
        if double is not None:
            section, kind, right = double
            party = kind not in ("project", "")
            line.heading = True
        elif known:
            right = ""
            if head in ref.party_sections:
                section, party, kind = head, True, ref.section_kind(head)
                line.heading = True
            elif head in ref.project_sections:
                section, party, kind = head, False, "project"
                line.heading = True
        elif maybe_heading and _heading_by_meaning(lines, line, ref) and not _tagline(lines, line, ref):
            kind = ref.section_kind(line.head)
            section, party, right = line.head, kind not in ("project", ""), ""
            line.heading = True
        elif maybe_heading and _unknown_heading(lines, line, ref):
            # a block whose heading no list knows ("Tussenpersoon"): whose it is is unknown, but it is another block
            section, party, kind, right = line.head, False, "", ""
        line.section, line.party, line.party_kind = section, party, kind if section else ""
        line.right_kind = right


def _tagline(lines: list[Line], line: Line, ref: Reference) -> bool:
    """"Wkb kwaliteitsborging" under "BUREAU VERITAS" at the top of the page: the borger's tagline, no heading of
    the borger's block (the document's own data follow it)."""
    if line.pos == 0 or line.pos > 3:
        return False
    above = lines[line.pos - 1]
    return above.page == line.page and bool(above.text.strip()) and ref.match_borger(above.text[:80]) is not None


def _names_blocks(cells: list[str], ref: Reference) -> bool:
    """The cells are blocks' headings (the first names a party or the project), not a row of labels in capitals
    over their values ("POSTCODE | WOONPLAATS")."""
    heads = [norm_label(c) for c in cells]
    named = [h in ref.party_sections or h in ref.project_sections or bool(ref.section_kind(h)) for h in heads]
    return named[0] and sum(named) * 2 >= len(heads) and not any(
        h in ref.labels and not n for h, n in zip(heads, named))


# a block's heading in capitals, several side by side in one row of a form ("INITIATIEFNEMER | PLANNING")
BLOCK_HEADING = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý&/\- ]{3,30}$")
_HEADING_TEXT = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' /&\-–—]{2,50}(?:\s\([a-zà-ÿ ]{3,30}\))?$")


def _heading_by_meaning(lines: list[Line], line: Line, ref: Reference) -> bool:
    """A short line of words only ("Waar wordt gebouwd", "Gegevens van de gemachtigde") whose words name a party's
    or the location's block. A line that is itself a label counts only when labelled lines follow it."""
    text = _NUMBERING.sub("", line.text.strip()).rstrip("?: ")  # "C. Waar wordt gebouwd?": a question heads it too
    if not ref.section_words or not _HEADING_TEXT.match(text) or len(text.split()) > 5 or line.region != "body":
        return False
    head = line.head
    if not head or not ref.section_kind(head):
        return False  # (the cheap test first: the words name no block)
    # ("1. AANVRAGER / INITIATIEFNEMER": in capitals the case says nothing, the words do: a heading's words are all
    # known ones, "NOORDERBORG KWALITEITSBORGING" is a firm's name)
    caps_heading = text.isupper() and ref.meaning is not None and all(
        len(tok) < 5 or ref.meaning.is_label_word(tok) for tok in text.split())
    # (a bilingual heading is two headings: "Location / Locatie", "Applicant / Aanvrager")
    parts = text.split(" / ") if " / " in text else [text]
    if not caps_heading and any(tok[:1].isupper() for part in parts for tok in part.split()[1:]) \
            or ref.match_borger(text) \
            or ref.match_instrument(text):
        return False  # "WTT Kwaliteitsborging", "Locatie Noord": a name, not a heading (headings are sentence case)
    if ref.title_match(text):
        return False  # the document's title ("Verklaring kwaliteitsborger") opens no party's block
    if ref.label_by_meaning(head) is None and head not in ref.labels:
        return True
    for nxt in lines[line.pos + 1: line.pos + 3]:
        if nxt.text.strip():
            # ("2 Gegevens van de melder" over "2.1 Naam | ...": a numbered label below is no value)
            if _NUMBERING.sub("", nxt.text)[:1].isdigit():
                return False  # "Ingediend" / "18-10-2027 | Bouwwerk": the label above its value, no block's heading
            if ":" in nxt.text[:80] or "\t" in nxt.text:
                return True
            # a label on its own below: this line is the block's heading ("Bouwheer" / "Naam bouwheer" / value)
            below = nxt.head
            return bool(below) and (below in ref.labels or ref.label_by_meaning(below) is not None)
    return False


def _double_heading(line: Line, ref: Reference) -> tuple[str, str, str] | None:
    """Two headings side by side ("Locatie   Gemachtigde", "Contactgegevens Borging"): two columns flowed into
    one line. (left heading, left kind, right kind) when both halves are headings and at least one names a block."""
    text = _NUMBERING.sub("", line.text.strip())
    if "\t" in text or ":" in text or len(text) > 70 or any(c.isdigit() for c in text):
        return None
    words = text.split()
    if not 2 <= len(words) <= 8:
        return None
    for k in range(1, len(words)):
        left, right = " ".join(words[:k]), " ".join(words[k:])
        if not right[:1].isupper() or any(not w.islower() for w in words[1:k]) or \
                any(not w.islower() for w in words[k + 1:]):
            continue
        lk, rk = ref.section_kind(norm_label(left)), ref.section_kind(norm_label(right))
        lh = norm_label(left) in ref.party_sections or norm_label(left) in ref.project_sections or bool(lk)
        rh = norm_label(right) in ref.party_sections or norm_label(right) in ref.project_sections or bool(rk)
        if lh and rh and (lk or rk):
            return norm_label(left), lk, rk
    return None


_ENDS_IN_POSTCODE = re.compile(r"(?<![\dA-Za-z])[1-9]\d{3}\s?[A-Z]{2}\s*$")


def _unknown_heading(lines: list[Line], line: Line, ref: Reference) -> bool:
    """A short sentence-case line of words between two labelled lines ("Label: value"), itself no label."""
    text = line.text.strip()
    if line.region != "body" or not _HEADING_TEXT.match(text) or len(text.split()) > 4 or \
            any(not tok.islower() for tok in text.split()[1:]):
        return False
    head = line.head
    if not head or head in ref.labels or head in ref.negative or ref.label_by_meaning(head) is not None:
        return False
    if ref.title_match(text):
        return False
    if line.pos > 0 and _ENDS_IN_POSTCODE.search(lines[line.pos - 1].text[-12:]):
        return False  # "Postadres: Postbus 1100, 3900 BC" / "Veenendaal": the place of an address wrapped below it

    def labelled(step: int) -> bool:
        k = line.pos + step
        while 0 <= k < len(lines) and abs(k - line.pos) <= 2:
            if lines[k].text.strip():
                return ":" in lines[k].text[:80] and lines[k].page == line.page
            k += step
        return False
    return labelled(-1) and labelled(1)
