"""ZIP archives and saved e-mails (.eml, Outlook .msg): their members become documents of their own.

Nothing is written to disk here: members are returned as bytes, within the configured limits, and the intake
archives them under safe names. A ZIP with a member that would land outside its folder (`../x`, an absolute path)
is refused as a whole: such an archive was made to attack, not to deliver a melding.
"""

from __future__ import annotations

import email
import email.policy
import html
import io
import re
import zipfile
from pathlib import Path, PurePosixPath

from wkb_desk.config import Limits
from wkb_desk.errors import CorruptError, EncryptedError, TooLargeError, UnsafeArchiveError
from wkb_desk.models import Member, Page, ReadResult
from wkb_desk.readers.sniff import ZIP_ERRORS

_MB = 1024 * 1024
# The ratio check only applies above this size: a tiny file of spaces compresses 1000:1 and is harmless.
_RATIO_MIN_BYTES = 1 * _MB


def read_zip(source: Path | bytes, limits: Limits) -> ReadResult:
    try:
        zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except ZIP_ERRORS as exc:
        raise CorruptError(
            "Het ZIP-bestand is beschadigd en kan niet uitgepakt worden.",
            "Download het bestand opnieuw (bijvoorbeeld uit het Omgevingsloket) en zet het in de inbox.",
        ) from exc
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        _check_zip(infos, limits)
        members = []
        budget = int(limits.max_zip_totaal_mb * _MB)
        for info in infos:
            name = _member_path(info.filename)
            if _is_junk_member(name):
                continue
            data = _read_capped(zf, info, budget)
            budget -= len(data)
            members.append(Member(name=name, data=data))
    return ReadResult(content_type="zip", members=tuple(members))


def _member_path(raw: str) -> str:
    return raw.replace("\\", "/")


