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

from bot.check import check, plain_text

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
        assert list(claim) == ["text", "kind", "claimed", "actual", "verdict", "explanation", "sources",
                               "confidence", "reading"]  # the design's keys first, then the allowed extras
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
                                                      "publishers", "geographies")}


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
    # x2.64: "almost trebled" is now within the "almost N" band (0.85·N up to N), so the slip tested here is a
    # bigger one; "almost trebled" itself is in test_multiple_wording below
    ("The number of offences recorded by Cleveland Police almost quadrupled, from 55 to 145.",
     {"almost quadrupled": "inaccurate"}),
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


# ------------------------------------------------------------------------------------------- the blind-set categories
# Sentences written for these tests (not taken from either CSV), one group per kind of false alarm the blind
# evaluation found, each with the verdicts the data gives. `expected` maps words in a claim to its verdict;
# any other claim flagged inaccurate fails the test (a false alarm is the costliest error).
MULTIPLES = [
    # a plain multiple is a floor: 0.96·N up to N+1
    ("Northumbria's figure rose from 98 in 2015/16 to 323 in 2016/17, a three-fold increase.",
     {"three-fold": "supported"}),
    ("Lancashire Constabulary logged 419 offences in 2019/20, a six-fold increase on the 67 it logged in 2018/19.",
     {"six-fold": "supported"}),
    ("The force's tally tripled in a year, Northumbria Police said: 323 in 2016/17 against 98 in 2015/16.",
     {"tripled": "supported"}),
    ("Online offences recorded by Welsh forces trebled between 2015/16 and 2018/19, from 258 to 576.",
     {"trebled": "inaccurate"}),
    ("Leicestershire's grooming figure doubled from 59 in 2017/18 to 89 in 2018/19.", {"doubled": "inaccurate"}),
    ("Lancashire's figure rose from 67 to 419, a seven-fold increase.", {"seven-fold": "inaccurate"}),
    # "almost/nearly N": 0.85·N up to N (a qualifier before the article counts too)
    ("Cleveland's figure almost trebled in a year, from 55 to 145.", {"almost trebled": "supported"}),
    ("Kent's count went from 63 in 2015/16 to 361 in 2016/17, nearly a six-fold rise.",
     {"nearly a six-fold": "supported"}),
    ("Northumbria's figure rose from 98 to 323, nearly a four-fold increase.", {"nearly a four-fold": "inaccurate"}),
]

PAIRS = [
    ("Gwent's figure rose from 59 to 229 and South Wales's from 26 to 214 between 2015/16 and 2018/19, almost "
     "quadrupling and an eight-fold increase respectively.",
     {"almost quadrupling": "supported", "eight-fold": "supported", "214": "supported", "26": "supported"}),
    ("Gwent's figure rose from 59 to 229, almost quadrupling, and South Wales's from 26 to 214, an eight-fold "
     "increase.", {"almost quadrupling": "supported", "eight-fold": "supported"}),
    ("Between 2015/16 and 2018/19 the number went from 59 to 229 in Gwent and from 26 to 214 in South Wales, "
     "an eight-fold increase.", {"26": "supported", "214": "supported", "eight-fold": "supported"}),
    ("Gwent recorded 229 offences in 2018/19 and South Wales 214. That was eight times the 26 it recorded in "
     "2015/16.", {"eight times": "supported", "26": "supported"}),
    ("Kent and Northumbria recorded 361 and 323 offences respectively in 2016/17.",
     {"361": "supported", "323": "supported"}),
    ("Kent's figure rose from 63 to 361 and Northumbria's from 98 to 323, up 298 and 225 respectively.",
     {"298": "supported", "225": "supported"}),
    ("Offences in Kent and Northumbria rose from 63 to 361 and from 98 to 323 respectively, increases of 473% "
     "and 230%.", {"473%": "supported", "230%": "supported", "63": "supported"}),
    ("Gwent's figure rose from 59 to 229 and South Wales's from 26 to 214, an eight-fold and a four-fold "
     "increase respectively.", {"eight-fold": "inaccurate", "four-fold": "inaccurate"}),
    # a list of figures in a clause naming no place follows the places named before it
    ("In 2018/19 Gwent recorded 229 offences and South Wales 214; in 2015/16 the figures were 59 and 26.",
     {"59": "supported", "26": "supported"}),
    # a sentence pointing back ("That is ...") compares the figure just given, clause by clause
    ("Kent Police recorded 735 offences in 2019/20, up from 490 the year before. That is a rise of 50 per cent, "
     "and more than 11 times the 63 the force recorded in 2015/16.",
     {"50 per cent": "supported", "more than 11 times": "supported"}),
    # "double the 183" is taken against the 183, not the 121 of the clause before
    ("Thames Valley Police recorded 369 offences in 2018/19, three times the 121 recorded in 2017/18 and more "
     "than double the 183 of 2016/17.", {"three times": "supported", "more than double": "supported"}),
    # the place after "than" is compared with, it is not the subject of the figures that follow
    ("Kent Police recorded 735 offences in 2019/20, more than neighbouring Sussex and up from 490 the year before.",
     {"490": "supported"}),
    # "went" is not a typo for Gwent, and must not hide the real Gwent later in the sentence
    ("Between 2015/16 and 2018/19 the figure went from 59 to 229 in Gwent.", {"59": "supported", "229": "supported"}),
]

