"""Read one article file into a Document.

The text every later component sees, and every evidence string is copied from, is the file's
text after three normalisations: a UTF-8 byte-order mark is dropped, line endings become "\\n"
("\\r\\n" and a lone "\\r" alike), and the whole text is put in Unicode NFC, so that a letter typed
as a base plus combining marks (NFD, common in text pasted from some editors) compares equal to
the precomposed letter. All offsets of the pipeline are into this normalised text.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from kg.document import Document
from kg.errors import InputError

_BOM = b"\xef\xbb\xbf"


def read_article(path: Path, root: Path | None = None) -> Document:
    """Read `path` as a UTF-8 article; `doc.file` is the path relative to `root` (POSIX)."""
    return Document(path=path, text=_normalise(_decode(path, _read_bytes(path))), file=_relative(path, root))


def _read_bytes(path: Path) -> bytes:
    # a directory fails to be read: asked only then whether it is one, it costs no stat per article
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
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
    if not text or text.isspace():  # what `not text.strip()` tells, without copying the text
        raise InputError(f"{path}: has no text")
    return text


def _normalise(text: str) -> str:
    if "\r" in text:  # a search for one character spares two for the line endings most files lack
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _relative(path: Path, root: Path | None) -> str:
    """`path` relative to `root`, both resolved; called once `path` was read. A file right in
    `root` that is no symbolic link resolves to the resolved `root` and its name, so its name is
    what it is relative to `root`: neither needs resolving."""
    if root is not None:
        if path.parent == root and path.name not in ("", ".", "..") and not path.is_symlink():
            return path.name
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
