"""Candidates from the data: what each release said for each place, year and measure, read once at load."""

from __future__ import annotations

from collections import defaultdict
import re

from ..numbers import thousands
from ..places import Place

from .model import D, SCWC
from .words import fits


# =============================================================================================== data
class _KeyInfo:
    """Everything the data says about one (geography, type, measure, year): every release, every outlet."""

    def __init__(self, key: tuple, fig: dict, publishers: frozenset = frozenset()):
        self.key = key
        self.publishers = publishers
        self.fig = fig
        self.rows: list[dict] = []
        self.rev = {r["release"]: r for r in (fig.get("revisions") or [])}

    def freeze(self) -> None:
        """Called once the rows are in: the releases and what each settled on never change afterwards."""
        self.releases = sorted({r["release"] for r in self.rows})
        self._settled = {release: self._settle(release) for release in self.releases}
        if self.fig["release"] not in self._settled:
            self._settled[self.fig["release"]] = self._settle(self.fig["release"])

    def as_of(self, release: str | None) -> str | None:
        if release is None:
            return self.fig["release"]
        earlier = [r for r in self.releases if r <= release]
        return earlier[-1] if earlier else None

    def settled(self, release: str) -> dict:
        """What `release` settled on for this key: value(s), status and the row to cite."""
        cached = self._settled.get(release)
        return cached if cached is not None else self._settle(release)

    def _settle(self, release: str) -> dict:
        fig = self.fig
        if release == fig["release"]:
            values = set()
            if fig["value"] is not None:
                values.add(fig["value"])
                values |= {o["value"] for o in (fig.get("other_values") or []) if o.get("tied")}
            row = self._row(release, fig["value"], fig.get("outlet"))
            return {"release": release, "value": fig["value"], "values": values, "status": fig["status"],
                    "row": row, "forces": fig.get("forces_responding")}
        if release in self.rev:
            r = self.rev[release]
            row = self._row(release, r["value"], r.get("outlet"))
            return {"release": release, "value": r["value"], "values": {r["value"]} if r["value"] is not None else set(),
                    "status": r["status"], "row": row, "forces": row.get("forces_responding") if row else None}
        row = self._row(release, fig["value"], None)
        status = "not_available" if fig["value"] is None else "reported"
        return {"release": release, "value": fig["value"], "values": {fig["value"]} if fig["value"] is not None else set(),
                "status": status, "row": row, "forces": row.get("forces_responding") if row else None}

    def _row(self, release: str, value, outlet: str | None) -> dict | None:
        """The row to cite for `value` in `release`: the publisher's own page first, then the outlet the
        figures table chose, then one that states its force count."""
        rows = [r for r in self.rows if r["release"] == release and r["value"] == value]
        rows.sort(key=lambda r: (r["outlet"] not in self.publishers, r["outlet"] != outlet,
                                 r["forces_responding"] is None, r["outlet"]))
        if rows:
            return dict(rows[0], status="reported" if value is not None else "not_available")
        return None

    def has_value(self, value: int, settled_only: bool = False) -> bool:
        if settled_only:
            return any(value in self.settled(r)["values"] for r in self.releases)
        return any(r["value"] == value for r in self.rows)

    def row_with(self, value: int) -> dict | None:
        for release in reversed(self.releases):
            settled = self.settled(release)
            if value in settled["values"]:
                return self._row(release, value, None) or settled["row"]
        for r in self.rows:
            if r["value"] == value:
                return r
        return None

    def first_release_with(self, value: int) -> str | None:
        for release in self.releases:
            if value in self.settled(release)["values"]:
                return release
        return None

    def later_revision(self, release: str) -> dict | None:
        """The newest release after `release` whose settled value differs."""
        here = self.settled(release)["values"]
        for r in reversed(self.releases):
            if r <= release:
                break
            settled = self.settled(r)
            if settled["values"] != here:
                row = settled["row"] or {"release": r, "value": settled["value"], "outlet": "", "source_url": ""}
                return dict(row, value=settled["value"])
        return None

    def judge(self, value: int, qual: str, release: str | None) -> dict:
        """How a figure compares with what the release under discussion (or the latest before it) settled on."""
        rel = self.as_of(release) or self.fig["release"]
        settled = self.settled(rel)
        row = settled["row"]
        out = {"row": row, "as_of": rel}
        if settled["status"] == "not_available":
            out["status"] = "not_available"
            for r in self.releases:
                if r < rel and value in self.settled(r)["values"]:
                    out["earlier_row"] = self._row(r, value, None)
            return out
        values = settled["values"]
        ok = any(fits(D(value), D(v), qual) for v in values)
        if ok:
            exact = [v for v in values if v == value]
            chosen = exact[0] if exact else settled["value"]
            out["row"] = self._row(rel, chosen, None) or row
            out["status"] = "match"
            if len(values) > 1:
                out["tied"] = " and ".join(thousands(v) for v in sorted(values))
            return out
        if qual == "exact":
            for r in reversed(self.releases):
                if r < rel and value in self.settled(r)["values"]:
                    out["status"], out["earlier_row"] = "earlier", self._row(r, value, None)
                    return out
            for r in self.releases:
                if r > rel and value in self.settled(r)["values"]:
                    out["status"], out["later_row"] = "later", self._row(r, value, None)
                    return out
            lone = [r for r in self.rows if r["value"] == value]
            basis = [r for r in lone if "like-for-like" in (r["note"] or "") or
                     (r["forces_responding"] and settled.get("forces") and r["release"] == rel
                      and r["forces_responding"] != settled["forces"])]
            if basis:
                out["status"], out["basis_row"] = "basis", basis[0]
                return out
            if lone:
                out["status"], out["misprint_row"] = "misprint", lone[0]
                publisher = self.settled(lone[0]["release"])["row"]
                if publisher:
                    out["row"] = publisher
                return out
        else:
            # a qualified figure that fits an approximate or lower-bound printing ("more than 3,000")
            for r in self.rows:
                if r["release"] == rel and r["value"] is not None and r["qualifier"] != "exact" and r["value"] == value:
                    out["status"], out["row"] = "match", r
                    return out
        out["status"] = "wrong"
        return out


