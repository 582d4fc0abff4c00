"""The fact-checker: the labelled evaluation set (tests/factcheck_eval.csv) and focused cases.

Run with `pytest -s tests/test_factcheck.py` to see the accuracy, precision and recall printed.
The first ~70% of eval ids are the development split; the rest were held out while the rules were written.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from bot.factcheck import check, plain_text

EVAL = Path(__file__).with_name("factcheck_eval.csv")
DEV_SHARE = 0.7
NUMBER_WORDS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                "half|third|quarter|double|doubled|treble|trebled|triple|tripled")
NUMBER = re.compile(rf"\d[\d,]*(?:\.\d+)?|\b(?:{NUMBER_WORDS})\b", re.I)


# ------------------------------------------------------------------------------------------- scoring
def load_eval(path: Path = EVAL) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _contains(hay: str, needle: str) -> bool:
    """`needle` inside `hay`, not as part of a longer number or word ('26' is not in '126')."""
    hay_l, needle_l = hay.lower(), needle.lower().strip()
    if not needle_l:
        return False
    start = 0
    while True:
        i = hay_l.find(needle_l, start)
        if i < 0:
            return False
        before = hay_l[i - 1] if i else " "
        after = hay_l[i + len(needle_l)] if i + len(needle_l) < len(hay_l) else " "
        if not (before.isalnum() and needle_l[0].isalnum()) and not (after.isalnum() and needle_l[-1].isalnum()) \
                and not (after in ",." and hay_l[i + len(needle_l) + 1:i + len(needle_l) + 2].isdigit()):
            return True
        start = i + 1


def claim_number(text: str) -> str | None:
    m = NUMBER.search(text)
    return m.group(0) if m else None


def matches(label: str, claim_text: str) -> int:
    """2 when the checker's claim text contains the labelled words, 1 when the labelled words contain the
    checker's claim number, 0 otherwise (the rule in the brief)."""
    if _contains(claim_text, label):
        return 2
    number = claim_number(claim_text)
    if number and _contains(label, number):
        return 1
    return 0


def score(rows: list[dict], results: dict[str, object]) -> dict:
    """Verdict accuracy over labelled rows, precision/recall of `inaccurate`, and the misses to look at."""
    correct = 0
    tp = fp = fn = 0
    misses = []
    matched_claims: dict[str, set] = {}
    for row in rows:
        full = (row["context"] + " " + row["text"]).strip()
        result = results[full]
        text_claims = [c for c in result.claims]
        ranked = sorted(((matches(row["claim"], c.text), -abs(len(c.text) - len(row["claim"])), i)
                         for i, c in enumerate(text_claims)), reverse=True)
        best = text_claims[ranked[0][2]] if ranked and ranked[0][0] else None
        if best is not None:
            matched_claims.setdefault(full, set()).add(ranked[0][2])
        label = row["verdict"]
        predicted = best.verdict if best is not None else "none"
        ok = predicted == label
        correct += ok
        if predicted == "inaccurate" and label == "inaccurate":
            tp += 1
        elif predicted == "inaccurate":
            fp += 1
        elif label == "inaccurate":
            fn += 1
        if not ok:
            misses.append({"id": row["id"], "claim": row["claim"], "label": label, "got": predicted,
                           "checker": best.text if best else None,
                           "explanation": best.explanation if best else None})
    unlabelled_inaccurate = []
    for full, result in results.items():
        seen = matched_claims.get(full, set())
        for i, c in enumerate(result.claims):
            if i not in seen and c.verdict == "inaccurate":
                unlabelled_inaccurate.append((c.text, c.explanation))
    n = len(rows)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    strict_fp = fp + len(unlabelled_inaccurate)
    strict_precision = tp / (tp + strict_fp) if tp + strict_fp else 1.0
    return {"n": n, "accuracy": correct / n if n else 1.0, "precision": precision, "recall": recall,
            "strict_precision": strict_precision, "tp": tp, "fp": fp, "fn": fn, "misses": misses,
            "unlabelled_inaccurate": unlabelled_inaccurate}


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """Development rows (the first ~70% of ids) and held-out rows; a text never straddles the two."""
    ids = sorted({r["id"] for r in rows}, key=lambda i: int(re.sub(r"\D", "", i) or 0))
    cut_id = ids[int(len(ids) * DEV_SHARE) - 1] if ids else ""
    order = {i: k for k, i in enumerate(ids)}
    dev_texts = {(r["context"], r["text"]) for r in rows if order[r["id"]] <= order.get(cut_id, -1)}
    dev = [r for r in rows if (r["context"], r["text"]) in dev_texts]
    held = [r for r in rows if (r["context"], r["text"]) not in dev_texts]
    return dev, held


