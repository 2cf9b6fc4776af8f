"""Folding (lower case, no diacritics, đ → d): the one-character-at-a-time way gives what
decomposing gives, for every character it is taken for."""

from __future__ import annotations

import random

from kg.iri import _fold_decomposed, fold, fold_aligned


def test_folds_vietnamese_names() -> None:
    assert fold("Thừa Thiên Huế – Đắk Lắk, TP.HCM") == "thua thien hue – dak lak, tp.hcm"
    assert fold("Ủy ban nhân dân") == fold("Uỷ ban nhân dân") == "uy ban nhan dan"


def test_every_character_below_cjk_folds_as_decomposing_folds_it() -> None:
    assert [c for c in range(0x3000) if fold(chr(c)) != _fold_decomposed(chr(c))] == []


def test_mixed_texts_fold_as_decomposing_folds_them() -> None:
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x3000)] + list("ĐđẠạẶặỄễỰựƯưƠơ\u0301\u0323İΣς中")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 16))) for _ in range(5000)]
    assert [t for t in texts if fold(t) != _fold_decomposed(t)] == []


def test_aligned_folding_keeps_offsets() -> None:
    text = "Chủ tịch UBND tỉnh Đắk Nông"
    assert fold_aligned(text) == "chu tich ubnd tinh dak nong"
    assert len(fold_aligned("a\u0301İ中")) == 4


def test_new_tone_placement_moves_the_tone_of_open_oa_oe_uy_only() -> None:
    from kg.gazetteer.matching import new_tone_placement
    assert [new_tone_placement(w) for w in ("Hoà", "uỷ", "Khoẻ", "quý", "hoàng", "Hòa")] == [
        "Hòa", "ủy", "Khỏe", "quý", "hoàng", "Hòa"]
