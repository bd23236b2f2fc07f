"""Recognise a document's kind from its content: title lines, DSO type/activity lines, vocabulary.

Score per kind = (title + signals, capped at 1) x structure - penalties, where structure grows
with the number of labelled fields found. Prose about a bouwmelding (an e-mail, a policy note, a
web page) has words but no structure and earns penalties, so it stays `onbekend`.
"""

from __future__ import annotations

import re

from wkb_desk.extract.locate import ANSWER_MARK, BANNER_TITLE, MAIL_HEADER, Line
from wkb_desk.extract.records import generic_melding_kind, record_kind
from wkb_desk.extract.reference import Reference, norm_label
from wkb_desk.models import KIND_UNKNOWN

TITLE_ZONE = 15  # non-empty body lines (letterhead excluded) at the top where a title counts as the document's own
MIN_SCORE = 0.35  # below this the document is `onbekend`
_OPENS_STATEMENT = ("hierbij", "bij deze")  # how a letter says what it is ("Hierbij melden wij ...")
# words of a statement that may wrap onto the next line (only such lines are joined: the signals scan less text)
_STATEMENT_WORDS = ("meld", "hierbij", "bij deze", "begin", "start", "geef", "geven", "gereed", "klaar", "bouw", "verklar",
                    "u weten")
SIGNAL_ZONE = 40  # body lines at the top whose cells and wrapped sentences are also matched by the signals
NON_WKB_ZONE = 4000  # characters of the joined body text searched for signs of a text that is no Wkb document
# a date that runs over the line end ("... dat wij op maandag 10 mei" / "2027 met de bouwwerkzaamheden beginnen")
_DATE_RUNS_ON = re.compile(r"(?i)\b(?:\d{1,2}|(?:jan|feb|mrt|maart|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?)$")
OWN_LINES = 3  # lines of a few words a reply has of its own, above what it quotes, to be read without the quote
# a letter's "Betreft:" comes after the letterhead, a project block (or a sidebar of project data) and the address
SUBJECT_ZONE = 40
OWN_STATEMENT = 0.6  # the kind's own wording that a melder's letter says what it is with ("laat ik weten dat ...")
SURE_TEXT = 0.8  # title plus the kind's own wording (before the structure factor)
MAIL_FORM_FIELDS = 4  # labelled fields (and the kind's own wording, MAIL_FORM_WORDS) that make a mail's body a form
MAIL_FORM_WORDS = 0.35
MAIL_SUBJECT_WORDS = 0.3  # a mail titled as the kind ("Startmelding Kolibrieweg 27") that states it ("Hierbij meld ik ...")
MAIL_NOTICE_WORDS = 0.6  # the kind's own wording that makes a one-line notice with MIN_FIELDS fields a form
FULL_STRUCTURE = 5.0  # labelled fields at which the structure factor is full
MIN_FIELDS = 2  # a Wkb document carries at least this many labelled fields (values in prose count half)
_SUBJECT = re.compile(r"^\s{0,4}(?:betreft|onderwerp|inzake|subject)\s*:?\s+", re.IGNORECASE)
_SUBJECT_ALONE = re.compile(r"^\s{0,4}(?:betreft|onderwerp|inzake|subject)\s*:?\s*$", re.IGNORECASE)
_REPLY_PREFIX = re.compile(r"^(?:(?:re|fw|fwd|antw|doorst|tr|wg)\s*:\s*)+", re.IGNORECASE)
_QUESTION_SUBJECT = re.compile(r"(?i)^(?:vraag|vragen)\b")  # (read after the reply prefixes are taken off)
_OPENS_LETTER = re.compile(r"^\s*(?:geachte?|beste|l\.\s?s\.|dear|sehr geehrte)\b", re.IGNORECASE)  # a salutation
_LABEL_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=[A-Za-zÀ-ÿ])")  # a form's numbered label "1.4 "
_LINE_START = re.compile(r"^\s*")  # the whole line is the subject: "Betreft" stood alone on the line above
# cells of a line: TABs, or three or more spaces (two columns flowed into one line)
_CELL_SPLIT = re.compile(r"\t+|\s{3,}")
_PAIR_CELLS = re.compile(r":\s*[^\s\t][^\t]*\t[^\t:]{2,40}:\s*\S")  # "Activiteit: X<TAB>Soort aanvraag: Melding"
_SPACES_SPLIT = re.compile(r" {3,}")
_BANNER_PARTS = re.compile(r"\t|\s+[-–|·•/]\s+")
_TWO_SPACES = re.compile(r"(?<=\S)  (?=\S)")
# a portal's answer to the question on the line above ("Verzoeknummer van de bouwmelding" / "Antwoord: 2027...")
# a heading that opens a list of parts ("Onderdelen", "Inhoud", "Bijlagen"): the titles below it name parts the
# document holds or refers to, not the document itself (a dossier lists "Verklaring van de kwaliteitsborger")
_PARTS_HEADING = re.compile(r"^\s*(?:\d{1,2}\.?\s+)?(?:onderdelen|inhoud|inhoudsopgave|bijlagen?|bijgevoegde stukken|"
                            r"meegezonden(?: stukken)?|overzicht (?:van de )?(?:stukken|onderdelen|bijlagen)|"
                            r"(?:dit dossier )?bevat|stukken)\b[^.]{0,40}:?\s*$", re.IGNORECASE)