class _Facts:
    """The data as the checker reads it: every report row, the settled figures and the releases."""

    def __init__(self, store):
        self.reports = store.rows("factcheck_reports")
        figures = store.rows("factcheck_figures")
        release_rows = store.rows("factcheck_releases")
        self.publishers = frozenset(r["outlet"] for r in store.rows("publishers"))
        self.keys: dict[tuple, _KeyInfo] = {}
        for f in figures:
            key = (f["geography"], f["geography_type"], f["measure"], f["year"])
            self.keys[key] = _KeyInfo(key, f, self.publishers)
            self.keys[key].releases, self.keys[key]._settled = [], {}
        self.periods: list[dict] = []
        self.years: dict[tuple, list[str]] = defaultdict(list)
        self.measures: dict[tuple, set] = defaultdict(set)
        families: dict[str, set] = {"cyber": set(), "scwc": set()}
        for r in self.reports:
            if r["year"] is None:
                self.periods.append(r)
                continue
            key = (r["geography"], r["geography_type"], r["measure"], r["year"])
            if key in self.keys:
                self.keys[key].rows.append(r)
            families["scwc" if r["measure"] == SCWC else "cyber"].add(r["release"])
        for key, info in self.keys.items():
            info.freeze()
            self.years[key[:3]].append(key[3])
            self.measures[(key[0], key[1])].add(key[2])
        for v in self.years.values():
            v.sort()
        self.family_releases = {k: sorted(v) for k, v in families.items()}
        self.nations = sorted({k[0] for k in self.keys if k[1] == "nation"})
        self.release_rows = list(release_rows)
        places_of: dict[str, set] = defaultdict(set)
        for key in self.keys:
            places_of[key[2]].add((key[0], key[1]))
        # a series only one place publishes (Police Scotland's "communicating indecently"): copy about it that
        # names no place ("the national force") is about that place
        self.only_place = {m: next(iter(ps)) for m, ps in places_of.items() if len(ps) == 1}
        self.headline = {}
        self.covers: dict[tuple[str, str], str] = {}  # (release, family) -> the financial year it is about
        for r in release_rows:
            if r["covers_year"]:
                self.headline.setdefault((r["release"], r["covers_year"]), r)
                if re.fullmatch(r"\d{4}/\d{2}", r["covers_year"]):
                    family = "scwc" if "sexual_communication" in r["series"] else "cyber"
                    self.covers.setdefault((r["release"], family), r["covers_year"])

    def years_for(self, place: Place, measure: str) -> list[str]:
        return self.years.get((place.name, place.geography_type, measure), [])
