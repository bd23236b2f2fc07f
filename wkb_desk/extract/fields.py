"""Find labelled values in lines and turn them into normalised fields with provenance.

Layouts handled generically: "Label: value", "Label value", "Label<TAB>value" (table cells, XLSX
rows), label on one line and value on the next, labels wrapped over two lines, label rows above
value rows (table headers), and two columns of "Label: value" on one line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from wkb_desk.extract import normalize as nz
from wkb_desk.extract.classify import IN_BRACKETS, title_by_meaning
from wkb_desk.extract.locate import ANSWER_MARK, BLOCK_HEADING, Line, is_prose
from wkb_desk.extract.meaning import MAX_WORDS, TIE_WORDS
from wkb_desk.extract.records import marked_rows, this_one_column
from wkb_desk.extract.reference import LabelInfo, Reference, norm_label
from wkb_desk.models import FieldValue

FRAGMENT_MAX = 160
LOCATION_PARTS = ("straat", "huisnummer", "postcode", "plaats")
# composite targets whose values land in location fields
LOCATION_TARGETS = {"locatie", "straat", "huisnummer", "toevoeging", "postcode", "postcode_plaats", "plaats", "bag_id",
                    "kadastraal", "coordinaten", "kad_gemeente", "kad_sectie", "kad_nummer"}
_PERCEEL_PARTS = ("kad_gemeente", "kad_sectie", "kad_nummer")
_STRONG_LOCATION = {"locatie"}
_ADDRESS_TARGETS = {"locatie", "straat"}
# a house number's addition alone in a cell: a letter, a number, or a word for the floor ("a", "2", "rood", "hs")
_HOUSE_ADDITION_CELL = re.compile(r"(?i)^(?:-?\s?[a-z]|-?\s?\d{1,3}|bis|hs|huis|bg|rd|rood|zw|ii|iii)$")
_SITE_WORD = re.compile(r"bouw(?!er|bedrijf|onderneming)|locatie|project|perceel|object|kavel|\bsite\b|construction")


def names_site(label: str | None) -> bool:
    """The label's own words name the building site ("Bouwadres", "Locatie postcode", "Plaats bouwlocatie")."""
    return bool(label and _SITE_WORD.search(label))


_KAD_WORD = re.compile(r"\b(?:kadastraal(?: bekend)?(?: als)?|kadastrale aanduiding|perceel|sectie|kad\.)(?:\b|(?<=\.))\s*:?",
                       re.IGNORECASE)
_PERCEEL_NUMBER = re.compile(r"\s*\d{1,6}\s*")  # a perceel's number alone, its gemeente and sectie elsewhere
_KAD_OPEN_END = re.compile(r"(?i)\b(?:nummer|perceel|perceelnummer|nr\.?)\s*$")
_PLACE_OF_SITE = re.compile(r"(?:[,;]\s*|\bte\s+|\b(?:[Ww]oon)?[Pp]laats:?\s+)([A-Z][a-zà-ÿ'\-]+(?:[ -](?:aan|op|de|den|van|[A-Z][a-zà-ÿ'\-]+)){0,3})"
                            r"(?=\s*(?:\(|,|\.|[-–]\s|$))")  # (a lookahead: "..., Anna's Hoeve-Noord, Hilversum" has two)
_ENDS_IN_POSTCODE = re.compile(r"(?<!\d)\d{4}\s?[A-Z]{2}\s*$")
_PLACE_LINE = re.compile(r"^(?:IJ|'s-)?[A-Z]?[a-zà-ÿ'\-]+(?:[ \-](?:(?:IJ)?[A-Z][a-zà-ÿ'\-]+|aan|den|de|op|in|bij)){0,3}$")
_POSTCODE_LINE = re.compile(r"^\s*[1-9]\d{3}(?:\s?|-)[A-Za-z]{2}\b[\sA-Za-zÀ-ÿ'’.\-()]{0,50}$")


@dataclass
class Hit:
    """A label found in a line, with the raw value it introduces."""

    info: LabelInfo
    line: Line
    value: str
    value_line: Line  # where the value sits (the next line for a value below its label)
    sep: str  # ":" | "\t" | "  " | " " | "below" | "column"
    order: int  # position in the document (line * 100 + cell)
    column: int = 0  # 1: a piece further along a line (the right-hand column when two columns flowed together)


def fragment(text: str, focus: str = "") -> str:
    """The source text of a value, trimmed to FRAGMENT_MAX around `focus` (the value as written)."""
    text = re.sub(r"\s+", " ", text[:4000].replace("\t", " | ")).strip()
    if nz.has_bsn_label(text):
        text = nz.scrub_bsn(text)
    if len(text) <= FRAGMENT_MAX:
        return text
    focus = re.sub(r"\s+", " ", focus).strip()[:80]
    at = text.find(focus) if focus else -1
    if at <= FRAGMENT_MAX // 2:
        return text[: FRAGMENT_MAX - 1] + "…"
    start = max(0, min(at - FRAGMENT_MAX // 3, len(text) - FRAGMENT_MAX + 2))
    return "…" + text[start: start + FRAGMENT_MAX - 2] + "…"


# --- label detection ----------------------------------------------------------------------------

_LEADER = re.compile(r"^\s{0,3}(?:[.…_]\s?){3,60}:?|^\s{0,3}[.…_]{0,60}\s{0,3}:?\s{0,3}(?:[.…_]\s?){3,60}")


_QUESTION_NUMBER = re.compile(r"(?i)^\s*(?:vraag|vr\.|question)\s*\d{1,2}[a-z]?\s*[:.)]\s*")
_LEAD_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[a-z]\)|[-•*–·])\s+")
# (a longer note without digits too: "BAG-ID (Nummeraanduiding, earste wenning / eerste woning)")
_QUALIFIER = re.compile(r"^\((?:[^()]{1,40}|[^()\d]{41,70})\)")


_NUMBER_TOKEN = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[a-z]\)|[-•*–·])$")


def _first_word(low: str) -> str:
    """The first word of a lower-cased cell, after numbering or a bullet, without trailing ':', '?', '('."""
    tokens = low.split(None, 2)
    if not tokens:
        return ""
    word = tokens[1] if len(tokens) > 1 and _NUMBER_TOKEN.match(tokens[0]) else tokens[0]
    for stop in ":?(":
        cut = word.find(stop)
        if cut > 0:
            word = word[:cut]
    return word


_WIDE_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")


LABEL_CACHE_SIZE = 50_000


def match_label(ref: Reference, cell: str) -> tuple[str, str, str] | None:
    """`_match_label`, remembered per reference (see Reference.label_cache)."""
    cache = ref.label_cache
    try:
        return cache[cell]
    except KeyError:
        pass
    if len(cache) >= LABEL_CACHE_SIZE:
        cache.clear()
    out = _match_label(ref, cell)
    if out is not None and out[1] in (" ", "  ") and _LEADING_DASH.match(out[2]):
        out = (out[0], ":", _LEADING_DASH.sub("", out[2], 1))  # "KvK-nummer — 39.988.777": the dash is the colon
    cache[cell] = out
    return out


# a dash or bullet between a label (or question) and its value: "KvK-nummer — 39.988.777", "gebouwd? — Loods X"
_LEADING_DASH = re.compile(r"^\s*(?:[—–•·]|-(?=\s))\s*")


def _match_label(ref: Reference, cell: str) -> tuple[str, str, str] | None:
    """(normalised label, separator, remainder) when `cell` starts with a known label.

    A label the lists do not name exactly is read by its key words (meaning.py): the text before a colon
    ("Huisnummer bouwadres: 12"), or a short cell of label words alone ("Plaats van de bouwlocatie").
    """
    if cell[:1] in "([" and ":" in cell[:40]:
        return match_label(ref, cell[1:].lstrip())  # "(huidig adres: Steenweg 3, ...)": a label in brackets
    if cell.endswith("*") and len(cell) <= 90:
        bare = match_label(ref, cell.rstrip("* "))  # "Huisnummer *": a required field's mark is no value
        if bare is not None and not bare[2]:
            return bare
    numbered = _QUESTION_NUMBER.match(cell)
    if numbered and cell[numbered.end():].strip():
        return match_label(ref, cell[numbered.end():])  # "Vraag 4: Nummeraanduiding BAG": the question's number
    gap = _WIDE_GAP.search(cell, 0, 90)
    if gap and ":" not in cell[:gap.start()]:
        # "Straatnaam bouwlocatie  Deldenerstraat": a form typed with spaces; the wide gap ends the label
        pre = cell[:gap.start()]
        head = match_label(ref, pre)
        if head is not None and head[2] and _label_words(head[2], tail=True):
            head = (ref.label_by_meaning(_LEAD_NUMBER.sub("", pre).strip()) or head[0], head[1], "")
        if head is not None and not head[2]:  # "Opdrachtgever / initiatiefnemer  Daan Groote": all of it the label
            return head[0], "  ", cell[gap.end():].strip()
    exact = _match_exact(ref, cell)
    if exact is not None and exact[2] and exact[1] in (" ", "  ") and cell.endswith(")"):
        bracket = _BRACKETED_LABEL.match(cell)
        inner = match_label(ref, bracket.group(1)) if bracket else None
        if inner is not None and not inner[2]:
            return inner[0], "", ""  # "Datum fan yntsjinjen (Datum indiening)": the label in Dutch, in brackets
    if exact is None and cell[:1].isupper():
        caps = _CAPS_LABEL.match(cell)
        if caps:  # "BAG-VERBLIJFSOBJECT 0664...": a label in small capitals, its value in the same cell
            head = match_label(ref, caps.group(1).strip())
            if head is not None and not head[2] and not _label_words(cell[caps.end():], tail=True, ref=ref):
                return head[0], " ", cell[caps.end():].strip()
    colon = cell.find(":", 0, 90)
    if exact is None and colon < 0:
        typed = _WORDS_THEN_NUMBER.match(cell)
        if typed and _label_words(typed.group(1), ref=ref):
            # "postocde 9801AK Zuidhorn", "startdatun 5-7-2027": a label typed without a colon, the value a number
            key = ref.label_by_meaning(typed.group(1))
            if key is not None:
                return key, " ", cell[typed.end(1):].strip()
    if exact is None and colon < 0 and "\t" not in cell and cell[:4].lower().startswith(("het ", "de ")):
        said = _SENTENCE_LABEL.match(cell)
        key = ref.label_by_meaning(said.group(1)) if said and _label_words(said.group(1), ref=ref) else None
        info = ref.labels.get(key) if key else None
        if info is not None and info.field not in _NO_SENTENCE_LABEL:
            # "Het adres van het bouwwerk is Tuinbouwweg 23 D.", "De woonplaats is Naaldwijk.": a label written as
            # a sentence (a value starts with a capital or a digit: "... is gevestigd op ..." names none)
            return key, ":", _SENTENCE_STOP.sub("", cell[said.end():].strip())
    if colon > 0 and "?" not in cell[:colon] and "\t" not in cell[:colon]:
        pre = _LEAD_NUMBER.sub("", cell[:colon]).strip()
        if exact is None or (exact[1] != ":" and len(exact[0]) < len(norm_label(pre))) or \
                (exact[1] == ":" and exact[0] in ref.negative and norm_label(pre) != exact[0]):
            key = ref.label_by_meaning(pre) if _label_words(pre, ref=ref) and not _names_entry(ref, pre) else None
            if key is not None:
                return key, ":", cell[colon + 1:].strip(" :")
        return exact
    bare = _LEAD_NUMBER.sub("", cell).strip()  # "2.2 BAG nummeraanduiding-identificatie": a numbered question
    if exact is not None and exact[2] and exact[1] in (" ", "  ") and _label_words(exact[2], tail=True):
        key = ref.label_by_meaning(bare)
        if key is not None:
            return key, "", ""
    if exact is None and _label_words(bare, ref=ref) and not _names_entry(ref, bare):
        key = ref.label_by_meaning(bare)
        if key is not None:
            return key, "", ""
    if exact is None and " / " in cell[:60] and len(cell) <= 80:
        # "Namme / Naam", "Tafoeging / Toevoeging": a label in Frisian (or English), the Dutch one after the slash
        inner = match_label(ref, cell.split(" / ", 1)[1])
        if inner is not None and not inner[2]:
            return inner
    if exact is None:
        # "Chamber of Commerce (KvK)": a label in another language, the Dutch one in brackets after it (a heading in
        # capitals, "YNGEBRÛKNAME (INGEBRUIKNAME)", heads a block)
        bracket = _BRACKETED_LABEL.match(cell) if not cell.isupper() and not _NAME_WITH_ROLE.match(cell) else None
        if bracket:
            inner = match_label(ref, bracket.group(1))
            if inner is not None and not inner[2]:
                return inner[0], "", ""
    return exact


_SENTENCE_LABEL = re.compile(r"(?i)^(?:het|de)\s+([^.,;:?]{3,70}?)\s+(?:is|luidt|bedraagt)\s+(?=(?-i:[A-Z0-9]))")
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Za-z])\.$")  # the sentence's stop, not an abbreviation's ("B.V.")
_NO_SENTENCE_LABEL = {"projectnaam", "overslaan", "bouwer"}  # ("Het project is ...": a description, no value)
_WORDS_THEN_NUMBER = re.compile(r"^([A-Za-zÀ-ÿ][a-zà-ÿ.]+(?: [a-zà-ÿ.]+){0,2})\s+(?=\d)")
# words in capitals at a cell's start, then a word that is not ("VOORGENOMEN START BOUW ma 12 apr. 2027")
_CAPS_LABEL = re.compile(r"^((?:[A-ZÀ-Ý][A-ZÀ-Ý\-/()]+\.?\s){1,6})(?=[0-9a-zà-ÿ]|[A-ZÀ-Ý][a-zà-ÿ.])")
_ABBREV_TOKEN = re.compile(r"^(?:[A-Za-z]{1,6}\.|[/+&,\-–—]|\([a-z ]{1,30}\)|[a-z]{2,}-(?:[A-Z]{1,4}|[A-Z][a-z]{1,3}))$")


def _is_alias(ref: Reference, text: str) -> bool:
    """The text is, as a whole, a name the reference list gives a borger or instrument."""
    low = text.strip().lower()
    entry = ref.match_instrument(text) or ref.match_borger(text)
    return entry is not None and any(a.lower() == low for a in (entry.naam, *entry.aliassen))


def _names_entry(ref: Reference, text: str) -> bool:
    """The text names a kwaliteitsborger or instrument of the reference list ("Kwaliteitsborging Oost"): a value."""
    return ref.match_borger(text) is not None or ref.match_instrument(text) is not None


# acronyms that labels carry; as a word of a name they would be rare ("Inschrijving KvK", "Identificatie BAG-object")
_LABEL_ACRONYM = re.compile(r"^\(?(?:BAG|KvK|KVK|DSO|OLO|GK|BSN|KB|Wkb|WKB|TloKB|Bbl)(?:-[a-zà-ÿ]+)?\)?[:.]?$")


_HAS_DIGIT = re.compile(r"\d")


# a name with its role in brackets is a value: "J.W. Dekker (initiatiefnemer)", "Hallenbau Schmitz GmbH (gemachtigde)"
_NAME_WITH_ROLE = re.compile(r"^(?=.*(?:\b[A-Z]\.|\b(?:B\.?V|N\.?V|V\.?O\.?F|GmbH|BV|NV|VOF)\b)).*\((?:initiatiefnemer|"
                             r"gemachtigde|aanvrager|opdrachtgever|eigenaar|melder|bouwheer)\)\s*$")
# ("Chamber of Commerce (KvK)", a Frisian label with the Dutch one in brackets: "Fersyknûmer (Verzoeknummer)")
_BRACKETED_LABEL = re.compile(r"^[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,5}\s*\(([^\W\d_][\w .\-/]{1,40})\)\s*:?$")


_OCR_DIGIT = re.compile(r"(?<=[a-z])[01](?=[a-z]|$)|(?<=[A-Z])[01](?=[a-z])")