# title words by meaning: (kind, groups of stems each needing a word that contains one, stems that exclude)
_TITLE_WORDS = re.compile(r"[a-zà-ÿ]+")
_TITLE_MEANING = (
    ("gereedmelding", (("gereed", "voltooi", "oplever"), ("melding", "kennisgeving", "formulier")), ("dossier",)),
    ("startmelding", (("start", "aanvang"), ("melding", "kennisgeving", "formulier", "informatie", "bouw", "werkzaamheden")),
     ("dossier", "gereed")),
    ("dossier_bevoegd_gezag", (("dossier",), ("bevoegd",), ("gezag",)), ("consument",)),
    ("dossier_bevoegd_gezag", (("dossier",), ("dbg",)), ()),
    ("verklaring", (("verklaring",), ("kwaliteitsborg", "borger")), ("dossier",)),
    ("borgingsplan", (("borgingsplan", "borgplan"),), ()),
    ("risicobeoordeling", (("risicobeoordeling", "risicoanalyse", "risicoinventarisatie", "risicodossier"),), ()),
    ("bouwmelding", (("melding", "formulier"), ("bouwactiviteit", "bouwmelding", "kwaliteitsborging", "wkb")),
     ("start", "aanvang", "gereed", "oplever", "gebruik", "sloop", "informatie")),
    # "Meldingsformulier bouwen", "Melding bouw werktuigenberging" (an application form for a permit is no melding)
    ("bouwmelding", (("melding",), ("bouw", "gevolgklasse")),
     ("start", "aanvang", "gereed", "oplever", "gebruik", "sloop", "informatie", "vergunning", "aanvraag")),
)


# a builder's mail titled with the one word of the notice ("Onderwerp: start"); its body still has to say it
_ONE_WORD_SUBJECT = {"start": "startmelding", "aanvang": "startmelding", "gereed": "gereedmelding",
                     "oplevering": "gereedmelding"}


_INITIALS_END = re.compile(r"(?:\b[A-Za-z]\.){1,4}$")  # "... Nederland B.V.", "fam. J.H."


def _ends_sentence(text: str) -> bool:
    """A line that ends as a sentence is no title; a company's "B.V." or initials end none."""
    t = text.rstrip()
    # ("VERKLARING." alone: a scan's speck after a title's one word is no sentence)
    return t.endswith(("?", "!")) or t.endswith(".") and " " in t.strip() and not _INITIALS_END.search(t)


def _title_kind(ref: Reference, text: str) -> str | None:
    m = ref.title_match(text)
    if not m:
        return None
    title = norm_label(m.group(1))
    rest = text[m.end():].strip(" -–:()")
    # a title line is short; a sentence that starts with the word is not a title
    if len(text) > 90 or len(rest.split()) > 8 or _ends_sentence(text):
        return None
    if text[m.end():].lstrip(" ").startswith((":", "\t")) and rest and any(c.isdigit() for c in rest[:20]):
        return None  # "Bouwmelding: 2026..." is a reference, not a title
    for kind, rule in ref.kinds.items():
        if title in rule.titles:
            return kind
    return None