DIFFERENCES = [
    ("West Yorkshire Police recorded 721 offences in 2018/19, an extra 427 on 2015/16 – a rise of 145 per cent.",
     {"427": "supported", "145 per cent": "supported"}),
    ("Kent recorded 361 offences in 2016/17. In 2018/19 it recorded 490, an extra 427 on 2015/16.",
     {"490": "supported", "427": "supported"}),
    ("Kent's figure of 735 in 2019/20 was up 245 on the year before, a rise of 50 per cent.",
     {"245": "supported", "50 per cent": "supported"}),
    # no 2015/16 figure for Norfolk: the percentage is held to the copy's own difference (168 - 100 = 68)
    ("Norfolk Police recorded 168 offences in 2018/19, an extra 100 on 2015/16, a rise of 147 per cent.",
     {"147 per cent": "supported", "100": "unverifiable"}),
    ("West Yorkshire Police recorded 721 offences in 2018/19, an additional 527 on 2015/16.", {"527": "inaccurate"}),
    ("South Yorkshire recorded 375 offences in 2018/19, an extra 146 compared with 2015/16, a rise of 164 per cent.",
     {"146": "supported", "164 per cent": "inaccurate"}),
    # "on the previous year" is not the figure an earlier paragraph gave for another year
    ("Across England and Wales, 5,653 such crimes were recorded in 2016/17.\n\nNationally, 4,373 grooming offences "
     "were recorded in 2018/19, an extra 1,156 on the previous year.", {"1,156": "supported"}),
    # against another place in the same year
    ("Kent recorded 432 more offences than Sussex in 2018/19.", {"432 more": "supported"}),
    ("Kent recorded 400 more offences than Sussex in 2018/19.", {"400 more": "inaccurate"}),
    ("Kent, which recorded 490 offences in 2018/19, had more than eight times as many as Sussex.",
     {"more than eight times": "supported"}),
]

SHARES = [
    ("Gwent recorded 59 of the region's 258 offences in 2015/16 — nearly a quarter — the force said.",
     {"nearly a quarter": "supported", "258": "supported"}),
    ("Gwent recorded 59 of the region's 258 offences in 2015/16 — almost a third.", {"almost a third": "inaccurate"}),
    ("West Yorkshire recorded 721 offences in 2018/19. That was almost half of the 1,493 recorded across "
     "Yorkshire and the Humber.", {"almost half": "supported"}),
    ("South Yorkshire's 375 offences in 2018/19 made up a quarter of the regional total of 1,493.",
     {"a quarter": "supported"}),
    ("Gwent recorded 229 offences in 2018/19. The Welsh total was 576, so the force accounted for more than a third.",
     {"576": "supported", "more than a third": "supported"}),
    ("Police in Yorkshire and the Humber recorded 1,493 offences in 2018/19. West Yorkshire accounted for 721 of "
     "them, almost half.", {"almost half": "supported"}),
    ("Gwent and South Wales together recorded 443 offences in 2018/19, more than three-quarters of the Welsh "
     "total of 576.", {"443": "supported", "more than three-quarters": "supported"}),
    ("The region recorded 1,493 offences in 2018/19, West Yorkshire 721 of them — nearly half.",
     {"1,493": "supported", "nearly half": "supported"}),
    ("Across Wales, 576 offences were recorded in 2018/19. Almost two-fifths of them – 229 – were in Gwent.",
     {"Almost two-fifths": "supported"}),
    ("Kent and Essex recorded 462 offences between them in 2016/17. Kent's 361 made up more than three-quarters "
     "of that.", {"more than three-quarters": "supported"}),
    ("West Yorkshire recorded 721 offences in 2018/19, nearly half the total for the region.",
     {"nearly half": "supported"}),
]

