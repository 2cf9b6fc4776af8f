"""The indicator code list: the ontology and the extractor's rules name the same codes, and the
rules map the phrases of Vietnamese reporting to them."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS

from kg.paths import ontology_dir
from kg.relate import indicators, labels
from kg.relate.indicators import (
    ESTIMATE_SHARE_OF,
    GROWTH_OF,
    RULES,
    derived_indicator,
    derived_label,
    indicator_codes,
    match_indicator,
    measures_change,
)
from kg.relate.labels import measure_label
from kg.vocab import RK


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for path in sorted(ontology_dir().glob("*.ttl")):
        graph.parse(path)
    return graph


def _indicators(graph: Graph) -> set[str]:
    return {str(node).removeprefix(str(RK)) for node in graph.subjects(RDF.type, RK.Indicator)}


def test_the_code_list_in_python_equals_the_indicators_of_the_ontology(ontology: Graph) -> None:
    assert _indicators(ontology) == set(indicator_codes())


def test_every_indicator_is_fully_described(ontology: Graph) -> None:
    incomplete = []
    for code in sorted(indicator_codes()):
        node = RK[code]
        languages = {p: {lit.language for lit in ontology.objects(node, p)}
                     for p in (RDFS.label, SKOS.prefLabel, SKOS.definition)}
        change = list(ontology.objects(node, RK.measuresChange))
        if any(langs != {"vi", "en"} for langs in languages.values()) \
                or list(ontology.objects(node, SKOS.notation)) != [Literal(code)] \
                or change != [Literal(measures_change(code))] \
                or (node, SKOS.inScheme, RK.IndicatorScheme) not in ontology \
                or (node, SKOS.topConceptOf, RK.IndicatorScheme) not in ontology:
            incomplete.append(code)
    assert incomplete == []


def test_the_scheme_the_indicators_belong_to_is_declared(ontology: Graph) -> None:
    assert (RK.IndicatorScheme, RDF.type, SKOS.ConceptScheme) in ontology


def test_every_code_has_a_rule_and_every_rule_a_code() -> None:
    assert {rule.code for rule in RULES} == set(indicator_codes())


def test_growth_and_estimate_codes_are_codes_and_growth_measures_change() -> None:
    assert set(GROWTH_OF) | set(GROWTH_OF.values()) | set(ESTIMATE_SHARE_OF) | set(ESTIMATE_SHARE_OF.values()) \
        <= indicator_codes()
    assert [code for code in GROWTH_OF.values() if not measures_change(code)] == []
    assert measures_change("OnTimeResolutionRate") is False


@pytest.mark.parametrize("phrase, unit, code", [
    ("thủ tục hành chính được đưa vào thực hiện cơ chế một cửa, một cửa liên thông", "Percent",
     "OneStopProcedureShare"),
    ("TTHC được tiếp nhận tại Bộ phận Một cửa", "Percent", "OneStopProcedureShare"),
    ("dịch vụ công trực tuyến mức độ 3 đạt", "Percent", "OnlineServiceLevel3Share"),
    ("DVCTT mức độ 4 đạt", "Percent", "OnlineServiceLevel4Share"),
    ("tỷ lệ DVC trực tuyến mức độ 3, 4 đạt", "Percent", "OnlineServiceLevel3And4Share"),
    ("TTHC được cung cấp dịch vụ công trực tuyến mức độ 2 trở lên", "Percent", "OnlineServiceShare"),
    ("dịch vụ công trực tuyến toàn trình", "Percent", "FullProcessOnlineServiceShare"),
    ("cung cấp dịch vụ công trực tuyến", "Count", "OnlineServiceCount"),
    ("đã đồng bộ lên Cổng Dịch vụ công quốc gia", "Percent", "NationalPortalIntegrationShare"),
    ("hồ sơ giải quyết trước và đúng hạn đạt", "Percent", "OnTimeResolutionRate"),
    ("tỷ lệ hồ sơ giải quyết đúng hẹn", "Percent", "OnTimeResolutionRate"),
    ("tỷ lệ xử lý trễ hạn luôn nhỏ hơn", "Percent", "LateResolutionRate"),
    ("hồ sơ quá hạn chiếm", "Percent", "LateResolutionRate"),
    ("tỷ lệ hồ sơ số hoá thành phần hồ sơ khi tiếp nhận", "Percent", "DigitisedRecordShare"),
    ("tỷ lệ hồ sơ số hóa kết quả giải quyết", "Percent", "DigitisedRecordShare"),
    ("tỷ lệ hồ sơ được cấp kết quả bản điện tử", "Percent", "ElectronicResultShare"),
    ("tỷ lệ văn bản được ký số", "Percent", "DigitalSignatureShare"),
    ("tỷ lệ hồ sơ nộp trực tuyến", "Percent", "OnlineSubmissionShare"),
    ("mức độ hài lòng của người dân", "Percent", "SatisfactionRate"),
    ("rút ngắn thời gian giải quyết", "Percent", "ProcessingTimeReduction"),
    ("Chỉ số sẵn sàng cho phát triển và ứng dụng CNTT xếp thứ", "Rank", "ICTIndexRank"),
    ("ICT Index của tỉnh đạt", "Score", "ICTIndexScore"),
    ("Chỉ số cải cách hành chính (PAR INDEX) xếp thứ", "Rank", "PARIndexRank"),
    ("PAR INDEX của tỉnh đạt", "Percent", "PARIndex"),
    ("Chỉ số SIPAS đạt", "Percent", "SIPAS"),
    ("chỉ số PAPI đứng thứ", "Rank", "PAPIRank"),
    ("Chỉ số năng lực cạnh tranh cấp tỉnh đạt", "Score", "PCI"),
    ("PCI xếp hạng", "Rank", "PCIRank"),
    ("thực hiện được nhiệm vụ, đạt Kế hoạch", "Percent", "PlanCompletionShare"),
    ("được giao nhiệm vụ", "Count", "TasksAssigned"),
    ("nhiệm vụ hoàn thành đúng hạn", "Count", "TasksCompletedOnTime"),
    ("nhiệm vụ hoàn thành quá hạn", "Count", "TasksCompletedLate"),
    ("nhiệm vụ đang thực hiện quá hạn", "Count", "TasksOverdue"),
    ("nhiệm vụ trong hạn đang thực hiện", "Count", "TasksInProgress"),
    ("quyết định công bố TTHC", "Count", "ProceduresAnnounced"),
    ("trong đó thêm mới TTHC", "Count", "ProceduresAdded"),
    ("sửa đổi, bổ sung thủ tục", "Count", "ProceduresAmended"),
    ("bãi bỏ TTHC", "Count", "ProceduresAbolished"),
    ("bộ phận một cửa tiếp nhận hồ sơ", "Count", "RecordsReceived"),
    ("đã giải quyết hồ sơ", "Count", "RecordsResolved"),
    ("hệ thống thông tin kết nối với hệ thống khác", "Count", "ConnectedSystems"),
    ("các cơ quan kết nối Trục liên thông văn bản quốc gia", "Percent", "DocumentExchangeConnectedShare"),
    ("tổng sản phẩm trên địa bàn tỉnh (GRDP) ước tăng", "Percent", "GRDPGrowth"),
    ("tốc độ tăng trưởng GRDP đạt", "Percent", "GRDPGrowth"),
    ("quy mô GRDP đạt", "TrillionVND", "GRDP"),
    ("doanh nghiệp đăng ký thành lập mới", "Count", "NewEnterprises"),
    ("doanh nghiệp thành lập mới với tổng vốn đăng ký", "BillionVND", "NewEnterpriseCapital"),
    ("tăng về số doanh nghiệp so với cùng kỳ", "Percent", "NewEnterpriseGrowth"),
    ("tạo việc làm cho lao động", "Person", "JobsCreated"),
    ("tổng thu ngân sách trên địa bàn đạt", "BillionVND", "BudgetRevenue"),
    ("thu ngân sách tăng", "Percent", "BudgetRevenueGrowth"),
    ("thu ngân sách đạt dự toán", "Percent", "BudgetRevenueEstimateShare"),
    ("thu nội địa đạt", "BillionVND", "DomesticRevenue"),
    ("giá trị sản xuất công nghiệp - xây dựng đạt", "BillionVND", "IndustrialConstructionOutput"),
    ("giá trị sản xuất công nghiệp tăng", "Percent", "IndustrialConstructionOutputGrowth"),
    ("giá trị sản xuất ngành dịch vụ - thương mại đạt", "BillionVND", "ServicesOutput"),
])
def test_phrases_map_to_their_indicator(phrase: str, unit: str, code: str) -> None:
    assert match_indicator(phrase, unit) == code


@pytest.mark.parametrize("phrase, unit", [
    ("tạm ứng ngân sách hỗ trợ các ngành", "BillionVND"),
    ("tăng cường đầu tư hạ tầng", "Percent"),
    ("hạ tầng thu ngân sách", "Percent"),
    ("tỷ lệ cán bộ sử dụng thư điện tử công vụ", "Percent"),
    ("hồ sơ giải quyết trước và đúng hạn", "BillionVND"),
])
def test_phrases_that_name_no_coded_measure(phrase: str, unit: str) -> None:
    assert match_indicator(phrase, unit) is None


def test_the_unit_is_optional() -> None:
    assert match_indicator("tỷ lệ giải quyết hồ sơ trễ hạn") == "LateResolutionRate"


@pytest.mark.parametrize("head, phrase, unit, code", [
    ("BudgetRevenue", ", tăng so với cùng kỳ", "Percent", "BudgetRevenueGrowth"),
    ("DomesticRevenue", ", bằng dự toán tỉnh giao", "Percent", "DomesticRevenueEstimateShare"),
    ("OnTimeResolutionRate", "), Hà Nam (", "Percent", "OnTimeResolutionRate"),
    ("OnTimeResolutionRate", ", tăng so với năm trước", "Percent", None),
    ("RecordsReceived", ", đạt", "Percent", None),
    (None, ", tăng", "Percent", None),
])
def test_a_figure_naming_nothing_is_read_from_the_figure_before(head: str | None, phrase: str, unit: str,
                                                                code: str | None) -> None:
    assert derived_indicator(head, phrase, unit) == code


@pytest.mark.parametrize("before, inner, noun, label", [
    ("Nhờ đó, tỷ lệ hồ sơ được cấp kết quả bản điện tử đạt ", "", "", "tỷ lệ hồ sơ được cấp kết quả bản điện tử"),
    ("Hiện nay, tỉnh đã tiếp nhận ", "", "hồ sơ", "tỉnh đã tiếp nhận hồ sơ"),
    ("; ", " thủ tục hành chính (tỷ lệ ", "", "thủ tục hành chính"),
    ("Tỷ lệ hài lòng của người dân luôn đạt mức trên ", "", "", "tỷ lệ hài lòng của người dân"),
    ("DVCTT mức độ 3 đạt ", "", "", "DVCTT mức độ 3"),
])
def test_the_label_is_the_phrase_naming_the_measure(before: str, inner: str, noun: str, label: str) -> None:
    assert measure_label(before, inner, noun) == label


@pytest.mark.parametrize("head, phrase, unit, label", [
    ("PCI", ", đứng thứ", "Rank", "thứ hạng chỉ số PCI"),
    ("PCI", ", tăng so với năm trước", "Percent", "mức tăng chỉ số PCI"),
    ("DomesticRevenue", ", bằng dự toán", "Percent", "chỉ số PCI so với dự toán"),
    ("OnlineServiceCount", ", chiếm tổng số TTHC", "Percent", "tỷ lệ chỉ số PCI"),
    ("PCI", "), Hà Nam (", "Score", "chỉ số PCI"),
])
def test_the_label_of_a_figure_read_from_the_one_before(head: str, phrase: str, unit: str, label: str) -> None:
    assert derived_label("chỉ số PCI", phrase, unit, head) == label


def test_a_rank_or_a_share_after_a_head() -> None:
    assert derived_indicator("PARIndex", ", xếp thứ", "Rank") == "PARIndexRank"
    head_phrase = "cung cấp dịch vụ công trực tuyến toàn trình"
    assert derived_indicator("OnlineServiceCount", ", chiếm", "Percent", head_phrase) == "FullProcessOnlineServiceShare"


@pytest.mark.parametrize("text", ["", " ", "a  b", " a\nb ", "\ta", "a\u00a0 b\u2028", "a b"])
def test_phrases_are_single_spaced_as_the_substitution_spaces_them(text: str) -> None:
    assert indicators._single_spaced(text) == re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("before", ["TỶ LỆ hồ sơ ĐẠT", "Chỉ ſố PCI xếp hạng", "lİên tục tăng", "tỉ lệ gıảm CỦA",
                                    "Ông A CHO BIẾT: tỷ lệ đạt (", "Tính đến hết, số lượng"])
def test_labels_read_the_words_as_ignoring_case_reads_them(before: str) -> None:
    key = labels._case_key(before)
    assert len(key) == len(before)
    for pattern in (labels._TRAILING, labels._MEASURE_HEAD, labels._SPEECH, labels._LEADING):
        ignoring_case = re.compile(pattern.pattern, re.IGNORECASE)
        assert [m.span() for m in pattern.finditer(key)] == [m.span() for m in ignoring_case.finditer(before)]
