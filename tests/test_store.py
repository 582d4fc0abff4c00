"""The data in DuckDB: resolved figures against the real data, and refusal to start on bad data."""

import shutil

import pytest

from bot.store import DataError, Store


@pytest.fixture(scope="module")
def store():
    return Store()


def figure(store, geography, year, measure="cyber_flagged_child_sex_offences", geography_type="force"):
    rows = store.rows("figure", geography=geography, geography_type=geography_type, year=year, measure=measure)
    assert len(rows) == 1
    return rows[0]


def test_latest_release_gives_the_figure_and_keeps_the_revision(store):
    assert figure(store, "Northumbria", "2016/17")["value"] == 323
    row = figure(store, "Northumbria", "2015/16")
    assert row["value"] == 98
    assert [(r["release"], r["value"]) for r in row["revisions"]] == [("2016-06", 170)]


def test_not_supplied_is_a_status_not_a_zero(store):
    row = figure(store, "Durham", "2015/16")
    assert row["status"] == "not_available" and row["value"] is None
    assert row["revisions"][0]["value"] == 13
    assert figure(store, "Durham", "2016/17")["value"] == 190


def test_publisher_page_beats_a_misprint(store):
    row = figure(store, "England and Wales", "2016/17", geography_type="nation")
    assert row["value"] == 5653 and row["forces_responding"] == 39
    assert [(o["value"], o["outlets"]) for o in row["other_values"]] == [(5643, ["standard.co.uk"])]


def test_a_tie_with_no_publisher_is_disputed(store):
    row = figure(store, "Lancashire", "2018/19")
    assert row["status"] == "disputed"
    assert {row["value"], *[o["value"] for o in row["other_values"] if o["tied"]]} == {66, 67}


def test_lower_bounds_do_not_contradict_exact_figures(store):
    row = figure(store, "England and Wales", "2015/16", geography_type="nation")
    assert row["value"] == 3903 and row["status"] == "reported"  # 2017-06 restated 2016-06's 3,186
    assert row["revisions"][0]["value"] == 3186


def test_rank_counts_forces_with_data(store):
    rows = store.rows("rank", measure="cyber_flagged_child_sex_offences", year="2016/17", region=None,
                      rate=False, ascending=False, limit=3)
    assert [r["geography"] for r in rows] == ["Greater Manchester", "Staffordshire", "Kent"]
    assert rows[0]["forces_in_scope"] == 43 and 0 < rows[0]["forces_with_data"] < 43


def test_every_figure_has_a_source(store):
    missing = store.rows("figures_without_source")
    assert missing == []


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(Store().data_dir, target)
    return target


def corrupt(path, line_no, old, new):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line_no - 1]
    lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("file, line, old, new, reason", [
    ("reports.csv", 2, ",3186,", ",-5,", "not a whole number"),
    ("reports.csv", 3, ",3186,", ",31.5,", "not a whole number"),
    ("reports.csv", 4, "England and Wales,nation", "Atlantis,nation", "unknown geography 'Atlantis'"),
    ("reports.csv", 5, "cyber_flagged_child_sex_offences", "cyber_flagged_cats", "unknown measure"),
    ("reports.csv", 6, "2015/16", "2015/17", "not a financial year"),
    ("reports.csv", 7, ",2017-06,", ",2017-13,", "not a month"),
    ("reports.csv", 8, "https://", "", "has no source"),
    ("reports_other_periods.csv", 2, "2017-10", "2019-10", "not two months"),
    ("geographies.csv", 3, ",nation,", ",planet,", "unknown geography_type"),
])
def test_corrupt_data_stops_start_up_with_file_line_and_reason(data_copy, file, line, old, new, reason):
    corrupt(data_copy / file, line, old, new)
    with pytest.raises(DataError) as err:
        Store(data_copy)
    message = str(err.value)
    assert message.startswith(f"{data_copy}/{file} line {line}:"), message
    assert reason in message


def test_a_broken_csv_names_the_file(data_copy):
    with open(data_copy / "reports.csv", "a", encoding="utf-8") as fh:
        fh.write('Durham,force,2016/17,"unclosed quote\n')
    line = (data_copy / "reports.csv").read_bytes().count(b"\n")  # the line the bad row starts on
    with pytest.raises(DataError) as err:
        Store(data_copy)
    assert str(err.value).startswith(f"{data_copy}/reports.csv line {line}: not well-formed CSV")


def test_a_missing_file_or_column_is_named(data_copy):
    (data_copy / "measures.csv").unlink()
    with pytest.raises(DataError, match=r"/data/measures.csv: file is missing"):
        Store(data_copy)


