"""Mentions, first pass: clean and split the copy, then set aside years, dates and numbers that are not claims."""

from __future__ import annotations

import re

from ..parse import clean
from ..years import FinancialYear, YearError, find_years

from .model import MAX_CHARS, SCWC, _Sentence, _YearSpan
from .words import MONTHS, MONTH_NUMBER, WORD_RE, number_value


# =============================================================================================== text
_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_URLS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_FOOTNOTE = re.compile(r"\[(?:\d{1,2}|[a-z]|[ivx]{1,4})\]")
_WORD_FOOTNOTE = re.compile(r"\b([A-Z]?[a-z]{3,})\d{1,2}\b(?!\s*(?:%|per\s?cent))")  # "England and Wales1"
_YEAR_FOOTNOTE = re.compile(r"\b((?:19|20)\d{2})([-/])(\d{2})(\d{1,2})\b")
_ABBREV = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|No|Det|Insp|Supt|Sgt|Cllr|Con|PC|DC|DI|DS|Co|vs|v|Jan|Feb|Mar|Apr|"
                     r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|c|e\.g|i\.e|cf)|\b[A-Z])\.$")
_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9£])")


def _drop_year_footnote(m: re.Match) -> str:
    first, sep, second, extra = m.groups()
    if (int(first) + 1) % 100 == int(second):
        return f"{first}{sep}{second}" + " " * len(extra)
    return m.group(0)


_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]\s+(?=\S)|[-•*–]\s+)")
_LABEL_START = re.compile(r"\s*[A-Z0-9][^:.;]{0,60}:\s")  # "2016/17: 44", "Gwent Police: 59", "Note: ..."
_LINE_END = re.compile(r"(?:[.!?:;)\"”’%]|\d)\s*$")


def _lines_to_sentences(para: str) -> str:
    """A line break is kept as a sentence end where copy means one: after a line that ends a statement
    ("2016/17: 183", "...a day.") and before a line that does not continue it in lower case, and before a
    list item. List markers ("1.", "- ") are not figures and are dropped. Hard-wrapped prose still joins."""
    out = []
    for line in para.split("\n"):
        marker = _LIST_MARKER.match(line)
        line = line[marker.end():] if marker else line
        if not line.strip():
            continue
        if out and (marker or _LABEL_START.match(line) or (_LINE_END.search(out[-1]) and not line.lstrip()[:1].islower())):
            if not re.search(r"[.!?]\s*$", out[-1]):
                out[-1] = out[-1].rstrip() + "."
        out.append(line)
    return "\n".join(out)


def prepare(text: str) -> tuple[list[list[str]], list[str]]:
    """Copy -> paragraphs of sentences, cleaned the way questions are; notes about anything cut."""
    notes = []
    text = text or ""
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        notes.append(f"Only the first {MAX_CHARS:,} characters were checked.")
    text = _SUPERSCRIPTS.sub(" ", text)
    text = _URLS.sub(" ", text)
    paragraphs = []
    for para in re.split(r"\n\s*\n", text):
        cleaned = clean(_lines_to_sentences(para))
        cleaned = _FOOTNOTE.sub("", cleaned)
        cleaned = _YEAR_FOOTNOTE.sub(_drop_year_footnote, cleaned)
        cleaned = _WORD_FOOTNOTE.sub(r"\1", cleaned)
        if not cleaned:
            continue
        sentences: list[str] = []
        for piece in _SENT_SPLIT.split(cleaned):
            if sentences and _ABBREV.search(sentences[-1]):
                sentences[-1] += " " + piece
            else:
                sentences.append(piece)
        paragraphs.append([s for s in sentences if s.strip()])
    return paragraphs, notes


_EXTRA_YEARS = [
    re.compile(r"\b(?:financial\s+)?years?\s+(?:up\s+)?(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?"
               r"april\s+((?:19|20)\d{2})\b", re.I),
    re.compile(r"(?<![\w-])(?:up\s+)?to\s+(?:the\s+end\s+of\s+)?march\s+((?:19|20)\d{2})\b", re.I),
    re.compile(r"\b(?P<first>(?:19|20)\d{2})\s+to\s+((?:19|20)\d{2})\b"),  # "in 2019 to 2020": the year 2019/20
]
_FIRST_FULL_YEAR = re.compile(r"\b(?:offence['’]s|its)\s+first\s+(?:full\s+)?year\b|"
                              r"\bfirst\s+(?:full\s+)?year\s+(?:of|after)\s+the\s+(?:new\s+)?(?:offence|law)\b", re.I)