def _label_words(text: str, tail: bool = False, ref: Reference | None = None) -> bool:
    """Could `text` be (the rest of) a label: a few words, no digits, after the first word in lower case
    (labels are written in sentence case; "Locatie Noord" or "Bouwborg Twente" are names, not labels)."""
    t = text.strip()
    # ("Postc0de", "Gevo1gklasse", "Kadastraa1": a text layer made by OCR puts a 0 or 1 for a letter in a word)
    lettered = _OCR_DIGIT.sub("o", t) if "0" in t or "1" in t else t
    if not t or len(t) > 70 or _HAS_DIGIT.search(lettered) or "@" in t or ";" in t \
            or t.endswith((".", "!")) and " " in t and not _ABBREV_TOKEN.match(t.split()[-1]):
        return False
    if t.isupper() and len(t) > 3:
        t = t.lower()  # "STRAATNAAM BOUWLOCATIE": a form in capitals; its case says nothing about being a name
    tokens = t.split()
    # (a note in brackets and the small words that tie a long label together count for none of its length)
    if len([tok for tok in IN_BRACKETS.sub("", t).split() if tok not in TIE_WORDS]) > MAX_WORDS:
        return False
    for k, tok in enumerate(tokens):
        if (k == 0 and not tail) or (tok.islower() and tok != "-") or _ABBREV_TOKEN.match(tok):
            continue
        if tok in ("/", "+", "&") or k and tokens[k - 1] == "/":
            continue  # "Start of works / Start bouw": a bilingual label's second half starts with its capital
        if tok[:1] == "(" and tok[1:].islower():
            continue
        if _LABEL_ACRONYM.match(tok):
            continue  # "Identificatie BAG-object", "Inschrijving KvK", "Chamber of Commerce (KvK)"
        if ref is not None and ref.meaning is not None and ref.meaning.is_label_word(tok):
            continue  # "Nummer Omgevingsloket": a capitalised word that is itself a label word, not a name
        return False
    return True


def _second_label(ref: Reference, after: str) -> bool:
    """The words after a label's slash are a second label: none ("Projectadres /"), the label in another language
    ("Instrument / Assurance instrument", "Strjitte / Straat"), or lower-case words that are a label by themselves
    ("Adres / bouwlocatie"). A risk table's cell "plaats / niet gekoppeld" (of smoke detectors) goes on in words of
    no label."""
    if not after or not after[:1].islower():
        return True
    bare = match_label(ref, after)
    return bare is not None and not bare[2] or ref.label_by_meaning(after) is not None


def _match_exact(ref: Reference, cell: str) -> tuple[str, str, str] | None:
    low = cell[:200].lower()
    if _first_word(low) not in ref.label_first_words:
        return None  # cheap test before the big pattern: no label starts with this word
    if len(low) == len(cell[:200]):  # same offsets: match the lower-cased cell without IGNORECASE
        m = ref.label_re_lower.match(low)
    else:
        m = ref.label_re.match(cell)
    if not m:
        return None
    label = norm_label(m.group(1))
    rest = cell[m.end(1):]
    leader = _LEADER.match(rest)
    if leader:  # "Bouwadres ........ Kerkstraat 1" / "Bouwadres ___: ..."
        rest = "  " + rest[leader.end():].lstrip(" :") if ":" not in leader.group(0) else ": " + rest[leader.end():]
    stripped = rest.lstrip(" ")
    qual = _QUALIFIER.match(stripped)
    if qual and VOID_VALUE.match(qual.group(0)) and not stripped[qual.end():].strip(" :"):
        return label, ":", qual.group(0)  # "KWALITEITSBORGER (niet ingevuld)": the form says it is empty
    if qual:  # "Startdatum (gepland): ...", "Adres (bouwlocatie)?" - the qualifier belongs to the label
        stripped = stripped[qual.end():].lstrip(" ")
        if not stripped or stripped[0] in ":?":
            rest = stripped = stripped or ""
    if stripped.startswith((":", "?")):
        return label, ":", stripped[1:].strip(" :")
    if stripped.startswith("/") and _label_words(stripped[1:].strip(" :") or "x", ref=ref) \
            and _second_label(ref, stripped[1:].strip(" :")):
        # "Instrument / Assurance instrument", "Projectadres /": a label in two languages (or wrapped after its
        # slash); the value is in the next cell or on the next line
        after = stripped[1:].strip()
        return label, ":" if after.endswith(":") else "", ""
    q = stripped.find("?", 0, 120)
    if q >= 0 and ":" not in stripped[:q]:
        # "Welk instrument voor kwaliteitsborging wordt gebruikt? WKI": the question is the label
        return label, ":", stripped[q + 1:].strip(" :")
    if not stripped:
        return label, "", ""
    if label in _HEADER_WORDS:
        return None  # "Van Ravenhorst Agrarisch Vastgoed B.V.": a name; a mail's "Van" header has its colon
    if rest.startswith("  "):
        return label, "  ", stripped.strip()
    if rest.startswith(" "):
        return label, " ", stripped.strip()
    return None  # "Kwaliteitsborger, Stavast" or "Instrument-..." is not a label


# a field's code or icon in a report's column of its own: "A.07", "P-12", "[INI]", "⌂", "✉"
_ROW_CODE = re.compile(r"^(?:[A-Z]{1,3}[.-]?\d{1,3}|\[[A-Z]{2,6}\]|[^\w\s\d(\[]{1,2}|[\u2460-\u24ff\u2776-\u2793])$")
_HEADER_WORDS = {"van", "aan", "cc"}  # a mail's header labels, small words that also open a name


_NAME_PART = re.compile(r"(?i)^\s*(voorletters?|voornaam|voornamen|tussenvoegsels?|achternaam|geslachtsnaam)\s*(?:[:\t]\s*(.*?))?\s*$")


def join_name_parts(lines: list[Line]) -> None:
    """A person's name asked for in parts ("Voorletters: W.J." / "Tussenvoegsel: -" / "Achternaam: Kodde") becomes
    one value on the first line ("Naam: W.J. Kodde", or only the name below a question), the other lines empty."""
    k = 0
    while k < len(lines):
        first = _NAME_PART.match(lines[k].text)
        if not first or first.group(1).lower().startswith(("tussen", "achter", "geslacht")):
            k += 1
            continue
        parts, end = {}, k
        while end < len(lines) and end - k < 8 and (m := _NAME_PART.match(lines[end].text)):
            value = m.group(2) or ""
            if not value and end + 1 < len(lines) and not _NAME_PART.match(lines[end + 1].text) \
                    and lines[end + 1].text.strip() and "?" not in lines[end + 1].text and len(lines[end + 1].text) < 60:
                end += 1  # the label above its value ("Achternaam" / "Kodde")
                value = lines[end].text.strip()
                lines[end].text = ""
            parts[m.group(1).lower()[:5]] = "" if VOID_VALUE.match(value) else value
            end += 1
        surname = parts.get("achte") or parts.get("gesla")
        if surname and lines[end - 1].page == lines[k].page:
            name = " ".join(x for x in (parts.get("voorl") or parts.get("voorn"), parts.get("tusse"), surname) if x)
            above = _next_nonempty_above(lines, k)
            lines[k].text = name if above is not None and above.text.rstrip().endswith("?") else f"Naam: {name}"
            for j in range(k + 1, end):
                lines[j].text = ""
        k = max(end, k + 1)


_STREET_LINE = re.compile(r"^[A-Z'][\w'.\- ]{1,40}?\s\d{1,5}(?:\s?[a-zA-Z]\b|[-/]\d{1,4}\b|-[A-Za-z]{1,3}\b)?$")


def _address_lines_below(lines: list[Line], line: Line, label_rows: dict) -> tuple[str, Line] | None:
    """A street line and a postcode line right below `line`, neither labelled: an address block ("Peperstraat 12" /
    "2971 AN Bleskensgraaf"), as "Peperstraat 12, 2971 AN Bleskensgraaf" with the last line it took."""
    street = _next_nonempty(lines, line.pos, limit=1)
    if street is None or "\t" in street.text or not _STREET_LINE.match(street.text.strip()) \
            or (label_rows.get(street.pos) or [None])[0]:
        return None
    postal = _next_nonempty(lines, street.pos, limit=1)
    if postal is None or "\t" in postal.text or not _POSTCODE_LINE.match(postal.text) \
            or (label_rows.get(postal.pos) or [None])[0]:
        return None
    return f"{street.text.strip()}, {postal.text.strip()}", postal


def _next_nonempty_above(lines: list[Line], k: int) -> Line | None:
    for j in range(k - 1, max(-1, k - 3), -1):
        if lines[j].text.strip():
            return lines[j]
    return None


def mend_split_words(lines: list[Line], ref: Reference) -> None:
    """Join a form's word that a stray space broke in two ("Initiat iefnemer", "Bouwa ctiviteit"): only where a word
    the rules know runs across the space, so two words that merely stand together ("Plaats bouwlocatie") stay."""
    by_start = ref.mendable_words
    for line in lines:
        text = line.text
        if not text or len(text) > 120 or " " not in text:
            continue  # (a form's labels and values are short lines; prose is read by its sentences)
        words = text.split(" ")
        changed = False
        for i in range(len(words) - 1):
            first, second = words[i], words[i + 1]
            candidates = by_start.get(first[:3].lower()) if len(first) >= 2 else None
            if not candidates or not second[:1].islower() or not first.isalpha():
                continue
            joined = (first + second).lower()
            for word in candidates:
                # the known word runs across the space, at least two letters into the second fragment
                if len(word) > len(first) + 1 and joined[:len(first) + 2] == word[:len(first) + 2] \
                        and (joined.startswith(word) or word.startswith(joined.rstrip(".,:;?"))):
                    words[i], words[i + 1] = "", first + second
                    changed = True
                    break
        if changed:
            line.text = " ".join(w for w in words if w)


# a form's question, numbered or not ("3.1 Wie is de initiatiefnemer van het" / "bouwwerk?")
_QUESTION_OPENING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?(?:wat|wie|welk|welke|wanneer|waar|hoe|hoeveel|"
                               r"heeft|is|zijn|wordt|gaat|op welk|met welk|in welk|bij welk)\b", re.IGNORECASE)


def join_wrapped_labels(lines: list[Line], ref: Reference) -> None:
    """Join "Instrument voor" + "kwaliteitsborging" when together they form a longer known label, and a question
    wrapped at the margin ("Wie is de initiatiefnemer van het" / "bouwwerk?")."""
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if not a.text or not b.text or "\t" in a.text or a.page != b.page:
            continue
        if len(a.text) <= 90 and not a.text.rstrip().endswith(("?", ":", ".")) and b.text.rstrip().endswith("?") \
                and b.text[:1].islower() and len(b.text) <= 40 and "\t" not in b.text \
                and _QUESTION_OPENING.match(a.text):
            a.text = a.text.rstrip() + " " + b.text.strip()
            b.text = ""
            continue
        if len(a.text) <= 90 and a.text.count("(") > a.text.count(")") and b.text[:1].islower() \
                and "\t" in b.text and ")" in b.text.split("\t", 1)[0]:
            # "Datum start bouwwerkzaamheden (incl." / "ontgraven) | 12-04-2027": a note in brackets wrapped in its cell
            a.text = a.text.rstrip() + " " + b.text
            b.text = ""
            continue
        if len(a.text) > 60:
            continue
        if a.text.rstrip().endswith(":") or not b.text.strip()[:1].islower():
            continue  # "Adres:" is a whole label; a label wraps on in lower case ("Instrument voor" / "kwaliteitsborging:")
        bare = _LEAD_NUMBER.sub("", a.text)
        word = bare.split(None, 1)[0].lower().rstrip(":?") if bare.strip() else ""
        if word not in ref.label_first_words:
            continue  # cheap test before the label pattern: no label starts with this word
        first = norm_label(a.text)
        combined = first + " " + b.text
        hit = match_label(ref, combined)
        if hit and len(hit[0]) > len(first) and (hit[1] in (":", "") or hit[0] not in ref.negative):
            # keep positions stable: the second line becomes empty
            a.text = a.text.rstrip(": ") + " " + b.text
            b.text = ""


def value_first_cells(lines: list[Line], ref: Reference) -> None:
    """A summary card that writes the value before its label ("1403 CM · postcode", "Bussum · woonplaats")
    becomes label and value in cells, in the usual order; a line's other cells keep their place. Pairs that the
    PDF ran together in one cell ("2027... · verzoeknummer 5 juli 2027 · start bouw") are parted too.

    Only a cell made wholly of such pairs turns: a footer "KO · Zutphenseweg 51 · Deventer" holds values that no
    label follows, a banner "Borg4 · Risicobeoordeling" ends in no field's label.
    """
    turned_above = False
    for line in lines:
        if " · " not in line.text:
            # a scan of such a card loses the dots ("2027070200166 verzoeknummer | 3755 GR postcode"): a cell turns
            # where its value is wholly of its label's type (a place beside or below such cells)
            turned_above = _value_then_label_cells(line, ref, turned_above) if len(line.text) < 200 else False
            continue
        cells = line.text.split("\t")
        turned = [_value_first(cell.strip(), ref) for cell in cells]
        if any(turned):
            line.text = "\t".join(t or c for t, c in zip(turned, cells))
        turned_above = any(turned)


_ADDRESS_PARTS = {"straat", "huisnummer"}


def _value_then_label_cells(line: Line, ref: Reference, turned_above: bool) -> bool:
    if not turned_above and not _DIGIT.search(line.text):
        return False
    cells = line.text.split("\t")
    typed = [_value_then_label(cell.strip(), ref, places=False) for cell in cells]
    if not any(typed) and not turned_above:
        return False
    turned = [t or _value_then_label(c.strip(), ref, places=True) for t, c in zip(typed, cells)]
    if any(turned):
        line.text = "\t".join(t or c for t, c in zip(turned, cells))
    return any(turned)


def _value_then_label(cell: str, ref: Reference, places: bool) -> str | None:
    """"2027070200166 verzoeknummer" -> "verzoeknummer<TAB>2027070200166" where the value is wholly of the label's
    type: a date, a number, a postcode, a street and number, a perceel, a listed borger or instrument; with
    `places` (beside or below such cells), also a place name alone ("Eemnes plaats") and a name under a caption
    ("Melkveebedriuw Van der Meer V.O.F. naam": a printed form's small caption under its line, run into it)."""
    if not places and not _DIGIT.search(cell) and not _CAPTION_END.search(cell):
        return None  # (cheap tests first: this is tried on every short line)
    words = cell.split()
    if not 2 <= len(words) <= 10 or not cell[:1].isalnum() or not _caption_word(words[-1], ref):
        return None
    for k in (5, 4, 3, 2, 1):
        if k >= len(words):
            continue
        label, value = " ".join(words[-k:]), " ".join(words[:-k])
        if not (label[:1].islower() or _LABEL_ACRONYM.match(words[-k])):
            continue  # a caption is set in lower case ("straat en huisnummer"), or opens with its acronym ("BAG ...")
        key = ref.label_by_meaning(label)
        info = ref.labels.get(key) if key else None
        if info is None:
            if places and norm_label(label) in ref.name_labels and _name_value(value) == value:
                return f"{label}\t{value}"  # "naam": whose name, the section says (find_hits)
            continue
        field = info.field
        if wholly_typed(field, value) or field == "postcode" and nz.normalize_postcode(value) == value.upper() \
                or field in ("locatie", "straat") and set(nz.parse_address(value)) == _ADDRESS_PARTS \
                or field == "kadastraal" and nz.normalize_kadastraal(value) is not None \
                or field == "gevolgklasse" and value in ("1", "2", "3") \
                or field == "kwaliteitsborger" and ref.match_borger(value) is not None \
                or field == "instrument" and ref.match_instrument(value) is not None \
                or places and field == "plaats" and len(value.split()) <= 3 and value[:1].isupper() \
                and nz.clean_place(value) == value \
                or field == "kad_nummer" and value.isdigit() and len(value) <= 6 \
                or places and field == "kad_sectie" and re.fullmatch(r"[A-Z]{1,2}", value) \
                or places and field == "kad_gemeente" and value[:1].isupper() and len(value.split()) <= 2 \
                and not _HAS_DIGIT.search(value) \
                or places and field in ("initiatiefnemer", "bouwer", "instrument") and _name_value(value) == value:
            return f"{label}\t{value}"
    return None


_CAPTION_END = re.compile(r"\b(?:naam|kwaliteitsborger|instrument|plaats)$")


