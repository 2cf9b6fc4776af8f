"""kg.draw: the RDF graph as networkx, selections, every output format, metrics and the command."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from PIL import Image
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.draw.command import draw
from kg.draw.convert import load_graph, load_ontology, to_networkx
from kg.draw.formats import to_dot, write_drawing
from kg.draw.html import render_html
from kg.draw.metrics import centrality, format_table
from kg.draw.select import find_node, from_query, keep_classes, neighbourhood
from kg.errors import InputError, QueryError
from kg.vocab import RK, RKI

FIXTURES = Path(__file__).parent / "fixtures" / "draw"
HUE = str(RKI["province/thua-thien-hue"])
LANG_SON = str(RKI["province/lang-son"])
CITY = str(RKI["unit/thua-thien-hue/thanh-pho-hue"])
PEOPLES_COMMITTEE = str(RKI["agency/uy-ban-nhan-dan-tinh-thua-thien-hue"])
GOVERNMENT = str(RKI["agency/chinh-phu"])
OFFICIAL = str(RKI["official/tran-thi-binh"])
MEMBERSHIP = str(RKI["membership/0a1b2c3d4e5f6a7b"])
RESOLUTION = str(RKI["directive/83-nq-cp"])
TASK = str(RKI["task/1c2d3e4f5a6b7c8d"])
OBSERVATION = str(RKI["observation/2d3e4f5a6b7c8d9e"])
SOURCE = str(RKI["source/bai-viet-mau"])
IN_PROGRESS = str(RK.InProgress)


@pytest.fixture(scope="module")
def data() -> Graph:
    return load_graph(FIXTURES / "small.ttl")


@pytest.fixture(scope="module")
def graph(data: Graph) -> nx.MultiDiGraph:
    return to_networkx(data, load_ontology(FIXTURES))


def test_one_node_per_resource_and_one_edge_per_object_property(graph: nx.MultiDiGraph) -> None:
    assert graph.number_of_nodes() == 16
    assert graph.number_of_edges() == 25
    assert all(node.startswith("https://w3id.org/reformkg/") for node in graph)
    assert "rdf:type" not in {key for _, _, key in graph.edges(keys=True)}


def test_nodes_carry_label_class_iri_and_literals(graph: nx.MultiDiGraph) -> None:
    assert graph.nodes[HUE]["label"] == "Thừa Thiên Huế"
    assert graph.nodes[HUE]["class"] == "Province"
    assert graph.nodes[HUE]["iri"] == HUE
    assert graph.nodes[HUE]["rdfs:label@en"] == "Thua Thien Hue"
    assert graph.nodes[CITY]["class"] == "AdministrativeUnit"
    assert graph.nodes[MEMBERSHIP]["class"] == "Membership"
    assert graph.nodes[RESOLUTION]["rk:documentNumber"] == "83/NQ-CP"
    assert graph.nodes[OBSERVATION]["rk:value"] == 98.5
    assert graph.nodes[TASK]["rk:taskCount"] == 12
    assert graph.nodes[TASK]["rk:evidence"] == "Tỉnh đang thực hiện 12 nhiệm vụ Chính phủ giao theo Nghị quyết 83/NQ-CP."


def test_ontology_names_properties_and_code_list_members(data: Graph, graph: nx.MultiDiGraph) -> None:
    assert graph.edges[TASK, HUE, "rk:assignedTo"] == {"label": "assigned to", "property": str(RK.assignedTo)}
    assert (graph.nodes[IN_PROGRESS]["label"], graph.nodes[IN_PROGRESS]["class"]) == ("đang thực hiện", "TaskStatus")
    bare = to_networkx(data)
    assert bare.edges[TASK, HUE, "rk:assignedTo"]["label"] == "assigned to"  # the local name, in words
    assert (bare.nodes[IN_PROGRESS]["label"], bare.nodes[IN_PROGRESS]["class"]) == ("InProgress", "Resource")


def test_schema_terms_merged_into_the_data_are_not_drawn(data: Graph) -> None:
    merged = data + load_ontology(FIXTURES)
    merged.add((RK.Task, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")))
    merged.add((RK.Task, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")))
    drawn = to_networkx(merged)
    assert str(RK.Task) not in drawn
    assert str(RK.assignedTo) not in drawn
    assert drawn.number_of_edges() == 25


def test_focus_is_found_without_diacritics_by_label_alt_label_or_iri(graph: nx.MultiDiGraph) -> None:
    assert find_node(graph, "thua thien hue") == HUE
    assert find_node(graph, "UBND TỈNH THỪA THIÊN HUẾ") == PEOPLES_COMMITTEE
    assert find_node(graph, "rki:province/lang-son") == LANG_SON
    assert find_node(graph, RESOLUTION) == RESOLUTION
    assert find_node(graph, "83/NQ-CP") == RESOLUTION


def test_unknown_focus_suggests_close_labels(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(InputError) as raised:
        find_node(graph, "Hue")
    assert str(raised.value) == ('no node labelled or named \'Hue\' in the graph; did you mean: "Thành phố Huế", '
                                 '"Thừa Thiên Huế", "Ủy ban nhân dân tỉnh Thừa Thiên Huế"')


def test_neighbourhood_by_depth_reaches_but_does_not_cross_hubs(graph: nx.MultiDiGraph) -> None:
    assert list(neighbourhood(graph, HUE, 0)) == [HUE]
    one = neighbourhood(graph, HUE, 1)
    assert sorted(one) == sorted([HUE, CITY, PEOPLES_COMMITTEE, TASK, SOURCE])
    assert one.number_of_edges() == 6
    two = neighbourhood(graph, HUE, 2)
    assert sorted(two) == sorted([HUE, CITY, PEOPLES_COMMITTEE, TASK, SOURCE, OFFICIAL, MEMBERSHIP,
                                  GOVERNMENT, RESOLUTION, IN_PROGRESS])
    assert LANG_SON not in neighbourhood(graph, HUE, 5)
    assert sorted(neighbourhood(graph, SOURCE, 1)) == sorted(
        [SOURCE, HUE, LANG_SON, GOVERNMENT, PEOPLES_COMMITTEE, OFFICIAL, MEMBERSHIP, RESOLUTION, TASK, OBSERVATION])


def test_class_filter_keeps_only_those_classes(graph: nx.MultiDiGraph) -> None:
    kept = keep_classes(graph, ["Task", "agency"])
    assert list(kept) == [GOVERNMENT, PEOPLES_COMMITTEE, TASK]
    assert list(kept.edges(keys=True)) == [(TASK, GOVERNMENT, "rk:assignedBy")]
    assert list(keep_classes(graph, ["org:Membership"], also=HUE)) == [MEMBERSHIP, HUE]
    with pytest.raises(InputError, match="unknown class 'Ministry'"):
        keep_classes(graph, ["Ministry"])


def test_select_query_of_source_target_pairs(data: Graph, graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    query = tmp_path / "assigned.rq"
    query.write_text("SELECT ?source ?target WHERE { ?source rk:assignedTo|rk:assignedBy ?target }", encoding="utf-8")
    chosen = from_query(data, graph, query)
    assert list(chosen) == [GOVERNMENT, HUE, TASK]
    query.write_text("SELECT ?subject ?object WHERE { ?subject rk:assignedTo ?object }", encoding="utf-8")
    assert list(from_query(data, graph, query).edges(keys=True)) == [(TASK, HUE, "rk:assignedTo")]
    who = tmp_path / "who-assigns-whom.rq"
    who.write_text("SELECT ?source ?target WHERE { ?t rk:assignedBy ?source ; rk:assignedTo ?target }", encoding="utf-8")
    assert list(from_query(data, graph, who).edges(keys=True, data="label")) == [
        (GOVERNMENT, HUE, "query", "who-assigns-whom")]
    assert sorted(chosen.edges(keys=True)) == [(TASK, GOVERNMENT, "rk:assignedBy"), (TASK, HUE, "rk:assignedTo")]
    assert chosen.nodes[HUE]["label"] == "Thừa Thiên Huế"


def test_construct_query_defines_the_edges(data: Graph, graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    query = tmp_path / "issued.rq"
    query.write_text("CONSTRUCT { ?d rk:issuedBy ?a . ?d rdfs:label ?l } WHERE { ?d rk:issuedBy ?a ; rdfs:label ?l }",
                     encoding="utf-8")
    chosen = from_query(data, graph, query)
    assert list(chosen.edges(keys=True, data="label")) == [(RESOLUTION, GOVERNMENT, "rk:issuedBy", "issued by")]


@pytest.mark.parametrize(("text", "message"), [
    ("ASK { ?s ?p ?o }", "must be a CONSTRUCT or a SELECT"),
    ("SELECT ?s WHERE { ?s ?p ?o }", "must select ?source and ?target"),
    ("SELECT ?source ?target WHERE { ?source", "query bad.rq failed"),
])
def test_unusable_queries_are_query_errors(data: Graph, graph: nx.MultiDiGraph, tmp_path: Path,
                                           text: str, message: str) -> None:
    query = tmp_path / "bad.rq"
    query.write_text(text, encoding="utf-8")
    with pytest.raises(QueryError, match=re.escape(message)):
        from_query(data, graph, query)


def test_graphml_and_gexf_read_back_with_networkx(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_drawing(graph, tmp_path / "kg.graphml", "t")
    write_drawing(graph, tmp_path / "kg.gexf", "t")
    for reread in (nx.read_graphml(tmp_path / "kg.graphml"), nx.read_gexf(tmp_path / "kg.gexf")):
        assert sorted(reread) == sorted(graph)
        assert reread.number_of_edges() == 25
        assert reread.nodes[HUE]["label"] == "Thừa Thiên Huế"
        assert reread.nodes[OBSERVATION]["rk:value"] == 98.5
        assert reread.nodes[TASK]["class"] == "Task"
        assert sorted(d["property"] for _, _, d in reread.edges(TASK, data=True)) == sorted(
            str(p) for p in (RK.assignedBy, RK.assignedTo, RK.basedOn, RK.status,
                             URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))


def test_dot_quotes_names_and_lists_every_node_and_edge(graph: nx.MultiDiGraph) -> None:
    text = to_dot(graph, 'Đề án "30"')
    assert text.startswith('digraph "reform-kg" {\n  graph [label="Đề án \\"30\\""')
    assert text.count(" -> ") == 25
    assert f'"{HUE}" [label="Thừa Thiên Huế", fillcolor="#1f77b4", tooltip="Province"];' in text


def test_png_and_svg_are_a4_landscape_drawings(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_drawing(graph, tmp_path / "kg.png", "Thử nghiệm")
    with Image.open(tmp_path / "kg.png") as picture:
        assert picture.size == (1753, 1240)
        colours = {colour for _, colour in picture.convert("RGB").getcolors(maxcolors=1 << 20)}
    assert (0x1F, 0x77, 0xB4) in colours  # provinces are drawn in their class colour
    write_drawing(graph, tmp_path / "kg.svg", "Thử nghiệm")
    root = ET.parse(tmp_path / "kg.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Thử nghiệm" in (tmp_path / "kg.svg").read_text(encoding="utf-8")


def test_drawings_are_deterministic(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    for name in ("a.svg", "b.svg", "a.html", "b.html"):
        write_drawing(graph, tmp_path / name, "t", HUE)
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_page_embeds_the_graph_safely(graph: nx.MultiDiGraph) -> None:
    hostile = graph.copy()
    hostile.nodes[HUE]["label"] = "</script><script>alert(1)</script>"
    page = render_html(hostile, "<b>title</b>")
    assert page.count("</script>") == 2
    assert "<title>&lt;b&gt;title&lt;/b&gt;</title>" in page
    block = page.split('id="reform-kg-data">', 1)[1].split("</script>", 1)[0]
    payload = json.loads(block)
    assert len(payload["nodes"]) == 16 and len(payload["edges"]) == 25
    assert "</script><script>alert(1)</script>" in {n["label"] for n in payload["nodes"]}


def test_unknown_extension_or_empty_graph_is_an_input_error(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"cannot draw to kg\.pdf: the extension must be one of \.html"):
        write_drawing(graph, tmp_path / "kg.pdf", "t")
    with pytest.raises(InputError, match="the graph is empty: nothing to draw"):
        write_drawing(nx.MultiDiGraph(), tmp_path / "kg.png", "t")


def test_most_central_actors(graph: nx.MultiDiGraph) -> None:
    rows = centrality(graph)
    assert [(r.label, r.degree, r.betweenness) for r in rows] == [
        ("Thừa Thiên Huế", 3, 0.4167), ("Ủy ban nhân dân tỉnh Thừa Thiên Huế", 3, 0.2778),
        ("Chính phủ", 2, 0.0), ("Trần Thị Bình", 2, 0.0), ("Lạng Sơn", 1, 0.0), ("Thành phố Huế", 1, 0.0)]
    table = format_table(rows[:1]).splitlines()
    assert table[0].split() == ["#", "actor", "class", "degree", "degree", "centrality", "betweenness"]
    assert table[2].split() == ["1", "Thừa", "Thiên", "Huế", "Province", "3", "0.3333", "0.4167"]


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "ontology").mkdir()
    shutil.copy(FIXTURES / "ontology.ttl", tmp_path / "ontology" / "ontology.ttl")
    monkeypatch.setenv("REFORMKG_HOME", str(tmp_path))
    return tmp_path


def test_command_without_a_built_graph_says_to_build(home: Path) -> None:
    result = CliRunner().invoke(draw, ["-o", str(home / "kg.html")])
    assert result.exit_code == 2
    assert result.output == f"Error: no graph at {home / 'build' / 'reform-kg.ttl'}; run `kg build` first (or give --graph FILE)\n"


def test_command_draws_a_focus_and_prints_metrics(home: Path) -> None:
    output = home / "hue.html"
    result = CliRunner().invoke(draw, ["--graph", str(FIXTURES / "small.ttl"), "--focus", "Thừa Thiên Huế",
                                       "--depth", "2", "--class", "Agency", "--class", "Task", "-o", str(output),
                                       "--metrics"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2].split()[:4] == ["1", "Thừa", "Thiên", "Huế"]
    assert result.stderr == f"wrote {output}: 4 nodes, 3 edges\n"
    assert "<title>reform-kg: Thừa Thiên Huế, depth 2; Agency, Task</title>" in output.read_text(encoding="utf-8")


@pytest.mark.parametrize(("arguments", "message"), [
    (["--focus", "Đà Nẵng", "-o", "x.html"], "Error: no node labelled or named 'Đà Nẵng' in the graph\n"),
    (["-o", "x.pdf"], "Error: cannot draw to x.pdf: the extension must be one of .html, .png, .svg, .graphml, .gexf, .dot\n"),
    (["--class", "Person", "--metrics"], "Error: the selection is empty: nothing to draw\n"),
])
def test_command_errors_are_one_line(home: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str],
                                     message: str) -> None:
    monkeypatch.chdir(home)
    result = CliRunner().invoke(draw, ["--graph", str(FIXTURES / "small.ttl"), *arguments])
    assert (result.exit_code, result.output) == (2, message)


def test_metrics_alone_print_the_table_of_the_selection(home: Path) -> None:
    result = CliRunner().invoke(draw, ["--graph", str(FIXTURES / "small.ttl"), "--focus", "lang son",
                                       "--class", "Observation", "--metrics"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[2:] == ["1  Lạng Sơn  Province       1             1.0000       0.0000"]
    assert result.stderr == ""


def test_command_needs_an_output_or_metrics(home: Path) -> None:
    result = CliRunner().invoke(draw, ["--graph", str(FIXTURES / "small.ttl")])
    assert result.exit_code == 2
    assert "give -o/--output FILE to draw, or --metrics" in result.output


def test_literal_values_with_several_values_become_one_text(data: Graph) -> None:
    extra = data + Graph()
    extra.add((URIRef(HUE), RK.refPeriod, Literal("2024")))
    extra.add((URIRef(HUE), RK.refPeriod, Literal("2023")))
    assert to_networkx(extra).nodes[HUE]["rk:refPeriod"] == "2023 | 2024"


def test_layout_of_a_component_too_big_for_networkx_keeps_neighbours_close() -> None:
    from kg.draw.layout import layout

    ring = nx.MultiDiGraph()
    ring.add_edges_from((f"n{i:03d}", f"n{(i + 1) % 520:03d}") for i in range(520))
    positions = layout(ring)
    assert positions == layout(ring)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in positions.values())

    def distance(a: str, b: str) -> float:
        return ((positions[a][0] - positions[b][0]) ** 2 + (positions[a][1] - positions[b][1]) ** 2) ** 0.5

    along = sum(distance(u, v) for u, v in ring.edges()) / 520
    across = sum(distance(f"n{i:03d}", f"n{(i + 260) % 520:03d}") for i in range(520)) / 520
    assert along * 10 < across
