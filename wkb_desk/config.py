"""config.toml -> validated, immutable settings.

The config file is found by --config PATH, else $WKB_DESK_CONFIG, else ./config.toml.
Relative paths resolve against the folder of the config file. Every problem is reported
in Dutch with the key's name and the fix (exit code ExitCode.CONFIG).

The schema below is the one place that knows each key, its type and its default; the README's
configuration reference mirrors it.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from wkb_desk.errors import ConfigError

ENV_VAR = "WKB_DESK_CONFIG"


@dataclass(frozen=True)
class Paths:
    inbox: Path = Path("inbox")
    outbox: Path = Path("outbox")
    archief: Path = Path("archief")
    fouten: Path = Path("fouten")
    register: Path = Path("register/wkb-register.xlsx")
    database: Path = Path("data/wkb-desk.sqlite")
    sjablonen: Path = Path("sjablonen")
    logboek: Path = Path("logboek")
    # Optional folder with the municipality's own reference data (instruments, borgers, label synonyms).
    referentie: Path = Path("referentie")


@dataclass(frozen=True)
class Limits:
    max_bestand_mb: float = 100.0  # a larger file goes to quarantine unread
    max_paginas: int = 500  # pages (PDF) or sheets x 100 rows (XLSX) read at most
    max_zip_leden: int = 200
    max_zip_totaal_mb: float = 300.0  # uncompressed total of a ZIP's members
    max_compressieverhouding: float = 100.0  # uncompressed / compressed per member: above is a zip bomb
    max_nesting: int = 3  # ZIP in ZIP in e-mail ...
    max_seconden: float = 60.0  # reading one file; a hanging reader is stopped


@dataclass(frozen=True)
class Terms:
    """Legal terms. Each default names its source; a municipality corrects them here, not in code."""

    melding_dagen_voor_start: int = 28  # Bbl art. 2.18 lid 1: ten minste vier weken
    melding_geldig_dagen: int = 365  # Bbl art. 2.18 lid 2: binnen een jaar starten
    startmelding_werkdagen: int = 2  # Bbl art. 7.7 lid 1: twee werkdagen voor de start
    gereedmelding_dagen_voor_gebruik: int = 14  # Bbl art. 2.21 lid 1: twee weken voor ingebruikname
    eindmelding_werkdagen: int = 1  # Bbl art. 7.7 lid 2: eerste werkdag na het einde
    herinnering_dagen: int = 14  # ontwerpkeuze: signaal zoveel dagen voor een termijn verloopt
    extra_vrije_dagen: tuple[dt.date, ...] = ()  # brugdagen en andere dagen zonder werkdag


@dataclass(frozen=True)
class Policy:
    # How phased delivery is handled (domain §1): "wachten" | "per_fase_informatie" | "per_fase_melding"
    fasering: str = "wachten"
    # Minimum kind score; a lower one is shown as a guess ("soort onzeker").
    min_soort_zekerheid: float = 0.5
    # Minimum confidence of a read value; a lower one is a guess: shown under "Te controleren", and a flag
    # resting on it waits for a person (`<code>_controleren`), see rules/certainty.py.
    min_veld_zekerheid: float = 0.8


@dataclass(frozen=True)
class BloArea:
    naam: str
    postcodes: tuple[str, ...] = ()  # 4-digit prefixes or full postcodes
    plaatsen: tuple[str, ...] = ()
    trefwoorden: tuple[str, ...] = ()  # words that show the risicobeoordeling covers it


@dataclass(frozen=True)
class RegisterSettings:
    max_seconden_achter: float = 30.0  # the register follows the ledger at most this far behind
    backups: int = 10  # versions kept in the backup folder beside the register
    binnenkort_dagen: int = 7  # a deadline this close is shown orange


@dataclass(frozen=True)
class WatcherSettings:
    modus: str = "auto"  # "auto" | "native" | "polling"
    rust_seconden: float = 2.0  # no change for this long -> the file is complete
    poll_seconden: float = 5.0
    volledige_scan_minuten: float = 10.0  # periodic rescan in native mode
    onvolledig_melden_minuten: float = 30.0
    max_wachten_seconden: float = 120.0  # ingest/daily wait this long at most for files still being written


# --- the daily run and its e-mail (issue 10) --------------------------------------------------

SMTP_PASSWORD_ENV = "WKB_DESK_SMTP_WACHTWOORD"  # the SMTP password: only from the environment, never config.toml


@dataclass(frozen=True)
class EmailSettings:
    """[email]: the day overview by SMTP. These key names are a published contract (README)."""

    aan: tuple[str, ...] = ()  # empty (or no table): no e-mail
    van: str = ""
    server: str = ""
    poort: int = 587
    beveiliging: str = "starttls"  # "geen" | "starttls" | "ssl"
    gebruiker: str = ""  # empty: no login

    @property
    def enabled(self) -> bool:
        return bool(self.aan)


@dataclass(frozen=True)
class DailySettings:
    """[dagelijks]: when `wkb-desk run` makes the daily run, and what the day overview shows."""

    tijd: str = "07:00"  # HH:MM, local time
    vooruit_werkdagen: int = 5  # deadlines this many werkdagen ahead are listed as coming up
    herinneringen_team: bool = True  # the overview lists coming deadlines (the reminders to the team)
    inhalen_max_dagen: int = 7  # at most this many missed days are caught up, oldest first
    mail_opnieuw_minuten: float = 30.0  # `run` retries a waiting e-mail this often (every run retries too)

    @property
    def hour_minute(self) -> tuple[int, int]:
        hour, minute = self.tijd.split(":")
        return int(hour), int(minute)


# --- letters (issue 9) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Municipality:
    """[gemeente]: who writes the letters; every value appears in the letterhead, signature or bezwaarclausule."""

    naam: str = ""
    adres: str = ""
    postcode: str = ""
    plaats: str = ""
    telefoon: str = ""
    email: str = ""
    website: str = ""
    logo: str = ""  # image file, relative to the config file; empty: no logo
    contactpersoon: str = ""
    ondertekenaar: str = ""
    functie: str = ""
    bezwaar_orgaan: str = ""  # the body that decided and receives an objection (Awb 6:7/6:8)
    bezwaar_adres: str = ""
    bezwaar_postcode: str = ""
    bezwaar_plaats: str = ""


@dataclass(frozen=True)
class LetterSettings:
    """[brieven]: which event makes which letter (on/off per kind), terms in letters, PDF."""

    ontvangstbevestiging_bouwmelding: bool = True  # a bouwmelding arrived
    bouwmelding_compleet: bool = True  # the bouwmelding with its attachments is complete
    melding_niet_compleet: bool = True  # decision: the bouwmelding misses something
    aanvullende_informatie: bool = True  # a startmelding or gereedmelding misses something (no decision)
    ontvangstbevestiging_startmelding: bool = True
    ontbreken_startmelding: bool = True  # the planned start passed without a startmelding
    ontvangstbevestiging_gereedmelding: bool = True
    gereedmelding_onvolledig: bool = True  # decision: no verklaring, ingebruikname not allowed
    herinnering_gereedmelding: bool = True  # the planned ingebruikname nears, no gereedmelding yet
    herinnering_dagen: int = 28  # the reminder goes this many days before the planned ingebruikname
    reactietermijn_dagen: int = 14  # "send it before ...": the letter date plus this many days
    pdf: bool = True  # also a PDF, where LibreOffice (soffice) is installed
    pdf_seconden: float = 60.0  # time limit for one PDF


@dataclass(frozen=True)
class OcrSettings:
    """Text recognition for scans and photos (wkb_desk/ocr/)."""

    engine: str = "auto"  # "auto" (Tesseract with Dutch when installed, else RapidOCR) | "tesseract" | "rapidocr" | "uit"
    tesseract: str = ""  # path to tesseract(.exe); empty: search PATH and the usual install folders
    taal: str = "nld"  # Tesseract language data
    dpi: int = 300  # PDF pages are rendered at this resolution before recognition
    max_paginas: int = 20  # pages recognised per file; later pages get a warning
    seconden_per_pagina: float = 60.0  # time limit per page; a page that takes longer is stopped
    min_tekens: int = 40  # a scan yielding fewer characters in total goes to quarantine


@dataclass(frozen=True)
class Settings:
    config_path: Path
    paden: Paths = field(default_factory=Paths)
    limieten: Limits = field(default_factory=Limits)
    termijnen: Terms = field(default_factory=Terms)
    beleid: Policy = field(default_factory=Policy)
    blo: tuple[BloArea, ...] = ()
    register: RegisterSettings = field(default_factory=RegisterSettings)
    watcher: WatcherSettings = field(default_factory=WatcherSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
    dagelijks: DailySettings = field(default_factory=DailySettings)
    ocr: OcrSettings = field(default_factory=OcrSettings)
    gemeente: Municipality = field(default_factory=Municipality)
    brieven: LetterSettings = field(default_factory=LetterSettings)

    @property
    def base_dir(self) -> Path:
        return self.config_path.parent

    def to_display(self) -> dict[str, Any]:
        return _display(self)


_CHOICES = {
    ("beleid", "fasering"): ("wachten", "per_fase_informatie", "per_fase_melding"),
    ("watcher", "modus"): ("auto", "native", "polling"),
    ("email", "beveiliging"): ("geen", "starttls", "ssl"),
    ("ocr", "engine"): ("auto", "tesseract", "rapidocr", "uit"),
}
_SECTIONS = {
    "paden": Paths,
    "limieten": Limits,
    "termijnen": Terms,
    "beleid": Policy,
    "register": RegisterSettings,
    "watcher": WatcherSettings,
    "email": EmailSettings,
    "dagelijks": DailySettings,
    "ocr": OcrSettings,
    "gemeente": Municipality,
    "brieven": LetterSettings,
}


def find_config(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        path = Path(explicit)
        source = "--config"
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
        source = f"de omgevingsvariabele {ENV_VAR}"
    else:
        path = Path("config.toml")
        source = "de huidige map"
    if not path.is_file():
        raise ConfigError(
            f"Configuratiebestand niet gevonden: {path} (via {source}).",
            "Geef het pad met --config PAD, zet WKB_DESK_CONFIG, of start in de map met config.toml.",
        )
    return path.resolve()


def load_settings(explicit: str | os.PathLike | None = None, *, create_dirs: bool = True) -> Settings:
    path = find_config(explicit)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is geen geldige TOML: {exc}.", "Herstel de regel die genoemd wordt.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} kan niet gelezen worden: {exc}.", "Controleer de rechten en de codering (UTF-8).") from exc
    settings = parse_settings(raw, path)
    if create_dirs:
        check_folders(settings)
    return settings


def parse_settings(raw: dict[str, Any], path: Path) -> Settings:
    base = path.parent
    kwargs: dict[str, Any] = {}
    for section, value in raw.items():
        if section == "blo":
            kwargs["blo"] = _parse_blo(value)
            continue
        cls = _SECTIONS.get(section)
        if cls is None:
            raise ConfigError(
                f"Onbekende sectie [{section}] in {path.name}.",
                f"Toegestaan zijn: {', '.join(sorted([*_SECTIONS, 'blo']))}. Controleer de spelling.",
            )
        if not isinstance(value, dict):
            raise ConfigError(f"[{section}] moet een tabel zijn.", f"Schrijf het als [{section}] met sleutels eronder.")
        kwargs[section] = _parse_section(section, cls, value, base)
    # Paths that were not given still resolve against the config folder.
    kwargs.setdefault("paden", _parse_section("paden", Paths, {}, base))
    return Settings(config_path=path, **kwargs)


def _parse_section(section: str, cls: type, values: dict[str, Any], base: Path) -> Any:
    hints = get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    out: dict[str, Any] = {}
    if section == "email" and {"wachtwoord", "password"} & set(values):
        raise ConfigError("Een wachtwoord hoort niet in het configuratiebestand ([email]).",
                          f"Verwijder de regel en zet het wachtwoord in de omgevingsvariabele {SMTP_PASSWORD_ENV}.")
    for key, value in values.items():
        if key not in known:
            raise ConfigError(
                f"Onbekende sleutel '{key}' in [{section}].",
                f"Bekende sleutels: {', '.join(sorted(known))}. Controleer de spelling of verwijder de regel.",
            )
        out[key] = _coerce(f"{section}.{key}", hints[key], value)
        choices = _CHOICES.get((section, key))
        if choices and out[key] not in choices:
            raise ConfigError(
                f"Ongeldige waarde '{value}' voor {section}.{key}.",
                f"Kies een van: {', '.join(choices)}.",
            )
    if cls is Paths:
        for f in fields(Paths):
            p = out.get(f.name, f.default)
            out[f.name] = (base / p).resolve() if not Path(p).is_absolute() else Path(p)
    _check_daily(section, out)
    return cls(**out)


def _check_daily(section: str, out: dict[str, Any]) -> None:
    """[email] and [dagelijks]: the checks a type alone cannot make."""
    import re

    if section == "dagelijks" and "tijd" in out and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", out["tijd"]):
        raise ConfigError(f"Ongeldige waarde '{out['tijd']}' voor dagelijks.tijd.",
                          'Schrijf het tijdstip als UU:MM, bijvoorbeeld tijd = "07:00".')
    if section != "email" or not out.get("aan"):
        return
    for address in out["aan"]:
        if "@" not in address:
            raise ConfigError(f"'{address}' in email.aan is geen e-mailadres.", 'Schrijf bijvoorbeeld aan = ["teamleider@gemeente.nl"].')
    for key in ("van", "server"):
        if not out.get(key, "").strip():
            raise ConfigError(f"email.{key} ontbreekt, terwijl email.aan adressen heeft.",
                              f"Vul email.{key} in, of maak email.aan leeg om geen e-mail te sturen.")
    if "@" not in out["van"]:
        raise ConfigError(f"'{out['van']}' in email.van is geen e-mailadres.", 'Schrijf bijvoorbeeld van = "wkb-desk@gemeente.nl".')
    if not 0 < out.get("poort", 587) < 65536:
        raise ConfigError(f"Ongeldige poort {out['poort']} in email.poort.", "Gebruik 587 (starttls), 465 (ssl) of 25 (geen).")


def _coerce(key: str, hint: Any, value: Any) -> Any:
    origin = get_origin(hint)
    if hint is Path:
        if isinstance(value, str) and value.strip():
            return Path(value)
        _type_error(key, "een pad (tekst tussen aanhalingstekens)", value)
    if hint is bool:
        if isinstance(value, bool):
            return value
        _type_error(key, "true of false", value)
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        _type_error(key, "een geheel getal van 0 of meer", value)
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
            return float(value)
        _type_error(key, "een getal van 0 of meer", value)
    if hint is str:
        if isinstance(value, str):
            return value
        _type_error(key, "tekst tussen aanhalingstekens", value)
    if origin is tuple:
        item = get_args(hint)[0]
        if not isinstance(value, list):
            _type_error(key, "een lijst tussen [ ]", value)
        if item is dt.date:
            out = []
            for v in value:
                if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
                    out.append(v)
                else:
                    _type_error(key, "een lijst met datums zoals 2026-05-15 (zonder aanhalingstekens)", v)
            return tuple(out)
        if not all(isinstance(v, str) for v in value):
            _type_error(key, "een lijst met teksten", value)
        return tuple(value)
    raise AssertionError(f"no coercion for {key}: {hint}")  # a schema bug, not a user error


def _type_error(key: str, expected: str, value: Any) -> None:
    raise ConfigError(f"Ongeldige waarde voor {key}: {value!r}.", f"Verwacht: {expected}.")


def _parse_blo(value: Any) -> tuple[BloArea, ...]:
    if not isinstance(value, list):
        raise ConfigError("[[blo]] moet een lijst van gebieden zijn.", "Schrijf elk gebied als [[blo]] met naam = \"...\".")
    areas = []
    hints = get_type_hints(BloArea)
    known = {f.name for f in fields(BloArea)}
    for i, item in enumerate(value, 1):
        if not isinstance(item, dict) or "naam" not in item:
            raise ConfigError(f"Gebied {i} in [[blo]] heeft geen naam.", "Voeg naam = \"...\" toe.")
        for key in item:
            if key not in known:
                raise ConfigError(
                    f"Onbekende sleutel '{key}' in [[blo]] gebied {i}.",
                    f"Bekende sleutels: {', '.join(sorted(known))}.",
                )
        areas.append(BloArea(**{k: _coerce(f"blo.{k}", hints[k], v) for k, v in item.items()}))
    return tuple(areas)


def check_folders(settings: Settings) -> None:
    """Create the working folders; an unusable one is a config error naming its key."""
    p = settings.paden
    folders = {
        "inbox": p.inbox,
        "outbox": p.outbox,
        "archief": p.archief,
        "fouten": p.fouten,
        "logboek": p.logboek,
        "register": p.register.parent,
        "database": p.database.parent,
    }
    for key, folder in folders.items():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / f".wkb-desk-schrijftest-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise ConfigError(
                f"De map voor paden.{key} ({folder}) is niet bruikbaar: {exc.strerror or exc}.",
                f"Pas paden.{key} aan in {settings.config_path.name} of geef schrijfrechten op die map.",
            ) from exc
    if not p.sjablonen.is_dir():
        raise ConfigError(
            f"De map voor paden.sjablonen ({p.sjablonen}) bestaat niet.",
            f"Maak de map aan of pas paden.sjablonen aan in {settings.config_path.name}.",
        )


def _display(obj: Any) -> Any:
    if is_dataclass(obj):
        return {f.name: _display(getattr(obj, f.name)) for f in fields(obj) if f.name != "config_path"}
    if isinstance(obj, tuple):
        return [_display(v) for v in obj]
    if isinstance(obj, (Path, dt.date)):
        return str(obj)
    return obj
