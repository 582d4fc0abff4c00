"""`offences data check`: the start-up validation on demand, and a summary a data editor reads.

Why a summary and not just "ok": after an update the editor needs to see what the bot will now say
that needs a second look (disputes, revisions, misprints, forces with no figure) before reporters do.
"""

from __future__ import annotations

import sys

from .store import DataError, Store, default_data_dir, shown

MAX_PROBLEMS = 20


def cmd_check(args) -> int:
    folder = default_data_dir()
    try:
        store = Store(folder)
    except DataError as err:
        print_refusal(err)
        return 2
    print(summary(store))
    return 0


def print_refusal(err: DataError) -> None:
    """Every problem found, one line each (the first is the one start-up would name)."""
    print(f"offences: data check failed: {err}", file=sys.stderr)
    for file, line, reason in err.others[:MAX_PROBLEMS - 1]:
        print(f"  {DataError(file, line, reason, err.folder)}", file=sys.stderr)
    if len(err.others) > MAX_PROBLEMS - 1:
        print(f"  ... and {len(err.others) - MAX_PROBLEMS + 1} more", file=sys.stderr)


def summary(store: Store) -> str:
    """The data in words: what it holds and what deserves a look."""
    c = store.rows("datadesk_counts")[0]
    out = [f"Data folder: {shown(store.data_dir)} (hash {store.hash[:12]})",
           f"Valid: {c['reports']} report rows give {c['figures']} figures (place, year, measure) for "
           f"{c['places']} places, {c['measures']} measures, {c['releases']} releases.", ""]
    out.append("Figures per measure and release (how many it gives; how many it still answers for; years):")
    last = None
    for r in store.rows("datadesk_per_release"):
        if r["measure"] != last:
            out.append(f"  {r['measure']}")
            last = r["measure"]
        out.append(f"    {r['release']}: {r['figures']} ({r['current']} current) · {r['years']}")
    out += ["", "Forces of England and Wales with no figure:"]
    for r in store.rows("datadesk_missing_forces"):
        line = f"  {r['measure']} {r['year']}: {r['with_figure']} of {r['forces']} forces have a figure"
        if r["with_figure"] * 2 < r["forces"]:  # name the shorter list
            line += f" (only {r['with_names']})"
        elif r["no_figure"]:
            line += f"; none in the data: {r['no_figure']}"
        if r["not_supplied"]:
            line += f"; not supplied: {r['not_supplied']}"
        out.append(line)
    flags = store.rows("datadesk_flags")
    for kind, title in (("disputed", "Disputed (a tie within the latest release)"),
                        ("revised", "Revisions (an earlier release gave another figure)"),
                        ("misprint", "Misprints (an outlet printed another figure)")):
        rows = [r for r in flags if r["kind"] == kind]
        out += ["", f"{title}: {len(rows) or 'none'}"]
        for r in rows:
            out.append("  " + _flag(r))
    out += ["", imported_tables(store)]
    return "\n".join(out)


def _flag(r: dict) -> str:
    place = r["geography"] + ("" if r["geography_type"] == "force" else f" ({r['geography_type']})")
    value = "not supplied" if r["value"] is None else r["value"]
    head = f"{place} {r['year']} {r['measure']}: {value} ({r['release']} release)"
    if r["kind"] == "disputed":
        return f"{head} or {', '.join(str(v) for v in r['others'])}"
    if r["kind"] == "revised":
        return f"{head}; earlier: {'; '.join(r['earlier'])}"
    return f"{head}; also printed as " + "; ".join(f"{v} ({o})" for v, o in zip(r["others"], r["earlier"]))


def imported_tables(store: Store) -> str:
    from .importers import read_manifest

    entries = read_manifest(store.data_dir)
    if not entries:
        return "Imported tables: none yet (offences data import adds them, with their sources, to manifest.csv)."
    lines = [f"Imported tables ({len(entries)}, from manifest.csv):"]
    for e in entries:
        lines.append(f"  {e['file']} ({e['layout']}, {e['publisher']}, {e['period']}): {e['rows']} rows, "
                     f"sha256 {e['sha256'][:12]}, imported {e['imported_at']}")
    return "\n".join(lines)
