"""Hypothesis strategies for random and hostile text, shared by tests/test_fuzz.py (bounded) and
bench/fuzz_bench.py (the long run): SQL fragments, quotes, control characters, RTL and zero-width
characters, emoji, Slack markup, 10 KB inputs, and every place name and alias with noise."""

from __future__ import annotations

from hypothesis import strategies as st

SQL = ["'; DROP TABLE figures; --", "' OR '1'='1", "1; DELETE FROM reports", "UNION SELECT * FROM figures --",
       "$geography", "$year", "?", "%s", "{}", "{{7*7}}", "${7*7}", "\\", "/*", "*/", "--", ";", "COPY figures TO '/tmp/x'",
       "ATTACH '/etc/passwd' AS x", "SET threads=64", "PRAGMA", "read_csv('/etc/passwd')", "NULL", "\\x00"]
QUOTES = ["'", '"', "‘", "’", "“", "”", "«", "»", "`", "```", "''", '""']
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x1b[31m", "\r", "\n", "\r\n", "\t", "\x0b", "\x0c", "\x7f", "\x85", "\u2028"]
INVISIBLE = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d",
             "\u2060", "\ufeff", "\u00ad", "\u180e"]
EMOJI = ["🚓", "👮🏽‍♀️", "🇬🇧", "🏴󠁧󠁢󠁷󠁬󠁳󠁿", "📈", "🙂", "❤️", "1️⃣", "👍🏿"]
SLACK = ["<!channel>", "<!here|here>", "<!everyone>", "<@U999|boss>", "<#C1|general>", "<https://x.org|link>", "*", "_", "~",
         "&amp;", "&lt;", "&gt;", "<", ">", "|"]
NUMBERS = ["2016/17", "2016-17", "16/17", "FY2016/17", "2017", "year to March 2017", "0", "-1", "1e308", "999999999999",
           "½", "٣", "１２３", "3.3", "573%", "100,000", "one in five", "trebled", "nine-fold", "NaN", "inf"]
WORDS = ["vs", "v", "versus", "from", "to", "top", "bottom", "rank", "rate", "per capita", "grooming", "sources", "help",
         "check", "compare", "and", "latest", "last year", "private", "just me", "national", "england and wales",
         "region", "recorded", "offences", "up from", "a rise of", "Police", "Constabulary", "the Met", "GMP"]
BIG = 10 * 1024  # characters: a long pasted article, or a flood
HOSTILE_FRAGMENTS = SQL + QUOTES + CONTROL + INVISIBLE + EMOJI + SLACK + NUMBERS + WORDS


def place_names() -> list[str]:
    """Every place name and alias the data knows."""
    from bot.answer import get_answerer

    names: list[str] = []
    for (name, _), aliases in get_answerer().aliases.items():
        names += [name, *aliases]
    return sorted(set(names))


@st.composite
def noisy(draw, word: str) -> str:
    """A name as a hurried or hostile writer might type it: case, a typo, an invisible character inside."""
    how = draw(st.sampled_from(["as is", "upper", "lower", "drop", "double", "swap", "invisible", "emoji"]))
    if how == "upper":
        return word.upper()
    if how == "lower":
        return word.lower()
    if len(word) < 2 or how == "as is":
        return word
    i = draw(st.integers(0, len(word) - 2))
    if how == "drop":
        return word[:i] + word[i + 1:]
    if how == "double":
        return word[:i] + word[i] + word[i:]
    if how == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    filler = draw(st.sampled_from(INVISIBLE if how == "invisible" else EMOJI))
    return word[:i] + filler + word[i:]


def texts(places: list[str]) -> st.SearchStrategy[str]:
    """Questions and copy: random Unicode, hostile fragments, names with noise, and 10 KB of it all."""
    fragment = st.one_of(st.sampled_from(HOSTILE_FRAGMENTS), st.sampled_from(places).flatmap(noisy),
                         st.text(max_size=12))
    mixed = st.lists(fragment, max_size=12).flatmap(
        lambda parts: st.sampled_from([" ", "", "\n", ", "]).map(lambda sep: sep.join(parts)))
    big = mixed.map(lambda part: ((part or "x ") * (BIG // max(1, len(part or "x ")) + 1))[:BIG])
    question = st.tuples(st.sampled_from(places).flatmap(noisy), st.sampled_from(NUMBERS), mixed).map(" ".join)
    return st.one_of(st.text(), mixed, question, big)


def copy_texts(places: list[str]) -> st.SearchStrategy[str]:
    """Copy to check: sentences with figures, places and hostile fragments between them."""
    sentence = st.tuples(st.sampled_from(places).flatmap(noisy), st.sampled_from(WORDS), st.sampled_from(NUMBERS),
                         st.sampled_from(HOSTILE_FRAGMENTS), st.sampled_from(NUMBERS)).map(lambda p: " ".join(p) + ".")
    return st.one_of(texts(places), st.lists(sentence, min_size=1, max_size=20).map(" ".join))