# labels whose value names the document's own kind ("Activiteit: Gereedmelding bouwwerk")
_KIND_LABEL = re.compile(r"(?i)^\s*(?:activiteit(?:en)?|soort(?: verzoek| melding| aanvraag)?|type(?: verzoek| melding)?|"
                         r"betreft|onderwerp|verzoek|documentsoort|document|procedure|"
                         r"(?:afdruk|overzicht|samenvatting|kopie|weergave)(?: (?:van )?(?:het |uw )?verzoek)?)\s*$")
# a label with a number or date beside it ("Bouwmelding | 2026040800652", "Start bouwwerkzaamheden | ma 11 mei 2026")
_LABEL_THEN_VALUE = re.compile(r"^[^\t\d]{3,60}\t\s*(?:(?:ma|di|wo|do|vr|za|zo)\.?\s+)?\d", re.IGNORECASE)
IN_BRACKETS = re.compile(r"\([^()]*\)")  # a note in brackets (fields.py counts labels without it)
_CLASS_NAMED = re.compile(r"(?i)\bgevolgklasse\s*[123]\b")  # "Melding bouwen, gevolgklasse 1": no other request
# cheap test first: a title read by meaning holds at least one of these stems
_TITLE_STEMS = re.compile("|".join(sorted({x for _, groups, _ in _TITLE_MEANING for x in groups[0]}, key=len, reverse=True)))


_OWN_NUMBER_END = re.compile(r"(?<=[a-z)])\s+(?:[-–(]\s*)?(?:nr\.?\s*|verzoek(?:nummer)?\s*)?20\d{11}\)?$")


_PLURAL_KIND = re.compile(r"(?i)(?:meldingen|verklaringen|borgingsplannen|beoordelingen|risicoanalyses|dossiers)\b")


def title_by_meaning(text: str) -> str | None:
    """A short title line no list names exactly, read by its key words: "Meldingsformulier bouwactiviteit",
    "Opleverdossier voor het bevoegd gezag (DBG)". Stems may sit inside compound words."""
    # ("Overzicht melding bouwactiviteit 2027051000291": a portal's title ends in the request's own number)
    t = _OWN_NUMBER_END.sub("", text.strip())
    # a number names another request ("Gereedmelding 2026..."); one in brackets cites the law ("(art. 2.21 Bbl)")
    # ("Ontvangen Wkb-meldingen, tweede kwartaal": a kind in the plural titles an overview of many, not one)
    if not t or len(t) > 90 or _ends_sentence(t) or t.endswith(":") or "?" in t or not _TITLE_STEMS.search(t.lower()) \
            or _PLURAL_KIND.search(t) \
            or any(c.isdigit() for c in _CLASS_NAMED.sub("", IN_BRACKETS.sub("", t))[:40]):
        return None
    head, colon, _ = t.partition(":")
    if colon and not _TITLE_STEMS.search(head.lower()) and not _KIND_LABEL.match(head):
        return None  # "Meegestuurde documenten: ... borgingsplan.pdf": a label's value names other documents
    words = _TITLE_WORDS.findall(t.lower())
    if not words or len(words) > 9:
        return None
    for kind, groups, excluded in _TITLE_MEANING:
        if any(x in w for w in words for x in excluded):
            continue
        if all(any(x in w for w in words for x in group) for group in groups):
            return kind
    return None


# a cell with three digits is a value (a date, a number), not a column heading ("Kolom1", "bvo_m2" are headings)
_THREE_DIGITS = re.compile(r"\d\D{0,2}\d\D{0,2}\d")
# a row of six or more cells over a row as wide is an export's column headings ("... | DBG | Verklaring |" over
# "... | ja | ja |"): none of them is a title (a title banner in parts holds values: a number, a date)
WIDE_ROW_TABS = 5


def _headings_row(text: str, below: str) -> bool:
    return text.count("\t") >= WIDE_ROW_TABS and below.count("\t") >= WIDE_ROW_TABS and not _THREE_DIGITS.search(text)


def _title_beside(ref: Reference, text: str, first: str, below: str = "") -> str | None:
    """A title set beside the sender's name ("ABC Architecten<TAB>MELDING BOUWACTIVITEIT"), named exactly; it may
    wrap onto the line below in its own column ("INFORMATIEPLICHT START" / "BOUWWERKZAAMHEDEN")."""
    if "\t" not in text or _headings_row(text, below):
        return None
    cells, under = text.split("\t"), below.split("\t")
    for k, cell in enumerate(cells):
        if not cell.strip() or cell == first:
            continue
        kind = _title_kind(ref, cell.strip())
        if kind is None and len(under) == len(cells) and under[k].strip():
            kind = _title_kind(ref, f"{cell.strip()} {under[k].strip()}")
        if kind:
            return kind
    return None


