"""Recognise a document's kind and extract its fields, each with page, text fragment and confidence.

    from wkb_desk.extract import extract, load_reference
    ref = load_reference(extra_dir)          # package data + the municipality's folder (paden.referentie)
    extraction = extract(read_result, ref)   # models.Extraction; pure, no I/O, never raises on odd text

Steps (each scans the lines once): lines with context -> labelled values -> sender zones and
sections -> candidates per field -> kind -> free-text fallbacks and per-kind extras -> reference
names for instrument and borger -> what is missing for the kind.
"""

from __future__ import annotations

import logging

from wkb_desk.extract.classify import classify
from wkb_desk.extract.extras import kind_extras, kind_fallbacks, prose_fields
from wkb_desk.extract.fields import (
    LOCATION_PARTS, Cand, best, candidates_from_hit, find_hits, join_wrapped_labels, plausible, to_field_value,
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
    join_wrapped_labels(lines, ref)
    mark_sections(lines, ref)
    hits = find_hits(lines, ref)
    # lines that open the document's own data; a letterhead's "KvK 123" or "T 053..." is no anchor
    anchors = {
        h.line.pos for h in hits
        if (not h.info.weak or h.sep in (":", "\t")) and h.info.field != "kvk" and not h.line.contact and plausible(h)
    }
    labelled = {h.line.pos for h in hits} | {h.value_line.pos for h in hits if h.sep != " "}
    mark_sender(lines, ref, anchors, labelled)
    # "KvK 69121052" without a colon next to a phone number or e-mail address is a letterhead's,
    # unless it sits in the applicant's block
    near_contact = {p for ln in lines if ln.contact for p in range(ln.pos - 2, ln.pos + 3)}
    hits = [h for h in hits if not (h.info.field == "kvk" and h.sep in (" ", "  ") and h.line.pos in near_contact
                                    and ref.section_names.get(h.line.section) != "initiatiefnemer")]
    # sender zones known: candidates from labelled values (location labels in sender zones are dropped)
    cands: list[Cand] = []
    for hit in hits:
        cands.extend(candidates_from_hit(hit, ref))
    chosen = best(cands)
    _merge_toevoeging(chosen)
    _merge_perceel(chosen)
    # structure: labelled fields, the parts of one address counting once
    found = {("locatie" if f in LOCATION_PARTS else f) for f in chosen if chosen[f].conf >= 0.7}
    used = {h.value_line.pos for h in hits} | {h.line.pos for h in hits}
    # values in sentences (letters, prose verklaringen) count for half
    prose = prose_fields(lines, ref, set(chosen), used)
    prose_found = {("locatie" if c.field in LOCATION_PARTS else c.field) for c in prose}
    kind, score, _ = classify(lines, ref, len(found) + 0.5 * len(prose_found - found))

    warnings: list[str] = []
    if kind != KIND_UNKNOWN:
        own = (chosen["verzoeknummer"].value,) if "verzoeknummer" in chosen else ()
        extra = prose + kind_fallbacks(lines, ref, set(chosen) | {c.field for c in prose}, kind, own)
        for c in extra:
            if c.field not in chosen:
                chosen[c.field] = c
        if kind in ("bouwmelding",):
            chosen.pop("verwijst_naar", None)  # a bouwmelding is what others refer to
        have = {f: c.value for f, c in chosen.items()}
        for c in kind_extras(kind, lines, ref, have):
            if c.field not in chosen:
                chosen[c.field] = c
    else:
        # text about Wkb documents: keep only what is clearly labelled, nothing guessed
        chosen = {f: c for f, c in chosen.items() if c.conf >= 0.85}

    if "verwijst_naar" in chosen and chosen.get("verzoeknummer") and \
            chosen["verwijst_naar"].value == chosen["verzoeknummer"].value:
        chosen.pop("verwijst_naar")
    warnings.extend(_check_reference(chosen, ref))
    chosen.pop("toevoeging", None)

    ocr_pages = {p.number for p in read.pages if p.ocr_engine and p.text}
    for name, c in chosen.items():
        if c.page in ocr_pages:  # only as sure as the recognition: a lower zekerheid marks it for checking
            chosen[name] = Cand(c.field, c.value, c.conf * OCR_CONFIDENCE, c.order, c.page, c.fragment, c.label)
    fields: dict[str, FieldValue] = {
        name: to_field_value(chosen[name]) for name in sorted(chosen, key=lambda n: _FIELD_ORDER.get(n, 999))
        if name in _FIELD_ORDER
    }
    missing = _missing(kind, fields, ref)
    if kind == KIND_UNKNOWN:
        warnings.append("Soort niet herkend: geen Wkb-document of een onbekende opmaak. Controleer het document.")
    elif score < 0.5:
        warnings.append(f"Soort onzeker ({kind}, zekerheid {score:.2f}): controleer het document.")
    if any(p.is_scan for p in read.pages):
        warnings.append("Een of meer pagina's zijn gescand zonder tekstlaag: controleer of velden ontbreken.")
    if ocr_pages:
        warnings.append("Gelezen met tekstherkenning (scan of foto): controleer de gegevens.")
    return Extraction(kind=kind, kind_score=score, fields=fields, missing=missing, warnings=tuple(warnings))


def _merge_toevoeging(chosen: dict[str, Cand]) -> None:
    add = chosen.get("toevoeging")
    nr = chosen.get("huisnummer")
    if add and nr and add.value and not str(nr.value)[-1:].isalpha() and "-" not in str(nr.value):
        value = str(add.value)
        joined = f"{nr.value}{value}" if value[:1] in "-/" or value.isalpha() else f"{nr.value}-{value}"
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
