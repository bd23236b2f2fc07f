"""The records passed between stages. Immutable, built without I/O.

Text conventions every reader follows (extraction relies on them):
- one `Page` per PDF page, per XLSX sheet, and for DOCX one body page plus separate header/footer pages;
- a table row is one line whose cells are separated by a TAB; empty cells are kept as empty strings
  between TABs only where a later cell has text (trailing empties are dropped); merged cells appear once;
- header and footer text (letterheads, the sender's own address) sit in pages with region "header"/"footer",
  never mixed into the body, so extraction can tell the project's address from the sender's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The kinds a document can be recognised as (a published contract: JSON output, ledger, register).
WKB_KINDS = (
    "bouwmelding",
    "borgingsplan",
    "risicobeoordeling",
    "startmelding",
    "gereedmelding",
    "verklaring",
    "dossier_bevoegd_gezag",
)
KIND_UNKNOWN = "onbekend"
KIND_UNREADABLE = "onleesbaar"
ALL_KINDS = WKB_KINDS + (KIND_UNKNOWN, KIND_UNREADABLE)

# Field names (a published contract). The first block comes from the issue; the second holds what
# a specific kind needs beyond that.
CORE_FIELDS = (
    "verzoeknummer",
    "datum",
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
    "bag_id",
    "kadastraal",
    "initiatiefnemer",
    "kvk",
    "kwaliteitsborger",
    "instrument",
    "gevolgklasse",
    "startdatum",
    "ingebruikname",
    "verklaring",
    "verwijst_naar",
    # the melder on a bouwmelding: the initiatiefnemer, or the gemachtigde who filed on their behalf; where
    # letters go. Never the building site, never the kwaliteitsborger's office.
    "melder",
    "melder_adres",  # correspondence street + house number ("Kerkstraat 12a") or "Postbus 123"
    "melder_postcode",
    "melder_plaats",
    "melder_email",
)
EXTRA_FIELDS = (
    "projectnaam",
    "bouwer",
    "aantal_bouwwerken",  # int
    "coordinaten",  # RD coordinates as written, "x, y"
    "bijlagen",  # list of kinds attached to a bouwmelding, e.g. ["borgingsplan", "risicobeoordeling"]
    "instrument_versie",
    "aantal_risicos",  # int
    "aantal_bijwoonmomenten",  # int
    "steekproef",  # str as written, e.g. "25%"
    "blo_benoemd",  # bool: bijzondere lokale omstandigheden covered
    "afwijkingen",  # list[str]: open deviations in a negative verklaring
    "bevat_dbg",  # bool: a gereedmelding includes the dossier bevoegd gezag
    "bevat_verklaring",  # bool: a gereedmelding includes the verklaring
    "gevolgklasse_signalen",  # list[str]: text hinting the project is not GK1 (monument, gelijkwaardige maatregel, ...)
)


@dataclass(frozen=True)
class Page:
    number: int  # 1-based: PDF page, XLSX sheet index; DOCX body is page 1
    text: str
    region: str = "body"  # "body" | "header" | "footer"
    label: str = ""  # sheet name for XLSX
    is_scan: bool = False  # a page without a text layer that no text recognition could read
    ocr_engine: str | None = None  # the engine that read this page from its image ("tesseract", "rapidocr")


@dataclass(frozen=True)
class Member:
    """A file inside a container (ZIP member, e-mail attachment)."""

    name: str  # path inside the archive or the attachment's file name, as given by the sender
    data: bytes


@dataclass(frozen=True)
class ReadResult:
    content_type: str  # "pdf" | "docx" | "xlsx" | "zip" | "eml" | "msg"
    pages: tuple[Page, ...] = ()
    members: tuple[Member, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def body_text(self) -> str:
        return "\n".join(p.text for p in self.pages if p.region == "body")

    @property
    def has_text(self) -> bool:
        return any(p.text.strip() for p in self.pages)

    @property
    def is_container(self) -> bool:
        return self.content_type in ("zip", "eml", "msg")


@dataclass(frozen=True)
class FieldValue:
    value: Any  # str | int | bool | list[str], normalised
    page: int | None = None
    fragment: str = ""  # the text the value came from
    confidence: float = 1.0  # 0..1
    label: str = ""  # the label that introduced it, if any

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "waarde": self.value,
            "pagina": self.page,
            "fragment": self.fragment,
            "zekerheid": round(self.confidence, 2),
        }
        if self.label:
            out["label"] = self.label
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "FieldValue":
        return cls(
            value=data.get("waarde"),
            page=data.get("pagina"),
            fragment=data.get("fragment", ""),
            confidence=float(data.get("zekerheid", 1.0)),
            label=data.get("label", ""),
        )


@dataclass(frozen=True)
class Extraction:
    kind: str
    kind_score: float = 0.0  # 0..1; below the configured threshold the kind is shown as a guess
    fields: dict[str, FieldValue] = field(default_factory=dict)
    missing: tuple[str, ...] = ()  # required fields for this kind that were not found
    warnings: tuple[str, ...] = ()  # Dutch, for people
    unreadable: tuple[str, ...] = ()  # required fields whose label was found but whose value could not be read

    def values(self) -> dict[str, Any]:
        return {name: fv.value for name, fv in self.fields.items()}

    def to_json(self) -> dict[str, Any]:
        return {
            "soort": self.kind,
            "soort_zekerheid": round(self.kind_score, 2),
            "velden": {name: fv.to_json() for name, fv in self.fields.items()},
            "ontbreekt": list(self.missing),
            "waarschuwingen": list(self.warnings),
            "onleesbaar": list(self.unreadable),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Extraction":
        return cls(
            kind=data["soort"],
            kind_score=float(data.get("soort_zekerheid", 0.0)),
            fields={k: FieldValue.from_json(v) for k, v in data.get("velden", {}).items()},
            missing=tuple(data.get("ontbreekt", ())),
            warnings=tuple(data.get("waarschuwingen", ())),
            unreadable=tuple(data.get("onleesbaar", ())),
        )


# --- dossiers: produced by the rules, consumed by the register, the daily run and letters -------

SEVERITIES = ("kritiek", "hoog", "middel", "info")  # kritiek/hoog -> red in the register, middel -> orange


@dataclass(frozen=True)
class Flag:
    code: str  # e.g. "startmelding_te_laat" (a published contract)
    severity: str  # one of SEVERITIES
    message: str  # one Dutch sentence a team lead understands, with the dates that matter


@dataclass(frozen=True)
class Deadline:
    code: str  # e.g. "uiterste_startmelding"
    date: Any  # datetime.date
    label: str  # Dutch, e.g. "Uiterste startmelding"


@dataclass(frozen=True)
class DossierView:
    """One dossier as the register and the JSON output show it, on a given reference date.

    Values already include the corrections people made (table `corrections`, keyed by these
    attribute names), so every consumer sees the same facts as the rules did.
    """

    dossier: str
    verzoeknummer: str | None = None
    adres: str | None = None  # "Straat 12a", or the kadastraal perceel / coordinates when there is no address
    postcode: str | None = None
    plaats: str | None = None
    omschrijving: str | None = None  # project name
    kwaliteitsborger: str | None = None
    instrument: str | None = None
    datum_bouwmelding: Any = None  # datetime.date
    geplande_start: Any = None
    startmelding: Any = None
    gereedmelding: Any = None
    ingebruikname: Any = None
    verklaring: str | None = None  # "positief" | "negatief" | None
    status: str = ""
    signalen: tuple[Flag, ...] = ()
    ontbreekt: tuple[str, ...] = ()
    volgende_termijn: Deadline | None = None
    deadlines: tuple[Deadline, ...] = ()
    documenten: tuple[str, ...] = ()  # original file names
    provisional: bool = False
    # names of the facts above (attribute names) whose value is a guess nobody checked: read with a confidence
    # below beleid.min_veld_zekerheid, or "not found" in a weakly read document (rules/certainty.py)
    te_controleren: tuple[str, ...] = ()
    # the bouwmelding's melder (initiatiefnemer or gemachtigde): where letters go; person corrections win
    melder: str | None = None
    melder_adres: str | None = None  # "Kerkstraat 12a" or "Postbus 123"
    melder_postcode: str | None = None
    melder_plaats: str | None = None
    melder_email: str | None = None
