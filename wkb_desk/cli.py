"""The command line: parses, loads the settings, calls one library function, maps errors to exit codes.

This is the only place that turns errors into exit codes (see errors.ExitCode and the README).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from importlib import import_module

from wkb_desk import __version__
from wkb_desk.config import load_settings
from wkb_desk.errors import ExitCode, WkbError
from wkb_desk.logsetup import setup_logging

log = logging.getLogger("wkb_desk")

# Modules that add their own subcommands (each has add_commands(subparsers)).
COMMAND_MODULES = (
    "wkb_desk.intake.commands",
    "wkb_desk.rules.commands",
    "wkb_desk.register.commands",
    "wkb_desk.daily.commands",
    "wkb_desk.letters.commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wkb-desk",
        description="Wkb-balie: meldingen uit de inbox verwerken, dossiers en termijnen bewaken, het register bijhouden.",
    )
    parser.add_argument("--config", metavar="PAD", help="configuratiebestand (anders $WKB_DESK_CONFIG of ./config.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="meer details in de uitvoer")
    parser.add_argument("-q", "--quiet", action="store_true", help="alleen fouten op het scherm")
    parser.add_argument("--version", action="version", version=f"wkb-desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    sub.required = True
    p = sub.add_parser("config", help="controleer de configuratie en toon de instellingen")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(func=cmd_config, needs_folders=False)
    for name in COMMAND_MODULES:
        import_module(name).add_commands(sub)
    return parser


def cmd_config(args: argparse.Namespace, settings) -> int:
    shown = settings.to_display()
    if args.json:
        print(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        print(f"Configuratie: {settings.config_path} (in orde)")
        for section, values in shown.items():
            if isinstance(values, dict):
                print(f"[{section}]")
                for key, value in values.items():
                    print(f"  {key} = {value}")
            else:
                print(f"{section} = {values}")
    return ExitCode.OK


def _silence_stdout() -> None:
    """Point stdout at the null device so that Python's own flush at exit does not fail on the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # a Windows console must not crash on a Dutch or odd character
        except (AttributeError, ValueError):
            pass
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(None, verbose=args.verbose, quiet=args.quiet)
    try:
        settings = load_settings(args.config, create_dirs=getattr(args, "needs_folders", True))
        if getattr(args, "needs_folders", True):
            setup_logging(settings.paden.logboek, verbose=args.verbose, quiet=args.quiet)
        return int(args.func(args, settings))
    except WkbError as exc:
        log.error("Fout: %s", exc.message)
        if exc.advice:
            log.error("Wat te doen: %s", exc.advice)
        return exc.exit_code
    except KeyboardInterrupt:
        log.error("Afgebroken.")
        return ExitCode.INTERNAL
    except BrokenPipeError:
        # the reader of our output stopped early (`extract --json | head`): no bug, nothing left to say
        _silence_stdout()
        return ExitCode.OK
    except Exception:  # noqa: BLE001 - the last resort: a bug, with its traceback in the log
        log.exception("Onverwachte fout (een programmafout). Meld dit met het logbestand erbij.")
        return ExitCode.INTERNAL
