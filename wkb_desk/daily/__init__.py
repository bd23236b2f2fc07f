"""The daily run, the day overview (by e-mail) and the scheduler that runs unattended (issue 10).

    from wkb_desk.daily import run_daily, run_service
    run_daily(desk, on_date, *, command="daily", sweep=True) -> DailyResult   # on an open Desk
    run_service(settings, *, stop, ready=None, dry_run=False, now=..., interval=None) -> exit code   # `wkb-desk run`

Modules: run.py (one date: sweep, flush, overview, mail), content.py (what the overview says), document.py (the
.docx), mail_text.py and mail.py (the e-mail and the outbox in the ledger), records.py (runs and days in the
ledger), people.py (the register's Behandelaar), scheduler.py (`run`), commands.py (the CLI).
"""

from wkb_desk.daily.run import DailyResult, run_daily
from wkb_desk.daily.scheduler import DailyJobs, run_service

__all__ = ["DailyJobs", "DailyResult", "run_daily", "run_service"]
