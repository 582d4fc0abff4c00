"""A chart Spec drawn as a PNG with matplotlib (Agg): the house style's sizes, colours, type and layout.

Why a module of its own: bot/charts.py decides what a chart says (titles, items, notes, sources,
alt text) from an answer, and bot/recorded_charts.py and bot/street_charts.py do the same for their
answers; this module only draws a Spec, so each half can be read and changed on its own.

Size: a 600×337.5 px layout drawn at 2×: figsize 6×3.375 in at 200 dpi = a 1200×675 PNG, which Slack
shows about 600 px wide and which stays sharp on high-density screens (type sizes below are chosen
for that 600 px view: an 11.5 pt title is ~16 px there). Rankings of more than 12 forces grow taller
(same width) so that every bar keeps a readable label.

Determinism: no pyplot (no global figure state), explicit fonts and colours on every artist, the
rcParams that drawing reads pinned per render (RC), PNG metadata without the Software key (matplotlib
writes no date), so the same answer always gives the same bytes, in any process.

matplotlib is imported inside functions only: importing this module costs nothing, and text
answers never pay for matplotlib.
"""

from __future__ import annotations

import functools
import io
import threading
from dataclasses import dataclass, field

# -- size -----------------------------------------------------------------------------------------
WIDTH_IN = 6.0
HEIGHT_IN = 3.375
DPI = 200  # 6 × 200 = 1200 px wide, 3.375 × 200 = 675 px high: 2× a 600 px Slack preview
PNG_COMPRESS_LEVEL = 3  # zlib level: 3 encodes in ~half the time of the default 6 for the same size
# The few rcParams that drawing still reads, fixed here so a matplotlibrc elsewhere cannot change the
# bytes; hinting off is ~15% faster and invisible at 200 dpi. Applied with rc_context per render.
RC = {
    "text.hinting": "no_hinting",
    "text.antialiased": True,
    "patch.antialiased": True,
    "lines.antialiased": True,
    "path.snap": True,
    "svg.hashsalt": "offences",
    "font.family": ["DejaVu Sans"],
}
MAX_BARS_AT_BASE_HEIGHT = 12
BAR_SLOT_IN = 0.19  # height per bar when a ranking grows taller
MAX_BAR_SLOT_IN = 0.5  # a few bars stay this thick, at the top, rather than fill the frame

# -- colours (Okabe-Ito, with greys) --------------------------------------------------------------
BLUE = "#0072B2"  # Okabe-Ito blue: the data
VERMILLION = "#D55E00"  # Okabe-Ito vermillion: "revised" / "disputed" tags
CONTEXT = "#B8C9D9"  # pale blue-grey: the other years when one year is highlighted
INK = "#1A1A1A"
SUBTLE = "#555555"
FAINT = "#8A8A8A"
AXIS = "#9A9A9A"

# -- type (points) ----------------------------------------------------------------------------------
FONT = "DejaVu Sans"
TITLE_PT = 11.5
SUBTITLE_PT = 8
LABEL_PT = 7.5
TAG_PT = 6
NOTE_PT = 6.5
CHANGE_PT = 13

# -- margins (inches) -------------------------------------------------------------------------------
PAD_LEFT = 0.16
PAD_RIGHT = 0.16
PAD_TOP = 0.14
PAD_BOTTOM = 0.1
WIDOW = 0.4  # a second line shorter than this share of the first is rebalanced


# == what a chart says: the Spec that charts.py and its siblings build ============================
@dataclass
class Item:
    """One column or bar: a label, a value (None: no bar), the words on it and its tags."""

    label: str
    value: float | None
    text: str
    tags: list[str] = field(default_factory=list)
    highlight: bool = True
    muted: bool = False  # the text is a gap ("no figure", "not supplied"), drawn quietly


@dataclass
class Spec:
    shape: str  # columns | change | bars
    title: str
    subtitle: str
    items: list[Item]
    source: str
    notes: list[str] = field(default_factory=list)
    alt: str = ""
    change_text: list[str] = field(default_factory=list)  # change: big figure, then smaller lines


_lock = threading.Lock()  # one render at a time: text layout caches and renderers are shared across a process


def png(spec: Spec) -> bytes:
    """The spec drawn as PNG bytes (1200×675, or taller for long rankings)."""
    import matplotlib
    from PIL import Image

    with _lock, matplotlib.rc_context(RC):
        fig = _draw(spec)
        fig.canvas.draw()
        rgba = fig.canvas.buffer_rgba()  # a (height, width, 4) memoryview of the drawn canvas
        # Encoded here rather than by savefig (which writes RGBA): the canvas is opaque white, so RGB
        # loses nothing and deflates a quarter less data. No text chunks (no Software, no time).
        image = Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]), rgba, "raw", "RGBA", 0, 1)
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="png", dpi=(DPI, DPI), compress_level=PNG_COMPRESS_LEVEL)
    return buf.getvalue()


