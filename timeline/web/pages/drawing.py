"""Server-side SVG geometry for the pages: the timeline (lanes of marks on a time axis), stacked
bars and a heatmap. Pure: rows in, shapes with coordinates out; templates draw them, so every
text is escaped by Jinja and nothing needs a script or a CDN."""

from __future__ import annotations

import calendar
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import ceil, log10

from timeline.text import MONTHS

# Okabe–Ito colours (told apart with colour blindness) and a shape per kind, so kind is
# readable without colour too.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "dialogue": ("#0072B2", "circle"),
    "visit": ("#D55E00", "diamond"),
    "meeting": ("#009E73", "square"),
    "embassy_visit": ("#CC79A7", "triangle"),
}
OTHER_STYLE = ("#555555", "circle")
# Series colours for charts (Tableau 10); "others" is grey.
PALETTE = [
    "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F",
    "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC",
]  # fmt: skip
OTHERS_COLOUR = "#8C8C8C"
OTHERS = "others"

WIDTH = 1000
GUTTER = 150  # lane labels
RIGHT = 16
AXIS = 34  # axis labels above the lanes
LANE = 34  # the least height of a lane
ROW = 17  # a row of marks within a lane
LANE_PAD = 4
MAX_ROWS = 6
MARK = 6  # half the size of a point mark


def shape_path(shape: str, cx: float, cy: float, r: float = MARK) -> str:
    """An SVG path for a kind's shape centred on (cx, cy)."""
    if shape == "diamond":
        points = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    elif shape == "square":
        s = r * 0.85
        points = [(cx - s, cy - s), (cx + s, cy - s), (cx + s, cy + s), (cx - s, cy + s)]
    elif shape == "triangle":
        points = [(cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8)]
    else:
        arc = f"a{r:.1f},{r:.1f} 0 1,0"
        return f"M{cx - r:.1f},{cy:.1f}{arc} {2 * r:.1f},0{arc} {-2 * r:.1f},0Z"
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z"


@dataclass(frozen=True)
class Window:
    """A span of whole days, `start` and `last` inclusive: no day follows 9999-12-31, so an
    exclusive end could not hold a window that reaches it."""

    start: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.start).days + 1

    def x(self, day: date, *, after: bool = False, width: float = WIDTH - GUTTER - RIGHT) -> float:
        """Where `day` begins on the axis, or (after) where it ends."""
        offset = (day - self.start).days + (1 if after else 0)
        return GUTTER + min(max(offset, 0), self.days) / self.days * width


def month_key(d: date) -> str:
    """`0100-04`: the month as `substr(start_date, 1, 7)` gives it, four-digit year and all
    (`strftime('%Y')` writes year 100 as `100`)."""
    return f"{d.year:04d}-{d.month:02d}"