def run_eval(rows: list[dict]) -> dict:
    results = {}
    for row in rows:
        full = (row["context"] + " " + row["text"]).strip()
        if full not in results:
            results[full] = check(full)
    return score(rows, results)


def report(name: str, s: dict) -> str:
    return (f"{name}: {s['n']} labelled claims, verdict accuracy {s['accuracy']:.1%}; inaccurate precision "
            f"{s['precision']:.1%} (strict, counting unlabelled claims flagged inaccurate: {s['strict_precision']:.1%}), "
            f"recall {s['recall']:.1%} (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")


# ------------------------------------------------------------------------------------------- the eval
@pytest.mark.skipif(not EVAL.exists(), reason="tests/factcheck_eval.csv not written yet")
def test_eval_accuracy_and_precision():
    rows = load_eval()
    dev, held = split(rows)
    overall = run_eval(rows)
    lines = [report("all", overall), report("development", run_eval(dev)), report("held-out", run_eval(held))]
    for miss in overall["misses"]:
        lines.append(f"  miss {miss['id']} {miss['claim']!r}: labelled {miss['label']}, got {miss['got']}"
                     f" ({miss['checker']!r}: {miss['explanation']})")
    for text, why in overall["unlabelled_inaccurate"]:
        lines.append(f"  unlabelled claim flagged inaccurate: {text!r}: {why}")
    message = "\n".join(lines)
    print("\n" + message)
    assert overall["accuracy"] >= 0.95, message
    assert overall["precision"] >= 0.98, message


# ------------------------------------------------------------------------------------------- focused cases
def claims_by_text(result):
    return {c.text: c for c in result.claims}


def find(result, needle):
    hits = [c for c in result.claims if needle in c.text]
    assert hits, f"no claim with {needle!r} in {[c.text for c in result.claims]}"
    return hits[0]


def test_323_98_229_5_all_supported():
    result = check("Northumbria Police recorded 323 incidents in 2016-17, up from 98 the previous 12 months, "
                   "a shocking rise of 229.5%.")
    assert [c.verdict for c in result.claims] == ["supported"] * 3, plain_text(result)
    assert find(result, "323").kind == "count" and find(result, "98").actual == 98
    assert find(result, "229.5%").kind == "percent_change"
    assert result.summary == "3 claims: 3 supported"


def test_ratio_given_as_rise():
    result = check("Kent's figure soared by 573% in a year, from 63 to 361.")
    claim = find(result, "573%")
    assert claim.verdict == "inaccurate", plain_text(result)
    assert "473.0" in claim.explanation or "473%" in claim.explanation
    assert "ratio" in claim.explanation
    assert claim.actual == pytest.approx(473.0)


def test_doubled_for_a_rise_of_half_is_inaccurate():
    result = check("Grooming offences doubled in Leicestershire, from 59 in 2017/18 to 89 in 2018/19.")
    claim = find(result, "doubled")
    assert claim.verdict == "inaccurate", plain_text(result)
    assert claim.actual == pytest.approx(1.51)
    assert find(result, "59").verdict == "supported" and find(result, "89").verdict == "supported"


def test_more_than_doubled_for_2_6_is_supported_with_a_note():
    result = check("Cleveland Police recorded 145 offences in 2016/17, more than double the 55 recorded in 2015/16.")
    claim = find(result, "more than double")
    assert claim.verdict == "supported", plain_text(result)
    assert claim.actual == pytest.approx(2.64)
    assert "understates" in claim.explanation and "more than doubled" in claim.explanation


def test_lone_outlet_misprint_names_the_publisher():
    result = check("A total of 5,643 offences were recorded across England and Wales in the year to March 2017.")
    claim = find(result, "5,643")
    assert claim.verdict == "inaccurate", plain_text(result)
    assert claim.actual == 5653
    assert "5,653" in claim.explanation and "nspcc.org.uk" in claim.explanation
    assert any(s["outlet"] == "nspcc.org.uk" for s in claim.sources)
    assert not any("March 2017" in c.text for c in result.claims)