def _caption_word(word: str, ref: Reference) -> bool:
    """The last word of a cell could end a caption: a word in lower case ("huisnummer", "kvk-nummer"), a label word
    ("Omgevingsloket") or an acronym in brackets ("(BAG)")."""
    bare = word.strip("()")
    if not bare.replace("-", "").isalpha():
        return False
    return bare.islower() or bool(_LABEL_ACRONYM.match(word)) or ref.meaning is not None and \
        ref.meaning.is_label_word(bare) or bare.lower().startswith("kvk")


def captions_below_values(lines: list[Line], ref: Reference) -> None:
    """A printed form sets a small caption under each value line ("Tsjerkepaad 21 | 8614 JD | Oudega" over
    "straat en huisnummer | postcode | plaats"; "15-03-2027" over "geplande start bouwwerkzaamheden"): the values
    take their captions as labels, cell by cell. A card's value may wrap within its cell ("Vuurbaakweg 3" /
    "1789 AR Den Helder" over "ADRES BOUWLOCATIE | ..."): lines of one cell between the row and its captions
    continue the first cell. Only a row of captions (bare labels, in lower case or capitals) under a row without
    labels turns, and only where no label row stands above that row (then the labels head the values)."""
    shown = [ln for ln in lines if ln.text.strip()]
    for k, line in enumerate(shown):
        head = line.text.lstrip()[:3]
        if len(line.text) > 160 or not (head[:1].islower() or head.isupper()):
            continue  # (cheap test first: a caption is in lower case, in capitals or opens with an acronym)
        caps = [c.strip() for c in line.text.split("\t")]
        if k == 0 or not caps[0] or any(len(c) > 45 for c in caps) or not all(_caption(ref, c) for c in caps if c):
            continue
        # the value row: the line above, or the row of cells up to MAX_WRAP lines of one cell above
        start = k - 1
        while len(caps) > 1 and start > 0 and k - start <= _MAX_WRAP and "\t" not in shown[start].text:
            start -= 1
        if "\t" not in shown[start].text or _captioned(ref, shown[start]):
            start = k - 1  # no row of cells above the wrapped lines (or one with its own captions): the line above
        block = shown[start:k]
        if any(b.page != line.page or not b.text.strip() for b in block):
            continue
        vals = [c.strip() for c in block[0].text.split("\t")]
        for more in block[1:]:
            vals[0] = f"{vals[0]}, {more.text.strip()}" if nz.find_postcode(more.text[:12]) else \
                f"{vals[0]} {more.text.strip()}"
        above = shown[start - 1] if start > 0 and shown[start - 1].page == line.page else None
        below = shown[k + 1] if k + 1 < len(shown) and shown[k + 1].page == line.page else None
        if len(vals) < len(caps) and below is not None and len(below.text.split("\t")) == len(caps) \
                and not _captioned(ref, below):
            continue  # "Woning Backxlaan 221" over "BOUWLOCATIE | POSTCODE/PLAATS | ...": headings of the row below
        if len(vals) == 1 and len(caps) > 1 and len(block) == 1:
            # one value over a row of captions ("Langweer" over "straat en huisnummer | postcode | plaats"): it
            # stands under the caption whose type it has (the empty cells are lost in the text)
            fit = next((c for c in caps if c and _fits_caption(ref, vals[0], c)), None)
            if fit is not None:
                caps = [fit]
        if len(vals) <= len(caps) and not any(match_label(ref, v) for v in vals) \
                and any(v and _fits_caption(ref, v, c) for c, v in zip(caps, vals)) \
                and not (above is not None and _label_row(ref, above) and not _SECTION_NUMBER.match(above.text)):
            block[0].text = "\t".join(f"{_caption_label(c)}\t{v}" for c, v in zip(caps, vals) if v)
            for b in block[1:] + [line]:
                b.text = ""


_MAX_WRAP = 3  # lines of one cell a card's value may wrap over above its captions
# "2. Bouwlocatie" over the values and their captions: a numbered section's heading, no row of labels over them
_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[^\t\d]+$")


def _fits_caption(ref: Reference, value: str, caption: str) -> bool:
    """The value is of the type its caption names ("Opeinde" under "plaats", "7573DT" under "ZIP CODE")."""
    return _value_then_label(f"{value} {caption.lower() if caption.isupper() else caption}", ref, places=True) \
        is not None


def _captioned(ref: Reference, line: Line) -> bool:
    """A cell of the line already holds its value run into its caption ("Oudega plaats")."""
    return any(_value_then_label(c.strip(), ref, places=True) for c in line.text.split("\t"))


def _caption(ref: Reference, cell: str) -> bool:
    if not cell[:1].islower() and not _LABEL_ACRONYM.match(cell.split()[0]) and not (cell.isupper() and len(cell) > 3):
        return False
    m = match_label(ref, _caption_label(cell))
    return bool(m and not m[2] and (m[0] in ref.labels or m[0] in ref.name_labels))


def _caption_label(cell: str) -> str:
    """The label a caption reads as: "DATUM PLAN / VERSIE 1" is the plan's date (a note after the slash)."""
    head = cell.split(" / ", 1)[0]
    return head if head != cell and not _HAS_DIGIT.search(head) and _HAS_DIGIT.search(cell) else cell


def _label_row(ref: Reference, line: Line) -> bool:
    """A row of bare labels ("Adres | Postcode | Plaats", "VERZOEKNUMMER | DATUM INDIENING | TYPE"); "Oudega plaats"
    is a value run into its caption."""
    cells = [c.strip() for c in line.text.split("\t") if c.strip()]
    return bool(cells) and all((_caption(ref, c) or _bare_label(ref, c) or c.isupper() and not _HAS_DIGIT.search(c))
                               and not _value_then_label(c, ref, places=True) for c in cells)


RIGHT_LABEL_RUN = 3  # rows of "value | label" in one table before its columns count as swapped


def labels_on_the_right(lines: list[Line], ref: Reference) -> None:
    """A table that puts each value left of its label ("Op de Vonder 7 | Bouwadres", "TÜV NORD | Kwaliteitsborger")
    is turned into the usual order. Only a run of two-cell rows whose right cells are mostly bare labels and whose
    left cells are none turns: a form's "Rol | Initiatiefnemer" alone stays as it is."""
    def bare_label(cell: str) -> bool:
        m = match_label(ref, cell.strip())
        return bool(m and not m[2] and m[0] in ref.labels)

    run: list[Line] = []
    for line in lines + [None]:
        cells = line.text.split("\t") if line is not None else []
        pair = len(cells) == 2 and all(c.strip() for c in cells)
        if pair and (not run or run[-1].page == line.page and run[-1].pos + 1 == line.pos):
            run.append(line)
            continue
        turned = [ln for ln in run if bare_label(ln.text.split("\t")[1]) and not bare_label(ln.text.split("\t")[0])]
        if len(turned) >= RIGHT_LABEL_RUN and len(turned) * 5 >= len(run) * 3:
            for ln in run:
                left, right = ln.text.split("\t")
                if not bare_label(left):
                    ln.text = f"{right}\t{left}"
        run = [line] if pair else []


def _value_first(cell: str, ref: Reference) -> str | None:
    parts = cell.split(" · ")
    if len(parts) < 2 or len(parts) > 9 or not ref.label_by_meaning(parts[-1]):
        return None
    values, labels = [parts[0]], []
    for mid in parts[1:-1]:
        words = mid.split()
        # the label is the shortest run of words the rules read as one, the rest the next pair's value
        cut = next((k for k in range(1, min(4, len(words) - 1) + 1) if ref.label_by_meaning(" ".join(words[:k]))), 0)
        if not cut:
            return None
        labels.append(" ".join(words[:cut]))
        values.append(" ".join(words[cut:]))
    labels.append(parts[-1])
    if any(not v or len(v) > 80 or ref.label_by_meaning(v) for v in values):
        return None
    return "\t".join(f"{label}\t{value}" for label, value in zip(labels, values))


# the small words of a form's help text ("Vul ook een toevoeging in als die er is", "Degene voor wie gebouwd wordt")
_HELP_WORDS = re.compile(r"(?i)\b(?:de|het|een|van|voor|als|die|dat|uw|u|niet|ook|of|op|bij|wie|waar|waarop|in|te|"
                         r"cijfers|letters|invullen|vul)\b")
_HELP_FIELDS = {"datum", "startdatum", "ingebruikname", "verzoeknummer", "verwijst_naar", "bag_id", "kvk", "postcode",
                "huisnummer", "straat", "plaats", "initiatiefnemer", "kwaliteitsborger", "instrument", "gevolgklasse"}


def _help_text(text: str) -> bool:
    t = text.strip()
    return 12 <= len(t) <= 140 and len(t.split()) >= 3 and len(_HELP_WORDS.findall(t)) >= 2


def _fits_field(ref: Reference, field: str, text: str) -> bool:
    """Whether `text` reads as a value of `field` (for the fields whose values have a form of their own)."""
    t = text.strip()
    if field not in _HELP_FIELDS:
        return False
    if field in ("datum", "startdatum", "ingebruikname"):
        return bool(nz.find_dates(t)) and len(t) <= 40
    if field in _NUMBER_TYPES:
        return _NUMBER_TYPES[field](t) is not None
    if field == "postcode":
        return nz.find_postcode(t) is not None and len(t) <= 12
    if field == "huisnummer":
        return nz.normalize_huisnummer(t) is not None and len(t) <= 12
    if field == "gevolgklasse":
        return bool(re.fullmatch(r"(?i)(?:gevolgklasse\s*)?[123]", t))
    if field in ("kwaliteitsborger", "instrument"):
        return (ref.match_borger(t) if field == "kwaliteitsborger" else ref.match_instrument(t)) is not None
    return _name_value(t) is not None and not _help_text(t)  # a street, a place, a name: no sentence of help


_PAGE_MARK = re.compile(r"(?i)\b(?:pagina|page|blad)\s+\d+\s+(?:van|of)\s+\d+\b")