_N = rf"(?:{WORD_RE}|\d+)"
_RELATIVE = [
    (re.compile(r"\b(?:the\s+|a\s+)?(?:previous|preceding|prior)\s+(?:12|twelve)\s+months\b", re.I), -1),
    (re.compile(r"\b(?:12|twelve)\s+months\s+(?:earlier|before|previously)\b", re.I), -1),
    (re.compile(r"\b(?:the|a)\s+year\s+(?:before|earlier|previously|prior)\b", re.I), -1),
    (re.compile(r"\b(?:the\s+)?(?:previous|preceding|prior)\s+year(?:['’]s)?", re.I), -1),
    (re.compile(r"\ba\s+year\s+ago\b", re.I), -1),
    (re.compile(rf"\b(?P<n>{_N})\s+years?\s+(?:earlier|before|previously|ago|prior)\b", re.I), None),
    (re.compile(r"\b(?:the\s+following|the\s+next)\s+year\b|\ba\s+year\s+later\b", re.I), 1),
    (re.compile(rf"\b(?P<n>{_N})\s+years?\s+later\b", re.I), None),
]
_MONTH_YEAR = re.compile(rf"\b(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<m>{MONTHS})\.?,?\s+(?P<y>(?:19|20)\d{{2}}))\b", re.I)


def _safe_find_years(text: str):
    """years.find_years, with spans it cannot read as one year ('aged 13-15') blanked out first."""
    try:
        return find_years(text)
    except YearError:
        pass
    work = text
    for m in re.finditer(r"(?:fy\s*)?\d{2,4}\s*[-/–—]\s*\d{2,4}", text, re.I):
        try:
            find_years(m.group(0))
        except YearError:
            work = work[:m.start()] + " " * (m.end() - m.start()) + work[m.end():]
    try:
        return find_years(work)
    except YearError:
        return [], []


# A sentence about several years at once: its figures may be totals over them.
_MULTI_YEAR = re.compile(r"\bsince\s+(?:(?:april|march|the\s+start\s+of|records\s+began|the\s+law)\b|(?:19|20)\d\d)|"
                         r"\bfrom\s+(?:april\s+)?(?:19|20)\d\d(?:[-/]\d\d)?\s+(?:to|until|and)\s+|\bbetween\s+"
                         r"(?:april\s+)?(?:19|20)\d\d(?:[-/]\d\d)?\s+and\s+|\bin\s+total\b|\bcumulative|"
                         r"\b(?:over|in|across|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?years\b", re.I)
_AGE_AFTER = re.compile(r"\s*-?\s*years?[- ]?olds?\b|\s*-?\s*years?\s+of\s+age\b", re.I)


def _year_spans(s: _Sentence) -> None:
    text = s.text
    work = text
    spans: list[_YearSpan] = []

    def blank(a: int, b: int) -> None:
        nonlocal work
        work = work[:a] + " " * (b - a) + work[b:]

    for pattern in _EXTRA_YEARS:
        for m in pattern.finditer(work):
            if "first" in m.groupdict() and int(m.group("first")) + 1 != int(m.group(2)):
                continue
            end = int(m.group(2) if "first" in m.groupdict() else m.group(1))
            spans.append(_YearSpan(m.start(), m.end(), FinancialYear(end - 1), "fy"))
            blank(m.start(), m.end())
    for m in _FIRST_FULL_YEAR.finditer(work):
        spans.append(_YearSpan(m.start(), m.end(), FinancialYear(2017), "fy"))
        s.measure = s.measure or SCWC
        blank(m.start(), m.end())
    for pattern, offset in _RELATIVE:
        for m in pattern.finditer(work):
            n = offset
            if n is None:
                v = number_value(m.group("n"))
                if v is None or not 1 <= v[0] <= 30:
                    continue
                n = int(v[0]) * (-1 if re.search(r"earlier|before|previously|ago|prior", m.group(0), re.I) else 1)
            spans.append(_YearSpan(m.start(), m.end(), None, "relative", offset=n))
            blank(m.start(), m.end())
    found, ambiguous = _safe_find_years(work)
    for y in found:
        # "aged 15-16" is an age band, not 2015/16
        if re.search(r"aged\s+$", text[max(0, y.start - 8):y.start], re.I) or \
                _AGE_AFTER.match(text[y.end:y.end + 12]) or \
                (re.match(r"\s*-?\s*years?\b", text[y.end:y.end + 8], re.I) and not re.match(r"(?:19|20)\d\d", y.text)):
            continue  # "15-16 year olds" is an age band; "2016-17 year" is still the year 2016/17
        if y.year is None and "year" not in y.text.lower():
            continue  # "the latest figures show" names a release, not a year
        spans.append(_YearSpan(y.start, y.end, y.year, "fy" if y.year else "latest"))
    for y in ambiguous:
        spans.append(_YearSpan(y.start, y.end, None, "bare", calendar_year=int(y.text)))
    spans.sort(key=lambda y: y.start)
    s.years = spans
    for y in spans:
        s.take(y.start, y.end)