def figure(spec: Spec):
    """The spec as a matplotlib Figure, not encoded (tests read its text artists)."""
    import matplotlib

    with matplotlib.rc_context(RC):
        return _draw(spec)


# == drawing =======================================================================================
class _Fonts:
    """FontProperties made once per process (matplotlib is imported on first use)."""

    _cache: dict = {}

    @classmethod
    def get(cls, size: float, weight: str = "normal", style: str = "normal"):
        key = (size, weight, style)
        if key not in cls._cache:
            from matplotlib.font_manager import FontProperties

            cls._cache[key] = FontProperties(family=FONT, size=size, weight=weight, style=style)
        return cls._cache[key]


def _wrap(renderer, text: str, prop, width_in: float, max_lines: int = 3) -> list[str]:
    """Greedy word wrap by measured width (inches at DPI). Words are measured once each (cached) and
    summed with the width of a space, which is within a pixel or two of measuring whole lines."""
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    space = _width(renderer, " ", prop)
    for word in text.split():
        w = _width(renderer, word, prop)
        if current and used + space + w > width_in:
            lines.append(" ".join(current))
            current, used = [word], w
        else:
            used += (space if current else 0.0) + w
            current.append(word)
    if current:
        lines.append(" ".join(current))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;") + " …"
    return lines


def _balanced(renderer, text: str, prop, width_in: float) -> list[str]:
    """Greedy lines, except that a widow (a second line much shorter than the first) is avoided by
    breaking two lines at the most even point."""
    lines = _wrap(renderer, text, prop, width_in, 2)
    words = text.split()
    if len(lines) != 2 or len(words) < 3:
        return lines
    if _width(renderer, lines[1], prop) > WIDOW * _width(renderer, lines[0], prop):
        return lines  # a full enough second line: keep the greedy break
    space = _width(renderer, " ", prop)
    widths = [_width(renderer, w, prop) for w in words]
    total = sum(widths) + space * (len(words) - 1)
    best, best_width, run = None, None, 0.0
    for cut in range(1, len(words)):
        run += widths[cut - 1] + (space if cut > 1 else 0.0)
        widest = max(run, total - run - space)
        if widest <= width_in and (best_width is None or widest < best_width):
            best, best_width = cut, widest
    if best is None:
        return lines
    return [" ".join(words[:best]), " ".join(words[best:])]


_widths: dict[tuple, float] = {}


def _width(renderer, text: str, prop) -> float:
    """Rendered width in inches; cached per process (layout is the slow part of a chart)."""
    key = (text, prop.get_size_in_points(), prop.get_weight(), prop.get_style())
    if key not in _widths:
        if len(_widths) > 20000:
            _widths.clear()
        w, _, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
        _widths[key] = w / DPI
    return _widths[key]


def _line_in(size_pt: float, leading: float = 1.25) -> float:
    return size_pt * leading / 72


_renderers: dict[tuple, object] = {}  # (width, height, dpi) -> RendererAgg: the 1200×675 one only


@functools.cache
def _canvas_type():
    """An Agg canvas that draws 1200×675 charts with one renderer kept for the process, not a new
    one per chart: matplotlib caches text extents per renderer, so a fresh renderer measured every
    label, title and source line afresh (~8 ms of a chart). A taller ranking gets its own renderer,
    freed with it, so the process holds one 3.2 MB pixel buffer, not one per height. Drawing is
    serialised by _lock, and png() copies the pixels out before it is released. (A class made
    on first use: importing this module does not import matplotlib.)"""
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg

    class Canvas(FigureCanvasAgg):
        def get_renderer(self):
            w, h = self.figure.bbox.size  # as FigureCanvasAgg.get_renderer sizes it (3.10)
            key = (w, h, self.figure.dpi)
            if key != (WIDTH_IN * DPI, HEIGHT_IN * DPI, DPI):
                return super().get_renderer()
            if key not in _renderers:
                _renderers[key] = RendererAgg(w, h, self.figure.dpi)
            self.renderer = _renderers[key]
            return self.renderer

    return Canvas


