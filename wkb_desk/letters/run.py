"""Making letters: the due ones after each batch (make_due_letters) and one on request (make_letter).

Per letter: claim the event in the ledger ('bezig', file name fixed) -> render -> write the file atomically ->
final status -> optional PDF. A crash after the claim leaves a claim the next run completes under the same
name; a made letter (gemaakt / wacht_op_adres) is never made again for its event unless a person asks
(`wkb-desk letter ... --opnieuw`, a new version). A broken template fails only the letters that need it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from wkb_desk.config import Settings
from wkb_desk.letters import context as ctx
from wkb_desk.letters import pdf, policy, store
from wkb_desk.letters.kinds import BY_SOORT, LetterKind
from wkb_desk.letters.records import (
    CLAIMED, DONE, MADE, TEMPLATE_ERROR, WAIT_ADDRESS, WAIT_CHECK, LetterRecord, LetterRun,
)
from wkb_desk.letters.render import TemplateProblem, Templates, render, write_atomic
from wkb_desk.models import DossierView

log = logging.getLogger("wkb_desk.letters")


@dataclass
class _Batch:
    settings: Settings
    conn: sqlite3.Connection
    on_date: dt.date
    dry_run: bool
    templates: Templates
    used: set[str]
    reported: set[str]  # templates whose problem was logged in this run
    pdf_todo: list[tuple[int, Path]] = field(default_factory=list)  # letters made, for one LibreOffice run at the end

    def make_pdfs(self) -> None:
        if not self.settings.brieven.pdf or not self.pdf_todo:
            return
        made = pdf.to_pdfs([path for _i, path in self.pdf_todo], timeout=self.settings.brieven.pdf_seconden)
        for letter_id, path in self.pdf_todo:
            if path in made:
                store.set_pdf(self.conn, letter_id, _relative(self.settings, made[path]))
        self.pdf_todo.clear()


def make_due_letters(settings: Settings, conn: sqlite3.Connection, views: list[DossierView], on_date: dt.date, *,
                     dry_run: bool = False) -> LetterRun:
    """Make every letter the facts call for on `on_date` that its event does not have yet.

    `made`: letters made now (status gemaakt or wacht_op_adres). `waiting`: every letter that is due but not made
    (wacht_op_controle, sjabloon_fout), also ones held back in earlier runs. In a dry run nothing is written and
    `path` is None.
    """
    run = LetterRun()
    views = [v for v in views if not v.provisional]
    docs = policy.load_documents(conn, {v.dossier for v in views})
    existing = store.latest_by_event(conn)
    batch = _Batch(settings, conn, on_date, dry_run, Templates(settings.paden.sjablonen), store.used_files(conn), set())
    due_now: set[tuple[str, str]] = set()
    for view in views:
        dd = docs.get(view.dossier, policy.DossierDocs())
        for due in policy.due_letters(settings, view, dd, on_date):
            if not policy.enabled(settings, due.soort):
                continue
            due_now.add((due.soort, due.event))
            row = existing.get((due.soort, due.event))
            if _done(existing, due):
                continue
            if due.wait:
                run.waiting.append(_hold(batch, view, due, row, WAIT_CHECK, due.wait))
                continue
            record = _make(batch, view, dd.docs, due, row, version=row.version if row else 1,
                           reuse=row.id if row else None)
            (run.made if record.status in DONE else run.waiting).append(record)
    if not dry_run:
        store.drop_stale_holds(conn, due_now)
        batch.make_pdfs()
    for record in run.made:
        log.info("Brief gemaakt: %s%s", record.path.name if record.path else record.soort,
                 f" ({record.reden})" if record.status == WAIT_ADDRESS else "")
    return run


def _done(existing: dict[tuple[str, str], store.Row], due: policy.Due) -> bool:
    for key in (due.event, *due.aliases):
        row = existing.get((due.soort, key))
        if row is not None and row.status in DONE:
            return True
    return False


def make_letter(settings: Settings, conn: sqlite3.Connection, view: DossierView, soort: str, on_date: dt.date, *,
                again: bool = False, dry_run: bool = False) -> tuple[LetterRecord, str | None]:
    """One letter on a person's request. Returns (record, None) or (the existing record, Dutch note) when the
    event already has its letter and `again` is not set. A person's request is their check: no wait for it."""
    kind = BY_SOORT[soort]
    dd = policy.load_documents(conn, {view.dossier}).get(view.dossier, policy.DossierDocs())
    due = next((d for d in policy.due_letters(settings, view, dd, on_date) if d.soort == soort), None)
    if due is None:
        visible = [d for d in dd.docs if d.visible_on(on_date)]
        due = policy.Due(soort, policy.event_key(view, visible, soort), view.dossier, ontbreekt=tuple(view.ontbreekt))
    by_event = store.latest_by_event(conn)
    existing = next((by_event[(soort, k)] for k in (due.event, *due.aliases) if (soort, k) in by_event), None)
    if existing is not None and existing.event != due.event:
        due = policy.Due(due.soort, existing.event, due.dossier, due.wait, due.ontbreekt, due.source)
    batch = _Batch(settings, conn, on_date, dry_run, Templates(settings.paden.sjablonen), store.used_files(conn), set())
    if existing is not None and existing.status in DONE and not again:
        note = (f"Voor deze gebeurtenis is al een {kind.titel.lower()} gemaakt ({existing.file}). "
                "Gebruik --opnieuw voor een nieuwe versie.")
        return _record(settings, existing, view), note
    if existing is not None and existing.status in DONE:
        record = _make(batch, view, dd.docs, due, None, version=existing.version + 1, reuse=None)
    else:
        record = _make(batch, view, dd.docs, due, existing, version=existing.version if existing else 1,
                       reuse=existing.id if existing else None)
    batch.make_pdfs()
    return record, None