def _looks_like_value(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 120 or _PAGE_MARK.search(t):
        return False  # ("Omgevingsloket    Pagina 2 van 2": the running head of a page, under an empty field)
    # a sentence is no value; "B.V." or "nr." at the end is
    if t.endswith("?") or (t.endswith(".") and len(t.split()) > 8 and not re.search(r"\b(?:b\.v|n\.v|v\.o\.f|nr|e\.a)\.$", t, re.IGNORECASE)):
        return bool(nz.find_dates(t[:40]))
    return True


def _data_row_labels(ref: Reference, parsed: list, cells: list[str]) -> list:
    """A row of a data table (a risk table: five filled cells or more, most of them no label) holds measures and
    moments, not labels: a cell read as a label only by its key words ("Plaatsen van doorvoeringen") is text.
    Empty cells (a form's spacing columns) do not count."""
    labels = sum(1 for p in parsed if p)
    filled = sum(1 for c in cells if c.strip())
    if filled < 5 or labels * 2 >= filled:
        return parsed
    listed = sum(1 for p in parsed if p and not p[2] and not getattr(ref.labels.get(p[0]), "by_meaning", True))
    if listed >= 3 and not any(ch.isdigit() for c in cells for ch in c):
        return parsed  # a wide export's header row, names only ("RiskID | Locatie adres | ... | KB"): labels
    return [None if p and getattr(ref.labels.get(p[0]), "by_meaning", False) else p for p in parsed]


# beside "Sectie" in one row, the bare words of a perceel's other parts name those parts
_PERCEEL_ROW_WORDS = {"gemeente": "kadastrale gemeente", "kad. gemeente": "kadastrale gemeente",
                      "perceel": "perceelnummer", "nummer": "perceelnummer", "nr.": "perceelnummer",
                      "nr": "perceelnummer", "perceelnr.": "perceelnummer", "perceelnr": "perceelnummer"}
_GEMEENTE_PIECE = re.compile(r"(?i)^\s*(?:kadastrale\s+)?gemeente\s*:\s*(\S.*?)\s*$")


def _perceel_row_labels(ref: Reference, parsed: list, cells: list[str]) -> list:
    """"Gemeente | Sectie | Perceel" (or with colons on one line): in a row that names the sectie, "gemeente" is the
    kadastrale gemeente and "perceel" / "nummer" the perceel's number, not a whole perceel or a house number."""
    if len(parsed) == 1 and not parsed[0] or \
            not any(p and "ectie" in p[0] and getattr(ref.labels.get(p[0]), "field", "") == "kad_sectie" for p in parsed):
        return parsed
    out = list(parsed)
    # ("Gemeente | ... | Kad. gemeente | Sectie | Perceel": where the row names the kadastrale gemeente itself, its
    # "Gemeente" is the municipality)
    own_gemeente = any(p and getattr(ref.labels.get(p[0]), "field", "") == "kad_gemeente" for p in parsed)
    # ("Straat | Nr. | ... | Sectie | Perceel": where the row names the street and the perceel, "Nr." is the house's)
    words = [(p[0] if p else c.strip().rstrip(" :").lower()) for p, c in zip(parsed, cells)]
    house_nr = "perceel" in words and any(getattr(ref.labels.get(p[0]), "field", "") == "straat" for p in parsed if p)
    for i, cell in enumerate(cells):
        word = words[i]
        if own_gemeente and _PERCEEL_ROW_WORDS.get(word) == "kadastrale gemeente" \
                or house_nr and word in ("nr.", "nr", "nummer"):
            continue
        gemeente = None if out[i] else _GEMEENTE_PIECE.match(cell)
        if gemeente and "kadastrale gemeente" in ref.labels:
            out[i] = ("kadastrale gemeente", ":", gemeente.group(1))
        elif word in _PERCEEL_ROW_WORDS and _PERCEEL_ROW_WORDS[word] in ref.labels:
            out[i] = (_PERCEEL_ROW_WORDS[word],) + (tuple(out[i][1:]) if out[i] else ("", ""))
    return out


# "Nee, door de initiatiefnemer": an answer, not a label; "Namens de initiatiefnemer,": a letter's closing (the name
# below it is whoever signs)
_ANSWER = re.compile(r"(?i)\s*(?:ja|nee)\b[ ,.:;]|\s*namens\b[^:\t]*,\s*$")
_VALUE_ONLY = re.compile(r"^[\d\s.,:;/\-–()€%]+$")  # a cell of digits and marks ("2026041601264", "16-04-2026"): no label


def _is_title(ref: Reference, cell: str) -> bool:
    """The document's title ("Melding start bouwwerkzaamheden", at the top) is no label of the line below it. One
    word ("Bouwmelding" above a number) may well be a label, and so may a title's words further down ("Aanvang
    bouwwerkzaamheden | 13-07-2026", a title's words beside their value)."""
    if " " not in cell.strip():
        return False
    title = ref.title_match(cell)
    if title is None:
        return title_by_meaning(cell) is not None  # "Informatieplicht start bouw": a title no list names exactly
    return title.end() >= len(cell.strip().rstrip(" :"))


def _continues_sentence(prev: str, text: str) -> bool:
    """A line in lower case under a long line that ends no sentence: the same sentence, wrapped at the margin."""
    return text[:1].islower() and len(prev) > 40 and "\t" not in prev and not prev.rstrip().endswith(
        (".", ":", ";", "?", "!"))


def find_hits(lines: list[Line], ref: Reference) -> list[Hit]:
    hits: list[Hit] = []
    label_rows: dict[int, list[tuple[str, str, str] | None]] = {}
    prev = ""
    for line in lines:
        if not line.text:
            continue
        cells = line.cells
        title_line = line.pos < 6 and "\t" not in line.text and _is_title(ref, line.text)
        parsed = [match_label(ref, c.strip()) if c.strip() and not title_line and not _VALUE_ONLY.match(c)
                  and not _ANSWER.match(c) else None for c in cells]
        if _continues_sentence(prev, line.text) and parsed[0] and parsed[0][1] not in (":", "\t"):
            parsed[0] = None  # "... ingediend onder" / "verzoeknummer 2026...": a sentence's words, not a label
        label_rows[line.pos] = _perceel_row_labels(ref, _data_row_labels(ref, parsed, cells), cells)
        prev = line.text
    in_runs = _label_column_runs(lines, ref, label_rows, hits)
    history: set[int] = set()  # rows of a revision table
    for line in lines:
        if not line.text or line.pos in in_runs or line.pos in history:
            continue
        cells = line.cells
        parsed = label_rows[line.pos]
        nonempty = [i for i, c in enumerate(cells) if c.strip()]
        # a header row: every cell a bare label, values in the row(s) below by column
        below = _next_nonempty(lines, line.pos)
        if below is not None and len(nonempty) >= 3 and _CELL_WRAP.match(below.text):
            below = _next_nonempty(lines, below.pos)  # "Toe" / "v.": a heading's cell wrapped, the values below it
        if len(nonempty) >= 2 and _revision_header(cells):
            # "Versie | Datum | Wijziging": the document's history, its dates are no date of its own, nor is a
            # version's description a label ("Concept for client review | SV")
            history |= _history_rows(lines, line)
            continue
        if len(nonempty) >= 2 and _header_row(parsed, cells, nonempty, below,
                                              label_rows.get(below.pos) if below is not None else None):
            if any(parsed[i] and parsed[i][0] in ref.labels for i in nonempty):
                # (a value alone below stands under the first heading: "Plaats | BAG-id (indien bekend)" over
                # "Zeewolde", the other cells left empty)
                lone = below is not None and "\t" not in below.text and below.text.strip() \
                    and not (label_rows.get(below.pos) or [None])[0] and not below.heading and not _help_text(below.text)
                infos = {i: _owned_label(ref, parsed[i][0], line) if parsed[i] else None for i in nonempty}
                shared = None  # the columns a list of records agrees on (None: all of the one row)
                if below is not None and "\t" in below.text:
                    below, shared = _own_row(lines, below, len(nonempty), ref, cells)
                    site_cols = {i for i, info in infos.items() if info and info.field in LOCATION_TARGETS}
                    if shared is not None and not shared & site_cols:
                        below = None  # rows that share a borger or a status but no address: several projects
                fits = below is not None and ("\t" in below.text or lone) \
                    and _values_below(ref, parsed, label_rows.get(below.pos, []))
                if fits:
                    vcells = _realigned(ref, cells, below.cells)
                    for i, info in infos.items():
                        if info and i < len(vcells) and vcells[i].strip() and (shared is None or i in shared):
                            hits.append(Hit(info, line, vcells[i].strip(), below, "column", line.pos * 100 + i))
                # no values below, and the cells no list knows are values ("Aanvrager | Initiatiefnemer |
                # G. Smit-Bos": a group's name, a label and its value): read as pairs
                unknown = [cells[i] for i in nonempty if not parsed[i]]
                # ("Kadastraal perceel | Kadastrale gemeente | Bennekom": a group, its label, a value with no mark)
                grouped = len(nonempty) == 3 and parsed[nonempty[0]] and parsed[nonempty[1]] \
                    and not parsed[nonempty[2]] and not parsed[nonempty[1]][2]
                # ("Rol | Initiatiefnemer": the role a form asks is itself a label word, and the pair's value)
                role = len(nonempty) == 2 and infos[nonempty[0]] is not None and infos[nonempty[0]].field == "melder_rol"
                if not role and (fits or not unknown or not grouped and not all(_VALUE_MARK.search(c) for c in unknown)):
                    continue
        if line.heading and len(nonempty) >= 2 and all(BLOCK_HEADING.match(cells[i].strip()) for i in nonempty):
            continue  # "INITIATIEFNEMER | KWALITEITSBORGING | PLANNING": the headings of blocks side by side, no pair
        if len(nonempty) in (1, 2) and not parsed[nonempty[0]] and "?" in cells[nonempty[0]]:
            # a question alone, or a question in a table cell with its answer in the next cell
            hit = _question_hit(lines, line, ref, label_rows)
            if hit is not None:
                hits.append(hit)
                continue
        i = 0
        group = None  # a group's name in the row's first cell ("Initiatiefnemer | Naam / organisatie | X")
        while i < len(cells):
            p = parsed[i]
            if not p:
                i += 1
                continue
            label, sep, rest = p
            info = _owned_label(ref, label, line)
            if group is not None and ref.labels.get(label) is None and label in ref.name_labels:
                info = LabelInfo(group.field, f"{group.label}: {label}", False)  # "Naam" is the group's name
            group = None
            if info is None:  # a negative label: skip its value, but not labels later on the line
                if rest:
                    for piece_label, piece_value in _split_inline(ref, label, rest)[1:]:
                        pinfo = ref.labels.get(piece_label)
                        if pinfo is not None:
                            hits.append(Hit(pinfo, line, piece_value, line, ":", line.pos * 100 + i, 1))
                i += 2 if (not rest and i + 1 < len(cells)) else 1
                continue
            value, vline, vsep = rest, line, sep
            consumed = 1
            if not value and i + 1 < len(cells):
                j = i + 1
                # "Label | (empty) | value": spreadsheets leave columns empty (a row of one label and one value
                # pairs them however far apart: a form whose values sit in column K)
                while j < len(cells) - 1 and not cells[j].strip() and (j < i + 4 or len(nonempty) == 2):
                    j += 1
                value, vsep, consumed = cells[j].strip(), "\t", j - i + 1
                if _ROW_CODE.match(value) and j + 1 < len(cells) and cells[j + 1].strip():
                    # "Opdrachtgever | A.07 | Woonstichting Drechtwonen", "Bouwlocatie | [LOC] | Noordendijk 212":
                    # a report's field code or icon between the label and its value
                    j += 1
                    value, vsep, consumed = cells[j].strip(), "\t", j - i + 1
                if parsed[j] and (not parsed[j][2] or parsed[j][0] in ref.labels and not ref.labels[parsed[j][0]].weak) \
                        and not _is_alias(ref, cells[j]) and info.field != "melder_rol" \
                        and not _describes_site(info.field, ref, parsed[j]):
                    # ("Instrument | Kwaliteitsborgingsinstrument WKI": a name; "Rol | Initiatiefnemer": a role)
                    # ("KWALITEITSBORGER | TOEGEPAST INSTRUMENT DeltaBorg": the next cell is a labelled value of its own)
                    value = ""  # the next cell is itself a bare label, or a labelled value read on its own
                    consumed = j - i
                    if not parsed[j][2]:
                        # "Locatie | Adres | Gemeenteweg 212": a group's name, then its label and value
                        group = info if info.field in _PARTY_FIELDS else None
                elif info.field in ("huisnummer", "huisnummer_kaal") and j + 1 < len(cells) and value.isdigit() \
                        and _HOUSE_ADDITION_CELL.match(cells[j + 1].strip()) and not parsed[j + 1]:
                    # "Huisnummer | 211 | a", "Huisnummer | 7 | rood": the addition in a cell of its own
                    value, consumed = f"{value} {cells[j + 1].strip()}", j + 2 - i
                elif info.field in _ADDRESS_TARGETS | {"postcode", "postcode_plaats", "kad_sectie"} \
                        and not VOID_VALUE.match(value):  # ("nog niet toegekend | d": an empty field and a speck)
                    # "Adres | Lindelaan 2 | 7471 AB | Goor": an address spread over the row's cells
                    k = j + 1
                    while k < len(cells) and k < j + 4 and not parsed[k]:
                        k += 1
                    if k > j + 1:
                        # (a postcode's digits and letters in cells of their own: "8017 | BK")
                        glue = " " if info.field in ("postcode", "kad_sectie") else ", "  # ("N | 4471")
                        value = glue.join(c.strip() for c in cells[j:k] if c.strip())
                        consumed = k - i
            elif value and info.field in _ADDRESS_TARGETS and not nz.find_postcode(value) and i + 1 < len(cells):
                # "Locatie: Westerblokker 45 B | 1695 AK | Hoorn": the rest of the address in the row's next cells
                k = i + 1
                while k < len(cells) and k < i + 4 and not parsed[k] and cells[k].strip():
                    k += 1
                tail = ", ".join(c.strip() for c in cells[i + 1:k])
                if tail and nz.find_postcode(tail):
                    value, consumed = f"{value}, {tail}", k - i
            if not value and i == len(cells) - 1 and len(nonempty) == 1:
                nxt = _marked_answer(lines, _next_nonempty(lines, line.pos, limit=2))
                nxt_label = label_rows.get(nxt.pos) if nxt is not None else None
                # below a section heading ("Locatie") any label on the next line starts a field of its own
                blocked = (nxt_label and nxt_label[0]) if line.heading else _strong_label(nxt_label)
                role = info.field == "melder_rol"  # "Rol" over "Initiatiefnemer": the role is itself a label word
                if nxt is not None and "\t" not in nxt.text and (role or not blocked and not nxt.heading) \
                        and _looks_like_value(nxt.text):
                    value, vline, vsep = nxt.text.strip(), nxt, "below"
                    after = _next_nonempty(lines, nxt.pos, limit=1) if _help_text(nxt.text) else None
                    if after is not None and "\t" not in after.text and not (label_rows.get(after.pos) or [None])[0] \
                            and _fits_field(ref, info.field, after.text) and not _fits_field(ref, info.field, nxt.text):
                        # "Postcode" / "4 cijfers en 2 letters" / "5706ls": the form's help text under its label
                        value, vline = after.text.strip(), after
            if value and info.field == "locatie" and not any(ch.isdigit() for ch in value):
                # "Bouwlocatie | Werktuigenberging Maatschap Verhoef-Boer" over "Peperstraat 12" / "2971 AN
                # Bleskensgraaf": the site's name beside its label, its address in the lines below
                below_site = _address_lines_below(lines, vline, label_rows)
                if below_site is not None:
                    value, vline = below_site
            if value and info.field in _ADDRESS_TARGETS and not any(ch.isdigit() for ch in value):
                # "Straat en huisnummer | Schellerbergweg" over " | 41 | a": the number and letter in the row below,
                # under the street's column, its label cell left empty
                cont = _next_nonempty(lines, vline.pos, limit=1)
                below = [c.strip() for c in cont.cells] if cont is not None and "\t" in cont.text else []
                filled = [c for c in below if c]
                if below and not below[0] and filled and re.fullmatch(r"\d{1,5}", filled[0]) \
                        and not label_rows.get(cont.pos, [None])[0]:
                    letter = filled[1] if len(filled) > 1 and re.fullmatch(r"[A-Za-z]|\d{1,4}", filled[1]) else ""
                    value = f"{value} {filled[0]}{'-' if letter.isdigit() else ''}{letter}"
            if value and info.field in _ADDRESS_TARGETS and not nz.find_postcode(value):
                # "Bouwadres: Kerkstraat 12" with "7601 AB Almelo" on the next line, unlabelled
                cont = _next_nonempty(lines, vline.pos, limit=1)
                # (also as the first cell of a row whose label cell is merged with the one above: "Wolfskuilseweg
                # 313 B" / "6542 AK Nijmegen | BAG identificatie | 0268...")
                # (or alone in the value's column below it: "Project address | Lopikerweg Oost 201" / " | 3411 AL Lopik")
                first = cont.cells[0].strip() if cont is not None else ""
                if cont is not None and not first and len([c for c in cont.cells if c.strip()]) == 1:
                    first = next(c.strip() for c in cont.cells if c.strip())
                if cont is not None and _POSTCODE_LINE.match(first) \
                        and not label_rows.get(cont.pos, [None])[0]:
                    value = f"{value}, {first}"
            elif value and info.field in _ADDRESS_TARGETS and _ENDS_IN_POSTCODE.search(value):
                # "Bouwadres: Koudekerkseweg 112b, 4335 SE" with "Middelburg" alone on the next line: wrapped
                cont = _next_nonempty(lines, vline.pos, limit=1)
                if cont is not None and "\t" not in cont.text and _PLACE_LINE.match(cont.text.strip()) and \
                        not label_rows.get(cont.pos, [None])[0] and not cont.heading:
                    value = f"{value} {cont.text.strip()}"
            elif value and info.field == "kadastraal" and _KAD_OPEN_END.search(value):
                # "gemeente Harderwijk, sectie K, nummer" with "2291" alone on the next line: wrapped in its cell
                cont = _next_nonempty(lines, vline.pos, limit=1)
                if cont is not None and _PERCEEL_NUMBER.fullmatch(cont.text):
                    value = f"{value} {cont.text.strip()}"
            if value:
                for k, (piece_label, piece_value) in enumerate(_split_inline(ref, label, value)):
                    pinfo = info if piece_label == label and k == 0 else ref.labels.get(piece_label)
                    if pinfo is not None:
                        hits.append(Hit(pinfo, line, piece_value, vline, vsep if k == 0 else ":",
                                        line.pos * 100 + i, int(k > 0 or i > 0)))
            i += consumed
        # "Label: value" further along a line without TABs (two-column flow)
        if "\t" not in line.text and parsed and not parsed[0]:
            for piece_label, piece_value in _split_inline(ref, None, line.text):
                info = ref.labels.get(piece_label)
                if info is not None and piece_value:
                    hits.append(Hit(info, line, piece_value, line, ":", line.pos * 100 + 50, 1))
    _names_wrapped_in_prose(lines, hits, label_rows)
    _site_postal_rows(ref, hits)
    return hits


def _site_postal_rows(ref: Reference, hits: list[Hit]) -> None:
    """"Locatie | Duinpark 12, unit 7" with "Postadres | Helmweg 12-7, 1759 HB Callantsoog" on the next row: a site
    on a holiday park or a plot is named by its place there, and its postal address is the site's address. (Only
    right under the location's own row: elsewhere a postadres is a party's.)"""
    site = ref.labels.get("locatie")
    if site is None:
        return
    taken: list[int] = []
    for k in range(1, len(hits)):
        h, prev = hits[k], hits[k - 1]
        if h.info.field == "partij_adres" and h.info.label == "postadres" and prev.info.field == "locatie" \
                and 0 < h.line.pos - prev.value_line.pos <= 2 and h.line.page == prev.line.page \
                and not h.line.party and nz.find_postcode(h.value) and not nz.find_postcode(prev.value):
            hits[k - 1] = Hit(site, prev.line, h.value, h.value_line, prev.sep, prev.order, prev.column)
            taken.append(k)
    for k in reversed(taken):
        del hits[k]


_PARTY_FIELDS = {"initiatiefnemer", "kwaliteitsborger", "bouwer", "melder"}


def _names_wrapped_in_prose(lines: list[Line], hits: list[Hit], label_rows: dict) -> None:
    """"... Opdrachtgever: Bouwbedrijf" / "Hulsbeek B.V. Het bouwwerk ...": in a paragraph a name at the end of a
    line goes on at the start of the next; the name's guard cuts it where the next sentence starts."""
    for h in hits:
        if h.info.field not in _PARTY_FIELDS or h.sep != ":" or h.value_line is not h.line:
            continue
        text, value = h.line.text.rstrip(), h.value.strip()
        if len(text) < 40 or not value or not text.endswith(value) or "\t" in text:
            continue
        if value.endswith((".", ",", ";", ")")) and not _INITIALS_ONLY.match(value):
            continue
        k = h.line.pos + 1
        nxt = lines[k] if k < len(lines) and lines[k].pos == k else None
        if nxt is None or nxt.page != h.line.page or not nxt.text[:1].isupper() or "\t" in nxt.text \
                or ":" in nxt.text[:45] or "?" in nxt.text[:120] or nxt.heading or (label_rows.get(nxt.pos) or [None])[0]:
            continue  # (a labelled line or a question of its own: "Initiatiefnemer postadres:", "Wat is uw BSN?")
        h.value = f"{value} {nxt.text.strip()}"


_WORD = re.compile(r"[a-zà-ÿ\-]+")
# "Naam" in a block recognised by its heading's meaning: whose name it is
_NAME_OF_KIND = {"melder": "melder", "aanvrager": "initiatiefnemer", "kwaliteitsborger": "kwaliteitsborger",
                 "bouwer": "bouwer"}


def _owned_label(ref: Reference, label: str, line: Line) -> LabelInfo | None:
    """The label's field; "Naam" inside "Gegevens aanvrager" (or under "3 Initiatiefnemer") is the applicant's name."""
    info = ref.labels.get(label)
    if info is None and label in ref.name_labels and (line.section in ref.section_names
                                                       or line.party_kind in _NAME_OF_KIND):
        owner = ref.section_names.get(line.section) or _NAME_OF_KIND[line.party_kind]
        info = LabelInfo(owner, f"{line.section}: {label}", False)
    return info


_YES_NO_VERBS = {"wordt", "worden", "is", "zijn", "heeft", "hebben", "bent", "gaat", "komt", "kan", "mag", "moet",
                 "wilt", "zal", "valt", "vallen", "betreft", "gebruikt", "doet"}
EXPORT_HEADINGS = 6  # known labels in one row of column headings that make it an export's header row
_HEADER_WORD = re.compile(r"^[A-ZÀ-Ý][\w.()/\- ]{1,40}$")  # a column's heading: short words, no digits


# the fields of a project table; a letterhead's labelled lines hold the office's own (KvK, telefoon, e-mail)
_PROJECT_TABLE_FIELDS = {"locatie", "straat", "huisnummer", "postcode", "postcode_plaats", "plaats", "bag_id",
                         "kadastraal", "projectnaam", "initiatiefnemer", "verzoeknummer", "verwijst_naar"}


def project_tables_in_headers(lines: list[Line], ref: Reference) -> None:
    """A page header that holds the project's own table ("Project | Boomgaardhof | Kenmerk | BYL-2027-0144" /
    "Locatie | Kweeperenlaan, bouwnummer 14, Utrecht | Kadastraal | Utrecht AK 2291") is the document's data, not
    the borger's letterhead: its lines are read as the body's (run after mark_sender)."""
    for ln in lines:
        if ln.region == "body" or ln.contact or "\t" not in ln.text:
            continue
        cells = [c.strip() for c in ln.text.split("\t")]
        pairs = list(zip(cells[0::2], cells[1::2]))
        named = []
        for label_cell, value in pairs:
            label = match_label(ref, label_cell) if value else None
            info = ref.labels.get(label[0]) if label and not label[2] else None
            named.append(info.field if info else None)
        if any(f in _PROJECT_TABLE_FIELDS for f in named) and not any(f and f not in _PROJECT_TABLE_FIELDS
                                                                      for f in named):
            ln.sender = False


_MARKED_ROW = re.compile(r"^\s*[►▶→➤>*]|\(?\bdit project\b", re.IGNORECASE)


def _same_shape(a: list[str], b: list[str]) -> bool:
    """Two rows of one table: as many cells, and mostly figures where the other has figures (a project list's
    rows), not a row of values over the next block's headings ("Vastgoed BV | 85512093" / "Zetel | Postnummer")."""
    if abs(len(a) - len(b)) > 1:
        return False
    pairs = list(zip(a, b))
    alike = sum(bool(_HAS_DIGIT.search(x)) == bool(_HAS_DIGIT.search(y)) for x, y in pairs)
    return alike * 10 >= len(pairs) * 7


def _describes_site(field: str, ref: Reference, parsed) -> bool:
    """"Ligging | perceel naast Lingedijk 34 te Tricht": the location's value opens with the word "perceel", which
    is no label of a perceel here (what follows it is no kadastral designation)."""
    info = ref.labels.get(parsed[0])
    return field == "locatie" and info is not None and info.field == "kadastraal" and bool(parsed[2]) \
        and nz.normalize_kadastraal(parsed[2]) is None


def _bare_label(ref: Reference, cell: str) -> bool:
    m = match_label(ref, cell)
    return bool(m and not m[2])


# the site's postal address inside its location value: "(postadres Helmweg 12-7, 1759 HB Callantsoog)"
_POSTAL_IN_BRACKETS = re.compile(r"(?i)\(?\b(?:post|toekomstig|officieel)\s?adres\b\s*:?\s*([^()]+?)\s*\)?\s*$")
_VALUE_MARK = re.compile(r"[\d.,@]")  # a cell with a digit, a stop, a comma or an @ is a value, never a heading


def _own_row(lines: list[Line], first: Line, width: int, ref: Reference,
             header: list[str] = ()) -> tuple[Line | None, set[int] | None]:
    """The row below a header row that holds the document's own values, with the columns to read from it (None: all):
    the only row; in a list of projects ("Planning lopende projecten": one row per project) the one marked as this
    project ("► Distributiecentrum ...", "(dit project)" on the line under it); in an export of one project's records
    (a risk list, each row repeating the project's address) the columns every row agrees on. A list of projects
    without a mark names no project of its own (None): which row is meant is unknown, and a value of another project
    is worse than none."""
    rows: list[list] = []  # [line, marked]
    # ("... | Betreft deze melding: ja/nee" over "... | ja" in one row: a builder's register sent with this melding)
    this_col = this_one_column(header)
    if this_col is not None:
        # the marked row, whatever the shape of the others; no mark (or two): which project is meant is unknown
        marked = marked_rows([ln for ln in lines[first.pos:first.pos + 80] if ln.page == first.page], this_col)
        return (marked[0], None) if len(marked) == 1 else (None, None)
    for ln in lines[first.pos:first.pos + 80]:
        if ln.page != first.page or len(rows) >= 40:
            break
        if not ln.text.strip():
            continue
        if rows and _label_row(ref, ln):
            break  # the next row of headings: a form of label rows over value rows, one value row each
        if rows and sum(1 for c in ln.cells if c.strip() and (p := match_label(ref, c.strip())) and p[2]) >= 2:
            break  # "BAG nummeraanduiding nog niet toegekend | Sectie N | Perceel 1127": labelled values, no record
        filled = [c.strip() for c in ln.cells if c.strip()]
        if len(filled) >= max(2, width - 1) and not _bare_label(ref, filled[0]) \
                and (not rows or len(filled) >= 3 and not is_prose(filled[0]) and _same_shape(rows[0][0].cells, ln.cells)):
            rows.append([ln, bool(_MARKED_ROW.search(ln.text))])
        elif _MARKED_ROW.search(ln.text) and rows:
            rows[-1][1] = True  # "(dit project — startmelding)" on the line under its row
        else:
            break
    if len(rows) <= 1:
        return first, None
    marked = [ln for ln, mark in rows if mark]
    if len(marked) == 1:
        return marked[0], None
    cells = [ln.cells for ln, _ in rows]
    # (a column left empty in some rows, a value the export writes once per group, still agrees)
    shared = {i for i in range(len(cells[0])) if cells[0][i].strip()
              and all(i >= len(c) or c[i].strip() in ("", cells[0][i].strip()) for c in cells[1:])}
    # (one project's records: its address and borger in every row; a list of projects agrees on no address)
    return (first, shared) if shared and not marked else (None, None)


def _revision_header(cells: list[str]) -> bool:
    if not any("ersi" in c or "ev" in c for c in cells):
        return False  # (cheap test first: this runs for every table row)
    # (a bilingual heading counts by either half: "Description / Omschrijving", "Rev. / Versie")
    low = [part.strip().lower().rstrip(".:") for c in cells if c.strip() for part in c.split(" / ")]
    return any(c in ("versie", "revisie", "rev", "version", "revision") for c in low) \
        and any(c.startswith(("wijziging", "omschrijving", "status", "auteur", "opmerking", "change", "description"))
                for c in low)


# the first cell of a row in a document's revision history: "0.1", "1.0", "v2", "B"
_REVISION_NR = re.compile(r"^(?:v\.?\s?)?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?$|^[A-Z]$")


def _history_rows(lines: list[Line], header: Line) -> set[int]:
    """The rows below a revision table's header: each a version's date, its description and its author's initials
    ("0.1 | 2027-01-25 | Concept / draft for client review | SV"), none a label with its value."""
    rows: set[int] = set()
    k = header.pos + 1
    while k < len(lines) and "\t" in lines[k].text and _REVISION_NR.match(lines[k].cells[0].strip()):
        rows.add(k)
        k += 1
    return rows


def _header_row(parsed: list, cells: list[str], nonempty: list[int], below: Line | None, below_parsed) -> bool:
    """A row of column headings over a row of values: every cell a bare label; or, over a row with as many cells
    and no label in it, two known labels or more beside fewer headings no list knows ("Verzoeknummer | Datum
    indiening | Zaaknummer"). Pairs on one row ("Straat | Kerkstraat | Plaats | Almelo") have labels below."""
    known = sum(1 for i in nonempty if parsed[i] and not parsed[i][2])
    if known == len(nonempty):
        return True
    last = parsed[nonempty[-1]]
    if known < 2 and not last:
        return False
    # an export's header row: many known labels among columns nobody reads ("Kleur huisstijl", "Risico 01 score"),
    # or a wide row of names only, a few of them known ("RiskID | Locatie adres | ... | Likelihood | Impact | KB")
    export = known >= EXPORT_HEADINGS or known >= 4 and len(nonempty) >= 8 and all(
        _HEADER_WORD.match(cells[i].strip()) and not any(ch.isdigit() for ch in cells[i]) for i in nonempty)
    # a bare label in the last cell has no value beside it: its value is below ("Omschrijving | Kadastraal")
    if not (known >= 2 and known > len(nonempty) - known or last and not last[2] or export) or below is None \
            or "\t" not in below.text or not len(cells) / 2 < len(below.cells) <= len(cells) \
            or any(p for p in below_parsed or () if p and p[1] == ":"):
        return False
    if export:
        return True
    # (an export's headings may be in lower case: "verzoeknummer | verzoeksoort | kanaal", known labels among them)
    return all((parsed[i] and not parsed[i][2]) or (_HEADER_WORD.match(cells[i].strip()[:1].upper() + cells[i].strip()[1:]
                                                                      if known >= 3 else cells[i].strip())
                                                    and not any(ch.isdigit() for ch in cells[i])) for i in nonempty)


def _values_below(ref: Reference, heads: list, below: list) -> bool:
    """The row under a header row holds its values: no bare label under a column of a field ("Bouwmelding" under
    "Soort verzoek" is that column's value; under "Straat" it would be a second row of labels)."""
    # (a generic word is a value there: "Melding" under "Verzoektype")
    # (a name label heads a column too: "Naam / organisatie" over "KvK-nummer" are a group's rows of labels)
    return not any(p and not p[2] and i < len(heads) and heads[i]
                   and (heads[i][0] in ref.labels or heads[i][0] in ref.name_labels)
                   and not (p[0] in ref.labels and ref.labels[p[0]].weak) for i, p in enumerate(below))


_FILL_IN = re.compile(r"(?i)\bvul\s+(?:dan\s+|hier\s+|hieronder\s+)?(?:het|de|uw)\s+([a-zà-ÿ-]+(?:\s+[a-zà-ÿ-]+)?)\s+in\b")
_GK_QUESTION = re.compile(r"(?i)\bgevolgklasse\s*([123])\s*\?$")


def _question_hit(lines: list[Line], line: Line, ref: Reference, label_rows: dict) -> Hit | None:
    """A question line ("Wanneer beginnen de bouwwerkzaamheden?") as the label of the answer after or below it."""
    text = line.text.strip()
    q = text.find("?")
    if q < 0 or q > 200:
        return None
    words = _WORD.findall(text[:q].lower())
    klasse = _GK_QUESTION.search(text[:q + 1])
    if klasse and "gevolgklasse" in ref.labels:
        # "Valt het bouwwerk in gevolgklasse 1?" answered "Ja": that class
        answer, value_line = text[q + 1:].strip(" :\t"), line
        if not answer:
            nxt = _next_nonempty(lines, line.pos, limit=1)
            answer, value_line = (nxt.text.strip(), nxt) if nxt is not None else ("", line)
        if re.match(r"(?i)ja\b", answer):
            return Hit(ref.labels["gevolgklasse"], line, klasse.group(1), value_line,
                       "below" if value_line is not line else ":", line.pos * 100)
        return None
    fill_in = _FILL_IN.search(text[q + 1:])
    if fill_in:
        # "Heeft u de melding ook via het Omgevingsloket ingediend? Vul dan het verzoeknummer in.": the instruction
        # after a yes/no question names what the answer below is
        parsed = match_label(ref, fill_in.group(1))
        info = ref.labels.get(parsed[0]) if parsed and not parsed[2] else None
        answered = _answer(lines, line, text, len(text) - 1, label_rows) if info is not None else None
        if answered is not None:
            asked = LabelInfo(info.field, norm_label(fill_in.group(1))[:80], weak=False, by_meaning=True)
            return Hit(asked, line, *answered, "below", line.pos * 100)
    if len(words) < 2 or words[0] in _YES_NO_VERBS:
        return None  # "Wordt deze informatie ingediend door de kwaliteitsborger?" is answered yes or no, not with a name
    for info, groups, excluded in ref.questions:
        if any(w.startswith(x) for w in words for x in excluded):
            continue
        if all(any(w.startswith(x) for w in words for x in group) for group in groups):
            # (a role answered by a party's word: "In welke rol? | Initiatiefnemer" is an answer, not a label)
            answered = _answer(lines, line, text, q, label_rows, _ROLE if info.field == "melder_rol" else None)
            if answered is None:
                return None
            # the question as written is the label, read by its words as a label by meaning is: the form's own answer
            asked = LabelInfo(info.field, norm_label(text[:q])[:80], weak=False, by_meaning=True)
            return Hit(asked, line, *answered, "below" if answered[1] is not line else ":", line.pos * 100)
    if "naam" in words and (line.section in ref.section_names or line.party_kind in _NAME_OF_KIND):
        # "Wat is de naam van de organisatie?" under "Gegevens initiatiefnemer": that party's name
        owner = ref.section_names.get(line.section) or _NAME_OF_KIND[line.party_kind]
        answered = _answer(lines, line, text, q, label_rows)
        if answered is None:
            return None
        asked = LabelInfo(owner, f"{line.section}: {norm_label(text[:q])[:60]}", weak=False, by_meaning=True)
        return Hit(asked, line, *answered, "below" if answered[1] is not line else ":", line.pos * 100)
    return None


def _marked_answer(lines: list[Line], nxt: Line | None) -> Line | None:
    """The line below a question or label that holds its answer: `nxt`, or the line after it where that one is
    marked as the answer and `nxt` is not ("Op welk adres?" / "KvK 5821 4410" / "Antwoord: Vormtweg 17": a
    sidebar's line flowed between a question and its answer)."""
    if nxt is None or ANSWER_MARK.match(nxt.text) or "?" in nxt.text:
        return nxt
    marked = _next_nonempty(lines, nxt.pos, limit=1)
    return marked if marked is not None and ANSWER_MARK.match(marked.text) else nxt


def _answer(lines: list[Line], line: Line, text: str, q: int, label_rows: dict,
            expected: re.Pattern | None = None) -> tuple[str, Line] | None:
    """The answer after a question's "?", or on the line below; None where that line is no answer (the next
    question, a label, the next block's heading) unless it is the `expected` kind of answer."""
    answer = text[q + 1:].strip(" :\t")
    if answer and not _question_note(answer):
        return answer, line
    nxt = _marked_answer(lines, _next_nonempty(lines, line.pos, limit=2))
    if nxt is not None and expected is not None and expected.match(nxt.text) and len(nxt.text) <= 40:
        return nxt.text.strip(), nxt
    if nxt is None or _strong_label(label_rows.get(nxt.pos)) or "?" in nxt.text or nxt.heading \
            or not _looks_like_value(nxt.text):
        return None
    return nxt.text.strip(), nxt


_DIGIT = re.compile(r"\d")
# a sentence about sending the request, its date the request's own ("U heeft dit verzoek op 9 april 2027 ingediend")
_SUBMISSION_SENTENCE = re.compile(r"(?i)\b(?:verzoek|melding|aanvraag|formulier)\b.{0,60}\b(?:ingediend|verzonden|"
                                  r"ontvangen|verstuurd|afgedrukt)\b")


def _question_note(text: str) -> bool:
    """A form's explanation after its question ("Op welke datum begint u? Ook grondwerk en sloop tellen mee."): a
    sentence of words in lower case, no answer; the answer is below."""
    words = text.rstrip(".!").split()
    return text.endswith((".", "!")) and len(words) >= 4 and not _DIGIT.search(text) \
        and sum(1 for w in words if len(w) >= 3 and w.islower()) >= 3


def _strong_label(parsed: list | None) -> bool:
    """The line starts with a label that is unmistakably one: "Label:", "Label<TAB>", or the label alone."""
    return bool(parsed and parsed[0] and parsed[0][1] in (":", "\t", "", "  "))


def _bare(parsed: list | None, line: Line) -> bool:
    return bool(parsed and len(parsed) == 1 and parsed[0] and not parsed[0][2] and "\t" not in line.text)


def _typed_misses(ref: Reference, label_rows: dict, run: list[Line], texts: list[str]) -> int:
    """How many values of a grid do not read as their label's type (dates, postcodes, reference names)."""
    misses = 0
    for lab_line, text in zip(run, texts):
        info = ref.labels.get(label_rows[lab_line.pos][0][0])
        if info is None:
            continue
        f, t = info.field, text.strip()
        if f in ("datum", "startdatum", "ingebruikname"):
            misses += not nz.find_dates(t)
        elif f == "postcode":
            misses += nz.find_postcode(t) is None
        elif f == "instrument":
            misses += ref.match_borger(t) is not None and ref.match_instrument(t) is None
        elif f == "kwaliteitsborger":
            misses += bool(nz.find_dates(t)) or (ref.match_instrument(t) is not None and ref.match_borger(t) is None)
        elif f in ("verzoeknummer", "bag_id", "kvk"):
            misses += not any(c.isdigit() for c in t)
    return misses


_NUMBERED_HEADING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.|[A-H]\.)\s+[A-Z]")


