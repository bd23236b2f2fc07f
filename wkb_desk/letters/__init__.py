"""Letters from Word templates (sjablonen/*.docx): the desk's correspondence, made once per event.

    from wkb_desk.letters import LetterRecord, LetterRun, make_due_letters
    run = make_due_letters(settings, conn, views, on_date, dry_run=False)   # views: rules.views.build_dossier_views

Modules: kinds (the letter kinds), policy (which event makes which letter; facts or guesses), context (the
template variables and the addressee), render (docxtpl), store (the ledger's letters table), pdf (LibreOffice),
check (`wkb-desk templates`), run (making letters), commands (the CLI).
"""

from wkb_desk.letters.kinds import KINDS, SOORTEN
from wkb_desk.letters.records import LetterRecord, LetterRun
from wkb_desk.letters.run import make_due_letters, make_letter

__all__ = ["KINDS", "SOORTEN", "LetterRecord", "LetterRun", "make_due_letters", "make_letter"]
