"""Charts: one per answer shape, real data, read through the figure's text artists rather than pixels."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import matplotlib.patches
import matplotlib.text
import pytest

from bot import charts
from bot.answer import answer

ROOT = Path(__file__).resolve().parent.parent
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

SHAPES = {
    "series": "northumbria",
    "change": "northumbria 2015/16 vs 2016/17",
    "compare": "compare durham, cleveland and northumbria 2016/17",
    "rank": "top 5 2018/19",
    "region": "north east 2015/16",
    "figure": "durham 2016/17",
    "national": "england and wales 2016/17",
}


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which always comes first after the signature."""
    assert png[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", png[8:16])
    assert kind == b"IHDR" and length == 13
    return struct.unpack(">II", png[16:24])


def texts(ask: str) -> list[str]:
    fig = charts.build_figure(answer(ask))
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]


def has(strings: list[str], *needles: str) -> None:
    joined = " ".join(s.replace("\n", " ") for s in strings)  # wrapped lines are separate artists
    for needle in needles:
        assert needle in joined, f"{needle!r} not among the chart's texts:\n{joined}"


@pytest.fixture(scope="module")
def pngs() -> dict[str, bytes]:
    return {shape: charts.render_png(answer(q)) for shape, q in SHAPES.items()}


# -- every shape: a PNG of the documented size, and the same bytes every time ------------------------
@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_is_a_1200_by_675_png(pngs, shape):
    png = pngs[shape]
    assert answer(SHAPES[shape]).kind == shape
    assert png[:8] == PNG_SIGNATURE
    assert png_size(png) == (1200, 675)


@pytest.mark.parametrize("shape", ["series", "change", "rank", "region"])
def test_same_answer_same_bytes(pngs, shape):
    assert charts.render_png(answer(SHAPES[shape])) == pngs[shape]