def _label_column_runs(lines: list[Line], ref: Reference, label_rows: dict, hits: list[Hit]) -> set[int]:
    """A column of bare labels followed by a column of values (PDF forms extracted column by column)."""
    handled: set[int] = set()
    body = [ln for ln in lines if ln.text]
    i = 0
    while i < len(body):
        run = []
        j = i
        while j < len(body) and _bare(label_rows.get(body[j].pos), body[j]) and body[j].page == body[i].page:
            run.append(body[j])
            j += 1
        if len(run) >= 2 and run[0].text.isupper() and not run[1].text.isupper():
            run = run[1:]  # "YNGEBRÛKNAME (INGEBRUIKNAME)" over "Datum yngebrûkname (...)": a block's heading
        if len(run) >= 2:
            def fits(labels: list[Line]) -> list[Line] | None:
                values = body[j: j + len(labels)]
                ok = len(values) == len(labels) and all(
                    v.page == labels[0].page and "\t" not in v.text and not _strong_label(label_rows.get(v.pos))
                    and not v.heading and _looks_like_value(v.text) and not _help_text(v.text) for v in values)
                return values if ok else None
            values = fits(run)
            if values is not None and _typed_misses(ref, label_rows, run, [v.text for v in values]):
                # a value wrapped over two lines ("Kerkstraat 4, 7601 AB" / "Almelo") shifts the rest: join the pair
                # that makes every typed value (date, postcode, reference name) read as its type
                more = body[j: j + len(run) + 1]
                if len(more) == len(run) + 1 and all("\t" not in v.text and not _strong_label(label_rows.get(v.pos))
                                                      and not v.heading and _looks_like_value(v.text) for v in more):
                    for k in range(len(run)):
                        texts = [v.text for v in more]
                        texts[k: k + 2] = [f"{texts[k].strip()} {texts[k + 1].strip()}"]
                        if not _typed_misses(ref, label_rows, run, texts):
                            for lab_line, text in zip(run, texts):
                                info = ref.labels.get(label_rows[lab_line.pos][0][0])
                                if info is not None:
                                    hits.append(Hit(info, lab_line, text.strip(), more[0], "column", lab_line.pos * 100))
                            handled.update(ln.pos for ln in run)
                            values = []
                            break
                if values:
                    values = None if _typed_misses(ref, label_rows, run, [v.text for v in values]) > 1 else values
                if values == []:
                    i = j + len(run) + 1
                    continue
            # a numbered or known heading above the grid ("3. Locatie") is no label of it
            while values is None and len(run) > 2 and (run[0].heading or _NUMBERED_HEADING.match(run[0].text)):
                run = run[1:]
                values = fits(run)
            if values is not None:
                for lab_line, val_line in zip(run, values):
                    info = ref.labels.get(label_rows[lab_line.pos][0][0])
                    if info is not None:
                        hits.append(Hit(info, lab_line, val_line.text.strip(), val_line, "column", lab_line.pos * 100))
                handled.update(ln.pos for ln in run)
            i = j
        else:
            i = max(j, i + 1)
    return handled


