"""Readers: each content type becomes pages of text, within limits, and bad input gets a clear reason."""

from __future__ import annotations

import pytest
from builders import (
    BOUWMELDING_LINES,
    eml_bytes,
    msg_bytes,
    pdf_bytes,
    write_docx,
    write_encrypted_pdf,
    write_pdf,
    write_xlsx,
    zip_bytes,
)
from conftest import shared_path

from wkb_desk.config import Limits
from wkb_desk.errors import (
    CorruptError,
    EmptyFileError,
    EncryptedError,
    TooLargeError,
    UnsafeArchiveError,
    UnsupportedTypeError,
)
from wkb_desk.readers import read_file, sniff

LIMITS = Limits()


def test_pdf_text_per_page(tmp_path):
    path = write_pdf(tmp_path / "melding.pdf", [["Verzoeknummer: 2026031000123"], ["Pagina twee"]])
    result = read_file(path, LIMITS)
    assert result.content_type == "pdf"
    assert [p.number for p in result.pages] == [1, 2]
    assert "2026031000123" in result.pages[0].text
    assert "Pagina twee" in result.pages[1].text


def test_pdf_page_limit_reads_first_pages_and_warns(tmp_path):
    path = write_pdf(tmp_path / "lang.pdf", [[f"Pagina {i}"] for i in range(1, 6)])
    result = read_file(path, Limits(max_paginas=2))
    assert len(result.pages) == 2
    assert any("alleen de eerste 2" in w for w in result.warnings)


def test_encrypted_pdf_is_refused_with_dutch_reason(tmp_path):
    path = write_encrypted_pdf(tmp_path / "geheim.pdf", ["Bouwmelding"])
    with pytest.raises(EncryptedError) as info:
        read_file(path, LIMITS)
    assert "wachtwoord" in info.value.message
    assert "onbeveiligde versie" in info.value.advice


def test_encrypted_pdf_with_empty_password_opens(tmp_path):
    path = write_encrypted_pdf(tmp_path / "open.pdf", ["Bouwmelding Esweg 7"], password="")
    assert "Esweg 7" in read_file(path, LIMITS).pages[0].text


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 100)
    with pytest.raises(CorruptError):
        read_file(path, LIMITS)


def test_docx_keeps_order_and_separates_header_footer(tmp_path):
    path = write_docx(
        tmp_path / "plan.docx",
        ["Borgingsplan", "Inleiding"],
        table=[["Projectadres", "Esweg 7"], ["Postcode en plaats", "7601 AB Almelo"]],
        header=["Kwaliteitsborger BV", "Kantoorstraat 1, 7500 AA Enschede"],
        footer=["Pagina 1"],
    )
    result = read_file(path, LIMITS)
    body = [p for p in result.pages if p.region == "body"][0].text.splitlines()
    assert body[:2] == ["Borgingsplan", "Inleiding"]
    assert "Projectadres\tEsweg 7" in body
    header = [p for p in result.pages if p.region == "header"][0].text
    assert "Kantoorstraat 1" in header and "Kantoorstraat" not in "\n".join(body)
    assert [p for p in result.pages if p.region == "footer"][0].text == "Pagina 1"


def test_xlsx_rows_as_tab_separated_cells_and_iso_dates(tmp_path):
    import datetime as dt

    path = write_xlsx(tmp_path / "rb.xlsx", [["Projectnaam", "Woning 7"], [], ["Datum", dt.datetime(2026, 6, 10)], [1, 2.0, None, "x"]])
    result = read_file(path, LIMITS)
    assert result.pages[0].label == "Blad1"
    assert result.pages[0].text.splitlines() == ["Projectnaam\tWoning 7", "Datum\t2026-06-10", "1\t2\t\tx"]


def test_zip_members_are_returned_not_written(tmp_path):
    data = zip_bytes({"map/melding.pdf": pdf_bytes(BOUWMELDING_LINES), "__MACOSX/._melding.pdf": b"x"})
    path = tmp_path / "download.zip"
    path.write_bytes(data)
    result = read_file(path, LIMITS)
    assert result.content_type == "zip"
    assert [m.name for m in result.members] == ["map/melding.pdf"]
    assert list(tmp_path.iterdir()) == [path]


