"""Write an export so that it is either complete or absent: never a partial file.

Every exporter writes into a temporary file beside the target, then renames it over the target
(``os.replace`` is atomic within one folder). A failure anywhere removes the temporary file and
leaves an existing target as it was, and is reported as one ``ExportError`` sentence a person can
act on.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path


class ExportError(Exception):
    """An export that could not be made; the message says why in one sentence."""


def check_suffix(path: Path, allowed: Iterable[str]) -> str:
    """The file's lower-case extension (``".png"``) if it is one of ``allowed``."""
    suffix = path.suffix.lower()
    known = tuple(allowed)
    if suffix not in known:
        listed = ", ".join(known)
        named = f"'{path.suffix}'" if path.suffix else "no extension"
        raise ExportError(f"{path.name} has {named}; the file name must end in one of: {listed}")
    return suffix


def describe_os_error(error: OSError, path: Path) -> str:
    """What went wrong writing ``path``, in words, for the common reasons an export fails."""
    folder = path.parent
    reasons = {
        errno.ENOSPC: f"the disk holding {folder} is full",
        errno.EDQUOT: f"the disk quota for {folder} is used up",
        errno.EACCES: f"the folder {folder} is not writable",
        errno.EPERM: f"the folder {folder} is not writable",
        errno.EROFS: f"the folder {folder} is on a read-only disk",
        errno.ENOENT: f"the folder {folder} does not exist",
        errno.ENOTDIR: f"{_first_file(folder) or folder} is a file, not a folder",
        errno.EISDIR: f"{path} is a folder",
        errno.ENAMETOOLONG: f"the file name {path.name} is too long"
        if len(os.fsencode(path.name)) > _LONGEST_NAME
        else "the path of its folder is too long",
    }
    return reasons.get(error.errno or 0) or error.strerror or str(error)


_STEM_KEPT = 32
_LONGEST_NAME = 255  # bytes: the limit of most file systems (ext4, btrfs, APFS, NTFS in UTF-16)


def _first_file(folder: Path) -> Path | None:
    """The ancestor of ``folder`` that is a regular file, which is why nothing can be made there."""
    for candidate in (folder, *folder.parents):
        with contextlib.suppress(OSError):
            if candidate.is_file():
                return candidate
    return None


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(temporary_path)`` and move the result to ``path`` only if it succeeded.

    ``write`` raises on failure (``OSError`` or ``ExportError``); an empty result counts as a
    failure too, because some writers (Qt's among them) report a full disk only by writing nothing.
    """
    path = Path(path)
    folder = path.parent
    try:  # asking about a name longer than the system allows is an OSError too
        if path.is_dir():
            raise ExportError(f"cannot write {path}: it is a folder")
        if not folder.is_dir():
            file = _first_file(folder)
            what = (
                f"{file} is a file, not a folder" if file else f"the folder {folder} does not exist"
            )
            raise ExportError(f"cannot write {path.name}: {what}")
    except OSError as error:
        raise ExportError(f"cannot write {path.name}: {describe_os_error(error, path)}") from None
    try:
        # The temporary file keeps the target's extension: Qt's writers pick the format from it.
        # Its name starts with a short part of the target's, so any name the system allows for
        # the target leaves room for the temporary file's too.
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.stem[:_STEM_KEPT]}.", suffix=f".part{path.suffix}", dir=folder
        )
    except OSError as error:
        raise ExportError(f"cannot write {path.name}: {describe_os_error(error, path)}") from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        if temp.stat().st_size == 0:
            raise ExportError(f"cannot write {path.name}: nothing was written (is the disk full?)")
        _give_normal_permissions(temp)
        os.replace(temp, path)
    except ExportError:
        _remove(temp)
        raise
    except OSError as error:
        _remove(temp)
        raise ExportError(f"cannot write {path.name}: {describe_os_error(error, path)}") from None
    except BaseException:
        _remove(temp)
        raise


def write_bytes_atomically(path: Path, data: bytes) -> None:
    def write(temp: Path) -> None:
        with temp.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())  # so a full disk shows up here, not after the rename

    write_atomically(path, write)


def _give_normal_permissions(temp: Path) -> None:
    # mkstemp makes the file readable by its owner only; an export should get the usual mode.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)


def _remove(temp: Path) -> None:
    # If the folder went away or became read-only there is nothing more we can do.
    with contextlib.suppress(OSError):
        temp.unlink()
