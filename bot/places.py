"""Place names as reporters write them -> geographies in the data.

Names and aliases come from data/geographies.csv; a few newsroom shorthands that the data file does
not carry ("yorkshire", "nationally", "the met") are added here. Typos are matched with rapidfuzz's
plain edit-distance ratio (not partial matching, so "lancs" is not silently taken for Lancashire):
a close match is accepted and said, a middling one becomes "did you mean ...?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

# Accept a typo at or above this ratio (durhm -> durham is 90.9, northumbira -> northumbria 90.9);
# offer it as a suggestion at or above SUGGEST.
ACCEPT = 85.0
SUGGEST = 60.0
MIN_FUZZY_LENGTH = 4

# Newsroom shorthands not in geographies.csv: (alias, canonical name, geography type).
EXTRA_ALIASES: list[tuple[str, str, str]] = [
    ("yorkshire", "Yorkshire and The Humber", "region"),
    ("yorkshire and humberside", "Yorkshire and The Humber", "region"),
    ("northeast", "North East", "region"),
    ("north east england", "North East", "region"),
    ("northwest", "North West", "region"),
    ("north west england", "North West", "region"),
    ("southwest", "South West", "region"),
    ("south west england", "South West", "region"),
    ("southeast", "South East", "region"),
    ("south east england", "South East", "region"),
    ("east anglia", "East of England", "region"),
    ("welsh forces", "Wales", "region"),
    ("england and wales", "England and Wales", "nation"),
    ("e and w", "England and Wales", "nation"),
    ("national", "England and Wales", "nation"),
    ("nationally", "England and Wales", "nation"),
    ("nationwide", "England and Wales", "nation"),
    ("national total", "England and Wales", "nation"),
    ("the country", "England and Wales", "nation"),
    ("met", "Metropolitan Police", "force"),
    ("london met", "Metropolitan Police", "force"),
    ("scotland yard", "Metropolitan Police", "force"),
    ("manchester", "Greater Manchester", "force"),
    ("avon", "Avon and Somerset", "force"),
    ("somerset", "Avon and Somerset", "force"),
    ("devon", "Devon and Cornwall", "force"),
    ("cornwall", "Devon and Cornwall", "force"),
    ("dyfed", "Dyfed-Powys", "force"),
    ("powys", "Dyfed-Powys", "force"),
    ("northern ireland police", "Police Service of Northern Ireland", "force"),
    ("scottish police", "Police Scotland", "force"),
]

# Words that carry no place: dropped when they sit between place names ("compare durham and cleveland").
STOPWORDS = set("""
a an the and or & in for of on by at to from with vs v versus against between compared compare comparison
what whats how many much were was there is are did do does show me give tell please can you i we our
offences offence offenses crimes crime child children childrens sexual sex online internet cyber flag flagged
recorded record figures figure figs numbers number data stats statistics total totals police force forces
constabulary service area areas change changes rise rises rose fall falls fell trend trends over time years
year since per capita head rate rates population people residents top rank ranked ranking rankings league table
highest lowest most least worst best all every each region regions regional nation breakdown sources source
private just only dm grooming communication communicating indecently scwc abuse cases incidents
latest last recent most newest this financial fy
""".split())

NATIONAL_WORDS = {"national", "nationally", "nationwide", "national total", "the country"}


@dataclass(frozen=True)
class Place:
    name: str
    geography_type: str  # force | region | nation
    code: str | None = None
    region: str | None = None
    population: int | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.name, self.geography_type)


@dataclass
class PlaceMatch:
    place: Place
    written: str
    how: str  # exact | fuzzy
    score: float = 100.0


@dataclass
class Unknown:
    """Words that look like a place but match none well enough; `suggestions` are the nearest names."""

    written: str
    suggestions: list[Place] = field(default_factory=list)


def normalise(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


class Gazetteer:
    """Every way of naming every geography, built from the geographies table."""

    def __init__(self, geographies: list[dict]):
        self.places: dict[tuple[str, str], Place] = {}
        self.aliases: dict[tuple[str, ...], Place] = {}
        by_name: dict[str, list[Place]] = {}
        for g in geographies:
            place = Place(g["name"], g["geography_type"], g.get("code"), g.get("region"), g.get("population_mid2018"))
            self.places[place.key] = place
            by_name.setdefault(g["name"], []).append(place)
        for g in geographies:
            place = self.places[(g["name"], g["geography_type"])]
            names = [g["name"], *(g.get("aliases") or [])]
            if place.geography_type == "force":
                names += [g["name"] + " police", g["name"] + " constabulary", g["name"] + " police force"]
            for name in names:
                key = tuple(normalise(name).split())
                # A name that is both a force and a region (West Midlands) means the force unless
                # the reporter says "region": forces are what most questions are about.
                if key in self.aliases and self.aliases[key].geography_type == "force":
                    continue
                self.aliases[key] = place
        for alias, name, kind in EXTRA_ALIASES:
            self.aliases.setdefault(tuple(normalise(alias).split()), self.places[(name, kind)])
        self.longest = max(len(k) for k in self.aliases)
        self._choices = {" ".join(k): p for k, p in self.aliases.items()}
        self.ambiguous_names = {name for name, places in by_name.items() if len(places) > 1}

    def get(self, name: str, geography_type: str) -> Place:
        return self.places[(name, geography_type)]

    def forces(self) -> list[Place]:
        return [p for p in self.places.values() if p.geography_type == "force"]

    def find(self, text: str, fuzzy_when=None) -> tuple[list[PlaceMatch], list[Unknown]]:
        """Places named in `text` (years and command words already removed), in order, without repeats.
        `fuzzy_when(words)` may limit typo matching to the runs of words worth it (the fact-checker: only
        capitalised ones, since in copy a misspelt place is still a proper noun)."""
        tokens = normalise(text).split()
        matches: list[PlaceMatch] = []
        unknown: list[Unknown] = []
        leftover: list[str] = []

        def flush() -> None:
            if leftover:
                if fuzzy_when is None or fuzzy_when(leftover):
                    self._fuzzy(" ".join(leftover), matches, unknown)
                leftover.clear()

        i = 0
        while i < len(tokens):
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                place = self.aliases.get(tuple(tokens[i:i + n]))
                if place is not None:
                    # "West Midlands region" / "the West Midlands region" mean the region.
                    if place.geography_type == "force" and i + n < len(tokens) and tokens[i + n] == "region":
                        place = self.places.get((place.name, "region"), place)
                    flush()
                    matches.append(PlaceMatch(place, " ".join(tokens[i:i + n]), "exact"))
                    i += n
                    break
            else:
                word = tokens[i]
                if word in STOPWORDS or word.isdigit():
                    flush()
                else:
                    leftover.append(word)
                i += 1
        flush()
        seen: set[tuple[str, str]] = set()
        unique = []
        for m in matches:
            if m.place.key not in seen:
                seen.add(m.place.key)
                unique.append(m)
        return unique, unknown

    def _fuzzy(self, chunk: str, matches: list[PlaceMatch], unknown: list[Unknown]) -> None:
        candidates = process.extract(chunk, self._choices.keys(), scorer=fuzz.ratio, limit=8)
        best_places: list[tuple[Place, float]] = []
        for alias, score, _ in candidates:
            place = self._choices[alias]
            if place not in [p for p, _ in best_places]:
                best_places.append((place, score))
        if best_places and best_places[0][1] >= ACCEPT and len(chunk) >= MIN_FUZZY_LENGTH:
            matches.append(PlaceMatch(best_places[0][0], chunk, "fuzzy", best_places[0][1]))
            return
        unknown.append(Unknown(chunk, [p for p, s in best_places if s >= SUGGEST][:3]))

    def suggest(self, text: str, limit: int = 3) -> list[Place]:
        """The nearest place names to any text, for "did you mean" when nothing matched at all."""
        out: list[Place] = []
        for alias, score, _ in process.extract(normalise(text), self._choices.keys(), scorer=fuzz.WRatio, limit=10):
            place = self._choices[alias]
            if place not in out and score >= SUGGEST:
                out.append(place)
        return out[:limit]