TOTALS = [
    ("Between them, Kent and Sussex recorded 548 offences in 2018/19.", {"548": "supported"}),
    ("Together, Gwent, South Wales and North Wales recorded 576 offences in 2018/19.", {"576": "supported"}),
    ("Between them, Kent and Sussex recorded 600 offences in 2018/19.", {"600": "inaccurate"}),
    ("Kent and Essex recorded a combined 462 offences in 2016/17, while Suffolk recorded 9.",
     {"462": "supported", "9": "supported"}),
]

COMPARISONS = [
    ("Kent recorded 490 offences in 2018/19, more than neighbouring Sussex.", {"neighbouring Sussex": "supported"}),
    ("Sussex recorded 58 offences in 2018/19, more than neighbouring Kent.", {"neighbouring Kent": "inaccurate"}),
    ("Gwent recorded more offences than South Wales in 2018/19 but fewer than North Wales.",
     {"than South Wales": "supported", "than North Wales": "inaccurate"}),
    ("Kent recorded more offences per head than the national average in 2018/19.", {}),
    ("Kent recorded 490 offences in 2018/19 – more than Essex, Suffolk and Sussex combined.", {}),
    ("In 2018/19 Sussex recorded 58 offences, far fewer than Kent's 490.",
     {"fewer than Kent": "supported", "490": "supported"}),
    ("Between 2016/17 and 2018/19, Staffordshire's figure fell from 374 to 346, while South Yorkshire's rose from "
     "311 to 375 and Thames Valley's rose from 183 to 369. Staffordshire was the only one of the three forces to "
     "see a fall.", {"only one of the three": "supported"}),
    ("Staffordshire recorded 346 offences in 2018/19, down from 374 in 2016/17. South Yorkshire recorded 375, up "
     "from 311, and Thames Valley 369, up from 183. Thames Valley was the only one of the three forces to see a "
     "fall.", {"only one of the three": "inaccurate"}),
    ("Staffordshire recorded 346 offences in 2018/19, down from 374 in 2016/17. South Yorkshire recorded 375, up "
     "from 311. Staffordshire was the only one of the three forces to see a fall.",
     {"only one of the three": "unverifiable"}),
]


@pytest.mark.parametrize("text,expected", MULTIPLES + PAIRS + DIFFERENCES + SHARES + TOTALS + COMPARISONS)
def test_blind_set_categories(text, expected):
    result = check(text)
    for words, verdict in expected.items():
        assert find(result, words).verdict == verdict, plain_text(result)
    wolves = [c.text for c in result.claims if c.verdict == "inaccurate" and not any(w in c.text for w in expected)]
    assert not wolves, plain_text(result)


def test_plain_multiple_over_half_above_is_supported_but_called_understated():
    result = check("Cleveland Police's figure doubled in a year, from 55 in 2015/16 to 145 in 2016/17.")
    claim = find(result, "doubled")
    assert claim.verdict == "supported", plain_text(result)
    assert claim.actual == pytest.approx(2.64)
    assert "Understated" in claim.explanation and "2.64 times" in claim.explanation


def test_a_decimal_multiple_is_still_held_to_its_decimals():
    # 4.73 is the rise divided by 100, not the ratio (5.73): the whole-number band must not swallow it
    result = check("Kent Police recorded 361 offences in 2016/17, 4.7 times the 63 recorded in 2015/16.")
    assert find(result, "4.7 times").verdict == "inaccurate", plain_text(result)


def test_an_extra_n_is_a_difference_and_never_the_base_of_the_percentage():
    result = check("West Yorkshire Police recorded 721 offences in 2018/19, an extra 427 on 2015/16 – a rise of "
                   "145 per cent.")
    extra = find(result, "427")
    assert extra.kind == "difference" and extra.actual == 427, plain_text(result)
    pct = find(result, "145 per cent")
    assert "From 294 to 721" in pct.explanation, plain_text(result)