def _split_inline(ref: Reference, first_label: str | None, text: str) -> list[tuple[str, str]]:
    """Split "Kerkstraat 1   Postcode: 7601 AB" into (label, value) pieces at inline "Label:" marks.

    Inside a value (two columns flowed into one line, labels without a colon) a long label such as
    "Kwaliteitsborger" also splits, when it is capitalised and not part of a reference name
    ("KOMO Instrument Kwaliteitsborging" stays whole).
    """
    out: list[tuple[str, str]] = []
    low = text.lower()
    marks: list[tuple[int, int, str]] = []
    if ":" in text and ref.inline_label_re is not None:
        # (on the lower-cased text where that keeps the offsets: a case-blind alternation of every label is slow)
        rx, subject = (ref.inline_label_lower, low) if len(low) == len(text) and ref.inline_label_lower is not None \
            else (ref.inline_label_re, text)
        marks = [(m.start(), m.end(), m.group(1)) for m in rx.finditer(subject)]
    if first_label and ref.inline_bare_re is not None and "\t" not in text and len(low) == len(text) \
            and _CAPITAL_AFTER_SPACE.search(text):
        taken = [(a, b) for a, b, _ in marks]
        protected: list[tuple[int, int]] | None = None
        for m in ref.inline_bare_re.finditer(low):
            start = m.start(1)
            if not text[start].isupper() or any(a <= start < b for a, b in taken):
                continue
            if protected is None:
                protected = _alias_spans(ref, text)
            if any(a <= start < b for a, b in protected):
                continue
            marks.append((start, m.end(1), m.group(1)))
        marks.sort()
    if ":" in text:
        _meaning_marks(ref, text, marks)
    if not marks:
        return [(first_label, text.strip())] if first_label else []
    if first_label:
        out.append((first_label, text[: marks[0][0]].strip()))
    for k, (start, end, label) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else len(text)
        out.append((norm_label(label), text[end:stop].strip(" :")))
    if any(getattr(ref.labels.get(lab), "field", "") == "kad_sectie" for lab, _ in out):
        out = _perceel_pieces(ref, text[: marks[0][0]] if not first_label else "", out)
    return [(lab, val) for lab, val in out if val]


def _perceel_pieces(ref: Reference, lead: str, pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Gemeente: Enschede  Sectie: N  Nummer: 4354" on one line: the parts of a perceel (see _perceel_row_labels)."""
    out = [(_PERCEEL_ROW_WORDS.get(lab, lab) if _PERCEEL_ROW_WORDS.get(lab) in ref.labels else lab, val)
           for lab, val in pieces]
    m = _GEMEENTE_PIECE.match(lead)
    if m and "kadastrale gemeente" in ref.labels:
        out.insert(0, ("kadastrale gemeente", m.group(1)))
    return out


_CAPITAL_AFTER_SPACE = re.compile(r"\s[A-ZÀ-Ý]")
_INLINE_COLON = re.compile(r"(?<=\S)\s?:(?=\s|$)")


def _meaning_marks(ref: Reference, text: str, marks: list) -> None:
    """Inline "Label:" marks for labels read by meaning ("... 11 februari 2026 Nr.: 97", "PC: 7468CM"): the
    longest run of up to four words before a colon that reads as a label, capitalised, after a space."""
    taken = [(a, b) for a, b, _ in marks]
    for m in _INLINE_COLON.finditer(text[:MAX_INLINE]):
        colon = m.start()
        if any(a <= colon < b + 1 for a, b in taken):
            continue
        head = text[:colon]
        words = list(re.finditer(r"\S+", head))
        for n in range(min(4, len(words) - 1), 0, -1):
            start = words[-n].start()
            if start == 0 or not text[start].isupper() or any(a <= start < b for a, b in taken):
                continue
            label_text = head[start:]
            if not _label_words(label_text) or _names_entry(ref, label_text):
                continue
            key = ref.label_by_meaning(label_text)
            if key is not None and key in ref.labels:
                marks.append((start, m.end(), label_text))
                taken.append((start, m.end()))
                break
    marks.sort()


MAX_INLINE = 400


def _alias_spans(ref: Reference, text: str) -> list[tuple[int, int]]:
    spans = []
    for entry in ref.instruments + ref.borgers:
        if entry.pattern is not None:
            spans.extend((m.start(), m.end()) for m in entry.pattern.finditer(text))
    return spans


def _realigned(ref: Reference, heads: list[str], values: list[str]) -> list[str]:
    """A row of values that lost its empty cells in the text (fewer cells than its headings: "Wierdeweg | 14 |
    9981 KT | Uithuizen" under "Straat | Nr. | Toe | Postcode | Plaats"): each value under the heading its type
    fits, in order. Only where that fits more values than the cells as they stand; a row short by more than two
    cells stays as it is (which ones are missing is then a guess)."""
    if not 1 <= len(heads) - len(values) <= 2 or len(heads) > 12:
        return values

    def fitting(columns) -> int:
        return sum(_fits_caption(ref, v.strip(), heads[c].strip().lower()) for v, c in zip(values, columns)
                   if v.strip() and heads[c].strip())

    best = max(itertools.combinations(range(len(heads)), len(values)), key=fitting)
    if fitting(best) <= fitting(range(len(values))):
        return values
    out = [""] * len(heads)
    for v, c in zip(values, best):
        out[c] = v
    return out


_CELL_WRAP = re.compile(r"^\s*[a-zà-ÿ]{1,3}\.?\s*$", re.IGNORECASE)  # the end of a word a narrow heading cell broke off


def _next_nonempty(lines: list[Line], pos: int, limit: int = 3) -> Line | None:
    for j in range(pos + 1, min(len(lines), pos + 1 + limit)):
        if lines[j].page != lines[pos].page:
            return None
        if lines[j].text.strip():
            return lines[j]
    return None


# --- candidates ---------------------------------------------------------------------------------

@dataclass
class Cand:
    field: str
    value: object
    conf: float
    order: int
    page: int
    fragment: str
    label: str
    zone: str | None = None  # the block (section heading) of a labelled value; None for free-text values


_STRICT_TYPES = {"datum", "startdatum", "ingebruikname", "verzoeknummer", "verwijst_naar", "bag_id", "kvk", "postcode"}
_SEP_CONF = {":": 0.0, "\t": 0.0, "column": -0.1, "  ": -0.02, " ": -0.05, "below": -0.07, "": -0.05}
_NAMEISH = re.compile(r"[A-Za-zÀ-ÿ]")  # a name has letters; "=", "+", "@" in front are kept as written
_NAME_STOP = re.compile(r"\s*(?:\(|,\s*(?:kvk|tel|t\b)|\s{3,}|\t).*$", re.IGNORECASE)
# a value that says there is none ("n.v.t.", "volgt", "-", a blank of underscores left to fill in)
VOID_VALUE = re.compile(r"^\s*(?:\(?\s*(?:niet ingevuld|onbekend|nvt|n\.v\.t\.?|niet van toepassing|volgt|geen|-+|\.+|_+|…+|"
                        r"nog niet (?:bekend|toegekend|vastgesteld|gekozen|ingevuld)|leeg|tbd|n\.?t\.?b\.?|n\.?n\.?b\.?|nader te bepalen|"
                        # Word's own prompt in an empty content control of a form nobody filled in
                        r"klik of tik om (?:tekst|een datum) in te voeren|klik hier als u (?:tekst|een datum) wilt invoeren|"
                        r"kies een item|click or tap (?:here )?to enter (?:text|a date)|choose an item|"
                        r"(?:nog )?niet beantwoord|onbeantwoord)[.,;]?\s*\)?)\s*$",
                        re.IGNORECASE)
# an answer that says there is none yet and why: "Nog niet bekend, we zijn in gesprek met twee bureaus"
_VOID_THEN_WHY = re.compile(r"(?i)^\s*(?:nog niet (?:bekend|gekozen|vastgesteld|toegekend)|nog onbekend|onbekend|"
                            r"n\.?n\.?b\.?|volgt later|volgt nog)\s*[,;:(–-]")


# an address not given yet, with what the site is in brackets
_VOID_WITH_SITE = re.compile(r"(?i)^\s*(?:nog niet (?:bekend|toegekend)|geen adres|onbekend)[^()]*\(([^()]{4,80})\)\s*$")


def is_void(text: str) -> bool:
    """The form says the field has no value (yet): "n.v.t.", "nog niet bekend, we zijn in gesprek ..."."""
    return bool(VOID_VALUE.match(text) or _VOID_THEN_WHY.match(text))


_LEAD_WORDS = {"en", "of", "van", "de", "het", "een", "voor", "is", "zijn", "wordt", "heeft", "met", "die", "dat", "te",
               "in", "op", "aan", "bij", "als", "door", "om"}


_SENTENCE_START = {"de", "het", "een", "dit", "deze", "die", "wij", "ik", "u", "er", "hierbij", "op", "in", "voor", "namens"}
# words in lower case after a name, three or more of them and not only a name's particles ("de start van de bouw")
_SENTENCE_AFTER_NAME = re.compile(r"(?<=[A-Za-zÀ-ÿ])\s+(?:(?:van|de|der|den|het|'t|te|ten|ter)\s+)*"
                                  r"(?!(?:van|de|der|den|het|te|ten|ter|en)\b)[a-zà-ÿ]{2,}(?:\s+[a-zà-ÿ]+){2,}\b.*$")
# a short word and a colon before a name: a label nobody listed, or one a text layer made by OCR misspelt ("Narn:")
_LABEL_LEAD = re.compile(r"^[A-Za-z]{2,12}\s?:\s+(?=[A-Z])")
# a verb in the third person left after a name that a sentence cut off ("M. Bosman-Ticheler voldoet", "... is")
_VERB_AFTER_NAME = re.compile(r"(?<=[A-Za-zÀ-ÿ.])\s+(?:voldoet|heeft|wordt|is|gaat|bouwt|laat|wil|start|begint|meldt)$")
# "X B.V. Het bouwwerk ...", "Namens X B.V. melden wij u dat ...": the sentence after the firm's legal form
_LEGAL_FORM_THEN_SENTENCE = re.compile(r"(\b(?:B\.V|N\.V|V\.O\.F|U\.A|C\.V)\.)\s+(?:[A-Z][a-z]|[a-z]+\s+[a-z]).*$")
_GK_OPTION = re.compile(r"(?i)\bgevolgklasse\s*[123]")
_ANSWER_WORDS = {"ja", "nee", "yes", "no", "x", "ok", "akkoord", "n.v.t", "nvt"}
_NAME_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "'t", "het", "in", "op"}
_INITIALS_ONLY = re.compile(r"^(?:[A-Z]\.\s?){1,5}$")