# Spans that hold numbers but are never claims.
_NOT_CLAIMS = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b\.?(?:,?\s+(?:19|20)\d{{2}})?", re.I),
    re.compile(rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]?\d)", re.I),
    re.compile(rf"\b(?:{MONTHS})\.?,?\s+(?:19|20)\d{{2}}\b", re.I),
    re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.I),
    re.compile(r"\b\d{1,2}:\d{2}\b"),
    re.compile(r"(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}\)?[\s-]?\d{3,4}(?:[\s-]?\d{3,4})?\b"),
    re.compile(r"\b(?:sections?|s\.|pages?|p\.|pp\.|part|chapter|clause|paragraph|para|schedule|article|rule|"
               r"regulation|no\.|number|item|question|appendix|annex|table|chart|episode|series|room|flat|route|"
               r"junction|level|tier|stage|phase|version|issue|volume|vol\.|grade|key\s+stage|year|class|box|bus|"
               r"channel|platform|gate|unit|ward|plot|lot|act|bill|exhibit|footnote|note|line|figure)\s+\d+[a-z]?\b(?![,.]\d)",
               re.I),
    re.compile(r"\b[A-Za-z]+-\d+[A-Za-z]?\b"),
    re.compile(r"\b\d+[a-z]{1,2}\b", re.I),
    re.compile(r"\b(?:top|bottom)\s+\d+\b", re.I),
    re.compile(r"\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])\b(?![-/]\d)"),  # a release id "2016-06" (years are read first)
    re.compile(rf"\b(?:{MONTHS})\.?(?:\s+(?:19|20)\d{{2}})?\s*[-–]\s*(?:{MONTHS})\.?\s+(?:19|20)\d{{2}}\b", re.I),
    # the base of a rate ("per 100,000 residents") and the count of places a comparison was asked about
    re.compile(r"\b(?:per|for\s+every|in\s+every)\s+(?:1,000|10,000|100,000|1,000,000|1000|10000|100000)\b", re.I),
    re.compile(r"\bof\s+the\s+\d+\s+(?:places\s+)?compared\b", re.I),
    re.compile(r"\b\d+-(?!fold\b|year-olds?\b|years?-old\b)[a-z]+\b", re.I),
    re.compile(r"\b(?:24|twenty-four)\s+hours\s+a\s+day\b|\b(?:7|seven)\s+days\s+a\s+week\b|\b24/7\b|"
               r"\b365\s+days\s+a\s+year\b|\b(?:52|fifty-two)\s+weeks\s+a\s+year\b", re.I),
    re.compile(r"£\s?\d[\d,.]*\s*(?:m|bn|k|million|billion)?", re.I),
    re.compile(r"\b(?:one|1)\s+of\s+(?:the|its|their|our|his|her|my|those|these|only)\b", re.I),
    re.compile(r"\b(?:no|any|every)\s*one\b|\bone\s+(?:another|day|way|thing|person|parent|mother|father|child|girl|"
               r"boy|family|officer)\b", re.I),
]
# Age bands ("aged 10 or under", "13-year-olds", "under-18s"): set aside after the age-fact patterns had their turn.
_AGE_BANDS = [
    re.compile(r"\b(?:aged|ages)\s+(?:between\s+)?(?:\d+|" + WORD_RE + r")(?:\s*(?:-|–|to|and|or)\s*(?:\d+|"
               + WORD_RE + r"|under|younger|over|older|below|above))?(?:\s+(?:and|or)\s+(?:under|younger|over|older))?",
               re.I),
    re.compile(r"\b(?:\d+|" + WORD_RE + r")(?:\s*(?:-|–|to)\s*(?:\d+|" + WORD_RE + r"))?[- ]years?[- ]olds?\b", re.I),
    re.compile(r"\bunder[- ]?\d+s?\b|\bover[- ]\d+s\b|\b\d+s\b|\b\d+\s*(?:and|or)\s+(?:under|younger|over|older)\b",
               re.I),
]
# "Mary, 34, said": a person's age between commas after a name.
_ATTRIBUTION = re.compile(r"\b([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*),\s+(\d{1,3}),\s")
_NOT_NAMES = {"in", "the", "and", "but", "by", "of", "on", "at", "for", "from", "to", "since", "with", "as"}


def _exclusions(s: _Sentence, places_lower: set[str]) -> None:
    text = s.text
    for pattern in _NOT_CLAIMS:
        for m in pattern.finditer(text):
            if m.group(0).strip():
                s.take(m.start(), m.end())
    for m in _ATTRIBUTION.finditer(text):
        name = m.group(1)
        if name.lower() in places_lower or name.split()[0].lower() in _NOT_NAMES or name.lower() in MONTH_NUMBER:
            continue
        if int(m.group(2)) <= 120:
            s.take(m.start(2), m.end(2))


def _exclusions_late(s: _Sentence) -> None:
    """Age bands, set aside after the age-fact patterns have had their turn."""
    for pattern in _AGE_BANDS:
        for m in pattern.finditer(s.text):
            s.take(m.start(), m.end())
