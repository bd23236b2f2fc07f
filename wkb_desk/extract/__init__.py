"""Recognise a document's kind and extract its fields, each with page, text fragment and confidence.

    from wkb_desk.extract import extract, load_reference
    ref = load_reference(extra_dir)          # package data + the municipality's folder (paden.referentie)
    extraction = extract(read_result, ref)   # models.Extraction; pure, no I/O, never raises on odd text

Steps (each scans the lines once): lines with context -> labelled values -> sender zones and
sections -> candidates per field -> kind -> free-text fallbacks and per-kind extras -> reference
names for instrument and borger -> what is missing for the kind.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace

from wkb_desk.extract import normalize as nz
from wkb_desk.extract.classify import FULL_STRUCTURE, classify
from wkb_desk.extract.extras import (WITHOUT_YEAR_CONF, kind_extras, kind_fallbacks, prose_fields, reference_names,
                                     stated_changes)
from wkb_desk.extract.fields import (
    LOCATION_PARTS, Cand, best, candidates_from_hit, captions_below_values, find_hits, is_void, join_name_parts,
    join_wrapped_labels, labels_on_the_right, mend_split_words, names_site, plausible, project_tables_in_headers,
    to_field_value, value_first_cells, wholly_typed,
)
from wkb_desk.extract.locate import build_lines, mark_sections, mark_sender
from wkb_desk.extract.reference import Reference, load_reference, stale_entries
from wkb_desk.models import CORE_FIELDS, EXTRA_FIELDS, KIND_UNKNOWN, KIND_UNREADABLE, Extraction, FieldValue, ReadResult

__all__ = ["extract", "load_reference", "Reference", "stale_entries"]

log = logging.getLogger("wkb_desk.extract")

MIN_TEXT_CHARS = 20  # fewer readable characters than this: treat as a scan
OCR_CONFIDENCE = 0.8  # a field read from a page that text recognition read counts for this much of its confidence
_FIELD_ORDER = {name: i for i, name in enumerate(CORE_FIELDS + EXTRA_FIELDS)}
_LOCATION_ANY = ("straat", "postcode", "bag_id", "kadastraal", "coordinaten")
# fields of a party (not the document's own data): they do not mark where a form's own data starts
_NO_ANCHOR = {"kvk", "partij_adres", "email", "melder", "melder_rol"}
# words of a firm's name: a melder that is a firm is most often an architect or adviser melding on behalf of someone
_FIRM_WORDS = re.compile(r"(?i)bureau|buro|architect|advies|ingenieur|bouw|bedrijf|groep|stichting|vereniging|gemeente|"
                         r"corporatie|holding|makelaar|projectontwikkel|installatie")
MELDER_AS_INITIATOR = 0.6  # the melder taken for the initiatiefnemer where no initiatiefnemer is named: to check
_DATE_FIELDS = ("datum", "startdatum", "ingebruikname")
WKB_EARLIEST = "2022-01-01"  # ISO dates compare as text; the Wkb took effect in 2024, its plans were drawn up before
MELDER_FIELDS = ("melder", "melder_adres", "melder_postcode", "melder_plaats", "melder_email", "melder_rol")
_FIELD_WORDS = {"startdatum": "datum", "ingebruikname": "datum", "datum": "datum", "postcode": "postcode",
                "huisnummer": "huisnummer", "kwaliteitsborger": "naam", "instrument": "naam", "locatie": "adres",
                "verzoeknummer": "verzoeknummer", "bag_id": "BAG-id"}
# composite parsers -> the field they stand for in `ontbreekt`
_TARGET_FIELD = {"locatie": "locatie", "straat": "locatie", "huisnummer": "locatie", "postcode": "locatie",
                 "postcode_plaats": "locatie", "plaats": "locatie", "bag_id": "locatie", "kadastraal": "locatie"}


def extract(read: ReadResult, ref: Reference | None = None) -> Extraction:
    """Kind and fields of one read document. Never raises on odd text (a bug is logged and reported)."""
    try:
        return _extract(read, ref or load_reference())
    except Exception:  # noqa: BLE001 - extraction must not stop the intake; the document gets a warning
        log.exception("Extractie mislukt")
        return Extraction(
            kind=KIND_UNKNOWN,
            kind_score=0.0,
            warnings=("Velden konden niet automatisch worden gelezen (interne fout): handmatig invullen.",),
        )


def _extract(read: ReadResult, ref: Reference) -> Extraction:
    readable = sum(len(p.text.strip()) for p in read.pages if p.text and not p.is_scan)
    if readable < MIN_TEXT_CHARS and read.is_container:
        # a ZIP or an e-mail without text of its own: its members are read and recognised one by one
        return Extraction(kind=KIND_UNKNOWN, kind_score=0.0,
                          warnings=("Verpakking zonder eigen tekst: de bijlagen worden apart herkend.",))
    if readable < MIN_TEXT_CHARS:
        scan = any(p.is_scan for p in read.pages) or not read.pages
        why = "gescand document zonder tekstlaag" if scan else "geen leesbare tekst"
        return Extraction(
            kind=KIND_UNREADABLE,
            kind_score=1.0,
            warnings=(f"Onleesbaar: {why}. Soort en velden handmatig invullen.",),
        )
    lines = build_lines(read)
    mend_split_words(lines, ref)
    join_wrapped_labels(lines, ref)
    join_name_parts(lines)
    captions_below_values(lines, ref)
    value_first_cells(lines, ref)
    labels_on_the_right(lines, ref)
    mark_sections(lines, ref)
    hits = find_hits(lines, ref)
    # lines that open the document's own data; a letterhead's "KvK 123" or "T 053..." is no anchor
    anchors = {
        h.line.pos for h in hits
        if (not h.info.weak or h.sep in (":", "\t") or h.sep == " " and wholly_typed(h.info.field, h.value))
        and h.info.field not in _NO_ANCHOR and not h.line.contact
        and plausible(h)
    }
    labelled = {h.line.pos for h in hits} | {h.value_line.pos for h in hits if h.sep != " "}
    mark_sender(lines, ref, anchors, labelled)
    project_tables_in_headers(lines, ref)
    # "KvK 69121052" without a colon next to a phone number or e-mail address is a letterhead's,
    # unless it sits in the applicant's block
    near_contact = {p for ln in lines if ln.contact for p in range(ln.pos - 2, ln.pos + 3)}
    hits = [h for h in hits if not (h.info.field == "kvk" and h.sep in (" ", "  ") and h.line.pos in near_contact
                                    and ref.section_names.get(h.line.section) != "initiatiefnemer")]
    # sender zones known: candidates from labelled values (location labels in sender zones are dropped)
    cands: list[Cand] = []
    used: set[int] = set()  # lines read by their label; a label that gave no value leaves its sentence to be read
    for hit in hits:
        found_here = candidates_from_hit(hit, ref)
        cands.extend(found_here)
        if found_here:
            used |= {hit.line.pos, hit.value_line.pos}
    chosen = best(cands)
    _dates_without_year(chosen, hits)
    _street_in_project_name(chosen)
    _one_site_block(chosen, cands, ref)
    _number_of_the_street(chosen, cands)
    _street_named_with_a_number(chosen, cands, ref)
    _merge_toevoeging(chosen)
    _merge_perceel(chosen)
    # structure: labelled fields, the parts of one address counting once
    found = {("locatie" if f in LOCATION_PARTS else f) for f in chosen if chosen[f].conf >= 0.7}
    # values in sentences (letters, prose verklaringen) count for half
    prose = prose_fields(lines, ref, set(chosen), used, chosen["datum"].value if "datum" in chosen else None)
    prose_found = {("locatie" if c.field in LOCATION_PARTS else c.field) for c in prose}
    # a listed borger or instrument named in the text (a short plan in prose) is structure too, as a sentence is
    # (looked up only where it can matter: from FULL_STRUCTURE fields on, more structure changes no score)
    n_fields = len(found) + 0.5 * len(prose_found - found)
    if n_fields < FULL_STRUCTURE:
        n_fields += 0.5 * len(reference_names(lines, ref, found | prose_found))
    kind, score, _ = classify(lines, ref, n_fields, frozenset(chosen))
    if kind != KIND_UNKNOWN and read.members and not (set(chosen) | prose_found) - _COVER_FIELDS:
        # "Hierbij de startmelding voor de nieuwe woning" over the attached startmelding: the mail covers the
        # document it carries and states nothing of its own (as a dossier of its own it would stand apart)
        return Extraction(kind=KIND_UNKNOWN, kind_score=0.0, warnings=(
            f"Begeleidende mail zonder eigen gegevens ({kind} genoemd): de bijlagen worden apart herkend.",))

    warnings: list[str] = []
    if kind in ("startmelding", "gereedmelding"):
        _own_and_referred(chosen, cands)
    _conflicts(chosen, cands, warnings)
    if kind != KIND_UNKNOWN:
        own = (chosen["verzoeknummer"].value,) if "verzoeknummer" in chosen else ()
        said = tuple(c.value for c in prose if c.field == "verzoeknummer")  # "... gedaan, verzoeknummer 2027..."
        extra = prose + kind_fallbacks(lines, ref, set(chosen) | {c.field for c in prose}, kind, own, said)
        for c in _elsewhere(extra, chosen):
            if c.field not in chosen:
                chosen[c.field] = c
        if kind in ("bouwmelding",):
            ref_nr = chosen.pop("verwijst_naar", None)  # a bouwmelding is what others refer to
            if ref_nr is not None and "verzoeknummer" not in chosen:
                chosen["verzoeknummer"] = ref_nr  # "Nummer bouwmelding" on a bouwmelding is its own number
        for c in stated_changes(lines):
            chosen[c.field] = c  # the writer's own "de nieuwe startdatum is ..." over the melding it quotes
        have = {f: c.value for f, c in chosen.items()}
        for c in kind_extras(kind, lines, ref, have):
            if c.field not in chosen:
                chosen[c.field] = c
    else:
        # text about Wkb documents (a newsletter, a web page, an e-mail): its addresses and dates are examples or
        # somebody else's, not facts of a melding; nothing is read from it
        chosen = {}

    _melder(kind, chosen, ref, lines)
    if kind in ("startmelding", "gereedmelding"):
        _referred_is_older(chosen)
    if "verwijst_naar" in chosen and chosen.get("verzoeknummer") and \
            chosen["verwijst_naar"].value == chosen["verzoeknummer"].value:
        # one number read both ways: the surer reading says whose it is ("Bouwmelding (DSO): 2027..." labelled, over
        # a sentence's guess that it is the notice's own). Equally sure, a later notice's one number is the
        # bouwmelding's: a notice by mail or letter has no DSO number of its own, and a DSO print labels its own
        ref_conf, own_conf = chosen["verwijst_naar"].conf, chosen["verzoeknummer"].conf
        surer_ref = kind != "bouwmelding" and ref_conf >= own_conf
        chosen.pop("verzoeknummer" if surer_ref else "verwijst_naar")
    _prefer_listed(chosen, lines, ref)
    warnings.extend(_check_reference(chosen, ref))
    chosen.pop("toevoeging", None)
    for name in _DATE_FIELDS:
        if name in chosen and str(chosen[name].value) < WKB_EARLIEST:
            chosen.pop(name)  # "NEN-EN 1991-1-4" read as 4 January 1991: no Wkb document dates from before the law

    ocr_pages = {p.number for p in read.pages if p.ocr_engine and p.text}
    for name, c in chosen.items():
        if c.page in ocr_pages:  # only as sure as the recognition: a lower zekerheid marks it for checking
            chosen[name] = replace(c, conf=c.conf * OCR_CONFIDENCE)
    fields: dict[str, FieldValue] = {
        name: to_field_value(chosen[name]) for name in sorted(chosen, key=lambda n: _FIELD_ORDER.get(n, 999))
        if name in _FIELD_ORDER
    }
    unreadable = _unreadable(kind, hits, cands, fields)
    for name, label in unreadable.items():
        warnings.append(f"Label '{label}' gevonden, maar de waarde is niet te lezen als {_FIELD_WORDS.get(name, name)}: "
                        "controleer het document.")
    missing = tuple(m for m in _missing(kind, fields, ref) if m not in unreadable)
    if kind == KIND_UNKNOWN:
        warnings.append("Soort niet herkend: geen Wkb-document of een onbekende opmaak. Controleer het document.")
    elif score < 0.5:
        warnings.append(f"Soort onzeker ({kind}, zekerheid {score:.2f}): controleer het document.")
    if any(p.is_scan for p in read.pages):
        warnings.append("Een of meer pagina's zijn gescand zonder tekstlaag: controleer of velden ontbreken.")
    if ocr_pages:
        warnings.append("Gelezen met tekstherkenning (scan of foto): controleer de gegevens.")
    return Extraction(kind=kind, kind_score=score, fields=fields, missing=missing, warnings=tuple(warnings),
                      unreadable=tuple(unreadable))


PROJECT_NAME_STREET_CONF = 0.6  # the street taken from the project's name: a guess, to check


def _street_in_project_name(chosen: dict[str, Cand]) -> None:
    """"Project: vakantiewoning Zandloper 40" beside "PC/Plaats: 1788MT Julianadorp" and no street of its own: the
    project's name names the street and number (or the whole address)."""
    name = chosen.get("projectnaam")
    if name is None or "straat" in chosen:
        return
    parts = nz.parse_address(str(name.value))
    # (or the name holds the whole address: "Project | Bedrijfshal Industrieweg 6, 7873bv Odoorn")
    whole = {"postcode", "plaats"} & set(parts) and not {"postcode", "plaats"} & set(chosen)
    beside = ("postcode" in chosen or "plaats" in chosen) and not {"postcode", "plaats"} & set(parts)
    if "straat" in parts and "huisnummer" in parts and (whole or beside):
        for field, value in parts.items():
            chosen[field] = replace(name, field=field, value=value, conf=min(name.conf, PROJECT_NAME_STREET_CONF))