def test_same_bytes_in_a_fresh_process(pngs):
    """No timestamps, no software version, nothing from process state (caches, hashes) in the file."""
    code = ("import sys; from bot.answer import answer; from bot.charts import render_png; "
            "sys.stdout.buffer.write(render_png(answer('northumbria 2015/16 vs 2016/17')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=True).stdout
    assert out == pngs["change"]


def test_png_has_no_software_or_time_chunks(pngs):
    for png in pngs.values():
        assert b"tIME" not in png and b"Software" not in png and b"matplotlib" not in png


def test_long_ranking_grows_taller_not_wider():
    png = charts.render_png(answer("top 50 2018/19"))
    width, height = png_size(png)
    assert width == 1200 and height > 675


# -- what the figures say -----------------------------------------------------------------------------
def test_series_labels_values_revision_and_source():
    t = texts("northumbria")
    has(t, "Online child sex offences more than trebled in Northumbria", "98", "323", "2015/16", "2016/17",
        "revised", "Revised: 2015/16 was 170 in the June 2016 release",
        "Source: NSPCC FOI figures via shieldsgazette.com, February 2018 release")


def test_change_annotates_percentage_and_multiple():
    t = texts("northumbria 2015/16 vs 2016/17")
    has(t, "Online child sex offences more than trebled in Northumbria", "98", "323", "+229.6%", "3.3×",
        "up 225", "Source: NSPCC FOI figures via shieldsgazette.com")


def test_change_title_neutral_when_no_plain_words_are_true():
    t = texts("staffordshire 2016/17 vs 2018/19")  # 374 -> 346: −7.5%, no plain phrase is true
    has(t, "Online child sex offences in Staffordshire", "−7.5%", "down 28", "374", "346")
    assert not any("fell" in s or "rose" in s for s in t)


def test_change_with_a_year_not_supplied_reports_no_change():
    t = texts("durham 2015/16 vs 2016/17")
    has(t, "not supplied", "190", "No change to report")
    assert not any("%" in s for s in t)


def test_compare_sorted_bars_and_finding():
    fig = charts.build_figure(answer("compare durham, cleveland and northumbria 2016/17"))
    t = [x.get_text() for x in fig.findobj(matplotlib.text.Text) if x.get_text()]
    has(t, "Northumbria recorded the most online child sex offences of the three forces compared",
        "323", "190", "145", "Source: NSPCC FOI figures via")
    order = [s for s in t if s in ("Northumbria", "Durham", "Cleveland")]
    assert order == ["Northumbria", "Durham", "Cleveland"]


def test_rank_subtitle_says_how_many_forces_supplied_figures():
    t = texts("top 5 2018/19")
    has(t, "The 5 forces with the most online child sex offences, 2018/19", "24 of 43 forces supplied figures",
        "West Yorkshire", "721", "398")


def test_region_names_missing_forces():
    t = texts("north east 2015/16")
    has(t, "Northumbria", "98", "Cleveland", "55", "Published total for the region: 183",
        "Durham did not supply a figure")
    t = texts("north west 2016/17")
    has(t, "Greater Manchester", "650", "The data has no figure for Cheshire, Cumbria and Merseyside")


def test_figure_draws_the_series_with_the_year_highlighted():
    t = texts("durham 2016/17")
    has(t, "Online child sex offences in Durham, 2016/17", "2016/17 highlighted", "190", "375", "509")


def test_national_draws_that_total_over_the_years():
    t = texts("england and wales 2016/17")
    has(t, "Online child sex offences in England and Wales, 2016/17", "5,653", "3,903", "39 forces",
        "not like-for-like", "Source: NSPCC FOI figures via")


def test_missing_years_are_labelled_gaps():
    has(texts("durham"), "not supplied", "190", "509")  # 2015/16 not supplied to the latest release
    has(texts("kent"), "no figure", "2017/18", "735")  # no row at all for 2017/18


def test_disputed_figure_is_tagged():
    has(texts("lancashire"), "66 or 67", "disputed", "Disputed: 2018/19 is printed as 66")


def test_single_data_point():
    a = answer("essex")
    png = charts.render_png(a)
    assert png_size(png) == (1200, 675)
    has(texts("essex"), "101", "2016/17", "only year in the data")


def test_a_year_not_supplied_is_the_title_of_a_figure_chart():
    has(texts("durham 2015/16"), "Durham did not supply a 2015/16 figure for online child sex offences",
        "not supplied", "190", "Revised: 2015/16 was 13 in the June 2016 release")


def test_nothing_to_draw_gives_no_chart():
    a = answer("lincolnshire grooming")  # one year, not supplied: an empty frame is not a chart
    assert a.ok and a.kind == "series"
    assert charts.render_png(a) is None and charts.alt_text(a) is None


@pytest.mark.parametrize("ask", [*SHAPES.values(), "top 50 2018/19", "lancashire", "uk grooming",
                                 "staffordshire 2016/17 vs 2018/19", "north west 2016/17", "top 5 2018/19 rate"])
def test_no_text_is_clipped_or_overlaps(ask):
    """What a data editor checks first: every label inside the canvas, none on another or on a bar."""
    fig = charts.build_figure(answer(ask))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in fig.findobj(matplotlib.text.Text) if t.get_text()]
    bars = [p.get_window_extent(renderer) for p in fig.findobj(matplotlib.patches.Rectangle)
            if p is not fig.patch and p.get_width() and p.get_height()]
    assert bars, "no bars found to check the labels against"

    def overlap(a, b) -> bool:
        return min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1

    for i, (text, box) in enumerate(boxes):
        assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= fig.bbox.width and box.y1 <= fig.bbox.height, text
        for other, other_box in boxes[i + 1:]:
            assert not overlap(box, other_box), (text, other)
        assert not any(overlap(box, bar) for bar in bars), text


def test_alt_text_says_the_figures():
    alt = charts.alt_text(answer("northumbria 2015/16 vs 2016/17"))
    assert "323" in alt and "98" in alt and "+229.6%" in alt
    alt = charts.alt_text(answer("top 5 2018/19"))
    assert "West Yorkshire Police 721" in alt and "24 of 43" in alt
    alt = charts.alt_text(answer("north east 2015/16"))
    assert "Durham Constabulary did not supply a figure" in alt and "183" in alt
    for q in SHAPES.values():
        alt = charts.alt_text(answer(q))
        assert alt and alt.endswith(".") and any(ch.isdigit() for ch in alt)


@pytest.mark.parametrize("ask", ["help", "sources", "sources durham 2016/17", "blah blah", "london 2016/17"])
def test_no_chart_for_help_sources_and_errors(ask):
    a = answer(ask)
    assert charts.render_png(a) is None
    assert charts.build_figure(a) is None
    assert charts.alt_text(a) is None


def test_has_chart_predicts_render_png():
    for ask in [*SHAPES.values(), "help", "blah blah", "sources", "lincolnshire grooming", "durham 2015/16"]:
        a = answer(ask)
        assert charts.has_chart(a) == (charts.render_png(a) is not None), ask


def test_importing_charts_and_asking_about_a_chart_do_not_import_matplotlib():
    code = ("import sys, bot.charts; from bot.answer import answer; a = answer('top 5 2018/19'); "
            "assert bot.charts.has_chart(a) and bot.charts.alt_text(a); print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