def test_zip_with_parent_path_member_is_refused(tmp_path):
    path = tmp_path / "aanval.zip"
    path.write_bytes(zip_bytes({"../x": b"boem", "ok.pdf": pdf_bytes(["x"])}))
    with pytest.raises(UnsafeArchiveError) as info:
        read_file(path, LIMITS)
    assert "onveilig pad" in info.value.message


def test_zip_bomb_is_refused_by_ratio(tmp_path):
    path = tmp_path / "bom.zip"
    path.write_bytes(zip_bytes({"nullen.pdf": b"\x00" * (20 * 1024 * 1024)}))
    with pytest.raises(TooLargeError) as info:
        read_file(path, LIMITS)
    assert "zip-bom" in info.value.message


def test_zip_member_count_limit(tmp_path):
    path = tmp_path / "veel.zip"
    path.write_bytes(zip_bytes({f"f{i}.txt": b"x" for i in range(5)}))
    with pytest.raises(TooLargeError):
        read_file(path, Limits(max_zip_leden=3))


def test_eml_body_and_attachments(tmp_path):
    path = tmp_path / "bericht.eml"
    path.write_bytes(eml_bytes("Bouwmelding Esweg 7", "Zie bijlage.", {"melding.pdf": pdf_bytes(BOUWMELDING_LINES)}))
    result = read_file(path, LIMITS)
    assert result.content_type == "eml"
    assert "Onderwerp: Bouwmelding Esweg 7" in result.pages[0].text
    assert "Zie bijlage." in result.pages[0].text
    assert [m.name for m in result.members] == ["melding.pdf"]
    assert sniff(result.members[0].data) == "pdf"


def test_msg_body_and_attachments(tmp_path):
    path = tmp_path / "bericht.msg"
    path.write_bytes(msg_bytes("Bouwmelding Esweg 7", "Zie bijlage.", "aanvrager@example.nl",
                               {"melding.pdf": pdf_bytes(BOUWMELDING_LINES)}))
    result = read_file(path, LIMITS)
    assert result.content_type == "msg"
    assert "Onderwerp: Bouwmelding Esweg 7" in result.pages[0].text and "Zie bijlage." in result.pages[0].text
    assert [m.name for m in result.members] == ["melding.pdf"]
    assert sniff(result.members[0].data) == "pdf"


def test_msg_from_corpus_has_body_and_attachments():
    path = shared_path("corpus", "msg", "msg-extractor__unicode.msg")
    result = read_file(path, LIMITS)
    assert result.content_type == "msg"
    assert result.pages[0].text.startswith("Onderwerp:")
    assert len(result.members) == 2


def test_empty_file(tmp_path):
    path = tmp_path / "leeg.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyFileError):
        read_file(path, LIMITS)


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"gewone tekst, geen document", "bestandstype niet ondersteund"),
        (b"GIF89a" + b"\x00" * 100, "afbeelding"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "niet ondersteund"),
    ],
)
def test_unsupported_types_are_named(tmp_path, content, expected):
    path = tmp_path / "bestand.pdf"  # the extension lies; the bytes decide
    path.write_bytes(content)
    with pytest.raises(UnsupportedTypeError) as info:
        read_file(path, LIMITS)
    assert expected in info.value.message.lower() or expected in info.value.advice.lower()


def test_content_type_comes_from_bytes_not_extension(tmp_path):
    path = write_docx(tmp_path / "eigenlijk_word.pdf", ["Borgingsplan"])
    assert sniff(path) == "docx"


def test_file_over_size_limit(tmp_path):
    path = write_pdf(tmp_path / "groot.pdf", ["x" * 100] * 40)
    with pytest.raises(TooLargeError):
        read_file(path, Limits(max_bestand_mb=0.001))