def _dates_without_year(chosen: dict[str, Cand], hits: list) -> None:
    """"Start: maandag 1 maart" under a labelled date of the document (a mail's header): the first such day after
    it. A weekday that fits that year makes it sure; without one the year is a guess, to check."""
    if "datum" not in chosen:
        return
    today = dt.date.fromisoformat(str(chosen["datum"].value))
    for h in hits:
        name = h.info.field
        if name not in ("startdatum", "ingebruikname") or name in chosen or h.line.sender:
            continue
        found = nz.days_without_year(h.value[:80], today)
        if found and found[0][0] <= 12:
            _, day, sure = found[0]
            chosen[name] = Cand(name, day.isoformat(), 0.8 if sure else WITHOUT_YEAR_CONF, h.order, h.value_line.page,
                                h.value_line.text[:120], h.info.label)


def _own_and_referred(chosen: dict[str, Cand], cands: list[Cand]) -> None:
    """A later notice names two DSO numbers: its own and the bouwmelding's. A verzoeknummer starts with the day it
    was filed, so the older one is the bouwmelding's, whatever the labels say."""
    nrs = sorted({str(c.value) for c in cands if c.field in ("verzoeknummer", "verwijst_naar") and c.conf >= 0.7})
    if len(nrs) != 2 or nrs[0][:8] == nrs[1][:8]:
        return  # one number, or two of the same day: the labels decide
    older, newer = nrs
    pick = {v: max((c for c in cands if str(c.value) == v and c.field in ("verzoeknummer", "verwijst_naar")),
                   key=lambda c: (c.conf, -c.order)) for v in nrs}
    for name, value in (("verzoeknummer", newer), ("verwijst_naar", older)):
        c = pick[value]
        chosen[name] = Cand(name, value, c.conf, c.order, c.page, c.fragment, c.label, c.zone)


