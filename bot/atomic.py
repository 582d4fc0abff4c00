"""Writing into the data folder so that a reader (the running bot, git, a crash) never sees half a file.

Why this shape (after sqlite-utils' "validate, then write in one go"): each new file is written to a
temporary file in the same folder (so the rename cannot cross file systems), flushed and fsynced, the
whole data set it would make is validated, and only then is it renamed over the old file with
os.replace, which is atomic on POSIX and Windows. An interruption before the rename leaves the old
file untouched; the stray temporary file is ignored by the loader and removed by the next change.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

TEMP_PREFIX = ".offences-staged-"


def stage(folder: Path, final_name: str, data: bytes) -> Path:
    """`data` written and fsynced beside its final name; returns the temporary path."""
    final = Path(folder) / final_name  # may be in a subfolder ("imported/recorded_crime/x.parquet")
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.parent / f"{TEMP_PREFIX}{uuid.uuid4().hex[:8]}-{final.name}"
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return tmp


def commit(folder: Path, staged: dict[str, Path]) -> None:
    """Rename each staged file over its final name (in the order given), then fsync the folder so the
    renames themselves survive a power cut."""
    for final_name, tmp in staged.items():
        os.replace(tmp, Path(folder) / final_name)
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a platform that cannot open folders (Windows): the renames are still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def discard(staged: dict[str, Path]) -> None:
    for tmp in staged.values():
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass


class Busy(Exception):
    """Another data change is running on the same folder."""


def lock(folder: Path):
    """An advisory lock on the folder itself for the length of one change, so two editors' changes
    cannot interleave (each would append to the file the other read). No lock file is left behind.
    Returns the folder's open descriptor (None where the platform cannot lock a folder: the re-read
    before the rename still catches a clash)."""
    try:
        import fcntl
        fd = os.open(folder, os.O_RDONLY)
    except (ImportError, OSError):  # Windows, or a folder that cannot be opened
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise Busy(f"{folder}: another offences data change is running on this folder; try again when it "
                   "has finished") from None
    return fd


def unlock(fd) -> None:
    if fd is not None:
        os.close(fd)  # closing releases the lock


def clean_stale(folder: Path) -> None:
    """Temporary files an interrupted change left behind (never read by the loader)."""
    for tmp in Path(folder).glob(TEMP_PREFIX + "*"):
        try:
            tmp.unlink()
        except OSError:
            pass
