"""Property tests for Dutch dates, postcodes and house numbers; hostile and odd text; the BSN."""

from __future__ import annotations

import datetime as dt
import re
import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wkb_desk.extract import _extract, extract, load_reference
from wkb_desk.extract import normalize as nz
from wkb_desk.models import Page, ReadResult

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


@given(dates, st.sampled_from(["-", ".", "/"]), st.booleans())
def test_numeric_dates(d, sep, pad):
    day, month = (f"{d.day:02d}", f"{d.month:02d}") if pad else (str(d.day), str(d.month))
    assert nz.parse_date(f"{day}{sep}{month}{sep}{d.year}") == d.isoformat()


@given(dates)
def test_iso_dates(d):
    assert nz.parse_date(d.isoformat()) == d.isoformat()


@given(dates, st.booleans(), st.sampled_from(["", "Datum: ", "Ingediend op ", "Almelo, "]), st.booleans())
def test_dates_in_words(d, short, prefix, upper):
    month = SHORT[d.month - 1] + "." if short else MONTHS[d.month - 1]
    if upper:
        month = month.capitalize()
    assert nz.parse_date(f"{prefix}{d.day} {month} {d.year}") == d.isoformat()


@given(st.integers(1, 12), st.integers(2000, 2099))
def test_first_of_the_month_with_suffix(month, year):
    assert nz.parse_date(f"1e {MONTHS[month - 1]} {year}") == dt.date(year, month, 1).isoformat()


@given(st.text(max_size=40))
def test_parse_date_never_raises(text):
    out = nz.parse_date(text)
    assert out is None or dt.date.fromisoformat(out)


def test_impossible_dates_are_rejected():
    assert nz.parse_date("31-02-2026") is None
    assert nz.parse_date("2026-13-01") is None
    assert nz.parse_date("artikel 4.12.3") is None


letters = st.text(alphabet="ABCDEFGHIJKLMNOPQRTUVWXYZ", min_size=2, max_size=2).filter(lambda s: s not in {"SA", "SD", "SS"})


@given(st.integers(1000, 9999), letters, st.sampled_from(["", " ", "  "]), st.booleans())
def test_postcodes(digits, lets, space, lower):
    written = f"{digits}{space}{lets.lower() if lower else lets}"
    assert nz.normalize_postcode(written) == f"{digits} {lets}"
    assert nz.parse_address(f"Kerkstraat 1, {written} Almelo")["postcode"] == f"{digits} {lets}"


def test_postcode_rejects_non_postcodes():
    assert nz.normalize_postcode("0123 AB") is None
    assert nz.normalize_postcode("1234 SS") is None
    assert nz.normalize_postcode("12345 AB") is None


@given(st.integers(1, 99999), st.sampled_from(["", "a", "A", " b", " B", "-2", " - 12", "-a", "/3"]))
def test_house_numbers(number, addition):
    expected = f"{number}{addition.replace(' ', '').lower()}"
    if addition.startswith("-") and addition[1:].isalpha():
        expected = f"{number}{addition[1:].lower()}"  # "14-A" is written for huisletter A, as "14A" is
    assert nz.normalize_huisnummer(f"{number}{addition}") == expected
    parts = nz.parse_address(f"Prins Bernhardstraat {number}{addition}, 7621 PL Borne")
    assert parts["huisnummer"] == expected
    assert parts["straat"] == "Prins Bernhardstraat"


@given(st.text(max_size=60))
def test_address_parsing_never_raises(text):
    assert isinstance(nz.parse_address(text), dict)


def test_kadastraal_forms():
    for written in ("gemeente Almelo, sectie K, nummer 1234", "Almelo sectie K nr. 1234", "Almelo K 1234",
                    "kadastrale gemeente Almelo sectie K perceelnummer 1234", "Almelo, sectie K, nr 1234"):
        assert nz.normalize_kadastraal(written) == "Almelo K 1234", written
    assert nz.normalize_kadastraal("Hof van Twente sectie B nr. 77") == "Hof van Twente B 77"
    # a municipality whose name opens with 's keeps it, with a straight apostrophe
    assert nz.normalize_kadastraal("perceel 's-Gravenzande D 2218") == "'s-Gravenzande D 2218"
    assert nz.normalize_kadastraal("’s-Hertogenbosch sectie K nr. 12") == "'s-Hertogenbosch K 12"


def test_numbers():
    assert nz.normalize_kvk("69.121.052") == "69121052"
    assert nz.normalize_kvk("KvK 6912105") is None
    assert nz.normalize_bag("0164 20 0000123456") == "0164200000123456"
    assert nz.normalize_bag("0158 2000 0000 1234") == "0158200000001234"
    assert nz.normalize_bag("0158200000001234567") is None  # 19 digits: not a BAG id
    assert nz.normalize_verzoeknummer("2022070500133") == "2022070500133"
    assert nz.normalize_verzoeknummer("2022130500133") is None  # month 13: not a DSO number
    assert nz.normalize_gevolgklasse("Gevolgklasse 1 (grondgebonden)") == 1


