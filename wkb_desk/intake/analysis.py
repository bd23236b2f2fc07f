"""Read + extract one file and, recursively, its members: the content work of the intake.

Runs inside the sandboxed reader process (see sandbox.py). The result is a tree of `Analysis`
records; nothing here touches the ledger or moves files.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace
from pathlib import Path

from wkb_desk.config import Limits, OcrSettings
from wkb_desk.errors import ReaderError
from wkb_desk.models import KIND_UNREADABLE, Extraction, ReadResult


@dataclass(frozen=True)
class Problem:
    """Why a file cannot be handled (picklable twin of errors.ReaderError)."""

    code: str
    message: str
    advice: str

    @classmethod
    def from_error(cls, exc: ReaderError) -> "Problem":
        return cls(code=exc.code, message=exc.message, advice=exc.advice)


@dataclass(frozen=True)
class Analysis:
    name: str  # file name, or the member's path inside its container
    sha256: str
    size: int
    content_type: str | None = None
    read: ReadResult | None = None  # pages only; members live in `children`
    extraction: Extraction | None = None
    problem: Problem | None = None
    children: tuple["Analysis", ...] = ()
    data: bytes | None = None  # a member's bytes (None for the top-level file, which stays on disk)
    seconds: float = 0.0  # time spent reading and extracting (members included), for the benchmarks

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def sha256_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def analyze(
    source: Path | bytes, name: str, limits: Limits, reference, depth: int = 0, known_sha: tuple[str, int] | None = None,
    ocr: OcrSettings | None = None,
) -> Analysis:
    """`known_sha`: (sha256, size) of a file the caller already hashed. `ocr`: read scans with text recognition."""
    started = time.perf_counter()
    result = _analyze(source, name, limits, reference, depth, known_sha, ocr)
    return replace(result, seconds=time.perf_counter() - started)


def needs_ocr(analysis: Analysis) -> bool:
    """True when a page in this file (or a member) is a picture that text recognition has not tried yet."""
    return any(
        a.read is not None and any(p.is_scan and p.ocr_engine is None for p in a.read.pages) for a in analysis.walk()
    )


def _analyze(source: Path | bytes, name: str, limits: Limits, reference, depth: int, known_sha, ocr) -> Analysis:
    from wkb_desk.extract import extract
    from wkb_desk.readers import read_file

    if known_sha is not None:
        sha, size = known_sha
    elif isinstance(source, bytes):
        sha, size = hashlib.sha256(source).hexdigest(), len(source)
    else:
        sha, size = sha256_file(source)
    base = Analysis(name=name, sha256=sha, size=size, data=source if isinstance(source, bytes) else None)
    try:
        read = read_file(source, limits, ocr)
    except ReaderError as exc:
        return replace(base, problem=Problem.from_error(exc))

    children = []
    for member in read.members:
        if depth + 1 > limits.max_nesting:
            children.append(
                Analysis(
                    name=member.name,
                    sha256=hashlib.sha256(member.data).hexdigest(),
                    size=len(member.data),
                    data=member.data,
                    problem=Problem(
                        "te_diep",
                        "Dit bestand zit te diep verpakt (ZIP in ZIP in ...).",
                        "Pak het zelf uit en zet de losse bestanden in de inbox.",
                    ),
                )
            )
        else:
            children.append(analyze(member.data, member.name, limits, reference, depth + 1, ocr=ocr))
    pages_only = replace(read, members=())  # (kept without the members' bytes: they are the children's)
    extraction = extract(read, reference) if read.pages else None  # (a covering mail is known by its attachments)
    problem = None
    if not read.is_container and not read.has_text:
        problem = _no_text_problem(read)
        if extraction is None:
            extraction = Extraction(kind=KIND_UNREADABLE)
    return replace(
        base,
        content_type=read.content_type,
        read=pages_only,
        extraction=extraction,
        problem=problem,
        children=tuple(children),
    )


def _no_text_problem(read: ReadResult) -> Problem:
    from wkb_desk.readers.scans import NO_ENGINE, TOO_LITTLE, TOO_SLOW

    tried = sorted({p.ocr_engine for p in read.pages if p.ocr_engine})
    if tried:
        found = next((w for w in read.warnings if w.startswith(TOO_LITTLE)), "")
        slow = [w for w in read.warnings if TOO_SLOW in w]
        return Problem(
            "scan",
            " ".join(["Dit is een scan of foto zonder tekstlaag.", *slow[:3],
                      found or f"Tekstherkenning ({', '.join(tried)}) heeft er geen bruikbare tekst in gevonden."]),
            "Scan het document opnieuw: recht op de glasplaat, zwart-wit of grijs, 300 dpi, en zet die scan in de "
            "inbox. Een foto: recht van boven, goed belicht en scherp. Of voer de gegevens handmatig in."
            + (" Is de computer erg druk, verhoog dan ocr.seconden_per_pagina in config.toml." if slow else ""),
        )
    off = next((w[len(NO_ENGINE):] for w in read.warnings if w.startswith(NO_ENGINE)), "")
    if off:
        return Problem(
            "scan",
            f"Dit is een scan of foto zonder tekst; tekstherkenning was niet mogelijk: {off}",
            "Laat de beheerder de tekstherkenning in orde maken en zet het bestand daarna opnieuw in de inbox, of "
            "voer de gegevens handmatig in.",
        )
    if any(p.is_scan for p in read.pages):
        return Problem(
            "scan",
            "Dit is een scan zonder tekstlaag: de gegevens kunnen niet gelezen worden (tekstherkenning is niet gedaan).",
            "Zet tekstherkenning aan (ocr.engine in config.toml) en zet het bestand opnieuw in de inbox, of voer de "
            "gegevens handmatig in.",
        )
    return Problem(
        "geen_tekst",
        "Het document bevat geen leesbare tekst.",
        "Controleer of dit het goede bestand is; vraag de indiener zo nodig om het document opnieuw te sturen.",
    )