def _referred_is_older(chosen: dict[str, Cand]) -> None:
    """The bouwmelding a later notice refers to was filed before it: when the own number (from whatever path,
    labels or sentences) is of an earlier day than the referred one, the two were read the wrong way round."""
    own, ref = chosen.get("verzoeknummer"), chosen.get("verwijst_naar")
    if own is None or ref is None or str(own.value)[:8] >= str(ref.value)[:8]:
        return
    chosen["verzoeknummer"] = replace(ref, field="verzoeknummer", conf=min(ref.conf, own.conf))
    chosen["verwijst_naar"] = replace(own, field="verwijst_naar", conf=min(ref.conf, own.conf))


_SINGLE = ("verzoeknummer", "startdatum", "ingebruikname", "kwaliteitsborger", "instrument")


def _conflicts(chosen: dict[str, Cand], cands: list[Cand], warnings: list[str]) -> None:
    """Two strong labels giving different values for one field: the chosen one is a guess, not a fact."""
    for name in _SINGLE:
        c = chosen.get(name)
        if c is None or c.conf < 0.8:
            continue
        rivals = {x.value for x in cands if x.field == name and x.conf >= c.conf - 0.05 and x.value != c.value}
        if rivals:
            chosen[name] = Cand(name, c.value, min(c.conf, 0.7), c.order, c.page, c.fragment, c.label, c.zone)
            warnings.append(f"Twee waarden voor {name} ({c.value}; {', '.join(map(str, sorted(rivals, key=str)))}): "
                            "controleer welke geldt.")