def test_surrey_is_unverifiable():
    result = check("Surrey Police recorded 143 online child sex offences in 2018/19.")
    claim = find(result, "143")
    assert claim.verdict == "unverifiable", plain_text(result)
    assert "Surrey" in claim.explanation


def test_revised_figure_next_to_a_later_year_is_inaccurate():
    result = check("In Northumbria the figure climbed from 170 in 2015/16 to 323 in 2016/17.")
    claim = find(result, "170")
    assert claim.verdict == "inaccurate", plain_text(result)
    assert claim.actual == 98 and "June 2016" in claim.explanation


def test_revised_figure_reported_as_the_older_release_is_supported():
    result = check("Figures published in June 2016 showed Northumbria Police recorded 170 offences in 2015/16.")
    claim = find(result, "170")
    assert claim.verdict == "supported", plain_text(result)
    assert "revised" in claim.explanation and "98" in claim.explanation


def test_period_across_four_years_called_three():
    result = check("Kent's figure rose from 63 in 2015/16 to 735 in 2019/20, more than 11 times as many in just three years.")
    assert find(result, "in just three years").verdict == "inaccurate", plain_text(result)
    assert find(result, "more than 11 times").verdict == "supported"


@pytest.mark.parametrize("text", [
    "The offence of sexual communication with a child came into force in April 2017.",
    "The charity set out its demands in Part 3 of its submission to MPs on 21 June.",
    "Campaigners warned the Covid-19 lockdown had left children spending more time online.",
    "Parents worried about a child can call the NSPCC helpline on 0808 800 5000.",
    "Mary, 34, whose daughter was targeted, said the figures were frightening.",
    "The offence was created by section 15A of the Sexual Offences Act 2003.",
    "The report will be discussed at 10am on Tuesday; figures are on page 12.",
])
def test_distractors_are_not_claims(text):
    result = check(text)
    assert result.claims == [], plain_text(result)


def test_footnote_marker_is_not_part_of_the_year_or_figure():
    result = check("Police recorded 5,653 offences in 2016/171, the charity said. "
                   "Kent Police recorded 361 offences in 2016/17[2].")
    assert [c.text for c in result.claims] == ["5,653", "361"], plain_text(result)
    assert [c.verdict for c in result.claims] == ["supported", "supported"]


def test_json_shape_is_stable():
    result = check("Kent Police recorded 361 online child sex offences in 2016/17, compared with 63 in 2015/16, "
                   "a rise of 473%.")
    data = result.to_json()
    assert list(data) == ["claims"]
    for claim in data["claims"]:
        assert list(claim) == ["text", "kind", "claimed", "actual", "verdict", "explanation", "sources"]
        assert claim["verdict"] in ("supported", "inaccurate", "unverifiable")
        for source in claim["sources"]:
            assert set(source) == {"outlet", "release", "url"}
    json.dumps(data)


def test_plain_text_has_one_line_per_claim_with_icons():
    result = check("Kent's figure soared by 573% in a year, from 63 to 361.")
    lines = plain_text(result).splitlines()
    assert lines[0] == result.summary
    assert len(lines) == 1 + len(result.claims)
    assert all(line[0] in "✅❌❔" for line in lines[1:])


def _data_snapshot():
    """Every row the checker reads, as text: any change to the loaded data shows up here."""
    from bot.store import get_store

    store = get_store()
    return {name: repr(store.rows(name)) for name in ("factcheck_reports", "factcheck_figures", "factcheck_releases",
                                                      "factcheck_publishers", "geographies")}


@pytest.mark.parametrize("text", [
    "",
    "   \n\t  ",
    "'; DROP TABLE reports; --",
    "Kent Police recorded 361 offences in 2016/17'); DELETE FROM figures WHERE ('1'='1",
    "x" * 10_000,
    ("Kent Police recorded 361 offences in 2016/17, up from 63. " * 200),
    "\x00\x1b[31m<@U123|bob> *bold* _it_ `code` 💥 ∞ 1e308 NaN -0 99999999999999999999999",
    "Police recorded 9" + "9" * 400 + " offences in 2016/17.",
])
def test_hostile_input_gives_a_normal_result_and_leaves_the_data_alone(text):
    before = _data_snapshot()
    result = check(text)
    assert isinstance(result.claims, list)
    assert isinstance(result.summary, str) and result.summary
    json.dumps(result.to_json())
    plain_text(result)
    assert _data_snapshot() == before