def test_a_wrong_header_is_named(data_copy):
    corrupt(data_copy / "publishers.csv", 1, "publisher", "owner")
    with pytest.raises(DataError, match=r"/data/publishers.csv line 1: header .* publisher"):
        Store(data_copy)


def test_queries_cannot_touch_files_after_start(store):
    import duckdb

    with pytest.raises(duckdb.Error):
        store.cursor().execute("SELECT * FROM read_csv('/etc/passwd')").fetchall()


# -- the loader's gaps (issue 11): every refusal names the real file, the editor's line and the reason ----

def refusal(data_dir) -> str:
    with pytest.raises(DataError) as err:
        Store(data_dir)
    return str(err.value)


def edit_line(path, line_no, change):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line_no - 1] = change(lines[line_no - 1])
    path.write_text("".join(lines), encoding="utf-8")


def test_a_quoted_note_with_a_line_break_is_accepted_and_later_lines_keep_their_numbers(data_copy):
    reports = data_copy / "reports.csv"
    edit_line(reports, 2, lambda row: row.rsplit(",", 1)[0] + ',"first line of the note\nsecond line"\n')
    store = Store(data_copy)
    notes = store.cursor().execute("SELECT note FROM reports WHERE file = 'reports.csv' AND line = 2").fetchall()
    assert notes == [("first line of the note\nsecond line",)]
    # the note takes lines 2-3, so the row that was line 10 is now line 11 in a text editor
    edit_line(reports, 11, lambda row: row.replace(",exact,", ",roughly,", 1))
    assert refusal(data_copy).startswith(f"{data_copy}/reports.csv line 11: unknown qualifier 'roughly'")


@pytest.mark.parametrize("change, how", [
    (lambda row: ",".join(row.split(",")[:5]) + "\n", "too few fields: the row has 5, the header has 11"),
    (lambda row: row.rstrip("\n") + ",extra\n", "too many fields: the row has 12, the header has 11"),
])
def test_a_short_or_long_row_is_named_at_its_line(data_copy, change, how):
    edit_line(data_copy / "reports.csv", 60, change)
    assert refusal(data_copy).startswith(f"{data_copy}/reports.csv line 60: {how}")


def test_blank_lines_count_as_lines(data_copy):
    reports = data_copy / "reports.csv"
    edit_line(reports, 10, lambda row: row + "\n\n")  # two blank lines after line 10
    edit_line(reports, 62, lambda row: row.replace(",exact,", ",roughly,", 1))
    assert refusal(data_copy).startswith(f"{data_copy}/reports.csv line 62: unknown qualifier")


def test_an_overflowing_value_is_named_not_a_conversion_error(data_copy):
    edit_line(data_copy / "reports.csv", 7, lambda row: row.replace(",3903,", ",99999999999999999999999,", 1))
    message = refusal(data_copy)
    assert message.startswith(f"{data_copy}/reports.csv line 7: value 99999999999999999999999 is too large")
    assert "Conversion Error" not in message


def test_a_duplicate_release_and_series_is_named_with_both_lines(data_copy):
    releases = data_copy / "releases.csv"
    first = releases.read_text(encoding="utf-8").splitlines()[1]
    with open(releases, "a", encoding="utf-8") as fh:
        fh.write(first + "\n")
    lines = len(releases.read_text(encoding="utf-8").splitlines())
    message = refusal(data_copy)
    assert message.startswith(f"{data_copy}/releases.csv line {lines}: duplicate release 2016-06 and series cyber_flag "
                              "(first given on line 2)"), message
    assert "Constraint Error" not in message


def test_reports_with_only_a_header_are_refused(data_copy):
    reports = data_copy / "reports.csv"
    reports.write_text(reports.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert refusal(data_copy) == f"{data_copy}/reports.csv line 1: no figures: the file has its header line and no rows"


def test_messages_name_the_data_folder_in_use(data_copy, monkeypatch):
    elsewhere = data_copy.parent / "somewhere" / "else"
    shutil.move(data_copy, elsewhere)
    (elsewhere / "geographies.csv").unlink()
    monkeypatch.setenv("OFFENCES_DATA_DIR", str(elsewhere))
    assert refusal(None) == f"{elsewhere}/geographies.csv: file is missing"


def test_a_file_that_is_not_utf8_names_the_line(data_copy):
    reports = data_copy / "reports.csv"
    raw = reports.read_bytes().splitlines(keepends=True)
    raw[4] = raw[4].replace(b"Wales", b"W\xe2les", 1)
    reports.write_bytes(b"".join(raw))
    assert refusal(data_copy).startswith(f"{data_copy}/reports.csv line 5: not UTF-8 text")
