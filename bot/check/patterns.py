"""The phrases that make a number a claim of one kind: ages, multiples, fractions, rates, forces, totals."""

from __future__ import annotations

import re

from .model import D
from .words import DIGITS_RE, DOWN_RE, DOWN_WORDS, UP_RE, UP_WORDS, WORD_RE


# =============================================================================================== patterns
AGE_WORD = rf"(?:{WORD_RE}|\d{{1,2}})"
AGE_PHRASE = (rf"(?P<age>(?:(?:just|only|aged)\s+)?(?:a\s+baby\s+)?(?:under\s+(?:the\s+age\s+of\s+)?(?:one|1)"
              rf"(?:\s+years?\s+old)?|{AGE_WORD}(?:\s+years?\s+old|-years?-old)?|a\s+(?:new-?born\s+)?baby))")
_YOUNGEST = re.compile(rf"\byoungest\s+(?:known\s+|recorded\s+)?(?:victim|child|children|person|target)s?\b"
                       rf"[^.;:]{{0,60}}?\b(?:was|were|is|being|aged|at)\s+(?:just\s+|only\s+)?(?:an?\s+(?=\S+-years?-old))?{AGE_PHRASE}", re.I)
_YOUNG_AS = re.compile(rf"\bas\s+young\s+as\s+(?P<age>{AGE_WORD}(?:\s+years?\s+old)?|a\s+baby)", re.I)
_COMMON_AGE = [
    re.compile(rf"\bmost\s+common\s+age(?:\s+of\s+(?:the\s+)?victims?)?(?:\s+\w+){{0,3}}?\s+(?:was|is|were)\s+"
               rf"(?P<age>{AGE_WORD})\b", re.I),
    re.compile(rf"(?P<age>{AGE_WORD})\s+(?:was|is|being|remained|remains|stayed)\s+the\s+most\s+common\s+age\b", re.I),
    re.compile(rf"\b(?:children|victims|girls|boys|those|youngsters)?\s*aged\s+(?P<age>{AGE_WORD})\s+(?:were|was|are)\s+"
               rf"(?:the\s+)?most\s+(?:common(?:ly)?|frequent(?:ly)?|often)", re.I),
    re.compile(rf"\b(?P<age>{AGE_WORD})-year-olds\s+(?:were|are)\s+(?:the\s+)?most\s+(?:common(?:ly)?|frequent(?:ly)?|"
               rf"often|likely)", re.I),
]
_MULT_WORD = re.compile(r"\b(?P<mw>doubled|doubling|doubles|double|twice|trebled|trebling|trebles|treble|tripled|tripling|"
                        r"triples|triple|quadrupled|quadrupling|quadruple|halved|halving)\b(?![- ](?:check|figures|digits|"
                        r"standards?|lock|murder|bed|click))", re.I)
_MULT_VALUE = {"doub": 2, "twic": 2, "treb": 3, "trip": 3, "quad": 4, "halv": D("0.5")}
_FOLD = re.compile(rf"\b(?P<n>{WORD_RE}|\d+(?:\.\d+)?)[- ]?fold\b", re.I)
_TIMES = re.compile(rf"\b(?P<n>(?:{WORD_RE})(?:\s+and\s+a\s+half)?|\d+(?:\.\d+)?)\s+times\b"
                    r"(?=\s+(?:as\s+(?:many|much|high|large|big|great)|the\b|more|higher|greater|larger|bigger|"
                    r"over|that|what|those|than|in\b|its|their|his|her|since|from|between))", re.I)
_AGAIN = re.compile(r"\bhalf\s+as\s+(?:many|much)\s+again\b|\b(?:a|one)\s+and\s+a\s+half\s+times\b", re.I)
_FRACTION = re.compile(r"\b(?P<f>half|a\s+third|one[- ]third|a\s+quarter|one[- ]quarter|a\s+fifth|one[- ]fifth|"
                       r"a\s+tenth|one[- ]tenth|two[- ]thirds|three[- ]quarters|two[- ]fifths|three[- ]fifths|"
                       r"four[- ]fifths)\b", re.I)
_FRACTION_VALUE = {"half": D("0.5"), "third": D(1) / 3, "quarter": D("0.25"), "fifth": D("0.2"), "tenth": D("0.1"),
                   "two thirds": D(2) / 3, "three quarters": D("0.75"), "two fifths": D("0.4"),
                   "three fifths": D("0.6"), "four fifths": D("0.8")}
_ONE_IN = re.compile(rf"\b(?P<a>{WORD_RE}|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>{WORD_RE}|\d{{1,3}})\b"
                     r"(?!\s*(?:years?|months?|days?|weeks?|%|per\s*cent))", re.I)
