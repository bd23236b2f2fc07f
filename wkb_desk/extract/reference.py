"""Reference data for extraction: label synonyms, kind rules, instruments and kwaliteitsborgers.

The packaged TOML files in `data/` are the base; a municipality's folder (config `paden.referentie`)
may hold TOML files of the same shape that extend them: lists are merged (no duplicates), tables
merged key by key, and an instrument or borger with the same `naam` replaces the packaged entry.
Everything is compiled once here, so extraction itself does no parsing of reference data.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from wkb_desk.errors import ConfigError

DATA_FILES = ("labels.toml", "soorten.toml", "referentie.toml")


_ROLE_IN_BRACKETS = re.compile(r"\(([a-zà-ÿ ]{3,30})\)\s*$")  # a heading's closing bracket names a role
_JOINED_HEADING = re.compile(r"\s+(?:en|&|\+)\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^0-9a-zà-ÿ]+")
SECTION_CACHE_SIZE = 50_000  # headings remembered per reference (a long-running watcher meets new ones for ever)
LABEL_MAX_CHARS = 90  # a label read by its words is at most this long ("Datum waarop met de bouwwerkzaamheden (inclusief
# ontgraven) wordt begonnen"); its words are counted apart (meaning.MAX_WORDS)


def norm_label(text: str) -> str:
    """Lower case, single spaces, no trailing colon: the form labels are compared in."""
    text = text.lower().replace("\u2019", "'").replace("–", "-")
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(":?").strip()


@dataclass(frozen=True)
class Entry:
    """An instrument or a kwaliteitsborger on the reference list."""

    naam: str
    aliassen: tuple[str, ...]
    laatst_gecontroleerd: dt.date | None
    instrumenten: tuple[str, ...] = ()
    pattern: re.Pattern | None = None  # whole-word match of any alias
    needles: tuple[str, ...] = ()  # lower-cased first word of each alias: a text without any cannot match


@dataclass(frozen=True)
class LabelInfo:
    field: str  # target field or composite parser
    label: str  # normalised label text
    weak: bool
    by_meaning: bool = False  # read by its key words (meaning.py), not found in a list


class LabelTable(dict):
    """The labels of the lists, and any other label text whose key words mean a field (meaning.py), as though it
    were listed. Read by meaning on demand and remembered apart: the answer for a text never depends on which
    documents were read before (registering such labels into the lists made it depend on that)."""

    def __init__(self, listed: dict[str, LabelInfo] | None = None) -> None:
        super().__init__(listed or {})
        self.resolve: Any = None  # str -> LabelInfo | None, set once the meaning rules are built
        self.read: dict[str, LabelInfo | None] = {}

    def by_meaning(self, key: str) -> LabelInfo | None:
        if self.resolve is None or not isinstance(key, str):
            return None
        if key in self.read:
            return self.read[key]
        info = self.resolve(key)
        if len(self.read) < 50000:
            self.read[key] = info
        return info

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or self.by_meaning(key) is not None  # type: ignore[arg-type]

    def get(self, key: str, default: Any = None) -> Any:
        info = dict.get(self, key)
        if info is None:
            info = self.by_meaning(key)
        return default if info is None else info

    def __missing__(self, key: str) -> LabelInfo:
        info = self.by_meaning(key)
        if info is None:
            raise KeyError(key)
        return info


@dataclass(frozen=True)
class KindRule:
    kind: str
    titles: tuple[str, ...]
    signals: tuple[tuple[re.Pattern, float], ...]
    required: tuple[str, ...]


@dataclass
class Reference:
    labels: LabelTable = field(default_factory=LabelTable)  # normalised label -> info
    negative: frozenset[str] = frozenset()
    party_sections: frozenset[str] = frozenset()
    project_sections: frozenset[str] = frozenset()
    kinds: dict[str, KindRule] = field(default_factory=dict)
    non_wkb: tuple[tuple[re.Pattern, float], ...] = ()
    unless_ticked: frozenset[str] = frozenset()  # non_wkb patterns that do not count where boxes are ticked
    unless_stated: frozenset[str] = frozenset()  # ... nor where the text says in its own words what kind it is
    mail_wrapper: tuple[tuple[re.Pattern, float], ...] = ()  # an e-mail's headers: see classify
    texts: dict[str, Any] = field(default_factory=dict)
    instruments: tuple[Entry, ...] = ()
    borgers: tuple[Entry, ...] = ()
    sources: tuple[str, ...] = ()
    # compiled
    label_re: re.Pattern | None = None  # a known label (positive or negative) at the start of a cell
    label_re_lower: re.Pattern | None = None
    inline_bare_re: re.Pattern | None = None
    inline_label_re: re.Pattern | None = None  # "Label:" in the middle of a line (two-column flow)
    inline_label_lower: re.Pattern | None = None  # the same for lower-cased text: IGNORECASE over every label is slow
    title_re_lower: re.Pattern | None = None
    title_re: re.Pattern | None = None
    compiled_texts: dict[str, Any] = field(default_factory=dict)
    # cell text -> its label reading (fields.match_label is pure given the lists): forms repeat their labels across
    # pages and documents, so a long-running watcher reads each label once; bounded by LABEL_CACHE_SIZE
    label_cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    label_first_words: frozenset[str] = frozenset()
    mendable_words: dict = field(default_factory=dict)  # first 3 letters -> long form words (fields.mend_split_words)
    section_first_words: frozenset[str] = frozenset()
    # pattern -> texts of which every match contains one (prefilter; empty: none known)
    literals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    leads: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)  # pattern -> (texts it may
    # start with, at the start of a line)
    signal_plan: dict = field(default_factory=dict)  # pattern -> (literals, leads, at line start), see _plan
    questions: tuple[tuple[LabelInfo, tuple[tuple[str, ...], ...], tuple[str, ...]], ...] = ()
    name_labels: frozenset[str] = frozenset()  # "naam", "bedrijfsnaam": whose name depends on the section
    section_names: dict[str, str] = field(default_factory=dict)  # section heading -> field its "Naam" fills
    meaning: Any = None  # meaning.Meaning: labels by their key words
    section_words: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (party kind | "project", heading prefixes)
    section_not: tuple[str, ...] = ()  # words that start like a block's but name none ("borgingsmomenten")
    # heading -> its section kind: the same headings recur on every page and in every document of a run
    section_cache: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def section_kind(self, heading: str) -> str:
        """"melder", "aanvrager", "kwaliteitsborger", "bouwer", "project" or "" for a normalised heading."""
        kind = self.section_cache.get(heading)
        if kind is None:
            kind = self._section_kind(heading)
            if len(self.section_cache) < SECTION_CACHE_SIZE:
                self.section_cache[heading] = kind
        return kind

    def _section_kind(self, heading: str) -> str:
        # a heading of two blocks in one ("Locatie en borging", "Project & kwaliteitsborging"): the first opens it
        first = _JOINED_HEADING.split(heading, 1)[0]
        if first != heading:
            kind = self._section_kind(first)
            if kind:
                return kind
        role = _ROLE_IN_BRACKETS.search(heading)
        if role:
            # "Gegevens van de melder (initiatiefnemer)": the bracket says whose block it is
            kind = self._section_kind(role.group(1))
            if kind:
                return kind
        words = [w for w in _NON_WORD.split(heading) if w and not w.startswith(self.section_not)]
        for kind, prefixes in self.section_words:
            if any(w.startswith(prefixes) for w in words):
                return kind
        return ""

    def label_by_meaning(self, text: str) -> str | None:
        """The normalised label of `text` when it is listed or its words mean a field, else None; `labels` then
        holds its info. A label meaning "overslaan" is returned but has no info: its value is skipped like a
        negative one."""
        if self.meaning is None:
            return None
        key = norm_label(text)
        if not key or len(key) > LABEL_MAX_CHARS:
            return None
        if dict.__contains__(self.labels, key) or key in self.negative:
            return key
        return key if self.meaning.field_of(key) is not None else None

    def _label_of_meaning(self, key: str) -> LabelInfo | None:
        """A label that is in no list but whose words mean a field: its info (see LabelTable)."""
        if self.meaning is None or not key or len(key) > LABEL_MAX_CHARS or key in self.negative:
            return None
        target = self.meaning.field_of(key)
        return LabelInfo(target, key, False, True) if target not in (None, "overslaan") else None

    def signal_in(self, rx: re.Pattern, text: str, present: dict[str, bool] | None = None) -> bool:
        """Whether the signal pattern `rx` matches lower-cased `text`, without scanning text that cannot match:
        the literal every match holds must be there, and where the pattern's own first words are known, it is only
        tried where they stand (at a line's start for a pattern that starts with ^). Signals run over whole
        documents, and a pattern that opens with \\b makes the regex engine try every position. `present`
        remembers which literals `text` holds, for the many signals tried on one text."""
        lit, leads, at_line_start = self.signal_plan.get(rx.pattern) or self._plan(rx)
        if lit:
            # (written out here: signals are tried by the hundred per document, most of them stop at this test)
            memo = present if present is not None else {}
            for x in lit:
                held = memo.get(x)
                if held is None:
                    held = memo[x] = x in text
                if held:
                    break
            else:
                return False
        if not leads:
            return _search_lines_holding(rx, text, lit) if lit else rx.search(text) is not None
        for lead in leads:
            if at_line_start and text.startswith(lead) and rx.match(text, 0):
                return True
            needle, skip = ("\n" + lead, 1) if at_line_start else (lead, 0)
            p = text.find(needle)
            while p >= 0:
                if rx.match(text, p + skip):  # (match(text, p) sees the text before p, as search() does)
                    return True
                p = text.find(needle, p + 1)
        return False

    def _plan(self, rx: re.Pattern) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        """(literals, leads, at a line's start) of a signal, looked up once."""
        leads, at_line_start = self.leads.get(rx.pattern, ((), False))
        plan = self.signal_plan[rx.pattern] = (self.literals.get(rx.pattern) or (), leads, at_line_start)
        return plan

    def may_match(self, rx: re.Pattern, lowered: str) -> bool:
        """False when `rx` cannot match the text whose lower case is `lowered`: a text it needs is not there.
        A cheap test before a case-blind pattern runs over every line of a document."""
        lit, leads, _ = self.signal_plan.get(rx.pattern) or self._plan(rx)
        if lit and not any(x in lowered for x in lit):
            return False  # (the per-line test: no text is asked twice, so nothing is remembered)
        return not leads or any(lead in lowered for lead in leads)

    def title_match(self, text: str) -> re.Match | None:
        """`title_re.match(text)`, on the lower-cased text where that keeps the offsets (a case-blind alternation of
        every title is slow)."""
        if self.title_re is None:
            return None
        low = text.lower()
        if len(low) == len(text) and self.title_re_lower is not None:
            return self.title_re_lower.match(low)
        return self.title_re.match(text)

    def match_instrument(self, text: str) -> Entry | None:
        return _match_entry(self.instruments, text)

    def match_borger(self, text: str) -> Entry | None:
        return _match_entry(self.borgers, text)


def _search_lines_holding(rx: re.Pattern, text: str, lit: tuple[str, ...]) -> bool:
    """`rx.search(text)`, tried only around the lines that hold the literal every match holds: a signal is one
    line's, but a blank in it may run over a line break ("Soort melding" / "Gereedmelding", where the boxes not
    ticked were left out), so each such line is searched with the lines before and after it."""
    tried: set[int] = set()
    for x in lit:
        p = text.find(x)
        while p >= 0:
            line_start = text.rfind("\n", 0, p) + 1
            line_end = text.find("\n", p)
            line_end = len(text) if line_end < 0 else line_end
            if line_start not in tried:
                tried.add(line_start)
                start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
                end = text.find("\n", line_end + 1)
                if rx.search(text, start, len(text) if end < 0 else end + 1):
                    return True
            p = text.find(x, line_end)
    return False


# words of the forms, besides the label rules' own, that an OCR'd text layer may break with a stray space
MENDABLE_EXTRA = ("kadastrale", "ingebruikname", "bouwwerkzaamheden", "gerechtvaardigd", "kwaliteitsborging",
                  "omgevingsloket", "risicobeoordeling", "borgingsplan", "gereedmelding", "startmelding", "bouwmelding")


def _match_entry(entries: tuple[Entry, ...], text: str) -> Entry | None:
    best: tuple[int, Entry] | None = None
    low = text.lower()
    for e in entries:
        if e.pattern is None or not any(n in low for n in e.needles):
            continue  # cheap test first: this runs for every cell that might be a label
        m = e.pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), e)
    if best is None and len(text) <= 80 and " " in text:
        # a word broken by a table cell's wrap ("Wkb Kwaliteitsborgingsin strument"): the value without its spaces is
        # a long alias without its spaces
        squashed = ""
        for e in entries:
            if not any(n in low for n in e.needles):
                continue
            squashed = squashed or _SPACES.sub("", low)
            for alias in e.aliassen:
                a = _SPACES.sub("", alias.lower())
                if len(a) >= 12 and a in squashed and (best is None or squashed.index(a) < best[0]):
                    best = (squashed.index(a), e)
                elif best is None and len(squashed) >= max(16, 0.7 * len(a)) and len(a) > len(squashed) \
                        and a.startswith(squashed):
                    # the rest of the name wrapped away in its cell ("Wkb Kwaliteitsborgingsin"); a tagline that is
                    # the start of a name ("Wkb kwaliteitsborging", the trade itself) names no instrument
                    best = (0, e)
    return best[1] if best else None


