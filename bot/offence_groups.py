"""The offence groups of police recorded crime: one vocabulary for the importers, the questions and the checker.

Why one module: the Home Office and ONS tables name the same groups differently ("Death or serious
injury caused by illegal driving" / "- unlawful driving", "Miscellaneous crimes" / "... against
society", "All other theft offences" / "Other theft offences"), publish some totals and not others,
and changed the burglary classification in April 2017. Each importer maps a published label to a
group id here; each answer composes totals from the parts here. Nothing else spells a group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class OffenceGroup:
    id: str
    label: str  # as an answer writes it ("violence against the person")
    published: tuple[str, ...] = ()  # labels as the tables print them (compared by normal_label)
    parts: tuple[str, ...] = ()  # the groups it is the sum of, when a table does not publish it
    fraud: bool = False  # fraud is outside the ONS headline total


GROUPS: dict[str, OffenceGroup] = {g.id: g for g in [
    OffenceGroup("total_excluding_fraud", "total recorded crime (excluding fraud)",
                 ("Total recorded crime (excluding fraud)", "Total recorded crime excluding fraud",
                  "Total recorded crime - excluding fraud"),
                 ("violence_against_the_person", "sexual_offences", "robbery", "theft_offences",
                  "criminal_damage_and_arson", "drug_offences", "possession_of_weapons_offences",
                  "public_order_offences", "miscellaneous_crimes_against_society")),
    OffenceGroup("violence_against_the_person", "violence against the person", ("Violence against the person",),
                 ("homicide", "death_or_serious_injury_unlawful_driving", "violence_with_injury",
                  "violence_without_injury", "stalking_and_harassment")),
    OffenceGroup("homicide", "homicide", ("Homicide",)),
    OffenceGroup("death_or_serious_injury_unlawful_driving", "death or serious injury caused by unlawful driving",
                 ("Death or serious injury - unlawful driving", "Death or serious injury caused by illegal driving",
                  "Death or serious injury caused by unlawful driving")),
    OffenceGroup("violence_with_injury", "violence with injury", ("Violence with injury",)),
    OffenceGroup("violence_without_injury", "violence without injury", ("Violence without injury",)),
    OffenceGroup("stalking_and_harassment", "stalking and harassment", ("Stalking and harassment",)),
    OffenceGroup("sexual_offences", "sexual offences", ("Sexual offences",)),
    OffenceGroup("robbery", "robbery", ("Robbery",)),
    OffenceGroup("theft_offences", "theft offences", ("Theft offences",),
                 ("burglary", "vehicle_offences", "theft_from_the_person", "bicycle_theft", "shoplifting",
                  "other_theft_offences")),
    # Burglary: domestic + non-domestic to 2016/17, residential + non-residential from 2017/18.
    OffenceGroup("burglary", "burglary", ("Burglary",),
                 ("domestic_burglary", "non_domestic_burglary", "residential_burglary", "non_residential_burglary")),
    OffenceGroup("domestic_burglary", "domestic burglary", ("Domestic burglary",)),
    OffenceGroup("non_domestic_burglary", "non-domestic burglary", ("Non-domestic burglary",)),
    OffenceGroup("residential_burglary", "residential burglary", ("Residential burglary",)),
    OffenceGroup("non_residential_burglary", "non-residential burglary", ("Non-residential burglary",)),
    OffenceGroup("vehicle_offences", "vehicle offences", ("Vehicle offences",)),
    OffenceGroup("theft_from_the_person", "theft from the person", ("Theft from the person",)),
    OffenceGroup("bicycle_theft", "bicycle theft", ("Bicycle theft",)),
    OffenceGroup("shoplifting", "shoplifting", ("Shoplifting",)),
    OffenceGroup("other_theft_offences", "other theft offences", ("Other theft offences", "All other theft offences")),
    OffenceGroup("criminal_damage_and_arson", "criminal damage and arson", ("Criminal damage and arson",)),
    OffenceGroup("drug_offences", "drug offences", ("Drug offences",)),
    OffenceGroup("possession_of_weapons_offences", "possession of weapons offences",
                 ("Possession of weapons offences", "Possession of weapons")),
    OffenceGroup("public_order_offences", "public order offences", ("Public order offences",)),
    OffenceGroup("miscellaneous_crimes_against_society", "miscellaneous crimes against society",
                 ("Miscellaneous crimes against society", "Miscellaneous crimes")),
    OffenceGroup("fraud_offences", "fraud offences", ("Fraud offences",), fraud=True),
    OffenceGroup("fraud_action_fraud", "fraud recorded by Action Fraud", ("Action Fraud",), fraud=True),
    OffenceGroup("fraud_cifas", "fraud recorded by CIFAS", ("CIFAS",), fraud=True),
    OffenceGroup("fraud_uk_finance", "fraud recorded by UK Finance", ("UK Finance",), fraud=True),
]}

# Burglary's classification changed from April 2017: periods ending on or after this use the new parts.
BURGLARY_CHANGE = "2017-04-01"
OLD_BURGLARY = ("domestic_burglary", "non_domestic_burglary")
NEW_BURGLARY = ("residential_burglary", "non_residential_burglary")

_FOOTNOTE = re.compile(r"\s*(\[note\s*\d+\]|\d+)\s*$", re.I)


def normal_label(text: str) -> str:
    """A published header or label, compared without case, spacing, footnote digits or '[note 2]'."""
    text = " ".join(str(text).replace("\u00a0", " ").split())
    while True:
        stripped = _FOOTNOTE.sub("", text)
        if stripped == text:
            break
        text = stripped
    return text.casefold().replace("&", "and")


_BY_LABEL = {normal_label(label): g.id for g in GROUPS.values() for label in g.published}


def group_for_label(text: str) -> str | None:
    """The group id a published label means, or None when it is not a group we know."""
    return _BY_LABEL.get(normal_label(text))


def leaves(group_id: str) -> tuple[str, ...]:
    """The published leaf groups a group is the sum of (itself when it is a leaf)."""
    group = GROUPS[group_id]
    if not group.parts:
        return (group_id,)
    return tuple(leaf for part in group.parts for leaf in leaves(part))