_PAREN_PCT = re.compile(r"\s*\((?P<p>\d+(?:\.\d+)?)\s?(?:%|per\s?cent)\)", re.I)
_PCT = re.compile(rf"(?<![\w£$€.,/-])(?P<n>{DIGITS_RE}|\b{WORD_RE})\s?(?:%|per\s?cent\b|percent\b)", re.I)  # "44%", "six per cent"
_RATE_TAIL = re.compile(r"(?:\s+(?!(?:a|an|per|every|each|in|of|year|years)\b)[A-Za-z'’-]+){0,9}?\s+"
                        r"(?:(?:a|an|per|every|each)\s+(?P<u>day|hour|week|month|minute)|(?P<daily>daily))\b", re.I)
_PER_POP = re.compile(rf"(?:\s+(?!(?:for|per|in)\b)[A-Za-z'’-]+){{0,3}}?\s+(?:for|per|in)\s+(?:every\s+)?(?P<n>{DIGITS_RE}|{WORD_RE})"
                      r"\s+(?P<who>children|child|young\s+people|under-18s|people|residents|inhabitants|population)\b", re.I)
# an outlet's domain: a publisher, never a place
_DOMAIN = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:co\.uk|org\.uk|gov\.uk|ac\.uk|com|org|net|uk|news|tv|fm)\b")
_PER_BASE = re.compile(r"\s+per\s+(?P<n>1,000|10,000|100,000|1,000,000|1000|10000|100000)\b", re.I)
_POPULATION_BEFORE = re.compile(r"\bpopulation(?:\s+estimates?)?(?:\s+(?:of|was|is|at|stood\s+at))?\s+(?:about\s+|around\s+)?$", re.I)
_AGE_BAND_AFTER = re.compile(rf"[^.;]{{0,40}}?\bagainst\s+(?:children|victims|girls|boys)\s+(?:aged\s+)?"
                             rf"(?P<age>\d{{1,2}}|{WORD_RE})\s+(?:and|or)\s+(?:under|younger)\b", re.I)
_UNFLAGGED = re.compile(r"[^.;]{0,40}?\b(?:without\s+(?:the|a|an)\s+(?:cyber[- ]?|online\s+)?flag|not\s+(?:cyber[- ]?)?"
                        r"flagged|unflagged|with\s+no\s+(?:cyber[- ]?|online\s+)?flag)\b", re.I)
_WITH_FIGURES = re.compile(r"\s+(?:police\s+)?(?:forces\s+)?(?:with|that\s+have|having)\s+(?:figures|data)\b", re.I)
_FORCES_TAIL = re.compile(rf"(?P<of>\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?P<m>\d+|{WORD_RE}))?(?:\s+(?!(?:offences|crimes|of|years?|months?|since|after|before)\b)"
                          r"[\w-]+){0,2}?\s+(?:police\s+)?forces\b", re.I)
_DIFF_TAIL = re.compile(r"\s+(?:(?:such\s+|more\s+|extra\s+|additional\s+)?(?:offences|offence|crimes|cases|incidents|"
                        r"reports)\s+)?(?P<dir>more|fewer|less|higher|lower|extra|additional)\b(?!\s+(?:than\s+)?"
                        r"(?:\d|" + WORD_RE + r"))", re.I)
_DIFF_TAIL_THAN = re.compile(r"\s+(?:(?:such\s+|more\s+)?(?:offences|offence|crimes|cases|incidents)\s+)?"
                             r"(?P<dir>more|fewer|less|higher|lower)\s+than\b", re.I)
_DIFF_HEAD = re.compile(rf"(?:\b(?P<v>{UP_WORDS}|{DOWN_WORDS})\s+by|\b(?:an?\s+)?(?P<n>increase|rise|fall|drop|"
                        r"decrease|reduction|jump)\s+of|\b(?P<u>up|down)|\b(?P<x>an?\s+(?:extra|additional)))\s+$", re.I)
# "an extra 427", "an additional 427", "427 more", "up 427": a DIFFERENCE (new - old), never a level. Read as a
# count it would be checked against one year's figure and, worse, used as the base of the sentence's percentage.
_PERIOD = re.compile(rf"\b(?P<pre>in|over|across|within|during|after|in\s+the\s+space\s+of)\s+(?P<adv>(?:just|only|"
                     rf"less\s+than|more\s+than|under|nearly|almost)\s+)?(?P<n>{WORD_RE}|\d+|a|a\s+single)\s+"
                     r"(?P<unit>years?|months?)\b", re.I)
_PERIOD_AGO = re.compile(rf"\b(?P<n>{WORD_RE}|\d+)\s+years?\s+(?P<rel>earlier|before|ago|later|previously)\b", re.I)
_TOTAL_TAIL = re.compile(rf"(?:\s+[\w'’-]+){{0,4}}?\s+(?:across|between|for|in|over|from)\s+(?:all\s+)?the\s+"
                         rf"(?P<k>{WORD_RE}|\d+)\s+(?P<what>forces|force\s+areas|areas|years|financial\s+years)\b", re.I)