def _one_site_block(chosen: dict[str, Cand], cands: list[Cand], ref: Reference) -> None:
    """The parts of the site's address come from one block: a postcode or place labelled in another block (the
    melder's or a party's block that was not recognised as such) is no part of it; missing beats wrong. Blocks
    that both head the project ("PROJECT" and "BOUWLOCATIE" of a plan's fact sheet) are one site."""
    street = chosen.get("straat")
    if street is None or street.zone is None:
        return
    place, block = chosen.get("plaats"), (street.page, street.zone)
    if place is not None and (place.page, place.zone) != block and any(
            x.field == "plaats" and (x.page, x.zone) == block and str(x.value).lower() != str(place.value).lower()
            for x in cands):
        # the street's own block names another place (an export's row of another dossier, "Beek", on the sheet
        # after the form of this one, "Sittard"): two sites, and the street is not this document's
        for name in ("straat", "huisnummer", "postcode", "toevoeging"):
            if name in chosen and (chosen[name].page, chosen[name].zone) == block:
                chosen.pop(name)
        return
    for name in ("huisnummer", "postcode", "plaats", "toevoeging"):
        c = chosen.get(name)
        if c is None or c.zone is None or c.zone == street.zone or names_site(street.label) and names_site(c.label) \
                or c.zone in ref.project_sections and street.zone in ref.project_sections:
            continue  # ("Locatie straatnaam" and "Locatie postcode" are the site's wherever a heading put them)
        same = [x for x in cands if x.field == name and x.zone == street.zone]
        if same:
            chosen[name] = max(same, key=lambda x: (x.conf, -x.order))
        else:
            chosen.pop(name)