def test_difference_gives_the_base_when_the_data_has_none():
    result = check("Norfolk Police recorded 168 offences in 2018/19, an extra 100 on 2015/16, a rise of 147 per cent.")
    pct = find(result, "147 per cent")
    assert pct.verdict == "supported" and "168 − 100" in pct.explanation, plain_text(result)


def test_share_after_x_of_y_in_dashes_is_a_share_not_a_fall():
    result = check("Gwent recorded 59 of the region's 258 offences in 2015/16 — nearly a quarter — the force said.")
    claim = find(result, "nearly a quarter")
    assert claim.kind == "fraction" and claim.actual == pytest.approx(22.9), plain_text(result)
    assert "59 of 258" in claim.explanation
    assert "Wales" in find(result, "258").explanation  # the region's total, not Gwent's


def test_between_them_sums_the_places_named():
    result = check("Between them, Kent and Sussex recorded 548 offences in 2018/19.")
    claim = find(result, "548")
    assert claim.kind == "total" and "490 + 58 = 548" in claim.explanation, plain_text(result)


def test_respectively_binds_each_change_to_its_own_pair():
    result = check("Gwent's figure rose from 59 to 229 and South Wales's from 26 to 214 between 2015/16 and "
                   "2018/19, almost quadrupling and an eight-fold increase respectively.")
    assert "229 is 3.88 times 59" in find(result, "almost quadrupling").explanation, plain_text(result)
    assert "214 is 8.23 times 26" in find(result, "eight-fold").explanation, plain_text(result)


def test_every_verdict_carries_its_confidence_and_the_reading_it_chose():
    result = check("Durham Constabulary recorded 290 offences in 2016/17.")
    claim = find(result, "290")
    assert claim.verdict == "inaccurate" and claim.confidence >= 0.9
    assert claim.reading.startswith("count · Durham Constabulary (named) · 2016/17 (written)")


def test_a_figure_read_less_firmly_scores_lower():
    firm = find(check("Durham Constabulary recorded 290 offences in 2016/17."), "290")
    loose = find(check("Durham Constabulary is the force for County Durham. It recorded 290 offences."), "290")
    assert loose.confidence < firm.confidence


def test_a_contradiction_below_the_threshold_is_a_question_that_shows_the_reading():
    from bot.check.checker import Checker
    strict = Checker(low_confidence=0.99)  # every reading counts as unsure
    claim = find(strict.check("Durham Constabulary recorded 290 offences in 2016/17."), "290")
    assert claim.verdict == "unverifiable"
    assert claim.explanation.startswith("Check this: read as count · Durham Constabulary (named) · 2016/17")
    assert "190" in claim.explanation


# Mechanisms found failing on real copy (../shared/eval), tested here on sentences written for the purpose.
def test_percentages_in_words_are_claims():
    claim = find(check("Kent Police recorded 735 offences in 2019/20, up from 490 in 2018/19, a fifty per cent rise."),
                 "fifty per cent")
    assert claim.verdict == "supported" and claim.kind == "percent_change"


def test_a_percentage_with_neither_figure_is_read_against_the_years_the_data_supplies():
    claim = find(check("Offences recorded by Kent Police rose by 50 per cent in a year, the NSPCC said."), "50 per cent")
    assert claim.verdict == "supported" and "490 to 735" in claim.explanation
    wrong = find(check("Offences recorded by Kent Police rose by 90 per cent in a year, the NSPCC said."), "90 per cent")
    assert wrong.verdict == "unverifiable"  # no year pair fits, and none was written: no proof either way


def test_a_rate_with_no_year_is_read_against_the_year_that_fits_and_never_called_wrong():
    assert find(check("Police now record an average of 15 such crimes a day."), "15").verdict == "supported"
    assert find(check("Police now record an average of 47 such crimes a day."), "47").verdict == "unverifiable"


def test_how_many_forces_there_are_is_checked():
    result = check("Of the 41 police forces in England and Wales, 39 answered the NSPCC's request.")
    assert find(result, "41").verdict == "inaccurate" and "43" in find(result, "41").explanation
    assert find(result, "39").verdict == "supported"