def _next_text(lines: list[Line], line: Line) -> str:
    nxt = lines[line.pos + 1] if line.pos + 1 < len(lines) else None
    return nxt.text if nxt is not None and nxt.page == line.page else ""


def _column_pairs(heads: str, values: str) -> str:
    """"Verzoeknummer<TAB>Soort verzoek" over "2026...<TAB>Gereedmelding" -> "verzoeknummer: 2026..." lines."""
    # (a spreadsheet row ends at its last filled cell: fewer cells than its headings)
    if not 0 < values.count("\t") <= heads.count("\t") or _THREE_DIGITS.search(heads):
        return ""
    top, low = heads.split("\t"), values.split("\t")
    return "\n".join(f"{h.strip()}: {v.strip()}" for h, v in zip(top, low) if h.strip() and v.strip())


# "Melding start bouwwerkzaamheden (art. 7.7 Bbl) · opgesteld 12 mei 2027 · ...", "... (art. 7.7 Bbl) - bijlage bij"
_SEGMENT = re.compile(r"\s+[·|\-–—]\s+")


def _above_salutation(lines: list[Line], line: Line) -> bool:
    """The line stands just above the letter's salutation, or above a short second line of its own ("Borgingsplan
    kleinschalig appartementengebouw" / "Sluiszicht" / "Geacht college,")."""
    nxt = _next_text(lines, line)
    if _OPENS_LETTER.match(nxt):
        return True
    after = lines[line.pos + 2].text if line.pos + 2 < len(lines) and lines[line.pos + 2].page == line.page else ""
    return bool(nxt) and len(nxt.split()) <= 3 and not any(ch.isdigit() for ch in nxt) and "\t" not in nxt \
        and bool(_OPENS_LETTER.match(after))


def _names_another_kind(ref: Reference, subject: str, kind: str) -> bool:
    """A subject of several parts ("bouwmelding Harlingerstraatweg - startmelding") of which a later one names
    another kind."""
    parts = _SEGMENT.split(subject)
    return any((_title_kind(ref, part.strip()) or title_by_meaning(part.strip())) not in (None, kind)
               for part in parts[1:])


def _cell_title(ref: Reference, cell: str) -> str | None:
    """The kind a title cell names, whole or by its first segment ("Melding start bouwwerkzaamheden (art. 7.7 Bbl)
    · opgesteld 12 mei 2027 · ..." is a title followed by notes)."""
    # (a line that opens in lower case goes on from a sentence: "hoort bij bouwmelding 2027..." names another one;
    # one in brackets is the note of the label above it: "Gerelateerd verzoek | 2027..." / "(bouwmelding)")
    opening = cell.lstrip()[:1]
    kind = _title_kind(ref, cell) or (title_by_meaning(cell) if not (opening.islower() or opening == "(") else None)
    if kind is None and opening.isdigit() and _SECTION_NUMBER.match(cell):
        # "1 Gereedmelding (art. 2.21 Bbl)", "1 Melding bouwactiviteit (technisch) - gevolgklasse 1": a portal's
        # summary numbers its first section with the request's own kind
        kind = _title_kind(ref, _SECTION_NUMBER.sub("", cell, 1))
    if kind is None and _TITLE_COLON.match(cell):
        kind = _title_kind(ref, _TITLE_COLON.sub(" ", cell, 1))  # "Informatieplicht: start bouwwerkzaamheden"
    if kind is None and len(cell) > 40 and _SEGMENT.search(cell):
        head, rest = _SEGMENT.split(cell, 1)
        kind = _title_kind(ref, head) or title_by_meaning(head)
        if kind is None and _NEW_REQUEST.match(head):
            # "Nieuw verzoek 2027030800412 - Melding bouwactiviteit (technisch)": the portal's notice names the kind
            # after the number
            part = _SEGMENT.split(rest, 1)[0]
            kind = _title_kind(ref, part) or title_by_meaning(part)
    return kind


_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+(?=[A-ZÀ-Ý])")
# a title's first word and the rest of its name parted by a colon; a colon before a number labels a value
_TITLE_COLON = re.compile(r"^(?=[A-Za-zÀ-ÿ-]{4,30}:\s+[A-Za-zÀ-ÿ])([A-Za-zÀ-ÿ-]+):\s+")
_NEW_REQUEST = re.compile(r"(?i)^(?:nieuw |ontvangen )?(?:verzoek|melding)\s+(?:nr\.?\s*)?20\d{11}$")


