"""`wkb-desk rebuild`: recreate the register from the ledger, people's columns and corrections included."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3

from wkb_desk.rules.commands import iso_date

log = logging.getLogger("wkb_desk.register")


def add_commands(subparsers) -> None:
    p = subparsers.add_parser(
        "rebuild",
        help="maak het Excel-register opnieuw uit het grootboek (met correcties en eigen kolommen)",
        description="Maakt het register opnieuw op uit het grootboek: alle dossiers (ook rijen die iemand "
        "verwijderde), correcties, Behandelaar, Opmerkingen en eigen kolommen. Het oude bestand blijft als back-up.",
    )
    p.add_argument("--dry-run", action="store_true", help="laat zien wat er zou gebeuren, schrijf niets")
    p.add_argument("--date", "--datum", dest="datum", type=iso_date, default=None, metavar="JJJJ-MM-DD",
                   help="peildatum voor termijnen (standaard vandaag)")
    p.set_defaults(func=run_rebuild)


def run_rebuild(args, settings) -> int:
    from wkb_desk import ledger
    from wkb_desk.lock import ProcessLock
    from wkb_desk.register.writer import rebuild_register

    day = getattr(args, "datum", None) or dt.date.today()
    dry_run = bool(getattr(args, "dry_run", False))

    def views(conn: sqlite3.Connection):
        from wkb_desk.rules.views import build_dossier_views

        return lambda: build_dossier_views(conn, settings, day)

    if dry_run:
        conn = ledger.open_readonly(settings.paden.database)
        try:
            result = rebuild_register(settings, conn, views(conn), dry_run=True)
        finally:
            conn.close()
    else:
        with ProcessLock(settings.paden.database, "rebuild"):
            conn = ledger.connect(settings.paden.database)
            try:
                result = rebuild_register(settings, conn, views(conn))
            finally:
                conn.close()
    # Warnings are logged by the register itself (screen and log file).
    if not result.saved:  # a save is already reported by the register's own log line
        print(result.summary())
    if result.backup:
        print(f"Vorige versie bewaard als {result.backup}")
    return 0
