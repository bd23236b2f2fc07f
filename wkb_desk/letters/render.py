"""Render a Word template with docxtpl (Jinja in Word), autoescaping on, and save the letter atomically.

Autoescaping makes `&`, `<`, `>` and quotes in facts plain text in the document (never XML or a tag).
Unknown variables raise instead of leaving a silent gap (StrictUndefined): such a template is reported as broken.
"""

from __future__ import annotations

import io
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate, InlineImage
from docx.shared import Mm

log = logging.getLogger("wkb_desk.letters")


class TemplateProblem(Exception):
    """A template that is missing or cannot be rendered; `str()` is Dutch, for people."""


def jinja_env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


class Templates:
    """The templates in sjablonen/, read once per run (a broken one fails only the letters that need it)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: dict[str, bytes | TemplateProblem] = {}

    def get(self, filename: str) -> bytes:
        if filename not in self._cache:
            path = self.folder / filename
            try:
                self._cache[filename] = path.read_bytes()
            except FileNotFoundError:
                self._cache[filename] = TemplateProblem(f"sjabloon {filename} ontbreekt in {self.folder}")
            except OSError as exc:
                self._cache[filename] = TemplateProblem(f"sjabloon {filename} is niet te lezen: {exc}")
        value = self._cache[filename]
        if isinstance(value, TemplateProblem):
            raise value
        return value


def render(template: bytes, context: dict[str, Any], *, logo: Path | None = None, name: str = "") -> bytes:
    """The letter as .docx bytes. Raises TemplateProblem with a Dutch explanation."""
    try:
        tpl = DocxTemplate(io.BytesIO(template))
        tpl.init_docx()
    except Exception as exc:  # noqa: BLE001 - a damaged .docx is a template problem, not a crash
        raise TemplateProblem(f"sjabloon {name} is geen bruikbaar Word-document ({exc})") from exc
    ctx = dict(context)
    if logo is not None:
        try:
            ctx["logo"] = InlineImage(tpl, str(logo), height=Mm(18))
        except Exception as exc:  # noqa: BLE001
            log.warning("Logo %s kan niet gebruikt worden (%s); de brief krijgt geen logo.", logo, exc)
            ctx["logo"] = ""
    try:
        tpl.render(ctx, jinja_env(), autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
    except jinja2.UndefinedError as exc:
        raise TemplateProblem(f"sjabloon {name} gebruikt een onbekende variabele ({_undefined_name(exc)}); "
                              "zie 'wkb-desk templates'") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(f"sjabloon {name} heeft een kapotte tag ({exc.message}); zie 'wkb-desk templates'") from exc
    except Exception as exc:  # noqa: BLE001 - any other rendering failure of an edited template
        raise TemplateProblem(f"sjabloon {name} kan niet gevuld worden ({exc}); zie 'wkb-desk templates'") from exc
    return buf.getvalue()


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    text = str(exc)
    return text.split("'")[1] if text.count("'") >= 2 else text


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, os.replace: the letter is either absent or complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".wkb-brief-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
