from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read import read_article


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_reads_utf8_text_and_names_the_file_relative_to_root(tmp_path: Path) -> None:
    path = write(tmp_path / "seeds" / "bai.txt", "Tỉnh Lạng Sơn họp.\n".encode())
    doc = read_article(path, tmp_path)
    assert doc.text == "Tỉnh Lạng Sơn họp.\n"
    assert doc.file == "seeds/bai.txt"
    assert doc.path == path
    assert doc.stem == "bai"


def test_file_outside_root_keeps_the_path_as_given(tmp_path: Path) -> None:
    path = write(tmp_path / "a" / "bai.txt", "Có nội dung.".encode())
    assert read_article(path, tmp_path / "b").file == path.as_posix()
    assert read_article(path).file == path.as_posix()


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + "Hà Nội".encode())
    assert read_article(path).text == "Hà Nội"


def test_decomposed_letters_are_composed_to_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Thừa Thiên Huế")
    assert len(decomposed) > len("Thừa Thiên Huế")
    path = write(tmp_path / "nfd.txt", decomposed.encode())
    text = read_article(path).text
    assert text == "Thừa Thiên Huế"
    assert len(text) == 14


def test_windows_and_old_mac_line_endings_become_newlines(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", "Dòng một\r\nDòng hai\rDòng ba\r\n".encode())
    assert read_article(path).text == "Dòng một\nDòng hai\nDòng ba\n"


def test_latin1_bytes_are_refused_with_the_offset(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", b"Hu\xe9 city")
    with pytest.raises(InputError) as error:
        read_article(path)
    assert str(error.value) == f"{path}: is not UTF-8 (invalid byte 0xe9 at byte offset 2)"


def test_cp1258_bytes_after_a_bom_count_the_bom_in_the_offset(tmp_path: Path) -> None:
    cp1258 = "Vi\u00ea\u0323t Nam".encode("cp1258")  # how cp1258 spells "Việt"
    assert cp1258[:3] == b"Vi\xea"
    path = write(tmp_path / "cp1258.txt", b"\xef\xbb\xbf" + cp1258)
    with pytest.raises(InputError) as error:
        read_article(path)
    assert str(error.value) == f"{path}: is not UTF-8 (invalid byte 0xea at byte offset 5)"


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "anh.png", b"\x89PNG\x00\x01")
    with pytest.raises(InputError) as error:
        read_article(path)
    assert str(error.value) == f"{path}: is a binary file (NUL byte at byte offset 4), not a text article"


def test_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "khong-co.txt"
    with pytest.raises(InputError) as error:
        read_article(path)
    assert str(error.value) == f"{path}: no such file"


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as error:
        read_article(tmp_path)
    assert str(error.value) == f"{tmp_path}: is a directory, not an article file"


@pytest.mark.parametrize("data", [b"", b"  \r\n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_or_blank_file_has_no_text(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "rong.txt", data)
    with pytest.raises(InputError) as error:
        read_article(path)
    assert str(error.value) == f"{path}: has no text"
