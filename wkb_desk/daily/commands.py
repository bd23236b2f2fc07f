"""CLI: `daily`, `run` and `runs`. cli.py calls `add_commands(subparsers)`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging

from wkb_desk import ledger
from wkb_desk.config import Settings
from wkb_desk.errors import ExitCode
from wkb_desk.rules.commands import iso_date

log = logging.getLogger("wkb_desk.daily")


def add_commands(sub) -> None:
    p = sub.add_parser(
        "daily",
        help="de dagelijkse run: inbox verwerken, termijnen en brieven, register en het dagoverzicht",
        description="Verwerkt de inbox, beoordeelt elk dossier op de datum, maakt de brieven die nodig zijn, werkt "
        "het register bij en schrijft outbox/dagoverzicht-JJJJ-MM-DD.docx (en mailt het, zie [email]). Nogmaals "
        "voor dezelfde datum verandert niets. Zonder --date worden gemiste dagen eerst ingehaald.",
    )
    p.add_argument("--date", "--datum", dest="date", type=iso_date, metavar="JJJJ-MM-DD",
                   help="de datum van de run (standaard vandaag, na eventueel gemiste dagen)")
    p.add_argument("--dry-run", action="store_true", help="laat zien wat er zou gebeuren; schrijf en verstuur niets")
    p.set_defaults(func=cmd_daily)

    p = sub.add_parser(
        "run",
        help="onbeheerd draaien: de inbox bewaken en elke dag op [dagelijks] tijd de dagelijkse run",
        description="Bewaakt de inbox (zoals 'watch') en doet elke dag op [dagelijks] tijd de dagelijkse run. Bij "
        "het starten worden gemiste dagen ingehaald. Stoppen met Ctrl+C of SIGTERM.",
    )
    p.add_argument("--dry-run", action="store_true", help="laat zien wat er zou gebeuren; schrijf en verstuur niets")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("runs", help="de laatste dagelijkse runs uit het grootboek (werkte de run van vannacht?)")
    p.add_argument("--aantal", type=int, default=10, metavar="N", help="zoveel runs (standaard 10)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(func=cmd_runs)


def cmd_daily(args: argparse.Namespace, settings: Settings) -> int:
    from wkb_desk.daily import records
    from wkb_desk.daily.run import due_days, run_daily
    from wkb_desk.desk import Desk

    today = dt.date.today()  # the CLI is the only place that reads the clock
    busy = False
    with Desk(settings, command="daily", dry_run=args.dry_run) as desk:
        if args.date is not None:
            days = [args.date]
        else:
            days = due_days(records.last_done_date(desk.conn), today,
                            max_days=settings.dagelijks.inhalen_max_dagen, repeat_target=True)
        for day in days:
            result = run_daily(desk, day, command="daily")
            busy = busy or bool(result.register_busy)
    if busy:
        return ExitCode.REGISTER_BUSY
    return ExitCode.OK


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from wkb_desk.daily.scheduler import run_service
    from wkb_desk.stopping import stop_on_signals

    stop = stop_on_signals("Stoppen gevraagd; wat nu onder handen is, wordt eerst afgemaakt.")
    return run_service(settings, stop=stop, dry_run=args.dry_run)


def cmd_runs(args: argparse.Namespace, settings: Settings) -> int:
    from wkb_desk.daily import mail, records

    conn = ledger.open_readonly(settings.paden.database)
    try:
        runs = records.recent_runs(conn, max(1, args.aantal))
        mails = mail.states(conn)
    finally:
        conn.close()
    for run in runs:
        m = mails.get(run["datum"])
        run["email"] = ({"status": m["state"], "pogingen": m["attempts"], "laatste_fout": m["last_error"]}
                        if m else None)
    if args.json:
        print(json.dumps(runs, ensure_ascii=False, indent=2))
        return ExitCode.OK
    if not runs:
        print("Nog geen dagelijkse run in het grootboek.")
        return ExitCode.OK
    for run in runs:
        sent = run["email"]
        mail_text = ""
        if sent:
            mail_text = f"; e-mail {sent['status']}"
            if sent["laatste_fout"] and sent["status"] != "verzonden":
                mail_text += f" ({sent['laatste_fout']})"
        print(f"{run['datum']}  {run['resultaat']:<20} gestart {run['gestart']}, klaar {run['klaar'] or '-'} "
              f"({run['opdracht']}): {run['melding']}{mail_text}")
    return ExitCode.OK
