"""The letter kinds: the one list of `soort` keys, their titles, subjects, template files and which are decisions.

The keys are a published contract (ledger, register, `wkb-desk letter DOSSIER SOORT`, the daily run, config
`[brieven]`). Which event makes which kind is in `policy.py`; whether a kind is on is `[brieven].<soort>`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LetterKind:
    soort: str
    titel: str  # for people: file names, the register, CLI output
    onderwerp: str  # the letter's subject line
    besluit: bool  # a decision with legal effect: carries the bezwaarclausule, made only on certain facts
    facts: tuple[str, ...] = ()  # dossier facts the letter rests on; one of them a guess -> it waits for a check
    flag: str = ""  # the rules' flag a decision rests on; its "<flag>_controleren" twin makes the letter wait

    @property
    def sjabloon(self) -> str:
        return f"{self.soort}.docx"


KINDS: tuple[LetterKind, ...] = (
    LetterKind("ontvangstbevestiging_bouwmelding", "Ontvangstbevestiging bouwmelding",
               "Ontvangstbevestiging bouwmelding", False, ("datum_bouwmelding",)),
    LetterKind("bouwmelding_compleet", "Bouwmelding compleet", "Uw bouwmelding is compleet", False,
               ("datum_bouwmelding", "kwaliteitsborger", "instrument")),
    LetterKind("melding_niet_compleet", "Melding niet compleet (besluit)", "Uw bouwmelding is niet compleet", True,
               ("datum_bouwmelding", "kwaliteitsborger", "instrument", "bijlagen", "adres", "straat", "huisnummer",
                "postcode", "bag_id", "kadastraal", "verzoeknummer"), "onvolledig"),
    LetterKind("aanvullende_informatie", "Verzoek om aanvullende informatie", "Verzoek om aanvullende informatie",
               False, ("startdatum", "geplande_start", "bevat_dbg")),
    LetterKind("ontvangstbevestiging_startmelding", "Ontvangstbevestiging startmelding",
               "Ontvangstbevestiging startmelding", False, ("startdatum",)),
    LetterKind("ontbreken_startmelding", "Ontbreken startmelding", "Wij hebben geen startmelding ontvangen", False,
               ("startdatum", "geplande_start", "startmelding")),
    LetterKind("ontvangstbevestiging_gereedmelding", "Ontvangstbevestiging gereedmelding",
               "Ontvangstbevestiging gereedmelding", False, ()),
    LetterKind("gereedmelding_onvolledig", "Gereedmelding onvolledig (besluit)",
               "Gereedmelding onvolledig: ingebruikname niet toegestaan", True,
               ("bevat_verklaring", "verklaring", "gereedmelding", "verzoeknummer"), "verklaring_ontbreekt"),
    LetterKind("herinnering_gereedmelding", "Herinnering gereedmelding", "Herinnering: doe op tijd de gereedmelding",
               False, ("ingebruikname", "gereedmelding")),
)
BY_SOORT = {k.soort: k for k in KINDS}
SOORTEN = tuple(k.soort for k in KINDS)
DECISIONS = frozenset(k.soort for k in KINDS if k.besluit)
