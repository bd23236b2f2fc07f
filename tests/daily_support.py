"""Real documents for the daily-run tests: a bouwmelding and a startmelding as the Omgevingsloket prints them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builders import write_pdf


def nl(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def bouwmelding(folder: Path, nummer: str, ingediend: dt.date, straat: str, huisnummer: str, postcode: str,
                plaats: str, start: dt.date, ingebruikname: dt.date | None = None, project: str = "Woning") -> Path:
    lines = [
        "Omgevingsloket",
        "Bouwmelding - Bouwactiviteit (technisch)",
        f"Verzoeknummer: {nummer}",
        f"Datum indiening: {nl(ingediend)}",
        "Type verzoek: Melding",
        "Activiteit: Bouwactiviteit (technisch)",
        f"Naam project: {project} {straat}",
        "Gevolgklasse: Gevolgklasse 1",
        f"Startdatum bouwwerkzaamheden: {nl(start)}",
    ]
    if ingebruikname:
        lines.append(f"Geplande ingebruikname: {nl(ingebruikname)}")
    lines += [
        f"Projectadres: {straat} {huisnummer}",
        f"Postcode en plaats: {postcode} {plaats}",
        "Initiatiefnemer: Bouwbedrijf Voorbeeld",
        "Kwaliteitsborger: WTT",
        "Instrument: WKI",
        "Bijlagen: Borgingsplan, Risicobeoordeling",
    ]
    return write_pdf(folder / f"Verzoek_{nummer}.pdf", lines)


def startmelding(folder: Path, nummer: str, bouwmelding_nummer: str, ingediend: dt.date, straat: str,
                 huisnummer: str, postcode: str, plaats: str, start: dt.date) -> Path:
    return write_pdf(folder / f"Startmelding_{nummer}.pdf", [
        "Omgevingsloket",
        "Overzicht verzoek",
        f"Verzoeknummer: {nummer}",
        f"Datum indiening: {nl(ingediend)}",
        "Type verzoek: Informatie",
        "Activiteit: Bouwactiviteit (technisch) - start bouwwerkzaamheden",
        f"Verzoeknummer bouwmelding: {bouwmelding_nummer}",
        f"Startdatum bouwwerkzaamheden: {nl(start)}",
        f"Projectadres: {straat} {huisnummer}",
        f"Postcode en plaats: {postcode} {plaats}",
    ])


# --- reading what a person sees ------------------------------------------------------------------


def read_overview(path: Path) -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """The day overview as a team lead reads it: {behandelaar (chapter): {section: [table rows]}}.

    The first table (the summary) is under "" / "samenvatting"; chapter and section titles without their "(n)".
    """
    import re

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    out: dict[str, dict[str, list[tuple[str, ...]]]] = {"": {}}
    chapter, section = "", "samenvatting"
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(element, document)
            title = re.sub(r"\s*\(\d+\)$", "", p.text.strip())
            if p.style.name == "Heading 1":
                chapter, section = title, ""
                out.setdefault(chapter, {})
            elif p.style.name == "Heading 2":
                section = title
        elif tag == "tbl":
            table = Table(element, document)
            rows = [tuple(c.text for c in r.cells) for r in table.rows][1:]
            out[chapter].setdefault(section or chapter, []).extend(rows)
    return out


def overview_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def snapshot(root: Path, skip: tuple[str, ...] = ("data", "logboek")) -> dict[str, tuple[int, int, str]]:
    """Every file below root (but the ledger and the log) with its size, mtime and content hash."""
    import hashlib

    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or rel.parts[0] in skip:
            continue
        st = path.stat()
        out[rel.as_posix()] = (st.st_size, st.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    return out


# --- a real SMTP server on 127.0.0.1 -------------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MailServer:
    """aiosmtpd on 127.0.0.1: keeps every message it accepted; with `user`/`password` it requires a login."""

    def __init__(self, port: int | None = None, user: str | None = None, password: str | None = None) -> None:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        self.port = port or free_port()
        self.messages: list = []  # (envelope recipients, email.message.EmailMessage)
        self.logins: list[tuple[str, bool]] = []
        server = self

        class Handler:
            async def handle_DATA(self, smtp, session, envelope):
                import email
                import email.policy

                msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
                server.messages.append((list(envelope.rcpt_tos), msg))
                return "250 OK"

        def authenticator(smtp, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
                  and auth_data.password.decode() == password)
            server.logins.append((auth_data.login.decode() if isinstance(auth_data, LoginPassword) else "?", ok))
            return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself

        kwargs = {}
        if user is not None:
            kwargs = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, **kwargs)

    def __enter__(self) -> "MailServer":
        import warnings

        with warnings.catch_warnings():  # "AUTH without TLS": on 127.0.0.1 in a test, that is the point
            warnings.simplefilter("ignore", UserWarning)
            self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()


def email_config(port: int, to: list[str], *, user: str = "") -> str:
    aan = ", ".join(f'"{a}"' for a in to)
    return (f'[email]\naan = [{aan}]\nvan = "wkb-desk@gemeente.example"\nserver = "127.0.0.1"\npoort = {port}\n'
            f'beveiliging = "geen"\ngebruiker = "{user}"\n')