_SPACES = re.compile(r"\s+")


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if key in out and isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = _merge(out[key], value)
        elif key in out and isinstance(out[key], list) and isinstance(value, list):
            if value and all(isinstance(v, dict) and "naam" in v for v in value):
                names = {v["naam"] for v in value}
                out[key] = [v for v in out[key] if not (isinstance(v, dict) and v.get("naam") in names)] + value
            else:
                out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


def _read_packaged() -> dict:
    data: dict = {}
    pkg = resources.files("wkb_desk.extract") / "data"
    for name in DATA_FILES:
        data = _merge(data, tomllib.loads((pkg / name).read_text(encoding="utf-8")))
    return data


def _alias_pattern(aliases: list[str]) -> re.Pattern | None:
    parts = [re.escape(a.strip()).replace(r"\ ", r"[\s\-]*") for a in aliases if a and a.strip()]
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


def _entries(items: list[dict], kind: str, source: str) -> tuple[Entry, ...]:
    out = []
    for item in items:
        if not isinstance(item, dict) or not item.get("naam"):
            raise ConfigError(
                f"Referentiegegevens ({source}): een {kind} zonder 'naam'.",
                "Geef elke regel onder [[" + kind + "]] een naam.",
            )
        checked = item.get("laatst_gecontroleerd")
        if isinstance(checked, str):
            try:
                checked = dt.date.fromisoformat(checked)
            except ValueError:
                checked = None
        aliases = [item["naam"], *item.get("aliassen", [])]
        out.append(
            Entry(
                naam=str(item["naam"]),
                aliassen=tuple(str(a) for a in aliases),
                laatst_gecontroleerd=checked if isinstance(checked, dt.date) else None,
                instrumenten=tuple(item.get("instrumenten", ())),
                pattern=_alias_pattern(aliases),
                needles=tuple(sorted({a.split()[0].lower() for a in aliases if a and a.strip()})),
            )
        )
    return tuple(out)


