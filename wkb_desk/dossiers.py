"""Linking documents into dossiers, and the relink/merge choices people make.

Trust order (issue 4): verzoeknummer (the document's own, or `verwijst_naar` = the bouwmelding's), BAG id,
postcode + huisnummer, kadastraal perceel, street + huisnummer, then project name or street alone.
- A bouwmelding without a match opens a dossier `WKB-<year of the melding>-<nnnn>`; any other Wkb document
  without a match opens a *provisional* dossier (same id scheme, `dossiers.provisional = 1`).
- A match below `WEAK_LINK` (project name / street only, contradicting location data, several equal dossiers,
  a second bouwmelding on one location) still joins, but `link_score` stays low so the rules raise
  `koppeling_controleren` until a person confirms or moves it with `link_document`.
- Documents may come in any order: a provisional dossier is folded into another dossier as soon as their
  combined location data match *strongly* (never on a weak match).
- `link_manual = 1` rows are a person's choice and are never touched by automatic linking.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import unicodedata
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from wkb_desk.config import Settings
from wkb_desk.errors import ExitCode, WkbError
from wkb_desk.ledger import now_iso, transaction
from wkb_desk.models import WKB_KINDS

WEAK_LINK = 0.75
SCORES = {
    "verzoeknummer": 1.0,
    "bag_id": 0.95,
    "postcode_huisnummer": 0.9,
    "kadastraal": 0.8,
    "adres": 0.75,
    "projectnaam": 0.6,
    "straat": 0.5,
}
WEAK_SCORE = 0.6  # what a strong key is worth when other data contradict it or several dossiers fit


class LinkError(WkbError):
    """A link or merge a person asked for that cannot be done (unknown document or dossier)."""

    exit_code = ExitCode.USAGE


# --- keys ----------------------------------------------------------------------------------------


def _digits(value: Any) -> str:
    return re.sub(r"\D", "", str(value or ""))


def _text(value: Any) -> str:
    text = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def norm_postcode(value: Any) -> str:
    return re.sub(r"\s+", "", str(value or "")).upper()


def norm_huisnummer(value: Any) -> str:
    return re.sub(r"\s+", "", str(value or "")).lower()


def norm_kadastraal(value: Any) -> str:
    """'Almelo K 1234' and 'gemeente Almelo, sectie K, nummer 1234' become 'almelo k 1234'."""
    text = _text(value)
    text = re.sub(r"\b(gemeente|kadastrale|kadastraal|sectie|nummer|perceel|nr)\b", " ", text)
    return " ".join(text.split())


@dataclass
class Keys:
    verzoek: set[str] = field(default_factory=set)  # own verzoeknummers
    refs: set[str] = field(default_factory=set)  # verwijst_naar: the bouwmelding's number
    bag: set[str] = field(default_factory=set)
    pc_nr: set[tuple[str, str]] = field(default_factory=set)
    kad: set[str] = field(default_factory=set)
    adres: set[tuple[str, str, str]] = field(default_factory=set)  # straat, huisnummer, plaats ('' unknown)
    straat: set[tuple[str, str]] = field(default_factory=set)  # straat, plaats: every street mentioned
    straat_zonder_nr: set[tuple[str, str]] = field(default_factory=set)
    project: set[str] = field(default_factory=set)
    bouwmelding_nrs: set[str] = field(default_factory=set)  # own numbers of the bouwmeldingen in a dossier

    def update(self, other: "Keys") -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).update(getattr(other, name))


def document_keys(kind: str, values: dict[str, Any]) -> Keys:
    k = Keys()
    own = _digits(values.get("verzoeknummer"))
    if own:
        k.verzoek.add(own)
        if kind == "bouwmelding":
            k.bouwmelding_nrs.add(own)
    ref = _digits(values.get("verwijst_naar"))
    if ref and ref != own:
        k.refs.add(ref)
    bag = _digits(values.get("bag_id"))
    if len(bag) == 16:
        k.bag.add(bag)
    pc, nr = norm_postcode(values.get("postcode")), norm_huisnummer(values.get("huisnummer"))
    if pc and nr:
        k.pc_nr.add((pc, nr))
    kad = norm_kadastraal(values.get("kadastraal"))
    if kad and re.search(r"\d", kad):
        k.kad.add(kad)
    straat, plaats = _text(values.get("straat")), _text(values.get("plaats"))
    if straat:
        k.straat.add((straat, plaats))
        if nr:
            k.adres.add((straat, nr, plaats))
        else:
            k.straat_zonder_nr.add((straat, plaats))
    project = _text(values.get("projectnaam"))
    if len(project) >= 4:
        k.project.add(project)
    return k


def _same_place(a: str, b: str) -> bool:
    return not a or not b or a == b


def _adres_match(a: set[tuple[str, str, str]], b: set[tuple[str, str, str]]) -> bool:
    return any(x[0] == y[0] and x[1] == y[1] and _same_place(x[2], y[2]) for x in a for y in b)


def _street_match(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
    return any(x[0] == y[0] and _same_place(x[1], y[1]) for x in a for y in b)


def _locations_differ(doc: Keys, dossier: Keys) -> bool:
    pairs = ((doc.bag, dossier.bag), (doc.pc_nr, dossier.pc_nr), (doc.kad, dossier.kad), (doc.adres, dossier.adres))
    return any(a and b for a, b in pairs) and not any(a & b for a, b in pairs)


def match(doc: Keys, dossier: Keys) -> tuple[float, str] | None:
    """How well a document (or a provisional dossier's keys) fits a dossier: (score, method) or None."""
    if (doc.verzoek | doc.refs) & dossier.verzoek or doc.refs & dossier.refs:
        # (a startmelding and a gereedmelding that name the same bouwmelding belong together, also while that
        # bouwmelding itself has not arrived)
        return SCORES["verzoeknummer"], "verzoeknummer"
    method = None
    if doc.bag & dossier.bag:
        method = "bag_id"
    elif doc.pc_nr & dossier.pc_nr:
        method = "postcode_huisnummer"
    elif doc.kad & dossier.kad:
        method = "kadastraal"
    elif _adres_match(doc.adres, dossier.adres):
        method = "adres"
    if method is not None:
        # Location data that disagree at the same or a stronger level make it a guess (the parcel of a
        # building site is shared by its houses; a BAG id or postcode + number is not).
        conflict = (doc.bag and dossier.bag and not doc.bag & dossier.bag) or (
            doc.pc_nr and dossier.pc_nr and not doc.pc_nr & dossier.pc_nr
        )
        if conflict:
            return WEAK_SCORE, f"{method}:tegenstrijdig"
        return SCORES[method], method
    # Name and street are weak hints: where both sides carry an identifying location and it differs,
    # they are different projects (many houses share "Nieuwbouw vrijstaande woning ..." or a street).
    if _locations_differ(doc, dossier):
        return None
    if doc.project & dossier.project:
        return SCORES["projectnaam"], "projectnaam"
    if _street_match(doc.straat_zonder_nr, dossier.straat) or _street_match(doc.straat, dossier.straat_zonder_nr):
        return SCORES["straat"], "straat"
    return None


# --- ledger access -------------------------------------------------------------------------------

_KIND_LIST = ", ".join(f"'{k}'" for k in WKB_KINDS)


def _values(row: sqlite3.Row) -> dict[str, Any]:
    raw = row["extraction_json"]
    if not raw:
        return {}
    data = json.loads(raw)
    return {name: (fv or {}).get("waarde") for name, fv in (data.get("velden") or {}).items()}


def _active_dossiers(conn: sqlite3.Connection) -> dict[str, sqlite3.Row]:
    return {r["id"]: r for r in conn.execute("SELECT * FROM dossiers WHERE merged_into IS NULL ORDER BY id")}


def _dossier_keys(conn: sqlite3.Connection) -> dict[str, Keys]:
    keys: dict[str, Keys] = {}
    rows = conn.execute(
        f"SELECT id, kind, extraction_json, dossier_id FROM documents WHERE status = 'verwerkt' "
        f"AND dossier_id IS NOT NULL AND kind IN ({_KIND_LIST})"
    )
    for row in rows:
        keys.setdefault(row["dossier_id"], Keys()).update(document_keys(row["kind"], _values(row)))
    return keys


def _year(kind: str, values: dict[str, Any], received_at: str) -> int:
    for candidate in (values.get("datum"), received_at):
        try:
            return dt.date.fromisoformat(str(candidate)[:10]).year
        except ValueError:
            continue
    nr = _digits(values.get("verzoeknummer"))
    if len(nr) == 13 and nr[:2] == "20":
        return int(nr[:4])
    return dt.date.today().year  # only for a document without any date; the id is just a name


def new_dossier_id(conn: sqlite3.Connection, year: int) -> str:
    prefix = f"WKB-{year}-"
    rows = conn.execute("SELECT id FROM dossiers WHERE id LIKE ?", (prefix + "%",)).fetchall()
    numbers = [int(r[0][len(prefix):]) for r in rows if r[0][len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _create_dossier(conn: sqlite3.Connection, year: int, provisional: bool, note: str | None = None) -> str:
    dossier_id = new_dossier_id(conn, year)
    conn.execute(
        "INSERT INTO dossiers (id, created_at, provisional, note) VALUES (?, ?, ?, ?)",
        (dossier_id, now_iso(), int(provisional), note),
    )
    return dossier_id


def _set_link(conn, document_id: int, dossier_id: str, method: str, score: float, manual: bool = False) -> None:
    conn.execute(
        "UPDATE documents SET dossier_id = ?, link_method = ?, link_score = ?, link_manual = ? WHERE id = ?",
        (dossier_id, method, score, int(manual), document_id),
    )


def _mark_final(conn: sqlite3.Connection, dossier_id: str) -> None:
    """A dossier holding a bouwmelding is no longer provisional."""
    has_melding = conn.execute(
        "SELECT 1 FROM documents WHERE dossier_id = ? AND kind = 'bouwmelding' AND status = 'verwerkt'",
        (dossier_id,),
    ).fetchone()
    if has_melding:
        conn.execute("UPDATE dossiers SET provisional = 0 WHERE id = ?", (dossier_id,))


def _in_transaction(conn: sqlite3.Connection):
    """Join the caller's transaction (the intake's) or open one."""
    return nullcontext(conn) if conn.in_transaction else transaction(conn)


# --- automatic linking -----------------------------------------------------------------------------


def link_pending(conn: sqlite3.Connection, settings: Settings) -> list[str]:
    """Link every processed Wkb document that has no dossier yet; fold provisional dossiers that now fit.

    Idempotent; safe to call after every batch, inside or outside the intake transaction.
    Returns the ids of the dossiers that changed.
    """
    touched: list[str] = []
    with _in_transaction(conn):
        pending = conn.execute(
            f"SELECT * FROM documents WHERE status = 'verwerkt' AND dossier_id IS NULL AND link_manual = 0 "
            f"AND kind IN ({_KIND_LIST}) "
            "ORDER BY CASE kind WHEN 'bouwmelding' THEN 0 ELSE 1 END, received_at, id"
        ).fetchall()
        if not pending and not _has_provisional(conn):
            return []
        linker = _Linker(conn, settings)
        for row in pending:
            dossier_id = linker.link(row)
            if dossier_id not in touched:
                touched.append(dossier_id)
        for dossier_id in linker.fold_provisional():
            if dossier_id not in touched:
                touched.append(dossier_id)
    return touched


def _has_provisional(conn: sqlite3.Connection) -> bool:
    """A provisional dossier that automatic linking may still fold (one with automatically linked documents)."""
    return conn.execute(
        "SELECT 1 FROM dossiers d WHERE d.provisional = 1 AND d.merged_into IS NULL "
        "AND EXISTS (SELECT 1 FROM documents WHERE dossier_id = d.id AND link_manual = 0)"
    ).fetchone() is not None


def _tokens(k: Keys, query: bool = False, strong: bool | None = None) -> set[tuple[str, Any]]:
    """Index entries: a dossier is a candidate for a document only when they share one of these.
    strong=True: only the identifying ones; False: only street and project name; None: all."""
    out: set[tuple[str, Any]] = set()
    if strong is not False:
        out |= {("v", v) for v in k.verzoek} | {("r", v) for v in k.refs}
        if query:
            out |= {("v", v) for v in k.refs}
        out |= {("b", v) for v in k.bag} | {("p", v) for v in k.pc_nr} | {("k", v) for v in k.kad}
        out |= {("a", (street, nr)) for street, nr, _ in k.adres}
    if strong is not True:
        out |= {("s", street) for street, _ in k.straat} | {("n", v) for v in k.project}
    return out


class _Linker:
    """The active dossiers' keys with an index, so one document is compared with a few dossiers, not all."""

    def __init__(self, conn: sqlite3.Connection, settings: Settings) -> None:
        self.conn = conn
        self.settings = settings
        self.provisional = {r["id"]: bool(r["provisional"]) for r in _active_dossiers(conn).values()}
        self.keys = {d: k for d, k in _dossier_keys(conn).items() if d in self.provisional}
        self.index: dict[tuple[str, Any], set[str]] = {}
        self.last_seq: dict[int, int] = {}
        for dossier_id, keys in self.keys.items():
            self._add_index(dossier_id, keys)

    def _add_index(self, dossier_id: str, keys: Keys) -> None:
        for token in _tokens(keys):
            self.index.setdefault(token, set()).add(dossier_id)

    def _candidates(self, keys: Keys, strong: bool | None = None) -> set[str]:
        found: set[str] = set()
        for token in _tokens(keys, query=True, strong=strong):
            found |= self.index.get(token, set())
        return found

    def _scored(self, doc: Keys) -> list[tuple[float, bool, str, str]]:
        """(score, is a real dossier, id, method) for every dossier the document fits.
        Street and project name are only looked at when nothing identifying fits (they are many per street)."""
        scored = []
        for strong in (True, False):
            for dossier_id in self._candidates(doc, strong=strong):
                found = match(doc, self.keys[dossier_id])
                if found:
                    scored.append((found[0], not self.provisional[dossier_id], dossier_id, found[1]))
            if scored:
                break
        return scored

    def _add(self, dossier_id: str, keys: Keys) -> None:
        self.keys.setdefault(dossier_id, Keys()).update(keys)
        self._add_index(dossier_id, keys)

    def link(self, row: sqlite3.Row) -> str:
        conn, kind, values = self.conn, row["kind"], _values(row)
        doc = document_keys(kind, values)
        scored = self._scored(doc)
        target = method = None
        score = 0.0
        if scored:
            best = max(s[0] for s in scored)
            top = [s for s in scored if s[0] == best]
            final = [s for s in top if s[1]] or top  # a real dossier before a provisional one
            _, _, target, method = max(final, key=lambda s: s[2])  # the newest when still equal
            score = best
            if len(final) > 1 and method != "verzoeknummer":
                score, method = min(score, WEAK_SCORE), f"{method}:meerdere"
            if kind == "bouwmelding" and method in ("projectnaam", "straat") and not self.provisional[target]:
                target = None  # a bouwmelding opens its own dossier unless something identifying ties it
            elif kind == "bouwmelding" and method != "verzoeknummer":
                other = self.keys[target].bouwmelding_nrs - doc.verzoek
                if other:
                    if self.settings.beleid.fasering == "per_fase_melding":
                        target = None  # every phase has its own melding and dossier
                    else:
                        score, method = min(score, WEAK_SCORE), f"{method}:tweede_bouwmelding"
        if target is None:
            year = _year(kind, values, row["received_at"])
            target = self._new_id(year)
            conn.execute(
                "INSERT INTO dossiers (id, created_at, provisional) VALUES (?, ?, ?)",
                (target, now_iso(), int(kind != "bouwmelding")),
            )
            self.provisional[target] = kind != "bouwmelding"
            method, score = ("nieuw", 1.0)
        _set_link(conn, row["id"], target, method, score)
        self._add(target, doc)
        if kind == "bouwmelding" and self.provisional[target]:
            conn.execute("UPDATE dossiers SET provisional = 0 WHERE id = ?", (target,))
            self.provisional[target] = False
        return target

    def _new_id(self, year: int) -> str:
        if year not in self.last_seq:
            self.last_seq[year] = int(new_dossier_id(self.conn, year).rsplit("-", 1)[1]) - 1
        self.last_seq[year] += 1
        return f"WKB-{year}-{self.last_seq[year]:04d}"

    def fold_provisional(self) -> list[str]:
        """Fold a provisional dossier into the one its documents strongly match (out-of-order arrival)."""
        touched: list[str] = []
        changed = True
        while changed:
            changed = False
            for pid in sorted(d for d, p in self.provisional.items() if p):
                if pid not in self.keys:
                    continue
                manual = self.conn.execute(
                    "SELECT 1 FROM documents WHERE dossier_id = ? AND link_manual = 1", (pid,)
                ).fetchone()
                if manual:
                    continue
                candidates = []
                for did in self._candidates(self.keys[pid], strong=True):
                    if did == pid or (self.provisional[did] and did > pid):
                        continue  # two provisional ones: the newer folds into the older, never both ways
                    found = match(self.keys[pid], self.keys[did])
                    if found and found[0] >= WEAK_LINK:
                        candidates.append((found[0], not self.provisional[did], did, found[1]))
                if not candidates:
                    continue
                best = max(c[:2] for c in candidates)
                top = [c for c in candidates if c[:2] == best]
                if len(top) != 1:
                    continue  # two equally good homes: a person decides
                _, _, target, method = top[0]
                self._merge_auto(pid, target, method)
                touched += [pid, target]
                changed = True
        return touched

    def _merge_auto(self, pid: str, target: str, method: str) -> None:
        conn = self.conn
        strength = SCORES.get(method, WEAK_LINK)
        for d in conn.execute("SELECT id, link_method, link_score FROM documents WHERE dossier_id = ?", (pid,)):
            old = d["link_score"] if d["link_score"] is not None else 1.0
            if old < WEAK_LINK:  # it was a guess inside the provisional dossier: it stays one
                _set_link(conn, d["id"], target, d["link_method"], old)
            else:
                _set_link(conn, d["id"], target, f"{method}:via_voorlopig", min(old, strength))
        _move_corrections(conn, pid, target)
        conn.execute(
            "UPDATE dossiers SET merged_into = ?, note = ? WHERE id = ?",
            (target, f"automatisch samengevoegd met {target} ({method})", pid),
        )
        _mark_final(conn, target)
        keys = self.keys.pop(pid)
        for token in _tokens(keys):
            self.index.get(token, set()).discard(pid)
        del self.provisional[pid]
        self._add(target, keys)
        if not self.provisional[target]:
            return
        row = conn.execute("SELECT provisional FROM dossiers WHERE id = ?", (target,)).fetchone()
        self.provisional[target] = bool(row["provisional"])


# --- people's choices ---------------------------------------------------------------------------------


def _resolve_dossier(conn: sqlite3.Connection, dossier_id: str) -> str:
    seen = set()
    current = dossier_id.strip()
    while True:
        row = conn.execute("SELECT id, merged_into FROM dossiers WHERE id = ?", (current,)).fetchone()
        if row is None:
            raise LinkError(
                f"Dossier {dossier_id} bestaat niet.",
                "Controleer het nummer met 'wkb-desk dossiers' (bijvoorbeeld WKB-2026-0001).",
            )
        if row["merged_into"] is None or current in seen:
            return row["id"]
        seen.add(current)
        current = row["merged_into"]


def _document(conn: sqlite3.Connection, document_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise LinkError(f"Document {document_id} bestaat niet.", "Controleer het documentnummer.")
    if row["status"] != "verwerkt" or row["kind"] not in WKB_KINDS:
        raise LinkError(
            f"Document {document_id} ({row['original_name']}) is geen verwerkt Wkb-document en hoort in geen dossier.",
            "Controleer of u het juiste document bedoelt.",
        )
    return row


def link_document(conn: sqlite3.Connection, document_id: int, dossier_id: str | None, *, merge: bool = False) -> None:
    """A person's choice: put the document in `dossier_id` (None: in a new dossier of its own). It sticks.

    With merge=True the document's whole current dossier is merged into `dossier_id`.
    """
    with _in_transaction(conn):
        row = _document(conn, document_id)
        if dossier_id is None:
            if merge:
                raise LinkError("Samenvoegen kan alleen met een bestaand dossier.", "Noem het doeldossier.")
            values = _values(row)
            target = _create_dossier(
                conn, _year(row["kind"], values, row["received_at"]), provisional=row["kind"] != "bouwmelding",
                note="handmatig afgesplitst",
            )
        else:
            target = _resolve_dossier(conn, dossier_id)
        current = row["dossier_id"]
        if merge and current and _resolve_dossier(conn, current) != target:
            merge_dossiers(conn, current, target)
        _set_link(conn, document_id, target, "handmatig", 1.0, manual=True)
        _mark_final(conn, target)


def merge_dossiers(conn: sqlite3.Connection, source_id: str, target_id: str) -> None:
    """A person's choice: every document of `source_id` moves to `target_id` (and sticks there)."""
    with _in_transaction(conn):
        source = _resolve_dossier(conn, source_id)
        target = _resolve_dossier(conn, target_id)
        if source == target:
            raise LinkError(f"Dossier {source_id} en {target_id} zijn hetzelfde dossier.", "Kies twee verschillende dossiers.")
        conn.execute(
            "UPDATE documents SET dossier_id = ?, link_method = 'samengevoegd', link_score = 1.0, link_manual = 1 "
            "WHERE dossier_id = ?",
            (target, source),
        )
        _move_corrections(conn, source, target)
        conn.execute("UPDATE dossiers SET merged_into = ? WHERE merged_into = ?", (target, source))
        conn.execute(
            "UPDATE dossiers SET merged_into = ?, note = ? WHERE id = ?",
            (target, f"handmatig samengevoegd met {target}", source),
        )
        _mark_final(conn, target)


def _move_corrections(conn: sqlite3.Connection, source: str, target: str) -> None:
    """A person's corrections travel with the documents unless the target has its own for that field."""
    conn.execute(
        "UPDATE corrections SET dossier_id = ? WHERE dossier_id = ? "
        "AND field NOT IN (SELECT field FROM corrections WHERE dossier_id = ?)",
        (target, source, target),
    )


def find_document(conn: sqlite3.Connection, ref: str) -> int:
    """A document by its number or its original file name (for the CLI)."""
    text = str(ref).strip()
    if text.isdigit():
        row = conn.execute("SELECT id FROM documents WHERE id = ?", (int(text),)).fetchone()
        if row:
            return row["id"]
    rows = conn.execute(
        "SELECT id FROM documents WHERE original_name = ? AND status = 'verwerkt' ORDER BY id", (text,)
    ).fetchall()
    if len(rows) == 1:
        return rows[0]["id"]
    if len(rows) > 1:
        raise LinkError(
            f"Er zijn {len(rows)} documenten met de naam {text}.",
            "Geef het documentnummer (zie 'wkb-desk dossiers --json').",
        )
    raise LinkError(f"Document {text} is niet gevonden.", "Geef het documentnummer of de exacte bestandsnaam.")
