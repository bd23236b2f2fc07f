"""Error classes found on further documents written by others (issue 11), each written again in our own wording:
a municipality's "Gemeente / woonplaats" label for the site's place. Our own wordings throughout."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "extract"))

import docgen  # noqa: E402

from wkb_desk.config import Limits  # noqa: E402
from wkb_desk.extract import _extract, load_reference  # noqa: E402
from wkb_desk.readers import read_file  # noqa: E402


def run(path: Path):
    return _extract(read_file(path, Limits()), load_reference())


def test_gemeente_slash_woonplaats_names_the_sites_place_not_a_municipalitys_address(tmp_path):
    # "Gemeente" with a place word is the site's place in two names; with an applicant's word it is the applicant's
    path = docgen.write_pdf(tmp_path / "melding.pdf", [[
        "Gemeente Dinkelland", "Postbus 11, 7590 AA Denekamp",
        "Melding Bouwactiviteit (technisch)",
        "Verzoeknummer: 2027030300418",
        "Straat bouwlocatie: Kerkstraat",
        "Huisnummer: 14",
        "Postcode: 7591 BH",
        "Gemeente / woonplaats bouwlocatie: Denekamp",
        "Naam aanvrager: Bouwbedrijf Oude Kamphuis",
        "Gemeente / woonplaats aanvrager: Ootmarsum",
        "Kwaliteitsborger: Bylaer",
        "Instrument: WKI",
    ]])
    x = run(path)
    assert x.kind == "bouwmelding"
    assert x.values()["plaats"] == "Denekamp"
    assert x.values().get("melder_plaats") in (None, "Ootmarsum")