def _name_value(raw: str) -> str | None:
    close = raw.find(")")
    if close > 0 and "(" not in raw[:close]:
        raw = raw[:close]  # "(opdrachtgever: Kwekerij Zijdelveld V.O.F.), getoetst": the bracket the label opened
    # ("Medel Cold Storage B.V., Chamber of Commerce 9120...": the comma before the next label is no part of it)
    v = re.sub(r"\s{2,}", " ", _NAME_STOP.sub("", raw)).strip(" :;-–|·•").rstrip(", ")
    v = _LABEL_LEAD.sub("", v, 1)  # "Narn: A. Wolbers": a label an OCR'd text layer misspelt, before the name
    v = _SALUTATION.sub("", v)  # "mevrouw M.C. de Visser-Kramer": the salutation is no part of the name
    v = _ADDRESS_AFTER_NAME.sub("", v)  # "D.J. Wolters, Prinses Marijkestraat 4, 7151 ...": the party's address
    if ": " in v:
        v = _NEXT_LABEL_AFTER.sub("", v)  # "Ruben Lievense Architect: Kousbroek ...": the next label and its value
    if not v or VOID_VALUE.match(v) or not _NAMEISH.search(v) or len(v) > 100 or len(v.split()) > 12:
        return None
    if v.lower().rstrip(".") in _ANSWER_WORDS or v.split(" ", 1)[0] not in _NAME_PARTICLES and v[:1].islower() \
            and re.search(r"\d", v):
        return None  # "NEE" under "KB + instr. ingevuld", "gebeld 16-03: KB nog niet ...": an answer or a note
    if v[:1] in ".,;:)!?" or "?" in v or _FORM_WORDS.match(v):
        return None  # ". Het borgingsplan volgt ...", "Voor- en achternaam": the rest of a sentence or a form's words
    if _DIGIT.search(v) and nz.normalize_kadastraal(v) == v:
        return None  # "Monster B 3051": a perceel a scan put where a name was expected
    words = v.split()
    if len(words) >= 3 and words[0].lower() in _SENTENCE_START and words[1].islower():
        return None  # "Dit overzicht is automatisch samengesteld ...": a sentence, before its words are cut off
    v = _LEGAL_FORM_THEN_SENTENCE.sub(r"\1", v)
    v = _SENTENCE_AFTER_NAME.sub("", v)  # "Maatschap Hummel-Smit de start van de bouw ...": the letter's words run on
    v = _first_sentence(v)  # "A. Jansen. Het bouwwerk valt ...": the sentence after the name is no part of it
    v = _VERB_AFTER_NAME.sub("", v)  # "de woning van mevrouw M. Bosman-Ticheler voldoet": the sentence's verb
    if v.endswith(".") and not re.search(r"(?:\b[A-Za-z]{1,4}\.|\b[A-Z]\.)$", v):
        v = v[:-1].rstrip()  # "Schuttersgilde Eendracht." at the end of a sentence: the full stop is no part of it
    if v.split(" ", 1)[0] in _LEAD_WORDS or v.lower().rstrip(".") in _SALUTATION_WORDS:
        return None  # "Kwaliteitsborger en instrument 4" is a heading (table of contents); "Fam." alone names nobody
    words = v.split()
    if len(words) >= 3 and words[0].lower() in _SENTENCE_START and words[1].islower():
        return None  # "De bouw gebeurt in opdracht van ...": a sentence, not a name
    if len(words) >= 2 and v == v.lower():
        return None  # "niet afgegeven", "zie bijlage": words in lower case name nobody
    if _ROLE_ONLY.match(v):
        return None  # "De opdrachtgever heeft aangegeven ...": a role names nobody in particular
    if _INITIALS_ONLY.match(v):
        return None  # "R." cut off at the end of a line: the name is not all there; missing beats wrong
    if v.isalpha() and v.islower():
        return None  # "Kwaliteitsborger bouw" is a tagline, not a name
    if _NOT_A_NAME.search(v) or nz.find_postcode(v, strict=True) or _STREET_ONLY.match(v) or _NUMBER_LIST.search(v):
        return None  # an address, phone number or e-mail address is no name, nor a street's houses ("Mientsje 5, 7 en 9")
    if len(v.split()) > 6 and v.endswith(".") and not re.search(r"\b(?:b\.v|n\.v|v\.o\.f)\.$", v, re.IGNORECASE):
        return None  # a sentence ("De aanvrager verklaart dat ...") is no name
    return nz.name_case(v)  # ("R. KUIPERS" typed in capitals: "R. Kuipers")


# "positief (TN-VK-...)", "Ja – Kiwa Nederland B.V., verklaring positief", "bijgevoegd – positief (Stavast, ...)"
_STATED_VERDICT = re.compile(r"^(?:(?!\b(?:geen|niet|nog)\b)[^;])*?\b(positief|negatief|positieve verklaring|"
                             r"negatieve verklaring|positiv|negativ)\b")  # (and in German: "positiv, vom 27. November")
# the verklaring given, or refused, in words ("bijgevoegd - verklaring afgegeven", "geen verklaring afgegeven")
_ISSUED = re.compile(r"^(?:(?!\b(?:geen|niet|nog|wordt|zal|zodra|na|volgt)\b)[^;])*?\b(?:verklaring\s+)?afgegeven\b")
_REFUSED = re.compile(r"\bgeen verklaring (?:is |wordt )?(?:afgegeven|afgeven)\b|\bkan geen verklaring\b|"
                      r"\bverklaring (?:is )?niet afgegeven\b|\bweigert\b.{0,20}\bverklaring")
# "kavel N 112 aan de Espelerlaan te Emmeloord": a plot on a street that has no number for it yet
_PLOT_ON_STREET = re.compile(r"(?i:\b(?:bouw)?kavel|\bbouwnummer|\bbouwnr\.?)\s+(?:[A-Z]{1,2}\s?)?\d{1,4}[a-z]?\s+"
                             r"(?:aan|langs)\s+de\s+([A-Z][\w.'\-]+(?:\s[A-Z][\w.'\-]+){0,2})")
_STREET_THEN_PLOT = re.compile(r"^([A-Z][\w.'\- ]{2,40}?),?\s+(?:bouwnummers?|bouwnr\.?|bnr\.?|(?:bouw)?kavels?)\s*\d")
_ROLE_ONLY = re.compile(r"(?i)^(?:de|het|onze|uw|mijn|zijn|haar)\s+(?:opdrachtgever|initiatiefnemer|aanvrager|eigenaar|"
                        r"aannemer|bouwer|kwaliteitsborger|gemachtigde|melder|architect|klant|koper|bewoner|"
                        r"bouwheer)s?$")
_LIST_ROW = re.compile(r"(?i)\b(?:document|formaat|bestand(?:snaam)?|versie|onderdeel|risico|maatregel|afwijking|"
                       r"bevinding|omschrijving)\b")
_ADDRESS_HEADS = re.compile(r"straat|adres|postcode|plaats|\bstr\.|\bpc\b|\bwpl\b")  # (a register's "Str. | Nr | PC")
# a person's title or initials open the name ("ir. K. Albers", "ing. M. de Graaf", "J.W. Dekker")
_PERSON_START = re.compile(r"^(?:(?:ir|ing|drs|dr|mr|prof|dhr|mevr|mw)\.\s|(?:[A-Z]\.\s?){1,4}(?:[a-z]{1,3}\s)?[A-Z][a-z])")
_SALUTATION_WORDS = {"fam", "familie", "dhr", "de heer", "heer", "hr", "mevr", "mevrouw", "mw", "mr", "ir", "ing", "drs"}
# ("Vastgoed Scheldeoever BV - Kouter 88 bus 20, 9000 Gent", "Woonstichting Maasveld Postbus 1120, 6201 BC ...")
_ADDRESS_AFTER_NAME = re.compile(r"(?:,\s*|\s+[-–|·]\s+)[A-Z][\w.'\- ]{2,40}\s\d{1,5}\b.*$|,?\s+(?i:postbus)\s+\d.*$")
# ("Fam. J.H. Smit" is J.H. Smit; "familie Bosch" keeps its word: "Bosch" alone would name no one in particular)
_SALUTATION = re.compile(r"^(?:de\s+heer\s+en\s+mevrouw|de\s+heer|mevrouw|(?:dhr|mw|mevr|hr)\.?"
                         r"(?:\s*(?:en|/|&)\s*(?:mevr|mw|dhr)\.?)?|(?:(?:de\s+)?familie|fam\.?)(?=\s+[A-Z]\.))\s+(?=[A-Z])",
                         re.IGNORECASE)
_FORM_WORDS = re.compile(r"^(?:voor-?\s*(?:en\s+)?achternaam|voorna(?:am|men)|achternaam|naam|bedrijfsnaam|handelsnaam|"
                         r"contactpersoon|naam en adres|naam organisatie)$", re.IGNORECASE)
_STREET_NAME = re.compile(
    r"^[A-Z][\w.'\- ]{0,40}(?:straat|weg|laan|plein|dijk|pad|kade|singel|gracht|steeg|hof|dreef|erf|markt|park|baan"
    r"|horst|brink|akker|kamp|boulevard|allee|ring|stede)$")
# a building's description that ends like a street ("Koel- en vrieshal Pasterkamp" under "Bouwwerk")
_BUILDING_NAMED = re.compile(r"(?i)(?:hal|woning|woningen|loods|stal|schuur|gebouw|kantoor|school|winkel)\b|\sen\s")
_NOT_A_NAME = re.compile(r"\w@[\w-]+\.\w|\bwww\.|https?://|(?:^|\s)(?:\+31[\s\-]?\d[\d\s\-]{7,}|0\d{1,3}[\s\-]?\d{6,8})\b"
                        r"|\bpostbus\s+\d|\d{6,}|^(?:kvk|k\.v\.k\.|btw|iban|bsn)\b", re.IGNORECASE)  # "KvK 70213345"
# words in sentence case, as a heading is written (a firm's name capitalises its words or carries a legal form)
_SENTENCE_CASE = re.compile(r"^[A-Z][a-zà-ÿ'-]+(?: [a-zà-ÿ'&-]+)+$")
_ABOUT_THE_LAW = re.compile(r"(?i)^wkb\b|\bgevolgklasse\b|\bbesluit bouwwerken\b|\bartikel \d")
# the next "Label: value" of a flowed line after a name ("Ruben Lievense Architect: Kousbroek Architecten, ...")
_NEXT_LABEL_AFTER = re.compile(r"\s+[A-ZÀ-Ý][a-zà-ÿ]+(?: [a-zà-ÿ]+){0,2}: .*$")
_NUMBER_LIST = re.compile(r"\b\d{1,5}[a-z]?(?:\s*,\s*\d{1,5}[a-z]?)*\s+(?:en|t/m|tot en met)\s+\d{1,5}[a-z]?\b")
_STREET_ONLY = re.compile(
    r"^[A-Z][\w.'\- ]{0,40}(?:straat|weg|laan|plein|dijk|pad|kade|singel|gracht|steeg|hof|dreef|erf|markt|park|baan"
    r"|veld|horst|brink|akker|kamp|es|dal|berg|haven|wal|zoom|oord|rade|boulevard|allee|ring|stede)\s\d{1,5}"
    r"(?:\s?[a-zA-Z]|-\d{1,4})?$")


def plausible(hit: Hit) -> bool:
    """A quick check that a label's value can be a value of its field (used to find where data starts)."""
    field, value = hit.info.field, hit.value[:200]
    if field in ("kwaliteitsborger", "initiatiefnemer", "bouwer", "instrument"):
        return _name_value(value) is not None
    if field in ("datum", "startdatum", "ingebruikname"):
        return bool(nz.find_dates(value))
    if field in ("verzoeknummer", "verwijst_naar"):
        return nz.normalize_verzoeknummer(value) is not None
    return True


_NUMBER_TYPES = {"verzoeknummer": nz.normalize_verzoeknummer, "verwijst_naar": nz.normalize_verzoeknummer,
                 "kvk": nz.normalize_kvk, "bag_id": nz.normalize_bag}


def wholly_typed(field: str, raw: str) -> bool:
    """The value is one typed value and nothing more: a date alone (a weekday before it), a number alone."""
    value = raw.strip().rstrip(".")
    if field in ("datum", "startdatum", "ingebruikname"):
        dates = nz.find_dates(value)
        return len(dates) == 1 and dates[0][0] == 0 and len(value) <= 20 or \
            len(dates) == 1 and bool(nz.WEEKDAY_LEAD.match(value)) and len(value) <= 32
    if field in _NUMBER_TYPES:
        return " " not in value and _NUMBER_TYPES[field](value) is not None
    return False


