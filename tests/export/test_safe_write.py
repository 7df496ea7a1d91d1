"""An export is complete or absent: failures leave no file and keep an existing one intact."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from karabakh_timeline.export import safe_write
from karabakh_timeline.export.safe_write import (
    ExportError,
    check_suffix,
    write_atomically,
    write_bytes_atomically,
)


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_new_file_is_written_whole_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_bytes_atomically(target, b"a,b\r\n1,2\r\n")
    assert target.read_bytes() == b"a,b\r\n1,2\r\n"
    assert leftovers(tmp_path) == ["out.csv"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_an_existing_file_is_replaced_only_by_a_complete_one(tmp_path: Path) -> None:
    target = tmp_path / "out.png"
    target.write_bytes(b"the old picture")

    def half_then_fail(temp: Path) -> None:
        temp.write_bytes(b"half a pic")
        raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(ExportError, match=r"cannot write out\.png: Input/output error"):
        write_atomically(target, half_then_fail)
    assert target.read_bytes() == b"the old picture"
    assert leftovers(tmp_path) == ["out.png"]

    write_bytes_atomically(target, b"the new picture")
    assert target.read_bytes() == b"the new picture"
    assert leftovers(tmp_path) == ["out.png"]


def test_a_full_disk_is_named_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "fsync", no_space)
    target = tmp_path / "timeline.pdf"
    with pytest.raises(ExportError) as caught:
        write_bytes_atomically(target, b"%PDF-1.4 ...")
    assert str(caught.value) == f"cannot write timeline.pdf: the disk holding {tmp_path} is full"
    assert leftovers(tmp_path) == []


def test_a_folder_that_is_a_file_is_named(tmp_path: Path) -> None:
    # Tests run as root, so an unwritable folder cannot be made with chmod: a path under a
    # regular file fails for everyone.
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError) as caught:
        write_bytes_atomically(blocker / "out.png", b"data")
    assert str(caught.value) == f"cannot write out.png: {blocker} is a file, not a folder"
    assert leftovers(tmp_path) == ["notes.txt"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"the folder .*nowhere does not exist"):
        write_bytes_atomically(tmp_path / "nowhere" / "out.png", b"data")
    assert leftovers(tmp_path) == []


def test_an_unwritable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(**_: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safe_write.tempfile, "mkstemp", refused)
    with pytest.raises(ExportError) as caught:
        write_bytes_atomically(tmp_path / "out.svg", b"<svg/>")
    assert str(caught.value) == f"cannot write out.svg: the folder {tmp_path} is not writable"
    assert leftovers(tmp_path) == []


def test_a_writer_that_writes_nothing_fails(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="nothing was written"):
        write_atomically(tmp_path / "out.png", lambda temp: None)
    assert leftovers(tmp_path) == []


def test_an_unexpected_error_still_cleans_up(tmp_path: Path) -> None:
    def broken(temp: Path) -> None:
        temp.write_bytes(b"partial")
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError):
        write_atomically(tmp_path / "out.png", broken)
    assert leftovers(tmp_path) == []


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "taken.png").mkdir()
    with pytest.raises(ExportError, match="it is a folder"):
        write_bytes_atomically(tmp_path / "taken.png", b"data")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("timeline.gif", "timeline.gif has '.gif'; the file name must end in one of: .png, .svg"),
        ("timeline", "timeline has no extension; the file name must end in one of: .png, .svg"),
    ],
)
def test_unknown_extensions_are_named(name: str, message: str) -> None:
    with pytest.raises(ExportError) as caught:
        check_suffix(Path(name), (".png", ".svg"))
    assert str(caught.value) == message


def test_the_extension_is_case_blind() -> None:
    assert check_suffix(Path("Timeline.PDF"), (".png", ".pdf")) == ".pdf"


def test_the_longest_name_the_system_allows_can_be_written(tmp_path: Path) -> None:
    # The temporary file beside it must not need a longer name than the target's own.
    target = tmp_path / ("n" * 251 + ".png")
    write_bytes_atomically(target, b"picture")
    assert leftovers(tmp_path) == [target.name]


def test_a_folder_path_longer_than_the_system_allows_is_named(tmp_path: Path) -> None:
    target = tmp_path / ("deep/" * 1000) / "t.png"
    with pytest.raises(ExportError) as caught:
        write_bytes_atomically(target, b"picture")
    assert str(caught.value) == "cannot write t.png: the path of its folder is too long"
