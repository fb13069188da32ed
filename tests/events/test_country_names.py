"""Country names: CLDR's for every ISO 3166-1 code (the shipped module against Babel, code by
code), the curated names of states that no longer exist, and the resolver of typed names."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from events import UnknownCountry, all_countries, country, is_country, resolve_country
from events.cldr_countries import ALPHA3, NAMES
from events.country_resolver import fold
from events.former_states import FORMER_STATES

babel = pytest.importorskip("babel", reason="the test extra installs Babel")
ROOT = Path(__file__).resolve().parents[2]


def load_script():
    spec = importlib.util.spec_from_file_location(
        "make_countries", ROOT / "scripts/make_countries.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_country_has_cldr_english_and_vietnamese_names() -> None:
    en, vi = babel.Locale("en").territories, babel.Locale("vi").territories
    current = all_countries()
    assert len(current) == 250
    for c in current:
        assert (c.name_en, c.name_vi) == (en[c.code], vi[c.code]), c.code


def test_the_shipped_module_is_what_the_script_writes_from_babel(tmp_path: Path) -> None:
    out = tmp_path / "cldr_countries.py"
    subprocess.run([sys.executable, str(ROOT / "scripts/make_countries.py"), "--output", str(out)],
                   check=True, capture_output=True)  # fmt: skip
    assert out.read_text(encoding="utf-8") == (ROOT / "events/cldr_countries.py").read_text(
        encoding="utf-8"
    )


def test_the_codes_are_cldrs_territories_less_those_that_are_not_countries() -> None:
    script = load_script()
    territories = {c for c in babel.Locale("en").territories if len(c) == 2 and c.isalpha()}
    assert set(NAMES) == territories - script.NOT_COUNTRIES
    assert "XK" in NAMES and not {"EU", "UN", "ZZ", "XA"} & set(NAMES)


@pytest.mark.parametrize(
    ("code", "en", "vi"),
    [
        ("AF", "Afghanistan", "Afghanistan"),  # pycountry had "A Phú Hãn"
        ("ID", "Indonesia", "Indonesia"),  # "Nam Dương"
        ("IR", "Iran", "Iran"),  # "Ba Tư"
        ("AT", "Austria", "Áo"),  # "Ao"
        ("TW", "Taiwan", "Đài Loan"),  # "Đài Loan, Tỉnh Trung Quốc"
        ("CZ", "Czechia", "Séc"),  # untranslated
        ("TR", "Türkiye", "Thổ Nhĩ Kỳ"),
        ("MK", "North Macedonia", "Bắc Macedonia"),
        ("VN", "Vietnam", "Việt Nam"),
        ("US", "United States", "Hoa Kỳ"),
    ],
)
def test_names_a_vietnamese_reader_accepts(code: str, en: str, vi: str) -> None:
    assert (country(code).name_en, country(code).name_vi) == (en, vi)


def test_every_iso_3166_3_code_is_a_former_state_named_in_both_languages() -> None:
    codes = {s.code for s in FORMER_STATES}
    # ISO 3166-3's codes (as of its 2020 edition), and the two the archive forms for states ISO
    # never coded.
    iso = {"AIDJ", "ANHH", "BQAQ", "BUMM", "BYAA", "CSHH", "CSXX", "CTKI", "DDDE", "DYBJ", "FQHH",
           "FXFR", "GEHH", "HVBF", "JTUM", "MIUM", "NHVU", "NQAQ", "NTHH", "PCHH", "PUUM", "PZPA",
           "RHZW", "SKIN", "SUHH", "TPTL", "VDVN", "WKUM", "YDYE", "YUCS", "ZRCD"}  # fmt: skip
    assert codes == iso | {"VNVN", "HIUS"}
    for s in FORMER_STATES:
        assert s.name_en and s.name_vi and s.source, s.code
        assert country(s.code).historical
    assert [s.code for s in FORMER_STATES] == sorted(codes)


@pytest.mark.parametrize(
    ("code", "vi"),
    [("SUHH", "Liên Xô"), ("YUCS", "Nam Tư"), ("CSHH", "Tiệp Khắc"), ("DDDE", "Cộng hòa Dân chủ Đức (Đông Đức)"),
     ("VNVN", "Việt Nam Cộng hòa (Quốc gia Việt Nam đến 1955)"), ("VDVN", "Việt Nam Dân chủ Cộng hòa")],
)  # fmt: skip
def test_former_states_have_their_vietnamese_names(code: str, vi: str) -> None:
    assert country(code).name_vi == vi


def test_the_codes_the_historian_importer_meets_are_all_countries() -> None:
    table = ROOT / "timeline/data/historyatstate_countries.tsv"
    lines = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()]
    rows = [cells for cells in lines if len(cells) > 1 and not cells[0].startswith("#")]
    codes = {cells[1] for cells in rows[1:]}  # after the header
    assert codes and all(is_country(code) for code in codes), sorted(
        c for c in codes if not is_country(c)
    )


def test_no_two_countries_share_a_name_once_diacritics_are_set_aside() -> None:
    owners: dict[str, set[str]] = {}
    for c in all_countries(historical=True):
        for name in (c.name_en, c.name_vi):
            owners.setdefault(fold(name), set()).add(c.code)
    assert {name: codes for name, codes in owners.items() if len(codes) > 1} == {}


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("VN", "VN"), ("vn", "VN"), (" VN ", "VN"), ("VNM", "VN"), ("Vietnam", "VN"),
        ("Việt Nam", "VN"), ("Viet Nam", "VN"), ("viet nam", "VN"), ("VIỆT NAM", "VN"),
        ("Mỹ", "US"), ("Hoa Kỳ", "US"), ("hoa ky", "US"), ("US", "US"), ("USA", "US"),
        ("U.S.", "US"), ("United States", "US"), ("united states", "US"),
        ("my", "MY"), ("Malaysia", "MY"),  # a code before a name without its diacritics
        ("Nga", "RU"), ("nga", "RU"), ("NGA", "NG"),  # a code typed in capitals before a name
        ("Anh", "GB"), ("UK", "GB"), ("Úc", "AU"), ("Australia", "AU"), ("Đài Loan", "TW"),
        ("Türkiye", "TR"), ("turkiye", "TR"), ("Turkey", "TR"), ("Czechia", "CZ"),
        ("Burma", "MM"), ("Bosnia and Herzegovina", "BA"), ("Bosnia & Herzegovina", "BA"),
        ("SUHH", "SUHH"), ("suhh", "SUHH"), ("Liên Xô", "SUHH"), ("lien xo", "SUHH"),
        ("USSR", "SUHH"), ("Yugoslavia", "YUCS"), ("Tiệp Khắc", "CSHH"), ("East Germany", "DDDE"),
        ("DDR", "DDDE"), ("South Vietnam", "VNVN"), ("Việt Nam Cộng hòa", "VNVN"),
    ],
)  # fmt: skip
def test_a_country_is_found_by_code_or_name_in_either_language(typed: str, code: str) -> None:
    assert resolve_country(typed) == code


def test_every_countrys_own_names_and_codes_find_it() -> None:
    for c in all_countries(historical=True):
        for typed in (c.code, c.code.lower(), c.name_en, c.name_vi):
            assert resolve_country(typed) == c.code, typed
        # Without diacritics a name may be a code: `Áo` (Austria) is `ao`, Angola's code.
        if not is_country(fold(c.name_vi).upper()):
            assert resolve_country(fold(c.name_vi)) == c.code, c.name_vi
    assert all(resolve_country(a3) == a2 for a3, a2 in ALPHA3.items())


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Vietnm", "unknown country 'Vietnm': did you mean VN (Vietnam / Việt Nam)?"),
        ("Untied States", "unknown country 'Untied States': did you mean US (United States / Hoa Kỳ)?"),
        ("Hoa Kyy", "did you mean US (United States / Hoa Kỳ)?"),
        ("Viet", "did you mean VN (Vietnam / Việt Nam)?"),
        ("Liên X", "did you mean SUHH (Soviet Union (USSR) / Liên Xô)?"),
        ("Atlantis", "unknown country 'Atlantis': expected an ISO code (VN, US) or a name"),
        ("XX", "unknown country 'XX': expected an ISO code"),
        ("ZZ", "unknown country 'ZZ': expected an ISO code"),  # CLDR's "unknown region"
        ("EU", "unknown country 'EU'"),
        ("12", "unknown country '12'"),
        ("", "no country given"),
        ("   ", "no country given"),
    ],
)  # fmt: skip
def test_an_unknown_country_is_an_error_that_suggests_the_closest(typed: str, message: str) -> None:
    with pytest.raises(UnknownCountry) as raised:
        resolve_country(typed)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_the_country_names_load_without_babel_or_pycountry() -> None:
    code = (
        "import sys; from events import resolve_country; resolve_country('Việt Nam'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('babel', 'pycountry')))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"