# ------------------------------------------------------------------------------------------- whole articles
ARTICLE_WITH_SLIPS = """Online grooming crimes against children in Yorkshire have more than doubled in a year, figures obtained by the NSPCC show.

Police forces across Yorkshire and the Humber recorded 473 sexual communication with a child offences in 2018/19, compared with 297 in 2017/18 - a rise of 159%.

In Humberside the figure rose from 77 to 80. North Yorkshire Police recorded 22 offences, up from 14, an increase of 57 per cent.

Nationally, police recorded 4,373 grooming offences in 2018/19, more than 15 a day. That was up from 3,171 the year before.

Separately, West Yorkshire Police recorded 721 online child sex offences in 2018/19, nearly three times the 294 recorded three years earlier, and more than a third of the 1,493 recorded across the region.

South Yorkshire Police recorded 357 offences in 2018/19."""

ARTICLE_WITH_DISTRACTORS = """By Jane Smith, Crime Reporter | Published 21 June 2017, 06:00 BST

The force recorded 361 offences with an online element in 2016/17 in Kent, compared with 63 the year before – a rise of 473 per cent.

Across England and Wales, police recorded 5,653 such crimes, an average of 15 a day, the charity's Freedom of Information request to 43 forces revealed. Thirty-nine forces responded.

Detective Superintendent Mark Brown, 48, said: "We have 20 specialist officers working on this." The unit's budget is £2.5m, up 10% on 2015.

Children can call Childline on 0800 1111, 24 hours a day. The charity's report runs to 120 pages; see page 34. It called for a 12-point plan."""


def test_an_article_with_slips_has_each_one_caught_and_nothing_else():
    result = check(ARTICLE_WITH_SLIPS)
    flagged = {c.text for c in result.claims if c.verdict == "inaccurate"}
    assert flagged == {"more than doubled", "159%", "more than 15 a day", "3,171", "nearly three times", "357"}, \
        plain_text(result)
    assert find(result, "3,171").actual == 3217
    assert find(result, "357").actual == 375
    assert find(result, "159%").actual == pytest.approx(59.3)


def test_an_article_full_of_other_numbers_cries_no_wolf():
    result = check(ARTICLE_WITH_DISTRACTORS)
    assert not [c for c in result.claims if c.verdict == "inaccurate"], plain_text(result)
    texts = [c.text for c in result.claims]
    for distractor in ("21", "2017", "06", "48", "0800", "1111", "24", "34", "12", "2015"):
        assert distractor not in texts, plain_text(result)
    assert find(result, "473 per cent").verdict == "supported"
    assert find(result, "10%").verdict == "unverifiable"  # a budget, not offences


def test_a_change_with_no_stated_base_is_never_called_wrong():
    result = check("UK police recorded 7,263 grooming offences in 2024/25, up 12 per cent.")
    assert find(result, "12 per cent").verdict == "unverifiable", plain_text(result)
    result = check("UK police recorded 7,263 grooming offences in 2024/25, up 2.8 per cent.")
    assert find(result, "2.8 per cent").verdict == "supported", plain_text(result)


def test_calendar_year_labels_and_relative_years():
    result = check("Kent recorded 63 offences in 2015. Kent Police recorded 361 offences in 2016/17. "
                   "The year before, it recorded 63.")
    assert [c.verdict for c in result.claims] == ["supported"] * 3, plain_text(result)
    assert "2015/16" in result.claims[0].explanation


