"""Public bodies and other organisations the articles name, with their abbreviations.

Central bodies are listed one by one; ministries and provincial departments (sở) share their
sector names ("Nội vụ" gives Bộ Nội vụ and Sở Nội vụ tỉnh X), so the sectors are listed once.
Bodies abolished or created by the March 2025 restructuring of the Government are all kept,
since articles of both periods are read; `period` says which.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.iri import slugify

AGENCY = "Agency"
ORGANIZATION = "Organization"
UNTIL_2025 = "until March 2025"
SINCE_2025 = "since March 2025"


@dataclass(frozen=True)
class Agency:
    """A named body. `variants` match whatever their case; `abbreviations` only with their capitals.
    A `head` is an office named by its holder's title ("Thủ tướng"), not matched after "Phó"."""

    label: str
    label_en: str
    variants: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    parent: str | None = None
    org_class: str = AGENCY
    head: bool = False
    period: str = ""

    @functools.cached_property
    def slug(self) -> str:
        return slugify(self.label)


@dataclass(frozen=True)
class Sector:
    """A field of government with a ministry (Bộ) and/or provincial departments (Sở)."""

    name: str
    english: str
    abbreviations: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    ministry_abbreviations: tuple[str, ...] = ()
    has_ministry: bool = True
    has_department: bool = True
    period: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The name, its variants, and each written with "&" for "và" as headlines do."""
        written = (self.name, *self.variants)
        return (*written, *(n.replace(" và ", " & ") for n in written if " và " in n))


SECTORS: tuple[Sector, ...] = (
    Sector("Nội vụ", "Home Affairs", ministry_abbreviations=("BNV",)),
    Sector("Tư pháp", "Justice", ministry_abbreviations=("BTP",)),
    Sector("Kế hoạch và Đầu tư", "Planning and Investment", ("KH&ĐT", "KHĐT", "KH-ĐT"),
           ministry_abbreviations=("KH&ĐT", "KHĐT"), period=UNTIL_2025),
    Sector("Tài chính", "Finance"),
    Sector("Công Thương", "Industry and Trade"),
    Sector("Nông nghiệp và Phát triển nông thôn", "Agriculture and Rural Development",
           ("NN&PTNT", "NNPTNT", "NN-PTNT"), period=UNTIL_2025),
    Sector("Nông nghiệp và Môi trường", "Agriculture and Environment", ("NN&MT", "NNMT"), period=SINCE_2025),
    Sector("Giao thông vận tải", "Transport", ("GTVT",), period=UNTIL_2025),
    Sector("Xây dựng", "Construction", ministry_abbreviations=("BXD",)),
    Sector("Tài nguyên và Môi trường", "Natural Resources and Environment", ("TN&MT", "TNMT"), period=UNTIL_2025),
    Sector("Thông tin và Truyền thông", "Information and Communications", ("TT&TT", "TTTT"), period=UNTIL_2025),
    Sector("Lao động - Thương binh và Xã hội", "Labour, Invalids and Social Affairs",
           ("LĐ-TB&XH", "LĐTBXH", "LĐ-TBXH"), period=UNTIL_2025),
    Sector("Văn hóa, Thể thao và Du lịch", "Culture, Sports and Tourism", ("VH-TT&DL", "VHTTDL", "VHTT&DL"),
           ("Văn hóa - Thể thao và Du lịch",)),
    Sector("Khoa học và Công nghệ", "Science and Technology", ("KH&CN", "KHCN")),
    Sector("Giáo dục và Đào tạo", "Education and Training", ("GD&ĐT", "GDĐT", "GD-ĐT")),
    Sector("Y tế", "Health", ministry_abbreviations=("BYT",)),
    Sector("Dân tộc và Tôn giáo", "Ethnic and Religious Affairs", period=SINCE_2025),
    Sector("Ngoại giao", "Foreign Affairs", has_department=False),
    Sector("Quốc phòng", "National Defence", has_department=False),
    Sector("Công an", "Public Security", has_department=False),
    Sector("Ngoại vụ", "External Relations", has_ministry=False),
    Sector("Văn hóa và Thể thao", "Culture and Sports", has_ministry=False),
    Sector("Du lịch", "Tourism", has_ministry=False),
)


def _ministry(sector: Sector) -> Agency:
    return Agency(
        f"Bộ {sector.name}",
        f"Ministry of {sector.english}",
        tuple(f"Bộ {v}" for v in sector.names[1:]),
        (*(f"Bộ {a}" for a in sector.abbreviations), *sector.ministry_abbreviations),
        period=sector.period,
    )


_CENTRE: tuple[Agency, ...] = (
    Agency("Bộ Chính trị", "Politburo"),
    Agency("Ban Chấp hành Trung ương Đảng", "Central Committee of the Communist Party of Vietnam",
           ("Ban Chấp hành Trung ương", "Ban Chấp hành TW"), ("BCH Trung ương", "BCH TW", "BCHTW")),
    Agency("Ban Bí thư", "Secretariat of the Party Central Committee",
           ("Ban Bí thư Trung ương Đảng", "Ban Bí thư Trung ương")),
    Agency("Văn phòng Trung ương Đảng", "Party Central Office"),
    Agency("Ban Tổ chức Trung ương", "Central Organisation Commission"),
    Agency("Quốc hội", "National Assembly"),
    Agency("Ủy ban Thường vụ Quốc hội", "Standing Committee of the National Assembly", (), ("UBTVQH",)),
    Agency("Văn phòng Quốc hội", "Office of the National Assembly"),
    # the National Assembly's council and committees, those of its 2025 restructuring and those before
    Agency("Hội đồng Dân tộc của Quốc hội", "Ethnic Council of the National Assembly", ("Hội đồng Dân tộc",)),
    Agency("Ủy ban Pháp luật và Tư pháp của Quốc hội", "Committee for Law and Justice of the National Assembly",
           ("Ủy ban Pháp luật và Tư pháp",), period=SINCE_2025),
    Agency("Ủy ban Kinh tế và Tài chính của Quốc hội", "Committee for Economic and Financial Affairs of the National "
           "Assembly", ("Ủy ban Kinh tế và Tài chính",), period=SINCE_2025),
    Agency("Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội", "Committee for National Defence, Security and "
           "Foreign Affairs of the National Assembly", ("Ủy ban Quốc phòng, An ninh và Đối ngoại",), period=SINCE_2025),
    Agency("Ủy ban Văn hóa và Xã hội của Quốc hội", "Committee for Culture and Society of the National Assembly",
           ("Ủy ban Văn hóa và Xã hội",), period=SINCE_2025),
    Agency("Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội", "Committee for Science, Technology and "
           "Environment of the National Assembly", ("Ủy ban Khoa học, Công nghệ và Môi trường",)),
    Agency("Ủy ban Công tác đại biểu", "Committee for Deputies' Affairs", period=SINCE_2025),
    Agency("Ủy ban Dân nguyện và Giám sát", "Committee for Petitions and Supervision", period=SINCE_2025),
    Agency("Ủy ban Pháp luật của Quốc hội", "Law Committee of the National Assembly", period=UNTIL_2025),
    Agency("Ủy ban Tư pháp của Quốc hội", "Judicial Committee of the National Assembly", period=UNTIL_2025),
    Agency("Ủy ban Kinh tế của Quốc hội", "Economic Committee of the National Assembly", period=UNTIL_2025),
    Agency("Ủy ban Tài chính, Ngân sách của Quốc hội", "Finance and Budget Committee of the National Assembly",
           ("Ủy ban Tài chính, Ngân sách", "Ủy ban Tài chính - Ngân sách"), period=UNTIL_2025),
    Agency("Ủy ban Quốc phòng và An ninh của Quốc hội", "National Defence and Security Committee of the National "
           "Assembly", ("Ủy ban Quốc phòng và An ninh",), period=UNTIL_2025),
    Agency("Ủy ban Văn hóa, Giáo dục của Quốc hội", "Committee for Culture and Education of the National Assembly",
           ("Ủy ban Văn hóa, Giáo dục",), period=UNTIL_2025),
    Agency("Ủy ban Xã hội của Quốc hội", "Social Affairs Committee of the National Assembly", period=UNTIL_2025),
    Agency("Ủy ban Đối ngoại của Quốc hội", "Foreign Affairs Committee of the National Assembly", period=UNTIL_2025),
    Agency("Chủ tịch nước", "President of Vietnam", head=True),
    Agency("Văn phòng Chủ tịch nước", "Office of the President"),
    Agency("Chính phủ", "Government of Vietnam"),
    Agency("Thủ tướng Chính phủ", "Prime Minister", ("Thủ tướng",), head=True),
    Agency("Văn phòng Chính phủ", "Government Office", (), ("VPCP",)),
    Agency("Thanh tra Chính phủ", "Government Inspectorate"),
    Agency("Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam", ("Ngân hàng Nhà nước",), ("NHNN",)),
    Agency("Kiểm toán Nhà nước", "State Audit Office of Vietnam", (), ("KTNN",)),
    Agency("Ủy ban Dân tộc", "Committee for Ethnic Minority Affairs", period=UNTIL_2025),
    Agency("Tòa án nhân dân tối cao", "Supreme People's Court", (), ("TANDTC",)),
    Agency("Viện kiểm sát nhân dân tối cao", "Supreme People's Procuracy", (), ("VKSNDTC",)),
    Agency("Bảo hiểm xã hội Việt Nam", "Vietnam Social Security", (), ("BHXH Việt Nam",)),
)

_SUB_BODIES: tuple[Agency, ...] = (
    Agency("Cục Kiểm soát thủ tục hành chính", "Administrative Procedures Control Agency",
           ("Cục Kiểm soát TTHC",), parent="van-phong-chinh-phu"),
    Agency("Tổ công tác của Thủ tướng Chính phủ", "Prime Minister's Working Group",
           ("Tổ công tác của Thủ tướng",), parent="thu-tuong-chinh-phu"),
    Agency("Ban Chỉ đạo cải cách hành chính của Chính phủ",
           "Government Steering Committee for Public Administration Reform",
           ("Ban Chỉ đạo CCHC của Chính phủ",), parent="chinh-phu"),
    Agency("Hội đồng Tư vấn cải cách thủ tục hành chính của Thủ tướng Chính phủ",
           "Prime Minister's Advisory Council for Administrative Procedure Reform",
           ("Hội đồng Tư vấn cải cách TTHC của Thủ tướng Chính phủ",), parent="thu-tuong-chinh-phu"),
    Agency("Vụ Cải cách hành chính", "Department of Public Administration Reform", parent="bo-noi-vu"),
    Agency("Tổng cục Thuế", "General Department of Taxation", parent="bo-tai-chinh"),
    Agency("Tổng cục Hải quan", "General Department of Customs", parent="bo-tai-chinh"),
    # the ministries' departments most named without their ministry (those of 2025 included)
    Agency("Cục Thuế", "Tax Department", parent="bo-tai-chinh"),
    Agency("Cục Hải quan", "Customs Department", parent="bo-tai-chinh"),
    Agency("Cục Thống kê", "Statistics Office", parent="bo-tai-chinh"),
    Agency("Kho bạc Nhà nước", "State Treasury", parent="bo-tai-chinh"),
    Agency("Cục Phát triển doanh nghiệp tư nhân và kinh tế tập thể",
           "Agency for Private Enterprise and Collective Economy Development", parent="bo-tai-chinh"),
    Agency("Cục Quản lý đăng ký kinh doanh", "Business Registration Management Agency", parent="bo-tai-chinh"),
    Agency("Vụ Chính quyền địa phương", "Department of Local Government", parent="bo-noi-vu"),
    Agency("Vụ Tổ chức - Biên chế", "Department of Organisation and Staffing", parent="bo-noi-vu"),
    Agency("Vụ Công chức - Viên chức", "Department of Civil Servants and Public Employees", parent="bo-noi-vu"),
    Agency("Cục Hành chính tư pháp", "Department of Judicial Administration", parent="bo-tu-phap"),
    Agency("Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính",
           "Department of Legal Document Review and Administrative Violation Handling", parent="bo-tu-phap"),
    Agency("Cục Cảnh sát quản lý hành chính về trật tự xã hội",
           "Police Department of Administrative Management of Social Order", parent="bo-cong-an"),
    Agency("Cục Cảnh sát giao thông", "Traffic Police Department", parent="bo-cong-an"),
    Agency("Cục Quản lý xuất nhập cảnh", "Immigration Department", parent="bo-cong-an"),
    Agency("Cục Chuyển đổi số quốc gia", "National Digital Transformation Agency",
           parent="bo-khoa-hoc-va-cong-nghe"),
    Agency("Cục An toàn thông tin", "Authority of Information Security", parent="bo-khoa-hoc-va-cong-nghe"),
    Agency("Cục Bưu điện Trung ương", "Central Post Office", parent="bo-khoa-hoc-va-cong-nghe"),
    Agency("Cục Đường bộ Việt Nam", "Vietnam Road Administration", parent="bo-xay-dung"),
    Agency("Cục Hàng không Việt Nam", "Civil Aviation Authority of Vietnam", parent="bo-xay-dung"),
    Agency("Cục Đăng kiểm Việt Nam", "Vietnam Register", parent="bo-xay-dung"),
    Agency("Cục Hàng hải và Đường thủy Việt Nam", "Vietnam Maritime and Waterway Administration", parent="bo-xay-dung",
           period=SINCE_2025),
    Agency("Cục Hàng hải Việt Nam", "Vietnam Maritime Administration", parent="bo-xay-dung", period=UNTIL_2025),
    Agency("Cục Đường thủy nội địa Việt Nam", "Vietnam Inland Waterways Administration", parent="bo-xay-dung",
           period=UNTIL_2025),
    Agency("Cục Đường sắt Việt Nam", "Vietnam Railway Authority", parent="bo-xay-dung"),
    Agency("Cục Quản lý đất đai", "Department of Land Management", parent="bo-nong-nghiep-va-moi-truong"),
    Agency("Cục Quản lý Dược", "Drug Administration of Vietnam", parent="bo-y-te"),
    Agency("Cục Quản lý Khám, chữa bệnh", "Medical Services Administration", ("Cục Quản lý Khám chữa bệnh",),
           parent="bo-y-te"),
    Agency("Cục Hạ tầng và Thiết bị y tế", "Department of Infrastructure and Medical Equipment", parent="bo-y-te"),
    Agency("Cục An toàn thực phẩm", "Vietnam Food Administration", parent="bo-y-te"),
    Agency("Cục Phòng bệnh", "Department of Disease Prevention", parent="bo-y-te"),
)

_ORGANIZATIONS: tuple[Agency, ...] = tuple(
    Agency(label, english, variants, abbreviations, org_class=ORGANIZATION)
    for label, english, variants, abbreviations in (
        ("Chương trình Phát triển Liên Hợp Quốc", "United Nations Development Programme",
         ("Chương trình phát triển của Liên Hợp Quốc", "Chương trình Phát triển của Liên hiệp quốc",
          "Chương trình Phát triển Liên hiệp quốc"), ("UNDP",)),
        ("Liên Hợp Quốc", "United Nations", ("Liên hiệp quốc",), ("LHQ",)),
        ("Ngân hàng Thế giới", "World Bank", ("World Bank",), ("WB",)),
        ("Ngân hàng Phát triển châu Á", "Asian Development Bank", (), ("ADB",)),
        ("Liên minh châu Âu", "European Union", (), ("EU",)),
        ("Cơ quan Hợp tác Quốc tế Nhật Bản", "Japan International Cooperation Agency", (), ("JICA",)),
        ("Phòng Thương mại và Công nghiệp Việt Nam", "Vietnam Chamber of Commerce and Industry", (), ("VCCI",)),
        ("Tập đoàn Bưu chính Viễn thông Việt Nam", "Vietnam Posts and Telecommunications Group",
         ("Tập đoàn VNPT",), ("VNPT",)),
        ("Tập đoàn Công nghiệp - Viễn thông Quân đội", "Viettel Group", ("Tập đoàn Viettel", "Viettel"), ()),
        ("Tổng công ty Bưu điện Việt Nam", "Vietnam Post", ("Bưu điện Việt Nam",), ("VNPost",)),
    )
)

AGENCIES: tuple[Agency, ...] = (
    *_CENTRE,
    *(_ministry(s) for s in SECTORS if s.has_ministry),
    *_SUB_BODIES,
    *_ORGANIZATIONS,
)


@functools.cache
def agency_by_slug() -> dict[str, Agency]:
    return {a.slug: a for a in AGENCIES}


def agency(slug: str) -> Agency:
    return agency_by_slug()[slug]