def required_literal(pattern: str) -> str:
    """The longest plain text every match of `pattern` must contain (lower case), or "" when unsure.

    Used as a cheap `in` test before running a pattern over a whole document; a pattern that starts
    with \\b cannot use the regex engine's own literal-prefix search.
    """
    if len(_split_top(pattern)) > 1:
        return ""  # a top-level alternative makes no literal required
    depth, runs, run, i = 0, [], "", 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            runs.append(run)
            run = ""
            i += 2
            continue
        if c == "[" and depth == 0:
            runs.append(run)
            run = ""
            end = pattern.find("]", i + 2)
            i = end + 1 if end > 0 else len(pattern)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            runs.append(run)
            run = ""
        elif depth == 0 and (c.isalnum() or c in " -'"):
            run += c
        elif depth == 0 and c in "?*{":
            run = run[:-1]  # the character before an optional quantifier is not required
            runs.append(run)
            run = ""
        elif depth == 0:
            runs.append(run)
            run = ""
        i += 1
    runs.append(run)
    best = max((r.strip() for r in runs), key=len, default="")
    return best.lower() if len(best) >= 4 else ""


def required_alternatives(pattern: str) -> tuple[str, ...]:
    """Plain words one of which every match of `pattern` holds, from its first required group of plain words
    ("^(?:onderwerp:\\s*)?(?:[a-z]+\\s+)?(?:nieuws|persbericht)\\b" -> ("nieuws", "persbericht")), or ()."""
    if len(_split_top(pattern)) > 1:
        return ()
    k = 0
    while k < len(pattern):
        c = pattern[k]
        if c == "\\":
            k += 2
        elif c == "[":
            end = pattern.find("]", k + 2)
            k = end + 1 if end > 0 else len(pattern)
        elif c == "(":
            j = _group_end(pattern, k)
            if j is None:
                return ()
            if pattern.startswith("(?:", k) and not _optional_after(pattern, j):
                words = _split_top(pattern[k + 3:j])
                if all(re.fullmatch(r"[a-z][a-z \-']{2,}", w) for w in words):
                    return tuple(words)
            k = j + 1
        else:
            k += 1
    return ()