# ------------------------------------------------------------------------------------------- the CLI
def test_cli_check_exit_codes_and_json(capsys, monkeypatch):
    import io

    from bot.cli import main

    assert main(["check", "Kent's figure soared by 573% in a year, from 63 to 361."]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines()[0].startswith("4 claims") and "❌ “573%”" in out

    assert main(["check", "Northumbria recorded 323 offences in 2016/17.", "--json"]) == 0
    out, _ = capsys.readouterr()
    data = json.loads(out)
    assert list(data) == ["claims"] and data["claims"][0]["verdict"] == "supported"

    monkeypatch.setattr("sys.stdin", io.StringIO("Surrey Police recorded 143 offences in 2018/19.\n"))
    assert main(["check", "-"]) == 0
    out, _ = capsys.readouterr()
    assert "❔" in out

    monkeypatch.setattr("sys.stdin", io.StringIO("  \n"))
    assert main(["check", "-"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "nothing to check" in err and "Traceback" not in err
    assert main(["check", ""]) == 2


# ------------------------------------------------------------------------------------------- phrasings
# Sentences written for these tests (not from the evaluation set), each with the verdicts the data gives.
PHRASINGS = [
    ("Some 361 offences were recorded by Kent Police in 2016/17.", {"361": "supported"}),
    ("Offences in Kent rose to 361 in 2016/17 from 63 a year earlier.", {"361": "supported", "63": "supported"}),
    ("Kent saw a 573 per cent increase in offences between 2015/16 and 2016/17.", {"573 per cent": "inaccurate"}),
    ("Kent saw an increase of more than 400 per cent between 2015/16 and 2016/17.",
     {"more than 400 per cent": "supported"}),
    ("Kent Police recorded 424 offences in two years.", {"424": "supported"}),
    ("Kent: 361; Essex: 101; Suffolk: 9 (all 2016/17).", {"361": "supported", "101": "supported", "9": "supported"}),
    ("Northumbria's figure jumped 329.6 per cent year-on-year to 323.", {"329.6 per cent": "inaccurate"}),
    ("The number of offences recorded by Cleveland Police almost trebled, from 55 to 145.", {"almost trebled": "inaccurate"}),
    ("Offences involving the internet rose by 1,750 nationally to 5,653 in 2016/17.", {"1,750": "supported"}),
    ("Between 2017/18 and 2018/19, grooming offences in Kent increased by 28.", {"28": "inaccurate"}),
    ("Greater Manchester Police recorded 560 offences in 2016/17.", {"560": "inaccurate"}),
    ("The Met did not provide figures, while Surrey Police said it recorded 50 offences in 2016/17.", {"50": "unverifiable"}),
    ("South Wales Police recorded 158 grooming offences in 2017/18, three times as many as North Wales Police's 53.",
     {"158": "supported", "53": "supported", "three times": "supported"}),
    ("Jersey's figure was eight in 2019/20, the States of Jersey Police said.", {"eight": "supported"}),
    ("Sussex recorded 38 offences in 2017/18 and 58 in 2018/19, a rise of more than 60 per cent.",
     {"more than 60 per cent": "inaccurate"}),
    ("Durham Constabulary recorded 190 offences in 2016/17, up from 13 in 2015/16.", {"13": "unverifiable"}),
    ("Kent Police recorded 361 offences in 2016/17, up from 63 in 2014/15.", {"63": "inaccurate"}),
    ("There were over 6,000 offences in 2016/17.", {"over 6,000": "inaccurate"}),
    ("There were almost 6,000 offences in 2016/17.", {"almost 6,000": "supported"}),
    ("The NSPCC's helpline received 1,200 calls in 2019/20.", {"1,200": "unverifiable"}),
    ("Police Scotland recorded 651 offences of communicating indecently with a child in 2019/20, up from 581.",
     {"651": "supported", "581": "supported"}),
    ("Over five years police recorded more than 37,000 online child sex offences.", {"more than 37,000": "supported"}),
    ("Kent recorded 735 offences in 2019/20, or 20 a week.", {"20 a week": "inaccurate"}),
    ("Grooming offences rose by more than a third (44%) from 3,217 in 2017/18 to 4,373 in 2018/19.",
     {"more than a third": "inaccurate"}),
    ("Gwent recorded 59 of Wales's 296 offences in 2015/16, one in five.", {"one in five": "supported"}),
    ("New figures published in September 2020 show Kent Police recorded 490 offences last year.", {"490": "inaccurate"}),
    ("Insp Jane Doe, 45, said 12 officers had been trained.", {}),
]


@pytest.mark.parametrize("text,expected", PHRASINGS)
def test_phrasings(text, expected):
    result = check(text)
    for words, verdict in expected.items():
        assert find(result, words).verdict == verdict, plain_text(result)
    wolves = [c.text for c in result.claims if c.verdict == "inaccurate" and not any(w in c.text for w in expected)]
    assert not wolves, plain_text(result)