def month_last(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def shift(d: date, days: int) -> date:
    """`d` moved by `days`, held within the calendar (0001-01-01 to 9999-12-31)."""
    ordinal = min(max(d.toordinal() + days, date.min.toordinal()), date.max.toordinal())
    return date.fromordinal(ordinal)


@dataclass
class Item:
    """One engagement in a lane."""

    lane: str
    start: date
    end: date  # inclusive
    precision: str
    kind: str
    slug: str
    title: str
    label: str


@dataclass
class Mark:
    precision: str  # day | range | month | year: drawn as a point, a bar or a faded band
    kind: str
    colour: str
    path: str  # the kind's shape
    slug: str
    title: str
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0


@dataclass
class Lane:
    key: str
    y: float  # top
    count: int
    height: float = LANE
    marks: list[Mark] = field(default_factory=list)
    label: str = ""  # set by the page: a country's or kind's name
    url: str | None = None


@dataclass
class Tick:
    x: float
    label: str
    major: bool


@dataclass
class Cell:
    """A count in binned mode: the engagements of a lane in one month or year."""

    x: float
    y: float
    w: float
    h: float
    count: int
    opacity: float
    start: date
    last: date  # inclusive
    url: str | None = None  # set by the page: the window of this cell


def ticks(window: Window) -> list[Tick]:
    """Day ticks for a month or two, month ticks up to two years, else year ticks (at most
    ~16 labels)."""
    out: list[Tick] = []
    if window.days <= 62:
        step = 1 if window.days <= 31 else 2
        for i in range(0, window.days, step):
            d = window.start + timedelta(days=i)
            # The window's own label names its month; a new month inside it is named.
            label = MONTHS[d.month - 1] if d.day == 1 and i > 0 else str(d.day)
            out.append(Tick(window.x(d), label, d.day == 1))
        return out
    if window.days <= 800:
        step = 1 if window.days <= 400 else 3
        d: date | None = date(window.start.year, window.start.month, 1)
        while d is not None and d <= window.last:
            if d >= window.start and (d.month - 1) % step == 0:
                label = str(d.year) if d.month == 1 else MONTHS[d.month - 1]
                out.append(Tick(window.x(d), label, d.month == 1))
            d = _next_month(d)
        return out
    years = range(window.start.year, window.last.year + 1)
    step = max(1, ceil(len(years) / 16))
    for y in years:
        d = date(y, 1, 1)
        if window.start <= d and y % step == 0:
            out.append(Tick(window.x(d), str(y), True))
    return out


def _next_month(d: date) -> date | None:
    """The first of the next month; None after December 9999."""
    if (d.year, d.month) == (date.max.year, 12):
        return None
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


def lane_order(counts: dict[str, int], limit: int) -> tuple[list[str], set[str]]:
    """The `limit` busiest lanes (ties by name), and the rest, drawn together as "others"."""
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    if len(ranked) <= limit:
        return ranked, set()
    return ranked[: limit - 1], set(ranked[limit - 1 :])


def layout_marks(items: Sequence[Item], window: Window, limit: int) -> list[Lane]:
    """Lanes of marks. Within a lane, marks that would overlap go to the next row (up to
    MAX_ROWS), so a busy week stays readable; bands (month, year) are drawn first, under the
    points and bars."""
    counts: dict[str, int] = {}
    for it in items:
        counts[it.lane] = counts.get(it.lane, 0) + 1
    keys, folded = lane_order(counts, limit)
    grouped: dict[str, list[Item]] = {k: [] for k in keys}
    if folded:
        grouped[OTHERS] = []
    for it in items:
        grouped[OTHERS if it.lane in folded else it.lane].append(it)
    lanes: list[Lane] = []
    y = float(AXIS)
    for key, members in grouped.items():
        rows = _pack(members, window)
        used = max((r for r, _ in rows), default=0) + 1
        height = max(LANE, used * ROW + 2 * LANE_PAD)
        lane = Lane(key, y, len(members), height=height)
        order = {"year": 0, "month": 1, "range": 2, "day": 3}
        for row, it in sorted(rows, key=lambda p: (order.get(p[1].precision, 3), p[1].start)):
            lane.marks.append(_mark(it, window, y + LANE_PAD + row * ROW + ROW / 2))
        lanes.append(lane)
        y += height
    return lanes


def _extent(it: Item, window: Window) -> tuple[float, float]:
    """The horizontal room a mark takes, with a little air."""
    x0, x1 = window.x(it.start), window.x(it.end, after=True)
    if it.precision in ("month", "year"):
        return x0, x1 + 1
    if it.precision == "range":
        return x0 - 2, max(x1, x0 + 2 * MARK) + 2
    cx = (x0 + x1) / 2
    return cx - MARK - 2, cx + MARK + 2


def _pack(items: Sequence[Item], window: Window) -> list[tuple[int, Item]]:
    """Greedy interval packing: each mark in the first row where it overlaps nothing; when no
    row has room, the row that frees up first. Points and bars are placed before the bands of
    dates known only to the month or year, so in a busy lane a band lies faded under other
    marks rather than pushing precise ones together."""
    rows: list[list[tuple[float, float]]] = []  # per row, its marks' extents in order
    placed: list[tuple[int, Item]] = []
    vague = ("month", "year")
    order = sorted(items, key=lambda i: (i.precision in vague, i.start, -(i.end - i.start).days))
    for it in order:
        x0, x1 = _extent(it, window)
        row = next((r for r, taken in enumerate(rows) if _fits(taken, x0, x1)), None)
        if row is None and len(rows) < MAX_ROWS:
            row = len(rows)
            rows.append([])
        if row is None:
            # Every row is taken here: overlap in the row whose last mark ends first.
            row = min(range(len(rows)), key=lambda r: rows[r][-1][1])
        else:
            insort(rows[row], (x0, x1))
        placed.append((row, it))
    return placed


def _fits(taken: list[tuple[float, float]], x0: float, x1: float) -> bool:
    """Whether [x0, x1] overlaps none of a row's extents (sorted, apart from each other)."""
    i = bisect_left(taken, (x0, x1))
    return (i == 0 or taken[i - 1][1] <= x0) and (i == len(taken) or taken[i][0] >= x1)


def _mark(it: Item, window: Window, cy: float) -> Mark:
    colour, shape = KIND_STYLE.get(it.kind, OTHER_STYLE)
    x0, x1 = window.x(it.start), window.x(it.end, after=True)
    title = f"{it.label} · {it.title}"
    if it.precision in ("month", "year"):
        mid = (x0 + x1) / 2
        h = ROW - 2
        path = shape_path(shape, mid, cy, MARK - 1.5)
        return Mark(
            it.precision, it.kind, colour, path, it.slug, title, x0, cy - h / 2, max(x1 - x0, 2), h
        )
    if it.precision == "range":
        w = max(x1 - x0, 2 * MARK)
        path = shape_path(shape, x0 + w / 2, cy)
        return Mark("range", it.kind, colour, path, it.slug, title, x0, cy - 4, w, 8)
    cx = (x0 + x1) / 2
    return Mark("day", it.kind, colour, shape_path(shape, cx, cy), it.slug, title, cx, cy)


def layout_cells(
    counts: dict[tuple[str, str], int], window: Window, limit: int
) -> tuple[list[Lane], dict[str, list[Cell]]]:
    """Binned mode, for windows with too many engagements to draw one by one: per lane, a cell
    per month ("YYYY-MM" keys) or year ("YYYY"), shaded by its count."""
    per_lane: dict[str, int] = {}
    for (lane, _), n in counts.items():
        per_lane[lane] = per_lane.get(lane, 0) + n
    keys, folded = lane_order(per_lane, limit)
    lanes = {k: Lane(k, AXIS + i * LANE, per_lane[k]) for i, k in enumerate(keys)}
    if folded:
        lanes[OTHERS] = Lane(OTHERS, AXIS + len(keys) * LANE, sum(per_lane[k] for k in folded))
    merged: dict[tuple[str, str], int] = {}
    for (lane, bin_), n in counts.items():
        key = (OTHERS if lane in folded else lane, bin_)
        merged[key] = merged.get(key, 0) + n
    # "Others" adds up many lanes: shaded on the scale of the named lanes, it would pale them.
    named = [n for (lane, _), n in merged.items() if lane != OTHERS]
    top = max(named or merged.values() or [1])
    cells: dict[str, list[Cell]] = {k: [] for k in lanes}
    for (lane, bin_), n in sorted(merged.items()):
        start, last = bin_span(bin_)
        x0, x1 = window.x(start), window.x(last, after=True)
        y = lanes[lane].y + 3
        # Square-root shading, so a few engagements are still visible next to many.
        opacity = 0.15 + 0.85 * min(n / top, 1) ** 0.5
        cells[lane].append(
            Cell(x0, y, max(x1 - x0 - 1, 1), LANE - 6, n, round(opacity, 3), start, last)
        )
    return list(lanes.values()), cells


def bin_span(key: str) -> tuple[date, date]:
    """The first and last days of a bin: `2025-09` -> (1 Sep, 30 Sep); `2025` -> (1 Jan 2025,
    31 Dec 2025)."""
    if len(key) == 4:
        y = int(key)
        return date(y, 1, 1), date(y, 12, 31)
    start = date(int(key[:4]), int(key[5:7]), 1)
    return start, month_last(start)


# Charts


CHART_LEFT = 48
CHART_TOP = 12
CHART_HEIGHT = 260
CHART_BOTTOM = 28


@dataclass
class Bar:
    x: float
    y: float
    w: float
    h: float
    colour: str
    series: str
    year: str
    count: int


@dataclass
class BarChart:
    width: float
    height: float
    bars: list[Bar]
    years: list[Tick]
    grid: list[tuple[float, int]]  # (y, value)
    legend: list[tuple[str, str]]  # (series, colour)
    baseline: float


def nice_step(top: int, lines: int = 5) -> int:
    """A round step (1, 2, 5 × 10^n) for about `lines` gridlines up to `top`."""
    if top <= lines:
        return 1
    raw = top / lines
    power = 10 ** int(log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def stacked_bars(
    counts: dict[tuple[str, str], int], limit: int = 8, totals: dict[str, int] | None = None
) -> BarChart:
    """Bars per year, stacked by series ((year, series) -> count), the `limit` largest series
    coloured and the rest as "others"; every year between the first and last gets a slot.
    Given each series' `totals`, `counts` may hold the others already added up per year (as
    `(year, OTHERS)`): the same chart."""
    if totals is None:
        totals = {}
        for (_, series), n in counts.items():
            totals[series] = totals.get(series, 0) + n
    keys, folded = lane_order(totals, limit)
    colours = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}
    if folded:
        colours[OTHERS] = OTHERS_COLOUR
    per_year: dict[str, dict[str, int]] = {}
    for (year, series), n in counts.items():
        s = OTHERS if series in folded else series
        per_year.setdefault(year, {})
        per_year[year][s] = per_year[year].get(s, 0) + n
    if not per_year:
        return BarChart(WIDTH, CHART_TOP + CHART_HEIGHT + CHART_BOTTOM, [], [], [], [], 0)
    first, last = int(min(per_year)), int(max(per_year))
    years = [f"{y:04d}" for y in range(first, last + 1)]
    top = max(sum(v.values()) for v in per_year.values())
    step = nice_step(top)
    ceiling = ceil(top / step) * step
    slot = (WIDTH - CHART_LEFT - RIGHT) / len(years)
    baseline = CHART_TOP + CHART_HEIGHT
    scale = CHART_HEIGHT / ceiling
    bars: list[Bar] = []
    order = [*keys, OTHERS]
    for i, year in enumerate(years):
        y = baseline
        x = CHART_LEFT + i * slot + slot * 0.15
        for s in order:
            n = per_year.get(year, {}).get(s, 0)
            if not n:
                continue
            h = n * scale
            y -= h
            bars.append(Bar(x, y, slot * 0.7, h, colours[s], s, year, n))
    label_every = max(1, ceil(len(years) / 20))
    year_ticks = [
        Tick(CHART_LEFT + (i + 0.5) * slot, y, True)
        for i, y in enumerate(years)
        if i % label_every == 0
    ]
    grid = [(baseline - v * scale, v) for v in range(0, ceiling + 1, step)]
    legend = [(k, colours[k]) for k in order if k in colours]
    return BarChart(WIDTH, baseline + CHART_BOTTOM, bars, year_ticks, grid, legend, baseline)


@dataclass
class Heat:
    x: float
    y: float
    w: float
    h: float
    count: int
    opacity: float
    row: str
    column: str


@dataclass
class Heatmap:
    width: float
    height: float
    left: float  # where the cells start; row labels end there
    rows: list[tuple[str, float]]  # (key, y of the row's middle)
    columns: list[Tick]
    cells: list[Heat]


HEAT_LEFT = 280
HEAT_ROW = 22
HEAT_TOP = 22


def heatmap(counts: dict[tuple[str, str], int], limit: int = 20) -> Heatmap:
    """A grid of (row, year) -> count: rows (topics) by their total, busiest first, one column
    per year from the first to the last; a cell's shade grows with its count."""
    totals: dict[str, int] = {}
    for (row, _), n in counts.items():
        totals[row] = totals.get(row, 0) + n
    rows = sorted(totals, key=lambda k: (-totals[k], k))[:limit]
    columns_seen = [c for (_, c) in counts]
    if not rows:
        return Heatmap(WIDTH, HEAT_TOP, HEAT_LEFT, [], [], [])
    first, last = int(min(columns_seen)), int(max(columns_seen))
    years = [f"{y:04d}" for y in range(first, last + 1)]
    slot = (WIDTH - HEAT_LEFT - RIGHT) / len(years)
    top = max(counts[(r, c)] for (r, c) in counts if r in rows)
    cells = []
    for i, r in enumerate(rows):
        for j, c in enumerate(years):
            n = counts.get((r, c), 0)
            if n:
                opacity = round(0.12 + 0.88 * (n / top) ** 0.5, 3)
                cells.append(
                    Heat(HEAT_LEFT + j * slot + 1, HEAT_TOP + i * HEAT_ROW + 1, slot - 2,
                         HEAT_ROW - 2, n, opacity, r, c)
                )  # fmt: skip
    every = max(1, ceil(len(years) / 20))
    columns = [
        Tick(HEAT_LEFT + (j + 0.5) * slot, c, True) for j, c in enumerate(years) if j % every == 0
    ]
    row_marks = [(r, HEAT_TOP + (i + 0.5) * HEAT_ROW) for i, r in enumerate(rows)]
    return Heatmap(WIDTH, HEAT_TOP + len(rows) * HEAT_ROW + 4, HEAT_LEFT, row_marks, columns, cells)
