"""The `dossiers` and `link` subcommands. cli.py calls `add_commands(subparsers)`; handlers are
`func(args, settings) -> int` and raise WkbError subclasses for what a user did wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys

from wkb_desk import ledger
from wkb_desk.config import Settings
from wkb_desk.dossiers import LinkError, find_document, link_document, merge_dossiers
from wkb_desk.errors import ExitCode
from wkb_desk.rules.views import dossiers_json


def iso_date(text: str) -> dt.date:
    """argparse type for --date: JJJJ-MM-DD, with a Dutch message when it is not."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-05-15.") from None


def add_commands(subparsers) -> None:
    p = subparsers.add_parser(
        "dossiers",
        help="toon de dossiers met status, termijnen en signalen",
        description="Toon alle dossiers met status, termijnen en signalen op een peildatum.",
    )
    p.add_argument("--json", action="store_true", help="schrijf een JSON-lijst (één object per dossier)")
    p.add_argument("--date", "--datum", dest="date", type=iso_date, metavar="JJJJ-MM-DD",
                   help="peildatum (standaard vandaag); elke dag kan zo opnieuw worden bekeken")
    p.set_defaults(func=run_dossiers)

    p = subparsers.add_parser(
        "link",
        help="koppel een document aan een dossier, of voeg dossiers samen",
        description=(
            "Koppel een document (nummer of bestandsnaam) aan een dossier. Die keuze blijft staan. "
            "Met twee dossiernummers wordt het eerste dossier in het tweede samengevoegd."
        ),
    )
    p.add_argument("bron", metavar="DOCUMENT|DOSSIER", help="documentnummer, bestandsnaam of dossiernummer")
    p.add_argument("doel", metavar="DOSSIER", nargs="?", help="het dossier waar het bij hoort")
    p.add_argument("--nieuw", action="store_true", help="zet het document in een nieuw, eigen dossier")
    p.add_argument("--samenvoegen", action="store_true",
                   help="voeg het hele dossier van het document samen met het doeldossier")
    p.add_argument("--dry-run", action="store_true", help="laat zien wat er zou gebeuren; schrijf niets")
    p.set_defaults(func=run_link)


def run_dossiers(args: argparse.Namespace, settings: Settings) -> int:
    on_date = args.date or dt.date.today()  # the CLI is the only place that reads the clock
    conn = ledger.connect(settings.paden.database)
    try:
        items = dossiers_json(conn, settings, on_date)
    finally:
        conn.close()
    out = sys.stdout
    if args.json:
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return ExitCode.OK
    if not items:
        out.write(f"Geen dossiers op {on_date:%d-%m-%Y}.\n")
        return ExitCode.OK
    out.write(f"Dossiers op {on_date:%d-%m-%Y}: {len(items)}\n")
    for item in items:
        place = ", ".join(x for x in (item["adres"], item["plaats"]) if x) or "locatie onbekend"
        out.write(f"\n{item['dossier']}  {item['status']}  {place}\n")
        nxt = item["volgende_termijn"]
        if nxt:
            out.write(f"  volgende termijn: {nxt['omschrijving']} {dt.date.fromisoformat(nxt['datum']):%d-%m-%Y}\n")
        for flag in item["signaal_details"]:
            out.write(f"  [{flag['ernst']}] {flag['melding']}\n")
        out.write(f"  documenten: {', '.join(item['documenten'])}\n")
    return ExitCode.OK


def run_link(args: argparse.Namespace, settings: Settings) -> int:
    """One transaction; with --dry-run it is rolled back after showing the result.

    No process lock: SQLite serialises the write, and a running `watch` notices the change and updates the
    register (Desk.ledger_changed_elsewhere); otherwise the next `ingest` or `rebuild` does.
    """
    conn = ledger.connect(settings.paden.database)
    prefix = "Proefdraai, er is niets gewijzigd: " if args.dry_run else ""
    conn.execute("BEGIN IMMEDIATE")
    try:
        code = _link(conn, args, prefix)
    except BaseException:
        conn.execute("ROLLBACK")
        conn.close()
        raise
    conn.execute("ROLLBACK" if args.dry_run else "COMMIT")
    conn.close()
    return code


def _link(conn, args: argparse.Namespace, prefix: str) -> int:
    source = args.bron.strip()
    if re.fullmatch(r"(?i)WKB-\d{4}-\d+", source):
        if not conn.execute("SELECT 1 FROM dossiers WHERE id = ?", (source.upper(),)).fetchone():
            raise LinkError(f"Dossier {source.upper()} bestaat niet.",
                            "Controleer het nummer met 'wkb-desk dossiers'.")
        if not args.doel:
            raise LinkError("Noem het dossier waarmee samengevoegd moet worden.",
                            "Bijvoorbeeld: wkb-desk link WKB-2026-0003 WKB-2026-0001")
        merge_dossiers(conn, source.upper(), args.doel.strip().upper())
        print(f"{prefix}Dossier {source.upper()} is samengevoegd met {args.doel.strip().upper()}.")
        return ExitCode.OK
    if args.nieuw == bool(args.doel):
        raise LinkError("Geef óf een doeldossier óf --nieuw.",
                        "Bijvoorbeeld: wkb-desk link 12 WKB-2026-0001, of wkb-desk link 12 --nieuw")
    document_id = find_document(conn, source)
    target = None if args.nieuw else args.doel.strip().upper()
    link_document(conn, document_id, target, merge=args.samenvoegen)
    row = conn.execute("SELECT original_name, dossier_id FROM documents WHERE id = ?", (document_id,)).fetchone()
    what = "Het dossier van document" if args.samenvoegen else "Document"
    print(f"{prefix}{what} {document_id} ({row['original_name']}) staat nu in dossier {row['dossier_id']}; "
          "deze keuze blijft staan.")
    return ExitCode.OK
