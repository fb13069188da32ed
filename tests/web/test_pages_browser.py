"""The pages as a person sees them: `timeline serve` on 127.0.0.1 with the seed records, read
by headless Chromium. Screenshots go to tests/screenshots/ (git-ignored) for a reviewer to open;
the rendered DOM is checked for the SVG marks."""

from __future__ import annotations

import shutil
import struct
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import serving
from timeline import load
from timeline.projection.build import build
from timeline.store.application import Archive

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "tests" / "screenshots"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="headless Chromium is not installed (Debian: apt-get install chromium; .ci/run does)",
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser") / "archive"
    archive = Archive(folder)
    archive.append(load([ROOT / "seeds" / "records"]))
    build(archive)
    return folder


@pytest.fixture(scope="module")
def server(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`timeline serve` on a free port; yields its address and its log."""
    cwd = tmp_path_factory.mktemp("serve")
    with serving(seeded, cwd) as base:
        yield base, cwd / "serve.log"


def chromium(profile: Path, *args: str) -> str:
    assert BROWSER is not None
    result = subprocess.run(
        [
            BROWSER, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}", *args,
        ],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def look(url: str, name: str, size: tuple[int, int], tmp_path: Path) -> str:
    """The rendered DOM of `url`, and a screenshot of it saved as tests/screenshots/NAME.png."""
    SHOTS.mkdir(exist_ok=True)
    shot = SHOTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    window = f"--window-size={size[0]},{size[1]}"
    chromium(tmp_path / "profile", f"--screenshot={shot}", window, url)
    assert shot.is_file(), f"no screenshot at {shot}"
    # A PNG's IHDR holds its width and height: the page was drawn at the window's size.
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])
    assert (width, height) == size
    print(f"screenshot: {shot}")
    return chromium(tmp_path / "profile", "--dump-dom", window, url)


SEED_VN = [
    "vn-au-mps-delegation-visit-2023-02",
    "vn-au-deputy-ministerial-security-dialogue-3",
    "vn-us-security-law-enforcement-dialogue-1",
    "vn-us-mps-delegation-visit-2025-09",
    "vn-us-security-law-enforcement-dialogue-2",
    "vn-us-mps-fbi-meeting-2025-09",
]


def test_timeline_page_in_a_browser(server: tuple[str, Path], tmp_path: Path) -> None:
    base, log = server
    dom = look(f"{base}/-/timeline/VN", "timeline-VN", (1280, 900), tmp_path)
    assert '<svg class="tl-svg" id="timeline-svg"' in dom
    for slug in SEED_VN:
        assert f'href="/-/engagement/{slug}" data-slug="{slug}"' in dom
    for precision in ("day", "range", "month"):
        assert f'data-precision="{precision}"' in dom
    assert ">United States</a></text>" in dom and ">Australia</a></text>" in dom
    # The stylesheet came from the server itself.
    assert '"GET /-/timeline-static/pages.css HTTP/1.1" 200' in log.read_text()

    dom = look(
        f"{base}/-/timeline/VN/US?from=2025-09&to=2025-09", "timeline-VN-US-2025-09", (1280, 700),
        tmp_path,
    )  # fmt: skip
    assert dom.count('class="tl-mark tl-range"') >= 5
    assert 'class="tl-mark tl-day"' in dom


def test_engagement_page_in_a_browser(server: tuple[str, Path], tmp_path: Path) -> None:
    base, _ = server
    slug = "vn-us-security-law-enforcement-dialogue-2"
    dom = look(f"{base}/-/engagement/{slug}", "engagement", (1280, 2400), tmp_path)
    assert "<h1>2nd Vietnam–US Security and Law Enforcement Dialogue</h1>" in dom
    for heading in ("Facts", "Participants", "Topics", "Sources", "Evidence", "Revision history"):
        assert f"<h2>{heading}</h2>" in dom
    assert "<blockquote" in dom and 'class="tl-inferred"' in dom
    assert 'href="/-/engagement/vn-us-mps-delegation-visit-2025-09"' in dom


def test_charts_page_in_a_browser(server: tuple[str, Path], tmp_path: Path) -> None:
    base, _ = server
    dom = look(f"{base}/-/charts/VN", "charts-VN", (1280, 1300), tmp_path)
    assert 'id="per-year-svg"' in dom and 'id="topics-svg"' in dom
    assert 'data-year="2025" data-count="6"' in dom
