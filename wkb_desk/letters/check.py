"""`wkb-desk templates`: open every template and say in Dutch what is wrong, naming the template and the place.

Per paragraph of the body, tables, text boxes, headers and footers: tags that are not closed or broken,
unknown variables, Word's curly quotes inside a tag, and tags split over several runs (Word does that when
part of a tag is typed with other formatting or autocorrected). Then the template is rendered with example
data: what still fails, or leaves template syntax behind, makes it unusable. A decision without the
bezwaarclausule is unusable too.

Problems are "fout" (the template cannot be used: its letters get status sjabloon_fout) or "let op"
(it works, but should be tidied: docxtpl repairs curly quotes and split runs itself).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import meta

from wkb_desk.config import Settings
from wkb_desk.letters.context import VARIABLES, example_context
from wkb_desk.letters.kinds import KINDS, LetterKind
from wkb_desk.letters.render import TemplateProblem, jinja_env, render

ERROR = "fout"
WARNING = "let op"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_OPEN = re.compile(r"\{[{%#]")
_CLOSE = re.compile(r"[}%#]\}")
_CURLY = "‘’‚“”„"
_LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}")


@dataclass
class Finding:
    level: str  # ERROR | WARNING
    place: str  # Dutch: "hoofdtekst, alinea 12" / "koptekst 1, alinea 2" / "tabel in hoofdtekst, alinea 20"
    message: str


@dataclass
class TemplateReport:
    name: str
    kind: LetterKind | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return not any(f.level == ERROR for f in self.findings)


def check_all(settings: Settings) -> list[TemplateReport]:
    """One report per letter kind (missing templates included) and per other .docx in the folder."""
    folder = settings.paden.sjablonen
    reports = []
    known = set()
    for kind in KINDS:
        known.add(kind.sjabloon)
        path = folder / kind.sjabloon
        if not path.exists():
            on = bool(getattr(settings.brieven, kind.soort, False))
            reports.append(TemplateReport(kind.sjabloon, kind, [Finding(
                ERROR if on else WARNING, "bestand",
                f"het sjabloon ontbreekt in {folder}" + ("" if on else " (deze brief staat uit in [brieven])"))]))
            continue
        reports.append(check_template(settings, path, kind))
    for path in sorted(folder.glob("*.docx")):
        if path.name not in known and not path.name.startswith("~$"):
            report = check_template(settings, path, None)
            report.findings.insert(0, Finding(WARNING, "bestand", "geen brief gebruikt dit sjabloon (de naam hoort "
                                                                  "bij geen soort; zie sjablonen/LEESMIJ.md)"))
            reports.append(report)
    return reports


def check_template(settings: Settings, path: Path, kind: LetterKind | None) -> TemplateReport:
    report = TemplateReport(path.name, kind)
    try:
        data = path.read_bytes()
        parts = _parts(data)
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        report.findings.append(Finding(ERROR, "bestand", f"geen Word-document (.docx) dat te openen is: {exc}"))
        return report
    paragraphs = [(f"{label}, alinea {number}", text, runs)
                  for part_name, label in parts
                  for number, (text, runs) in enumerate(_paragraphs(_read(data, part_name)), 1)]
    loops = {name for _p, text, _r in paragraphs for m in _FOR.finditer(text) for name in m.groups() if name}
    for place, text, runs in paragraphs:
        if "{" in text or "}" in text:
            _check_paragraph(report, place, text, runs, loops)
    _check_render(settings, report, data, kind)
    return report


def _parts(data: bytes) -> list[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
    if "word/document.xml" not in names:
        raise KeyError("word/document.xml ontbreekt")
    out = [("word/document.xml", "hoofdtekst")]
    for prefix, label in (("word/header", "koptekst"), ("word/footer", "voettekst")):
        for name in sorted(n for n in names if n.startswith(prefix) and n.endswith(".xml")):
            number = re.sub(r"\D", "", name.rsplit("/", 1)[1]) or "1"
            out.append((name, f"{label} {number}"))
    return out


def _read(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


def _paragraphs(xml: bytes) -> list[tuple[str, list[str]]]:
    """(text, the texts of its runs) per paragraph, in document order (table cells and text boxes included)."""
    from defusedxml.ElementTree import fromstring

    root = fromstring(xml)
    out = []
    for p in root.iter(f"{_W}p"):
        runs = []
        for r in p.iter(f"{_W}r"):
            t = "".join(x.text or "" for x in r.iter(f"{_W}t"))
            if t:
                runs.append(t)
        out.append(("".join(runs), runs))
    return out


def _check_paragraph(report: TemplateReport, place: str, text: str, runs: list[str], loops: set[str]) -> None:
    add = report.findings.append
    opens, closes = len(_OPEN.findall(text)), len(_CLOSE.findall(text))
    if opens != closes:
        snippet = text.strip()[:80]
        if opens > closes:
            add(Finding(ERROR, place, f"een tag wordt niet afgesloten (ontbreekt '}}}}' of '%}}'): “{snippet}”"))
        else:
            add(Finding(ERROR, place, f"een tag sluit zonder begin (ontbreekt '{{{{' of '{{%'): “{snippet}”"))
    for m in _TAG.finditer(text):
        tag = m.group(0)
        inner = tag[2:-2].strip()
        if any(c in tag for c in _CURLY):
            add(Finding(WARNING, place, f"gekrulde aanhalingstekens in {tag}: vervang ze door rechte (' of \"); "
                                        "zet in Word 'slimme aanhalingstekens' uit"))
        if tag.startswith("{{"):
            try:
                jinja2.Environment().parse(tag.translate(_STRAIGHT))
            except jinja2.TemplateSyntaxError as exc:
                add(Finding(ERROR, place, f"kapotte tag {tag}: {_dutch(exc)}"))
                continue
            names = meta.find_undeclared_variables(jinja2.Environment().parse(tag.translate(_STRAIGHT)))
            unknown = sorted(n for n in names if n not in VARIABLES and n not in loops and n != "loop")
            for name in unknown:
                add(Finding(ERROR, place, f"onbekende variabele '{name}' in {tag} (zie sjablonen/LEESMIJ.md voor de "
                                          "namen)"))
        elif tag.startswith("{%") and not inner:
            add(Finding(ERROR, place, f"lege tag {tag}"))
        if _split(tag, m.start(), runs):
            add(Finding(WARNING, place, f"de tag {tag} staat verspreid over stukken met verschillende opmaak; typ hem "
                                        "opnieuw in één keer (of plak als platte tekst) zodat Word hem heel laat"))


_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})
_FOR = re.compile(r"\{%-?\s*(?:p|tr|tc|r)?\s*for\s+(\w+)(?:\s*,\s*(\w+))?\s+in\b")


def _split(tag: str, start: int, runs: list[str]) -> bool:
    pos = 0
    for text in runs:
        end = pos + len(text)
        if pos <= start < end:
            return start + len(tag) > end
        pos = end
    return False


def _dutch(exc: jinja2.TemplateSyntaxError) -> str:
    msg = exc.message or str(exc)
    wanted = re.findall(r"'(end\w+)'", msg)
    if "Unexpected end of template" in msg and wanted:
        return f"een blok is niet afgesloten: '{{% {wanted[0]} %}}' ontbreekt"
    m = re.search(r"Encountered unknown tag '([^']+)'", msg)
    if m:
        return f"onbekende of losse tag '{m.group(1)}' (past bij geen geopend blok)"
    if "unexpected char" in msg:
        return f"onverwacht teken in de tag ({msg})"
    return f"ongeldige tag ({msg})"


def _check_render(settings: Settings, report: TemplateReport, data: bytes, kind: LetterKind | None) -> None:
    """Whole-template checks: blocks opened and closed, every name known, and a real rendering."""
    from docxtpl import DocxTemplate

    try:
        tpl = DocxTemplate(io.BytesIO(data))
        names = tpl.get_undeclared_template_variables(jinja_env())
    except jinja2.TemplateSyntaxError as exc:
        if report.usable or "end of template" in (exc.message or ""):  # else: the broken tag already named
            report.findings.append(Finding(ERROR, _locate(data, exc), _dutch(exc)))
        return
    except Exception as exc:  # noqa: BLE001
        report.findings.append(Finding(ERROR, "bestand", f"het sjabloon kan niet gelezen worden ({exc})"))
        return
    already = {f.message.split("'")[1] for f in report.findings if f.message.startswith("onbekende variabele")}
    for name in sorted(n for n in names if n not in VARIABLES and n not in already):
        report.findings.append(Finding(ERROR, "sjabloon", f"onbekende variabele '{name}' (zie sjablonen/LEESMIJ.md)"))
    if not report.usable:
        return
    try:
        letter = render(data, example_context(settings), name=report.name)
    except TemplateProblem as problem:
        report.findings.append(Finding(ERROR, "sjabloon", f"vullen met voorbeeldgegevens mislukt: {problem}"))
        return
    text = "\n".join(t for part, _label in _parts(letter) for t, _r in _paragraphs(_read(letter, part)))
    left = _LEFTOVER.search(text)
    if left:
        around = text[max(0, left.start() - 30): left.end() + 30].replace("\n", " ")
        report.findings.append(Finding(ERROR, "sjabloon", f"na het vullen staat er nog sjabloontekst: “{around}”"))
    if kind is not None and kind.besluit and not ("bezwaar" in text.lower() and "zes weken" in text.lower()):
        report.findings.append(Finding(ERROR, "sjabloon", "dit is een besluit, maar de bezwaarclausule ontbreekt "
                                                          "(bezwaar binnen zes weken, bij wie en waar)"))


_BLOCK = re.compile(r"\{%-?\s*(?:p|tr|tc|r)?\s*(end)?(for|if|with|macro|block|filter|call|set)\b")


def _locate(data: bytes, exc: jinja2.TemplateSyntaxError) -> str:
    """Best effort: the paragraph whose block is never closed (a stack over all tags), else the whole template."""
    wanted = re.findall(r"'end(\w+)'", exc.message or "")
    if not wanted:
        return "sjabloon"
    stack: list[tuple[str, str]] = []
    for part, label in _parts(data):
        for number, (text, _runs) in enumerate(_paragraphs(_read(data, part)), 1):
            for m in _BLOCK.finditer(text):
                if m.group(2) == "set" and "%}" in text[m.end():] and "=" in text[m.end():text.find("%}", m.end())]:
                    continue  # {% set x = ... %} opens no block
                if m.group(1):
                    for i in range(len(stack) - 1, -1, -1):
                        if stack[i][0] == m.group(2):
                            del stack[i]
                            break
                else:
                    stack.append((m.group(2), f"{label}, alinea {number}"))
    open_ = [place for name, place in stack if name == wanted[0]]
    return open_[-1] if open_ else "sjabloon"


def format_report(reports: list[TemplateReport]) -> list[str]:
    lines = []
    for report in reports:
        head = "bruikbaar" if report.usable else "NIET BRUIKBAAR"
        lines.append(f"{report.name}: {head}")
        for f in report.findings:
            lines.append(f"  [{f.level}] {f.place}: {f.message}")
    return lines
