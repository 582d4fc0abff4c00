"""Places below the force in the street data: local authorities (from LSOA names) and forces, by name.

Why a module: reporters say "Newcastle", "Stockton", "Redcar"; the LSOA names say "Newcastle upon
Tyne 012B". "Durham" alone is the force (Durham Constabulary's area); "County Durham" is the
local authority. A place belongs to the force whose files hold most of its records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ALIASES = {
    "newcastle": "Newcastle upon Tyne", "stockton": "Stockton-on-Tees", "redcar": "Redcar and Cleveland",
    "hull": "Kingston upon Hull, City of", "bristol": "Bristol, City of", "herefordshire": "Herefordshire, County of",
}


@dataclass(frozen=True)
class StreetPlace:
    name: str  # "Sunderland" or "Durham Constabulary"
    kind: str  # "la" | "force"
    force: str  # the force's slug ("durham") that holds most of the place's records
    force_name: str
    forces: tuple[str, ...]  # every force whose files hold a share worth counting (>= 5%)


class StreetGazetteer:
    def __init__(self, places: list[dict], months: list[dict]):
        self.force_names = {m["force"]: m["force_name"] for m in months}
        by_la: dict[str, list[dict]] = {}
        for row in places:
            by_la.setdefault(row["la"], []).append(row)
        per_force: dict[str, int] = {}
        for row in places:
            per_force[row["force"]] = per_force.get(row["force"], 0) + row["n"]
        self.las: dict[str, StreetPlace] = {}
        self.outside: dict[str, int] = {}  # places only a few records were located in, outside any force's area
        for la, rows in by_la.items():
            if not any(r["n"] >= 0.005 * per_force[r["force"]] for r in rows):
                self.outside[la.lower()] = sum(r["n"] for r in rows)
                continue
            total = sum(r["n"] for r in rows)
            home = max(rows, key=lambda r: r["n"])
            forces = tuple(r["force"] for r in rows if r["n"] >= 0.05 * total)
            self.las[la.lower()] = StreetPlace(la, "la", home["force"], self.force_names.get(home["force"], home["force"]),
                                               forces)
        self.names: dict[str, StreetPlace] = dict(self.las)
        for alias, la in ALIASES.items():
            if la.lower() in self.las:
                self.names[alias] = self.las[la.lower()]
        for slug, name in self.force_names.items():
            place = StreetPlace(name, "force", slug, name, (slug,))
            self.names[slug.replace("-", " ")] = place  # "durham", "city of london": the force is meant
            self.names[name.lower()] = place

    def find(self, text: str) -> list[tuple[int, StreetPlace, str]]:
        """Every place named in text, in order, longest names first where they overlap."""
        low = text.lower()
        found: list[tuple[int, int, StreetPlace, str]] = []
        for name in sorted(self.names, key=len, reverse=True):
            for m in re.finditer(r"(?<![a-z])" + re.escape(name) + r"(?![a-z])", low):
                if not any(s <= m.start() < e or s < m.end() <= e for s, e, _, _ in found):
                    found.append((m.start(), m.end(), self.names[name], name))
        return [(s, p, n) for s, _, p, n in sorted(found, key=lambda f: f[0])]

    def examples(self) -> list[str]:
        return sorted(p.name for p in self.las.values() if self.las)[:8]
