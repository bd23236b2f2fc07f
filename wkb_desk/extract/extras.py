"""Fallbacks from free text, and what each kind needs beyond the core fields."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re

from wkb_desk.extract import normalize as nz
from wkb_desk.extract.classify import QUOTED_START
from wkb_desk.extract.fields import LOCATION_PARTS, VOID_VALUE, Cand, fragment, match_label
from wkb_desk.extract.fields import _SALUTATION as SALUTATION
from wkb_desk.extract.fields import _bare_label as bare_label
from wkb_desk.extract.fields import _name_value as name_value
from wkb_desk.extract.locate import BANNER_TITLE, CONTACT_MAX, MAIL_HEADER, Line, is_prose
from wkb_desk.extract.reference import Reference

FREE_CONF = 0.6
PROSE_REF_CONF = 0.6  # a reference name found in the body text, not in a labelled line
_PRINTED = re.compile(r"\b(?:afgedrukt|geprint|gegenereerd|printdatum|pagina \d)", re.IGNORECASE)
_OWN_NR_THEN = re.compile(r"^\s*(?:verzoek(?:nummer|nr\.?)?|nr\.?|aanvraag(?:nummer)?)\s*:?\s*20\d{11}\b[\s,;—–\-·|]*$",
                          re.IGNORECASE)
_ENDS_IN_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.\s*$")  # "... van mevrouw M." / "Janssen op de ...": no sentence's end
_SUBMITTED = re.compile(r"\b(?:ingediend|ontvangen|gedaan)\b(?:[^.]{0,80}?\bop\b)?", re.IGNORECASE)


def _cand(field: str, value, line: Line, conf: float = FREE_CONF, label: str = "", focus: str = "") -> Cand:
    return Cand(field, value, conf, line.pos * 100 + 99, line.page, fragment(line.text, focus or str(value)), label)


def body_lines(lines: list[Line], include_sender: bool = False) -> list[Line]:
    return [ln for ln in lines if ln.text and ln.region == "body" and (include_sender or not ln.sender)]


_PLACE_DATE = re.compile(r"^(?:'s-)?[A-Z][A-Za-zÀ-ÿ'/\- ]{1,40},?\s+(?:den\s+)?(?:(?:maandag|dinsdag|woensdag|donderdag|"
                         r"vrijdag|zaterdag|zondag)\s+)?(?:\d{1,2}\s|\d{1,2}[-.])")


_PLACE_WORDS_OK = {"aan", "den", "de", "op", "bij", "ter", "ten", "van", "in", "a/d", "/", "-", "en"}


def _dating_line(text: str) -> bool:
    """A letter's "Enschede, 3 februari 2026" / "Zutphen / Utrecht, vrijdag 18 september 2026": a place (words in
    capitals but for particles) and a date; "Beoogde start bouw ma 16 mrt. 2026" is a labelled date."""
    m = _PLACE_DATE.match(text)
    if not m:
        return False
    dates = nz.find_dates(text)
    place = text[: dates[0][0]] if dates else text[: m.end()]
    # (the weekday and the German "den" before the date: "Kevelaer, den 10. April 2026")
    words = re.sub(r"\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|den)\b", "", place).strip(" ,").split()
    return bool(words) and all(w[:1].isupper() or w.lower() in _PLACE_WORDS_OK or w.startswith("'s") for w in words)


_LEGAL_FORM_CUT = re.compile(r"\b(?:B\.V|N\.V|V\.O\.F|C\.V)$")


def prose_fields(lines: list[Line], ref: Reference, have: set[str], used: set[int] = frozenset(),
                 dated: str | None = None) -> list[Cand]:
    """Values in sentences and letter lines, whatever the kind: date, parties, instrument, location. `dated`: the
    document's own date where a label gave it (a day named without its year lies after it)."""
    out: list[Cand] = []
    body = body_lines(lines)
    ct = ref.compiled_texts
    if "datum" not in have:
        # a letter's "Enschede, 3 februari 2026" (often inside the letterhead block)
        for ln in [x for x in lines if x.text and x.region == "body"][:40]:
            # ("Kevelaer, 2. März 2026 | Volksbank an der Niers": the dating line beside a letterhead's side column)
            own = ln.text.split("\t", 1)[0]
            if _dating_line(own) and len(own) < 60 and not ln.contact and "\t" not in own \
                    and ln.pos not in used and not _FILE_NAME.search(own):
                # ("Start<TAB>27.7.2026" is a labelled date, "Adobe Scan 24 feb. 2026.pdf" a scanner's stamp)
                d = nz.parse_date(own)
                if d:  # a letter's own dating line, the convention of every Dutch letter: as sure as a label
                    out.append(_cand("datum", d, ln, LETTER_DATE_CONF))
                    have = have | {"datum"}
                    break
    if "datum" not in have:
        for ln in body[:60]:
            sub = _SUBMITTED.search(ln.text)
            if sub and not _PRINTED.search(ln.text):
                # the date right after the verb ("ingediend op 2 november", "ingediend di 31 mrt. 2026")
                dates = nz.find_dates(ln.text[sub.end(): sub.end() + 60])
                if dates and dates[0][0] <= 25:
                    # "Verzoek 2026072400903 — ingediend vr 24 jul. 2026": the request's own number opens the line,
                    # so the date is this request's, as sure as a label; in other sentences it may be another's
                    own = _OWN_NR_THEN.match(ln.text[:sub.start()]) and dates[0][0] <= 8
                    # "Status | Ingediend op 22-02-2027": the verb opens a cell of the form, as a label does
                    cell = ln.text[:sub.start()].endswith("\t") and dates[0][0] <= 8
                    out.append(_cand("datum", dates[0][1].isoformat(), ln, LETTER_DATE_CONF if own or cell else 0.7))
                    break
        else:
            for ln in body[:20]:
                if _PRINTED.search(ln.text) or ln.pos in used or _FILE_NAME.search(ln.text.split("\t", 1)[0]):
                    continue  # (a scanning app's stamp "Scan 2026-01-20.pdf | 20-01-2026 10:44" dates the scan)
                d = nz.parse_date(ln.text)
                if d:
                    out.append(_cand("datum", d, ln, 0.5))
                    break
    searched: list[tuple[Line, str, str, str]] = []  # (line, its own text, with the next line, lower case)
    for field in ("initiatiefnemer", "kwaliteitsborger", "instrument"):
        if field in have:
            continue
        if not searched:
            for k, ln in enumerate(body):
                # a name may wrap onto the next line ("uitgevoerd door The Borging" / "Company met ..."): searched
                # together, the match must start on this line
                own = ln.text[:600]
                wraps = k + 1 < len(body) and body[k + 1].page == ln.page and "\t" not in body[k + 1].text \
                    and (not own.rstrip().endswith((".", ";", "!", "?")) or _ENDS_IN_INITIAL.search(own))
                text = f"{own} {body[k + 1].text[:200]}" if wraps else own
                searched.append((ln, own, text, text.lower()))
            whole = "\n".join(low for _, _, _, low in searched)
        done = False
        # (a pattern whose words the whole document lacks is not tried line by line)
        patterns = [rx for rx in ct.get(field, ()) if ref.may_match(rx, whole)]
        for ln, own, text, low in searched:
            for rx in patterns:
                m = rx.search(text) if ref.may_match(rx, low) else None
                if m and m.start() >= len(own):
                    continue  # (the next line's own match is found on that line)
                if m:
                    value = re.sub(r"\s{2,}", " ", m.group("v")).strip()
                    if VOID_VALUE.match(value) or nz.find_dates(value) or bare_label(ref, value):
                        continue  # "Naam instrument voor kwaliteitsborging" / "Niet beantwoord": the form is empty;
                        # "... | Beoogde start bouwwerkzaamheden 12/04/2027": the next field, not a name; a label
                        # of the next line ("Instrument voor kwaliteitsborging" / "Projectnaam / kavel")
                    if _LEGAL_FORM_CUT.search(value) and text[m.end("v"):m.end("v") + 1] == ".":
                        value += "."  # "door Waddenborg B.V. met ...": the sentence's stop was the form's own
                    if not value[:1].isupper() and field in ("initiatiefnemer", "kwaliteitsborger"):
                        continue  # "in opdracht van de initiatiefnemer": a role, not a name
                    if field == "initiatiefnemer":
                        value = SALUTATION.sub("", value)  # "onze opdrachtgever De heer W.F. Buijs"
                    if field != "instrument":
                        value = name_value(value)  # (the name alone: "namens X de start van de bouw ..." is X)
                        if value is None:
                            continue  # "heeft geen verklaring afgegeven: er is geen ...": words, not a name
                    if field == "kwaliteitsborger":
                        entry = ref.match_borger(value)
                        value = entry.naam if entry else value
                    elif field == "instrument":
                        entry = ref.match_instrument(value)
                        value = entry.naam if entry else nz.unlisted_instrument(value)[0]
                    out.append(_cand(field, value, ln))
                    done = True
                    break
            if done:
                break
    if "initiatiefnemer" not in have and all(c.field != "initiatiefnemer" for c in out):
        out.extend(_citizen_signer(lines, ref))
    strip_site: list[Cand] = []  # the site in a title strip: a guess, after a sentence that names it
    for cand in _title_strip(lines, ref) + _start_notice(body):
        if cand.field not in have and all(c.field != cand.field for c in out):
            (strip_site if cand.field in _STRIP_SITE_FIELDS and cand.conf <= STRIP_CONF else out).append(cand)
    # a sentence stays a sentence in a closing block ("Planning" / "Aanvang bouw is voorzien op ..." above "Contact")
    sentences = [ln for ln in body_lines(lines, include_sender=True) if not ln.contact]
    dated = dated or next((c.value for c in out if c.field == "datum"), None)
    today = dt.date.fromisoformat(dated) if dated else None
    out.extend(_sentence_values(sentences, have | {c.field for c in out}, used, today))
    # a BAG id alone names no address, nor does a kadastraal perceel: the sentence may still name the street
    if not have & {"straat", "coordinaten"}:
        # (a labelled postcode alone, "Postcode | 2802 AJ" under a sentence that names the street: the street too)
        # (a part already labelled stays in: the place the line names shows whether it is the site's, see
        # extract._elsewhere; a labelled value is not replaced by it)
        found = [c for c in _free_location(body, used, ref) if c.field not in have or c.field in LOCATION_PARTS]
        if not any(c.field == "straat" for c in found):
            found += [c for c in _running_head_location(lines, ref) if c.field not in have]
        if not any(c.field == "straat" for c in found):
            found += strip_site
        out.extend(found)
    else:
        out.extend(c for c in strip_site if c.field not in have)
    if "bag_id" not in have:
        for ln in body[:SENTENCE_ZONE]:
            bag = _BAG_PROSE.search(ln.text[:400])
            if bag:  # "(BAG 0197200000662048)" in a sentence
                out.append(_cand("bag_id", bag.group(1), ln, 0.7))
                break
    if "kadastraal" not in have and all(c.field != "kadastraal" for c in out) \
            and any("kadastra" in ln.text or "perceel" in ln.text for ln in body):
        # "(kadastraal IJsselstein H 812)" in a sentence where a label gave the address
        out.extend(_perceel_in_prose(body, 0, len(body)))
    return out


