"""`wkb-desk letter DOSSIER SOORT` (one letter on request) and `wkb-desk templates` (the template check)."""

from __future__ import annotations

import datetime as dt
import logging

from wkb_desk.errors import ExitCode, InputError
from wkb_desk.letters.kinds import BY_SOORT, SOORTEN
from wkb_desk.rules.commands import iso_date

log = logging.getLogger("wkb_desk.letters")


def add_commands(subparsers) -> None:
    p = subparsers.add_parser(
        "letter",
        help="maak één brief voor een dossier (ook een besluit dat op controle wacht)",
        description="Maakt één brief uit sjablonen/ voor het dossier, in outbox/, vastgelegd in het grootboek en "
        "het register (blad Brieven). Bestaat de brief voor deze gebeurtenis al, dan gebeurt er niets, tenzij u "
        "--opnieuw geeft. Soorten: " + ", ".join(SOORTEN) + ".",
    )
    p.add_argument("dossier", metavar="DOSSIER", help="dossiernummer, bijvoorbeeld WKB-2026-0001")
    p.add_argument("soort", metavar="SOORT", choices=SOORTEN, help="soort brief (zie hierboven)")
    p.add_argument("--opnieuw", action="store_true", help="maak een nieuwe versie, ook als de brief al bestaat")
    p.add_argument("--dry-run", action="store_true", help="laat zien wat er zou gebeuren, schrijf niets")
    p.add_argument("--date", "--datum", dest="datum", type=iso_date, default=None, metavar="JJJJ-MM-DD",
                   help="datum van de brief en peildatum (standaard vandaag)")
    p.set_defaults(func=run_letter)

    p = subparsers.add_parser(
        "templates",
        help="controleer de Word-sjablonen voor brieven",
        description="Opent elk sjabloon in sjablonen/ en meldt per sjabloon en plek: onbekende variabelen, "
        "kapotte of niet afgesloten tags, gekrulde aanhalingstekens of opgesplitste tags. Exitcode 0 als alle "
        "sjablonen bruikbaar zijn.",
    )
    p.set_defaults(func=run_templates, needs_folders=False)


def run_templates(args, settings) -> int:
    from wkb_desk.letters.check import check_all, format_report

    reports = check_all(settings)
    for line in format_report(reports):
        print(line)
    bad = [r for r in reports if not r.usable]
    if bad:
        print(f"{len(bad)} van {len(reports)} sjablonen niet bruikbaar: de brieven daarvan worden niet gemaakt "
              "tot het sjabloon hersteld is.")
        return ExitCode.CONFIG
    print(f"Alle {len(reports)} sjablonen zijn bruikbaar.")
    return ExitCode.OK


def run_letter(args, settings) -> int:
    from wkb_desk import ledger
    from wkb_desk.letters.run import make_letter
    from wkb_desk.lock import ProcessLock
    from wkb_desk.rules.views import build_dossier_views

    day = args.datum or dt.date.today()
    dossier = args.dossier.strip().upper()

    def one(conn):
        views = {v.dossier: v for v in build_dossier_views(conn, settings, day)}
        view = views.get(dossier)
        if view is None:
            row = conn.execute("SELECT merged_into FROM dossiers WHERE id = ?", (dossier,)).fetchone()
            if row is not None and row[0]:
                raise InputError(f"Dossier {dossier} is samengevoegd met {row[0]}.", f"Gebruik {row[0]}.")
            raise InputError(f"Dossier {dossier} bestaat niet (of heeft op {day:%d-%m-%Y} nog geen documenten).",
                             "Kijk in het register of met 'wkb-desk dossiers --json' welk nummer u bedoelt.")
        return make_letter(settings, conn, view, args.soort, day, again=args.opnieuw, dry_run=args.dry_run)

    if args.dry_run:
        conn = ledger.open_readonly(settings.paden.database)
        try:
            record, note = one(conn)
        finally:
            conn.close()
    else:
        with ProcessLock(settings.paden.database, "letter"):
            conn = ledger.connect(settings.paden.database)
            try:
                record, note = one(conn)
                if note is None:
                    _update_register(settings, conn, day)
            finally:
                conn.close()
    title = BY_SOORT[args.soort].titel
    if note:
        print(note)
        return ExitCode.OK
    if args.dry_run:
        print(f"Proefdraai: {title} voor {dossier} zou gemaakt worden ({record.status.replace('_', ' ')}); "
              "niets geschreven.")
        return ExitCode.OK
    if record.path is None:
        print(f"{title} voor {dossier} is niet gemaakt: {record.reden}")
        return ExitCode.CONFIG
    print(f"{title} voor {dossier}: {record.path}")
    if record.reden:
        print(record.reden)
    return ExitCode.OK


def _update_register(settings, conn, day: dt.date) -> None:
    from wkb_desk.register import RegisterBusy, update_register
    from wkb_desk.rules.views import build_dossier_views

    try:
        update_register(settings, conn, lambda: build_dossier_views(conn, settings, day))
    except RegisterBusy as busy:
        log.warning("Het register is in gebruik door %s: de brief staat in het grootboek en komt in het register "
                    "bij de volgende run.", busy.user or "onbekend")