def _group_end(pattern: str, k: int) -> int | None:
    """The index of the ")" that closes the group opening at `k`, or None."""
    depth, j = 0, k
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
            continue
        depth += (pattern[j] == "(") - (pattern[j] == ")")
        if depth == 0:
            return j
        j += 1
    return None


def _optional_after(pattern: str, j: int) -> bool:
    """The group closing at `j` may match nothing: "?", "*" or "{0,…}" after it."""
    return pattern[j + 1:j + 2] in ("?", "*") or pattern[j + 1:j + 3] == "{0"


def leading_literals(pattern: str) -> tuple[tuple[str, ...], bool]:
    """(plain lower-case texts one of which starts every match, whether the match starts a line), or ((), False).

    "^hierbij (?:meld..." -> (("hierbij ",), True); "\\b(?:cookies?|menu)\\b" -> (("cookie", "menu"), False);
    a pattern that starts with a class, an optional group or anything else not plain has none.
    """
    alts = _split_top(pattern)
    found = [_leads_of(alt) for alt in alts]
    if not found or any(f is None for f in found):
        return (), False
    return tuple(t for texts, _ in found for t in texts), all(at for _, at in found)


def _split_top(pattern: str) -> list[str]:
    """`pattern` split at its top-level `|`."""
    parts, depth, start, k = [], 0, 0, 0
    while k < len(pattern):
        c = pattern[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":
            end = pattern.find("]", k + 2)
            k = end + 1 if end > 0 else len(pattern)
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            parts.append(pattern[start:k])
            start = k + 1
        k += 1
    parts.append(pattern[start:])
    return parts


def _leads_of(alt: str) -> tuple[tuple[str, ...], bool] | None:
    at_line_start = alt.startswith("^")
    rest = alt[1:] if at_line_start else alt
    if rest.startswith("\\b"):
        rest = rest[2:]
    if rest.startswith("(?:"):
        k = _group_end(rest, 0)
        if k is None or _optional_after(rest, k):
            return None  # an optional group: the match may start after it
        runs = [_plain_run(inner) for inner in _split_top(rest[3:k])]
        return (tuple(runs), at_line_start) if all(len(r) >= 2 for r in runs) else None
    run = _plain_run(rest)
    return ((run,), at_line_start) if len(run) >= 3 else None


def _plain_run(text: str) -> str:
    """The plain text `text` starts with ("" when it starts with a class, a group or an escape)."""
    if text.startswith("\\b"):
        text = text[2:]
    k = 0
    while k < len(text) and (text[k].isalnum() or text[k] in " -'"):
        k += 1
    run = text[:k]
    if text[k:k + 1] in ("?", "*") or text[k:k + 1] == "{":
        run = run[:-1]  # the character before an optional quantifier is not required
    return "" if any(c.isupper() for c in run) else run  # upper case: matched with IGNORECASE


def _compile_rx(pattern: str, source: str, lowered: bool = False) -> re.Pattern:
    """MULTILINE: ^ and $ anchor per line, so a pattern can search a block of joined lines at once.

    `lowered`: the pattern is matched against lower-cased text, so IGNORECASE (slow) is only used
    when the pattern itself has upper-case letters.
    """
    flags = re.MULTILINE
    if not lowered or any(c.isupper() for c in re.sub(r"\\.", "", pattern)):
        flags |= re.IGNORECASE
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(
            f"Referentiegegevens ({source}): ongeldig patroon {pattern!r}: {exc}.",
            "Verbeter het patroon (Python reguliere expressie) of verwijder het.",
        ) from exc


def _build(data: dict, sources: list[str]) -> Reference:
    src = ", ".join(sources)
    labels: dict[str, LabelInfo] = {}
    for fname, spec in data.get("velden", {}).items():
        target = spec.get("doel", fname)
        for weak, key in ((False, "labels"), (True, "zwak")):
            for lab in spec.get(key, []):
                n = norm_label(lab)
                if n and n not in labels:
                    labels[n] = LabelInfo(target, n, weak)
    negative = frozenset(norm_label(x) for x in data.get("negatief", {}).get("labels", []))
    sections = data.get("secties", {})
    kinds = {}
    # a signal may name the text every match holds (`letterlijk`), or a list of which every match holds one
    stated_literals: dict[str, tuple[str, ...]] = {}
    for kind, spec in data.get("soorten", {}).items():
        specs = spec.get("signalen", [])
        signals = tuple((_compile_rx(s["patroon"], src, True), float(s.get("gewicht", 0.1))) for s in specs)
        stated_literals.update({rx.pattern: tuple(str(x).lower() for x in s["letterlijk"])
                                if isinstance(s["letterlijk"], list) else (str(s["letterlijk"]).lower(),)
                                for (rx, _), s in zip(signals, specs) if s.get("letterlijk")})
        kinds[kind] = KindRule(
            kind=kind,
            titles=tuple(norm_label(t) for t in spec.get("titels", [])),
            signals=signals,
            required=tuple(spec.get("verplicht", [])),
        )
    non_wkb, mail_wrapper = (tuple(
        (_compile_rx(s["patroon"], src, True), float(s.get("gewicht", 0.1))) for s in data.get("niet_wkb", {}).get(key, [])
    ) for key in ("signalen", "omslag"))
    # (signs of a blank form or list that a form whose boxes are ticked is not: it was filled in)
    unless_ticked = frozenset(s["patroon"] for s in data.get("niet_wkb", {}).get("signalen", [])
                              if s.get("niet_als_aangekruist"))
    # (signs of a mail or letter about a melding that the melder's own letter shares: its salutation)
    unless_stated = frozenset(s["patroon"] for s in data.get("niet_wkb", {}).get("signalen", [])
                              if s.get("niet_bij_eigen_woorden"))
    texts = data.get("teksten", {})
    ref = Reference(
        labels=LabelTable(labels),
        negative=negative,
        party_sections=frozenset(norm_label(x) for x in sections.get("partij", [])),
        project_sections=frozenset(norm_label(x) for x in sections.get("project", [])),
        kinds=kinds,
        non_wkb=non_wkb,
        unless_ticked=unless_ticked,
        unless_stated=unless_stated,
        mail_wrapper=mail_wrapper,
        texts=texts,
        instruments=_entries(data.get("instrumenten", []), "instrumenten", src),
        borgers=_entries(data.get("kwaliteitsborgers", []), "kwaliteitsborgers", src),
        sources=tuple(sources),
    )
    questions = []
    targets = {info.field for info in labels.values()}
    for q in data.get("vragen", []):
        field_name = str(q.get("veld", ""))
        target = data.get("velden", {}).get(field_name, {}).get("doel", field_name)
        if target not in targets:
            raise ConfigError(
                f"Referentiegegevens ({src}): vraag voor onbekend veld {field_name!r}.",
                "Gebruik een veldnaam uit [velden.*].",
            )
        groups = tuple(tuple(norm_label(w) for w in g) for g in q.get("groepen", []) if g)
        questions.append((LabelInfo(target, "vraag: " + "/".join(g[0] for g in groups), True), groups,
                          tuple(norm_label(w) for w in q.get("niet", []))))
    ref.questions = tuple(questions)
    from wkb_desk.extract.meaning import build_meaning

    ref.meaning = build_meaning(data)
    ref.labels.resolve = ref._label_of_meaning
    mendable: dict[str, tuple[str, ...]] = {}
    for word in sorted({w for w in ref.meaning.vocabulary if len(w) >= 8} | set(MENDABLE_EXTRA)):
        mendable[word[:3]] = mendable.get(word[:3], ()) + (word,)
    ref.mendable_words = mendable
    ref.section_words = tuple(
        (str(kind), tuple(str(w).lower() for w in words))
        for kind, words in sections.get("betekenis", {}).items() if isinstance(words, list)
    )
    ref.section_not = tuple(str(w).lower() for w in sections.get("niet_betekenis", []))
    ref.name_labels = frozenset(norm_label(x) for x in sections.get("naam_labels", []))
    ref.section_names = {norm_label(k): str(v) for k, v in sections.get("naam_in_sectie", {}).items()}
    all_labels = sorted(set(labels) | negative, key=len, reverse=True)
    ref.label_first_words = frozenset(re.split(r"[:?(]", x.split(" ", 1)[0])[0] or x for x in all_labels)
    ref.section_first_words = frozenset(x.split(" ", 1)[0] for x in ref.party_sections | ref.project_sections)
    alt = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in all_labels)
    # numbering / bullets before a label: "1.2 ", "a) ", "- ", "• "
    label_pattern = r"^\s{0,8}(?:(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[a-z]\)|[-•*–·])\s{1,4})?(" + alt + r")(?![\w])"
    ref.label_re = re.compile(label_pattern, re.IGNORECASE)
    ref.label_re_lower = re.compile(label_pattern)  # for lower-cased cells: much faster than IGNORECASE
    ref.inline_label_re = re.compile(r"(?<=\s)(" + alt + r")\s{0,2}:(?=\s)", re.IGNORECASE)
    ref.inline_label_lower = re.compile(r"(?<=\s)(" + alt + r")\s{0,2}:(?=\s)")  # (see label_re_lower)
    # long, specific labels that may start a second column without a colon
    keep_whole = {norm_label(x) for x in data.get("inline", {}).get("niet_splitsen", [])}
    bare = sorted((x for x in labels if len(x) >= 6 and x not in keep_whole), key=len, reverse=True)
    # matched against the lower-cased value (same offsets); the caller checks the capital in the original
    ref.inline_bare_re = re.compile(
        r"(?<=[\s])(" + "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in bare) + r")(?![\w\-])(?=\s*\S)"
    ) if bare else None
    # a document title is not numbered: "3 Risicobeoordeling" is a chapter of a borgingsplan
    titles = sorted({t for k in kinds.values() for t in k.titles}, key=len, reverse=True)
    # (a hyphen in a listed title stands for any dash: "Information obligation – start of construction")
    title_pattern = r"^\s{0,8}(" + "|".join(re.escape(t).replace(r"\ ", r"\s+").replace(r"\-", "[-–—]") for t in titles) \
        + r")(?![\w])"
    ref.title_re = re.compile(title_pattern, re.IGNORECASE)
    ref.title_re_lower = re.compile(title_pattern)  # titles are normalised to lower case: for lower-cased text
    ct: dict[str, Any] = {}
    for key in ("verklaring_negatief", "verklaring_positief", "afwijkingen_kop", "negatie"):
        ct[key] = tuple(_compile_rx(p, src, True) for p in texts.get(key, []))
    for key in ("initiatiefnemer", "kwaliteitsborger", "instrument"):  # these keep the value's own case
        ct[key] = tuple(_compile_rx(p, src) for p in texts.get(key, []))
    ct["gevolgklasse_signalen"] = tuple(
        (_compile_rx(s["patroon"], src, True), str(s.get("naam", s["patroon"])),
         _compile_rx(s["kern"], src, True) if s.get("kern") else None)
        for s in texts.get("gevolgklasse_signalen", [])
    )
    ref.compiled_texts = ct
    patterns = [rx for rule in kinds.values() for rx, _ in rule.signals] + [rx for rx, _ in non_wkb + mail_wrapper]
    patterns += [rx for rx, _, _ in ct["gevolgklasse_signalen"]]
    patterns += [rx for key in ("initiatiefnemer", "kwaliteitsborger", "instrument") for rx in ct[key]]
    # (where a pattern does not show plainly the text it needs, its signal states it)
    ref.literals = {rx.pattern: stated_literals.get(rx.pattern) or tuple(filter(None, [required_literal(rx.pattern)]))
                    or required_alternatives(rx.pattern) for rx in patterns}
    ref.leads = {rx.pattern: leading_literals(rx.pattern) for rx in patterns}
    return ref