_TOTAL_YEARS_TAIL = re.compile(rf"(?:\s+[\w'’-]+){{0,3}}?\s+(?:in|over|across|during)\s+(?:the\s+(?:past|last)\s+|"
                               rf"just\s+|only\s+)?(?P<k>{WORD_RE}|\d+)\s+(?:financial\s+)?years\b", re.I)
_TOTAL_HEAD = re.compile(rf"\b(?:over|across|in|during)\s+the\s+(?:(?:past|last)\s+)?(?P<k>{WORD_RE}|\d+)\s+"
                         r"(?:financial\s+)?years\b", re.I)
_BETWEEN_THEM = re.compile(r"\b(?:between\s+them|combined|altogether|in\s+total|together)\b", re.I)
_SUM_OF = re.compile(r"\b(?:sum|total)\s+of\s+(?:the\s+)?[^.;]{0,50}\b(?:forces|areas)\b[^.;]{0,30}:\s*$", re.I)
_MAKING = re.compile(r"\b(?:making|a\s+combined|bringing\s+the\s+total\s+to|totalling|totaling)\s+$", re.I)
_COUNT_WORD = re.compile(rf"(?:\b(?:the|just|only|was|were|is|at|reached|of|from|to|and)\s+)(?P<w>{WORD_RE})\s+(?=(?:recorded|logged|reported|offences|"
                         r"crimes|cases|incidents|in\s+\d{4}|a\s+year\s+earlier|the\s+year\s+before)\b)|"
                         rf"\b(?P<w2>{WORD_RE})\s+(?=(?:[a-z-]+\s+){{0,4}}?(?:offences|crimes|cases|incidents)\b)|"
                         rf"^(?P<w3>{WORD_RE})\s+(?=of\s+(?:those|these|the|them)\b)|"  # "Seventeen of those offences"
                         rf"\b(?:risen|rose|fallen|fell|dropped|climbed|increased|decreased|grew|up|down)\s+(?:to|from)\s+"
                         rf"(?P<w4>{WORD_RE})\b(?!\s+(?:years?|months?|times|per))|"  # "had risen to fifty-six"
                         rf"\b(?:recorded|logged|reported|counted)\s+(?:(?:more|fewer|less)\s+than\s+|nearly\s+|almost\s+|"
                         rf"about\s+|around\s+|over\s+|just\s+)?(?P<w5>{WORD_RE})\b(?!\s+(?:years?|months?|times|"
                         r"forces|per|of\s+the))", re.I)  # "logged more than a hundred"
_SHARE_TOTAL = re.compile(r"\b(?:regional|region['’]s|welsh|national|country['’]s|county['’]s|force['’]s|force)\s+"
                          r"(?:total|figure|number|count)\b|\b(?:total|figure|number)\s+(?:for|across|in)\s+the\s+"
                          r"(?:whole\s+)?(?:region|country)\b", re.I)
_BREAKDOWN_WORDS = re.compile(r"\b(?:girls?|boys?|female|male|sex|gender|snapchat|instagram|facebook|whatsapp|"
                              r"tiktok|kik|apps?|platforms?|sites?|charged?|charges|convict\w*|prosecut\w*|"
                              r"outcomes?|suspects?|perpetrators?|offenders?|strangers?|known\s+to)\b", re.I)


_YEAR_ON_YEAR = re.compile(r"\b(?:in\s+(?:a|one)\s+year|in\s+the\s+space\s+of\s+a\s+year|year[- ]on[- ]year|"
                           r"(?:on|than)\s+(?:the\s+)?(?:previous|last|prior)\s+year|in\s+12\s+months|"
                           r"annual\s+(?:rise|increase|fall|drop|change|growth))\b", re.I)
# Words that end the link between a figure and a year written near it ("361 in 2016/17, up from 63").
_LINK_BREAK = re.compile(r"[;:()–—]|\b(?:is|was|were|are|as|than|times|half|double|doubled|treble|trebled|up|down|"
                         r"from|compared|against|versus|vs|more|fewer|rise|rose|fall|fell|increase|decrease|while|"
                         r"whereas|but|and|or|to)\b", re.I)


# "721 offences were recorded in 2018/19": the passive verb does not end the figure's link to its year.
_PASSIVE = re.compile(r"\b(?:were|was)\s+(?:recorded|logged|reported|registered)\b", re.I)


def _direction(s: str, start: int, end: int) -> int:
    """+1 for a rise, -1 for a fall, 0 when the words do not say (nearest cue wins)."""
    before = s[max(0, start - 45):start]
    after = s[end:end + 30]
    best = (999, 0)
    for m in UP_RE.finditer(before):
        best = min(best, (len(before) - m.end(), 1))
    for m in DOWN_RE.finditer(before):
        best = min(best, (len(before) - m.end(), -1))
    for m in UP_RE.finditer(after):
        best = min(best, (m.start() + 1, 1))
    for m in DOWN_RE.finditer(after):
        best = min(best, (m.start() + 1, -1))
    return best[1]
