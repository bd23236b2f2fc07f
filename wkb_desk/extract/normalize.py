"""Normalise Dutch values: dates, postcodes, house numbers, perceel, KvK, BAG, verzoeknummer.

Every function takes any string and returns the normalised value or None; none of them raises on
odd input. Patterns are bounded (no nested quantifiers) and inputs are cut to MAX_VALUE characters,
so hostile text cannot cause catastrophic backtracking.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MAX_VALUE = 300  # a value is never longer than this; longer input is cut before matching

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # English month names occur in exported forms
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    # German ones in letters of builders from across the border ("2. März 2026", "18. Dezember 2026")
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "dezember": 12, "dez": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

_DATE_NUMERIC = re.compile(r"(?<![\d.,])(\d{1,2})\s?([-./])\s?(\d{1,2})\2\s?['’]?(\d{4}|\d{2})(?![\d])")  # ("14-6-'27")
_NORM_BEFORE = re.compile(r"\b(?:NEN|EN|ISO|NPR|NTA|IEC)[- ]?$")
_DATE_ISO = re.compile(r"(?<![\d.,])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d])")
_DATE_WORDS = re.compile(
    # ("3 mei 2027", "3e mei 2027", "the 3rd of May 2027")
    r"(?<![\w])(\d{1,2})\s?(?:e|ste|de|st|nd|rd|th)?\.?(?:\s+of)?(?:\s+|\s?[-/]\s?)(" + _MONTH_ALT
    + r")\.?,?(?:\s+|\s?[-/]\s?)(\d{4}|['’]\d{2})(?![\d])",
    re.IGNORECASE,
)
# ("4 mei '27": a year shortened with its apostrophe is this century's; "4 mei 27" without it is no date - the 27
# may as well be a house number)


_DAY_MONTH = re.compile(r"^\s*(?:(?:ma|di|wo|do|vr|za|zo)\.?\s+)?(\d{1,2})(?:\s+(" + _MONTH_ALT + r")\.?|[-./](\d{1,2}))\s*$",
                        re.IGNORECASE)


def date_without_year(text: str, after: dt.date) -> dt.date | None:
    """"4 mei", "ma 20-07" with the year left out: the first such day on or after `after` (the day the request was
    made: a start or use lies ahead of it), within a year."""
    m = _DAY_MONTH.match(text or "")
    if not m:
        return None
    month = MONTHS[m.group(2).lower()] if m.group(2) else int(m.group(3))
    for year in (after.year, after.year + 1):
        d = _mk_date(year, month, int(m.group(1)))
        if d is not None and d >= after:
            return d
    return None


_WEEKDAYS = {"maandag": 0, "ma": 0, "dinsdag": 1, "di": 1, "woensdag": 2, "wo": 2, "donderdag": 3, "do": 3,
             "vrijdag": 4, "vr": 4, "zaterdag": 5, "za": 5, "zondag": 6, "zo": 6}
# a weekday opening a text ("vrijdag 2 juli 2027", "ma. 5-7-2027")
WEEKDAY_LEAD = re.compile(r"(?i)^(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+")
_DAY_MONTH_IN_TEXT = re.compile(
    r"(?<![\w-])(?:(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?(\d{1,2})\s+(" + _MONTH_ALT
    + r")\b\.?(?!\s*,?\s*\d)", re.IGNORECASE)


# "ma 8/3", "di 6-4": a day and month in figures, typed on a phone; only with its weekday (a bare "8/3" may be anything)
_WEEKDAY_DAY_MONTH = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+(\d{1,2})[/-](\d{1,2})(?![/\-.]?\d)",
    re.IGNORECASE)


def days_without_year(text: str, after: dt.date) -> list[tuple[int, dt.date, bool]]:
    """"dinsdag 6 april a.s.", "woensdag 28 april", "ma 8/3" in a sentence, the year left out: the first such day on
    or after `after` (the letter's own date), with whether a weekday named with it confirms that year."""
    out = []
    text = text[: MAX_VALUE * 4]
    found = [(m.start(), m.group(1), f"{m.group(2)} {m.group(3)}") for m in _DAY_MONTH_IN_TEXT.finditer(text)]
    found += [(m.start(), m.group(1), f"{m.group(2)}-{m.group(3)}") for m in _WEEKDAY_DAY_MONTH.finditer(text)]
    for at, weekday, day in sorted(found):
        d = date_without_year(day, after)
        if d is not None and (d - after).days <= 200:
            out.append((at, d, bool(weekday) and _WEEKDAYS[weekday.lower()] == d.weekday()))
    return out


def date_of_verzoeknummer(number: str) -> dt.date | None:
    """A DSO verzoeknummer starts with the day it was made: 2026042800731 -> 2026-04-28."""
    if not re.fullmatch(r"20\d{11}", number or ""):
        return None
    return _mk_date(int(number[:4]), int(number[4:6]), int(number[6:8]))


def _mk_date(y: int, m: int, d: int) -> dt.date | None:
    if y < 100:
        y += 2000
    if not 1900 <= y <= 2100:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """All dates in `text` with their start offsets, in order of appearance."""
    text = text[: MAX_VALUE * 4]
    found: list[tuple[int, dt.date]] = []
    for m in _DATE_ISO.finditer(text):
        if _NORM_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "NEN-EN 1991-1-4": a standard's number, not 4 January 1991
        d = _mk_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d:
            found.append((m.start(), d))
    for m in _DATE_NUMERIC.finditer(text):
        if m.group(2) == "." and len(m.group(4)) == 2:
            continue  # "1.2.26" is more often a version or article number than a date
        d = _mk_date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in _DATE_WORDS.finditer(text):
        d = _mk_date(int(m.group(3).lstrip("'’")), MONTHS[m.group(2).lower()], int(m.group(1)))
        if d:
            found.append((m.start(), d))
    found.sort(key=lambda x: x[0])
    return found


def parse_date(text: str) -> str | None:
    """The first Dutch date in `text` as ISO `YYYY-MM-DD`."""
    if not text:
        return None
    found = find_dates(text)
    return found[0][1].isoformat() if found else None


# (the letters end the code: "2026 TN-5120" is a year before a reference, no postcode)
# ("5531-BE": a hyphen between the parts, with the letters in capitals)
_POSTCODE = re.compile(r"(?<![\dA-Za-z-])([1-9]\d{3})(?:\s{0,2}|-(?=[A-Z]{2}\b))([A-Za-z]{2})(?![A-Za-z\d]|-\w)")
_POSTCODE_STRICT = re.compile(r"(?<![\dA-Za-z])([1-9]\d{3})\s?([A-Z]{2})(?![A-Za-z\d]|-\w)")
_BAD_LETTERS = {"SA", "SD", "SS"}  # never issued by PostNL


_LOWER_WORDS = {"in", "en", "op", "is", "de", "te", "om", "af", "al", "nu", "er", "ze", "we", "ik", "uw", "na", "zo",
                "of", "as", "at", "on", "to", "by"}
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_BEFORE = re.compile(r"(?i)(?:\b(?:jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?|\d{1,2}[-./]\d{1,2}[-./])\s*$")
_LOWER_AFTER = re.compile(r"\s+[a-zà-ÿ]")


def find_postcode(text: str, strict: bool = False) -> tuple[int, int, str] | None:
    """(start, end, "7601 AB") of the first postcode; `strict` wants upper case letters (free text)."""
    pat = _POSTCODE_STRICT if strict else _POSTCODE
    for m in pat.finditer(text[:MAX_VALUE]):
        letters = m.group(2).upper()
        if letters in _BAD_LETTERS:
            continue
        if m.group(2) in _LOWER_WORDS and _YEAR.fullmatch(m.group(1)) and " " in text[m.start():m.end()] and (
                _DATE_BEFORE.search(text[max(0, m.start() - 20):m.start()]) or _LOWER_AFTER.match(text, m.end())):
            # "op 1 november 2027 in gebruik": a date's year and the sentence going on, no postcode ("1900 ik"
            # alone, "Kerkstraat 1, 1900 ze Almelo": a postcode typed in lower case)
            continue
        return m.start(), m.end(), f"{m.group(1)} {letters}"
    return None


def normalize_postcode(text: str) -> str | None:
    found = find_postcode(text or "")
    return found[2] if found else None


# house number: digits, then an optional addition: a letter, "-2", "/2", " bis", "hs"
_HOUSENR = re.compile(
    r"^\s*(\d{1,5})(?!\d)(?:\s{0,2}(?:([-/])\s{0,2}(\d{1,4}|[A-Za-z]{1,4})\b|([A-Za-z])(?![A-Za-z])(?!/m|\.\s?v\.)(?:-(\d{1,4})\b)?"
    r"|(bis|hs|huis|bg|rd|rood|zw|ii|iii)\b|(bus|unit)\s?(\d{1,4})\b))?",
    re.IGNORECASE,
)


# "7 toev. B", "12 toevoeging 2": the toevoeging written out after the number
_TOEV_WORD = re.compile(r"(?i)^(\s*\d{1,5})\s*(?:toevoeging|toev\.?)\s*:?\s*(?=[A-Za-z0-9])")


def normalize_huisnummer(text: str) -> str | None:
    """`12 A`, `12-A` and `12 toev. A` -> `12a`, `12 - 2` and `12 toev. 2` -> `12-2`, `12 hs` -> `12-hs`; lower case
    without spaces."""
    text = (text or "")[:MAX_VALUE]
    toev = _TOEV_WORD.match(text)
    if toev:
        rest = text[toev.end():]
        text = f"{toev.group(1)}{'' if rest[:1].isalpha() else '-'}{rest}"
    m = _HOUSENR.match(text)
    if not m:
        return None
    number = m.group(1).lstrip("0") or "0"
    if m.group(2) == "-" and m.group(3).isalpha() and len(m.group(3)) == 1:
        return f"{number}{m.group(3).lower()}"  # "14-A": one letter after the hyphen is the huisletter (14a)
    if m.group(2):
        return f"{number}{m.group(2)}{m.group(3).lower()}"
    if m.group(4):  # ("2A-01": the letter, then the toevoeging)
        return f"{number}{m.group(4).lower()}" + (f"-{m.group(5)}" if m.group(5) else "")
    if m.group(6):  # more than one letter is no huisletter but a toevoeging, as the BAG writes it: "12 hs" -> "12-hs"
        return f"{number}-{m.group(6).lower()}"
    if m.group(7):  # "12 bus 3", "15 unit 4": lower case without spaces, as written
        return f"{number}{m.group(7).lower()}{m.group(8)}"
    return number


def normalize_toevoeging(text: str) -> str:
    t = re.sub(r"\s+", "", (text or "")[:20]).lower()
    return t if re.fullmatch(r"[-/]?[a-z0-9]{1,4}", t) else ""


_STREET_NR = re.compile(
    r"(?P<straat>(?:\d{1,2}(?:e|ste|de)\s+|['’]t\s+(?=[A-Z]))?[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.\- ]{0,60}?[A-Za-zÀ-ÿ.)])\s{1,3}"
    r"(?P<nr>\d{1,5}(?:\s{0,2}[-/]\s{0,2}(?:\d{1,4}|[A-Za-z]{1,4})\b|\s?[A-Za-z](?![A-Za-z])(?!/m|\.\s?v\.)(?:-\d{1,4}\b)?"
    r"|\s?(?i:bis|hs|bg|rd|rood|zw)\b|\s(?i:bus|unit)\s\d{1,4}\b"  # ("41hs", "41 HS", "3 bg", "3 rd": huis, begane grond, rood)
    r"|\s(?i:toevoeging|toev\.?)\s?:?\s?[A-Za-z0-9]{1,4}\b)?)"
)
_PLACE = re.compile(r"^[\s,\-–/]*([A-Za-zÀ-ÿ'’][A-Za-zÀ-ÿ'’.\- ]{0,40}[A-Za-zÀ-ÿ.]|[A-Za-zÀ-ÿ])")
_PLACE_STOP = re.compile(r"\s+(?:te|in|gemeente|nl|nederland|the netherlands)$", re.IGNORECASE)
# words that may precede a street in a sentence ("aan de Kerkstraat 12") but are not part of it
_STREET_LEAD = re.compile(
    r"^(?:.*\b(?:aan de|aan het|op de|op het|bij de|bij het|in de|in het|op 't|op ’t|in 't|in ’t|aan|op|te|in|bij|voor|adres|locatie|bouwwerk|"
    r"gereedmelding|startmelding|bouwmelding)\s+)", re.IGNORECASE)  # ("Gereedmelding Antwerpsestraatweg 214": a subject)


# a street whose name itself opens with a preposition ("Op de Vonder", "Aan de Stegge", "In den Boogaard")
_STREET_WITH_LEAD = re.compile(r"^(?:Aan|Op|In|Bij|Voor|Achter|Over|Onder|Naast|Langs|Tegen)\s+(?:de|het|den|der|['’]t)\s+[A-Z]")


def _strip_street_lead(text: str) -> str:
    """The street without the words before it in a sentence or label ("aan de Kerkstraat", "Bouwadres Kerkstraat");
    a capitalised preposition that opens the name stays ("Bouwadres: Op de Vonder")."""
    m = _STREET_LEAD.match(text)
    if not m:
        return text
    cut = m.end()
    lead = re.search(r"(?i)(?:aan|op|bij|voor|in) (?:de|het|den|der|['’]t)\s+$", text[:cut])
    if lead and _STREET_WITH_LEAD.match(text[lead.start():]):
        return text[lead.start():]
    return text[cut:]


_NOT_PLACES = {"en", "de", "het", "van", "te", "in", "op", "of", "nl", "nederland", "gemeente", "datum", "postbus",
               "plaats", "woonplaats", "onbekend", "nvt", "n.v.t", "volgt", "geen", "postcode", "adres", "straat",
               "locatie", "bouwlocatie", "bouwadres", "huisnummer", "plaatsnaam", "kern", "nummer",
               # the small words and the words of a risk table's cells that follow a label word in a sentence
               # ("Rookmelders niet op juiste plaats / niet gekoppeld | oplevering")
               "niet", "wel", "nog", "ook", "ja", "nee", "zie", "met", "voor", "na", "door", "om", "tot", "als", "dan",
               "dit", "dat", "deze", "die", "er", "is", "zijn", "wordt", "conform", "volgens", "bij", "aan",
               "oplevering", "uitvoering", "ontwerp", "controle", "inspectie", "toetsen", "toets"}
# a builder's legal lines beside the letter ("Amtsgericht Kleve HRB 9045", "Sparkasse Krefeld"): no place's first word
_NOT_PLACE_START = {"amtsgericht", "registergericht", "sparkasse", "volksbank", "iban", "bic", "ust-idnr", "hrb", "kvk",
                    "btw", "handelsregister", "bank", "rabobank", "abn", "triodos", "bankrekening", "rekening"}
# ("Berg en Terblijt", "Cadier en Keer": "en" joins the two words of one village's name)
_PARTICLES = {"van", "aan", "den", "de", "der", "op", "in", "bij", "het", "'s", "a/d", "aan de", "ter", "ten", "en"}


# "3417 rt wpl. Montfoort", "3404 LH te IJsselstein": the word before the place is no part of it
_S_PREFIX = re.compile(r"^[‘’'`]?[sS]-(?=[A-Z])")
_PLACE_LABEL = re.compile(r"^\s*(?:(?i:wpl|woonplaats)\.?:?\s+(?=[A-Za-z])|(?:te|in)\s+(?=[A-Z]))")  # ("4301RC in Zierikzee")
_INITIALS_START = re.compile(r"^(?!St\.)[A-Z]\.(?:[A-Z]\.)*\s?[A-Za-z]")


_LEGAL_TOKEN = re.compile(r"^(?:B\.?V\.?|N\.?V\.?|V\.?O\.?F\.?|C\.?V\.?|U\.?A\.?|B\.?A\.?)$")
_INITIALS_TOKEN = re.compile(r"^(?:[A-Z]\.)+$")
_NAME_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "op", "in", "aan", "bij", "en", "la", "le"}