def _banner_kind(ref: Reference, text: str) -> str | None:
    """The kind a title banner in parts names ("KO-2027-219 | RISICOBEOORDELING | woning M. Smit, ...")."""
    return next((k for c in _BANNER_PARTS.split(text)[:8] if (k := _title_kind(ref, c.strip()))), None)


def _first_cell(text: str) -> str:
    if "\t" not in text and "   " not in text:
        return text
    for cell in _CELL_SPLIT.split(text):
        if cell.strip():
            return cell
    return text


# where a reply quotes the message it answers: "Van: ... / Verzonden: ...", "-----Oorspronkelijk bericht-----"
QUOTED_START = re.compile(r"^\s*(?:-{2,}\s*(?:oorspronkelijk|original|doorgestuurd|forwarded)|(?:van|from)\s*:\s*\S|"
                           r"op .{5,80} schreef|on .{5,80} wrote)", re.IGNORECASE)


def _own_text(raw: list[str]) -> list[str]:
    """A mail's own lines: without its header block on top and without the message it quotes below."""
    k = 0
    while k < len(raw) and MAIL_HEADER.match(raw[k]):
        k += 1
    end = next((j for j in range(k, len(raw)) if QUOTED_START.match(raw[j])), len(raw))
    return raw[:end]


def classify(lines: list[Line], ref: Reference, n_fields: float,
             fields: frozenset[str] = frozenset()) -> tuple[str, float, dict[str, float]]:
    """The document's kind, how sure, and every kind's score; `fields` are the fields its labels gave."""
    scores = {k: 0.0 for k in ref.kinds}
    first_title: str | None = None
    subject_kind: str | None = None
    subject_below = False
    seen_titles: set[str] = set()
    zone = 0
    penalty = 0.0
    body: list[str] = []
    raw: list[str] = []
    in_parts = False
    above = row = ""
    grid_subject: str | None = None
    first_beside = False  # the first title was read beside a letterhead's cell
    in_quote_header = False  # inside the "Van: / Verzonden: / Onderwerp:" block of a message the mail quotes
    quoted_title: str | None = None  # the kind a quoted message's own first line names ("BOUWMELDING (Wkb, ...)")
    for line in lines:
        text = line.text
        if not text or line.region != "body":
            continue
        raw.append(text[:400])
        if len(raw) > 1 and (QUOTED_START.match(text) or in_quote_header and MAIL_HEADER.match(text)):
            in_quote_header = True
        elif in_quote_header:
            in_quote_header = False
            if quoted_title is None and text.strip() and "\t" not in text:
                # a forwarded chain: the message at its bottom is the document, its first line its title
                quoted_title = _title_kind(ref, re.split(r"[(,;]", text)[0].strip()) or _title_kind(ref, text.strip())
                if quoted_title and quoted_title != first_title:
                    scores[quoted_title] += 0.55
        above, row = row, text[:4000]
        if len(raw) >= 2 and len(raw) <= SIGNAL_ZONE and "\t" in text:
            # a row of labels over a row of values ("Soort verzoek" above "Gereedmelding"): signals read them as pairs
            pairs = _column_pairs(above, row)  # (a wide export's row runs past what `raw` keeps)
            if pairs:
                body.append(pairs)
                # a letter's reference grid: "Uw kenmerk | Ons kenmerk | Datum | Betreft" over its values
                grid_subject = next((p for p in pairs.split("\n") if _SUBJECT.match(p)), None)
        if grid_subject is None and "\t" in text and len(raw) <= SUBJECT_ZONE:
            # "Datum: 26 november 2027 | Betreft: Verklaring als bedoeld in art. 2.21 Bbl": the subject in a cell
            grid_subject = next((c for c in text.split("\t")[1:] if _SUBJECT.match(c)), None)
        # a line of cells flowed together ("Activiteit: ...   Soort verzoek: Melding"): signals anchored at a line's
        # start match each cell (TABs stay: a table row's cells belong together)
        if len(raw) <= SIGNAL_ZONE and ":" in text and ("   " in text or _PAIR_CELLS.search(text)):
            body.append(_SPACES_SPLIT.sub("\n", text[:400]).replace("\t", "\n"))
        elif text[:1].isdigit() and _LABEL_NUMBER.match(text):
            body.append(_LABEL_NUMBER.sub("", text[:400], 1))  # "1.4 Activiteit | Start ...": the label, unnumbered
        else:
            body.append(text[:400])
        if zone >= TITLE_ZONE and len(raw) > SUBJECT_ZONE:
            continue  # below where a title or a subject counts: the line is read by the signals only
        if len(text) < 60 and _PARTS_HEADING.match(text):
            in_parts = True
            continue
        if in_parts:
            continue
        subject_src, grid_subject = grid_subject or text, None
        subject = _SUBJECT.match(subject_src)
        if subject is None and subject_below:
            subject = _LINE_START.match(text)  # "Betreft" in its own cell, the subject on the line below
        subject_below = bool(_SUBJECT_ALONE.match(text))
        if subject_below:
            continue
        if subject and (zone < TITLE_ZONE or len(raw) <= SUBJECT_ZONE) and first_title is None:
            # a letter's "Betreft: Verklaring kwaliteitsborger ..." names what the letter is
            subject_text = subject_src[subject.end():].strip().rstrip("!?. ")  # "startmelding!!"
            # "RE: startmelding Korte Hamweg": a reply that carries the notice is titled by what it answers
            subject_text = _REPLY_PREFIX.sub("", subject_text)
            if _QUESTION_SUBJECT.match(subject_text):
                subject_text = ""  # "Vraag over startmelding": a question about the kind is none of it
            # "Gereedmelding Dorpsstraat 7B Vaassen": the words before the address name the mail's kind
            # ("Geen verklaring — Molenveld 7 te Roosendaal": the kind, a dash, the site)
            kind = _title_kind(ref, subject_text) or title_by_meaning(re.split(r"[,;(]|\d", subject_text)[0]) \
                or _ONE_WORD_SUBJECT.get(subject_text.lower().strip(" .:!")) \
                or _title_kind(ref, _SEGMENT.split(subject_text, 1)[0])
            if kind is None and ":" in subject_text:  # "Nieuw verzoek 2026...: informatie start bouwwerkzaamheden"
                kind = _title_kind(ref, subject_text.rsplit(":", 1)[1].strip())
            if kind and _names_another_kind(ref, subject_text, kind):
                kind = None  # "RE: bouwmelding Harlingerstraatweg - startmelding": a grown thread's subject; the text says
            if kind:
                first_title = subject_kind = kind
                scores[kind] += 0.55
                seen_titles.add(kind)
            continue
        if first_title is None and len(raw) <= SUBJECT_ZONE and _above_salutation(lines, line):
            # a letter's subject without "Betreft:" stands just above its salutation ("Borgingsplan bollenschuur
            # Achterweg 44" over "Geacht college,")
            kind = _title_kind(ref, text.strip()) or title_by_meaning(re.split(r"[,;(]|\d", text)[0])
            if kind:
                first_title = subject_kind = kind
                scores[kind] += 0.55
                seen_titles.add(kind)
                continue
        if _LABEL_THEN_VALUE.match(text):
            continue  # a labelled value: "Bouwmelding | 2026..." on a verklaring names the request it belongs to
        if zone < TITLE_ZONE and ANSWER_MARK.match(_next_text(lines, line)):
            continue  # "Verzoeknummer van de bouwmelding" over "Antwoord: 2027...": a portal's question, no title
        if zone < TITLE_ZONE and (not line.sender or len(raw) == 1):
            # the very first line may be the title even where the block below it reads as a letterhead
            zone += 1
            cell = _first_cell(text)
            kind = _cell_title(ref, cell)
            beside = False
            if kind is None and len(raw) <= 2 and not any(c.isdigit() for c in cell):
                kind = _title_beside(ref, text, cell, _next_text(lines, line))
                beside = kind is not None
            if kind is None and len(raw) <= 2 and not _headings_row(text, _next_text(lines, line)) \
                    and BANNER_TITLE.search(text):
                # a title banner in parts: "KO-2027-219 | RISICOBEOORDELING | woning M. Smit, ...", "BORG4 - BORGINGSPLAN"
                kind = _banner_kind(ref, text)
                banner = BANNER_TITLE.search(text)
                if kind is None and banner.start() and ref.match_borger(text[:banner.start()]):
                    # "Borg 4 B.V. Risicobeoordeling B4-27-0311 28 april 2027": a scan lost the banner's bars
                    kind = _title_kind(ref, text[banner.start():].strip())
            if kind:
                if first_title is None:
                    first_title = kind
                    scores[kind] += 0.6
                    first_beside = beside
                elif first_beside and kind != first_title and "\t" not in text and len(text.split()) <= 4 \
                        and _title_kind(ref, text.strip()) == kind:
                    # "Gemeente Heerlen | Start bouwwerkzaamheden" over a line "GEREEDMELDING" alone: a form's
                    # printed heading beside the letterhead yields to the title the document gives itself
                    scores[first_title] -= 0.4
                    scores[kind] += 0.6
                    first_title, first_beside = kind, False
                elif kind not in seen_titles:
                    scores[kind] += 0.2
                seen_titles.add(kind)
        elif zone < TITLE_ZONE and first_title is None and not line.contact:
            # a title lumped into the letterhead above it ("Borgingsplan De Fenne", "Borgplan kwaliteit" under the
            # sender's address)
            cell = _first_cell(text)
            kind = _cell_title(ref, cell)
            if kind is None and 1 <= text.count("\t") <= 2:
                # "Wkb-kwaliteitsborging gevolgklasse 1 | Borgingsplan": the title beside the sender's tagline
                kind = _title_beside(ref, text, cell)
            if kind:
                first_title = kind
                scores[kind] += 0.6
                seen_titles.add(kind)
    if first_title is None:
        # a Word document titled only in its page header ("Risicobeoordeling – Fruitloods Van Zuijlen – Dorpsstraat
        # 9, Ommeren" over a risk table): the header's title banner is the document's title
        heads = [ln for ln in lines if ln.region == "header" and ln.text.strip()][:3]
        for ln in heads:
            if BANNER_TITLE.search(ln.text) and not _headings_row(ln.text, ""):
                kind = _banner_kind(ref, ln.text)
                if kind:
                    first_title = kind
                    scores[kind] += 0.6
                    seen_titles.add(kind)
                    break
    # a statement wrapped at the margin ("Hierbij meld ik dat ... aan het perceel" / "zullen beginnen op ..."):
    # a long line that opens one and ends no sentence is also matched together with the next one
    # (so is any sentence that runs on in lower case: "... meld ik hierbij dat de bouw" / "van mijn woning ... gaat.")
    for k in range(min(len(raw) - 1, SIGNAL_ZONE)):
        if len(raw[k]) > 40 and "\t" not in raw[k] and not raw[k].rstrip().endswith((".", ":", "?", "!")) \
                and (raw[k][:8].lower().startswith(_OPENS_STATEMENT)
                     or (raw[k + 1][:1].islower() or raw[k + 1][:1].isdigit() and _DATE_RUNS_ON.search(raw[k].rstrip()))
                     and any(w in raw[k].lower() for w in _STATEMENT_WORDS)):
            joined = f"{raw[k]} {raw[k + 1]}"
            if k + 2 < len(raw) and raw[k + 2][:1].islower() and not raw[k + 1].rstrip().endswith((".", ":", "?", "!")):
                joined += f" {raw[k + 2]}"  # "... verklaren wij" / "dat naar ons oordeel ... zoals" / "gerealiseerd voldoet"
            body.append(joined)
    # a question with its answer on the next line ("Welk soort verzoek is het?" / "Melding"): read as one line
    for k in range(min(len(raw) - 1, SIGNAL_ZONE)):
        if raw[k].rstrip().endswith("?") and not raw[k + 1].rstrip().endswith("?") and len(raw[k + 1]) <= 80:
            body.append(f"{raw[k]} {raw[k + 1]}")
    # one search per signal over the joined lines (patterns are per line: MULTILINE, no DOTALL)
    joined = "\n".join(body).lower()
    if "  " in joined:
        joined = _TWO_SPACES.sub(" ", joined)  # "melden wij hierbij de  start van": a typing slip, no cell boundary
    own_words = dict.fromkeys(ref.kinds, 0.0)
    present: dict[str, bool] = {}
    for kind, rule in ref.kinds.items():
        for rx, weight in rule.signals:
            if ref.signal_in(rx, joined, present):
                own_words[kind] += weight
                scores[kind] += weight
    # what marks a text as no Wkb document (a sender line, an invoice's or a web page's top) shows at its start
    head = joined[:NON_WKB_ZONE]
    own = _own_text(raw)
    if len(own) < len(raw) and sum(1 for t in own if len(t.split()) >= 3) >= OWN_LINES:
        # a reply: the message it quotes is the other party's ("Wilt u ons laten weten wanneer de bouw begint?"
        # from the municipality under the borger's answer); a forward with hardly a word of its own is what it quotes
        head = _TWO_SPACES.sub(" ", "\n".join(own).lower())[:NON_WKB_ZONE]
    filled_in = sum(1 for ln in lines if ln.ticked) >= 2
    head_present: dict[str, bool] = {}  # (shared by the two lists of patterns tried on the head)
    stated = max(own_words.values(), default=0.0) >= OWN_STATEMENT
    for rx, weight in ref.non_wkb:
        if filled_in and rx.pattern in ref.unless_ticked or stated and rx.pattern in ref.unless_stated:
            continue
        if ref.signal_in(rx, head, head_present):
            penalty += weight
    # an e-mail's headers: a mail about a melding is none, but a mail whose body is a form (a DSO notification,
    # a borger's gereedmelding typed into the mail) carries one: its labelled fields and the kind's own wording
    # (a one-line notice that says all a startmelding says counts as its form)
    words = max(own_words.values(), default=0.0)
    # a mail whose subject is the kind's title ("Startmelding Dorpsstraat 12") needs less of its wording
    subject_words = own_words.get(subject_kind, 0.0) if subject_kind else 0.0
    # (a mail titled as the kind that carries a whole form of labelled fields is that form, as is a full form under
    # a one-line statement: "Hierbij meld ik de bouw van ..." over Locatie, Aanvrager, Kwaliteitsborger ...)
    # (... unless the mail asks something: "Kunt u bevestigen dat de melding compleet is?" is a question about it)
    asks = any("?" in t and "\t" not in t and len(t.split()) >= 5 for t in own[:SIGNAL_ZONE])
    form = n_fields >= MAIL_FORM_FIELDS and (words >= MAIL_FORM_WORDS or subject_words > 0 and not asks) \
        or n_fields >= FULL_STRUCTURE and (subject_kind is not None or words >= MAIL_SUBJECT_WORDS) and not asks \
        or n_fields >= FULL_STRUCTURE and quoted_title is not None  # (a forwarder's question is about routing it)
    # a short notice: the kind's own statement and a few fields ("Start bouw Hofstedelaan 31": "ik wil bij deze de
    # start van de bouw doorgeven ... Hofstedelaan 31 ... nummer 2027...")
    notice = n_fields >= MIN_FIELDS and (words >= MAIL_NOTICE_WORDS or subject_words >= MAIL_SUBJECT_WORDS) \
        or n_fields >= MAIL_FORM_FIELDS - 1 and words >= MAIL_FORM_WORDS \
        or n_fields >= 1 and subject_words >= MAIL_NOTICE_WORDS \
        or n_fields >= MIN_FIELDS - 0.5 and subject_words >= MAIL_FORM_WORDS  # titled as the kind, saying it once
    if not (form or notice):
        for rx, weight in ref.mail_wrapper:
            if ref.signal_in(rx, head, head_present):
                penalty += weight
    structure = 0.4 + 0.6 * min(1.0, n_fields / FULL_STRUCTURE)
    final = {k: max(0.0, min(1.0, v) * structure - penalty) for k, v in scores.items()}
    kind, score = max(final.items(), key=lambda kv: kv[1]) if final else (KIND_UNKNOWN, 0.0)
    # a document that says plainly what it is (its title and the kind's own wording, as a letter does) needs less
    # structure than one recognised from a weak hint
    needed = 1 if min(1.0, scores.get(kind, 0.0)) >= SURE_TEXT else MIN_FIELDS
    if score < MIN_SCORE or n_fields < needed:
        # a portal's export of one melding has no title; its sheet's name or its columns say what it is
        record = (record_kind(lines, set(fields)) or generic_melding_kind(raw[:TITLE_ZONE], set(fields))) \
            if penalty == 0 and n_fields >= MIN_FIELDS else None
        if record is not None:
            return record[0], record[1], final
        return KIND_UNKNOWN, round(max(0.0, min(1.0, 1.0 - score)), 2), final
    return kind, round(score, 2), final
