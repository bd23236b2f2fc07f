"""The path of one file from inbox/ to the archive or the quarantine.

Order: junk filter -> hash (duplicates) -> read + extract in the sandbox -> plan the copies ->
write them -> record in the ledger (one transaction) -> remove the original. See journal.py for
why a crash at any step loses nothing and doubles nothing. `ingest`, `watch` and the daily run all
come through `process_file`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from wkb_desk import ledger
from wkb_desk.config import Settings
from wkb_desk.errors import ReaderError
from wkb_desk.intake import journal
from wkb_desk.intake.analysis import Analysis, Problem, needs_ocr, sha256_file
from wkb_desk.intake.files import is_junk, relative_to, unique_path, write_new
from wkb_desk.intake.quarantine import reason_text
from wkb_desk.intake.sandbox import ReaderProcess
from wkb_desk.models import KIND_UNKNOWN

log = logging.getLogger("wkb_desk.intake")

# Fault injection for the crash tests: the process dies with os._exit at the named step.
CRASH_ENV = "WKB_DESK_TEST_CRASH"
CRASH_STEPS = ("gepland", "gekopieerd", "vastgelegd", "verwijderd")


def _checkpoint(step: str) -> None:
    if os.environ.get(CRASH_ENV) == step:
        os._exit(99)

# Outcome.status values
PROCESSED = "verwerkt"
DUPLICATE = "dubbel"
QUARANTINED = "quarantaine"
SKIPPED = "overgeslagen"  # junk, or not (yet) complete
VANISHED = "verdwenen"  # gone before we could take it
OCR_PENDING = "tekstherkenning"  # a scan being read in the background (watch); it stays in the inbox meanwhile


@dataclass
class Outcome:
    path: Path
    status: str
    message: str = ""
    kind: str | None = None
    document_ids: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # Dutch, one per quarantined file (members included)

    @property
    def partial(self) -> bool:
        return self.status == QUARANTINED or bool(self.problems)


@dataclass
class _Planned:
    analysis: Analysis
    target: Path | None  # None: a duplicate member, nothing to store
    reason_file: Path | None
    status: str  # 'verwerkt' | 'quarantaine' | 'dubbel'
    subfolder: str
    parent: "_Planned | None" = None


class Pipeline:
    def __init__(self, settings: Settings, conn: sqlite3.Connection, reader: ReaderProcess, *, dry_run: bool = False,
                 ocr_reader: ReaderProcess | None = None, ocr_jobs=None):
        """`ocr_reader`: the OCR sandbox for files with scanned pages (None: scans stay unread);
        `ocr_jobs` (intake/ocr_jobs.OcrJobs): read those in the background instead of waiting."""
        self.settings = settings
        self.conn = conn
        self.reader = reader
        self.dry_run = dry_run
        self.ocr_reader = ocr_reader
        self.ocr_jobs = ocr_jobs
        self.base = settings.base_dir

    # --- one file ------------------------------------------------------------------------------

    def process_file(self, path: Path) -> Outcome:
        if is_junk(path):
            return Outcome(path, SKIPPED, "geen document (tijdelijk of systeembestand)")
        try:
            sha, size = sha256_file(path)
        except FileNotFoundError:
            return Outcome(path, VANISHED, "het bestand is verdwenen voor het verwerkt kon worden")
        except PermissionError:
            return Outcome(path, SKIPPED, "het bestand is nog in gebruik of niet leesbaar; volgende keer opnieuw")
        received = dt.datetime.now().astimezone()
        subfolder = self._subfolder(path)

        existing = ledger.find_by_sha(self.conn, sha)
        if existing is not None and existing["status"] == PROCESSED:
            return self._duplicate(path, sha, subfolder, received, existing)

        analysis = self.ocr_jobs.take(path, sha) if self.ocr_jobs is not None else None
        if analysis is None:
            analysis = self._analyze(path, sha, size)
            if self.ocr_reader is not None and needs_ocr(analysis):
                if self.ocr_jobs is not None:
                    self.ocr_jobs.submit(path, sha, size)
                    return Outcome(path, OCR_PENDING, "scan: de tekst wordt herkend; de andere bestanden gaan door")
                analysis = self._analyze(path, sha, size, self.ocr_reader)
        plans = self._plan(analysis, received, subfolder)
        top = plans[0]
        outcome = Outcome(
            path,
            top.status,
            kind=analysis.extraction.kind if analysis.extraction else None,
            problems=[f"{p.analysis.name}: {p.analysis.problem.message}" for p in plans if p.status == QUARANTINED],
        )
        outcome.message = self._describe(plans)
        if self.dry_run:
            return outcome

        targets = [t for p in plans for t in (p.target, p.reason_file) if t is not None]
        journal.plan(self.conn, sha, path, targets)
        _checkpoint("gepland")
        for p in plans:
            if p.target is None:
                continue
            if p.parent is None:
                write_new(p.target, copy_from=path)
            else:
                write_new(p.target, data=p.analysis.data)
            if p.reason_file is not None:
                write_new(p.reason_file, data=reason_text(p.analysis, path.name, subfolder, received).encode("utf-8"))
        _checkpoint("gekopieerd")
        if sha256_file(top.target)[0] != sha:  # the original changed while we copied: try again later
            self._abandon(sha, path)
            return Outcome(path, SKIPPED, "het bestand veranderde tijdens het kopiëren; volgende keer opnieuw")

        with ledger.transaction(self.conn):
            ids: dict[int, int] = {}
            for p in plans:
                doc_id = self._record(p, ids, received)
                if doc_id is not None:
                    ids[id(p)] = doc_id
                    outcome.document_ids.append(doc_id)
            journal.mark_committed(self.conn, sha)
        self._release_original(path, sha)
        return outcome

    # --- steps ---------------------------------------------------------------------------------

    def _analyze(self, path: Path, sha: str, size: int, reader: ReaderProcess | None = None) -> Analysis:
        # Size and type limits are the readers' (readers.read_file); a problem comes back inside the Analysis.
        try:
            return (reader or self.reader).analyze(path, known_sha=(sha, size))
        except ReaderError as exc:  # time-out or a crashed reader process
            return Analysis(name=path.name, sha256=sha, size=size, problem=Problem.from_error(exc))

    def _plan(self, analysis: Analysis, received: dt.datetime, subfolder: str) -> list[_Planned]:
        month = Path(f"{received:%Y}") / f"{received:%m}"
        archive = self.settings.paden.archief / month
        quarantine = self.settings.paden.fouten
        taken: set[Path] = set()
        seen_shas: set[str] = {analysis.sha256}

        def place(a: Analysis, folder_ok: Path, parent: _Planned | None, sub: str) -> _Planned:
            if a.problem is None:
                target = unique_path(folder_ok, a.name if parent else a.name, taken)
                taken.add(target)
                return _Planned(a, target, None, PROCESSED, sub, parent)
            target = unique_path(quarantine, a.name, taken)
            taken.add(target)
            reason = target.with_name(target.name + ".fout.txt")
            taken.add(reason)
            return _Planned(a, target, reason, QUARANTINED, sub, parent)

        top = place(analysis, archive, None, subfolder)
        plans = [top]

        def add_children(parent_plan: _Planned) -> None:
            a = parent_plan.analysis
            if not a.children:
                return
            member_folder = parent_plan.target.parent / f"{parent_plan.target.stem} (bijlagen)"
            container = str(PurePosixPath(parent_plan.subfolder) / parent_plan.analysis.name)
            for child in a.children:
                sub = str(PurePosixPath(container) / PurePosixPath(child.name).parent).rstrip("/.")
                known = ledger.find_by_sha(self.conn, child.sha256)
                if child.sha256 in seen_shas or (known is not None and known["status"] == PROCESSED):
                    plans.append(_Planned(child, None, None, DUPLICATE, sub, parent_plan))
                    continue
                seen_shas.add(child.sha256)
                plan = place(child, member_folder, parent_plan, sub)
                plans.append(plan)
                add_children(plan)

        add_children(top)
        return plans

    def _record(self, p: _Planned, ids: dict[int, int], received: dt.datetime) -> int | None:
        parent_id = ids.get(id(p.parent)) if p.parent is not None else None
        name = PurePosixPath(p.analysis.name).name
        stored = relative_to(p.target, self.base) if p.target is not None else None
        if p.status == DUPLICATE:
            known = ledger.find_by_sha(self.conn, p.analysis.sha256)
            ledger.insert_receipt(
                self.conn,
                sha256=p.analysis.sha256,
                original_name=name,
                subfolder=p.subfolder,
                received_at=received.isoformat(timespec="seconds"),
                outcome=DUPLICATE,
                document_id=known["id"] if known else None,
                stored_path=None,
            )
            return None
        a = p.analysis
        doc_id = ledger.insert_document(
            self.conn,
            sha256=a.sha256,
            original_name=name,
            subfolder=p.subfolder,
            size=a.size,
            received_at=received.isoformat(timespec="seconds"),
            content_type=a.content_type,
            parent_id=parent_id,
            archive_path=stored,
            status=p.status,
            error_code=a.problem.code if a.problem else None,
            error_message=f"{a.problem.message} {a.problem.advice}".strip() if a.problem else None,
            read=a.read,
            extraction=a.extraction,
        )
        ledger.insert_receipt(
            self.conn,
            sha256=a.sha256,
            original_name=name,
            subfolder=p.subfolder,
            received_at=received.isoformat(timespec="seconds"),
            outcome="nieuw" if p.status == PROCESSED else QUARANTINED,
            document_id=doc_id,
            stored_path=stored,
        )
        return doc_id

    def _duplicate(self, path: Path, sha: str, subfolder: str, received: dt.datetime, existing) -> Outcome:
        message = (
            f"dubbel: dezelfde inhoud is al ontvangen op {existing['received_at'][:10]} "
            f"als '{existing['original_name']}'; niets toegevoegd"
        )
        outcome = Outcome(path, DUPLICATE, message, kind=existing["kind"], document_ids=[existing["id"]])
        if self.dry_run:
            return outcome
        # The bytes are already archived; this copy is kept too (an original is never deleted).
        target = unique_path(self.settings.paden.archief / "dubbel" / f"{received:%Y}" / f"{received:%m}", path.name)
        journal.plan(self.conn, sha, path, [target])
        _checkpoint("gepland")
        write_new(target, copy_from=path)
        _checkpoint("gekopieerd")
        with ledger.transaction(self.conn):
            ledger.insert_receipt(
                self.conn,
                sha256=sha,
                original_name=path.name,
                subfolder=subfolder,
                received_at=received.isoformat(timespec="seconds"),
                outcome=DUPLICATE,
                document_id=existing["id"],
                stored_path=relative_to(target, self.base),
            )
            journal.mark_committed(self.conn, sha)
        self._release_original(path, sha)
        return outcome

    def _release_original(self, path: Path, sha: str) -> None:
        """After the commit: the original leaves the inbox, then the journal forgets the move."""
        _checkpoint("vastgelegd")
        path.unlink()
        _checkpoint("verwijderd")
        journal.forget(self.conn, sha)

    def _abandon(self, sha: str, source: Path) -> None:
        rows = self.conn.execute("SELECT target FROM intents WHERE group_sha = ?", (sha,)).fetchall()
        for row in rows:
            Path(row["target"]).unlink(missing_ok=True)
        journal.forget(self.conn, sha)

    def _subfolder(self, path: Path) -> str:
        try:
            rel = path.parent.resolve().relative_to(self.settings.paden.inbox.resolve())
        except ValueError:
            return ""
        return "" if str(rel) == "." else rel.as_posix()

    @staticmethod
    def _describe(plans: list[_Planned]) -> str:
        """One log line: the kind, or for a ZIP or e-mail what it held (each member with its kind)."""
        top = plans[0]
        a = top.analysis
        if top.status == QUARANTINED:
            text = f"quarantaine: {a.problem.message}"
        elif a.content_type in _CONTAINER_NAMES:
            text = _CONTAINER_NAMES[a.content_type]
            own = a.extraction.kind if a.extraction else None
            # a mail with nothing Wkb in it or attached says so, as the register does ("onbekend")
            if own and (own != KIND_UNKNOWN or len(plans) == 1):
                text += f", {own}"  # (the watcher's line puts the whole in brackets: "verwerkt (e-mail, onbekend)")
        else:
            kind = a.extraction.kind if a.extraction else (a.content_type or "")
            text = f"{kind}" if kind else "verwerkt"
        members = plans[1:]
        if members:
            ok = sum(p.status == PROCESSED for p in members)
            bad = sum(p.status == QUARANTINED for p in members)
            dup = sum(p.status == DUPLICATE for p in members)
            shown = ", ".join(_member_text(p) for p in members[:_MEMBERS_SHOWN])
            if len(members) > _MEMBERS_SHOWN:
                shown += f", en nog {len(members) - _MEMBERS_SHOWN}"
            text += f" met {len(members)} bijlagen ({ok} verwerkt, {bad} quarantaine, {dup} dubbel): {shown}"
        return text


_CONTAINER_NAMES = {"zip": "ZIP-bestand", "eml": "e-mail", "msg": "Outlook-bericht"}
_MEMBERS_SHOWN = 12  # a log line stays readable; the ledger has every member


def _member_text(plan: _Planned) -> str:
    a = plan.analysis
    if plan.status == QUARANTINED:
        return f"{a.name} (quarantaine)"
    if plan.status == DUPLICATE:
        return f"{a.name} (dubbel)"
    kind = a.extraction.kind if a.extraction else (a.content_type or "verwerkt")
    return f"{a.name} ({kind})"
