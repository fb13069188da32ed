"""The shipped country names (events/country_names.py) are pycountry's, as
scripts/make_country_names.py reads them, and the country table gives the names people use."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from types import ModuleType

from events import all_countries, country
from events.country_names import CURRENT, HISTORICAL
from tests.helpers import ROOT


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_country_names", ROOT / "scripts" / "make_country_names.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_names_are_those_pycountry_gives() -> None:
    make = script()
    assert make.current() == CURRENT
    assert make.historical() == HISTORICAL
    assert (ROOT / "events" / "country_names.py").read_text(encoding="utf-8") == make.source()


def test_the_table_takes_the_vietnamese_names_news_use_and_the_curated_states() -> None:
    assert CURRENT["LA"][1] != "Lào"  # pycountry's formal translation ...
    assert country("LA").name_vi == "Lào"  # ... gives way to the name news use
    assert country("AF").name_vi == CURRENT["AF"][1]
    assert country("XK").name_en == "Kosovo"
    assert country("SUHH").name_en == "Soviet Union (USSR)"  # curated, not pycountry's
    assert country("SUHH").valid_until is not None
    assert len(all_countries()) == len(CURRENT) + 1
    assert {c.code for c in all_countries(historical=True)} >= set(HISTORICAL)


def test_validating_a_record_loads_no_pycountry() -> None:
    code = (
        "import sys\n"
        "from events import EngagementFacts, country\n"
        "country('VN'); country('SUHH')\n"
        "print('pycountry' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