# a date in a sentence, named by the verb or noun before it ("de bouw start op 3 november 2026", "zullen beginnen
# op maandag 11 mei", "wordt naar verwachting op 1 juli in gebruik genomen")
_START_WORDS = re.compile(r"\b(?:start(?:en|t)?|begin(?:nen|t)?|aanvang(?:en)?|gestart|begonnen|aangevangen|vangen aan|vangt aan)\b",
                          re.IGNORECASE)  # ("de werkzaamheden vangen aan op 30 maart": the verb parted)
_USE_WORDS = re.compile(r"\b(?:ingebruikname|in gebruik (?:te )?(?:genomen|nemen|name)|betrokken|(?:te )?betrekken|opgeleverd en in gebruik|"
                        r"(?:gaan|komen) wonen|(?<=\bin )wonen|(?:in)?trekken|verhuizen|bewoond|bewonen|erin|"
                        r"verhuurd|verhuren|"  # (holiday homes are let from the day of use)
                        # ("De woningen worden per 1 juli 2026 aan de huurders opgeleverd": handed to those who use them)
                        r"aan de (?:huurders|bewoners|kopers|eigenaars?|eigenaren) (?:opgeleverd|overgedragen))\b",
                        re.IGNORECASE)
SENTENCE_ZONE = 80  # body lines read for dates and numbers in sentences: a letter or notice says them at the top
_PLAN_WORDS = re.compile(r"[Ss]tart|[Bb]egin|[Aa]anvang|aangevangen|vangt? aan|vangen aan|begonnen|[Gg]ebruik|[Bb]etrokken|START|BEGIN|AANVANG|GEBRUIK|wonen|woond|trekken|verhuiz|erin|verhuur|aan de (?:huurders|bewoners|kopers|eigena)")  # cheap test before the two above
_NOT_A_PLAN = re.compile(r"\b(?:voor de start|voor aanvang|weken voor|dagen voor|uiterlijk|termijn)\b", re.IGNORECASE)
# a DSO number in a sentence: whose it is, by the words just before it
_OWN_NR = re.compile(r"\b(?:onder|met)\s+(?:verzoek|meldings|aanvraag)?nummer\s*:?\s*$|\bverzoeknummer\s*:?\s*$"
                     r"|\b(?:verzoek|melding|aanvraag) heeft (?:het )?(?:verzoek|meldings)?nummer\s*:?\s*$"
                     r"|\bverzoeknummer(?: daarvan| van de melding)? is\s*$|^\s*verzoek\s*$"
                     r"|\bmelding(?:s)?\s?nummer\s*:?\s*$",
                     re.IGNORECASE)
