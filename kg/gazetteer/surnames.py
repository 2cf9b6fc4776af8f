"""Vietnamese surnames as written: what a person's name opens with.

The common ones are frequent enough to end a place's or a body's name where a capitalised word
of them follows it ("… thành phố Phúc Yên Nguyễn Văn A"); the others (of the northern uplands'
and Central Highlands' peoples among them) are accepted only where a name is expected, after a
title or an honorific, since some are also words of place names ("Văn", "Ma", "Y").
"""

from __future__ import annotations

COMMON_SURNAMES = tuple(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Trịnh Lương Mai "
    "Trương Đào Cao Lâm Hà Tạ Thái Tô Châu Lưu Quách Chu Triệu Kiều Vương Tăng Nông".split()
)

SURNAMES = COMMON_SURNAMES + tuple(
    "Hứa La Lò Lã Lại Khổng Mạc Giang Đàm Đồng Doãn Đậu Hầu Kim Lục Mã Nghiêm Ông Phùng Quan Tòng Thân "
    "Thạch Tôn Từ Văn Vi Y Âu Hàn Cù Chế Bạch Ninh Khúc Lạc Lữ Tiêu Trang Diệp Viên Sầm "
    "Ma Bế Đèo Lường Quàng Giàng Sùng Thào Mùa Ksor Siu Rơ Bàn Chảo Phàn Lầu Tráng Khuất Phí Cầm Vàng Lù "
    "Tẩn Sìn Hờ Lộc Nịnh Danh Nay".split()
)
