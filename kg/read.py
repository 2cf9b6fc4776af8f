"""Read one article file into a Document.

The text every later component sees, and every evidence string is copied from, is the file's
text after three normalisations: a UTF-8 byte-order mark is dropped, line endings become "\\n"
("\\r\\n" and a lone "\\r" alike), and the whole text is put in Unicode NFC, so that a letter typed
as a base plus combining marks (NFD, common in text pasted from some editors) compares equal to
the precomposed letter. All offsets of the pipeline are into this normalised text.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from pathlib import Path

from kg.document import Document
from kg.errors import InputError

_BOM = b"\xef\xbb\xbf"
_CHUNK = 1 << 16
# Where the system has no such flag, the open follows a final symlink: the path is asked anyway.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_article(path: Path, root: Path | None = None) -> Document:
    """Read `path` as a UTF-8 article; `doc.file` is the path relative to `root` (POSIX)."""
    raw, is_symlink = _read_bytes(path)
    return Document(path=path, text=_normalise(_decode(path, raw)), file=_relative(path, root, is_symlink))


def _read_bytes(path: Path) -> tuple[bytes, bool]:
    """The bytes of the file and whether `path` itself is a symlink, in as few system calls as can
    be (they are slow in some sandboxes): an open that does not follow a final symlink tells it is
    none, and only when it fails is the path asked, and opened as usual."""
    try:
        try:
            descriptor = os.open(path, os.O_RDONLY | _NO_FOLLOW)
        except OSError:
            descriptor = os.open(path, os.O_RDONLY)
            is_symlink = os.path.islink(path)
        else:
            is_symlink = not _NO_FOLLOW and os.path.islink(path)
        try:
            chunks = []
            while chunk := os.read(descriptor, _CHUNK):
                chunks.append(chunk)
        finally:
            os.close(descriptor)
        return b"".join(chunks), is_symlink
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        # asked only now: a directory cannot be read either, and most paths are files
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not an article file") from None
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None


def _decode(path: Path, raw: bytes) -> str:
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{path}: is a binary file (NUL byte at byte offset {nul}), not a text article")
    body = raw[len(_BOM) :] if raw.startswith(_BOM) else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + (len(raw) - len(body))
        raise InputError(
            f"{path}: is not UTF-8 (invalid byte 0x{raw[offset]:02x} at byte offset {offset})"
        ) from None
    if not text or text.isspace():  # blank, as `text.strip()` would say, without copying it
        raise InputError(f"{path}: has no text")
    return text


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _relative(path: Path, root: Path | None, is_symlink: bool) -> str:
    if root is not None:
        real, base = _real(path, is_symlink), _resolved(str(root), _cwd_for(root))
        if real.startswith("//") or base.startswith("//"):  # a root of its own to POSIX: let pathlib judge
            try:
                return Path(real).relative_to(base).as_posix()
            except ValueError:
                return path.as_posix()
        # both are resolved (absolute, normalised), so `relative_to` is a test of their prefix
        if real == base:
            return "."
        prefix = base if base.endswith("/") else base + "/"
        if real.startswith(prefix):
            return real[len(prefix) :]
    return path.as_posix()


def _real(path: Path, is_symlink: bool) -> str:
    """`str(path.resolve())` of a file that has been read (which ruled out a symlink loop): its
    folder is resolved once for all the articles in it, and the file itself only if a symlink."""
    name = path.name
    if name in ("", ".", "..") or is_symlink:
        return os.path.realpath(path)
    return os.path.join(_resolved(os.path.dirname(str(path)), _cwd_for(path)), name)


def _cwd_for(path: Path) -> str:
    """What resolving `path` depends on besides the file system: the working folder, if relative."""
    return "" if path.is_absolute() else os.getcwd()


@lru_cache(maxsize=64)
def _resolved(folder: str, cwd: str) -> str:
    """`str(Path(folder).resolve())` from `cwd` (see `_cwd_for`), made once for all the articles of a
    folder (and keyed by strings, whose hashes are kept, unlike a Path's)."""
    return str(Path(folder).resolve())
