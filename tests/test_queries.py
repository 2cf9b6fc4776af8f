"""Stored queries: their headers, their parameters, and the rows each gives on the mini graph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.output import display
from kg.paths import queries_dir
from kg.queries import (
    bind_params,
    find_query,
    parse_param_options,
    parse_query_file,
    read_header,
    resolve_label,
    stored_queries,
)
from kg.store import GraphStore, iri

QUERY_FILES = sorted(queries_dir().glob("*.rq"))
VARIABLE = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
PREFIXED = re.compile(r"(?<![\w<?$:/#])([A-Za-z][\w-]*):[A-Za-z_]")


def rows(store: GraphStore, name: str, **params: str) -> list[tuple[str, ...]]:
    query = find_query(name, queries_dir())
    result = store.query(query.text, bind_params(query, params, store))
    return [tuple(display(term) for term in row) for row in result.rows]


def body(text: str) -> str:
    """The query without comment lines, for linting what the engine reads."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def test_there_are_eleven_stored_queries():
    assert [p.stem for p in QUERY_FILES] == [
        "central-partners", "directives", "evidence", "indicator-by-province", "officials",
        "overdue-tasks", "province-observations", "province-timeline", "targets",
        "task-status-breakdown", "tasks-by-province",
    ]


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_header_is_yaml_with_a_summary_and_typed_parameters(path: Path):
    lines = [line[3:] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#+ ")]
    header = yaml.safe_load("\n".join(lines))
    assert set(header) <= {"summary", "params", "tags"}
    assert isinstance(header["summary"], str) and len(header["summary"]) > 20
    assert header["tags"]
    for param in header.get("params") or []:
        assert set(param) >= {"name", "type", "default"}


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_declared_parameter_is_a_variable_of_the_query(path: Path):
    query = parse_query_file(path)
    variables = set(VARIABLE.findall(body(query.text)))
    assert {p.name for p in query.params} <= variables


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_prefixes_are_declared_so_the_file_runs_anywhere(path: Path):
    text = body(path.read_text(encoding="utf-8"))
    declared = set(re.findall(r"PREFIX\s+([\w-]*):", text))
    used = set(PREFIXED.findall(re.sub(r'"[^"]*"|<[^>]*>', "", text))) - {"PREFIX"}
    assert used <= declared
    prepareQuery(text)  # parses with no prefixes bound beforehand


def test_read_header_stops_at_the_first_other_line():
    assert read_header("#+ summary: one\n#+ tags: [a]\nSELECT * {}\n#+ summary: two\n") == {
        "summary": "one", "tags": ["a"],
    }


def test_read_header_rejects_bad_yaml():
    with pytest.raises(QueryError, match="^the #\\+ header is not valid YAML"):
        read_header("#+ summary: [unclosed\n")


def test_unknown_stored_query_suggests_close_names():
    with pytest.raises(QueryError) as caught:
        find_query("overdue-task", queries_dir())
    assert str(caught.value) == "no stored query named 'overdue-task'; did you mean overdue-tasks?"


def test_param_options_need_an_equals_sign():
    assert parse_param_options(("province=thua thien hue", "x=a=b")) == {"province": "thua thien hue", "x": "a=b"}
    with pytest.raises(QueryError) as caught:
        parse_param_options(("province",))
    assert str(caught.value) == "a parameter is written name=value, not 'province'"


def test_unknown_parameter_is_refused(mini_store):
    query = find_query("tasks-by-province", queries_dir())
    with pytest.raises(QueryError) as caught:
        bind_params(query, {"provinec": "Huế"}, mini_store)
    assert str(caught.value) == "unknown parameter 'provinec' for query tasks-by-province (it takes: province)"


@pytest.mark.parametrize("text", ["thua thien hue", "THỪA THIÊN HUẾ", "  Thua  Thien Hue ", "Thừa Thiên Huế",
                                  "rki:province/thua-thien-hue",
                                  "https://w3id.org/reformkg/id/province/thua-thien-hue"])
def test_a_province_is_found_with_or_without_diacritics(mini_store, text):
    query = find_query("tasks-by-province", queries_dir())
    assert bind_params(query, {"province": text}, mini_store) == {
        "province": iri("https://w3id.org/reformkg/id/province/thua-thien-hue"),
    }


def test_an_unknown_label_lists_close_matches(mini_store):
    with pytest.raises(QueryError) as caught:
        resolve_label("lang sonn", mini_store, "https://w3id.org/reformkg/ontology#Province", what="province")
    assert str(caught.value) == "no province called 'lang sonn'; close matches: Lạng Sơn"


def test_a_label_of_another_class_is_not_a_province(mini_store):
    with pytest.raises(QueryError) as caught:
        resolve_label("Bộ Nội vụ", mini_store, "https://w3id.org/reformkg/ontology#Province", what="province")
    assert str(caught.value) == "no province called 'Bộ Nội vụ'"


def test_parameters_are_bound_not_spliced(mini_store):
    """A value full of SPARQL stays a value: it finds nothing and changes nothing."""
    query = parse_query_file(queries_dir() / "tasks-by-province.rq")
    hostile = '"} ; DROP ALL ; SELECT * { ?s ?p ?o'
    with pytest.raises(QueryError, match="^no province called"):
        bind_params(query, {"province": hostile}, mini_store)
    assert len(mini_store) == 212


def test_stored_queries_are_listed_in_name_order():
    assert [q.name for q in stored_queries(queries_dir())] == [p.stem for p in QUERY_FILES]


# The rows each stored query gives on tests/fixtures/mini.ttl.

HUE_SOURCE = "rki:source/hue-2020"
BOTH = "Chính phủ; Thủ tướng Chính phủ"


def test_tasks_by_province(mini_store):
    assert rows(mini_store, "tasks-by-province") == [
        ("149 nhiệm vụ được giao", BOTH, "", "149", "", "2020-06-12", HUE_SOURCE),
        ("nhiệm vụ đã hoàn thành đúng hạn", BOTH, "rk:CompletedOnTime", "99", "", "2020-06-12", HUE_SOURCE),
        ("nhiệm vụ chưa hoàn thành", BOTH, "rk:NotCompleted", "49", "", "2020-06-12", HUE_SOURCE),
        ("nhiệm vụ trong hạn đang thực hiện", BOTH, "rk:InProgress", "47", "", "2020-06-12", HUE_SOURCE),
        ("nhiệm vụ đang thực hiện quá hạn", BOTH, "rk:Overdue", "2", "", "2020-06-12", HUE_SOURCE),
        ("nhiệm vụ hoàn thành quá hạn", BOTH, "rk:CompletedLate", "1", "", "2020-06-12", HUE_SOURCE),
    ]


def test_tasks_by_province_for_another_province(mini_store):
    assert rows(mini_store, "tasks-by-province", province="lang son") == [
        ("tích hợp dịch vụ công lên Cổng Dịch vụ công quốc gia", "Thủ tướng Chính phủ", "rk:Overdue", "", "2020-03",
         "", "rki:source/nui-2020"),
    ]


def test_task_status_breakdown_counts_innermost_lines_once(mini_store):
    assert rows(mini_store, "task-status-breakdown") == [
        ("2020-06-12", "total", "149"),
        ("2020-06-12", "rk:CompletedOnTime", "99"),
        ("2020-06-12", "rk:InProgress", "47"),
        ("2020-06-12", "rk:Overdue", "2"),
        ("2020-06-12", "rk:CompletedLate", "1"),
    ]


def test_overdue_tasks(mini_store):
    assert rows(mini_store, "overdue-tasks") == [
        ("nhiệm vụ đang thực hiện quá hạn", "Thừa Thiên Huế", BOTH, "2", "", "2020-06-12", HUE_SOURCE),
        ("tích hợp dịch vụ công lên Cổng Dịch vụ công quốc gia", "Hà Giang; Lạng Sơn", "Thủ tướng Chính phủ", "",
         "2020-03", "", "rki:source/nui-2020"),
    ]


def test_directives(mini_store):
    assert rows(mini_store, "directives") == [
        ("54-NQ/TW", "rk:Resolution", "Bộ Chính trị", "2019-12-10", "", "Nghị quyết 54-NQ/TW"),
        ("83/NQ-CP", "rk:Resolution", "Chính phủ", "2020-05-27", "54-NQ/TW", "Nghị quyết 83/NQ-CP"),
    ]


def test_officials(mini_store):
    assert rows(mini_store, "officials") == [
        ("Mai Tiến Dũng", "Bộ trưởng, Chủ nhiệm", "Văn phòng Chính phủ", "hue-2020 nui-2020"),
    ]


def test_province_observations(mini_store):
    assert rows(mini_store, "province-observations") == [
        ("Thừa Thiên Huế", "tỷ lệ thủ tục thực hiện cơ chế một cửa", "100", "rk:Percent", "2020-06-12", HUE_SOURCE),
    ]


def test_indicator_by_province(mini_store):
    expected = [
        ("Lạng Sơn", "99.82", "rk:Percent", "2020", "rki:source/nui-2020"),
        ("Hà Giang", "92.24", "rk:Percent", "2020", "rki:source/nui-2020"),
    ]
    assert rows(mini_store, "indicator-by-province") == expected
    assert rows(mini_store, "indicator-by-province", indicator="ty le ho so giai quyet dung han") == expected


def test_central_partners(mini_store):
    assert rows(mini_store, "central-partners") == [
        ("Bộ Nội vụ", "partner", "xây dựng Đề án điều chỉnh địa giới hành chính", HUE_SOURCE),
        ("Chính phủ", "assigned by", "149 nhiệm vụ được giao", HUE_SOURCE),
        ("Thủ tướng Chính phủ", "assigned by", "149 nhiệm vụ được giao", HUE_SOURCE),
    ]


def test_targets(mini_store):
    assert rows(mini_store, "targets") == [
        ("cắt giảm ít nhất 20% số quy định", "20", "rk:Percent", "2025", "Chính phủ", "Chính phủ",
         "rki:source/nui-2020"),
    ]


def test_evidence(mini_store):
    assert rows(mini_store, "evidence") == [
        ("Mai Tiến Dũng, Bộ trưởng, Chủ nhiệm, Văn phòng Chính phủ", "org:member",
         "Huế làm việc với Văn phòng Chính phủ", "baochinhphu.vn", "2020-06-13",
         "Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng phát biểu.", HUE_SOURCE),
    ]


def test_evidence_for_a_directive_includes_its_own_sentence(mini_store):
    assert [(r[0], r[1]) for r in rows(mini_store, "evidence", entity="Nghị quyết 54-NQ/TW")] == [
        ("Nghị quyết 54-NQ/TW", "itself"),
        ("Nghị quyết 83/NQ-CP", "rk:implements"),
    ]


def test_province_timeline(mini_store):
    assert rows(mini_store, "province-timeline") == [
        ("2020-05-27", "directive issued", "Nghị quyết 83/NQ-CP", HUE_SOURCE),
        ("2020-06-12", "figure", "thủ tục hành chính thực hiện cơ chế một cửa: 100", HUE_SOURCE),
        ("2020-06-12", "task status", "149 nhiệm vụ được giao", HUE_SOURCE),
        ("2020-06-13", "article", "Huế làm việc với Văn phòng Chính phủ", HUE_SOURCE),
    ]


def test_a_task_not_done_by_its_deadline_is_overdue(tmp_path):
    (tmp_path / "late.ttl").write_text("""\
@prefix rk: <https://w3id.org/reformkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix t: <https://w3id.org/reformkg/id/task/> .
t:month a rk:Task ; rdfs:label "xây dựng hệ thống báo cáo"@vi ; rk:status rk:NotCompleted ;
    rk:deadline "2020-03"^^xsd:gYearMonth ; rk:statusDate "2020-06-12"^^xsd:date ;
    prov:wasDerivedFrom <https://w3id.org/reformkg/id/source/s> .
t:year a rk:Task ; rdfs:label "số hóa hồ sơ"@vi ; rk:status rk:InProgress ;
    rk:deadline "2020"^^xsd:gYear ; rk:statusDate "2020-06-12"^^xsd:date ;
    prov:wasDerivedFrom <https://w3id.org/reformkg/id/source/s> .
t:done a rk:Task ; rdfs:label "công bố thủ tục"@vi ; rk:status rk:CompletedLate ;
    rk:deadline "2020-01-15"^^xsd:date ; rk:statusDate "2020-06-12"^^xsd:date ;
    prov:wasDerivedFrom <https://w3id.org/reformkg/id/source/s> .
""", encoding="utf-8")
    assert rows(GraphStore.load(tmp_path / "late.ttl"), "overdue-tasks") == [
        ("xây dựng hệ thống báo cáo", "", "", "", "2020-03", "2020-06-12", "rki:source/s"),
    ]


def test_a_province_with_nothing_gets_no_rows(tmp_path):
    (tmp_path / "quiet.ttl").write_text("""\
@prefix rk: <https://w3id.org/reformkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<https://w3id.org/reformkg/id/province/bac-kan> a rk:Province ; rdfs:label "Bắc Kạn"@vi .
<https://w3id.org/reformkg/id/membership/m> rdfs:label "Vũ Văn A, Chủ tịch"@vi ;
    prov:wasDerivedFrom <https://w3id.org/reformkg/id/source/s> .
""", encoding="utf-8")
    store = GraphStore.load(tmp_path / "quiet.ttl")
    for name in ("tasks-by-province", "task-status-breakdown", "province-observations", "central-partners",
                 "province-timeline"):
        assert rows(store, name, province="bac kan") == [], name
    for name in ("overdue-tasks", "directives", "officials", "targets"):
        assert rows(store, name) == [], name


def test_an_ambiguous_label_lists_what_it_names(tmp_path):
    (tmp_path / "twins.ttl").write_text("""\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/reformkg/id/agency/so-noi-vu-tinh-cao-bang> rdfs:label "Sở Nội vụ tỉnh Cao Bằng"@vi ;
    skos:altLabel "Sở Nội vụ"@vi .
<https://w3id.org/reformkg/id/agency/so-noi-vu-tinh-bac-kan> rdfs:label "Sở Nội vụ tỉnh Bắc Kạn"@vi ;
    skos:altLabel "Sở Nội vụ"@vi .
""", encoding="utf-8")
    with pytest.raises(QueryError) as caught:
        resolve_label("so noi vu", GraphStore.load(tmp_path / "twins.ttl"))
    assert str(caught.value) == ("'so noi vu' names several: rki:agency/so-noi-vu-tinh-bac-kan, "
                                 "rki:agency/so-noi-vu-tinh-cao-bang; give an IRI instead")