def candidates_from_hit(hit: Hit, ref: Reference) -> list[Cand]:
    info, raw = hit.info, _LEADING_DASH.sub("", ANSWER_MARK.sub("", hit.value[: nz.MAX_VALUE]))
    if is_void(raw):
        inner = _VOID_WITH_SITE.match(raw) if info.field in LOCATION_TARGETS else None
        if inner is None:
            return []
        raw = inner.group(1)  # "nog niet toegekend (Kapelweg, bouwnummers 1 t/m 12)": the bracket names the site
    line = hit.line
    # a typed value under its column header ("Uw kenmerk | Ons kenmerk | Datum" / values) is placed as surely as
    # one after a colon: the type guards it
    sep_conf = 0.0 if hit.sep in ("column", "  ") and info.field in _STRICT_TYPES else _SEP_CONF.get(hit.sep, 0.0)
    conf = (0.8 if info.weak else 0.9 if info.by_meaning else 0.95) + sep_conf
    # "Datum 5 oktober 2027": the rest of the line is the typed value and nothing else, as a cell would hold it (a
    # scan's text loses the TAB between a label and its value when the gap is narrow); without a colon a generic
    # word's value stays a guess (below the policy's 0.8), but it counts as the form's structure
    typed_alone = hit.sep == " " and hit.value_line is line and wholly_typed(info.field, raw)
    if not typed_alone and (info.weak and hit.sep in (" ", "")
                            or info.weak and hit.sep == "below" and info.field not in _STRICT_TYPES):
        conf -= 0.1  # a generic word followed by text; below its label a strictly typed value needs no discount
    frag = fragment(line.text if hit.value_line is line else f"{line.text} {hit.value_line.text}", raw)
    zone = (line.right_kind or line.section) if hit.column and line.right_kind else line.section
    base = dict(order=hit.order, page=line.page, fragment=frag, label=info.label, zone=zone)
    target = info.field
    out: list[Cand] = []

    def add(field: str, value: object, c: float = conf) -> None:
        if value is not None and value != "":
            out.append(Cand(field, value, c, **base))

    # a label that names the building site ("Bouwadres", "Plaats bouwlocatie") is the site's wherever it sits: in a
    # form of labels above values the applicant's block has no visible end before it, and in a page header
    site_label = target in LOCATION_TARGETS and names_site(info.label)
    location_ok = (not line.sender and not hit.value_line.sender) or \
        (site_label and line.region != "body" and hit.value_line is line and not line.contact)
    # whose block the value sits in: the right-hand column's when two columns flowed into one line
    kind = line.right_kind if hit.column and line.right_kind else line.party_kind
    in_party = kind not in ("project", "") if hit.column and line.right_kind else line.party
    # the melder's block (applicant or gemachtigde): its address is the correspondence address, never the site
    melder_block = in_party and kind in ("melder", "aanvrager")
    if site_label:
        in_party = melder_block = False
    if target == "huisnummer_kaal":
        if in_party or not location_ok or hit.sep == "column" and not _ADDRESS_HEADS.search(line.text.lower()) \
                or _LIST_ROW.search(line.text):  # ("Nr 1 | Document Verklaring | Formaat PDF": a list's row)
            return []  # ("Nr | Document | Datum" over "1 | Verklaring | ...": a table's row numbers, not "Straat | Nr.")
        target = "huisnummer"
    if target == "melder_rol":
        role = _ROLE.match(raw)
        if role and not line.sender:
            add("melder_rol", _ROLES[role.group(1).lower()])
        return out
    if target in ("partij_adres", "partij_postcode", "partij_plaats", "email", "melder") or \
            (melder_block and target in _MELDER_MAP):
        if line.sender or hit.value_line.sender or kind in ("kwaliteitsborger", "bouwer"):
            return []
        own = 0.02 if kind == "melder" else 0.0  # a gemachtigde's block wins over the applicant's
        if target == "melder":
            role = _SUBMITTER.match(raw.strip())
            if role:  # "J.W. Dekker (initiatiefnemer)", "Zeewind Architecten (gemachtigde) namens Stichting X"
                add("melder", _name_value(role.group("who")), conf + own)
                said = _ROLE.match(role.group("role") or "")
                party = role.group("for") or role.group("for2")
                if party:
                    add("initiatiefnemer", _name_value(party), conf - 0.05)
                if said and (not party or _ROLES[said.group(1).lower()] == "kwaliteitsborger"):
                    # ("Borg4 B.V. (kwaliteitsborger) namens Akkerbouwbedrijf X": the borger filed it)
                    add("melder_rol", _ROLES[said.group(1).lower()], conf)
            else:
                add("melder", _name_value(raw), conf + own)
        elif target == "email":
            if melder_block or "melder" in info.label or "gemachtigde" in info.label:
                add("melder_email", nz.normalize_email(raw), conf + own)
        else:
            for k, v in _party_address(_MELDER_MAP.get(target, "partij_adres"), raw).items():
                add(k, v, conf + own)
        return out
    if target in LOCATION_TARGETS:
        strong = target in _STRONG_LOCATION and not info.weak
        if not location_ok:
            return []
        if in_party and not strong and target not in ("bag_id", "kadastraal", "coordinaten") + _PERCEEL_PARTS:
            return []  # an address inside the applicant's or borger's block
    if target == "locatie":
        postal = _POSTAL_IN_BRACKETS.search(raw)
        if postal and nz.find_postcode(postal.group(1)):
            # "Duinpark 12, unit 7 te Callantsoog (postadres Helmweg 12-7, 1759 HB Callantsoog)": a park's or a
            # plot's own name, then the address the site is known by
            raw = postal.group(1)
        kad = _KAD_WORD.search(raw)
        kad_value = nz.normalize_kadastraal(raw[kad.end():]) if kad else None
        if kad and kad_value:  # "Kerkstraat ong., kadastraal Almelo K 12": the perceel, and an address only before it
            add("kadastraal", kad_value, conf - 0.05)
            raw = raw[: kad.start()]
        elif kad:
            kad = None  # "perceel naast Lingedijk 34 te Tricht": the word names the plot, no kadastral designation
        parts = nz.parse_address(raw)
        if "straat" in parts or "postcode" in parts:
            for k, v in parts.items():
                add(k, v)
        elif _STREET_NAME.match(raw.strip()) and not _BUILDING_NAMED.search(raw):
            add("straat", re.sub(r"\s{2,}", " ", raw.strip()))  # "Bouwadres: Kerkstraat", the number labelled apart
        else:
            add("kadastraal", nz.normalize_kadastraal(raw), conf - 0.05)
            add("coordinaten", nz.normalize_coordinaten(raw), conf - 0.05)
            # a site without an address yet ("Lorentz III kavel 14, Harderwijk (kad. ...)", "kavel 14 te Harderwijk")
            # ("bouwkavel N 112, Espelerlaan (ongenummerd), Emmeloord": a street's name where a place might stand is
            # the street, the place comes after it)
            named = list(_PLACE_OF_SITE.finditer(raw))
            # (the place comes last: "bouwkavel 14, Anna's Hoeve-Noord, Hilversum" names the quarter before it)
            place = next((p for p in reversed(named) if not _STREET_NAME.match(p.group(1))), None)
            lone = raw.strip(" ,;–-") if kad else ""  # "Reuver, kadastraal Beesel D 3121": the place, then the perceel
            plot_street = _STREET_THEN_PLOT.match(raw.strip()) or _PLOT_ON_STREET.search(raw) \
                or next((p for p in named if _STREET_NAME.match(p.group(1))), None)
            if plot_street and _STREET_NAME.match(plot_street.group(1)):
                # "Kweeperenlaan, bouwnummer 14, Utrecht": the street is known, its house number not yet
                add("straat", plot_street.group(1), conf - 0.05)
            if place:
                add("plaats", nz.clean_place(place.group(1)), conf - 0.1)
            elif _PLACE_LINE.match(lone) and not _STREET_NAME.match(lone):
                add("plaats", nz.clean_place(lone), conf - 0.1)
    elif target == "straat":
        parts = nz.parse_address(raw)
        if "straat" in parts:
            for k, v in parts.items():
                add(k, v)
        else:
            m = re.match(r"^([A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ'’.\- ]{1,60}[A-Za-zÀ-ÿ.])", raw.strip())
            if m and not re.search(r"\d", m.group(1)[:1]):
                add("straat", nz.street_case(re.sub(r"\s{2,}", " ", m.group(1))))
    elif target == "huisnummer":
        add("huisnummer", nz.normalize_huisnummer(raw))
    elif target == "toevoeging":
        add("toevoeging", nz.normalize_toevoeging(raw))
    elif target == "postcode":
        pc = nz.find_postcode(raw)
        if pc:
            add("postcode", pc[2])
            place = nz.clean_place(_strip_label(ref, raw[pc[1]:]))
            if place:
                add("plaats", place, conf - 0.05)
    elif target == "postcode_plaats":
        pc = nz.find_postcode(raw)
        if pc:
            add("postcode", pc[2])
            add("plaats", nz.clean_place(_strip_label(ref, raw[pc[1]:])))
        else:
            add("plaats", nz.clean_place(raw), conf - 0.1)
    elif target == "plaats":
        pc = nz.find_postcode(raw)
        add("plaats", nz.clean_place(raw[pc[1]:] if pc else raw))
        if pc:
            add("postcode", pc[2])
    elif target == "kadastraal":
        whole = nz.normalize_kadastraal(raw)
        if whole is None and _PERCEEL_NUMBER.fullmatch(raw):
            add("kad_nummer", raw.strip())  # "Perceel: 4354" under "Sectie: N": the number of a perceel in parts
        elif whole is None and not _HAS_DIGIT.search(raw) and len(raw.split()) <= 3:
            # "Kadastraal perceel | Beesel | Sectie / nummer | D 3121": the gemeente, its sectie and number beside it
            add("kad_gemeente", nz.clean_place(raw))
        add("kadastraal", whole)
    elif target in _PERCEEL_PARTS:
        whole = nz.normalize_kadastraal(raw)
        if whole:
            add("kadastraal", whole)
        elif target == "kad_gemeente":
            add(target, nz.clean_place(re.sub(r"(?i)^\s*gemeente\s+", "", raw)))
        elif target == "kad_sectie":
            m = re.match(r"^\s*([A-Z]{1,2})\b(?:\s*[/,\-]?\s*(\d{1,6})\b)?", raw)
            add(target, m.group(1) if m else None)
            if m and m.group(2):
                add("kad_nummer", m.group(2))  # "Sectie / perceelnummer | N / 2190"
        else:
            m = re.match(r"^\s*(\d{1,6})(?:\s*(A\d{1,4}))?\b", raw)
            add(target, " ".join(x for x in m.groups() if x) if m else None)
    elif target == "coordinaten":
        add("coordinaten", nz.normalize_coordinaten(raw))
    elif target == "bag_id":
        add("bag_id", nz.normalize_bag(raw))
    elif target in ("datum", "startdatum", "ingebruikname"):
        if target != "datum" and hit.sep == "below" and _SUBMISSION_SENTENCE.search(raw[:120]):
            return []  # "Start bouwwerkzaamheden" over "U heeft dit verzoek op 9 april ingediend ...": that date is
            # the request's, the sentence says so
        add(target, nz.parse_date(raw[:80]))
    elif target in ("verzoeknummer", "verwijst_naar"):
        add(target, nz.normalize_verzoeknummer(raw[:40]))
    elif target == "kvk":
        if not line.sender and not (line.party and re.search(r"kwaliteitsborg|aannemer|bouwer|gemachtigde", line.section)):
            add("kvk", nz.normalize_kvk(raw[:30]))
    elif target == "gevolgklasse":
        # (a row of options, "Gevolgklasse 1 | Gevolgklasse 2 | Gevolgklasse 3", whose ticks are lost names none)
        options = len(_GK_OPTION.findall(hit.line.text)) + (hit.value_line is not hit.line) * len(
            _GK_OPTION.findall(hit.value_line.text))
        add("gevolgklasse", nz.normalize_gevolgklasse(raw[:40]) if options < 2 else None)
    elif target == "aantal_bouwwerken":
        add("aantal_bouwwerken", nz.parse_int(raw[:20]))
    elif target in ("bevat_dbg", "bevat_verklaring"):
        add(target, nz.parse_bool(raw))
    elif target == "verklaring":
        low = raw.lower()
        if info.label.startswith(("verklaring", "erklärung")) and info.label != "verklaring afgegeven":
            # "Verklaring | positief (TN-VK-26-0042)"; "Verklaring kwaliteitsborger | ja / bijgevoegd" says it is
            # there, not what it says
            verdict = _STATED_VERDICT.match(low[:120])
            if verdict:
                add("verklaring", "negatief" if verdict.group(1).startswith("negati") else "positief")
            elif _REFUSED.search(low[:120]):
                add("verklaring", "negatief")  # "geen verklaring afgegeven (zie brief KB)": the borger gives none
            elif _ISSUED.match(low[:120]):
                add("verklaring", "positief")  # "bijgevoegd - verklaring afgegeven": the borger gave it
        elif re.search(r"\bnegatief\b|\bgeen verklaring\b|\bniet afgegeven\b|^nee\b", low):
            add("verklaring", "negatief")
        elif re.search(r"\bpositief\b|\bafgegeven\b|^ja\b", low):
            add("verklaring", "positief")
    elif target == "instrument_versie":
        m = re.search(r"\d+(?:\.\d+){0,3}", raw)
        add("instrument_versie", m.group(0) if m else None)
    elif target in ("kwaliteitsborger", "instrument"):
        if line.sender and target == "instrument":
            return []
        entry = ref.match_borger(raw) if target == "kwaliteitsborger" else ref.match_instrument(raw)
        if entry:
            add(target, entry.naam)
        elif target == "kwaliteitsborger" and (ref.match_instrument(raw) or re.search(r"(?i)instrument\b", raw)):
            return out  # an instrument's name is no borger's ("Kwaliteitsborgingsinstrument WKI" a line too far)
        else:
            v = _name_value(raw)
            other = match_label(ref, v) if v else None
            if v and (nz.find_dates(v) or other and ref.labels.get(other[0]) is not None
                      and ref.labels[other[0]].field != target):
                return out  # "Beoogde start bouwwerkzaamheden 12/04/2027": the next field's label and value
            if v and target == "kwaliteitsborger" and _PERSON_START.match(v):
                return out  # "kwaliteitsborger: ir. K. (Katrin) Albers": the borger's professional, not the borger
            if v and _ABOUT_THE_LAW.search(v):
                return out  # "Kwaliteitsborger Wkb — gevolgklasse 1": a heading's words about the law, not a name
            if v and target == "kwaliteitsborger" and _SENTENCE_CASE.match(v) and not nz.LEGAL_FORM.search(v):
                return out  # "KB" / "Uitgangspunten en scope": the next chapter's heading, not a firm's name
            if v and target == "instrument":
                v = re.sub(r"^(?:het\s+)?instrument\s+", "", v, flags=re.IGNORECASE)
                v, number = nz.unlisted_instrument(v)
                if number:
                    add("instrument_versie", number, conf - 0.05)
            cut = _RUN_ON.sub("", v) if v else v
            if cut != v:  # "instrument X gebruikt, zoals ...": the sentence runs on after the name; a guess
                v, conf = (cut if _name_value(cut) else None), min(conf, 0.65)
            add(target, v, conf - 0.05)  # a name not on the list: kept as written, flagged by the rules
    elif target in ("initiatiefnemer", "bouwer", "projectnaam"):
        if line.sender:
            return []
        if target == "initiatiefnemer" and (ref.match_borger(raw[:120]) or info.label == "namens" and raw.rstrip().endswith(",")):
            return []  # a kwaliteitsborger is never the initiatiefnemer it borgs for; "Namens Borg 4," closes a letter
        add(target, _name_value(raw) if target != "projectnaam" else _project_value(raw))
        kvk = _KVK_WITH_NAME.search(raw) if target == "initiatiefnemer" else None
        if kvk:  # "Lagedijk Ontwikkeling C.V. (KvK 90123456)": the firm's number beside its name
            add("kvk", nz.normalize_kvk(kvk.group(1)), conf - 0.05)
    return out


_KVK_WITH_NAME = re.compile(r"(?i)[(,]\s*kvk(?:[- ]?(?:nummer|nr\.?))?\s*:?\s*(\d{8})\b")


# the melder's role as a form asks it ("In welke rol doet u deze melding? | Initiatiefnemer")
_ROLE = re.compile(r"(?i)^\s*(?:ik ben (?:de )?|als |de )?(initiatiefnemer|opdrachtgever|aanvrager|eigenaar|bouwheer|"
                   r"gemachtigde|vertegenwoordiger|architect|adviseur|kwaliteitsborger|aannemer)\b")
_ROLES = {"initiatiefnemer": "initiatiefnemer", "opdrachtgever": "initiatiefnemer", "aanvrager": "initiatiefnemer",
          "eigenaar": "initiatiefnemer", "bouwheer": "initiatiefnemer", "gemachtigde": "gemachtigde",
          "vertegenwoordiger": "gemachtigde", "architect": "gemachtigde", "adviseur": "gemachtigde",
          "kwaliteitsborger": "kwaliteitsborger", "aannemer": "bouwer"}
# a submitter with the role or the party after the name: "X (initiatiefnemer)", "X (gemachtigde) namens Y", "X namens Y"
_SUBMITTER = re.compile(r"(?i)^(?P<who>[^()]+?)\s*(?:\((?P<role>[^()]{3,30})\)\s*(?:,?\s*namens\s+(?P<for>\S.*))?"
                        r"|\s+namens\s+(?P<for2>\S.*))$")
_RUN_ON = re.compile(r"\s+(?:wordt|worden|werd|gebruikt|toegepast|ingezet|gehanteerd|zoals|dat|die|heeft|is)\b.*$|[,;]\s*$")


_MELDER_MAP = {"locatie": "partij_adres", "straat": "partij_adres", "postcode": "postcode", "plaats": "plaats",
               "postcode_plaats": "postcode", "huisnummer": "huisnummer",
               "partij_postcode": "postcode", "partij_plaats": "plaats"}  # ("Aanvrager postcode": named with its party)


def _party_address(kind: str, raw: str) -> dict[str, str]:
    """The melder's correspondence address parts from a party's address line."""
    out: dict[str, str] = {}
    pc = nz.find_postcode(raw)
    if kind in ("postcode", "plaats"):
        if pc:
            out["melder_postcode"] = pc[2]
            place = nz.clean_place(raw[pc[1]:])
        else:
            place = nz.clean_place(raw) if kind == "plaats" else None
        if place:
            out["melder_plaats"] = place
        return out
    if kind == "huisnummer":
        return {}  # a separate house number of the melder: joined below only when a street came alone
    box = nz.normalize_postbus(raw)
    parts = nz.parse_address(raw)
    if box:
        out["melder_adres"] = box
    elif "straat" in parts and "huisnummer" in parts:
        out["melder_adres"] = f"{parts['straat']} {parts['huisnummer']}"
    if "postcode" in parts:
        out["melder_postcode"] = parts["postcode"]
    if "plaats" in parts:
        out["melder_plaats"] = parts["plaats"]
    return out


def _strip_label(ref: Reference, text: str) -> str:
    """"Plaats Hengelo" after a postcode: the value without its own label."""
    m = match_label(ref, text.strip())
    return m[2] if m and m[2] else text


# Abbreviations that end in a full stop inside a name ("fam. Jansen", "Kavel nr. 4", "ir. De Vries").
_ABBREVIATIONS = {"fam", "nr", "dhr", "mevr", "mw", "hr", "mr", "ir", "ing", "drs", "dr", "prof", "st", "bv", "vof", "ca",
                  "gebr", "fa", "wed", "jr", "sr", "gem", "mij", "ver", "coop", "stg", "bros"}
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])")
_LEGAL_NEXT = re.compile(r"(?:B\.V|V\.O\.F|N\.V|C\.V)\.?(?:\s|$)")


def _first_sentence(text: str) -> str:
    for m in _SENTENCE_END.finditer(text):
        word = re.search(r"(\w+)$", text[: m.start()])
        if word and (word.group(1).lower() in _ABBREVIATIONS or (len(word.group(1)) == 1 and word.group(1).isalpha())):
            continue
        if word and word.group(1).lower() == "zn" and _LEGAL_NEXT.match(text, m.end()):
            continue  # "Kwekerij Van Egmond & Zn. V.O.F.": the firm's name goes on to its legal form
        return text[: m.start()]
    return text


def _project_value(raw: str) -> str | None:
    v = re.split(r"\s[|·•]\s", raw, maxsplit=1)[0]  # "Woning Koster · WTT · WKI": a strip of values, the name first
    v = re.sub(r"\s{2,}", " ", v).strip(" :;-–")
    v = re.sub(r"\s+-\s+versie\s+[\d.]+\s*$", "", v, flags=re.IGNORECASE)
    v = _first_sentence(v)  # a sentence that follows is not the name
    if not v or VOID_VALUE.match(v) or len(v) > 120 or len(v.split()) > 14:
        return None
    return v


def best(cands: list[Cand]) -> dict[str, Cand]:
    out: dict[str, Cand] = {}
    for c in cands:
        cur = out.get(c.field)
        if cur is None or (c.conf, -c.order) > (cur.conf, -cur.order):
            out[c.field] = c
    return out


def to_field_value(c: Cand) -> FieldValue:
    return FieldValue(value=c.value, page=c.page, fragment=c.fragment, confidence=round(max(0.0, min(1.0, c.conf)), 2),
                      label=c.label)
