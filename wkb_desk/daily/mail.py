"""The mail outbox: the day overview is queued in the ledger, then sent by SMTP; a failed send waits for the next run.

Never lost: the mail is queued in the same transaction that records the overview, and stays 'wacht' until the
server accepted it. Never twice: one row per date (UNIQUE), marked 'bezig' before it is handed to the server and
'verzonden' right after. Only a crash in the moment between the server's "accepted" and that mark leaves a
'bezig' row; it is sent again (same Message-ID, so a mail program can tell) rather than lost, with a warning.

The password comes only from the environment variable WKB_DESK_SMTP_WACHTWOORD and is never logged, stored
or shown: error texts are scrubbed before they reach the log or the ledger.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import smtplib
import socket
import ssl
import sqlite3
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from wkb_desk.config import SMTP_PASSWORD_ENV, EmailSettings, Settings
from wkb_desk.intake.files import relative_to
from wkb_desk.ledger import now_iso, transaction

log = logging.getLogger("wkb_desk.daily")

WAITING = "wacht"
SENDING = "bezig"
SENT = "verzonden"
TIMEOUT = 30.0  # seconds for connect and each SMTP reply
DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


@dataclass
class SendReport:
    sent: list[str]  # dates
    waiting: list[str]  # dates still waiting after this try
    errors: list[str]  # Dutch, scrubbed


def queue(conn: sqlite3.Connection, settings: Settings, run_date: dt.date, subject: str, body: str,
          attachment: Path) -> bool:
    """Queue (or, while not yet sent, refresh) the mail of one date. Inside the caller's transaction.

    Returns False when the mail of this date was already sent: never a second mail for a day.
    """
    email = settings.email
    row = conn.execute("SELECT state FROM mail_outbox WHERE run_date = ?", (run_date.isoformat(),)).fetchone()
    rel = relative_to(attachment, settings.base_dir)
    if row is None:
        domain = email.van.rsplit("@", 1)[-1] or "wkb-desk.local"
        conn.execute(
            "INSERT INTO mail_outbox (run_date, created_at, state, recipients_json, subject, body, attachment,"
            " message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (run_date.isoformat(), now_iso(), WAITING, json.dumps(list(email.aan)), subject, body, rel,
             make_msgid(f"dagoverzicht.{run_date.isoformat()}", domain=domain)),
        )
        return True
    if row["state"] == WAITING:
        conn.execute("UPDATE mail_outbox SET subject = ?, body = ?, attachment = ?, recipients_json = ?"
                     " WHERE run_date = ?", (subject, body, rel, json.dumps(list(email.aan)), run_date.isoformat()))
        return True
    return False


def pending(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM mail_outbox WHERE state IN (?, ?) ORDER BY run_date",
                        (WAITING, SENDING)).fetchall()


def states(conn: sqlite3.Connection) -> dict[str, sqlite3.Row]:
    """run_date -> (state, attempts, last_error) of every queued e-mail, for `wkb-desk runs`."""
    try:
        rows = conn.execute("SELECT run_date, state, attempts, last_error FROM mail_outbox").fetchall()
    except sqlite3.OperationalError:  # a ledger from before migration 1001
        return {}
    return {r["run_date"]: r for r in rows}


def state_of(conn: sqlite3.Connection, run_date: dt.date) -> str | None:
    try:
        row = conn.execute("SELECT state FROM mail_outbox WHERE run_date = ?", (run_date.isoformat(),)).fetchone()
    except sqlite3.OperationalError:  # a dry run on a ledger from before migration 1001
        return None
    return row["state"] if row else None


def send_pending(conn: sqlite3.Connection, settings: Settings) -> SendReport:
    """Send every waiting mail, oldest first. A failure is logged (Dutch, without the password) and kept for the
    next run; the other mails are still tried."""
    report = SendReport([], [], [])
    rows = pending(conn)
    if not rows:
        return report
    email = settings.email
    if not email.enabled:
        log.info("Er wachten %d e-mail(s), maar [email] aan is leeg: ze blijven staan tot er adressen zijn.", len(rows))
        report.waiting = [r["run_date"] for r in rows]
        return report
    password = os.environ.get(SMTP_PASSWORD_ENV, "")
    if email.gebruiker and not password:
        problem = (f"email.gebruiker is ingevuld maar de omgevingsvariabele {SMTP_PASSWORD_ENV} (het wachtwoord) "
                   "is niet gezet")
        for r in rows:
            _failed(conn, r, problem)
        report.errors.append(problem)
        report.waiting = [r["run_date"] for r in rows]
        log.warning("E-mail niet verzonden: %s. De e-mail blijft bewaard en gaat mee met de volgende run.", problem)
        return report
    for r in rows:
        if r["state"] == SENDING:
            log.warning("De e-mail van %s was bij een vorige run mogelijk al verstuurd toen die werd onderbroken; "
                        "hij wordt opnieuw verstuurd (met hetzelfde berichtnummer).", r["run_date"])
        try:
            message = _message(r, email, settings.base_dir)
        except OSError as exc:
            problem = f"de bijlage {r['attachment']} kan niet gelezen worden ({exc.strerror or exc})"
            _failed(conn, r, problem)
            report.errors.append(problem)
            report.waiting.append(r["run_date"])
            log.warning("E-mail van %s niet verzonden: %s. Hij blijft bewaard voor de volgende run.", r["run_date"], problem)
            continue
        with transaction(conn):
            conn.execute("UPDATE mail_outbox SET state = ?, attempts = attempts + 1, last_attempt_at = ? WHERE id = ?",
                         (SENDING, now_iso(), r["id"]))
        try:
            _deliver(message, email, password)
        except (OSError, smtplib.SMTPException, ssl.SSLError) as exc:
            problem = scrub(_describe(exc, email), password)
            with transaction(conn):
                conn.execute("UPDATE mail_outbox SET state = ?, last_error = ? WHERE id = ?", (WAITING, problem, r["id"]))
            report.errors.append(problem)
            report.waiting.append(r["run_date"])
            log.warning("E-mail van het dagoverzicht %s niet verzonden: %s. Hij blijft bewaard en wordt bij de "
                        "volgende run opnieuw verstuurd.", r["run_date"], problem)
            continue
        with transaction(conn):
            conn.execute("UPDATE mail_outbox SET state = ?, sent_at = ?, last_error = NULL WHERE id = ?",
                         (SENT, now_iso(), r["id"]))
        report.sent.append(r["run_date"])
        log.info("Dagoverzicht %s per e-mail verstuurd aan %s.", r["run_date"], ", ".join(json.loads(r["recipients_json"])))
    return report


def _failed(conn: sqlite3.Connection, row: sqlite3.Row, problem: str) -> None:
    with transaction(conn):
        conn.execute("UPDATE mail_outbox SET state = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = ?"
                     " WHERE id = ?", (WAITING, now_iso(), problem, row["id"]))


def _message(row: sqlite3.Row, email: EmailSettings, base: Path) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = email.van
    msg["To"] = ", ".join(json.loads(row["recipients_json"]))
    msg["Subject"] = row["subject"]
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = row["message_id"]
    msg.set_content(row["body"])
    if row["attachment"]:
        path = Path(row["attachment"])
        path = path if path.is_absolute() else base / path
        msg.add_attachment(path.read_bytes(), maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename=path.name)
    return msg


def _deliver(message: EmailMessage, email: EmailSettings, password: str) -> None:
    context = ssl.create_default_context()
    if email.beveiliging == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(email.server, email.poort, timeout=TIMEOUT, context=context)
    else:
        smtp = smtplib.SMTP(email.server, email.poort, timeout=TIMEOUT)
    with smtp:
        smtp.ehlo()
        if email.beveiliging == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()
        if email.gebruiker:
            smtp.login(email.gebruiker, password)
        smtp.send_message(message)


def _describe(exc: BaseException, email: EmailSettings) -> str:
    where = f"{email.server}:{email.poort}"
    if isinstance(exc, ConnectionRefusedError):
        return f"de mailserver {where} weigert de verbinding"
    if isinstance(exc, socket.gaierror):
        return f"de mailserver {email.server} is niet te vinden (naam onbekend)"
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return f"de mailserver {where} antwoordt niet (tijdslimiet)"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"inloggen bij {where} als {email.gebruiker} lukt niet (gebruiker of wachtwoord onjuist)"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"de mailserver {where} ondersteunt dit niet ({exc}); controleer email.beveiliging"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return f"de mailserver {where} weigert de ontvanger(s): {', '.join(exc.recipients)}"
    if isinstance(exc, ssl.SSLError):
        return f"de beveiligde verbinding met {where} lukt niet ({exc.reason or exc}); controleer email.beveiliging"
    if isinstance(exc, smtplib.SMTPException):
        return f"de mailserver {where} gaf een fout: {exc}"
    return f"verbinding met de mailserver {where} mislukt: {getattr(exc, 'strerror', None) or exc}"


def scrub(text: str, password: str) -> str:
    """Never let the password reach a log or the ledger, whatever a library put in an error text."""
    if password:
        text = text.replace(password, "***")
    return text
