"""`offences data import`: official published tables in, through a registry of importers by layout.

Filled in by later issues (Home Office and ONS recorded crime, data.police.uk street files); for now
the registry holds no importer for an official table, and the command says which layouts it knows.
"""

from __future__ import annotations

import csv
from pathlib import Path

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ["file", "sha256", "layout", "publisher", "period", "rows", "written_to", "imported_at"]


def read_manifest(folder: Path) -> list[dict]:
    """What was imported from where (empty when nothing has been)."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