# --- one letter ----------------------------------------------------------------------------------------


def _hold(batch: _Batch, view: DossierView, due: policy.Due, row: store.Row | None, status: str,
          reason: str) -> LetterRecord:
    address = ctx.project_address(view)
    if not batch.dry_run:
        store.hold(batch.conn, dossier=view.dossier, soort=due.soort, event=due.event, status=status, reason=reason,
                   address=address, existing=row)
    return LetterRecord(view.dossier, due.soort, due.event, status, reason, None, address)


def _make(batch: _Batch, view: DossierView, docs: list[policy.Doc], due: policy.Due, row: store.Row | None, *,
          version: int, reuse: int | None) -> LetterRecord:
    settings = batch.settings
    kind = BY_SOORT[due.soort]
    address = ctx.project_address(view)
    try:
        template = batch.templates.get(kind.sjabloon)
    except TemplateProblem as problem:
        return _template_failed(batch, view, due, row, problem)
    if row is not None and row.status == CLAIMED and row.file:
        relative = row.file  # finish what a crash interrupted, under the same name
    else:
        relative = _file_name(settings, batch, view, kind, version)
    to = ctx.addressee(view)
    status = MADE if to.known else WAIT_ADDRESS
    reason = to.reason if not to.known else ("nieuwe versie op verzoek" if version > 1 else "")
    if batch.dry_run:
        try:
            render(template, ctx.build_context(settings, kind, view, docs, letter_date=batch.on_date,
                                               kenmerk=f"{view.dossier}/?", ontbreekt=due.ontbreekt, to=to),
                   name=kind.sjabloon)
        except TemplateProblem as problem:
            return _template_failed(batch, view, due, row, problem)
        return LetterRecord(view.dossier, due.soort, due.event, status, reason or "proefdraai: niets geschreven",
                            None, address)
    letter_id = store.claim(batch.conn, dossier=view.dossier, soort=due.soort, event=due.event, version=version,
                            file=relative, letter_date=batch.on_date.isoformat(), address=address, reuse=reuse)
    context = ctx.build_context(settings, kind, view, docs, letter_date=batch.on_date,
                                kenmerk=f"{view.dossier}/{letter_id}", ontbreekt=due.ontbreekt, to=to)
    try:
        data = render(template, context, logo=_logo(settings), name=kind.sjabloon)
    except TemplateProblem as problem:
        store.finish(batch.conn, letter_id, TEMPLATE_ERROR, _problem_reason(problem), keep_file=False)
        _report(batch, kind, problem)
        return LetterRecord(view.dossier, due.soort, due.event, TEMPLATE_ERROR, _problem_reason(problem), None, address)
    path = settings.base_dir / relative
    write_atomic(path, data)
    store.finish(batch.conn, letter_id, status, reason)
    batch.pdf_todo.append((letter_id, path))
    return LetterRecord(view.dossier, due.soort, due.event, status, reason, path, address)


def _template_failed(batch: _Batch, view: DossierView, due: policy.Due, row: store.Row | None,
                     problem: TemplateProblem) -> LetterRecord:
    _report(batch, BY_SOORT[due.soort], problem)
    return _hold(batch, view, due, row, TEMPLATE_ERROR, _problem_reason(problem))


def _problem_reason(problem: TemplateProblem) -> str:
    return f"Niet gemaakt: {problem}. Herstel het sjabloon; de brief volgt bij de volgende run."


def _report(batch: _Batch, kind: LetterKind, problem: TemplateProblem) -> None:
    if kind.sjabloon not in batch.reported:
        batch.reported.add(kind.sjabloon)
        log.error("Brieven '%s' niet gemaakt: %s. De andere brieven gaan door.", kind.titel, problem)


def _logo(settings: Settings) -> Path | None:
    if not settings.gemeente.logo:
        return None
    path = Path(settings.gemeente.logo)
    path = path if path.is_absolute() else settings.base_dir / path
    if not path.is_file():
        log.warning("Logo %s (gemeente.logo) bestaat niet; de brief krijgt geen logo.", path)
        return None
    return path


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def _file_name(settings: Settings, batch: _Batch, view: DossierView, kind: LetterKind, version: int) -> str:
    """'outbox/2026-03-12 WKB-2026-0001 Ontvangstbevestiging bouwmelding.docx' (relative to the config folder)."""
    title = kind.titel.replace(" (besluit)", "")
    stem = _UNSAFE.sub("-", f"{batch.on_date.isoformat()} {view.dossier} {title}")
    if version > 1:
        stem += f" versie {version}"
    outbox = settings.paden.outbox
    n = 1
    while True:
        name = f"{stem}.docx" if n == 1 else f"{stem} ({n}).docx"
        relative = _relative(settings, outbox / name)
        if relative not in batch.used and not (outbox / name).exists():
            batch.used.add(relative)
            return relative
        n += 1


def _relative(settings: Settings, path: Path) -> str:
    try:
        return os.path.relpath(path, settings.base_dir).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return str(path)


def _record(settings: Settings, row: store.Row, view: DossierView) -> LetterRecord:
    path = settings.base_dir / row.file if row.file else None
    return LetterRecord(row.dossier, row.soort, row.event, row.status, row.reason, path, row.address)
