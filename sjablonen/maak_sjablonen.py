"""Make the standard letter templates (sjablonen/*.docx) with python-docx.

Run once from the repository folder:  python sjablonen/maak_sjablonen.py
It overwrites the .docx files in this folder. Officials then edit those files in Word; this script is only the
starting point (and documents how the templates are built). The variables are listed in sjablonen/LEESMIJ.md.

Layout: letterhead (logo, municipality) in the header, the municipality's contact line in the footer, the
addressee block, a table with datum / kenmerk / verzoeknummer / onderwerp / locatie, the body in B1 Dutch,
lists as real Word bullet lists ({%p for %}), received documents as table rows ({%tr for %}), signature; and
for decisions the bezwaarclausule.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent

BEZWAAR = [
    ("Bezwaar maken", "kop"),
    "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat moet binnen zes weken na de dag waarop "
    "wij deze brief hebben verzonden. Stuur uw bezwaar naar {{ bezwaar_orgaan }}, {{ bezwaar_adres }}, "
    "{{ bezwaar_postcode }} {{ bezwaar_plaats }}.",
    "Zet in uw bezwaarschrift: uw naam en adres, de datum, het kenmerk van deze brief ({{ kenmerk }}), waarom u het "
    "niet eens bent met het besluit, en uw handtekening. Een bezwaar schort het besluit niet op.",
]
ONTBREEKT = ["{%p for item in ontbreekt %}", ("{{ item }}", "lijst"), "{%p endfor %}"]
BIJLAGEN_TABEL = ("tabel",)

LETTERS: dict[str, list] = {
    "ontvangstbevestiging_bouwmelding": [
        "Op {{ datum_bouwmelding }} heeft u een bouwmelding gedaan voor {{ project }} op {{ project_adres }} in "
        "{{ project_plaats }}. Met deze brief laten wij u weten dat wij uw melding hebben ontvangen.",
        ("Wat hebben wij ontvangen?", "kop"),
        BIJLAGEN_TABEL,
        ("Wat gebeurt er nu?", "kop"),
        "Wij kijken of uw melding compleet is. U krijgt daarover binnen vier weken een brief van ons. U mag "
        "beginnen met bouwen vanaf vier weken na uw melding, dus op zijn vroegst op {{ vroegste_start }}.",
        "Meld de start van de bouw uiterlijk twee werkdagen van tevoren via het Omgevingsloket (startmelding).",
    ],
    "bouwmelding_compleet": [
        "Op {{ datum_bouwmelding }} heeft u een bouwmelding gedaan voor {{ project }} op {{ project_adres }} in "
        "{{ project_plaats }}. Wij hebben uw melding bekeken: uw melding is compleet.",
        ("Wat staat er in uw melding?", "kop"),
        "Kwaliteitsborger: {{ kwaliteitsborger }}. Instrument voor kwaliteitsborging: {{ instrument }}."
        "{% if geplande_start %} Geplande start van de bouw: {{ geplande_start }}.{% endif %}",
        BIJLAGEN_TABEL,
        ("Wat moet u nog doen?", "kop"),
        "U mag beginnen met bouwen vanaf {{ vroegste_start }}. Meld de start uiterlijk twee werkdagen van tevoren "
        "via het Omgevingsloket{% if uiterste_startmelding %} (bij de geplande start: uiterlijk "
        "{{ uiterste_startmelding }}){% endif %}.",
        "Is het bouwwerk klaar? Doe dan minstens twee weken voordat u het in gebruik neemt een gereedmelding. "
        "Stuur daarbij de verklaring van uw kwaliteitsborger en het dossier bevoegd gezag mee.",
    ],
    "melding_niet_compleet": [
        "Op {{ datum_bouwmelding }} heeft u een bouwmelding gedaan voor {{ project }} op {{ project_adres }} in "
        "{{ project_plaats }}. Wij hebben uw melding bekeken. Uw melding is niet compleet.",
        ("Wat ontbreekt er?", "kop"),
        *ONTBREEKT,
        ("Wat moet u doen?", "kop"),
        "Stuur wat ontbreekt vóór {{ reactie_voor }} via het Omgevingsloket. Noem daarbij uw verzoeknummer "
        "{{ verzoeknummer }}.",
        "Zolang uw melding niet compleet is, mag u niet beginnen met bouwen (artikel 2.18 en 2.19 van het Besluit "
        "bouwwerken leefomgeving). De termijn van vier weken begint pas als uw melding compleet is.",
        ("Wat hebben wij wel ontvangen?", "kop"),
        BIJLAGEN_TABEL,
        *BEZWAAR,
    ],
    "aanvullende_informatie": [
        "Wij hebben uw stukken voor {{ project }} op {{ project_adres }} in {{ project_plaats }} ontvangen. "
        "Om uw melding te kunnen verwerken, hebben wij nog informatie van u nodig.",
        ("Wat hebben wij nodig?", "kop"),
        *ONTBREEKT,
        ("Wat moet u doen?", "kop"),
        "Stuur deze informatie vóór {{ reactie_voor }} via het Omgevingsloket of per e-mail naar "
        "{{ gemeente_email }}. Noem daarbij uw verzoeknummer {{ verzoeknummer }}.",
        ("Wat hebben wij ontvangen?", "kop"),
        BIJLAGEN_TABEL,
    ],
    "ontvangstbevestiging_startmelding": [
        "Op {{ datum_startmelding }} heeft u de start van de bouw gemeld voor {{ project }} op {{ project_adres }} "
        "in {{ project_plaats }}. Met deze brief laten wij u weten dat wij uw startmelding hebben ontvangen.",
        "{% if geplande_start %}De bouw start volgens uw melding op {{ geplande_start }}. {% endif %}"
        "{% if kwaliteitsborger %}Uw kwaliteitsborger is {{ kwaliteitsborger }}.{% endif %}",
        ("Wat moet u nog doen?", "kop"),
        "Is het bouwwerk klaar? Doe dan minstens twee weken voordat u het in gebruik neemt een gereedmelding via het "
        "Omgevingsloket. Stuur daarbij de verklaring van uw kwaliteitsborger en het dossier bevoegd gezag mee.",
    ],
    "ontbreken_startmelding": [
        "Volgens uw bouwmelding van {{ datum_bouwmelding }} zou de bouw van {{ project }} op {{ project_adres }} in "
        "{{ project_plaats }} beginnen op {{ geplande_start }}. Wij hebben geen startmelding van u ontvangen. Die "
        "moest uiterlijk {{ uiterste_startmelding }} bij ons binnen zijn.",
        ("Wat moet u doen?", "kop"),
        "Bent u al begonnen? Doe dan direct alsnog de startmelding via het Omgevingsloket. Begint u later? Laat ons "
        "dan vóór {{ reactie_voor }} weten wanneer u begint.",
        "Let op: een bouwmelding geldt één jaar. Begint u niet binnen een jaar na uw melding, dan moet u een nieuwe "
        "bouwmelding doen.",
    ],
    "ontvangstbevestiging_gereedmelding": [
        "Op {{ datum_gereedmelding }} heeft u gemeld dat de bouw van {{ project }} op {{ project_adres }} in "
        "{{ project_plaats }} klaar is. Met deze brief laten wij u weten dat wij uw gereedmelding hebben ontvangen.",
        ("Wat hebben wij ontvangen?", "kop"),
        BIJLAGEN_TABEL,
        ("Wat betekent dit?", "kop"),
        "{% if ingebruikname %}U wilt het bouwwerk in gebruik nemen op {{ ingebruikname }}. {% endif %}"
        "In gebruik nemen mag op zijn vroegst twee weken na de gereedmelding, en alleen als de verklaring van uw "
        "kwaliteitsborger erbij zit.",
    ],
    "gereedmelding_onvolledig": [
        "Op {{ datum_gereedmelding }} heeft u gemeld dat de bouw van {{ project }} op {{ project_adres }} in "
        "{{ project_plaats }} klaar is. Bij uw gereedmelding ontbreekt de verklaring van de kwaliteitsborger. Uw "
        "gereedmelding is daardoor niet compleet.",
        ("Wat ontbreekt er?", "kop"),
        *ONTBREEKT,
        ("Wat betekent dit voor u?", "kop"),
        "Zonder verklaring van de kwaliteitsborger mag u het bouwwerk niet in gebruik nemen (artikel 2.21 van het "
        "Besluit bouwwerken leefomgeving). Neemt u het toch in gebruik, dan kunnen wij handhavend optreden.",
        ("Wat moet u doen?", "kop"),
        "Stuur de verklaring van uw kwaliteitsborger{% if kwaliteitsborger %} ({{ kwaliteitsborger }}){% endif %} "
        "vóór {{ reactie_voor }} via het "
        "Omgevingsloket. Noem daarbij uw verzoeknummer {{ verzoeknummer }}.",
        *BEZWAAR,
    ],
    "herinnering_gereedmelding": [
        "Volgens onze gegevens neemt u {{ project }} op {{ project_adres }} in {{ project_plaats }} in gebruik op "
        "{{ ingebruikname }}. Wij hebben nog geen gereedmelding van u ontvangen.",
        ("Wat moet u doen?", "kop"),
        "Doe de gereedmelding uiterlijk {{ uiterste_gereedmelding }} via het Omgevingsloket: minstens twee weken "
        "voordat u het bouwwerk in gebruik neemt. Stuur daarbij de verklaring van uw kwaliteitsborger en het "
        "dossier bevoegd gezag mee.",
        "Zonder gereedmelding mag u het bouwwerk niet in gebruik nemen.",
    ],
}


BLUE = RGBColor(0x1F, 0x3A, 0x5F)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is None:
        borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
        tbl_pr.append(borders)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = borders.makeelement(qn(f"w:{side}"), {qn("w:val"): "nil"})
        borders.append(el)


def _para(doc_or_cell, text: str, *, bold: bool = False, size: float | None = None, color=None, align=None,
          style: str | None = None, space_after: float | None = None):
    p = doc_or_cell.add_paragraph(style=style)
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color
    if align is not None:
        p.alignment = align
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def _table_of_documents(doc) -> None:
    table = doc.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Document", "Datum", "Bestand")):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    table.rows[1].cells[0].text = "{%tr for b in bijlagen %}"
    for cell, text in zip(table.rows[2].cells, ("{{ b.soort }}", "{{ b.datum }}", "{{ b.naam }}")):
        cell.text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    table.autofit = False
    widths = (Cm(4.0), Cm(3.4), Cm(8.6))
    for column, width in zip(table.columns, widths):
        column.width = width  # the grid (LibreOffice reads this one)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width  # the cells (Word reads these)
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def make(soort: str, body: list) -> docx.Document:
    doc = docx.Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(6)

    # Letterhead: logo and the municipality, right-aligned.
    header = section.header
    first = header.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    first.add_run("{{ logo }}")
    _para(header, "{{ gemeente_naam }}", bold=True, size=14, color=BLUE, align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=0)
    _para(header, "{{ gemeente_adres }}, {{ gemeente_postcode }} {{ gemeente_plaats }}", size=8,
          align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=0)
    footer = section.footer
    footer.paragraphs[0].text = ""
    _para(footer, "{{ gemeente_naam }} · telefoon {{ gemeente_telefoon }} · {{ gemeente_email }} · "
                  "{{ gemeente_website }}", size=8, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(footer, "Ons kenmerk {{ kenmerk }} · verzoeknummer {{ verzoeknummer }}", size=8,
          align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)

    # Addressee block.
    for text in ("{{ aan_naam }}", "{{ aan_adres }}", "{{ aan_postcode_plaats }}"):
        _para(doc, text, space_after=0)
    _para(doc, "", space_after=18)

    facts = doc.add_table(rows=6, cols=2)
    _no_borders(facts)
    rows = (("Datum", "{{ datum }}"), ("Ons kenmerk", "{{ kenmerk }}"), ("Uw verzoeknummer", "{{ verzoeknummer }}"),
            ("Onderwerp", "{{ onderwerp }}"), ("Locatie", "{{ project_locatie }}"),
            ("Contactpersoon", "{{ contactpersoon }}, telefoon {{ gemeente_telefoon }}"))
    facts.autofit = False
    for column, width in zip(facts.columns, (Cm(4), Cm(12))):
        column.width = width
    for row, (label, value) in zip(facts.rows, rows):
        row.cells[0].width, row.cells[1].width = Cm(4), Cm(12)
        row.cells[0].text = ""
        run = row.cells[0].paragraphs[0].add_run(label)
        run.font.size = Pt(9)
        run.font.color.rgb = BLUE
        row.cells[1].text = value
    _para(doc, "", space_after=12)

    _para(doc, "Geachte heer, mevrouw,")
    for item in body:
        if item == BIJLAGEN_TABEL:
            _table_of_documents(doc)
        elif isinstance(item, tuple) and item[1] == "kop":
            _para(doc, item[0], bold=True, color=BLUE, space_after=3).paragraph_format.space_before = Pt(8)
        elif isinstance(item, tuple) and item[1] == "lijst":
            doc.add_paragraph(item[0], style="List Bullet")
        else:
            _para(doc, item)
    closing = [
        _para(doc, "Heeft u vragen? Bel dan met {{ contactpersoon }} via {{ gemeente_telefoon }} of mail naar "
                   "{{ gemeente_email }}. Noem daarbij het kenmerk {{ kenmerk }}."),
        _para(doc, "Met vriendelijke groet,", space_after=24),
        _para(doc, "{{ ondertekenaar }}", space_after=0),
        _para(doc, "{{ functie }}", space_after=0),
        _para(doc, "{{ gemeente_naam }}", space_after=0),
    ]
    closing[0].paragraph_format.space_before = Pt(8)
    for p in closing[:-1]:
        p.paragraph_format.keep_with_next = True  # the signature never stands alone on a page
    props = doc.core_properties
    props.title = soort.replace("_", " ")
    props.author = "wkb-desk"
    return doc


def main(folder: Path = HERE) -> int:
    for soort, body in LETTERS.items():
        target = folder / f"{soort}.docx"
        make(soort, body).save(target)
        print(f"gemaakt: {target.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE))
