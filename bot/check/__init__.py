"""Copy -> claims -> verdicts: check the numbers in a draft against the data and against themselves.

How it reads a paragraph (no lookup of known sentences: general rules only):

1. Text is cleaned as questions are (parse.clean), split into paragraphs and sentences.
2. Each sentence is scanned for numbers (digits and number words). Numbers that are not claims are set
   aside first: years (years.find_years plus a few newsroom forms), dates, times, phone numbers, section and
   page numbers, "Covid-19", ages in an attribution ("Mary, 34, said"), age bands ("aged 10 or under").
3. Local patterns turn the rest into claims of one kind: age facts, multiples ("more than trebled"),
   fractions ("almost half", "one in five"), percentages (a change, or a share "of the total"), rates
   ("15 a day"), forces responding ("39 forces"), differences ("18 more"), periods ("in three years"),
   totals ("421 over the two years") and counts ("323 offences in 2016/17").
4. Each claim is tied to a place (places.Gazetteer.find, located in the sentence: the nearest name, a name
   right after "across"/"by", else the paragraph's earlier subject, else the national total), a year
   (explicit, or relative: "the previous 12 months", "five years earlier") and a measure ("grooming" is the
   sexual communication series). Years missing from the copy are inferred from the figures.
5. The release under discussion is what the copy says ("figures published in June 2016") or else the
   earliest release consistent with every figure the copy quotes. A figure is checked against what that
   release (or the latest before it) settled on: a figure a later release revised away, a lone outlet's
   misprint, or a wrong number is `inaccurate`; a force or year the data lacks is `unverifiable`.
6. Percentages, multiples, fractions, differences, totals and periods are checked against the copy's own
   figures first (the pair in the sentence or the one before), else against the data, with the arithmetic
   of bot.numbers and the tolerance the wording admits ("more than", "nearly", shown decimals).
7. Sentences about several places are read as reporters write them, because pairing the wrong two numbers is
   what makes a checker cry wolf: a change word binds to the from-to pair ("from 59 to 229", "229, up from
   59") before it in its clause ("respectively" maps the k-th change to the k-th pair, the k-th figure to the
   k-th place); a figure binds to the place named in its own clause first; "an extra 427"/"427 more"/"up 427"
   is a difference, never a level, and a percentage beside it is about the two levels (old = new - 427 when
   the data lacks the old one); a fraction after "X of Y", "of them" or "accounted for" is a share; "between
   them"/"combined"/"together" with several places named sums their figures; "more/fewer than <place>" and
   "the only one of the N forces to see a fall" are checked, but only when both places (or every force's pair)
   and the year are plain. A plain multiple is a floor reporters round to (x3.30 is "a three-fold increase").

The stages, one module each, in the order a check runs them (checker.Checker strings them together):
text (clean, split, set aside years and non-claims) -> mentions (numbers into claims of one kind, with
patterns and relations) -> context (place, measure, year, release) -> facts / pairs (candidate figures
from the data and from the copy) -> verdicts (dispatch, and a second reading before any ❌) -> levels,
changes, shares, totals (the checks by kind) -> wording (figures, arithmetic and sources in words).

Public: check(text) -> CheckResult (.claims, .summary, .to_json()), plain_text(result).
"""

from .checker import Checker, check, get_checker
from .model import ICONS, MAX_CHARS, VERDICTS, CheckResult, Claim, plain_text

__all__ = ["Checker", "CheckResult", "Claim", "ICONS", "MAX_CHARS", "VERDICTS", "check", "get_checker", "plain_text"]