def _check_zip(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_zip_leden:
        raise TooLargeError(
            f"Het ZIP-bestand bevat {len(infos)} bestanden; de grens is {limits.max_zip_leden}.",
            "Pak het uit en zet de bestanden in delen in de inbox, of verhoog limieten.max_zip_leden.",
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_zip_totaal_mb * _MB:
        raise TooLargeError(
            f"Het ZIP-bestand is uitgepakt {total // _MB} MB; de grens is {limits.max_zip_totaal_mb:g} MB.",
            "Dit kan een zip-bom zijn. Controleer de herkomst; pak het zo nodig zelf uit en zet de bestanden in de inbox.",
        )
    for info in infos:
        path = PurePosixPath(_member_path(info.filename))
        if path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", info.filename):
            raise UnsafeArchiveError(
                f"Het ZIP-bestand bevat een onveilig pad: '{info.filename[:200]}'.",
                "Een bestand in het archief zou buiten de doelmap terechtkomen. Open het niet; vraag de afzender om een "
                "nieuwe download.",
            )
        if info.flag_bits & 0x1:
            raise EncryptedError(
                "Het ZIP-bestand is beveiligd met een wachtwoord.",
                "Vraag de indiener om een onbeveiligde versie en zet die in de inbox.",
            )
        if info.file_size > _RATIO_MIN_BYTES and info.file_size / max(info.compress_size, 1) > limits.max_compressieverhouding:
            raise TooLargeError(
                f"'{info.filename[:200]}' in het ZIP-bestand pakt uit tot {info.file_size // _MB} MB uit "
                f"{max(info.compress_size, 1) // 1024} kB: dit is een zip-bom.",
                "Open het bestand niet. Vraag de afzender om een gewone download.",
            )


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """Read one member, stopping as soon as it grows past what its header declared or the total budget."""
    cap = min(info.file_size, budget)
    chunks = []
    size = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(1 * _MB):
                size += len(chunk)
                if size > cap:
                    raise TooLargeError(
                        f"'{info.filename[:200]}' in het ZIP-bestand is groter dan opgegeven: dit is een zip-bom.",
                        "Open het bestand niet. Vraag de afzender om een gewone download.",
                    )
                chunks.append(chunk)
    except ZIP_ERRORS as exc:
        raise CorruptError(
            f"'{info.filename[:200]}' in het ZIP-bestand is beschadigd ({type(exc).__name__}).",
            "Download het bestand opnieuw en zet het in de inbox.",
        ) from exc
    return b"".join(chunks)


def _is_junk_member(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return name.startswith("__MACOSX/") or base in ("Thumbs.db", "desktop.ini", ".DS_Store") or not base


# --- e-mail ------------------------------------------------------------------------------------


def read_eml(source: Path | bytes, limits: Limits) -> ReadResult:
    raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:  # noqa: BLE001 - the parser is lenient; this is truly broken input
        raise CorruptError("De e-mail kan niet gelezen worden.", "Sla de e-mail opnieuw op en zet die in de inbox.") from exc
    body = ""
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is not None:
            body = part.get_content()
            if part.get_content_type() == "text/html":
                body = html_to_text(body)
            else:
                body = _richer_html(msg, body)
    except (LookupError, UnicodeError, AttributeError, ValueError):
        body = ""
    members = []
    total = 0
    for part in msg.iter_attachments():
        name = part.get_filename() or _default_name(part.get_content_type())
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            data = payload[0].as_bytes() if isinstance(payload, list) and payload else part.as_bytes()
            name = name if name.lower().endswith(".eml") else f"{name}.eml"
        else:
            data = part.get_payload(decode=True) or b""
        total += len(data)
        _check_attachments(len(members) + 1, total, limits)
        members.append(Member(name=_safe_attachment_name(name), data=data))
    text = _mail_text(str(msg.get("subject", "")), str(msg.get("from", "")), str(msg.get("date", "")), body)
    return ReadResult(content_type="eml", pages=(Page(number=1, text=text),), members=tuple(members))


def read_msg(source: Path | bytes, limits: Limits) -> ReadResult:
    import extract_msg

    try:
        msg = extract_msg.openMsg(source if isinstance(source, bytes) else str(source), delayAttachments=False)
    except Exception as exc:  # noqa: BLE001 - extract-msg raises its own kinds for broken files
        raise CorruptError(
            "Het Outlook-bericht (.msg) kan niet gelezen worden.",
            "Sla de e-mail opnieuw op (of als .eml) en zet die in de inbox.",
        ) from exc
    try:
        body = msg.body or ""
        if not body.strip() and getattr(msg, "htmlBody", None):
            body = html_to_text(msg.htmlBody.decode("utf-8", "replace"))
        members = []
        total = 0
        for att in msg.attachments:
            data = getattr(att, "data", None)
            name = getattr(att, "longFilename", None) or getattr(att, "shortFilename", None) or "bijlage"
            if not isinstance(data, (bytes, bytearray)):
                continue  # an embedded Outlook item; its text is part of the message body
            total += len(data)
            _check_attachments(len(members) + 1, total, limits)
            members.append(Member(name=_safe_attachment_name(name), data=bytes(data)))
        text = _mail_text(msg.subject or "", msg.sender or "", str(msg.date or ""), body)
    finally:
        msg.close()
    return ReadResult(content_type="msg", pages=(Page(number=1, text=text),), members=tuple(members))


def _mail_text(subject: str, sender: str, date: str, body: str) -> str:
    body = body.replace("\r\n", "\n")
    original = _forwarded_date(body)
    if original:
        # a forwarded notice is dated by its original, not by the colleague who passed it on days later (that
        # later day would make a timely startmelding look late)
        head = f"Onderwerp: {subject}\nVan: {sender}\nDatum: {original}\nDoorgestuurd: {date}"
    else:
        head = f"Onderwerp: {subject}\nVan: {sender}\nDatum: {date}"
    return f"{head}\n\n{body}"


# the header block of a message quoted in a forward: "Van:"/"From:" and within a few lines its date
_QUOTED_FROM = re.compile(r"(?im)^[> \t]*(?:van|from|afzender)\s*:.*$")
_QUOTED_DATE = re.compile(r"(?im)^[> \t]*(?:verzonden|sent|date|datum|verstuurd)\s*:[ \t]*(\S.{3,60}?)[ \t]*$")


FORWARD_NOTE_CHARS = 250  # above a forwarded notice: "Zie onderstaande startmelding, graag registreren. Groet, ..."
_WROTE_ON = re.compile(r"(?im)^[> \t]*(?:op|on)\s+(\S.{5,40}?\d{4})(?:,?\s+(?:om\s+|at\s+)?\d{1,2}:\d{2})?\s+(?:schreef|wrote)\b")


def _forwarded_date(body: str) -> str:
    """The date of the innermost message quoted with its headers in the body, or ""."""
    found, at = "", -1
    for head in _QUOTED_FROM.finditer(body):
        block = "\n".join(body[head.end():].split("\n")[1:6])
        date = _QUOTED_DATE.search(block)
        if date:
            found, at = date.group(1), (head.start() if at < 0 else at)
    if not found:
        wrote = _WROTE_ON.search(body)  # "Op woensdag 17 maart 2027 08:47 schreef X:" above a quoted notice
        found, at = (wrote.group(1), wrote.start()) if wrote else ("", -1)
    # a reply that says it all itself above an older quoted mail ("Hierbij geven wij door ..." over the
    # municipality's question) is dated by its own header; a short "ter info" above a forward is not
    return found if found and len(" ".join(body[:at].split())) <= FORWARD_NOTE_CHARS else ""


def _check_attachments(count: int, total: int, limits: Limits) -> None:
    if count > limits.max_zip_leden or total > limits.max_zip_totaal_mb * _MB:
        raise TooLargeError(
            "De e-mail heeft te veel of te grote bijlagen.",
            "Sla de bijlagen los op en zet ze in de inbox, of verhoog limieten.max_zip_leden / max_zip_totaal_mb.",
        )


def _richer_html(msg, plain: str) -> str:
    """The plain body, or the HTML alternative's text where the plain one is a stub of it ("A new notification has
    been received. See the HTML part." beside the HTML table of the whole request), as a mail program shows it."""
    html_part = msg.get_body(preferencelist=("html",))
    if html_part is None:
        return plain
    rich = html_to_text(html_part.get_content())
    plain_words, rich_words = len(plain.split()), len(rich.split())
    return rich if rich_words >= 2 * plain_words and rich_words - plain_words >= STUB_EXTRA_WORDS else plain


STUB_EXTRA_WORDS = 15  # words the HTML body holds beyond a plain one that is only a pointer to it


def _safe_attachment_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "bijlage"


def _default_name(content_type: str) -> str:
    return "bijlage." + content_type.rsplit("/", 1)[-1]


_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]{0,2000}>", re.IGNORECASE | re.DOTALL)
_BREAKS = re.compile(r"<\s*(br|/p|/div|/tr|/li|/h\d)\b[^>]{0,200}>", re.IGNORECASE)
_CELL_ENDS = re.compile(r"<\s*/t[dh]\s*>", re.IGNORECASE)


def html_to_text(markup: str) -> str:
    # (a table's cells end in a TAB, as a table's text does in the other readers: "Request number<TAB>2027...")
    text = _BREAKS.sub("\n", _CELL_ENDS.sub("\t", markup))
    text = _TAGS.sub(" ", text)
    text = _SPACED_TAB.sub("\t", html.unescape(text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


_SPACED_TAB = re.compile(r"[ \xa0]*\t[ \xa0]*")