def test_xlsx_hidden_helper_sheets_are_not_read(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Formulier"
    wb.active.append(["Kwaliteitsborger", "Borg4 B.V."])
    lists = wb.create_sheet("Lijsten")
    for name in ("Bylaer", "Stavast Kwaliteitsborging", "WTT Kwaliteitsborging"):
        lists.append([name])
    lists.sheet_state = "hidden"
    wb.save(tmp_path / "formulier.xlsx")
    text = "\n".join(p.text for p in read_file(tmp_path / "formulier.xlsx", Limits()).pages)
    assert "Borg4 B.V." in text and "Bylaer" not in text


def test_docx_text_boxes_are_lines_of_their_own_and_read_once(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Verklaring van de kwaliteitsborger")
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    box = ("<w:txbxContent><w:p><w:r><w:t>Kwaliteitsborger: Borg4 B.V.</w:t></w:r></w:p>"
           "<w:p><w:r><w:t>Instrument: WKI</w:t></w:r></w:p></w:txbxContent>")
    # as Word writes it: the box in DrawingML, and again in VML for older readers
    run = parse_xml(f"<w:r {ns}><mc:AlternateContent><mc:Choice Requires=\"wps\"><wps:txbx>{box}</wps:txbx>"
                    f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
                    f"</mc:Fallback></mc:AlternateContent></w:r>")
    paragraph = document.add_paragraph("Bouwwerk")
    paragraph._p.append(run)
    document.save(tmp_path / "verklaring.docx")
    lines = read_file(tmp_path / "verklaring.docx", Limits()).pages[0].text.splitlines()
    assert "Bouwwerk" in lines and "Instrument: WKI" in lines
    assert lines.count("Kwaliteitsborger: Borg4 B.V.") == 1


def test_xlsx_a_project_block_beside_a_risk_table_is_read_after_it(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    block = ["Bouwlocatie", "Reigerpad 7", "Postcode + plaats", "2804KP Gouda", "Kwaliteitsborger", "Borg4 B.V."]
    ws.append(["Nr", "Thema", "Risico", "Kans", "Effect", "Maatregel", "", block[0]])
    for i in range(1, 6):
        ws.append([f"R0{i}", "Fundering", "Zetting", 3, 4, "Bijwoonmoment", "", block[i]])
    wb.save(tmp_path / "rb.xlsx")
    lines = read_file(tmp_path / "rb.xlsx", Limits()).pages[0].text.splitlines()
    assert lines[-6:] == block  # the block's labels above their values, after the table
    assert lines[1] == "R01\tFundering\tZetting\t3\t4\tBijwoonmoment"
    # a form's labels and values with empty columns between them stay side by side
    wb = openpyxl.Workbook()
    for label, value in (("Straat", "Kerkstraat"), ("Huisnummer", "12"), ("Plaats", "Goor"), ("Instrument", "WKI")):
        wb.active.append(["", label, "", "", value])
    wb.save(tmp_path / "form.xlsx")
    assert "\tStraat\t\t\tKerkstraat" in read_file(tmp_path / "form.xlsx", Limits()).pages[0].text


def _with_footnote(path, text: str) -> None:
    """Add a footnotes part to a saved .docx, as Word writes one (separator notes first, then the note itself)."""
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
             f'</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    with zipfile.ZipFile(path) as zin:
        items = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    items["word/footnotes.xml"] = notes.encode()
    items["[Content_Types].xml"] = items["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.wordprocessingml.footnotes+xml"/></Types>')
    items["word/_rels/document.xml.rels"] = items["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/'
                             b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items.items():
            zout.writestr(name, data)


def test_a_word_documents_footnotes_are_read_as_its_own_text(tmp_path):
    import docx

    from wkb_desk.extract import extract, load_reference

    path = tmp_path / "DBG.docx"
    d = docx.Document()
    d.add_paragraph("Dossier bevoegd gezag")
    d.add_paragraph("Zie de projectgegevens in de voetnoot.")
    d.save(str(path))
    _with_footnote(path, "Bouwwerk: Raadhuisstraat 7, 5861 AX Wanssum. Kwaliteitsborger: Borg4 B.V.")
    read = read_file(path, Limits())
    assert any("Raadhuisstraat 7" in p.text for p in read.pages)
    v = extract(read, load_reference()).values()
    assert (v["straat"], v["plaats"], v["kwaliteitsborger"]) == ("Raadhuisstraat", "Wanssum", "Borg4")