def _draw(spec: Spec):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor="white")
    canvas = _canvas_type()(fig)
    renderer = canvas.get_renderer()
    inner = WIDTH_IN - PAD_LEFT - PAD_RIGHT

    title_font = _Fonts.get(TITLE_PT, "bold")
    sub_font = _Fonts.get(SUBTITLE_PT)
    note_font = _Fonts.get(NOTE_PT)
    label_font = _Fonts.get(LABEL_PT)

    title = _balanced(renderer, spec.title, title_font, inner)
    subtitle = _balanced(renderer, spec.subtitle, sub_font, inner)
    notes: list[str] = []
    for note in spec.notes:
        notes += _balanced(renderer, note, note_font, inner)
    if len(notes) > 4:
        notes = notes[:3] + ["More notes in the text answer."]
    source = _balanced(renderer, spec.source, note_font, inner)

    header = PAD_TOP + len(title) * _line_in(TITLE_PT, 1.2) + 0.04 + len(subtitle) * _line_in(SUBTITLE_PT) + 0.16
    footer = PAD_BOTTOM + (len(notes) + len(source)) * _line_in(NOTE_PT, 1.3) + 0.08
    if spec.shape == "bars":
        below = 0.04
        needed = len(spec.items) * BAR_SLOT_IN
        height = HEIGHT_IN
        if len(spec.items) > MAX_BARS_AT_BASE_HEIGHT:
            height = max(HEIGHT_IN, header + footer + below + needed)
        names = [i.label for i in spec.items]
        left = PAD_LEFT + (max(_width(renderer, n, label_font) for n in names) if names else 0) + 0.08
    else:
        years_lines = max((i.label.count("\n") + 1 for i in spec.items), default=1)
        below = 0.08 + years_lines * _line_in(LABEL_PT, 1.2)
        height = HEIGHT_IN
        left = PAD_LEFT
    if height != HEIGHT_IN:
        fig.set_size_inches(WIDTH_IN, height)

    # header and footer text, top-left aligned with the left edge of the frame
    x0 = PAD_LEFT / WIDTH_IN
    y = PAD_TOP
    for line in title:
        fig.text(x0, 1 - y / height, line, fontproperties=title_font, color=INK, va="top", ha="left",
                 parse_math=False)
        y += _line_in(TITLE_PT, 1.2)
    y += 0.04
    for line in subtitle:
        fig.text(x0, 1 - y / height, line, fontproperties=sub_font, color=SUBTLE, va="top", ha="left",
                 parse_math=False)
        y += _line_in(SUBTITLE_PT)
    yb = PAD_BOTTOM
    for line in reversed(source):
        fig.text(x0, yb / height, line, fontproperties=note_font, color=SUBTLE, va="bottom", ha="left",
                 parse_math=False)
        yb += _line_in(NOTE_PT, 1.3)
    for line in reversed(notes):
        fig.text(x0, yb / height, line, fontproperties=note_font, color=FAINT, va="bottom", ha="left",
                 parse_math=False)
        yb += _line_in(NOTE_PT, 1.3)

    bottom = footer + below
    ax_h = height - header - bottom
    if spec.shape == "bars" and spec.items and ax_h / len(spec.items) > MAX_BAR_SLOT_IN:
        spare = ax_h - len(spec.items) * MAX_BAR_SLOT_IN
        ax_h -= spare
        bottom += spare
    ax_w = WIDTH_IN - left - PAD_RIGHT
    ax = _Plot(fig, left, bottom, ax_w, ax_h)
    if spec.shape == "bars":
        _draw_bars(ax, renderer, spec, ax_w, ax_h)
    else:
        _draw_columns(ax, renderer, spec, ax_w, ax_h)
    return fig


