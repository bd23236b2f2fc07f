"""CLI commands of the intake: ingest, extract, status, watch."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from wkb_desk import ledger
from wkb_desk.config import Settings
from wkb_desk.desk import ERROR, Desk
from wkb_desk.errors import ExitCode, InputError, ReaderError
from wkb_desk.intake.analysis import Analysis
from wkb_desk.intake.pipeline import QUARANTINED
from wkb_desk.intake.sandbox import ReaderProcess
from wkb_desk.intake.sweep import MEMBERS_QUARANTINED, sweep_inbox, sweep_summary

log = logging.getLogger("wkb_desk.intake")


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="verwerk alle complete bestanden in de inbox één keer")
    p.add_argument("--dry-run", action="store_true", help="laat zien wat er zou gebeuren; schrijf niets")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("extract", help="lees bestanden en toon wat de verwerking ziet (zonder iets te wijzigen)")
    p.add_argument("files", nargs="+", type=Path, metavar="BESTAND")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(func=cmd_extract, needs_folders=False)

    p = sub.add_parser("status", help="tellingen uit het grootboek")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("watch", help="bewaak de inbox en verwerk elk bestand zodra het compleet is")
    p.add_argument("--dry-run", action="store_true", help="laat zien wat er zou gebeuren; verplaats of bewaar niets")
    p.set_defaults(func=cmd_watch)


# --- ingest --------------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    started = time.monotonic()
    with Desk(settings, command="ingest", dry_run=args.dry_run) as desk:
        swept = sweep_inbox(desk)
        flush = desk.flush()
    counts = swept.counts
    summary = sweep_summary(counts, time.monotonic() - started, args.dry_run)
    log.info(summary)
    if swept.left:
        log.info("Nog in de inbox (veranderde nog tijdens het wachten): %s", ", ".join(p.name for p in swept.left))
    if flush.letters is not None and (flush.letters.made or flush.letters.waiting):
        log.info("%s Ze staan in %s en op het blad Brieven van het register.", flush.letters.summary(),
                 settings.paden.outbox)
    if (counts[QUARANTINED] or counts[MEMBERS_QUARANTINED]) and not args.dry_run:
        log.info("Wat er mis is en wat u kunt doen, staat per bestand in %s (het .fout.txt-bestand ernaast).",
                 settings.paden.fouten)
    if flush.register_busy:
        log.warning(
            "Het register is in gebruik door %s en is niet bijgewerkt. Alles staat veilig in het grootboek; "
            "de wijzigingen volgen bij de volgende run zodra het register gesloten is.",
            flush.register_busy,
        )
        return ExitCode.REGISTER_BUSY
    if counts[QUARANTINED] or counts[ERROR] or counts[MEMBERS_QUARANTINED]:
        return ExitCode.PARTIAL
    return ExitCode.OK


# --- extract -------------------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    results = []
    failed = False
    ocr = settings.ocr if settings.ocr.engine != "uit" else None
    with ReaderProcess(settings.limieten, settings.paden.referentie, ocr=ocr) as reader:
        for path in args.files:
            if not path.is_file():
                raise InputError(f"Bestand niet gevonden: {path}.", "Controleer het pad.")
            try:
                analysis = reader.analyze(path)
            except ReaderError as exc:
                results.append({"bestand": path.name, "soort": None, "fout": {"code": exc.code, "melding": str(exc)}})
                failed = True
                continue
            results.extend(_analysis_json(analysis, path.name))
            failed = failed or any(a.problem is not None for a in analysis.walk())
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for item in results:
            _print_extraction(item)
    return ExitCode.PARTIAL if failed else ExitCode.OK


def _analysis_json(analysis: Analysis, shown_name: str, parent: str | None = None) -> list[dict]:
    item: dict = {"bestand": shown_name}
    if parent:
        item["onderdeel_van"] = parent
    item["inhoudstype"] = analysis.content_type
    if analysis.extraction is not None:
        item.update(analysis.extraction.to_json())
    else:
        item.update({"soort": None, "velden": {}, "ontbreekt": [], "waarschuwingen": []})
    if analysis.read is not None:
        item["paginas"] = len([p for p in analysis.read.pages if p.region == "body"])
        item["waarschuwingen"] = list(item.get("waarschuwingen", [])) + list(analysis.read.warnings)
        ocr_pages = [p for p in analysis.read.pages if p.ocr_engine]
        if ocr_pages:
            item["tekstherkenning"] = [
                {"pagina": p.number, "engine": p.ocr_engine, "tekens": len(p.text), "tekst": _without_bsn(p.text)}
                for p in ocr_pages
            ]
    if analysis.problem is not None:
        item["fout"] = {"code": analysis.problem.code, "melding": f"{analysis.problem.message} {analysis.problem.advice}"}
    out = [item]
    for child in analysis.children:
        out.extend(_analysis_json(child, child.name, parent=shown_name))
    return out


def _without_bsn(text: str) -> str:
    from wkb_desk.extract.normalize import has_bsn_label, scrub_bsn

    return "\n".join(scrub_bsn(line) if has_bsn_label(line) else line for line in text.splitlines())


def _print_extraction(item: dict) -> None:
    print(f"{item['bestand']}: {item.get('soort') or '-'}" + (f" (in {item['onderdeel_van']})" if item.get("onderdeel_van") else ""))
    if "fout" in item:
        print(f"  fout: {item['fout']['melding']}")
    for name, value in item.get("velden", {}).items():
        print(f"  {name}: {value['waarde']}  (p. {value.get('pagina') or '-'}: {value.get('fragment', '')[:60]!r})")
    if item.get("ontbreekt"):
        print(f"  ontbreekt: {', '.join(item['ontbreekt'])}")
    for page in item.get("tekstherkenning", []):
        print(f"  tekstherkenning: pagina {page['pagina']} gelezen door {page['engine']} ({page['tekens']} tekens)")
    for warning in item.get("waarschuwingen", []):
        print(f"  let op: {warning}")


# --- status / watch ------------------------------------------------------------------------------


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    conn = ledger.connect(settings.paden.database)
    try:
        counts = ledger.status_counts(conn)
    finally:
        conn.close()
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return ExitCode.OK
    docs = counts["documenten"]
    print(f"Documenten: {sum(docs.values())} ({docs.get('verwerkt', 0)} verwerkt, {docs.get('quarantaine', 0)} in quarantaine)")
    for kind, n in sorted(counts["soorten"].items()):
        print(f"  {kind}: {n}")
    rec = counts["ontvangsten"]
    print(f"Ontvangen bestanden: {sum(rec.values())} (waarvan {rec.get('dubbel', 0)} dubbel)")
    print(f"Dossiers: {counts['dossiers']}")
    return ExitCode.OK


def cmd_watch(args: argparse.Namespace, settings: Settings) -> int:
    from wkb_desk.intake.watcher import run_watch
    from wkb_desk.stopping import stop_on_signals

    stop = stop_on_signals("Stoppen gevraagd; het bestand dat nu verwerkt wordt, wordt eerst afgemaakt.")
    return run_watch(settings, stop=stop, dry_run=args.dry_run)
