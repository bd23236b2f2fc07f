"""The shared Excel register: the team's view of the ledger, safe to edit in Excel.

    from wkb_desk.register import update_register, RegisterBusy
    update_register(settings, conn, views_or_factory, dry_run=False) -> RegisterResult

See writer.py for the design, readback.py for how people's edits become corrections (and what happens to a
row a person deleted), lock.py for the owner-file check, backup.py for the atomic save.
"""

from wkb_desk.register.commands import add_commands
from wkb_desk.register.lock import RegisterBusy, busy_user
from wkb_desk.register.writer import RegisterResult, read_corrections, rebuild_register, update_register

__all__ = [
    "RegisterBusy",
    "RegisterResult",
    "add_commands",
    "busy_user",
    "read_corrections",
    "rebuild_register",
    "update_register",
]