class _Plot:
    """The data area: a box on the figure (inches) and data limits, its artists added to the figure.
    Why not an Axes: ours shows no ticks, spines or grid, yet making one (two Axis objects and their
    ticks) and drawing it took ~12 ms of a ~50 ms chart. Bars and rules are clipped to the box, as an
    Axes clips them; labels are not."""

    def __init__(self, fig, left: float, bottom: float, width: float, height: float):
        from matplotlib.transforms import (Bbox, BboxTransformFrom, BboxTransformTo, TransformedBbox,
                                           blended_transform_factory)

        w, h = fig.get_size_inches()
        self.fig = fig
        self.height_in = height
        self.box = TransformedBbox(Bbox.from_bounds(left / w, bottom / h, width / w, height / h), fig.transFigure)
        self.limits = Bbox.unit()  # set_xlim/set_ylim change it; the transforms follow
        self.frac = BboxTransformTo(self.box)  # (0, 0)-(1, 1) of the box -> pixels
        self.data = BboxTransformFrom(self.limits) + self.frac
        self.frac_x_data_y = blended_transform_factory(self.frac, self.data)
        self.data_x_frac_y = blended_transform_factory(self.data, self.frac)

    def set_xlim(self, lo: float, hi: float) -> None:
        self.limits.intervalx = lo, hi

    def set_ylim(self, lo: float, hi: float) -> None:
        self.limits.intervaly = lo, hi

    def _add(self, artist, zorder: float, clip: bool = True) -> None:
        self.fig.add_artist(artist, clip=False)  # clip=True would clip to the whole figure
        artist.set_zorder(zorder)
        if clip:
            artist.set_clip_box(self.box)

    def rect(self, x: float, y: float, width: float, height: float, color: str) -> None:
        from matplotlib.patches import Rectangle

        self._add(Rectangle((x, y), width, height, transform=self.data, facecolor=color, linewidth=0), 2)

    def line(self, xs, ys, transform=None, zorder: float = 3, **style) -> None:
        from matplotlib.lines import Line2D

        self._add(Line2D(xs, ys, transform=transform or self.data, **style), zorder)

    def annotate(self, s: str, xy, xytext, coords=None, textcoords=None, **props) -> None:
        from matplotlib.text import Annotation

        coords = coords or self.data
        self._add(Annotation(s, xy, xytext, xycoords=coords, textcoords=textcoords or coords,
                             annotation_clip=False, **props), 3, clip=False)


def _text(ax: _Plot, s, xy, offset, font, color, ha, va, coords=None):
    ax.annotate(s, xy, offset, coords, "offset points", ha=ha, va=va, fontproperties=font, color=color,
                parse_math=False)


def _draw_columns(ax, renderer, spec: Spec, ax_w: float, ax_h: float) -> None:
    items = spec.items
    n = len(items)
    label_font, bold = _Fonts.get(LABEL_PT), _Fonts.get(LABEL_PT, "bold")
    tag_font = _Fonts.get(TAG_PT, "normal", "italic")
    gap_font = _Fonts.get(LABEL_PT, "normal", "italic")
    change = spec.shape == "change"
    slots = max(n, 4)
    pad = (slots - n) / 2
    xs = list(range(n))
    if change:
        xs = [0.0, 1.6]
        lo, hi = -0.8, 2.4
    else:
        lo, hi = -0.5 - pad, n - 0.5 + pad
    ax.set_xlim(lo, hi)
    slot_in = ax_w / (hi - lo)
    width = 0.62 if not change else 0.75
    values = [i.value for i in items if i.value is not None]
    top = max(values) if values else 1.0
    # room above the tallest column for its label (and tag): points -> data units
    need_pt = 3 + LABEL_PT * 1.25 + (TAG_PT * 1.3 + 1 if any(i.tags for i in items) else 0) + 2
    ymax = top / max(0.2, 1 - need_pt / (ax_h * 72))
    if top <= 0:
        ymax = 1.0
    ax.set_ylim(0, ymax)
    ax.line([0, 1], [0, 0], ax.frac_x_data_y, color=AXIS, linewidth=0.8)
    for x, item in zip(xs, items):
        color = BLUE if item.highlight else CONTEXT
        if item.value is not None:
            ax.rect(x - width / 2, 0, width, item.value, color)
            text = item.text
            if _width(renderer, text, bold) > slot_in * 0.98 and text.startswith(("at least ", "about ")):
                head, _, tail = text.partition(" ")
                if head == "at":
                    head, tail = "at least", text[len("at least "):]
                text = f"{head}\n{tail}"
            font = bold if item.highlight else label_font
            _text(ax, text, (x, item.value), (0, 3), font, INK if item.highlight else SUBTLE, "center", "bottom")
            lines = text.count("\n") + 1
            tag_y = 3 + LABEL_PT * 1.2 * lines + 1
        else:
            emphasis = item.highlight and _any_context(items)
            _text(ax, item.text, (x, 0), (0, 4), gap_font, SUBTLE if emphasis else FAINT, "center", "bottom")
            tag_y = 4 + LABEL_PT * 1.2 + 1
        if item.tags:
            _text(ax, " · ".join(item.tags), (x, item.value or 0), (0, tag_y), tag_font, VERMILLION, "center", "bottom")
        _text(ax, item.label, (x, 0), (0, -4), bold if item.highlight and not change and _any_context(items)
              else label_font, INK if item.highlight or change else SUBTLE, "center", "top")
    if change and spec.change_text:
        _draw_change(ax, spec, xs, items, top, width)


