"""The path of a file from inbox/ to archive or quarantine: nothing lost, nothing doubled, reasons in Dutch."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import BOUWMELDING_LINES, eml_bytes, msg_bytes, pdf_bytes, write_encrypted_pdf, write_pdf, zip_bytes

from wkb_desk.desk import Desk
from wkb_desk.errors import LockHeldError


def _rows(settings, table: str) -> list[sqlite3.Row]:
    conn = sqlite3.connect(settings.paden.database)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


def _docs(settings) -> list[sqlite3.Row]:
    return _rows(settings, "documents")


def _receipts(settings) -> list[sqlite3.Row]:
    return _rows(settings, "receipts")


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _ingest(settings, *paths):
    with Desk(settings) as desk:
        return [desk.process(p) for p in (paths or desk.candidates())]


def test_document_is_recorded_and_archived(settings):
    inbox = settings.paden.inbox
    (inbox / "team").mkdir()
    src = write_pdf(inbox / "team" / "melding.pdf", BOUWMELDING_LINES)
    original = src.read_bytes()
    [outcome] = _ingest(settings)
    assert outcome.status == "verwerkt"
    assert not src.exists()
    [doc] = _docs(settings)
    assert doc["original_name"] == "melding.pdf" and doc["subfolder"] == "team"
    assert doc["content_type"] == "pdf" and doc["status"] == "verwerkt"
    archived = settings.base_dir / doc["archive_path"]
    assert archived.read_bytes() == original
    assert archived.parent.parent.parent == settings.paden.archief  # archief/YYYY/MM/
    conn = sqlite3.connect(settings.paden.database)
    text = conn.execute("SELECT text FROM pages WHERE document_id = ?", (doc["id"],)).fetchone()[0]
    assert "2026031000123" in text  # the text is kept: a rebuild never needs the original


def test_same_bytes_again_add_nothing(settings):
    inbox = settings.paden.inbox
    data = pdf_bytes(BOUWMELDING_LINES)
    (inbox / "a.pdf").write_bytes(data)
    _ingest(settings)
    (inbox / "kopie van a.pdf").write_bytes(data)
    [outcome] = _ingest(settings)
    assert outcome.status == "dubbel"
    assert len(_docs(settings)) == 1
    assert [r["outcome"] for r in _receipts(settings)] == ["nieuw", "dubbel"]
    assert not (inbox / "kopie van a.pdf").exists()
    kept = _files(settings.paden.archief / "dubbel")
    assert [p.read_bytes() for p in kept] == [data]  # an original is never deleted


def test_archive_never_overwrites_same_name(settings):
    inbox = settings.paden.inbox
    write_pdf(inbox / "melding.pdf", ["Eerste"])
    _ingest(settings)
    write_pdf(inbox / "melding.pdf", ["Tweede, andere inhoud"])
    _ingest(settings)
    names = sorted(p.name for p in _files(settings.paden.archief))
    assert names == ["melding (2).pdf", "melding.pdf"]


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("onbekend.txt", lambda p: p.write_text("gewone notitie"), "niet ondersteund"),
        ("kapot.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n\x00\x01kapot" * 50), "beschadigd"),
        ("geheim.pdf", lambda p: write_encrypted_pdf(p, ["Bouwmelding"]), "wachtwoord"),
        ("leeg.pdf", lambda p: p.write_bytes(b""), "leeg"),
        ("bom.zip", lambda p: p.write_bytes(zip_bytes({"a.pdf": b"\x00" * (20 * 1024 * 1024)})), "zip-bom"),
        ("pad.zip", lambda p: p.write_bytes(zip_bytes({"../x": b"boem"})), "onveilig pad"),
    ],
)
def test_bad_input_goes_to_quarantine_with_dutch_reason(settings, tmp_path, name, make, reason):
    src = settings.paden.inbox / name
    make(src)
    original = src.read_bytes()
    before = {p for p in tmp_path.rglob("*")}
    [outcome] = _ingest(settings)
    assert outcome.status == "quarantaine"
    quarantined = settings.paden.fouten / name
    assert quarantined.read_bytes() == original
    reason_file = settings.paden.fouten / f"{name}.fout.txt"
    text = reason_file.read_text(encoding="utf-8")
    assert reason in text.lower()
    assert "Wat kunt u doen?" in text
    [doc] = _docs(settings)
    assert doc["status"] == "quarantaine" and doc["error_message"]
    # Nothing was written outside the workspace, and nothing but the ledger, the copies and the reason file.
    assert not (tmp_path.parent / "x").exists()
    new = {p for p in tmp_path.rglob("*")} - before
    assert {p for p in new if p.is_file() and "data" not in p.parts and "logboek" not in p.parts} == {quarantined, reason_file}


def test_one_bad_file_does_not_stop_the_batch(settings):
    inbox = settings.paden.inbox
    (inbox / "kapot.pdf").write_bytes(b"%PDF-1.4 kapot")
    write_pdf(inbox / "goed.pdf", BOUWMELDING_LINES)
    outcomes = {o.path.name: o.status for o in _ingest(settings)}
    assert outcomes == {"kapot.pdf": "quarantaine", "goed.pdf": "verwerkt"}


def test_zip_members_become_documents_with_parent(settings):
    data = zip_bytes({"DSO/melding.pdf": pdf_bytes(BOUWMELDING_LINES), "DSO/plan.pdf": pdf_bytes(["Borgingsplan"])})
    (settings.paden.inbox / "download.zip").write_bytes(data)
    [outcome] = _ingest(settings)
    assert outcome.status == "verwerkt"
    docs = _docs(settings)
    parent = [d for d in docs if d["original_name"] == "download.zip"][0]
    members = [d for d in docs if d["parent_id"] == parent["id"]]
    assert sorted(d["original_name"] for d in members) == ["melding.pdf", "plan.pdf"]
    assert all(d["subfolder"] == "download.zip/DSO" for d in members)
    for d in members:
        assert (settings.base_dir / d["archive_path"]).is_file()
        assert d["archive_path"].startswith("archief/")


def test_zip_with_a_bad_member_archives_the_rest(settings):
    data = zip_bytes({"melding.pdf": pdf_bytes(BOUWMELDING_LINES), "notitie.txt": b"los tekstje"})
    (settings.paden.inbox / "download.zip").write_bytes(data)
    [outcome] = _ingest(settings)
    assert outcome.status == "verwerkt" and outcome.partial
    by_name = {d["original_name"]: d for d in _docs(settings)}
    assert by_name["melding.pdf"]["status"] == "verwerkt"
    assert by_name["notitie.txt"]["status"] == "quarantaine"
    assert (settings.paden.fouten / "notitie.txt.fout.txt").is_file()


def test_eml_body_and_attachment_become_documents(settings):
    data = eml_bytes("Bouwmelding Esweg 7", "Hierbij de melding.", {"melding.pdf": pdf_bytes(BOUWMELDING_LINES)})
    (settings.paden.inbox / "bericht.eml").write_bytes(data)
    _ingest(settings)
    by_name = {d["original_name"]: d for d in _docs(settings)}
    assert by_name["bericht.eml"]["content_type"] == "eml"
    assert by_name["melding.pdf"]["parent_id"] == by_name["bericht.eml"]["id"]
    assert by_name["melding.pdf"]["kind"] == "bouwmelding"


def test_a_mail_that_only_covers_its_attachment_makes_no_dossier_of_its_own(settings):
    # "Hierbij de startmelding" and nothing else: the attachment is the melding, the mail no second one beside it
    start = pdf_bytes(["Informatie start bouwwerkzaamheden", "Verzoeknummer: 2027082462984",
                       "Bouwmelding: 2027070578064", "Adres: Wirdumerweg 3, 9919 BJ Loppersum",
                       "Datum start bouwwerkzaamheden: 30-08-2027"])
    data = eml_bytes("Doorgestuurd: startmelding", "Beste Wietske, hierbij de startmelding voor de nieuwe woning. "
                     "Groetjes, Riek Bos", {"startmelding.pdf": start})
    (settings.paden.inbox / "bericht.eml").write_bytes(data)
    _ingest(settings)
    by_name = {d["original_name"]: d for d in _docs(settings)}
    assert by_name["startmelding.pdf"]["kind"] == "startmelding"
    assert by_name["bericht.eml"]["kind"] == "onbekend" and by_name["bericht.eml"]["dossier_id"] is None


def test_outlook_msg_attachment_becomes_a_document(settings):
    data = msg_bytes("Bouwmelding", "Zie bijlage.", "aanvrager@example.nl", {"melding.pdf": pdf_bytes(BOUWMELDING_LINES)})
    (settings.paden.inbox / "bericht.msg").write_bytes(data)
    _ingest(settings)
    by_name = {d["original_name"]: d for d in _docs(settings)}
    assert by_name["bericht.msg"]["content_type"] == "msg" and by_name["bericht.msg"]["status"] == "verwerkt"
    assert by_name["melding.pdf"]["parent_id"] == by_name["bericht.msg"]["id"]
    assert by_name["melding.pdf"]["kind"] == "bouwmelding"
    assert (settings.base_dir / by_name["melding.pdf"]["archive_path"]).read_bytes() == pdf_bytes(BOUWMELDING_LINES)


def test_junk_is_left_alone(settings):
    inbox = settings.paden.inbox
    for name in ("~$melding.docx", ".~lock.register.xlsx#", "Thumbs.db", "desktop.ini", "x.tmp", "y.part", ".verborgen"):
        (inbox / name).write_bytes(b"x")
    with Desk(settings) as desk:
        assert desk.candidates() == []
    assert len(list(inbox.iterdir())) == 7  # all still there, untouched


def test_tool_folders_inside_inbox_are_not_candidates(tmp_path):
    from wkb_desk.config import load_settings

    (tmp_path / "sjablonen").mkdir()
    config = tmp_path / "config.toml"
    config.write_text(
        '[paden]\ninbox = "share"\narchief = "share/archief"\nfouten = "share/fouten"\nsjablonen = "sjablonen"\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    write_pdf(settings.paden.archief / "oud.pdf", ["al verwerkt"])  # load_settings created the folder
    (settings.paden.inbox / "team").mkdir()
    new = write_pdf(settings.paden.inbox / "team" / "nieuw.pdf", ["nieuw"])
    with Desk(settings) as desk:
        assert desk.candidates() == [new]
        assert not desk.is_candidate(settings.paden.archief / "oud.pdf")
        assert desk.is_candidate(new)


def test_second_writer_is_refused_with_holder(settings):
    with Desk(settings, command="watch"):
        with pytest.raises(LockHeldError) as info:
            with Desk(settings, command="ingest"):
                pass
    assert "watch" in info.value.message


def test_dry_run_writes_nothing(settings, tmp_path):
    src = write_pdf(settings.paden.inbox / "melding.pdf", BOUWMELDING_LINES)
    before = sorted(tmp_path.rglob("*"))
    with Desk(settings, dry_run=True) as desk:
        [outcome] = [desk.process(p) for p in desk.candidates()]
    assert outcome.status == "verwerkt" and outcome.kind == "bouwmelding"
    assert src.exists()
    assert sorted(tmp_path.rglob("*")) == before


def test_file_over_the_size_limit_is_quarantined_unread(workspace):
    settings = workspace("[limieten]\nmax_bestand_mb = 0.001\n")
    write_pdf(settings.paden.inbox / "groot.pdf", ["x" * 100] * 40)
    [outcome] = _ingest(settings)
    assert outcome.status == "quarantaine"
    assert "de grens is 0.001 MB" in (settings.paden.fouten / "groot.pdf.fout.txt").read_text(encoding="utf-8")


def test_reference_folder_inside_the_inbox_is_not_swept(tmp_path):
    """Desk and watcher share one list of the tool's own folders; the municipality's lists are in it too."""
    from wkb_desk.config import load_settings

    (tmp_path / "sjablonen").mkdir()
    config = tmp_path / "config.toml"
    config.write_text('[paden]\ninbox = "share"\nreferentie = "share/lijsten"\nsjablonen = "sjablonen"\n', encoding="utf-8")
    settings = load_settings(config)
    settings.paden.referentie.mkdir()
    (settings.paden.referentie / "instrumenten.toml").write_text("# eigen lijst\n", encoding="utf-8")
    with Desk(settings) as desk:
        assert desk.candidates() == []
        assert not desk.is_candidate(settings.paden.referentie / "instrumenten.toml")
