"""Recognise a document's kind from its content: title lines, DSO type/activity lines, vocabulary.

Score per kind = (title + signals, capped at 1) x structure - penalties, where structure grows
with the number of labelled fields found. Prose about a bouwmelding (an e-mail, a policy note, a
web page) has words but no structure and earns penalties, so it stays `onbekend`.
"""

from __future__ import annotations

import re

from wkb_desk.extract.locate import Line
from wkb_desk.extract.reference import Reference, norm_label
from wkb_desk.models import KIND_UNKNOWN

TITLE_ZONE = 15  # non-empty body lines (letterhead excluded) at the top where a title counts as the document's own
MIN_SCORE = 0.35  # below this the document is `onbekend`
MIN_FIELDS = 2  # a Wkb document carries at least this many labelled fields (values in prose count half)
_SUBJECT = re.compile(r"^\s{0,4}(?:betreft|onderwerp|inzake|subject)\s*:?\s+", re.IGNORECASE)


def _title_kind(ref: Reference, text: str) -> str | None:
    m = ref.title_re.match(text) if ref.title_re else None
    if not m:
        return None
    title = norm_label(m.group(1))
    rest = text[m.end():].strip(" -–:()")
    # a title line is short; a sentence that starts with the word is not a title
    if len(text) > 90 or len(rest.split()) > 8 or text.rstrip().endswith((".", "?", "!")):
        return None
    if text[m.end():].lstrip(" ").startswith((":", "\t")) and rest and any(c.isdigit() for c in rest[:20]):
        return None  # "Bouwmelding: 2026..." is a reference, not a title
    for kind, rule in ref.kinds.items():
        if title in rule.titles:
            return kind
    return None


def classify(lines: list[Line], ref: Reference, n_fields: float) -> tuple[str, float, dict[str, float]]:
    scores = {k: 0.0 for k in ref.kinds}
    first_title: str | None = None
    seen_titles: set[str] = set()
    zone = 0
    penalty = 0.0
    body: list[str] = []
    for line in lines:
        text = line.text
        if not text or line.region != "body":
            continue
        body.append(text[:400])
        subject = _SUBJECT.match(text)
        if subject and zone < TITLE_ZONE and first_title is None:
            # a letter's "Betreft: Verklaring kwaliteitsborger ..." names what the letter is
            kind = _title_kind(ref, text[subject.end():].strip())
            if kind:
                first_title = kind
                scores[kind] += 0.55
                seen_titles.add(kind)
            continue
        if zone < TITLE_ZONE and not line.sender:
            zone += 1
            kind = _title_kind(ref, text)
            if kind:
                if first_title is None:
                    first_title = kind
                    scores[kind] += 0.6
                elif kind not in seen_titles:
                    scores[kind] += 0.2
                seen_titles.add(kind)
    # one search per signal over the joined lines (patterns are per line: MULTILINE, no DOTALL)
    joined = "\n".join(body).lower()
    lits = ref.literals
    for kind, rule in ref.kinds.items():
        for rx, weight in rule.signals:
            lit = lits.get(rx.pattern)
            if (not lit or lit in joined) and rx.search(joined):
                scores[kind] += weight
    for rx, weight in ref.non_wkb:
        lit = lits.get(rx.pattern)
        if (not lit or lit in joined) and rx.search(joined):
            penalty += weight
    structure = 0.4 + 0.6 * min(1.0, n_fields / 5.0)
    final = {k: max(0.0, min(1.0, v) * structure - penalty) for k, v in scores.items()}
    kind, score = max(final.items(), key=lambda kv: kv[1]) if final else (KIND_UNKNOWN, 0.0)
    if score < MIN_SCORE or n_fields < MIN_FIELDS:
        return KIND_UNKNOWN, round(max(0.0, min(1.0, 1.0 - score)), 2), final
    return kind, round(score, 2), final