def name_case(name: str) -> str:
    """A name typed in capitals in ordinary spelling: "BOUWBEDRIJF MULDER & ZN. V.O.F." -> "Bouwbedrijf Mulder &
    Zn. V.O.F.", "J.P. VAN DIJK" -> "J.P. van Dijk"; initials and legal forms keep their capitals. Any other
    name is returned as written."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return name
    out = []
    for k, tok in enumerate(name.split(" ")):
        if _LEGAL_TOKEN.match(tok) or _INITIALS_TOKEN.match(tok) or not any(c.isalpha() for c in tok):
            out.append(tok)
        elif k > 0 and tok.lower() in _NAME_PARTICLES:
            out.append(tok.lower())
        else:
            out.append("-".join(part[:1] + part[1:].lower() for part in tok.split("-")))
    return " ".join(out)


_SHORTHAND = re.compile(r"^(?!IJ)[A-Z][a-z]?[A-Z][A-Za-z]?\.?$")


def clean_place(text: str) -> str | None:
    """The place name at the start of `text`: capitalised words, with particles between them
    ("Hof van Twente", "Alphen aan den Rijn"); a sentence that follows is cut off."""
    m = _PLACE.match(_PLACE_LABEL.sub("", (text or "")[:MAX_VALUE]))
    if not m or _SHORTHAND.match(m.group(1)):
        return None  # ("BoZ", "Adam": a writer's shorthand for a place is no name of one)
    tokens = re.sub(r"\s{2,}", " ", m.group(1).strip(" .-")).split(" ")
    kept: list[str] = []
    pending: list[str] = []
    for k, tok in enumerate(tokens[:8]):
        if k and tok.rstrip(".,:") in _AFTER_PLACE:
            break  # "Roosendaal Afschrift Gemeente Roosendaal": a cc line run into the place
        if k == 0 or tok[:1].isupper() or tok[:2] in ("'s", "’s"):
            kept.extend(pending + [tok])
            pending = []
            if tok.endswith(".") and len(tok) > 4:
                break  # "Maastricht. De bouwmelding ...": a full word with a full stop ends the sentence ("St." does not)
        elif tok.lower() in _PARTICLES and k > 0:
            pending.append(tok)
        elif pending and tok.isalpha() and len(tok) <= 3 and len(kept[-1]) <= 4:
            return None  # "Lich ten voo rde": a word a PDF drew in pieces, no place followed by words
        else:
            break
    place = _PLACE_STOP.sub("", " ".join(kept)).strip(" .-")
    capitals = place.isupper() and len(place) > 3
    if capitals:
        place = _title_with_particles(place)  # "LOENEN AAN DE VECHT" -> "Loenen aan de Vecht"
    place = _S_PREFIX.sub("'s-", place)  # "S-Heerenberg", "’s-Hertogenbosch": the article as it is written
    if place.lower() in _NOT_PLACES or len(place) < 2 or _INITIALS_START.match(place) \
            or place.split(" ", 1)[0].lower() in _NOT_PLACE_START:
        return None  # ("M. Oude Vrielink": initials start a person's name, never a place's)
    if not capitals and place[:1].islower() and place[:2] not in ("'s", "’s"):
        place = place[:1].upper() + place[1:]  # "assen" (a form typed in lower case, a capital lost in a scan)
    return FRISIAN_PLACES.get(place.lower(), place) or None


# capitalised words that follow a place on a letter's line but are no part of it
_AFTER_PLACE = {"Afschrift", "Kopie", "Cc", "CC", "Gemeente", "Team", "Afdeling", "Datum", "Kenmerk", "Betreft",
                "Onderwerp", "Telefoon", "Tel", "Pagina", "Blad", "Postbus", "Bijlage", "Bijlagen"}


# Frisian names of places whose official (BAG) woonplaats name is the Dutch one: "Snits / Sneek" is Sneek. (Where
# the BAG name is Frisian, "Grou", "Burgum", "Easterein", it is kept as written.)
FRISIAN_PLACES = {
    "snits": "Sneek", "it hearrenfean": "Heerenveen", "harns": "Harlingen", "ljouwert": "Leeuwarden",
    "frjentsjer": "Franeker", "boalsert": "Bolsward", "starum": "Stavoren", "warkum": "Workum", "hylpen": "Hindeloopen",
    "drylts": "IJlst", "sleat": "Sloten", "de jouwer": "Joure", "wolvegea": "Wolvega", "de lemmer": "Lemmer",
    "de gordyk": "Gorredijk", "sint-jabik": "Sint Jacobiparochie", "menaam": "Menaldum",
    "sint nyk": "Sint Nicolaasga", "st. nyk": "Sint Nicolaasga", "dronryp": "Dronrijp", "sint-anne": "Sint Annaparochie",
    "st.-anne": "Sint Annaparochie", "sint anne": "Sint Annaparochie",
}


_STREET_PARTICLES = {"van", "de", "der", "den", "het", "'t", "in", "op", "aan", "ter", "ten", "te", "bij", "en", "la", "le"}


# (compounds too: "Mantelzorgwoning Goilberdingerdijk", "Schuurwoning Beusichemseweg", "Sorteerloods Diefdijk")
_BUILDING_WORD = re.compile(r"(?i)^(?:[\w]+-)*(?:\w*(?:woning|woningen|loods|loodsen|schuur|schuren|bungalow|boerderij|"
                            r"bedrijfshal|bedrijfshallen|units?|appartementen|chalets?|stal|stallen)|"
                            r"nieuwbouw|bedrijfsgebouw|hal|kantoor|vrijstaande)$")


def _title_with_particles(text: str) -> str:
    """A name typed in capitals as it is written: each word capitalised, the particles between them small."""
    words = text.title().split(" ")
    return " ".join(w.lower() if k and w.lower() in _PARTICLES else w for k, w in enumerate(words))


def street_case(street: str) -> str:
    """"KERKSTRAAT" typed in capitals, "oedsmawei" typed in lower case: the street as it is signposted."""
    if street.isupper() and len(street) > 3:
        return _title_with_particles(street)  # "LAAN VAN DE MOLEN" -> "Laan van de Molen"
    if street[:1].islower() and street.split(" ", 1)[0] not in _STREET_PARTICLES:
        return street[:1].upper() + street[1:]
    return street


def _street_words(street: str) -> str:
    """Keep the street name's own words: "bouwmelding Kerkstraat" -> "Kerkstraat",
    "Laan van de Vrijheid" stays whole (its case is set by `street_case`)."""
    tokens = street.split(" ")
    while len(tokens) > 1 and _BUILDING_WORD.match(tokens[0]):
        tokens = tokens[1:]  # "Twee-onder-een-kapwoning Lepelaarsingel": what is built, then where
    if not any(t[:1].isupper() for t in tokens):
        return " ".join(tokens)
    keep = len(tokens)
    for k in range(len(tokens) - 1, -1, -1):
        tok = tokens[k]
        if tok[:1].isupper() or tok[:1].isdigit() or re.fullmatch(r"(?:[A-Za-z]\.)+", tok):
            keep = k
        elif tok.lower() in _STREET_PARTICLES and k > 0:
            continue
        elif k == 0 and tok in ("'t", "’t") and keep == 1:
            keep = 0  # "'t Ven": the article opens the street's name
        else:
            break
    return " ".join(tokens[keep:])


# a citizen writes the form's words into the address: "Nieuwdorperweg hnr. 5, pc 2811NE, wpl. Reeuwijk"
_INLINE_ADDRESS_LABELS = re.compile(r"(?i)\b(?:hnr|huisnr|huisnummer)\.?:?\s*(?=\d)|\b(?:pc|postcode)\.?:?\s*(?=\d{4}\s?[a-z]{2}\b)|"
                                    r"\b(?:wpl|woonplaats)\.?:?\s+(?=[A-Za-z])")


_SENTENCE_AFTER = re.compile(r"^[\s,;]*[a-zà-ÿ]+\s+[a-zà-ÿ]+\b")


# what follows a house number when the text names a row of them: "t/m 18", "tot en met 18", ", 22, 24 en 26",
# "en 14", "- 18 (even)"
_NUMBER_RANGE = re.compile(r"(?i)^\s*(?:t/m|t\.m\.|tot en met)\s*\d|^\s*(?:,\s*\d{1,4}[a-z]?\s*){1,12}(?:en|&)\s*\d"
                           r"|^\s+(?:en|&)\s+\d{1,4}\b(?!\s*(?:jan|feb|mrt|maart|apr|mei|jun|jul|aug|sep|okt|nov|dec))"
                           r"|^\s*(?:[-–]\s*\d{1,4}\s*)?\((?:even|oneven)\)")
_RANGE_PART = re.compile(r"^(?:\s*(?:t/m|t\.m\.|tot en met|en|&|,|[-–])\s*\d{1,4}[a-z]?\b)*\s*(?:\((?:even|oneven)\))?")


_NOTE_AFTER_NUMBER = re.compile(r"^\s*\((?!postcode)[a-zà-ÿ][^()\d]{1,24}\)(?=\s*[,–-]|\s+te\b)")


def parse_address(text: str) -> dict[str, str]:
    """Split "Kerkstraat 12a, 7601 AB Almelo" (any part optional) into straat/huisnummer/postcode/plaats."""
    text = _INLINE_ADDRESS_LABELS.sub("", (text or "")[:MAX_VALUE])
    out: dict[str, str] = {}
    pc = find_postcode(text)
    before, after = (text[: pc[0]], text[pc[1]:]) if pc else (text, "")
    if pc:
        out["postcode"] = pc[2]
        # ("... te Joure, 8501 AS, voldoet aan de regels": a sentence in lower case goes on after it, no place)
        place = clean_place(after) if not _SENTENCE_AFTER.match(after) else None
        if place:
            out["plaats"] = place
    unnumbered = _UNNUMBERED.match(before.strip())
    # (a number after it is a neighbour's: "Midden Peelweg (ohne Hausnummer, neben Nr. 18)")
    m = None if unnumbered else _STREET_NR.search(before)
    if unnumbered and not re.fullmatch(r"(?i)(?:adres|locatie|bouwlocatie|kavel|perceel)", unnumbered.group(1)):
        # "Kleefsedijk ong., 5971 NB Grubbenvorst", "Kleefsedijk (ongenummerd)": a street whose house has no number yet
        out["straat"] = street_case(_street_words(_strip_street_lead(unnumbered.group(1)).strip(" ,-")))
    if m:
        street = _strip_street_lead(m.group("straat")).strip(" ,-")
        if not re.search(r"\b[A-Z]\.[A-Z]\.$", street):  # "Vaart N.Z." keeps the stop of its abbreviation
            street = street.strip(" ,.-")
        street = _street_words(re.sub(r"\s{2,}", " ", street))
        street = street_case(street)
        nr = normalize_huisnummer(m.group("nr"))
        last = street.split()[-1] if street else ""
        # "Losser L 234" is a perceel (gemeente, sectie, nummer), not a street with a number
        # ("Weerdingerkanaal NZ 127": noordzijde, a side of the canal, is part of the street's name)
        # (a lone capital is no street either: "kavel N 112" is a plot's name)
        perceel = bool(re.fullmatch(r"[A-Z]{1,2}", last)) and last not in ("NZ", "ZZ", "OZ", "WZ") \
            and (len(street.split()) >= 2 or len(m.group("straat").split()) >= 2)
        rest = before[m.end():]
        named = _NUMBER_AFTER_NUMBER.match(rest) if m.group("nr").isdigit() and len(m.group("nr")) <= 2 else None
        if named and street:
            # "Wijk 3 13 te Urk": a street whose name ends in a number (Urk's "Wijk 1" to "Wijk 8"), then the house's
            street, nr, rest = f"{street} {m.group('nr')}", normalize_huisnummer(named.group(1)), rest[named.end():]
        if street and nr and not perceel and not re.fullmatch(
                r"(?i)(?:nr|nummers?|sectie|perce(?:el|len)|(?:bouw)?kavels?|kavelnummers?|bouwnummers?|bouwnrs?|woningen|(?:deel)?plan|fase|postbus|gevolgklasse|"
                r"versie|hoofdstuk|bijlage|pagina|page|blad|afdruk|artikel|week|wk|risico|blok|unit|complex|project|"
                r"bungalow|chalet|recreatiewoning|vakantiewoning|standplaats|ligplaats|hausnr|hausnummer|"  # a park's plot, no street
                r"tabel|figuur|afbeelding|foto|grafiek|\w*stal|\w*loods|"  # ("Tabel 1", "Vleesvarkensstal 2": no street)
                r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\.?", last):  # "op maandag 1 november"
            out["straat"] = street
            out["huisnummer"] = nr
            if "plaats" not in out:
                # ("Kottenseweg 41 (erf), Winterswijk Kotten": a short note in brackets after the number comes first)
                rest = _NOTE_AFTER_NUMBER.sub("", rest, 1)
                # "Kerkstraat 12 te Almelo" / "Kerkstraat 12, Almelo" (also before "(postcode 7601 AB)")
                # "Kerkstraat 12, Almelo", "Kerkstraat 12 te Almelo", "Kerkstraat 12a Almelo"
                pm = re.match(r"^\s*(?:(?:,|/|\bte\b|-|–)\s*|\b(?:in|op)\s+(?=[A-Z]))(.+)$", rest) or re.match(r"^\s+([A-Z][A-Za-zÀ-ÿ'’\- ]{1,40})$", rest) \
                    or (text.islower() and re.match(r"^\s+([a-zà-ÿ][a-zà-ÿ'’\-]{1,30})$", rest))  # "oedsmawei 14 grouw"
                # ("Zuiderhaven 41 - woning met bedrijfsruimte": a word in lower case is no place, unless all is)
                if pm and (pm.group(1)[:1].isupper() or text.islower() or pm.group(1)[:2] in ("'s", "'t")):
                    place = clean_place(pm.group(1))
                    if place and not re.match(r"(?i)(?:nl|postbus|tel|t\b)", place):
                        out["plaats"] = place
            if _NUMBER_RANGE.match(rest) and "plaats" not in out:
                # "Harlingerstraatweg 2 t/m 18 (even)", "Van Swinderenstraat 20, 22, 24 en 26, Balk": a row of houses
                # is named by its first (as registers do, test_address_ranges_name_their_first_number); the place
                # follows the row
                tail = re.match(r"^\s*(?:,|\bte\b|\bin\b|-|–)\s*([A-Z].+)$", _RANGE_PART.sub("", rest, 1))
                place = clean_place(tail.group(1)) if tail else None
                if place:
                    out["plaats"] = place
            if _NEAR_ANOTHER.search(before[max(0, m.start("nr") - 60): m.start("nr")]):
                # "perceel tegenover Polderweg 45, Oostwold", "nabij Vredenseweg 141": the site lies by that address,
                # it is not it; the street and the place are the site's too, the number and the postcode the neighbour's
                for key in ("huisnummer", "postcode"):
                    out.pop(key, None)
            if _NEAR_ANOTHER.fullmatch(f"{street} "):
                out.pop("straat", None)  # "Oostrumsedijk ong. (nabij 7)": the word "nabij" is no street
    return out


_UNNUMBERED = re.compile(r"^([A-Z][A-Za-zÀ-ÿ'’.\- ]{2,40}?)\s*[(,]?\s*(?:ong\.?|ongenummerd|o\.\s?nr\.?|ohne\s+(?:haus)?n(?:r\.?|ummer)|"
                         r"nog\s+ongenummerd|zonder\s+(?:huis)?nummer)(?=[\s),.;]|$)", re.IGNORECASE)
# the house number after a street's own number: the end, a comma, "te"/"op" and the place, or the postcode
_NUMBER_AFTER_NUMBER = re.compile(r"^\s{1,2}(\d{1,4}[a-z]?)(?=\s*(?:$|[,;(]|te\s|op\s+[A-Z]|[1-9]\d{3}\s?[A-Z]{2}\b))")
_NEAR_ANOTHER = re.compile(r"(?i)\b(?:tegenover|nabij|naast|achter|t\.o\.|ter hoogte van|in de buurt van|grenzend aan|"
                           r"neben|gegenüber|nahe)\s")  # (German: "neben Hausnr. 20")
# ("... op het perceel naast jullie, Lingedijk 34 Tricht": the address of the ones it lies beside)
NEAR_ANOTHER_END = re.compile(_NEAR_ANOTHER.pattern + r"(?:de\s+|het\s+|(?:ons|jullie|hen|hun|mij|de buren)"
                              r"(?:\s+(?:huis|woning|erf))?,\s*)?$")


_KAD = re.compile(
    r"(?:kadastrale\s+gemeente\s+|gemeente\s+|(?i:gemeinde|gemarkung)\s+)?(?P<gem>(?:(?<!\w)['’][st][- ])?[A-Z][A-Za-zÀ-ÿ'’\-]{1,30}(?: [A-Za-zÀ-ÿ'’\-]{1,20}){0,3}?)\s*,?\s+"
    r"(?:sectie\s+|(?i:sektion|flur)\s+)?(?P<sec>[A-Z]{1,2})(?:\s*,?\s+|(?=\d))(?:(?:perceel)?nummer|perceelnummer|"
    r"perceel|(?i:flurstück|nr)\.?|no\.?)?\s*(?P<nr>\d{1,6})(?![\d])"
    r"(?:\s*(?P<app>A\d{1,4}))?"
)


# the same typed in lower case, as the whole value ("zeewolde D 2210"): the sectie's capital still marks it
_KAD_LOWER = re.compile(r"^\s*(?P<gem>[a-zà-ÿ][a-zà-ÿ'’\-]{2,30}(?: [a-zà-ÿ'’\-]{2,20}){0,2}),?\s+(?P<sec>[A-Z]{1,2})\s*"
                        r"(?P<nr>\d{1,6})(?![\d])(?:\s*(?P<app>A\d{1,4}))?")

# a firm's legal form ("Borg4 B.V.", "Hulsbeek V.O.F.")
LEGAL_FORM = re.compile(r"(?i)\b(?:b\.v\.|n\.v\.|v\.o\.f\.|c\.v\.|u\.a\.|bv|nv|vof)(?:\s|$)")
_KAD_LABEL_WORDS = {"sectie", "perceel", "perceelnummer", "kadastraal", "kadastrale", "nummer", "gemeente"}
_PLACE_PARTICLES = {"van", "de", "der", "den", "aan", "op", "en", "in", "bij", "het", "'s", "ter", "ten"}


def _place_case(name: str) -> str:
    """"HOF VAN TWENTE" -> "Hof van Twente", "'S-HEERENBERG" -> "'s-Heerenberg": a place name in upper case."""
    words = name.lower().split()
    out = []
    for k, w in enumerate(words):
        if k and w in _PLACE_PARTICLES:
            out.append(w)
        elif w.startswith("'s-"):
            out.append("'s-" + w[3:].capitalize())
        else:
            out.append("-".join(part.capitalize() for part in w.split("-")))
    return " ".join(out)


def normalize_kadastraal(text: str) -> str | None:
    """`gemeente Almelo, sectie K, nummer 1234` / `Almelo sectie K nr. 1234` / `Almelo K1234` -> `Almelo K 1234`."""
    text = (text or "")[:MAX_VALUE]
    m = _KAD.search(text) or _KAD_LOWER.match(text)
    if not m:
        return None
    gem = re.sub(r"^(?:kadastrale\s+)?(?:gemeente|gemeinde|gemarkung)\s+", "", m.group("gem"),
                 flags=re.IGNORECASE).strip().replace("’", "'")
    if gem.islower():
        gem = _place_case(gem)  # "kad. zeewolde D 2210" typed on a phone: the municipality is a name
    if _KAD_LABEL_WORDS.intersection(gem.lower().split()):
        return None  # "Sectie Perceelnummer Enschede": a row of labels read as a name
    if gem.isupper() and len(gem) > 3:
        gem = _place_case(gem)  # "ENSCHEDE D 9120" as a register prints it: the municipality is a name
    out = f"{gem} {m.group('sec')} {m.group('nr')}"
    if m.group("app"):
        out += f" {m.group('app')}"
    return out


_VERSION_TAIL = re.compile(r"\s*[-–,(]?\s*\b(?:versie|version|v\.?)\s*\d+(?:\.\d+){0,3}\)?\s*$", re.IGNORECASE)


def unlisted_instrument(name: str) -> tuple[str, str | None]:
    """An instrument no list knows, named as its maker numbers it, and its version: "BouwZeker versie 2.0" ->
    ("BouwZeker 2.0", "2.0"); "KwaliBorg Wkb-systematiek - versie 2.1" -> ("KwaliBorg Wkb-systematiek 2.1", "2.1").
    A version is another instrument to admit, so it stays in the name."""
    version = _VERSION_TAIL.search(name)
    if not version or version.start() <= 2:
        return name, None
    number = re.search(r"\d+(?:\.\d+){0,3}", version.group(0)).group(0)
    return f"{name[: version.start()].rstrip(' -–,')} {number}", number


_OCR_TOKEN = re.compile(r"[\dOoIl|]{6,}")
_OCR_MAP = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})


def ocr_digits(text: str) -> str:
    """Undo OCR letter-for-digit mix-ups inside long numbers: "2O26O6O5OO763" -> "2026060500763"."""
    def fix(m: re.Match) -> str:
        token = m.group(0)
        digits = sum(c.isdigit() for c in token)
        return token.translate(_OCR_MAP) if digits >= 0.6 * len(token) else token
    return _OCR_TOKEN.sub(fix, text)


def _digits(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text)


_KVK = re.compile(r"(?<![\d])\d(?:[ .]?\d){7}(?![\d])")


def normalize_kvk(text: str) -> str | None:
    """8 digits from `69.121.052` / `69121052` / `6912 1052`."""
    m = _KVK.search(ocr_digits((text or "")[:MAX_VALUE]))
    return _digits(m.group(0)) if m else None


_BAG = re.compile(r"(?<![\d])\d(?:[ .]?\d){15}(?![\d])")


def normalize_bag(text: str) -> str | None:
    """16 digits, also when written in groups ("0158 2000 0000 1234", "0164.20.0000123456")."""
    m = _BAG.search(ocr_digits((text or "")[:MAX_VALUE]))
    return _digits(m.group(0)) if m else None


_VERZOEK = re.compile(r"(?<![\d])(20\d{11})(?![\d])")


def normalize_verzoeknummer(text: str) -> str | None:
    """The DSO verzoeknummer: 13 digits with a date-like prefix (yyyymmdd + 5)."""
    text = ocr_digits((text or "")[:MAX_VALUE])
    # the number as written, else spread over a line ("2027 0510 00276"); a number in the next cell
    # ("2027051000276<TAB>10-05-2027") is no part of it
    for candidate in (text, re.sub(r"(?<=\d)[ .](?=\d)", "", text)):
        for m in _VERZOEK.finditer(candidate):
            v = m.group(1)
            if 1 <= int(v[4:6]) <= 12 and 1 <= int(v[6:8]) <= 31:
                return v
    return None


_GK = re.compile(r"(?:gevolgklasse|gk)?\s*([123])(?![\d])", re.IGNORECASE)


def normalize_gevolgklasse(text: str) -> int | None:
    text = (text or "")[:MAX_VALUE]
    if len(set(_GK_NAMED.findall(text))) > 1:
        return None  # "☐ Gevolgklasse 1 ☐ Gevolgklasse 2 …" whose ticks a scan lost: which one is meant is unknown
    m = _GK.search(text)
    return int(m.group(1)) if m else None


_GK_NAMED = re.compile(r"(?i)\b(?:gevolgklasse|gk)\s*([123])(?![\d])")


_INT = re.compile(r"(?<![\d.,])(\d{1,5})(?![\d.,]\d)")


def parse_int(text: str) -> int | None:
    m = _INT.search((text or "")[:MAX_VALUE])
    return int(m.group(1)) if m else None


_COORD = re.compile(
    r"(?:x\s*[:=]?\s*)?(?P<x>\d{4,6}(?:[.,]\d{1,3})?)\s*(?:m\b)?\s*[,;/ ]\s*(?:y\s*[:=]?\s*)?(?P<y>\d{6}(?:[.,]\d{1,3})?)",
    re.IGNORECASE,
)


def normalize_coordinaten(text: str) -> str | None:
    """RD coordinates as written, `x, y`, when they fall inside the RD grid of the Netherlands."""
    m = _COORD.search((text or "")[:MAX_VALUE])
    if not m:
        return None
    try:
        x = float(m.group("x").replace(",", "."))
        y = float(m.group("y").replace(",", "."))
    except ValueError:
        return None
    if not (0 < x < 300000 and 289000 < y < 629000):
        return None
    return f"{m.group('x')}, {m.group('y')}"


_YES = re.compile(r"^\s*(?:ja|yes|j|aanwezig|bijgevoegd|toegevoegd|x|✓|☒|\[x\])\b", re.IGNORECASE)
_NO = re.compile(r"^\s*(?:nee|no|n|niet|ontbreekt|geen|volgt|☐|\[ \])\b", re.IGNORECASE)


def parse_bool(text: str) -> bool | None:
    if _YES.match(text or ""):
        return True
    if _NO.match(text or ""):
        return False
    return None


# --- line hygiene -------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")  # soft hyphen, zero-width: no space at all
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]")
_GAP = re.compile(r" {4,}")


def clean_text(text: str) -> str:
    """Remove control characters and normalise spacing, keeping TABs (cell separators)."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    # keep up to three spaces: "Label   value" and column gaps are layout, one space is a word break
    return _GAP.sub("   ", _SPACES.sub(" ", text))


