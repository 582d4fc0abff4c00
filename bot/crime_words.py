"""A reporter's offence words -> a police recorded crime offence group (bot/offence_groups.py).

Why a module of its own: the same words decide which series answers. "burglary" or "crime" means the
Home Office / ONS police recorded crime tables; "online", "cyber", "grooming" or "child" keep the
NSPCC cyber-flag series, which those tables cannot give. Words the tables have no group for
("knife crime") get the nearest published group named, never a figure passed off as the one asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Longest phrases first: each pattern's match is blanked before the next is tried.
OFFENCE_WORDS: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), g) for p, g in [
    (r"\btotal\s+recorded\s+crimes?\b(?:\s+\(?excluding\s+fraud\)?)?", "total_excluding_fraud"),
    (r"\b(?:police\s+)?recorded\s+crimes?\b", "total_excluding_fraud"),
    (r"\ball\s+(?:recorded\s+)?crimes?\b", "total_excluding_fraud"),
    (r"\bviolence\s+against\s+the\s+person\b|\bvap\b", "violence_against_the_person"),
    (r"\bviolence\s+with(?:out)?\s+injury\b", None),  # resolved below (with / without)
    (r"\bviolent\s+crimes?\b|\bviolence\b", "violence_against_the_person"),
    (r"\bstalking(?:\s+and\s+harassment)?\b|\bharassment\b", "stalking_and_harassment"),
    (r"\bhomicides?\b|\bmurders?\b|\bmanslaughters?\b", "homicide"),
    (r"\bnon[\s-]+domestic\s+burglar(?:y|ies)\b", "non_domestic_burglary"),
    (r"\bdomestic\s+burglar(?:y|ies)\b", "domestic_burglary"),
    (r"\bnon[\s-]+residential\s+burglar(?:y|ies)\b", "non_residential_burglary"),
    (r"\bresidential\s+burglar(?:y|ies)\b", "residential_burglary"),
    (r"\bburglar(?:y|ies)\b|\bbreak[\s-]*ins?\b|\bhouse\s*breaking\b", "burglary"),
    (r"\bshoplifting\b|\bshop\s+theft\b", "shoplifting"),
    (r"\bbicycle\s+thefts?\b|\bbike\s+thefts?\b|\bcycle\s+thefts?\b", "bicycle_theft"),
    (r"\btheft\s+from\s+the\s+person\b|\bpickpocket\w*\b", "theft_from_the_person"),
    (r"\bvehicle\s+(?:crimes?|offences?|thefts?)\b|\bcar\s+crimes?\b|\bcar\s+thefts?\b", "vehicle_offences"),
    (r"\b(?:theft\s+offences|thefts?)\b", "theft_offences"),
    (r"\brobber(?:y|ies)\b|\bmuggings?\b", "robbery"),
    (r"\bsex(?:ual)?\s+offences?\b|\bsex(?:ual)?\s+crimes?\b", "sexual_offences"),
    (r"\bdrugs?\s+(?:offences?|crimes?)\b|\bdrugs\b", "drug_offences"),
    (r"\b(?:possession\s+of\s+)?weapons?(?:\s+(?:possession|offences?))?\b", "possession_of_weapons_offences"),
    (r"\bpublic\s+order(?:\s+offences?)?\b", "public_order_offences"),
    (r"\bcriminal\s+damage(?:\s+and\s+arson)?\b|\barson\b|\bvandalism\b", "criminal_damage_and_arson"),
    (r"\bmiscellaneous\s+crimes?(?:\s+against\s+society)?\b", "miscellaneous_crimes_against_society"),
    (r"\bfraud\b", "fraud_offences"),
    (r"\bcrimes?\b", "total_excluding_fraud"),
]]

# Words the tables have no group for: (pattern, what was asked, the nearest published group, why).
NOT_IN_TABLES: list[tuple[re.Pattern, str, str, str]] = [(re.compile(p, re.I), a, g, w) for p, a, g, w in [
    (r"\bknife\s+crimes?\b|\bknives\b|\bstabbings?\b", "knife crime", "possession_of_weapons_offences",
     "knife crime (offences involving a knife or sharp instrument) is counted by the ONS in separate tables; "
     "possession of weapons offences covers only possessing one, not using one in another offence"),
    (r"\bhate\s+crimes?\b", "hate crime", "public_order_offences",
     "hate crime is a flag across offence groups, published by the Home Office separately; most racially or "
     "religiously aggravated offences fall in public order offences and violence against the person"),
    (r"\bdomestic\s+(?:abuse|violence)\b", "domestic abuse", "violence_against_the_person",
     "domestic abuse is a flag across offence groups, published by the ONS separately"),
    (r"\banti[\s-]*social\s+behaviou?r\b|\basb\b", "anti-social behaviour", "public_order_offences",
     "anti-social behaviour incidents are not crimes and are not in recorded crime (data.police.uk publishes them)"),
    (r"\bgun\s+crimes?\b|\bfirearms?\s+offences?\b", "gun crime", "possession_of_weapons_offences",
     "offences involving firearms are counted by the ONS in separate tables"),
]]

# Words that mean the NSPCC cyber-flag series: a recorded-crime word beside them does not switch series.
NSPCC_WORDS = re.compile(r"\b(online|on-?line|internet|cyber\w*|grooming|child(?:ren)?'?s?|under[\s-]?18s?|"
                         r"web|social\s+media|flag(?:ged)?|nspcc|sexual\s+communication|indecently|platforms?)\b",
                         re.I)
# A group that both series could mean: answered from recorded crime, with the other command offered.
BOTH_SERIES = {"sexual_offences"}


@dataclass
class OffenceWords:
    group: str
    written: str
    rest: str  # the text with the offence words blanked out


def offence_keyword(group: str) -> str:
    """The words that ask for a group again, for commands written back as suggestions."""
    from .offence_groups import GROUPS

    return "total recorded crime" if group == "total_excluding_fraud" else GROUPS[group].label


class NotInTables(ValueError):
    def __init__(self, asked: str, nearest: str, why: str):
        super().__init__(asked)
        self.asked, self.nearest, self.why = asked, nearest, why


def take_offence(text: str) -> OffenceWords | None:
    """The offence group the words ask for, or None (the NSPCC series keeps the question).

    Raises NotInTables for an offence the recorded crime tables do not publish.
    """
    if NSPCC_WORDS.search(text):
        return None
    for pattern, asked, nearest, why in NOT_IN_TABLES:
        if pattern.search(text):
            raise NotInTables(asked, nearest, why)
    for pattern, group in OFFENCE_WORDS:
        m = pattern.search(text)
        if not m:
            continue
        if group is None:
            group = "violence_without_injury" if "without" in m.group(0).lower() else "violence_with_injury"
        rest = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
        # "crime rate", "recorded crime figures": any further crime word is part of the same ask
        rest = re.sub(r"\b(?:police\s+recorded|recorded|crimes?|offences?)\b", " ", rest, flags=re.I)
        return OffenceWords(group, m.group(0), rest)
    return None


BTP_WORDS = re.compile(r"\b(?:includ\w*|with)\s+(?:the\s+)?(?:btp|british\s+transport\s+police)\b", re.I)


def read_recorded(request, work: str) -> str:
    """bot/parse.py's hook: set request.offence (and periods that are not financial years) when the words
    ask for police recorded crime; the text left for places and years is returned."""
    from .parse import ParseError
    from .offence_groups import GROUPS

    try:
        found = take_offence(work)
    except NotInTables as err:
        nearest = GROUPS[err.nearest].label
        raise ParseError(f"“{err.asked}” is not in the police recorded crime tables by force: {err.why}. The nearest "
                         f"published group is {nearest}, which is not the same figure.",
                         [f"durham {nearest} 2017/18", "durham crime 2017/18"]) from None
    if found is None:
        return work
    from .periods import take_periods

    request.offence = found.group
    work = found.rest
    m = BTP_WORDS.search(work)
    if m:
        request.include_btp = True
        work = work[:m.start()] + " " + work[m.end():]
    request.periods, work = take_periods(work)
    return work