SURE_PLACE = 0.9  # a labelled place this sure outweighs any address a sentence or a bare line names


def _elsewhere(extra: list[Cand], chosen: dict[str, Cand]) -> list[Cand]:
    """`extra` without the address parts of a line that names another place than the labelled site's ("4.
    Stavast Kwaliteitsborging, Hoogtij 21, 1507 ZZ Zaandam" on an instruction sheet of a form whose "Woonplaats" is
    Assendelft): that address is somebody's office, not the site."""
    place = chosen.get("plaats")
    if place is None or place.conf < SURE_PLACE:
        return extra
    other = {c.order for c in extra if c.field == "plaats" and str(c.value).lower() != str(place.value).lower()}
    return [c for c in extra if not (c.order in other and c.field in LOCATION_PARTS)] if other else extra


_COVER_FIELDS = {"datum", "melder"}  # what a covering mail states of itself: the day it was sent, who sent it
NUMBER_NEAR_STREET = 3  # lines: a house number labelled apart from its street stands this close to it


def _number_of_the_street(chosen: dict[str, Cand], cands: list[Cand]) -> None:
    """An address value that gives the street gives its number too ("Adres | Glazeniersweg 2"): a number labelled
    far from it ("Nr 1" heading a list of documents) is another thing's. Close by, a number labelled on its own
    ("Huisnummer | 12a" under "Straat | Dorpsstraat") may be the finer reading and stays."""
    street, number = chosen.get("straat"), chosen.get("huisnummer")
    if street is None or number is None or number.order == street.order:
        return
    own = [c for c in cands if c.field == "huisnummer" and c.order == street.order]
    if own and abs(number.order // 100 - street.order // 100) > NUMBER_NEAR_STREET:
        chosen["huisnummer"] = max(own, key=lambda c: c.conf)


_NAMES_NUMBER = re.compile(r"huisn|nummer|\bnr\b")


def _street_named_with_a_number(chosen: dict[str, Cand], cands: list[Cand], ref: Reference) -> None:
    """A street whose name ends in a number ("Wijk 3" on Urk) in a street's own cell, its house number labelled
    beside it ("Straat | Nr." over "Wijk 3 | 13"): the number read from the street's cell is part of its name."""
    street, number = chosen.get("straat"), chosen.get("huisnummer")
    if street is None or number is None or number.order != street.order or not str(number.value).isdigit() \
            or getattr(ref.labels.get(street.label), "field", None) != "straat" or _NAMES_NUMBER.search(street.label):
        return  # (an address's label, "Adres | Kerkstraat 12" or "Straat en huisnummer", gives the number too)
    # (a finer reading of the same number, "12a" labelled beside "Kerkstraat 12", is that number's, not another;
    # a number is labelled as one: "Nr." or "Huisnummer", not a party's "Adres bouwer")
    apart = [c for c in cands if c.field == "huisnummer" and c.order != street.order and c.conf >= street.conf - 0.1
             and getattr(ref.labels.get(c.label), "field", None) in ("huisnummer", "huisnummer_kaal")
             and abs(c.order // 100 - street.order // 100) <= NUMBER_NEAR_STREET
             and not re.match(rf"{number.value}(?!\d)", str(c.value))]
    if apart and len({c.value for c in apart}) == 1:
        chosen["straat"] = replace(street, value=f"{street.value} {number.value}")
        chosen["huisnummer"] = max(apart, key=lambda c: c.conf)


# a melder who writes of their own building ("Hierbij meld ik de start ... voor mijn nieuwe woning")
_OWN_BUILDING = re.compile(r"(?i)\b(?:mijn|onze) (?:nieuwe |eigen )?(?:woning|huis|schuur|garage|bijgebouw|aanbouw|uitbouw|"
                           r"bedrijfshal|loods|kapschuur|vakantiewoning)\b")
MELDER_ZONE = 40  # body lines where a melder says whose building it is


def _melder(kind: str, chosen: dict[str, Cand], ref: Reference, lines: list) -> None:
    """The melder is a bouwmelding's: the gemachtigde when one is named, else the initiatiefnemer. A later notice
    keeps no melder; one who writes of their own building ("mijn woning") is its initiatiefnemer (a guess)."""
    role = chosen.pop("melder_rol", None)
    if role is not None and role.value == "initiatiefnemer" and "melder" in chosen and "initiatiefnemer" not in chosen:
        # "Wie doet deze melding? | R. Haverkamp" and "In welke rol? | Initiatiefnemer": the form says who it is
        c = chosen["melder"]
        chosen["initiatiefnemer"] = replace(c, field="initiatiefnemer", conf=min(c.conf, role.conf))
    if role is not None and role.value == "kwaliteitsborger" and "melder" in chosen \
            and "kwaliteitsborger" not in chosen and (entry := ref.match_borger(str(chosen["melder"].value))):
        # "Ingediend door | Rol: Kwaliteitsborger | Organisatie: WTT Kwaliteitsborging B.V.": the borger filed it
        c = chosen["melder"]
        chosen["kwaliteitsborger"] = replace(c, field="kwaliteitsborger", value=entry.naam, conf=min(c.conf, role.conf))
    if kind != "bouwmelding" and role is None and "melder" in chosen and "initiatiefnemer" not in chosen \
            and not _firm(str(chosen["melder"].value)) \
            and any(_OWN_BUILDING.search(ln.text) for ln in lines[:MELDER_ZONE] if ln.region == "body"):
        c = chosen["melder"]
        chosen["initiatiefnemer"] = replace(c, field="initiatiefnemer", conf=min(c.conf, MELDER_AS_INITIATOR))
    if kind != "bouwmelding":
        for name in MELDER_FIELDS:
            chosen.pop(name, None)
        return
    if "melder" not in chosen and "initiatiefnemer" in chosen:
        c = chosen["initiatiefnemer"]
        chosen["melder"] = Cand("melder", c.value, c.conf, c.order, c.page, c.fragment, c.label)
    elif "initiatiefnemer" not in chosen and "melder" in chosen and role is None:
        # "Melder: Thijs van den Heuvel" and no initiatiefnemer named: a private person melds their own building
        # (a firm that melds is most often the gemachtigde); still a guess
        c = chosen["melder"]
        if "gemachtigde" not in c.label and not _firm(str(c.value)):
            chosen["initiatiefnemer"] = Cand("initiatiefnemer", c.value, min(c.conf, MELDER_AS_INITIATOR), c.order,
                                             c.page, c.fragment, c.label)


def _firm(name: str) -> bool:
    return bool(nz.LEGAL_FORM.search(name) or _FIRM_WORDS.search(name))


def _unreadable(kind: str, hits: list, cands: list[Cand], fields: dict[str, FieldValue]) -> dict[str, str]:
    """Required fields whose label was found (strongly: "Label: value" or a table cell) but whose value did not
    parse: name -> the label as found. Those are no `ontbreekt` (the document has them), but a warning."""
    if kind in (KIND_UNKNOWN, KIND_UNREADABLE):
        return {}
    produced = {(c.order, c.field) for c in cands}
    orders_with_value = {c.order for c in cands}
    out: dict[str, str] = {}
    for h in hits:
        name = _TARGET_FIELD.get(h.info.field, h.info.field)
        if h.sep not in (":", "\t", "column") or not h.value.strip() or h.line.sender or h.line.party:
            continue
        if name in fields or (name == "locatie" and any(f in fields for f in _LOCATION_ANY)):
            continue
        if h.order in orders_with_value and (h.order, h.info.field) in produced:
            continue
        if is_void(h.value):
            continue
        out.setdefault(name, h.info.label)
    return {k: v for k, v in out.items() if k in ("kwaliteitsborger", "instrument", "locatie", "startdatum",
                                                  "ingebruikname", "verzoeknummer", "datum")}


def _merge_toevoeging(chosen: dict[str, Cand]) -> None:
    add = chosen.get("toevoeging")
    nr = chosen.get("huisnummer")
    if add and nr and add.value and not str(nr.value)[-1:].isalpha() and "-" not in str(nr.value):
        value = str(add.value)
        # one letter is the huisletter ("12" + "A" -> "12a"); more is a toevoeging after a dash ("12" + "hs" -> "12-hs")
        letter = value[:1] in "-/" or (value.isalpha() and len(value) == 1)
        joined = f"{nr.value}{value}" if letter else f"{nr.value}-{value}"
        chosen["huisnummer"] = Cand("huisnummer", joined, nr.conf, nr.order, nr.page, nr.fragment, nr.label)


def _merge_perceel(chosen: dict[str, Cand]) -> None:
    """"Kadastrale gemeente" + "Sectie" + "Perceelnummer" on separate labels -> one `kadastraal`."""
    parts = [chosen.pop(name, None) for name in ("kad_gemeente", "kad_sectie", "kad_nummer")]
    if "kadastraal" in chosen or not all(parts):
        return
    gem, sec, nr = parts
    fragment = " / ".join(dict.fromkeys(p.fragment for p in parts))[:160]
    chosen["kadastraal"] = Cand("kadastraal", f"{gem.value} {sec.value} {nr.value}", min(p.conf for p in parts),
                                gem.order, gem.page, fragment, gem.label)


def _prefer_listed(chosen: dict[str, Cand], lines: list, ref: Reference) -> None:
    """A one-word borger or instrument that no list knows ("Ontwerpbeoordeling", "Fundering": a table's cell beside
    the label) while the document names a listed one elsewhere: the listed one, as a guess to check. A name of
    several words that is not on the list ("BouwZeker 2.0") stays: unlisted instruments exist and are flagged."""
    for field_name, match in (("kwaliteitsborger", ref.match_borger), ("instrument", ref.match_instrument)):
        cand = chosen.get(field_name)
        if cand is None or " " in str(cand.value).strip() or match(str(cand.value)) is not None:
            continue
        named = {entry.naam: ln for ln in lines if ln.text and ln.region == "body" and (entry := match(ln.text[:300]))}
        if len(named) == 1:
            (naam, ln), = named.items()
            chosen[field_name] = replace(cand, value=naam, conf=min(cand.conf, 0.6), fragment=ln.text[:200],
                                         order=ln.pos * 100)


def _check_reference(chosen: dict[str, Cand], ref: Reference) -> list[str]:
    out: list[str] = []
    inst = chosen.get("instrument")
    if inst is not None and ref.match_instrument(str(inst.value)) is None:
        out.append(
            f"Instrument '{inst.value}' staat niet op de referentielijst van toegelaten instrumenten: "
            "controleer het TloKB-register."
        )
    kb = chosen.get("kwaliteitsborger")
    borger = ref.match_borger(str(kb.value)) if kb is not None else None
    if kb is not None and borger is None:
        out.append(
            f"Kwaliteitsborger '{kb.value}' staat niet op de referentielijst: controleer het TloKB-register."
        )
    instrument = ref.match_instrument(str(inst.value)) if inst is not None else None
    if borger and instrument and borger.instrumenten and instrument.naam not in borger.instrumenten:
        out.append(
            f"Kwaliteitsborger {borger.naam} is volgens de referentielijst niet toegelaten voor instrument "
            f"{instrument.naam}: controleer het TloKB-register."
        )
    return out


def _missing(kind: str, fields: dict[str, FieldValue], ref: Reference) -> tuple[str, ...]:
    rule = ref.kinds.get(kind)
    if rule is None:
        return ()
    out = []
    for need in rule.required:
        if need == "locatie":
            if not any(f in fields for f in _LOCATION_ANY):
                out.append("locatie")
        elif need not in fields:
            out.append(need)
    return tuple(out)