def test_a_region_placed_in_its_nation_is_the_region():
    claim = find(check("Forces in the south west of England recorded 334 offences in 2018/19."), "334")
    assert claim.verdict == "supported" and "South West" in claim.explanation


def test_an_outlets_domain_is_not_a_place():
    claim = find(check("Northumbria Police recorded 323 offences in 2016/17 (shieldsgazette.co.uk)."), "323")
    assert claim.verdict == "supported" and "Northumbria" in claim.explanation


def test_a_difference_since_a_calendar_year_uses_the_figure_that_stood_then():
    claim = find(check("Northern Ireland's police recorded 178 online offences in 2016/17, a rise of 39 since 2015."), "39")
    assert claim.verdict == "supported" and "139" in claim.explanation


def test_a_multiple_of_the_national_rise_compares_the_two_percentages():
    claim = find(check("Thames Valley Police recorded 274 grooming offences in 2018/19, up 140% on 2017/18 and more "
                       "than three times the national rate of increase."), "more than three times")
    assert claim.verdict == "supported" and "national rise" in claim.explanation


def test_the_youngest_victim_written_as_an_n_year_old():
    claim = find(check("In 2023/24 the youngest victim of online grooming was a 5-year-old boy."), "5-year-old")
    assert claim.kind == "age" and claim.verdict == "supported"


def test_two_forces_given_each_others_figures_are_called_swapped():
    result = check("In 2018/19 Gwent Police recorded 214 online child sex offences and South Wales Police 229.")
    for figure, right in (("214", "229"), ("229", "214")):
        claim = find(result, figure)
        assert claim.verdict == "inaccurate" and "swapped" in claim.explanation and right in claim.explanation


def test_a_number_in_words_is_read_whole():
    claim = find(check("Dyfed-Powys Police recorded one hundred and sixteen offences in 2015/16."), "sixteen")
    assert claim.text == "one hundred and sixteen" and claim.verdict == "supported"


def test_forces_whose_figures_changed_are_not_forces_that_answered():
    result = check("Of the 43 forces, 12 recorded a fall in 2018/19, and nineteen forces saw a rise.")
    assert find(result, "43 forces").verdict == "supported"
    assert all(c.verdict != "inaccurate" for c in result.claims), plain_text(result)


def test_a_small_rate_is_held_to_more_than_rounding():
    claim = find(check("Police recorded one online child sex offence every hour in 2016/17."), "every hour")
    assert claim.verdict == "inaccurate" and "one every 93 minutes" in claim.explanation
    assert find(check("Kent Police logged 735 offences in 2019/20, two a day."), "two a day").verdict == "supported"


def test_a_like_for_like_subset_of_forces_is_not_corrected_to_the_headline():
    claim = find(check("Among the 37 forces that gave figures for both years, offences rose in 2018/19."), "37 forces")
    assert claim.verdict == "unverifiable" and "subset" in claim.explanation


def test_an_earlier_releases_figure_is_wrong_when_the_copy_names_the_release_that_revised_it():
    assert find(check("Figures published in June 2019 show Wiltshire recorded 54 offences in 2018/19."),
                "54").verdict == "supported"
    revised = find(check("Figures published in September 2020 show Wiltshire recorded 54 offences in 2018/19."), "54")
    assert revised.verdict == "inaccurate" and "77" in revised.explanation


def test_counts_in_words_with_several_describing_words_or_after_a_change_verb():
    result = check("Fourteen online grooming offences were recorded by North Yorkshire Police in 2017/18. "
                   "By 2022/23 that had risen to fifty-six – five times as many.")
    assert find(result, "Fourteen").verdict == "supported" and find(result, "fifty-six").verdict == "supported"
    multiple = find(result, "five times")
    assert multiple.verdict == "inaccurate" and "4.00 times" in multiple.explanation


def test_a_multiple_of_a_named_year_is_not_paired_with_the_sentences_other_figure():
    claim = find(check("In Cheshire, police recorded 124 online grooming offences in 2022/23 – almost five times as "
                       "many as in the offence's first year, though down on the 128 logged the year before."),
                 "almost five times")
    assert claim.verdict == "supported" and "times 25" in claim.explanation
