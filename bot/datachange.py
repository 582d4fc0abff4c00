"""One change to the data folder: staged, validated as a whole, shown, confirmed, then renamed into place.

Why the change is shown as a diff of the figures the bot answers with (not of CSV lines): the editor
needs to know what reporters will now be told: a new figure, a revised one (old -> new), a dispute
the new figures create, and which forces the release still gives nothing for.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic
from .store import DataError, Store, shown


@dataclass
class Diff:
    new: list[dict] = field(default_factory=list)
    revised: list[tuple[dict, dict]] = field(default_factory=list)
    disputed: list[dict] = field(default_factory=list)
    same: list[dict] = field(default_factory=list)
    missing: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = []
        for title, rows, show in (
                ("New figures", self.new, _figure),
                ("Revisions (the figure the bot gives changes: old -> new)", self.revised,
                 lambda pair: f"{_name(pair[0])}: {_value(pair[0])} ({pair[0]['release']}) -> "
                              f"{_value(pair[1])} ({pair[1]['release']})"),
                ("Disputes created (a tie within the release: both values will be shown)", self.disputed, _figure),
                ("Unchanged (the figure the bot gives stays the same)", self.same, _figure)):
            out.append(f"{title}: {len(rows) or 'none'}")
            out += [f"  {show(r)}" for r in rows[:40]]
            if len(rows) > 40:
                out.append(f"  ... and {len(rows) - 40} more")
        for (measure, year), names in self.missing.items():
            out.append(f"Forces of England and Wales with no figure here for {measure} {year}: {len(names)}"
                       + (f" ({', '.join(names)})" if names else ""))
        return out


def _name(row: dict) -> str:
    kind = "" if row["geography_type"] == "force" else f" ({row['geography_type']})"
    return f"{row['geography']}{kind} {row['year']} {row['measure']}"


def _value(row: dict) -> str:
    if row["status"] == "not_available":
        return "not supplied"
    return f"{row['value']}" + (" (disputed)" if row["status"] == "disputed" else "")


def _figure(row: dict) -> str:
    return f"{_name(row)}: {_value(row)} ({row['release']} release)"


def diff(before: Store, after: Store, keys: list[tuple]) -> Diff:
    """What the bot would say differently for the figures touched, and the forces still without one."""
    old = {(r["geography"], r["geography_type"], r["year"], r["measure"]): r for r in before.rows("datadesk_figures")}
    new = {(r["geography"], r["geography_type"], r["year"], r["measure"]): r for r in after.rows("datadesk_figures")}
    out = Diff()
    for key in dict.fromkeys(keys):
        a, b = old.get(key), new.get(key)
        if b is None:
            continue
        if a is None:
            out.new.append(b)
        elif b["status"] == "disputed" and a["status"] != "disputed":
            out.disputed.append(b)
        elif (a["value"], a["status"]) != (b["value"], b["status"]):
            out.revised.append((a, b))
        else:
            out.same.append(b)
    forces = [r["name"] for r in after.rows("datadesk_forces")]
    given: dict[tuple[str, str], set[str]] = {}
    for g, kind, year, measure in keys:
        if kind == "force":
            given.setdefault((measure, year), set()).add(g)
    for (measure, year), names in given.items():
        out.missing[(measure, year)] = [f for f in forces if f not in names]
    return out


def confirm(question: str, yes: bool) -> bool | None:
    """--yes, or the editor's answer; None when nobody can answer (no terminal, end of input)."""
    if yes:
        return True
    print(f"{question} [y/N] ", end="", flush=True)
    try:
        reply = sys.stdin.readline()
    except (OSError, ValueError):
        return None
    if not reply:
        print()
        return None
    return reply.strip().lower() in ("y", "yes")


class Change:
    """Files staged in the data folder; validated as the data set they make; committed or discarded."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.staged: dict[str, Path] = {}

    def stage(self, file_name: str, data: bytes) -> None:
        """`data` to become folder/file_name ("reports.csv") when the change is committed."""
        self.staged[file_name] = atomic.stage(self.folder, file_name, data)

    def validate(self) -> Store:
        """The whole data set as it would be after the change (raises DataError naming the problem)."""
        staged = {(n[:-4] if n.endswith(".csv") else n): p for n, p in self.staged.items()
                  if n.endswith(".csv") or n.startswith("imported/")}  # the CSVs by table, imported files by path
        return Store(self.folder, staged=staged)

    def commit(self) -> None:
        atomic.commit(self.folder, self.staged)
        self.staged = {}

    def discard(self) -> None:
        atomic.discard(self.staged)
        self.staged = {}

    def __enter__(self) -> "Change":
        self._lock = atomic.lock(self.folder)
        atomic.clean_stale(self.folder)  # what a killed run left (safe: we hold the lock)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.discard()  # whatever happened, nothing half-written stays behind (committed files are gone from it)
        finally:
            atomic.unlock(self._lock)


def written(folder: Path, before: Store, after_hash: str) -> str:
    return (f"Written to {shown(folder)} (data hash {before.hash[:12]} -> {after_hash[:12]}). A running bot "
            "answers from it on its next request; offences data check summarises it.")


__all__ = ["Change", "DataError", "Diff", "confirm", "diff", "written"]
