"""Reporters' words for data.police.uk street categories, and where a word means something else elsewhere."""

from __future__ import annotations

import re

# word -> (categories, note when the force tables use the word differently)
WORDS: list[tuple[str, list[str], str]] = [
    ("anti-social behaviour", ["Anti-social behaviour"], ""),
    ("anti social behaviour", ["Anti-social behaviour"], ""),
    ("antisocial behaviour", ["Anti-social behaviour"], ""),
    ("asb", ["Anti-social behaviour"], ""),
    ("violence and sexual offences", ["Violence and sexual offences"], ""),
    ("violent crime", ["Violence and sexual offences"],
     "'violent crime' here is police.uk's 'Violence and sexual offences', which includes sexual offences, "
     "unlike the force tables' violence against the person"),
    ("violence", ["Violence and sexual offences"],
     "'violence' here is police.uk's 'Violence and sexual offences', which includes sexual offences"),
    ("criminal damage", ["Criminal damage and arson"], ""),
    ("arson", ["Criminal damage and arson"], ""),
    ("bicycle theft", ["Bicycle theft"], ""), ("bike theft", ["Bicycle theft"], ""),
    ("theft from the person", ["Theft from the person"], ""),
    ("vehicle crime", ["Vehicle crime"], ""), ("car crime", ["Vehicle crime"], ""),
    ("other theft", ["Other theft"], ""), ("other crime", ["Other crime"], ""),
    ("possession of weapons", ["Possession of weapons"], ""), ("weapons", ["Possession of weapons"], ""),
    ("public order", ["Public order"], ""),
    ("shoplifting", ["Shoplifting"], ""),
    ("burglary", ["Burglary"], ""), ("burglaries", ["Burglary"], ""),
    ("robbery", ["Robbery"], ""), ("robberies", ["Robbery"], ""),
    ("drugs", ["Drugs"], ""), ("drug", ["Drugs"], ""),
    ("theft", ["Bicycle theft", "Other theft", "Shoplifting", "Theft from the person"],
     "'theft' here is police.uk's bicycle theft, shoplifting, theft from the person and other theft "
     "(vehicle crime and burglary are separate categories)"),
]


def categories(text: str) -> tuple[list[str] | None, str, str]:
    """(categories or None for all crime, note, the word matched) for the first street word in text."""
    low = text.lower()
    for word, cats, note in WORDS:
        if re.search(r"(?<![a-z])" + re.escape(word) + r"(?![a-z])", low):
            return cats, note, word
    return None, "", ""


def mentions_asb(text: str) -> bool:
    cats, _, _ = categories(text)
    return cats == ["Anti-social behaviour"]