# "Verzoek 2026033100816, ingediend ...": a line that opens with the request's own number
_OPENS_OWN_NR = re.compile(r"^\s*(?:verzoek|aanvraag|melding)(?:nummer)?\s*(?:nr\.?)?\s*:?\s*$", re.IGNORECASE)
_REFERRED_NR = re.compile(r"\b(?:(?:uw\s+)?kenmerk|behorend bij|hoort bij|gekoppeld aan|naar aanleiding van|bezug)\b[^.]{0,30}"
                          r"\bmelding(?: bouwactiviteit)?(?:\s+met\s+(?:het\s+)?(?:verzoek)?nummer)?\s*:?\s*$|\bbouwmelding\s*(?:met\s+(?:verzoek)?nummer\s*)?:?\s*$"
                          r"|\bbouwmelding\b[^.]{0,140}\b(?:verzoek|meldings)?nummer\s*:?\s*$|\buw\s+kenmerk\s*:?\s*$"
                          r"|\buw\s+verzoek(?:nummer)?\s*:?\s*$|\bbezug\b[^.]{0,80}\bvorgangsnummer\s*:?\s*$"
                          # "PS: het nummer van de bouwmelding in het Omgevingsloket is 2027..."
                          r"|\b(?:verzoek)?nummer van (?:de|uw|onze|mijn) (?:bouw)?melding\b[^.]{0,60}?\b(?:is|was|luidt)\s*:?\s*$"
                          r"|\b(?:gekoppeld aan|hoort bij|behoort bij|behorend bij)\s+(?:het\s+)?(?:eerdere\s+)?verzoek(?:nummer)?\s*:?\s*$",
                          re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# "per 21 juni", "op maandag 21 juni", "... aan de Didamseweg 102 in Zevenaar: maandag 20-4 gaat de schop erin"
_DATE_INTRO = re.compile(r"(?:\b(?:per|op|vanaf)|:)\s+(?:\w+\s+)?$")
# the date just before the verb: "op <datum> wordt gestart", "per <datum> starten wij"
# ("morgen (maandag 26-04-2027) starten we": the day named in brackets; "Morgen, maandag 10 mei 2027, start ...")
_DATE_THEN_VERB = re.compile(r"\b(?:op|per|vanaf|met ingang van|morgen|overmorgen),?\s+\S.{0,40}(?:\d{4}|'\d\d)[),]?\s+(?:\w+\s+){0,8}$"
                             # ("woensdag 1 april om 7.00 uur start bouw ...": the day named with its weekday and hour)
                             # ("Morgen, dinsdag 14 april, begint de aannemer met ...": set off by commas)
                             r"|\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag)\s+\d{1,2}\s+[a-z]{3,9}\.?,?\s+"
                             r"(?:om\s+\d{1,2}[.:]\d{2}\s+(?:uur\s+)?)?$",
                             re.IGNORECASE)
# a sentence that announces the start or the use itself ("Hierbij meld ik ... dat op 4 mei 2026 wordt gestart met de
# bouwwerkzaamheden"): a statement of the melder, as sure as a labelled date; other sentences stay guesses
_ANNOUNCES = re.compile(r"\b(?:(?:hierbij|wij delen u mede|delen wij u mede|informeren wij u|laten wij u weten|"
                        r"melden wij|meld ik)\b.{0,200}\b(?:met de (?:bouw|werkzaamheden|bouwwerkzaamheden)|"
                        r"de bouw\b.{0,160}\b(?:van start gaat|begint|start)\b|(?:gaan|komen) wonen|trekken\b.{0,60}\bin\b|"
                        r"verhuizen|"
                        r"werkzaamheden\b.{0,120}\b(?:aanvangen|beginnen|starten)|in gebruik (?:genomen|nemen))|"
                        r"\b(?:wordt|worden)\b.{0,120}\bin gebruik genomen|"
                        # "Wij starten 06-04-2027 met grondwerk": the builder's own word in the first person
                        r"\b(?:wij|we|ik)\s+(?:starten|beginnen|start|begin)\b(?!\s+(?:pas|zodra|als|wanneer)\b)|"
                        # "we willen 6-sep-2027 erin": moving in, in the melder's own words
                        r"\b(?:wij|we|ik)\s+(?:willen|gaan|hopen)\b[^.;]{4,30}\berin\b|"
                        # "Ik wil even laten weten dat we 10 mei a.s. beginnen met het bouwen"
                        r"\blaten weten,? (?:dat|wanneer) (?:we|wij|ik)\b[^;?]{0,60}?\b(?:beginnen|starten)\b|"
                        # "wij gaan op maandag 3 mei beginnen met de bouw"
                        r"\b(?:wij|we|ik) gaan\b[^.;?]{0,40}\b(?:beginnen|starten)\b|"
                        # "Van Baarle wil de hal op 12/07/2027 in gebruik nemen": the owner's intent, said by the melder
                        r"\b(?:wil|willen|gaat|gaan|zal|zullen)\b[^.;?]{0,60}\bin gebruik (?:te )?nemen\b)",
                        re.IGNORECASE)
LETTER_DATE_CONF = 0.85
WITHOUT_YEAR_CONF = 0.6  # a day named without its year and weekday: the year is a guess
ANNOUNCED_CONF = 0.85
_DSO_NR = re.compile(r"(?<!\d)(20\d{2}[01]\d[0-3]\d{6})(?!\d)")
# (an abbreviation's stop ends no sentence: "we starten a.s. maandag 19 april", "d.d. 3 mei", "jl.")
_SENTENCE_END = re.compile(r"(?<!\ba\.s)(?<!\bd\.d)(?<!\bjl)(?<!\bca)[.;!?](?:\s|$)(?!\d)")


def _sentence_values(body: list[Line], have: set[str], used: set[int] = frozenset(),
                     today: dt.date | None = None) -> list[Cand]:
    """Dates and DSO numbers named in sentences of a letter (lower confidence than a labelled value). A sentence
    wraps at the page's margin: a line is read together with the next one. A day named without its year
    ("dinsdag 6 april a.s.") is the first such day after the letter's date `today`: a guess, unless the weekday
    named with it confirms the year."""
    out: list[Cand] = []

    def dates_in(text: str) -> list[tuple[int, object, float | None]]:
        # (a date with its clock time is a message's time stamp, "[27/03/2026, 16:45] Bouwbedrijf vd Linden: ...",
        # "21-5-2026 12:03 - Dirk (uitvoerder): ...", pasted from a chat: when it was said, not what)
        found = [(at, d, None) for at, d in nz.find_dates(text) if not _CLOCK_AFTER.match(text, _date_end(text, at))]
        if not found and today is not None:
            found = [(at, d, None if sure else WITHOUT_YEAR_CONF) for at, d, sure in nz.days_without_year(text, today)]
        return found

    prev = ""
    for k, ln in enumerate(body[:SENTENCE_ZONE]):
        text = ln.text[:400]
        # (a labelled line is read by its label, unless it is a sentence: "Namens de opdrachtgever, de heer X, meld
        # ik dat de bouw ... start op 28/06/2027")
        labelled = ln.pos in used and not is_prose(ln.text) and ("20" not in text or not _DSO_NR.search(text))
        if len(text) < 25 or "\t" in text or labelled or MAIL_HEADER.match(text):
            prev = text[-80:]
            continue  # a labelled line, a short value or a table row: no sentence
        nxt = body[k + 1] if k + 1 < len(body) and body[k + 1].page == ln.page else None
        if nxt is not None and "\t" not in nxt.text and text.rstrip()[-1:] not in ".;!?" \
                and not MAIL_HEADER.match(nxt.text) and not _CHAT_STAMP.match(nxt.text):  # (a chat's next message)
            text = f"{text} {nxt.text[:200]}"
        # a heading ("Melding start bouwwerkzaamheden") names no date of its own, whatever follows it
        # (a short line that a comma carries on is the start of a sentence: "we willen 6-sep-2027 erin,")
        plan = _PLAN_WORDS.search(text) if len(ln.text.split()) >= 5 or ln.text.rstrip().endswith(",") else None
        if plan is None and "20" not in text:
            prev = ln.text[-120:]
            continue  # no start or use word, and no DSO number (they start with the year)
        # the opening of a sentence wrapped over several lines ("... informeren wij u dat de" / "werkzaamheden ...")
        before_lines = " ".join(b.text[:200] for b in body[max(0, k - 2):k] if "\t" not in b.text)
        for field, words in (("startdatum", _START_WORDS), ("ingebruikname", _USE_WORDS)):
            if field in have or plan is None:
                continue
            # ("Hierbij melden wij ... de start van de bouw ... Wij beginnen op maandag 14-6-'27 met ...": the word
            # that has the date may be the second of the line)
            for m in itertools.islice(words.finditer(text, max(0, plan.start() - 12)), 4):
                found = _plan_date(field, text, m, len(ln.text), before_lines, dates_in)
                if found:
                    out.append(_cand(field, found[0].isoformat(), ln, found[1]))
                    have = have | {field}
                    break
        if ("verzoeknummer" not in have or "verwijst_naar" not in have) and "20" in text:
            for m in _DSO_NR.finditer(text):
                # whose number it is: the words before it, also those at the end of the line above
                before = (prev + " " + text[:m.start()])[-200:]  # ("De bouwmelding ... ingediend; het verzoek is
                # daar geregistreerd onder nummer 2027...": the sentence that says whose number it is runs long)
                field = "verwijst_naar" if _REFERRED_NR.search(before) else "verzoeknummer" \
                    if _OWN_NR.search(before) or _OPENS_OWN_NR.match(text[:m.start()]) else None
                # the number on this line, or early on the next one ("... onder verzoeknummer" / "2026...",
                # "... hoort bij de melding met" / "nummer 2026...")
                if field and field not in have and (m.start() <= len(ln.text) + 2
                                                    or len(text[len(ln.text):m.start()].split()) <= 2):
                    out.append(_cand(field, m.group(1), ln, 0.6))
                    have = have | {field}
        prev = ln.text[-120:]
    return out


_CHAT_STAMP = re.compile(r"^\s*\[?\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?\s+[0-2]?\d:[0-5]\d\b")
_CLOCK_AFTER = re.compile(r"[,\]]?\s*[0-2]?\d:[0-5]\d\b")
_DATE_TOKEN = re.compile(r"[\w./'-]+")


def _date_end(text: str, at: int) -> int:
    """Where the date that `find_dates` found at `at` ends: after its last token that holds a digit."""
    end = at
    for m in itertools.islice(_DATE_TOKEN.finditer(text, at), 4):
        if any(ch.isdigit() for ch in m.group(0)):
            end = m.end()
        if m.group(0)[-1:].isdigit() and len(m.group(0)) >= 4 and m.group(0)[-4:].isdigit():
            break  # the year ends it
    return end


def _plan_date(field: str, text: str, m: re.Match, own: int, before_lines: str, dates_in) -> tuple[dt.date, float] | None:
    """The date that the start or use word `m` names in `text` (a line of `own` characters and the start of the
    next), with its confidence: the date before the verb ("op 20 april 2026 wordt gestart") or in the clause
    after it ("de bouw start op 3 november")."""
    if field == "startdatum" and m.start() > own or not dates_in(text[m.end():][:100]):
        # "op maandag 20 april 2026 wordt / gestart met": the date on this line, before the verb
        begin = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
        before = text[begin: m.start()]
        dates = dates_in(before)
        sure = _ANNOUNCES.search(f"{before_lines} {text[: m.end() + 60]}"[-400:])
        # "op 20 april 2026 wordt gestart", or in the melder's own statement "Hierbij meld ik dat
        # overmorgen, woensdag 28 april, de aannemer begint"
        if len(dates) == 1 and begin + dates[0][0] < own + 20 \
                and (_DATE_THEN_VERB.search(before) or sure) \
                and not _NOT_A_PLAN.search(text[begin: m.end() + 20]):
            return dates[0][1], dates[0][2] or (ANNOUNCED_CONF if sure else 0.6)
    if m.start() > own:
        return None  # the word must sit on this line; the next line only finishes the sentence
    end = _SENTENCE_END.search(text, m.end())
    clause = text[m.end(): end.start() if end else len(text)][:100]
    if _NOT_A_PLAN.search(text[max(0, m.start() - 30): m.end() + 20]):
        return None
    dates = dates_in(clause)
    # (further on only where "per" / "op" / "vanaf" introduces it: "de start ... op Havenpark 12 B, 4301JG
    # Zierikzee per 21 juni 2027")
    if len(dates) == 1 and (dates[0][0] < 60 or dates[0][0] < 100 and _DATE_INTRO.search(clause[:dates[0][0]])):
        sure = _ANNOUNCES.search(f"{before_lines} {text}"[max(0, len(before_lines) + m.start() - 300):])
        return dates[0][1], dates[0][2] or (ANNOUNCED_CONF if sure else 0.6)
    return None


# a private person writing about their own building ("mijn woning", "onze nieuwbouw", "ons huis")
_OWN_BUILDING = re.compile(r"\b(?:mijn|onze|ons)\s+(?:nieuwe\s+)?(?:woning|huis|nieuwbouw|bouwplan|bouwkavel|kavel|"
                           r"bouwmelding|verbouwing|schuur|garage)\b", re.IGNORECASE)
_CLOSING = re.compile(r"^\s*(?:met\s+)?(?:vriendelijke\s+)?(?:groet(?:en)?|hoogachtend|mvg|gr\.)\s*,?\s*$", re.IGNORECASE)
# ("Groet, Anne Veenstra", "Gr. Bouwgroep Zoomland B.V.": the closing and the signer on one line)
_CLOSING_WITH_NAME = re.compile(r"^\s*(?:met\s+)?(?:vriendelijke\s+)?(?:groet(?:en)?|mvg|gr\.)\s*(?:,|(?<=\.))\s*(?P<name>[A-Z].{2,40})$",
                                re.IGNORECASE)
_PERSON = re.compile(r"^(?:[A-Z]\.(?:\s?[A-Z]\.)*\s?|[A-Z][a-zà-ÿ]+\s+)(?:(?i:van|de|der|den|ter|ten|el|in 't|van 't)\s+)*"
                     r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?$")
# the lines under a signer's name that show the signer signs for a firm (a role, a legal form)
_FIRM_SIGNATURE = re.compile(r"\b(?:B\.V|N\.V|V\.O\.F)\b|\b(?:projectleider|directeur|uitvoerder|werkvoorbereider|"
                             r"bedrijfsleider|namens|aannemer\w*|bouwbedrijf|architect\w*)\b", re.IGNORECASE)
SIGNER_CONF = 0.6  # the signer of a citizen's own letter taken for the initiatiefnemer: to check


def _citizen_signer(lines: list[Line], ref: Reference) -> list[Cand]:
    """A private person's letter about their own building ("de bouw van mijn woning"), signed by a person whose
    name also heads the letter or its mail: that person is the initiatiefnemer (a guess, to check). A firm's or a
    borger's signature names whoever signs, not the initiatiefnemer."""
    body = [ln for ln in lines if ln.text.strip() and ln.region == "body"]
    if not _OWN_BUILDING.search(" ".join(ln.text for ln in body[:60])):  # (the words may wrap at the margin)
        return []
    for k, ln in enumerate(body):
        closing = _CLOSING.match(ln.text) or _CLOSING_WITH_NAME.match(ln.text)
        if not closing:
            continue
        top = " ".join(x.text for x in body[:min(6, k)])  # the letter's head, above its closing
        # the name below the closing ("Met vriendelijke groet," / "E. de Wit"), beside it ("Groet, Henk Zwart") or
        # in brackets under the couple's first names ("Jan en Ans Smit" / "(J.H. Smit)")
        below = [(x, x.text.strip()) for x in body[k + 1:k + 4]]
        beside = [(ln, closing.group("name"))] if closing.groupdict().get("name") else []
        for src, text in beside + below:
            name = SALUTATION.sub("", text.strip("() "))
            if _CLOSING.match(name) or not _PERSON.match(name) or ref.match_borger(name):
                continue
            as_headed = name if name in top else _initialled(name, top)
            if as_headed:
                at = body.index(src)
                if _FIRM_SIGNATURE.search(" ".join(x.text for x in body[at + 1:at + 3])):
                    return []  # "Esther Koning" / "projectleider Bouwcombinatie Schagen B.V.": signs for a firm
                return [_cand("initiatiefnemer", as_headed, src, SIGNER_CONF)]
        break
    return []


def _initialled(name: str, top: str) -> str | None:
    """"Henk Zwart" signed under a letter headed "H. Zwart": the name as the letter's head writes it."""
    first, _, rest = name.partition(" ")
    if not rest or first.endswith("."):
        return None
    short = f"{first[0]}. {rest}"
    return short if short in top else None



def reference_names(lines: list[Line], ref: Reference, have: set[str]) -> set[str]:
    """Which of instrument and kwaliteitsborger the body text names from the reference lists (when not labelled)."""
    body = body_lines(lines)[:SENTENCE_ZONE]
    out = {name for name, match in (("instrument", ref.match_instrument), ("kwaliteitsborger", ref.match_borger))
           if name not in have and any(match(ln.text[:600]) for ln in body)}
    if "instrument" not in have and "instrument" not in out and _letterhead_instrument(lines, ref):
        out.add("instrument")  # "Kiwa Nederland B.V. · instrument KiK · 22 april 2026" under the borger's letterhead
    return out


def _letterhead_instrument(lines: list[Line], ref: Reference):
    """(entry, line) of the instrument a borger's letterhead or page header names ("TÜV NORD – Risicobeoordeling Wkb
    (instrument WKI)"), or None; a letterhead names no instrument otherwise."""
    for ln in lines[:40]:
        named = _INSTRUMENT_NAMED.search(ln.text[:300]) if ln.sender or ln.region != "body" else None
        entry = ref.match_instrument(named.group(1)) if named else None
        if entry:
            return entry, ln
    return None


def _negative_value(body: list[Line], k: int, ref: Reference) -> bool:
    """The line holds the value of a label of something else ("Ingediend door: The Borging Company namens ...",
    also below a bare "Ingediend door"): a party named there is not named as this document's borger."""
    for at, bare_only in ((k, False), (k - 1, True)):
        if at < 0 or not body[at].text.strip():
            continue
        parsed = match_label(ref, body[at].cells[0].strip())
        other = parsed is not None and (parsed[0] in ref.negative and parsed[0] not in ref.labels
                                        or getattr(ref.labels.get(parsed[0]), "field", "") == "melder")
        if other and (not bare_only or not parsed[2]):  # (the submitter's line names who submitted it)
            return True
    return False


def kind_fallbacks(lines: list[Line], ref: Reference, have: set[str], kind: str, ownnrs: tuple[str, ...] = (),
                   said_own: tuple[str, ...] = ()) -> list[Cand]:
    """Fallbacks that depend on the kind: the borger in its own letterhead, DSO numbers."""
    out: list[Cand] = []
    body = body_lines(lines)
    # a borger's own documents carry its name in the letterhead
    if "kwaliteitsborger" not in have and kind in (
        "borgingsplan", "risicobeoordeling", "verklaring", "dossier_bevoegd_gezag"
    ):
        heads = [ln for ln in lines if ln.text and (ln.region != "body" or ln.sender)]
        for ln in heads[:40] + [ln for ln in lines if ln.text and ln.region == "body"][:80]:
            entry = ref.match_borger(ln.text[:300])
            if entry:
                out.append(_cand("kwaliteitsborger", entry.naam, ln, 0.55))
                break
    # named only in prose ("... borgt X met het instrument Y ..."): a reference-list name in the body text,
    # with a lower confidence than a labelled value
    for field_name, match in (("instrument", ref.match_instrument), ("kwaliteitsborger", ref.match_borger)):
        if field_name in have or any(c.field == field_name for c in out) or kind == "startmelding":
            continue  # (the startmelding form asks for neither: a borger named in it submitted it or is a contact)
        for k, ln in enumerate(body):
            entry = match(ln.text[:600])
            if entry and _negative_value(body, k, ref):
                continue
            if entry:
                out.append(_cand(field_name, entry.naam, ln, PROSE_REF_CONF, focus=entry.naam))
                break
        else:
            if field_name == "instrument":
                # a borger's banner that names the instrument of this document ("TÜV NORD – Risicobeoordeling Wkb
                # (instrument WKI)"); a letterhead names no instrument otherwise
                found = _letterhead_instrument(lines, ref)
                if found:
                    entry, ln = found
                    out.append(_cand(field_name, entry.naam, ln, PROSE_REF_CONF, focus=entry.naam))
    if "gevolgklasse" not in have:
        # "Melding bouwactiviteit (technisch), gevolgklasse 1." / "Het bouwwerk valt in gevolgklasse 1.": one class
        # named, not denied; counted only once the kind is known (a text about the Wkb names classes too)
        named, denied = {}, False
        for ln in body:
            if "klasse" not in ln.text and "KLASSE" not in ln.text:
                continue  # cheap test before the pattern
            for m in _GK_PROSE.finditer(ln.text[:600]):
                named.setdefault(int(m.group(1)), ln)
                denied = denied or bool(_GK_DENIED.search(ln.text[max(0, m.start() - 40): m.start()]))
        if len(named) == 1 and not denied:  # two classes named, or one denied: a person decides
            (gk, ln), = named.items()
            out.append(_cand("gevolgklasse", gk, ln, 0.6, focus=f"gevolgklasse {gk}"))
    if "verwijst_naar" not in have and kind in ("startmelding", "gereedmelding"):
        filed_under = {m.group(1) for ln in body[:SENTENCE_ZONE] if "onder" in ln.text
                       for m in _FILED_UNDER[kind].finditer(ln.text[:400])}
        for ln in body:
            if "melding" in ln.text.lower() or "verzoek" in ln.text.lower():
                # ("verzoeknummer 2027052700284 (de bouwmelding was 2027041900672)": of two numbers, the one that a
                # sentence did not call the notice's own; one number alone may still be the bouwmelding's, see
                # extract: a notice by mail or letter has no DSO number of its own)
                # ("Startmelding 2027100700233 – Bovenmaatweg": the number the notice's own name carries is its own)
                found = [m.group(1) for m in _DSO_NR.finditer(ln.text[:300])
                         if not _OWN_KIND_BEFORE[kind].search(ln.text[max(0, m.start() - 30):m.start()])] \
                    or ([ln.text[:300]] if not _DSO_NR.search(ln.text[:300]) else [])  # (or spaced out)
                nrs = [v for t in found if (v := nz.normalize_verzoeknummer(t)) and v not in ownnrs]
                # (a number the notice says it was itself filed under, "de gereedmelding ingediend ... onder
                # verzoeknummer 2026...", is its own, in the subject too)
                nrs = [v for v in nrs if v not in filed_under]
                v = next((v for v in nrs if v not in said_own), nrs[0] if nrs else None)
                if v:
                    out.append(_cand("verwijst_naar", v, ln, 0.6))
                    break
    if "verzoeknummer" not in have and kind in ("bouwmelding", "startmelding", "gereedmelding"):
        referred = {c.value for c in out if c.field == "verwijst_naar"}
        for k, ln in enumerate(body[:40]):
            v = nz.normalize_verzoeknummer(ln.text[:200])
            nr = _DSO_NR.search(ln.text[:200])
            before = (body[k - 1].text[-120:] + " " if k else "") + (ln.text[:nr.start()] if nr else "")
            if nr and _REFERRED_NR.search(before[-150:]) or v in referred:
                continue  # "uw kenmerk melding 2026...": the number of the melding this one refers to
            if v:
                out.append(_cand("verzoeknummer", v, ln, 0.6))
                break
    return out


_FILED_UNDER = {kind: re.compile(r"(?i)\b" + kind + r"\b[^.?]{0,80}\b(?:ingediend|gedaan|verstuurd|verzonden)\b[^.?]{0,80}"
                                 r"\bonder\s+(?:verzoek|melding)?nummer\s*:?\s*(20\d{11})\b")
                for kind in ("startmelding", "gereedmelding")}
_OWN_KIND_BEFORE = {kind: re.compile(r"(?i)\b" + kind + r"\s*(?:nr\.?|nummer)?\s*:?\s*$")
                    for kind in ("startmelding", "gereedmelding")}
_INSTRUMENT_NAMED = re.compile(r"(?i)\binstrument\s*:?\s+([^\s()|,;·][^()|,;·]{1,40})")
_GK_PROSE = re.compile(r"\bgevolgklasse\s+([123])\b(?!\s*(?:of|en|t/m|-)\s*[123])", re.IGNORECASE)
_GK_DENIED = re.compile(r"\b(?:niet|geen|buiten|dan)\b[^.]*$", re.IGNORECASE)


# what is built, named in "het postadres van de bungalow is ...": that address is the site's own
_THE_BUILDING = r"bungalow|woning|chalet|recreatiewoning|vakantiewoning|bouwwerk|kavel|object|unit"
_FREE_ADDR = re.compile(
    r"\b(?:(?:op|aan) het (?:bouw)?kavel(?: aan de)?|bouwen (?:op|aan)(?: de| het)?(?=\s+[A-Z])|aan de|aan het|op de|"
    r"gelegen aan|(?:bouw|project)locatie is|"
    r"(?:bouw|project)adres is|(?:post)?adres van (?:de|het) (?:" + _THE_BUILDING + r") is|bouwlocatie|bouwadres|locatie|adres|bouwwerk aan|"
    r"perceel aan|aan|"
    r"project op|bouwwerk op|"
    r"woning op|perceel|op(?=\s+[A-Z][a-zà-ÿ'\-]*(?:straat|weg|laan|plein|dijk|pad|kade|singel|gracht|steeg|hof|dreef|"
    r"markt|park|baan|veld|horst|brink|akker|kamp|es|dal|berg|haven|wal|zoom|oord|boulevard|allee|einde|ende)\s\d))"
    r"\s+(?P<a>[A-ZÀ-Ý][^\n]{2,120})"
)


# the usual endings of a street's name
_STREET_ENDINGS = (r"(?:straat|weg|laan|plein|dijk|pad|kade|singel|gracht|steeg|hof|dreef|erf|markt|park|baan|veld|horst|"
                   r"brink|akker|kamp|es|dal|berg|haven|wal|zoom|oord|rade|boulevard|allee)")
# "Nieuwbouw woning Kerkstraat 12 te Almelo": a street name by its usual ending, a number, "te" and a place
# a street's name from its first letter, also across a hyphen ("Oud-Loosdrechtsedijk", not "Loosdrechtsedijk")
_HYPHENED_NAME = r"(?<![\w-])[A-Z](?:[a-zà-ÿ'\-]|(?<=-)[A-Z])*"
_STREET_TE_PLACE = re.compile(
    r"(?P<a>" + _HYPHENED_NAME + _STREET_ENDINGS + r"\s\d{1,5}(?:\s?[a-zA-Z]\b|-\d{1,4})?"
    r"\s+(?:te|in)\s+[A-Z][A-Za-zÀ-ÿ'\- ]{1,40})"
)


# what is built, then where, in a notice's few words: "Mantelzorgwoning Goilberdingerdijk 48a is klaar", "Bouw loods
# Nedereindsestraat 44 start ma 9 maart"
_BUILDING_STREET_NR = re.compile(
    r"(?i:\b\w*(?:woning|loods|schuur|bedrijfshal|hal|bungalow|chalet|werkplaats|garage))\s+"
    r"(?P<a>" + _HYPHENED_NAME + _STREET_ENDINGS + r"\s\d{1,5}(?:\s?[a-zA-Z]\b|-\d{1,4})?"
    # (with the postcode and place that follow it: "woning Bornerbroeksestraat 101, 7601 BA Almelo")
    r"(?:,?\s+[1-9]\d{3}\s?[A-Za-z]{2}\b(?:\s+[A-Z][A-Za-zÀ-ÿ'\-]+(?:\s[A-Z][A-Za-zÀ-ÿ'\-]+)?)?"
    r"|\s+(?:te|in)\s+[A-Z][A-Za-zÀ-ÿ'\-]+)?)(?=[\s,.;:!)]|$)"
)


# "voor de bovenwoning Westerdijk 221-2, 1621HG Hoorn", "aan de oosterdijk 38, 8601 bv snits": a street by its
# ending (and the capitalised words before it: "Pastoor van Kessellaan"), a number and a postcode straight after
# it name an address whatever words lead to it, in any case
_STREET_NR_POSTCODE = re.compile(
    r"(?i)(?P<a>\b(?-i:(?:[A-Z][a-zà-ÿ'\-]*\.?\s+(?:(?:van|de|der|den|het|'t)\s+){0,2}){0,2})[a-zà-ÿ][a-zà-ÿ'\-]*"
    + _STREET_ENDINGS + r"\s\d{1,5}"
    r"(?:\s?[a-z]\b|-\d{1,4})?,?\s+[1-9]\d{3}\s?[a-z]{2}\b[^.\n;()]{0,40})"
)


# "Start ma 8/3 Zandweg 4 Heerde, gr Henk": a street by its ending, a number and a place that ends the clause, in a
# short notice typed without postcode (above a letter's closing, in no office's line)
_STREET_NR_PLACE = re.compile(
    r"(?P<a>" + _HYPHENED_NAME + _STREET_ENDINGS + r"\s\d{1,5}(?:\s?[a-zA-Z]\b|-\d{1,4})?"
    r",?\s+(?!(?:Het|De|Een|Wij|We|Ik|Gr|Groet|Mvg|Met|Vanaf|Op|Per|Om|En)\b)[A-Z][a-zà-ÿ'\-]+(?:[ -][A-Z][a-zà-ÿ'\-]+)?)"
    r"(?=\s*(?:[,.;!]|$))"
)


LIST_ROW_TABS = 4  # a line of five cells or more is a table's row (a list of projects), no address line of its own
_POSTCODE_BROKEN = re.compile(r"[\s(][1-9]\d{3}\s*$")  # a postcode's figures at a line's end, its letters on the next
_LETTERS_START = re.compile(r"^\s*[A-Za-z]{2}\b")
_POSTCODE_ALONE = re.compile(r"^\s*[1-9]\d{3}\s?[A-Za-z]{2}\s*$")  # a line that is a postcode, in any case ("1359kd")
_PC_AFTER = re.compile(r"^\s*[,(]?\s*(?:postcode\s*:?\s*)?([1-9]\d{3}\s?[A-Za-z]{2})\b", re.IGNORECASE)


_BAG_PROSE = re.compile(r"\bBAG(?:[- ]?(?:id|nummeraanduiding(?:-id)?|verblijfsobject(?:-id)?))?\s*:?\s*(\d{16})\b")
_KAD_PROSE = re.compile(r"\b(?:kadastraal bekend(?:\s+als)?|kadastrale aanduiding|kadastraal perceel|kadastraal nummer|"
                        r"(?:staat |is |bekend )?bij het kadaster (?:bekend |geregistreerd |ingeschreven )?als|"
                        r"kadastraal(?=\s+[A-Z])|perceel(?=\s+[A-Z][a-z][\w'-]*\s+[A-Z]{1,2}\s+\d))\b\s*:?", re.IGNORECASE)
# (or with the first short word of a place of several: "... 1795 JV De" / "Cocksdorp (BAG ...")
# "... Westerblokker 45 B, 1695 AK" / "Hoorn."; or with the first short word of a place: "1795 JV De" / "Cocksdorp"
_POSTCODE_AT_END = re.compile(r"\b[1-9]\d{3}\s?[A-Za-z]{2}(?:\s+(?:De|Den|Het|Ter|Ten|Sint|Nieuw|Oud|Oude|'s|'t))?\s*$")
_ADDR_AT_END = re.compile(r"\b(?:op het adres|aan de|aan het|gelegen aan|locatie|adres|op)\s*:?\s*$", re.IGNORECASE)


# the municipality's own name before its address ("Omgevingsloket – gemeente Coevorden, Kasteel 1, 7741 GC Coevorden")
_MUNICIPALITY = re.compile(r"(?i)^(?:.{0,30}\s)?gemeente\s+[A-Z][\w'’-]+(?:\s+[A-Za-z][\w'’-]+){0,2}\s*(?:[,·|]|$)")
_OFFICE = re.compile(r"\b(?:kantoor|bezoekadres|postadres|vestigingsadres|correspondentieadres|postbus|kvk|tel\.?|"
                     r"omgevingsloket\s+[–-]\s+gemeente|"
                     r"telefoon|(?:aannemers?|bouw|timmer|installatie|klussen|sloop)bedrijf|architect\w*)\b|"
                     r"\b(?:b\.v|n\.v|v\.o\.f)\."
                     # "Borg KB · Oude Markt 9 · 7511 GA Enschede", "TÜV NORD - Westervoortsedijk 73 - 6827 AV Arnhem":
                     # a letterhead or footer
                     r"|\s[·•|]\s|\s[-–]\s.*\s[-–]\s", re.IGNORECASE)


# the words before a party's own address in a sentence ("..., kantoorhoudende aan de Industrieweg 9, ...")
# ("Het postadres van de bungalow is Slufterweg 6-214, ...": a holiday home's postal address is the site's own)
_OF_THE_BUILDING = r"\s+van\s+(?:de|het)\s+(?:" + _THE_BUILDING + r")\b"
_POSTADRES_OF_SITE = re.compile(r"(?i)\bpostadres(?=" + _OF_THE_BUILDING + ")")
_PARTY_ADDRESS_BEFORE = re.compile(r"(?i)\b(?:kantoorhoudend\w*|gevestigd|wonend\w*|woonachtig|zetel|"
                                   r"postadres(?!" + _OF_THE_BUILDING + r")|"
                                   r"correspondentieadres|vestigingsadres|kantoor|bezoekadres)\b[^.]{0,20}$")


_THREE_WORDS = re.compile(r"\b[a-zà-ÿ]{2,}\s+[a-zà-ÿ]{2,}\s+[a-zà-ÿ]{2,}\b")


def _office_just_before(before: str) -> bool:
    """An office's sign right before an address (a footer's "Stavast Kwaliteitsborging B.V., Loskade 4"), not one
    that a sentence runs on from ("Namens Koogse Bedrijfshallen B.V. berichten wij u dat de bouw ... aan de")."""
    last = None
    for last in _OFFICE.finditer(before):
        pass
    return last is not None and not _THREE_WORDS.search(before[last.end():])


def _site_in_sentence(text: str, before_closing: bool = False, notice: bool = False) -> re.Match | None:
    """The first address a sentence names that is not a party's own ("kantoorhoudende aan de ...").

    In a sentence above the closing a street, number and postcode name the site however the sentence leads to
    them; under it they are the signer's own address. In a notice's line above the closing (`notice`) a street,
    number and place do too.
    """
    for rx in (_FREE_ADDR, _STREET_TE_PLACE) + ((_STREET_NR_POSTCODE,) if before_closing else ()) \
            + ((_STREET_NR_PLACE, _BUILDING_STREET_NR) if notice else ()):
        for m in rx.finditer(text):
            before = text[max(0, m.start("a") - 60): m.start("a")]
            # ("... op het perceel tegenover Polderweg 45 in Oostwold": the neighbour's address, not the site's)
            if not _PARTY_ADDRESS_BEFORE.search(text[max(0, m.start() - 60): m.start()]) \
                    and not nz.NEAR_ANOTHER_END.search(before):
                return m
    return None


def _labelled_by_other(ref: Reference | None, text: str) -> bool:
    """A row whose first cell is a label ("Bevoegd gezag | P005 | Gemeente Molenlanden, Dorpsstraat 22, ..."): its
    address is that label's (a site's label would have been read as one)."""
    return ref is not None and "\t" in text and bare_label(ref, text.split("\t", 1)[0].strip())


def _free_location(body: list[Line], used: set[int] = frozenset(), ref: Reference | None = None) -> list[Cand]:
    """The site named in a sentence ("aan de Esweg 7 te Goor"); failing that, a line that is only an address.

    A sentence that names the site wins over a bare address line, which in a letter is more often a sender's
    (a builder's line under the title, a borger's office at the end) than the site.
    """
    closing = next((k for k, ln in enumerate(body) if _CLOSING.match(ln.text) or _CLOSING_WITH_NAME.match(ln.text)),
                   len(body))
    kad_found: list[Cand] = []
    for bare in (False, True):
        for k, ln in enumerate(body):
            if ln.party or bare and k > closing:
                continue  # (under "Met vriendelijke groet" a bare address is the signer's office or home)
            text = ln.text[:400]
            if k + 1 < len(body) and (_ADDR_AT_END.search(text) or _POSTCODE_AT_END.search(text)
                                      or _POSTCODE_BROKEN.search(text) and _LETTERS_START.match(body[k + 1].text)):
                # "... op het adres" / "Haarstraat 56 C, 7462at Rijssen.", "te Nieuw-Weerdinge (7831" / "AK)."
                text = f"{text} {body[k + 1].text[:200]}"
            # (only a sentence's: a letterhead's or footer's "Stationsplein 8, 1703 WD Heerhugowaard" is an office's)
            # (a paragraph may name the builder's firm elsewhere: "... de aannemer is bouwbedrijf Duinzicht ...")
            office = _OFFICE.search(_POSTADRES_OF_SITE.sub("adres", text)) if len(ln.text) <= CONTACT_MAX else None
            in_sentence = k < closing and is_prose(text) and not office
            # (a mail's subject only titles it: "Gereedmelding Dorpsweg 3 Est" over a body that gives the postcode)
            notice = k < closing and not _OFFICE.search(text) and not ln.contact and not MAIL_HEADER.match(text)
            m = None if bare else _site_in_sentence(text, in_sentence, notice)
            if m and office is None and _office_just_before(text[max(0, m.start("a") - 80): m.start("a")]):
                m = None  # a long footer: "Stavast Kwaliteitsborging B.V., Loskade 4, 4331 HW Middelburg — www..."
            if m and not _DIGIT.search(m.group("a")) and k + 1 < len(body):
                # "De bouwlocatie is Prinsenstraat" / "21-2, 7121 CV Aalten": the number wrapped onto the next line
                text = f"{text} {body[k + 1].text[:200]}"
                m = _site_in_sentence(text, in_sentence, notice)
            segment = m.group("a") if m else None
            if bare and not _OFFICE.search(text) and ln.pos not in used and not is_prose(text) \
                    and text.count("\t") < LIST_ROW_TABS and not _labelled_by_other(ref, text) and (
                    nz.find_postcode(text, strict=True) or _POSTCODE_ALONE.match(ln.text)
                    or {"straat", "huisnummer", "postcode"} <= set(nz.parse_address(text.replace("\t", ", ")))):
                # (a labelled line's address is its label's: "Woonadres initiatiefnemer | ..."; a postcode in lower
                # case counts beside a street and number: "Kerkstraat 22 | 6035bh Ospel")
                segment = text.replace("\t", ", ")
            if not segment:
                kad_word = _KAD_PROSE.search(text)
                if kad_word or bare and re.search(r"\bsectie\b", text, re.IGNORECASE):
                    # "op het perceel kadastraal bekend als Losser B 3876", also wrapped onto the next line
                    rest = text[kad_word.end():] if kad_word else text
                    kad = nz.normalize_kadastraal(rest) or (
                        nz.normalize_kadastraal(f"{rest} {body[k + 1].text[:120]}") if k + 1 < len(body) else None)
                    if kad and not kad_found:
                        # (the perceel alone; an address line further on still names the site: "Kweekhof 2 t/m 40,
                        # 4335 LT Middelburg" under "kadastraal Middelburg S 3385" in a certificate)
                        kad_found = [_cand("kadastraal", kad, ln, 0.55 if bare else 0.6)]
                continue
            parts = nz.parse_address(segment)
            if m and "straat" in parts and not ("plaats" in parts or "postcode" in parts) and k + 1 < len(body):
                # "op de locatie Wierdensestraat 112b," / "7604 BK Almelo.": the postcode wrapped onto the next line
                parts = nz.parse_address(f"{segment} {body[k + 1].text[:80]}")
            if m and "postcode" not in parts:
                # "aan Kerkweg 5 te Goor (postcode 7471 AB)": the postcode named right after the address
                after = text[m.end():]
                if not after.strip() and k + 1 < len(body):
                    after = f" {body[k + 1].text[:40]}"  # "... te Zutphen" / "(7206 DB) een woning ...": wrapped
                pc = _PC_AFTER.match(after)
                if pc:
                    parts["postcode"] = nz.normalize_postcode(pc.group(1)) or pc.group(1)
            if bare and "postcode" in parts and "straat" not in parts:
                street = _street_line_above(body, k)  # "Kempenweg 210" / "6002 TB  Weert": an address on two lines
                if street is not None:
                    parts = {**nz.parse_address(street.text.replace("\t", " ")), **parts}
            # (what is built named before it, "Mantelzorgwoning Goilberdingerdijk 48a is klaar", makes a street and
            # number the site without its place)
            built = m is not None and m.re is _BUILDING_STREET_NR and "huisnummer" in parts
            if "straat" in parts and ("plaats" in parts or "postcode" in parts or built):
                return [_cand(k2, v, ln) for k2, v in parts.items()] + (_perceel_in_prose(body, k) or kad_found)
    return kad_found


def _street_line_above(body: list[Line], k: int) -> Line | None:
    """A line of a street and number alone, just above a postcode line (unlabelled, in the same block)."""
    for above in body[max(0, k - 3):k][::-1]:
        if above.party or above.contact or ":" in above.text or above.page != body[k].page:
            return None
        parts = nz.parse_address(above.text.replace("\t", " ")[:80])
        # (the line is that address: "... starten op 14-06-2027. De bouwlocatie is" holds no street; a phone's
        # "tarwelaan 12 almere" names its place too)
        if {"straat", "huisnummer"} <= set(parts) <= {"straat", "huisnummer", "plaats"} and len(above.text) <= 60 \
                and above.text.lstrip().lower().startswith(parts["straat"].lower()):
            return above
    return None


def _perceel_in_prose(body: list[Line], start: int, span: int = 6) -> list[Cand]:
    """The perceel named in the sentences after the site's address ("Het perceel is" / "kadastraal bekend als ...")."""
    for k in range(start, min(len(body), start + span)):
        text = f"{body[k].text[:400]} {body[k + 1].text[:200]}" if k + 1 < len(body) else body[k].text[:400]
        kad_word = _KAD_PROSE.search(text)
        if kad_word and kad_word.start() < len(body[k].text) and not body[k].party:
            kad = nz.normalize_kadastraal(text[kad_word.end():])
            if kad:
                return [_cand("kadastraal", kad, body[k])]
    return []


_RUNNING_SEP = re.compile(r"\s[|·•]\s|\t")  # (a pipe between spaces is read as a cell: a TAB)
_SHORT_TITLE = re.compile(r"^(?:dbg|bp|rb|risicobeoordeling|borgingsplan|plan van borging|dossier bevoegd gezag"
                          r"|verklaring|gereedmelding|startmelding|bouwmelding)\b", re.IGNORECASE)
_BOX_PROJECT_HEAD = re.compile(r"(?i)^\s*(?:project(?:gegevens)?|bouwlocatie|gegevens bouwwerk)\b(?:\s+[A-Z0-9][\w-]*)?\s*:?\s*$")
RUNNING_HEAD_CONF = 0.5  # a guess: marked for checking, no flag or letter acts on it


def _running_head_location(lines: list[Line], ref: Reference) -> list[Cand]:
    """The site in a page header or footer that names the document ("Borgingsplan | Nieuwbouw woning Peeters |
    Kloosterstraat 17a, 5911 CE Venlo", "DBG | Badhuisstraat 37c | 4381 LN Vlissingen"), where the body names it
    nowhere. A header that names a party (the borger's "Kwaliteitsborging Oost B.V., Roermondsestraat 210") is
    its office."""
    for k, ln in enumerate(lines):
        if ln.region == "body" or not ln.text or ln.contact:
            continue
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if _BOX_PROJECT_HEAD.match(ln.text) and nxt is not None and (nxt.page, nxt.region) == (ln.page, ln.region) \
                and not nxt.contact and not _OFFICE.search(nxt.text):
            # a text box of project data in the header or footer: "Projectgegevens" / "Wehlseweg 5, 6942 PG Didam"
            address = nz.parse_address(nxt.text)
            if "straat" in address and "huisnummer" in address and ("postcode" in address or "plaats" in address):
                return [_cand(f, v, nxt, RUNNING_HEAD_CONF) for f, v in address.items()]
        parts = [p.strip() for p in _RUNNING_SEP.split(ln.text)]
        if len(parts) < 2 or not (_SHORT_TITLE.match(parts[0]) or ref.title_match(parts[0])):
            continue
        kept = [k for k in range(1, len(parts)) if not (_OFFICE.search(parts[k]) or ref.match_borger(parts[k]))]
        # one part ("Kloosterstraat 17a, 5911 CE Venlo"), else two side by side ("Badhuisstraat 37c | 4381 LN ...")
        for segment in [parts[k] for k in kept] + [f"{parts[k]} {parts[k + 1]}" for k in kept if k + 1 in kept]:
            address = nz.parse_address(segment)
            if "straat" in address and "huisnummer" in address and ("postcode" in address or "plaats" in address):
                return [_cand(f, v, ln, RUNNING_HEAD_CONF) for f, v in address.items()]
    return []


# "De nieuwe startdatum is maandag 20 april 2026", "de ingebruikname wordt verschoven naar 1 juni": a date the
# writer changes in their own words (a reply above the melding it quotes)
_CHANGED_DATE = re.compile(r"(?i)\b(?:(?:nieuwe|gewijzigde|aangepaste)\s+(?P<s1>start(?:datum)?|aanvang(?:sdatum)?|"
                           r"datum van (?:de )?(?:start|aanvang)|(?P<u1>ingebruikname|datum van ingebruikname))\s+"
                           r"(?:is|wordt)|(?P<s2>start|aanvang|startdatum)(?: van de (?:bouw|werkzaamheden))?\s+"
                           r"(?:wordt|is)\s+(?:verschoven|verplaatst|gewijzigd)\s+naar|(?P<u2>ingebruikname)\s+"
                           r"(?:wordt|is)\s+(?:verschoven|verplaatst|gewijzigd)\s+naar)\s+(?:op\s+)?")
_CHANGE_WORDS = ("nieuwe", "gewijzigd", "aangepast", "verschoven", "verplaatst")
CHANGED_CONF = 0.85  # the writer's own statement that a date changed: it replaces the date the quoted melding gave


def stated_changes(lines: list[Line]) -> list[Cand]:
    """Start and use dates the writer changes in their own text, above any message it quotes."""
    out: list[Cand] = []
    body = [ln for ln in lines[:3 * SENTENCE_ZONE] if ln.text and ln.region == "body"][:SENTENCE_ZONE + 1]
    top_text = "\n".join(ln.text for ln in body).lower()
    if not any(w in top_text for w in _CHANGE_WORDS):
        return out  # (a few plain scans of the top of the document: most say nothing changed)
    top = next((k for k, ln in enumerate(body) if not MAIL_HEADER.match(ln.text)), len(body))  # (a mail's own header)
    for k, ln in enumerate(body[:SENTENCE_ZONE]):
        if k > top and QUOTED_START.match(ln.text):
            break  # the quoted message: what it says is what changed
        if not any(w in ln.text.lower() for w in _CHANGE_WORDS):
            continue  # (one of the words every change statement holds)
        text = f"{ln.text} {body[k + 1].text}" if k + 1 < len(body) else ln.text
        for m in _CHANGED_DATE.finditer(text[:500]):
            dates = nz.find_dates(text[m.end():m.end() + 40])
            field = "ingebruikname" if m.group("u1") or m.group("u2") else "startdatum"
            if dates and dates[0][0] <= 12 and all(c.field != field for c in out):
                out.append(_cand(field, dates[0][1].isoformat(), ln, CHANGED_CONF))
    return out


# --- per kind -----------------------------------------------------------------------------------

_START_NOTICE = re.compile(r"^start (?:bouw|bouwwerkzaamheden|van de bouw)\s+(?P<addr>[A-Z][^,]{3,80}?)\s+per\s+"
                           r"(?P<when>[^,]{3,30}?)\s*,\s*(?:dso[\s-])?verzoek\w*\s+(?P<nr>20\d{11})\b(?P<rest>.*)$",
                           re.IGNORECASE)
_NOTICE_REFERS = re.compile(r"\bbouwmelding(?:\s+was|\s+is)?\s*:?\s*(20\d{11})\b", re.IGNORECASE)


def _start_notice(body: list[Line]) -> list[Cand]:
    """A contractor's one-line start notice ("Start bouw Stationsstraat 14a Markelo per 4 mei, verzoek 2026042800731
    (hoort bij bouwmelding 2026030900412)."): the site, the start (a year left out is the first such day after the
    request, whose number carries its own date), the request's own number and the bouwmelding's. All as guesses."""
    for ln in body[:SENTENCE_ZONE]:
        m = _START_NOTICE.match(ln.text.strip()[:300])
        if not m:
            continue
        out = [_cand("verzoeknummer", m.group("nr"), ln)]
        made = nz.date_of_verzoeknummer(m.group("nr"))
        without_year = nz.date_without_year(m.group("when"), made) if made else None
        when = nz.parse_date(m.group("when")) or (without_year.isoformat() if without_year else None)
        if when:
            out.append(_cand("startdatum", when, ln))
        address = nz.parse_address(m.group("addr"))
        if "straat" in address and "huisnummer" in address:
            out.extend(_cand(f, v, ln) for f, v in address.items())
        refers = _NOTICE_REFERS.search(m.group("rest"))
        if refers:
            out.append(_cand("verwijst_naar", refers.group(1), ln))
        return out
    return []


_STRIP_SEP = re.compile(r"\s+[|·•]\s+|\s{2,}[–-]\s{2,}")
_TITLE_DASH = re.compile(r"\s[–-]\s")
_STRIP_LEAD = re.compile(r"^(?:project|locatie|bouwlocatie|bouwadres|adres)\s+(?=[A-Z])", re.IGNORECASE)
_STRIP_SITE_FIELDS = {"straat", "huisnummer", "postcode", "plaats"}
STRIP_CONF = 0.55  # values without labels, known by their type alone: a guess to check


# "R01 | BLO | 2.19 | Ligging in beschermingszone ...", "R3 Bodem: grondwaterbeschermingsgebied (BLO)"
_BLO_CELL = re.compile(r"(?<![A-Za-z-])BLO(?![A-Za-z-])")


def _title_strip(lines: list[Line], ref: Reference) -> list[Cand]:
    """A short document's top line of values without labels: "Risicobeoordeling – Zuideinde 112a, 7941 GN Meppel",
    "Project Bosrandweg 14-12, Oranjewoud · TBC · WKI · 24.2.2026". Each part is known by its type alone: an
    address, a date, a listed borger or instrument; a part that names an office is a sender's."""
    out: list[Cand] = []
    # (a titled line is the document's own even where it repeats as a running head, and so is the line of data
    # right below it: "WTT Kwaliteitsborging – Risicobeoordeling 26-0611 – 02-03-2026" over "Mantelzorgwoning
    # Goilberdingerdijk 48a, 4106 LD Culemborg – instrument WKI" on every page of a risk table)
    first = [ln for ln in lines if ln.text.strip() and ln.region == "body"][:3]
    top = [ln for k, ln in enumerate(first) if not ln.contact and (
        not ln.sender or BANNER_TITLE.search(ln.text)
        or k and first[k - 1].sender and BANNER_TITLE.search(first[k - 1].text) and _names_a_site(ln.text))]
    top = [ln for ln in top if ln.page == top[0].page] if top else []
    # a page header that names the document's kind is its title strip too: a risk table's only project data may be
    # its running head ("Risicobeoordeling – Loods BFL – Graaf Reinaldweg 21, Zaltbommel" over "TÜV NORD | WKI")
    head = [ln for ln in lines if ln.region == "header" and ln.text.strip()]
    head = [ln for ln in head if ln.page == head[0].page][:3] if head else []
    head_titled = any(BANNER_TITLE.search(ln.text) for ln in head)
    titled_above = False
    for n, ln in enumerate(top + (head if head_titled else [])):
        # a strip that names the document's kind is its title banner, in cells where its separators were read as such
        # ("Borg4 B.V. | Risicobeoordeling | Spanjaardslaan 188, 8917 AZ Leeuwarden | WKI"); so is a line of cells in
        # a header that does
        titled = bool(BANNER_TITLE.search(ln.text)) or ln.region == "header"
        below_title, titled_above = titled_above, titled
        if ln.contact or "\t" in ln.text and not (titled or below_title) or len(ln.text) > 200:
            continue  # a letterhead's strip ("WTT Kwaliteitsborging B.V. | Laan van Westenenk 501 | ...") is its own
        parts = [x.strip() for x in (ln.text.split("\t") if "\t" in ln.text else _STRIP_SEP.split(ln.text))]
        dashes = len(_TITLE_DASH.findall(ln.text)) if len(parts) == 1 else 0
        if dashes >= 2 or dashes == 1 and (titled or below_title and nz.find_postcode(ln.text)):
            # "Woning X - Kerkstraat 8, 4337 WD Y - kadastraal Z"; under a title banner one dash parts the address
            # from the rest ("Mantelzorgwoning Goilberdingerdijk 48a, 4106 LD Culemborg – instrument WKI")
            parts = [x.strip() for x in _TITLE_DASH.split(ln.text)]
        if len(parts) == 1 and ln.region == "body" and (titled or below_title):
            parts = _unparted_strip(ln.text, ref, titled)  # a scan lost the thin separators of the banner
        if n == 0 and len(parts) == 1 and ref.title_match(ln.text):
            parts = [x.strip() for x in _TITLE_DASH.split(ln.text, maxsplit=1)][1:]  # the title's own rest
        elif len(parts) < 2:
            continue
        if not titled and any(nz.LEGAL_FORM.search(part) or _MUNICIPALITY.match(part) for part in parts):
            continue  # "Bouwgroep Salland B.V. · Industrieweg 14 · 7421 AB Deventer": a firm's letterhead (or the
            # municipality's own: "Gemeente Beesel · Raadhuisplein 1 · 5953 PM Reuver")
        if any(_FILE_NAME.search(part) for part in parts):
            continue  # "Adobe Scan 24 feb. 2026.pdf | 24-02-2026": a scanning app's stamp of its file, not the document
        if any(_PHONE_PART.match(part) and sum(ch.isdigit() for ch in part) >= 9 for part in parts):
            # (a phone number has ten digits, or nine after +31; "02-03-2026" is a date)
            continue  # "Kanaalweg 4, 3526 KL Utrecht · 030 760 41 18": an address with its phone number is an office
        for k, part in enumerate(parts):
            borger = ref.match_borger(part)
            if ":" in part or _OFFICE.search(part) and not (titled and _is_listed_name(borger, part)):
                continue  # "instrument: WKI" is a labelled value, read as such ("Borg 4 B.V." beside the title is none)
            fields = {c.field for c in out}
            instrument = ref.match_instrument(part)
            title_in = BANNER_TITLE.search(part) if titled and borger else None
            if title_in:  # "Bureau Veritas Nederland Risicobeoordeling 26-RB-0288": a scan lost the separator
                part = part[:title_in.start()].strip()
            # (a part little longer than one of the borger's names: "SGS INTRON Certificatie", "Borg4 B.V. Zwolle")
            if borger and len(part) <= max(len(a) for a in (borger.naam, *borger.aliassen)) + 12 \
                    and "kwaliteitsborger" not in fields:
                out.append(_cand("kwaliteitsborger", borger.naam, ln, STRIP_CONF))
            elif instrument and len(part) <= 40 and "instrument" not in fields:
                out.append(_cand("instrument", instrument.naam, ln, STRIP_CONF))
            elif (dates := nz.find_dates(part)) and len(part) <= 25 and "datum" not in fields:
                out.append(_cand("datum", dates[0][1].isoformat(), ln, STRIP_CONF))
            elif "straat" not in fields:
                address = nz.parse_address(_STRIP_LEAD.sub("", part))
                if "huisnummer" in address and not ("postcode" in address or "plaats" in address) and k + 1 < len(parts):
                    address = nz.parse_address(_STRIP_LEAD.sub("", f"{part}, {parts[k + 1]}"))  # "Hoofdstraat 1 · Emmen"
                if "straat" in address and "huisnummer" in address and ("postcode" in address or "plaats" in address):
                    out.extend(_cand(f, v, ln, STRIP_CONF) for f, v in address.items())
    return out


def _names_a_site(text: str) -> bool:
    """A line that holds an address: a postcode, or a street with its number and place ("Waalbandijk 23, Hien")."""
    if nz.find_postcode(text):
        return True
    parts = nz.parse_address(text.replace("\t", ", "))
    return "straat" in parts and "huisnummer" in parts and "plaats" in parts


def _unparted_strip(text: str, ref: Reference, titled: bool) -> list[str]:
    """A title strip whose separators a scan lost, cut where its parts must have stood: "Borg 4 B.V. Risicobeoordeling
    B4-26-0311 28 april 2026" (the borger before the title, the date at its end), "Bedrijfshal Hiense Waard,
    Waalbandijk 23, Hien WKI" (an instrument named last)."""
    parts = [text.strip()]
    title = BANNER_TITLE.search(text) if titled else None
    if title is not None and title.start() > 0:
        parts = [text[:title.start()].strip(), text[title.start():].strip()]
    dates = nz.find_dates(parts[-1])
    if dates and len(parts[-1]) - dates[-1][0] <= 20 and dates[-1][0] > 0:
        parts[-1:] = [parts[-1][:dates[-1][0]].strip(), parts[-1][dates[-1][0]:].strip()]
    head, _, last = parts[-1].rpartition(" ")
    if head and _is_listed_name(ref.match_instrument(last), last):
        parts[-1:] = [head.strip(), last]
    return [x for x in parts if x]


def _is_listed_name(entry, text: str) -> bool:
    """`text` is one of the reference entry's names as a whole (spaces and stops aside: "Borg 4 B.V.")."""
    def key(t: str) -> str:
        return re.sub(r"[\s.]", "", t.lower())
    return entry is not None and key(text) in {key(a) for a in (entry.naam, *entry.aliassen)}


_FILE_NAME = re.compile(r"(?i)\.(?:pdf|jpe?g|png|tiff?|heic|docx?|xlsx?)$")
_PHONE_PART = re.compile(r"^(?:T\.?\s*|tel\.?\s*)?(?:\+31|0)[\d\s\-()]{8,}$", re.IGNORECASE)


def _section_lines(lines: list[Line], heading_words: tuple[str, ...], limit: int = 40) -> list[Line]:
    """Lines after a heading that starts with one of `heading_words`, up to the next heading."""
    out: list[Line] = []
    inside = False
    for ln in lines:
        head = ln.head
        is_head = bool(head) and len(head) <= 45 and not head.endswith(".")
        if is_head and any(head.startswith(w) for w in heading_words) and len(head.split()) <= 4:
            inside = True
            continue
        if inside:
            if ln.heading or (is_head and re.match(r"^\s*\d{1,2}\s+[A-Z]", ln.text) and len(ln.text) < 45):
                break
            out.append(ln)
            if len(out) >= limit:
                break
    return out


_ROW_NR = re.compile(r"^\s*(\d{1,3})(?:[.)])?(?:\t|\s+)(\S.*)?$")


_NUMBERED_HEADING = re.compile(r"^\s*(\d{1,2})\.?\s+[A-ZÀ-Ý][^\d\t]{0,60}$")


def _count_numbered_rows(lines: list[Line], header_test) -> tuple[int, Line | None]:
    """Count rows numbered 1, 2, 3 ... after the first header line passing `header_test`.

    Rows may wrap over several lines (PDF); the next numbered section heading ("5 Steekproef") ends the table.
    """
    for i, ln in enumerate(lines):
        if header_test(ln.text.lower()):
            expected = 1
            for nxt in lines[i + 1: i + 400]:
                m = _ROW_NR.match(nxt.text)
                h = _NUMBERED_HEADING.match(nxt.text)
                if h and int(h.group(1)) != expected and len(nxt.text.split()) <= 6:
                    break
                if m and int(m.group(1)) == expected and not nz.find_dates(nxt.text[:12]):
                    expected += 1
                elif header_test(nxt.text.lower()) or re.match(r"^\s*nr\b", nxt.text.lower()):
                    break
            if expected > 1:
                return expected - 1, ln
    return 0, None


def _risk_header(t: str) -> bool:
    return "risico" in t and ("kans" in t or "score" in t or "effect" in t) and len(t) < 300 and not t.startswith("methode")


def _moment_header(t: str) -> bool:
    return "bijwoon" in t and ("fase" in t or "aantal" in t or "wijze" in t) and "risico" not in t and len(t) < 200


def kind_extras(kind: str, lines: list[Line], ref: Reference, have: dict) -> list[Cand]:
    out: list[Cand] = []
    body = body_lines(lines)
    ct = ref.compiled_texts
    if kind in ("borgingsplan", "risicobeoordeling"):
        n, ln = _count_numbered_rows(body, _risk_header)
        if n:
            out.append(_cand("aantal_risicos", n, ln, 0.8))
        else:
            for b in body:
                m = re.search(r"\((\d{1,3}) risico'?s\)|\b(\d{1,3}) risico'?s\b", b.text[:400], re.IGNORECASE)
                if m:
                    out.append(_cand("aantal_risicos", int(m.group(1) or m.group(2)), b, 0.6))
                    break
        n, ln = _count_numbered_rows(body, _moment_header)
        if n:
            out.append(_cand("aantal_bijwoonmomenten", n, ln, 0.8))
        for b in body:
            if "steekproef" in b.text.lower():
                idx = body.index(b)
                window = " ".join(x.text for x in body[idx: idx + 3])[:400]
                m = re.search(r"steekproef\D{0,80}?(\d{1,3}(?:,\d{1,2})?\s?%)|(\d{1,3}(?:,\d{1,2})?\s?%)[^.]{0,60}steekproef", window, re.IGNORECASE)
                if m:
                    out.append(_cand("steekproef", (m.group(1) or m.group(2)).replace(" ", ""), b, 0.8))
                    break
        # (a risk table's aspect "BLO" beside its article 2.19 names them as well as the words written out do)
        # (read in the whole body: a risk table's first row may sit in what looks like a letterhead block)
        blo = next((b for b in lines if b.region == "body" and (
            "bijzondere lokale omstandigheden" in re.sub(r"\s+", " ", b.text.lower())
            or "BLO" in b.text and _BLO_CELL.search(b.text))), None)
        out.append(_cand("blo_benoemd", blo is not None, blo or (body[0] if body else lines[0]), 0.7 if blo else 0.5))
    if kind == "verklaring" and "verklaring" not in have:
        text_lines = [re.sub(r"\s+", " ", b.text.lower()) for b in body]
        # the option ticked on a form ("☐ Verklaring afgegeven" / "☒ Geen verklaring"): the other is gone from the
        # text, and the ticked one's words alone decide
        verdict = next(((v, b) for b, t in zip(body, text_lines) if b.ticked
                        for v, words in _TICKED_VERDICTS if t.strip(" :-–").startswith(words)), None)
        for i, t in enumerate(text_lines if verdict is None else ()):
            verdict = _verdict(text_lines, body, i, ct.get("verklaring_negatief", ()), "negatief")
            if verdict:
                break
        if verdict is None:
            for i, t in enumerate(text_lines):
                verdict = _verdict(text_lines, body, i, ct.get("verklaring_positief", ()), "positief")
                if verdict:
                    break
        if verdict:
            out.append(_cand("verklaring", verdict[0], verdict[1], 0.85))
    if kind in ("gereedmelding", "dossier_bevoegd_gezag") and "verklaring" not in have:
        # "Borg4 heeft een positieve verklaring afgegeven", "De verklaring van TBC (positief) is als bijlage
        # toegevoegd": the melder states the outcome; a sentence that could mean none was given says nothing
        for b in body:
            low = re.sub(r"\s+", " ", b.text.lower())
            named = _VERDICT_NAMED.search(low) if "verklaring" in low else None
            if named:
                out.append(_cand("verklaring", "negatief" if named.group(1) or named.group(2) else "positief", b, 0.7))
                break
    verdict_value = have.get("verklaring") or next((c.value for c in out if c.field == "verklaring"), None)
    if kind == "verklaring" and verdict_value == "negatief":
        devs = _deviations(lines, ref)
        if devs:
            out.append(_cand("afwijkingen", devs[1], devs[0], 0.7))
    if kind == "bouwmelding":
        att = _attachments(lines)
        if att is not None:
            out.append(_cand("bijlagen", att[1], att[0], 0.75))
    if kind == "gereedmelding":
        att = _attachments(lines)
        listed = att[1] if att else []
        src = att[0] if att else None
        # (answers per attachment say only what they answer: "Verklaring | bijgevoegd" says nothing of the DBG)
        answered = att[2] if att else None
        for field, part in (("bevat_dbg", "dossier_bevoegd_gezag"), ("bevat_verklaring", "verklaring")):
            if field not in have and src is not None and (answered is None or part in answered):
                out.append(_cand(field, part in listed, src, 0.7))
    if kind in ref.kinds:
        sig = _gk_signals(body, ref, lines)
        if sig:
            out.append(_cand("gevolgklasse_signalen", sig[1], sig[0], 0.6))
    return out


# the verklaring's outcome named in a melder's sentence (groups 1 and 2: negative)
_VERDICT_NAMED = re.compile(r"(?<!geen )\b(?:(negatieve)|positieve) verklaring\b|\bverklaring\b[^.;]{0,60}?(?:\(|\bis |"
                            r"[–:]\s*|\s-\s)(?:(negatief)|positief)\b")  # ("Verklaring Bureau Veritas: positief")
_TICKED_VERDICTS = (("negatief", ("geen verklaring", "verklaring niet afgegeven", "negatief", "negatieve verklaring")),
                    ("positief", ("verklaring afgegeven", "positief", "positieve verklaring")))


def _verdict(text_lines: list[str], body: list[Line], i: int, patterns, value: str):
    """(value, line) when a phrase matches at line i (a phrase may wrap onto line i+1)."""
    window = " ".join(text_lines[i: i + 2])
    for rx in patterns:
        m = rx.search(window)
        if m and m.start() < len(text_lines[i]):
            return value, body[i]
    return None


_ATTACH_KINDS = (
    # ("Bijlagen | RB + BP (WTT)": the two in their short forms, in capitals)
    ("borgingsplan", re.compile(r"borgingsplan|(?-i:\bBP\b)", re.IGNORECASE)),
    ("risicobeoordeling", re.compile(r"risico\s?(?:beoordeling|analyse|inventarisatie)|risico-(?:analyse|inventarisatie)"
                                     r"|(?-i:\bRB\b)", re.IGNORECASE)),
    # (also as a file's name: "DBG_SGSI-WKB-26-0977.zip", "Statement_SGSI-WKB-26-0977.docx", "Verklaring_KB.pdf")
    ("dossier_bevoegd_gezag", re.compile(r"dossier[\s_]+bevoegd[\s_]+gezag|(?<![a-z])dbg(?![a-z])", re.IGNORECASE)),
    ("verklaring", re.compile(r"verklaring\s+(?:van\s+de\s+)?kwaliteitsborger|verklaring[\s_-]+kb\b|"
                              r"(?<![a-z])(?:verklaring|statement)_", re.IGNORECASE)),
)


def _attachments(lines: list[Line]) -> tuple[Line, list[str], set[str] | None] | None:
    """(where, the kinds of document attached, the kinds answered for: None where a list names what is attached)."""
    body = [ln for ln in lines if ln.text and ln.region == "body"]
    section = _section_lines(body, ("bijlagen", "bijlage", "bijgevoegde documenten", "documenten",
                                    "meegestuurde documenten", "meegezonden documenten", "meegezonden bijlagen",
                                    "aangeleverde documenten"), 25)
    # the heading's own line may hold the list: "Bijlagen: [X] risicobeoordeling [X] borgingsplan [ ] overig"
    inline = next((ln for ln in body if _ATTACH_INLINE.match(ln.text)), None)
    if inline is not None:
        section = [inline] + [ln for ln in section if ln is not inline]
        if "\t" in inline.text and not any(rx.search(inline.text) for _kind, rx in _ATTACH_KINDS):
            # "Bijlage | Bestandsnaam" over "Risicobeoordeling | RB_P07.pdf": a table's header, its rows below
            k = body.index(inline) + 1
            while k < len(body) and "\t" in body[k].text and len(section) < ATTACHMENT_ROWS:
                section.append(body[k])
                k += 1
    # ... or a table's group column: "Bijlagen | Borgingsplan | BP_BKB-27-0056.pdf"
    grouped = [ln for ln in body if _ATTACH_GROUP.match(ln.text) and ln not in section]
    section = section + grouped
    # an export answers per attachment: "Bijlagen dossier bevoegd gezag: true", "Verklaring kwaliteitsborger: nee"
    answers = [(ln, m) for ln in body if (m := _ATTACH_ANSWER.match(ln.text))]
    if answers:
        said = [(ln, kind, m.group(2).lower() in _YES) for ln, m in answers
                for kind, rx in _ATTACH_KINDS if rx.search(m.group(1))]
        if said:
            return said[0][0], list(dict.fromkeys(kind for _ln, kind, yes in said if yes)), {k for _ln, k, _y in said}
    if not section:
        return None
    ticked = [ln for ln in section if _TICK_FIRST.match(ln.text)]
    if ticked:
        section = ticked  # "X | Dossier bevoegd gezag" beside a line without an X: only the ticked are attached
    found: list[str] = []
    where: Line | None = None
    for ln in section:
        if len(ln.text) > 160:
            continue  # a sentence about attachments, not an attachment
        for kind, rx in _ATTACH_KINDS:
            m = rx.search(ln.text)
            if not m or kind in found:
                continue
            # "Risicobeoordeling: nee", "Borgingsplan (volgt)": not attached (an unticked box is gone: build_lines)
            around = ln.text[max(0, m.start() - 6): m.end() + 30].lower()
            if _NOT_ATTACHED.search(around):
                continue
            found.append(kind)
            where = where or ln
    return where or section[0], found, None


ATTACHMENT_ROWS = 25  # rows of an attachment table read at most
_ATTACH_INLINE = re.compile(r"(?i)^\s*(?:\d{1,2}\.?\s+)?(?:bijlagen?|bijgevoegde documenten|meegestuurde documenten|"
                            r"meegezonden (?:documenten|bijlagen))\s*[:\t]\s*\S")
_ATTACH_GROUP = re.compile(r"(?i)^\s*(?:bijlagen?|documenten|bijgevoegde documenten)\t[^\t]+\t")
# (an answer may name the file: "Dossier bevoegd gezag | bijgevoegd (DBG_TNN-27-2231.pdf)")
_ATTACH_ANSWER = re.compile(r"(?i)^\s*([^\t:]{4,80}?)\s*(?::\s*|\t)(ja|nee|true|false|yes|no|aanwezig|bijgevoegd|"
                            r"ontbreekt|x|✓|✔)(?:\s*\([^()\t]{1,80}\))?\s*$")
_YES = {"ja", "true", "yes", "aanwezig", "bijgevoegd", "x", "✓", "✔"}
_TICK_FIRST = re.compile(r"^\s*(?:[xX✓✔]|\[[xX✓✔]\])(?:\t|\s+)(?=[A-Za-z])")
# ("De verklaring ... sturen wij na zodra deze binnen is": what will be sent later is not attached)
_NOT_ATTACHED = re.compile(r"\b(?:nee|niet|ontbreekt|volgt|n\.v\.t\.?|nvt|nagestuurd|nagezonden|later|nog|zodra|"
                           r"nasturen|(?:sturen|stuur|zenden|zend) (?:wij|we|ik) na)\b")


_DEV_STOP = re.compile(
    r"^(?:het bouwwerk|wij |deze verklaring|met vriendelijke|hoogachtend|namens|ondertekening|handtekening"
    r"|\d{1,2}[-.]\d{1,2}[-.]\d{2,4}$)", re.IGNORECASE)


_LIST_MARK = re.compile(r"^(?:[-•*–·]\s*|\d{1,2}[.)]\s+)")
_NUMBERED_SECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s+[A-Z][a-z]")  # "3 Ondertekening": the next chapter


def _deviations(lines: list[Line], ref: Reference) -> tuple[Line, list[str]] | None:
    """Open deviations listed after a heading ("De volgende afwijkingen zijn niet hersteld:") or in a
    table with an "Afwijking" column."""
    heads = ref.compiled_texts.get("afwijkingen_kop", ())
    body = [ln for ln in lines if ln.region == "body" and not ln.sender]
    for i, ln in enumerate(body):
        low = ln.text.lower()
        if not ln.text or not any(rx.search(low) for rx in heads):
            continue
        cells = [c.strip().lower() for c in ln.cells]
        if len(cells) > 1:  # a table: take the column whose header names the deviation
            col = next((k for k, c in enumerate(cells) if any(rx.search(c) for rx in heads)), None)
            items = []
            for nxt in body[i + 1: i + 40]:
                if "\t" not in nxt.text:
                    break
                row = nxt.cells
                if col is not None and col < len(row) and row[col].strip():
                    items.append(row[col].strip()[:200])
            if items:
                return ln, items[:20]
            continue
        short_heading = len(ln.text.split()) <= 5 and not ln.text.rstrip().endswith(".")
        if not (ln.text.rstrip().endswith(":") or short_heading):
            continue
        following = next((x for x in body[i + 1: i + 4] if x.text.strip()), None)
        if following is not None and "\t" in following.text:
            continue  # a table follows the heading: its header row is handled above
        items: list[str] = []
        bulleted = False
        for nxt in body[i + 1: i + 30]:
            t = nxt.text.strip()
            if not t:
                if items:
                    break
                continue
            if _DEV_STOP.match(t) or (nz.find_dates(t) and len(t) < 20) or nxt.heading or "\t" in t \
                    or _NUMBERED_SECTION.match(t):
                break
            item = _LIST_MARK.match(t)
            if item:
                bulleted = True
                items.append(t[item.end():][:200])
            elif bulleted and items and t[:1].islower():
                items[-1] = f"{items[-1]} {t}"[:200]  # the item wrapped at the margin ("... (WBDBO < 60" / "min)")
            elif bulleted:
                break  # the list has ended: the sentence after it is no deviation
            else:
                items.append(t[:200])
        if items:
            return ln, items[:20]
    return None


_ANSWER_NO = re.compile(r"\s*(?:nee|geen|n\.v\.t|nvt)\b")
_AFTER_NEG = re.compile(r"^\w*\s*[:\t]?\s*(?:geen|niet|nee|n\.v\.t|nvt)\b")


def _signal_found(low: str, rx: re.Pattern, core: re.Pattern | None, neg) -> int | None:
    """Offset of a match of `rx` whose core term is not negated ("geen gelijkwaardige ...", "...: n.v.t.")."""
    spots = [(m.start(), m.end()) for m in (core or rx).finditer(low)]
    for start, end in spots:
        clause = re.split(r"[.;:]", low[max(0, start - 40): start])[-1]
        if any(n.search(clause) for n in neg) or _AFTER_NEG.match(low[end: end + 20]):
            continue
        q = low.find("?", end, end + 150)
        if q >= 0 and "." not in low[end:q] and _ANSWER_NO.match(low[q + 1: q + 12]):
            continue  # "Is er sprake van een gelijkwaardige maatregel ...?" answered "Nee"
        if core is None or rx.search(low[max(0, start - 100): end + 100]):
            return start
    return None


def _gk_signals(body: list[Line], ref: Reference, lines: list[Line] = ()) -> tuple[Line, list[str]] | None:
    """Hints that the project is not gevolgklasse 1, searched once over the body (phrases may wrap). A question's
    short answer on the next line is read with it, also where that line counts as no body text."""
    names: list[str] = []
    first: Line | None = None
    neg = ref.compiled_texts.get("negatie", ())
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for ln in body:
        starts.append(offset)
        chunk = ln.text[:600].lower()
        if chunk.rstrip().endswith("?") and ln.pos + 1 < len(lines) and len(lines[ln.pos + 1].text) <= 12:
            chunk = f"{chunk} {lines[ln.pos + 1].text.lower()}"
        parts.append(chunk)
        offset += len(chunk) + 1
    text = " ".join(parts)  # one space per line end keeps the offsets in `starts` right
    for rx, name, core in ref.compiled_texts.get("gevolgklasse_signalen", ()):
        if not ref.may_match(rx, text):
            continue
        pos = _signal_found(text, rx, core, neg)
        if pos is not None and name not in names:
            names.append(name)
            line = body[max(0, bisect.bisect_right(starts, pos) - 1)]
            if first is None or line.pos < first.pos:
                first = line
    return (first, names) if names else None