_DEFAULT: Reference | None = None


def load_reference(extra_dir: Path | None = None) -> Reference:
    """Packaged reference data, extended with every *.toml in `extra_dir` (when it exists)."""
    global _DEFAULT
    if extra_dir is None and _DEFAULT is not None:
        return _DEFAULT
    data = _read_packaged()
    sources = ["pakket"]
    if extra_dir is not None and Path(extra_dir).is_dir():
        for path in sorted(Path(extra_dir).glob("*.toml")):
            try:
                extra = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
                raise ConfigError(
                    f"Referentiebestand {path} is geen geldige TOML: {exc}.",
                    "Verbeter het bestand of haal het uit de referentiemap.",
                ) from exc
            data = _merge(data, extra)
            sources.append(str(path))
    ref = _build(data, sources)
    if extra_dir is None:
        _DEFAULT = ref
    return ref


def stale_entries(ref: Reference, today: dt.date, max_days: int = 365) -> list[str]:
    """Dutch lines naming reference entries not verified against the TloKB register for `max_days`
    (or never): for the daily overview. `today` is passed in, so this stays free of clock reads."""
    out = []
    for kind, entries in (("instrument", ref.instruments), ("kwaliteitsborger", ref.borgers)):
        for e in entries:
            if e.laatst_gecontroleerd is None:
                out.append(f"{kind.capitalize()} {e.naam}: nooit gecontroleerd in het TloKB-register.")
            elif (today - e.laatst_gecontroleerd).days > max_days:
                out.append(
                    f"{kind.capitalize()} {e.naam}: laatst gecontroleerd op {e.laatst_gecontroleerd:%d-%m-%Y}; "
                    "controleer het TloKB-register."
                )
    return out