# --- hostile and odd text -----------------------------------------------------------------------

def _doc(*texts: str) -> ReadResult:
    return ReadResult("pdf", tuple(Page(i + 1, t) for i, t in enumerate(texts)))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=300), min_size=1, max_size=4))
def test_random_text_never_breaks_extraction(texts):
    # the inner function: `extract` would turn a bug into a warning, the test must see it
    x = _extract(_doc(*texts), load_reference())
    assert x.kind in ("onbekend", "onleesbaar") or x.kind_score >= 0
    json.dumps(x.to_json())


def test_pathological_lines_finish_quickly():
    cases = [
        "a" * 1_000_000,
        "Verzoeknummer: " + "1" * 200_000,
        "Adres: " + "Kerkstraat " * 50_000,
        "Postcode: " + "1234 " * 50_000,
        "1 " * 200_000,
        ("Datum: " + "12-" * 30_000),
        "Kadastraal perceel: gemeente " + "Almelo " * 40_000 + "sectie",
        "\t" * 100_000 + "Kwaliteitsborger",
        "\n".join(["Straat:"] * 20_000),
        "Instrument voor\n" * 10_000,
        "Bouwadres " + "." * 100_000 + " Kerkstraat 1",
        "Bouwadres " + "_ " * 50_000,
        "Wie is de kwaliteitsborger" + " waarom" * 30_000 + "?",
        "Verklaring: geen " + "gelijkwaardige " * 30_000,
        "\t".join(["Straat", "Huisnummer", "Postcode"] * 5_000) + "\n" + "\t".join(["x"] * 15_000),
    ]
    for text in cases:
        started = time.perf_counter()
        x = _extract(_doc("Bouwmelding\n" + text), load_reference())
        assert time.perf_counter() - started < 5, text[:40]
        json.dumps(x.to_json())


def test_control_characters_and_formula_values_keep_their_text():
    text = (
        "Bouwmelding - Bouwactiviteit (technisch)\x00\x07\n"
        "Type verzoek: Melding\nActiviteit: Bouwactiviteit (technisch)\n"
        "Verzoeknummer: 2026020100123\x1b\n"
        "Naam project: =HYPERLINK(\"http://x\")\n"
        "Initiatiefnemer: +31 Bouw B.V.\n"
        "Bouwer: @Bouw\n"
        "Projectadres: Kerk\u200bstraat 12\x0b, 7601 AB Almelo\n"
        "Kwaliteitsborger: -Borg-\n"
    )
    x = _extract(_doc(text), load_reference())
    v = x.values()
    assert x.kind == "bouwmelding"
    assert v["verzoeknummer"] == "2026020100123"
    assert v["projectnaam"] == '=HYPERLINK("http://x")'  # the register escapes formulas, not extraction
    assert v["initiatiefnemer"] == "+31 Bouw B.V."
    assert v["bouwer"] == "@Bouw"
    assert v["straat"] == "Kerkstraat" and v["postcode"] == "7601 AB"
    dumped = json.dumps(x.to_json())
    assert "\\u0000" not in dumped and "\\u0007" not in dumped


def test_bsn_never_appears():
    text = (
        "Bouwmelding - Bouwactiviteit (technisch)\n"
        "Type verzoek: Melding\nActiviteit: Bouwactiviteit (technisch)\nVerzoeknummer: 2026020100123\n"
        "Initiatiefnemer: Jan Jansen (BSN 123456782)\n"
        "Burgerservicenummer:\n"
        "111.222.333\n"
        "BSN aanvrager: 987 654 321\n"
        "Projectadres: Kerkstraat 12, 7601 AB Almelo\n"
        "KvK-nummer: 12345678\n"
    )
    x = _extract(_doc(text), load_reference())
    dumped = json.dumps(x.to_json())
    for bsn in ("123456782", "111.222.333", "111222333", "987 654 321", "987654321"):
        assert bsn not in dumped
    assert x.values()["initiatiefnemer"] == "Jan Jansen"
    assert x.values()["kvk"] == "12345678"


def test_an_internal_error_becomes_a_warning_not_a_crash(monkeypatch):
    import wkb_desk.extract as ex

    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(ex, "classify", broken)
    x = extract(_doc("Bouwmelding\nVerzoeknummer: 2026020100123\nAdres: Kerkstraat 1, 7601 AB Almelo"))
    assert x.kind == "onbekend"
    assert any("handmatig" in w for w in x.warnings)


