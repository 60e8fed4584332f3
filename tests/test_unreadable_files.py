"""A file a command cannot open is refused in Chinese, naming the path, with exit status 3."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from app.file_access import refusal
from main import main

# Every command that reads a file a person names.
READERS = {
    "carriers import": ["carriers", "import"],
    "tracking pool import": ["tracking", "pool", "import", "SF"],
    "tracking import": ["tracking", "import"],
    "import": ["import"],
    "catalog import": ["catalog", "import"],
}

# Python's own words, which a clerk cannot read and which used to reach the console.
ENGLISH = ("Errno", "No such file", "Is a directory", "Permission denied", "codec")


def _refused(db_url: str, capsys, command: list[str], path: str) -> str:
    assert main(["--db", db_url, *command, path]) == 3
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert not [word for word in ENGLISH if word in captured.err], captured.err
    return captured.err


@pytest.mark.parametrize("command", READERS.values(), ids=READERS.keys())
def test_a_missing_file_is_named_with_where_it_was_looked_for(
    db_url, tmp_path, monkeypatch, capsys, command
):
    """`carriers import nosuch.json` printed "[Errno 2] No such file or directory"."""
    monkeypatch.chdir(tmp_path)
    err = _refused(db_url, capsys, command, "nosuch.json")
    assert f"nosuch.json: 找不到文件（在 {tmp_path} 下查找）" in err

    absolute = tmp_path / "没有" / "价格.json"
    assert f"{absolute}: 找不到文件\n" in _refused(db_url, capsys, command, str(absolute))


@pytest.mark.parametrize("command", READERS.values(), ids=READERS.keys())
def test_a_folder_is_not_taken_for_a_file(db_url, tmp_path, capsys, command):
    """A folder gave "[Errno 21] Is a directory" (carriers, pools) or "文件不存在" (tables)."""
    folder = tmp_path / "导出"
    folder.mkdir()
    assert f"{folder}: 是一个文件夹，不是文件" in _refused(db_url, capsys, command, str(folder))


@pytest.mark.parametrize("command", READERS.values(), ids=READERS.keys())
def test_a_file_without_read_permission_says_so(db_url, tmp_path, monkeypatch, capsys, command):
    """Raised by hand, since a test running as root may read any file."""
    locked = tmp_path / "locked.csv"
    locked.write_text("运单号\n", encoding="utf-8")
    opened = Path.open

    def refusing_open(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    assert f"{locked}: 没有读取权限" in _refused(db_url, capsys, command, str(locked))


def test_a_catalogue_that_is_not_utf8_is_refused_in_chinese(db_url, tmp_path, capsys):
    path = tmp_path / "gbk.json"
    path.write_bytes('{"format": "快递公司"}'.encode("gbk"))
    err = _refused(db_url, capsys, READERS["carriers import"], str(path))
    assert f"{path}: 不是 UTF-8 编码的文本" in err


def test_an_export_to_a_missing_folder_names_the_folder(db_url, tmp_path, capsys):
    """`carriers export` printed the OSError's English strerror."""
    target = tmp_path / "没有" / "carriers.json"
    err = _refused(db_url, capsys, ["carriers", "export"], str(target))
    assert f"{target}: 文件夹 {target.parent} 不存在" in err


@pytest.mark.parametrize(
    ("error", "writing", "reason"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), True, "没有写入权限"),
        (OSError(errno.ENOSPC, "No space left on device"), True, "磁盘空间已满"),
        (OSError(errno.EIO, "Input/output error"), False, "读写出错（磁盘或网络故障）"),
        (OSError(errno.ELOOP, "Too many levels of symbolic links"), False, "无法读取（系统错误号"),
        (OSError("no errno"), True, "无法写入"),
    ],
)
def test_other_system_errors_are_put_in_chinese(tmp_path, error, writing, reason):
    refused = refusal(tmp_path / "a.json", error, writing=writing)
    assert refused.file == str(tmp_path / "a.json")
    assert refused.reason.startswith(reason)


def test_a_folder_refused_with_a_permission_error_is_called_a_folder(tmp_path):
    """Windows opens a folder with "Permission denied", not IsADirectoryError."""
    refused = refusal(tmp_path, PermissionError(errno.EACCES, "Permission denied"))
    assert refused.reason == "是一个文件夹，不是文件"


def test_a_document_is_replaced_whole_or_not_at_all(tmp_path, monkeypatch) -> None:
    from app.file_access import write_bytes

    target = tmp_path / "slip.pdf"
    target.write_bytes(b"%PDF old")

    def full_disk(self, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(target), "write_bytes", full_disk)
    with pytest.raises(Exception, match="磁盘空间已满"):
        write_bytes(target, b"%PDF new")
    monkeypatch.undo()
    assert target.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["slip.pdf"]
