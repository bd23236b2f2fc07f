"""The day overview by e-mail against a real SMTP server (aiosmtpd) on 127.0.0.1: recipients, subject, body and
attachment; a server that is down (retried on the next run, sent exactly once); the password never in a log."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from conftest import run_cli
from daily_support import MailServer, bouwmelding, email_config, free_port

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH:UserWarning")  # aiosmtpd: AUTH without TLS on 127.0.0.1

D1 = dt.date(2026, 3, 2)
D2 = dt.date(2026, 3, 3)
PASSWORD = "Zeer-Geheim-7731!"
TEAM = ["teamleider@gemeente.example", "collega@gemeente.example"]


def daily(settings, day: dt.date, password: str | None = PASSWORD):
    env = {"WKB_DESK_SMTP_WACHTWOORD": password} if password is not None else {}
    result = run_cli("--config", str(settings.config_path), "daily", "--date", day.isoformat(), env=env)
    assert result.returncode == 0, result.stderr
    return result


def documents(settings) -> None:
    inbox = settings.paden.inbox
    bouwmelding(inbox, "2026020200101", dt.date(2026, 2, 2), "Kerkstraat", "12", "7601 AB", "Almelo",
                start=dt.date(2026, 3, 16))
    bouwmelding(inbox, "2026020300202", dt.date(2026, 2, 3), "Molenweg", "3", "7602 CD", "Almelo",
                start=dt.date(2026, 3, 5))


def outbox_rows(settings) -> list[sqlite3.Row]:
    conn = sqlite3.connect(settings.paden.database)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM mail_outbox ORDER BY run_date").fetchall()
    finally:
        conn.close()


def log_text(settings) -> str:
    return (settings.paden.logboek / "wkb-desk.log").read_text(encoding="utf-8")


def attachment(msg):
    (part,) = [p for p in msg.iter_attachments()]
    return part.get_filename(), part.get_content()


def test_the_overview_is_mailed_once_with_login(workspace):
    with MailServer(user="wkb", password=PASSWORD) as server:
        settings = workspace(email_config(server.port, TEAM, user="wkb"))
        documents(settings)
        first = daily(settings, D1)
        again = daily(settings, D1)
    assert len(server.messages) == 1
    rcpt, msg = server.messages[0]
    assert rcpt == TEAM and msg["To"] == ", ".join(TEAM) and msg["From"] == "wkb-desk@gemeente.example"
    assert msg["Subject"].startswith("Wkb-dagoverzicht maandag 2 maart 2026:")
    assert "0 kritiek" in msg["Subject"] and "2 nieuw" in msg["Subject"]
    body = msg.get_body(("plain",)).get_content()
    assert "Beste collega" in body and "- Nieuw binnengekomen: 2" in body
    assert "Meest urgent:" in body and "Molenweg 3, Almelo: Uiterste startmelding" in body
    name, data = attachment(msg)
    assert name == "dagoverzicht-2026-03-02.docx"
    assert data == (settings.paden.outbox / name).read_bytes()
    assert server.logins == [("wkb", True)]
    (row,) = outbox_rows(settings)
    assert row["state"] == "verzonden" and row["attempts"] == 1
    for text in (first.stderr, again.stderr, log_text(settings)):
        assert PASSWORD not in text
    assert "per e-mail verstuurd" in first.stderr and "per e-mail verstuurd" not in again.stderr


def test_a_server_that_is_down_gets_the_mail_on_the_next_run_exactly_once(workspace):
    port = free_port()  # nothing listens here yet: connection refused
    settings = workspace(email_config(port, TEAM))
    documents(settings)
    down = daily(settings, D1)
    assert "weigert de verbinding" in down.stderr and "volgende run" in down.stderr
    (row,) = outbox_rows(settings)
    assert row["state"] == "wacht" and row["attempts"] == 1 and "weigert" in row["last_error"]
    assert (settings.paden.outbox / "dagoverzicht-2026-03-02.docx").exists()

    with MailServer(port=port) as server:
        daily(settings, D2)
        daily(settings, D2)
        daily(settings, D1)
    subjects = sorted(msg["Subject"] for _rcpt, msg in server.messages)
    assert len(subjects) == 2  # D1's waiting mail once, D2's once; repeats send nothing
    assert subjects[0].startswith("Wkb-dagoverzicht dinsdag 3 maart") or subjects[1].startswith("Wkb-dagoverzicht dinsdag 3 maart")
    names = sorted(attachment(msg)[0] for _rcpt, msg in server.messages)
    assert names == ["dagoverzicht-2026-03-02.docx", "dagoverzicht-2026-03-03.docx"]
    assert [r["state"] for r in outbox_rows(settings)] == ["verzonden", "verzonden"]


def test_a_wrong_password_is_logged_without_the_password_and_retried(workspace):
    wrong = "Fout-Wachtwoord-4412"
    with MailServer(user="wkb", password=PASSWORD) as server:
        settings = workspace(email_config(server.port, TEAM, user="wkb"))
        failed = daily(settings, D1, password=wrong)
        missing = daily(settings, D1, password=None)
        daily(settings, D1)
    assert "inloggen bij 127.0.0.1" in failed.stderr and "WKB_DESK_SMTP_WACHTWOORD" in missing.stderr
    assert len(server.messages) == 1
    log = log_text(settings)
    for secret in (wrong, PASSWORD):
        assert secret not in log and secret not in failed.stderr
        assert all(secret not in (r["last_error"] or "") for r in outbox_rows(settings))


def test_a_password_in_the_config_file_is_refused(workspace, tmp_path):
    import pytest

    from wkb_desk.errors import ConfigError

    with pytest.raises(ConfigError) as info:
        workspace(email_config(25, TEAM) + 'wachtwoord = "geheim"\n')
    assert "WKB_DESK_SMTP_WACHTWOORD" in info.value.advice and "geheim" not in str(info.value)


def test_a_send_interrupted_by_a_crash_is_sent_again_not_lost(workspace):
    port = free_port()
    settings = workspace(email_config(port, TEAM))
    daily(settings, D1)  # the server is down: the mail waits
    conn = sqlite3.connect(settings.paden.database)
    with conn:  # as if the process died while the server was taking the mail
        conn.execute("UPDATE mail_outbox SET state = 'bezig'")
    conn.close()
    with MailServer(port=port) as server:
        result = daily(settings, D1)
        daily(settings, D1)
    assert len(server.messages) == 1
    assert "mogelijk al verstuurd" in result.stderr
    assert [r["state"] for r in outbox_rows(settings)] == ["verzonden"]