def test_required_literal_is_a_safe_prefilter():
    from wkb_desk.extract.reference import required_literal

    assert required_literal(r"\bgegevens en bescheiden\b") == "gegevens en bescheiden"
    assert required_literal(r"\bverklaart\b.{0,120}\bgerechtvaardigd vertrouwen") == "gerechtvaardigd vertrouwen"
    assert required_literal(r"cookies?\b") == "cookie"  # the optional "s" is not required
    assert required_literal(r"\bveelgestelde vragen\b|\bhoe werkt\b") == ""  # either alternative may match
    assert required_literal(r"^(?:type|soort) verzoek") == "verzoek"
    assert required_literal(r"[abc]defg") == "defg"
    from wkb_desk.extract.reference import required_alternatives

    # no plain run, but a required group of plain words: every match holds one of them
    assert required_alternatives(r"^(?:onderwerp:\s*)?(?:[a-z]+\s+)?(?:nieuws|persbericht)\b") == ("nieuws", "persbericht")
    assert required_alternatives(r"^(?:bijlage )?(?:verslag|notulen)?\s*agenda") == ()  # the group is optional
    assert required_alternatives(r"\b(?:cookies?|menu)\b") == ()  # not plain words
    assert required_alternatives(r"(?:nieuws|pers)bericht|agenda") == ()  # either alternative may match
    # every packaged pattern: whatever text it matches contains its literal
    ref = load_reference()
    samples = ["type verzoek: melding", "activiteit: bouwactiviteit (technisch) - gereedmelding",
               "dit borgingsplan beschrijft", "risicoscore = kans x effect", "nen-iso 31000", "rijksmonument",
               "geen verklaring afgegeven", "artikel 2.21 bbl", "informatieplicht start bouwwerkzaamheden",
               "onderwerp: gemeente nieuwsbrief december", "notulen van het overleg", "persbericht"]
    for pattern, literals in ref.literals.items():
        for text in samples:
            if literals and re.search(pattern, text, re.IGNORECASE | re.MULTILINE):
                assert any(x in text for x in literals), (pattern, text)


def test_signal_search_finds_what_a_plain_search_finds():
    """The signal search only tries a pattern where its first words stand: it must find exactly what re finds."""
    ref = load_reference()
    texts = [
        "gemeente voorbeeld\nbouwmelding\ntype verzoek: melding\nhierbij melden wij de start van de bouw op 3 mei 2027."
        "\nde bouw begint op maandag 3 mei 2027 aan de kerkstraat 1.",
        "verklaring kwaliteitsborger\nde kwaliteitsborger verklaart dat er gerechtvaardigd vertrouwen is\n"
        "wij beginnen op 12 april met de bouw\nde woning is klaar en wordt op 1 juni 2027 in gebruik genomen",
        "geachte heer,\nkunt u mij laten weten of de melding compleet is?\nmet vriendelijke groet\nwww.example.nl/wkb",
        "risicobeoordeling\nrisico\tkans\tmaatregel\nborgingsplan\tversie 2\nhet dossier bevoegd gezag is ingediend",
        "activiteit: bouwactiviteit (technisch) - gereedmelding\nagenda\nbeleidsnotitie wkb\nhome > wonen > bouwen",
        # a form's choice whose boxes not ticked were left out: the label's blank runs over the line break
        "verzoek\nverzoeknummer\t2027100600274\nsoort melding\t\ngereedmelding (art. 2.21 bbl)\nbouwmelding\t2027020100412",
    ]
    patterns = [rx for rule in ref.kinds.values() for rx, _ in rule.signals] + [rx for rx, _ in ref.non_wkb]
    found = 0
    for text in texts:
        present: dict[str, bool] = {}  # shared by the patterns tried on one text, as classify shares it
        for rx in patterns:
            plain = rx.search(text)
            assert ref.signal_in(rx, text) == (plain is not None), (rx.pattern, text)
            assert ref.signal_in(rx, text, present) == (plain is not None), (rx.pattern, text)
            found += plain is not None
    assert found >= 15  # the texts do hit the signals, so the comparison means something


def test_ocr_letters_in_long_numbers():
    assert nz.normalize_verzoeknummer("2O26O6O5OO763") == "2026060500763"
    assert nz.normalize_kvk("83O757O5") == "83075705"
    assert nz.ocr_digits("Borg4 Oldenzaal") == "Borg4 Oldenzaal"  # words stay words


def test_a_year_and_a_small_word_is_a_postcode_only_as_a_value_of_its_own():
    assert nz.normalize_postcode("1900 ik") == "1900 IK"  # a postcode field typed in lower case
    assert nz.parse_address("Kerkstraat 1, 1900 ze Almelo")["postcode"] == "1900 ZE"  # ... or an address line
    assert nz.find_postcode("De woning wordt op 1 november 2027 in gebruik genomen.") is None


@pytest.mark.parametrize("typed, written", [("LOENEN AAN DE VECHT", "Loenen aan de Vecht"),
                                            ("BERGEN OP ZOOM", "Bergen op Zoom"), ("DEN HAAG", "Den Haag"),
                                            ("'S-HERTOGENBOSCH", "'s-Hertogenbosch"),
                                            ("Cadier en Keer", "Cadier en Keer"), ("BERG EN TERBLIJT", "Berg en Terblijt")])
def test_a_place_in_capitals_keeps_its_particles_small(typed, written):
    assert nz.clean_place(typed) == written


def test_a_street_in_capitals_keeps_its_particles_small():
    assert nz.parse_address("LAAN VAN DE MOLEN 12")["straat"] == "Laan van de Molen"
    assert nz.parse_address("VAN DER MEERSTRAAT 2")["straat"] == "Van der Meerstraat"
