from __future__ import annotations

from kg.spam import looks_spammed, spam_cuts


def test_a_plain_report_has_no_spam():
    text = "Tỉnh đạt 98% hồ sơ đúng hạn."
    assert spam_cuts(text) == []
    assert not looks_spammed(text)


def test_a_betting_keyword_is_cut_with_the_unaccented_words_around_it():
    text = "xem keo nha cai uy tin hôm nay"
    assert spam_cuts(text) == [(0, 22)]
    assert looks_spammed(text)


def test_a_fused_run_with_diacritics_is_cut():
    text = "Cải cách hànhchínhtrongnămnayđạtkết quả"
    assert [text[start:end] for start, end in spam_cuts(text)] == ["hànhchínhtrongnămnayđạtkết"]
    assert looks_spammed(text)


def test_a_long_ascii_token_is_not_spam():
    text = "Xem https://chinhphu.vn/tin-tuc-cai-cach tại đây"
    assert spam_cuts(text) == []
    assert not looks_spammed(text)
