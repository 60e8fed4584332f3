"""Reading and writing a file a person named, and saying in Chinese why it could not be done.

Python's OSError text ("[Errno 2] No such file or directory") is English and names the
errno, which a clerk cannot act on. Every import and export that opens a file the person
chose turns the error into a `FileRefused` here, so the command line and the windows say the
same words. The original error goes to the log file (not the console, where the Chinese
message stands alone) for whoever reads it after a bad day.
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from app.errors import FileRefused

log = logging.getLogger(__name__)

_FOLDER = "是一个文件夹，不是文件"

# Errors a person can do something about, beyond the common ones `refusal` checks by type.
_BY_ERRNO = {
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.ENOSPC: "磁盘空间已满",
    errno.EROFS: "磁盘是只读的，不能写入",
    errno.EIO: "读写出错（磁盘或网络故障）",
}


def refusal(path: Path, exc: OSError, writing: bool = False) -> FileRefused:
    """The `FileRefused` that says, in words a clerk can act on, why `path` failed."""
    log.info("%s %s failed: %s", "writing" if writing else "reading", path, exc)
    if isinstance(exc, IsADirectoryError):
        reason = _FOLDER
    elif isinstance(exc, PermissionError):
        # Windows refuses to open a folder with a permission error, not IsADirectoryError.
        reason = _FOLDER if path.is_dir() else ("没有写入权限" if writing else "没有读取权限")
    elif isinstance(exc, FileNotFoundError):
        reason = _not_found(path, writing)
    elif isinstance(exc, NotADirectoryError):
        reason = "路径不对：其中有一段是文件而不是文件夹"
    elif exc.errno in _BY_ERRNO:
        reason = _BY_ERRNO[exc.errno]
    else:
        action = "写入" if writing else "读取"
        reason = f"无法{action}（系统错误号 {exc.errno}）" if exc.errno else f"无法{action}"
    return FileRefused(str(path), reason)


def _not_found(path: Path, writing: bool) -> str:
    if writing:
        return f"文件夹 {path.absolute().parent} 不存在"
    if path.is_absolute():
        return "找不到文件"
    # A relative path is looked up from where the command was started, which may surprise.
    return f"找不到文件（在 {Path.cwd()} 下查找）"


def read_text(path: Path, encoding: str = "utf-8-sig") -> str:
    """The whole file as text: UTF-8, with or without a byte-order mark, unless the caller
    found out the file's encoding first (`intake.tables.detect_encoding`)."""
    try:
        return path.read_text(encoding=encoding)
    except OSError as exc:
        raise refusal(path, exc) from None
    except UnicodeDecodeError as exc:
        log.info("reading %s failed: %s", path, exc)
        if encoding == "utf-8-sig":
            reason = "不是 UTF-8 编码的文本，请另存为 UTF-8 后再导入"
        else:
            reason = f"不是 {encoding} 编码的文本"
        raise FileRefused(str(path), reason) from None


def write_text(path: Path, text: str) -> None:
    """Write `text` as UTF-8, replacing the file (see `write_bytes`)."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Replace the file with `data` whole or not at all.

    The data goes to a temporary file beside it first and is renamed over the old one, so a
    full disk or a killed command never leaves half a PDF that looks like a finished one.
    A device such as /dev/stdout is written directly: it cannot be renamed over.
    """
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            with path.open("wb") as device:
                device.write(data)
            return
        spare = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            spare.write_bytes(data)
            os.replace(spare, path)
        finally:
            spare.unlink(missing_ok=True)
    except OSError as exc:
        raise refusal(path, exc, writing=True) from None