def _any_context(items: list[Item]) -> bool:
    return any(not i.highlight for i in items)


def _draw_change(ax, spec: Spec, xs, items: list[Item], top: float, width: float) -> None:
    """The change between the columns: a dotted line at the old level, an arrow up (or down) beside the
    new column to its level, and the figures ("+229.6%", "3.3×", "up 225") to the arrow's left."""
    big = _Fonts.get(CHANGE_PT, "bold")
    small = _Fonts.get(SUBTITLE_PT)
    first, *rest = spec.change_text
    measured = all(i.value is not None for i in items)
    box = dict(boxstyle="square,pad=0.15", facecolor="white", edgecolor="none")
    if not measured:
        mid = (xs[0] + xs[1]) / 2
        _text(ax, first, (mid, top * 0.5), (0, 0), _Fonts.get(SUBTITLE_PT, "bold"), FAINT, "center", "bottom")
        for line in rest:
            _text(ax, line, (mid, top * 0.5), (0, -3), small, FAINT, "center", "top")
        return
    old, new = items[0].value, items[1].value
    x_arrow = xs[1] - width / 2 - 0.1
    ax.line([xs[0] + width / 2, xs[1] - width / 2], [old, old], zorder=1, color=AXIS, linewidth=0.8,
            linestyle=(0, (1.5, 1.5)))
    if new != old:
        ax.annotate("", (x_arrow, new), (x_arrow, old), arrowprops=dict(
            arrowstyle="-|>", color=INK, linewidth=1.0, shrinkA=0, shrinkB=0, mutation_scale=8))
    lines_pt = CHANGE_PT * 1.25 + len(rest) * SUBTITLE_PT * 1.3
    ax_h_pt = ax.height_in * 72
    span_pt = abs(new - old) / ax.limits.y1 * ax_h_pt
    if span_pt >= lines_pt + 8:  # beside the arrow, centred on it
        y, offset = (old + new) / 2, lines_pt / 2
    else:  # a short arrow: the figures go below it, in the empty gap between the columns
        y, offset = min(old, new), -8.0
    _text(ax, first, (x_arrow, y), (-6, offset), big, INK, "right", "top")
    offset -= CHANGE_PT * 1.25
    for line in rest:
        _text(ax, line, (x_arrow, y), (-6, offset), small, SUBTLE, "right", "top")
        offset -= SUBTITLE_PT * 1.3


def _draw_bars(ax, renderer, spec: Spec, ax_w: float, ax_h: float) -> None:
    items = spec.items
    n = len(items)
    label_font, bold = _Fonts.get(LABEL_PT), _Fonts.get(LABEL_PT, "bold")
    tag_font = _Fonts.get(TAG_PT, "normal", "italic")
    gap_font = _Fonts.get(LABEL_PT, "normal", "italic")
    ax.set_ylim(max(n, 1) - 0.5, -0.5)  # first item at the top
    height = 0.68
    values = [i.value for i in items if i.value is not None]
    top = max(values) if values else 1.0
    # the axis must reach far enough that each bar's label (and tag) fits to its right
    xmax = top
    for item in items:
        if item.value is None:
            continue
        label_in = 4 / 72 + _width(renderer, item.text, bold)
        if item.tags:
            label_in += 4 / 72 + _width(renderer, " · ".join(item.tags), tag_font)
        share = 1 - label_in / ax_w
        xmax = max(xmax, item.value / max(share, 0.2))
    ax.set_xlim(0, xmax * 1.01 if xmax > 0 else 1)
    if n == 0:
        _text(ax, "No figures to draw", (0, 0), (0, 0), gap_font, FAINT, "left", "center")
    for y, item in enumerate(items):
        _text(ax, item.label, (0, y), (-5, 0), label_font, INK, "right", "center", ax.frac_x_data_y)
        if item.value is None:
            _text(ax, item.text, (0, y), (3, 0), gap_font, FAINT, "left", "center")
            continue
        ax.rect(0, y - height / 2, item.value, height, BLUE if item.highlight else CONTEXT)
        _text(ax, item.text, (item.value, y), (4, 0), bold, INK, "left", "center")
        if item.tags:
            offset = 4 + 4 + _width(renderer, item.text, bold) * 72
            _text(ax, " · ".join(item.tags), (item.value, y), (offset, 0), tag_font, VERMILLION, "left", "center")
    ax.line([0, 0], [0, 1], ax.data_x_frac_y, color=AXIS, linewidth=0.8)