_BSN_LABEL = re.compile(r"\b(?:bsn|burgerservicenummer|burger\s?service\s?nummer|sofi-?nummer)\b", re.IGNORECASE)
_NINE_DIGITS = re.compile(r"(?<![\d])\d(?:[ .\-]?\d){7,8}(?![\d])")


def has_bsn_label(text: str) -> bool:
    low = text.lower()  # (a plain test first: most texts name none of these)
    return ("bsn" in low or "burger" in low or "sofi" in low) and bool(_BSN_LABEL.search(text))


def _scrub_one(m: re.Match) -> str:
    return m.group(0) if find_dates(m.group(0)) else "[BSN verwijderd]"


def scrub_bsn(text: str) -> str:
    """Replace 8-9 digit numbers (BSN form, dates excepted) with a placeholder; used near a BSN label."""
    return _NINE_DIGITS.sub(_scrub_one, text)


_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4})(?![\w-])")


def normalize_email(text: str) -> str | None:
    """The first e-mail address in `text`, lower case."""
    m = _EMAIL.search((text or "")[:MAX_VALUE])
    return m.group(1).lower().rstrip(".") if m else None


_POSTBUS = re.compile(r"(?i)^\s*postbus\s{1,3}(\d{1,6})(?!\d)")


def normalize_postbus(text: str) -> str | None:
    """"Postbus 123" from "postbus 123, 7600 AA Almelo"."""
    m = _POSTBUS.match((text or "")[:MAX_VALUE])
    return f"Postbus {m.group(1)}" if m else None
