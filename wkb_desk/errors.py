"""The error hierarchy.

Every error carries a Dutch message for the user, what to do next, and the exit code
the CLI returns for it. The CLI is the only place that turns errors into exit codes.
"""

from __future__ import annotations


class ExitCode:
    OK = 0
    INTERNAL = 1  # a bug: the traceback is in the log
    USAGE = 2  # argparse's own code for wrong arguments
    CONFIG = 3
    PARTIAL = 4  # the batch ran, but some files went to quarantine
    REGISTER_BUSY = 5  # the register is open in Excel; the ledger has everything
    LOCKED = 6  # another wkb-desk process is writing
    INPUT = 7  # a file named on the command line could not be read


class WkbError(Exception):
    """Base class: `message` says what happened, `advice` what to do about it."""

    exit_code = ExitCode.INTERNAL

    def __init__(self, message: str, advice: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.advice = advice

    def __str__(self) -> str:
        return f"{self.message} {self.advice}".strip()


class ConfigError(WkbError):
    exit_code = ExitCode.CONFIG


class LockHeldError(WkbError):
    exit_code = ExitCode.LOCKED


class RegisterBusyError(WkbError):
    exit_code = ExitCode.REGISTER_BUSY


class InputError(WkbError):
    exit_code = ExitCode.INPUT


class ReaderError(WkbError):
    """A file that cannot be handled: it goes to quarantine with this reason.

    `code` is a short stable key stored in the ledger (e.g. ``versleuteld``).
    """

    exit_code = ExitCode.PARTIAL
    code = "onleesbaar"

    def __init__(self, message: str, advice: str = "", code: str | None = None) -> None:
        super().__init__(message, advice)
        if code:
            self.code = code


class EncryptedError(ReaderError):
    code = "versleuteld"


class CorruptError(ReaderError):
    code = "beschadigd"


class EmptyFileError(ReaderError):
    code = "leeg"


class TooLargeError(ReaderError):
    code = "te_groot"


class UnsupportedTypeError(ReaderError):
    code = "niet_ondersteund"


class UnsafeArchiveError(ReaderError):
    code = "onveilig_archief"


class ReaderTimeoutError(ReaderError):
    code = "tijdslimiet"
