"""The day overview's e-mail: subject and a short Dutch body with the counts and the most urgent items."""

from __future__ import annotations

from wkb_desk.daily.content import COMING, CRITICAL, GROUP_SECTIONS, PASSED, QUARANTINE, DayOverview
from wkb_desk.daily.document import long_date

URGENT_LINES = 5


def subject(overview: DayOverview) -> str:
    c = overview.counts
    parts = [f"{c.get(CRITICAL, 0)} kritiek", f"{c.get(PASSED, 0)} termijn verstreken", f"{c.get('nieuw', 0)} nieuw"]
    return f"Wkb-dagoverzicht {long_date(overview.date)}: " + ", ".join(parts)


def body(overview: DayOverview, attachment_name: str) -> str:
    c = overview.counts
    lines = [
        "Beste collega,",
        "",
        f"Het dagoverzicht van wkb-desk voor {long_date(overview.date)}:",
        "",
    ]
    for key in GROUP_SECTIONS:
        lines.append(f"- {overview.title(key)}: {c.get(key, 0)}")
    lines.append(f"- {overview.title(QUARANTINE)}: {c.get(QUARANTINE, 0)}")
    urgent = overview.urgent(URGENT_LINES)
    if urgent:
        lines += ["", "Meest urgent:"]
        label = {CRITICAL: "kritiek", PASSED: "verstreken", COMING: "binnenkort"}
        for key, item in urgent:
            when = f" ({item.datum})" if item.datum else ""
            lines.append(f"- [{label[key]}] {item.dossier}, {item.adres}: {item.wat}{when}")
    behandelaars = [g.behandelaar for g in overview.groups]
    if behandelaars:
        lines += ["", "Per behandelaar: " + ", ".join(behandelaars) + "."]
    lines += [
        "",
        f"Het volledige overzicht staat in de bijlage ({attachment_name}) en in de map outbox.",
        "",
        "Dit bericht is automatisch verstuurd door wkb-desk.",
    ]
    return "\n".join(lines) + "\n"
