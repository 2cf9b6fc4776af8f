"""The `kg` commands, run through click's CliRunner in a throw-away project folder (`home`):
exact output on success and exact one-line errors with their exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import LazyGroup, main
from kg.errors import QueryError

from .conftest import FIXTURES, REPOSITORY

COMMANDS = ["build", "draw", "eval", "export", "queries", "query", "show", "stats", "validate"]


def run(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="kg")


def assert_error(result, exit_code: int, message: str) -> None:
    assert (result.exit_code, result.stdout, result.stderr) == (exit_code, "", f"Error: {message}\n")


# --- the group ---------------------------------------------------------------------------------

def test_version():
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, "kg, version 0.1.0\n")


def test_help_lists_every_command():
    result = run("-h")
    assert result.exit_code == 0
    lines = result.stdout.split("Commands:\n")[1].splitlines()
    listed = [line.split()[0] for line in lines if line.startswith("  ") and not line.startswith("   ")]
    assert listed == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: kg {command} ")
    example = result.stdout.split("Example:\n")[1].splitlines()[0]
    assert example.strip().startswith(f"kg {command}")


@pytest.mark.parametrize("command", main.list_commands(click.Context(main)))
def test_every_command_is_in_the_readme(command: str):
    assert f"kg {command}" in (REPOSITORY / "README.md").read_text(encoding="utf-8")


def test_a_lazy_command_whose_module_is_missing_is_not_listed_and_breaks_nothing():
    group = LazyGroup(name="kg", lazy_commands={"ghost": ("kg.no_such_module:ghost", "A ghost.")})
    group.add_command(click.Command("real", callback=lambda: click.echo("real ran"), help="Real."))
    runner = CliRunner()
    assert runner.invoke(group, ["--help"]).stdout.endswith("Commands:\n  real  Real.\n")
    assert runner.invoke(group, ["real"]).stdout == "real ran\n"


def test_a_lazy_command_that_cannot_load_fails_with_one_line():
    group = LazyGroup(name="kg", lazy_commands={"broken": ("kg.errors:no_such_command", "Broken.")})
    runner = CliRunner()
    assert runner.invoke(group, ["--help"]).stdout.endswith("Commands:\n  broken  Broken.\n")
    result = runner.invoke(group, ["broken"])
    assert result.exit_code == 1
    assert result.stderr == ("Error: the broken command is not available (AttributeError: module 'kg.errors' "
                             "has no attribute 'no_such_command')\n")


def test_debug_lets_the_error_through(home):
    result = run("--debug", "query", "no-such-query")
    assert isinstance(result.exception, QueryError)


def test_query_show_and_help_import_neither_pyshacl_nor_networkx(mini_path):
    program = (
        "import sys\n"
        "from kg.cli import main\n"
        f"main(['query', 'directives', '--graph', {str(mini_path)!r}], standalone_mode=False)\n"
        f"main(['show', 'Bộ Nội vụ', '--graph', {str(mini_path)!r}], standalone_mode=False)\n"
        "main(['--help'], standalone_mode=False)\n"
        "print(sorted(m for m in ('pyshacl', 'networkx', 'matplotlib', 'kg.draw') if m in sys.modules))\n"
    )
    output = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    assert output.splitlines()[-1] == "[]"


# --- kg query ----------------------------------------------------------------------------------

BREAKDOWN_TABLE = """\
as_of       status              tasks
----------  ------------------  -----
2020-06-12  total                 149
2020-06-12  rk:CompletedOnTime     99
2020-06-12  rk:InProgress          47
2020-06-12  rk:Overdue              2
2020-06-12  rk:CompletedLate        1
(5 rows)
"""


def test_query_prints_a_table(home):
    result = run("query", "task-status-breakdown")
    assert (result.exit_code, result.stdout, result.stderr) == (0, BREAKDOWN_TABLE, "")


def test_query_parameter_without_diacritics(home):
    result = run("query", "task-status-breakdown", "--param", "province=thua thien hue")
    assert (result.exit_code, result.stdout) == (0, BREAKDOWN_TABLE)


def test_query_csv_is_the_sparql_csv_format(home):
    result = run("query", "task-status-breakdown", "--format", "csv")
    rk = "https://w3id.org/reformkg/ontology#"
    assert result.stdout == (
        "as_of,status,tasks\n2020-06-12,total,149\n"
        f"2020-06-12,{rk}CompletedOnTime,99\n2020-06-12,{rk}InProgress,47\n"
        f"2020-06-12,{rk}Overdue,2\n2020-06-12,{rk}CompletedLate,1\n"
    )


def test_query_tsv_writes_terms(home):
    result = run("query", "directives", "--format", "tsv")
    lines = result.stdout.splitlines()
    assert lines[0] == "?number\t?type\t?issuer\t?issued\t?implements\t?directive"
    assert lines[2] == ('"83/NQ-CP"\t<https://w3id.org/reformkg/ontology#Resolution>\t"Chính phủ"@vi\t'
                        '"2020-05-27"^^<http://www.w3.org/2001/XMLSchema#date>\t"54-NQ/TW"\t'
                        '"Nghị quyết 83/NQ-CP"@vi')


def test_query_json_is_the_sparql_json_format(home):
    result = run("query", "officials", "--format", "json")
    assert json.loads(result.stdout) == {
        "head": {"vars": ["official", "title", "body", "appears_in"]},
        "results": {"bindings": [{
            "official": {"type": "literal", "value": "Mai Tiến Dũng", "xml:lang": "vi"},
            "title": {"type": "literal", "value": "Bộ trưởng, Chủ nhiệm", "xml:lang": "vi"},
            "body": {"type": "literal", "value": "Văn phòng Chính phủ", "xml:lang": "vi"},
            "appears_in": {"type": "literal", "value": "hue-2020 nui-2020"},
        }]},
    }


def test_query_ask_file(home):
    Path("ask.rq").write_text("ASK { ?who a <https://w3id.org/reformkg/ontology#Official> }\n", encoding="utf-8")
    assert run("query", "ask.rq").stdout == "true\n"
    assert run("query", "ask.rq", "--format", "json").stdout == '{\n  "head": {},\n  "boolean": true\n}\n'


def test_query_construct_prints_turtle(home):
    Path("implements.rq").write_text(
        "PREFIX rk: <https://w3id.org/reformkg/ontology#>\n"
        "CONSTRUCT { ?d rk:implements ?p } WHERE { ?d rk:implements ?p }\n", encoding="utf-8")
    assert run("query", "implements.rq").stdout == (
        "@prefix rk: <https://w3id.org/reformkg/ontology#> .\n\n"
        "<https://w3id.org/reformkg/id/directive/83-nq-cp>\n"
        "    rk:implements <https://w3id.org/reformkg/id/directive/54-nq-tw> .\n"
    )


def test_query_refuses_an_update(home):
    Path("drop.rq").write_text("DELETE WHERE { ?s ?p ?o }\n", encoding="utf-8")
    assert_error(run("query", "drop.rq"), 2,
                 "updates are not allowed: only SELECT, ASK, CONSTRUCT and DESCRIBE queries run")
    assert len(Graph().parse(home / "build" / "reform-kg.ttl")) == 212


def test_query_bad_sparql(home):
    Path("bad.rq").write_text("SELECT ?s WHERE { ?s ?p }\n", encoding="utf-8")
    assert_error(run("query", "bad.rq"), 2,
                 "bad SPARQL: Expected SelectQuery, found '?'  (at char 18), (line:1, col:19)")


def test_query_unknown_stored_query(home):
    assert_error(run("query", "tasks-by-provinse"), 2,
                 "no stored query named 'tasks-by-provinse'; did you mean tasks-by-province, indicator-by-province?")


def test_query_parameter_iri_of_the_wrong_class(home):
    assert_error(run("query", "tasks-by-province", "-p", "province=rki:agency/chinh-phu"), 2,
                 "parameter province takes a province, and rki:agency/chinh-phu is none in the graph")


def test_query_unknown_parameter(home):
    assert_error(run("query", "overdue-tasks", "-p", "province=Huế"), 2,
                 "unknown parameter 'province' for query overdue-tasks (it takes: no parameters)")


def test_query_unknown_province(home):
    assert_error(run("query", "tasks-by-province", "-p", "province=Huế"), 2,
                 "no province called 'Huế'; close matches: Thừa Thiên Huế")


def test_query_missing_query_file(home):
    assert_error(run("query", "missing.rq"), 2, "no such query file: missing.rq")


def test_query_missing_graph_file(home):
    assert_error(run("query", "directives", "--graph", "elsewhere.ttl"), 2, "no such graph file: elsewhere.ttl")


def test_query_builds_the_missing_default_graph_first(home):
    (home / "build" / "reform-kg.ttl").unlink()
    result = run("query", "directives")
    assert result.exit_code == 2
    assert result.stderr == ("No graph at build/reform-kg.ttl yet: building it from seeds/\n"
                             f"Error: {home / 'seeds'}: no articles (*.txt) to build from\n")


def test_queries_lists_names_parameters_and_summaries(home):
    result = run("queries")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["name", "parameters", "summary"]
    assert [line.split()[0] for line in lines[2:]] == [p.stem for p in sorted((home / "queries").glob("*.rq"))]
    assert lines[-1] == (
        "tasks-by-province      province=Thừa Thiên Huế            Tasks assigned to a province by the Prime "
        "Minister or the Government, with status, count, deadline, as-of date and source"
    )


# --- kg validate -------------------------------------------------------------------------------

def test_validate_a_conforming_graph(home):
    result = run("validate")
    assert (result.exit_code, result.stdout) == (0, "Conforms: yes (0 results)\n")


def test_validate_takes_the_graph_as_the_other_commands_do(home):
    result = run("validate", "--graph", str(FIXTURES / "broken.ttl"))
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (1, "Conforms: no (3 violations, 1 warning)")


def test_validate_a_broken_graph(home):
    result = run("validate", str(FIXTURES / "broken.ttl"))
    assert (result.exit_code, result.stdout) == (1, """\
severity   focus                  path                 message                                   shape
---------  ---------------------  -------------------  ----------------------------------------  ------------------------------
Violation  rki:observation/empty  rk:value             an observation has a decimal value        sh:MinCountConstraintComponent
Violation  rki:task/unsourced     prov:wasDerivedFrom  a task needs the source it was read from  TaskSourceShape
Violation  rki:task/unsourced     rk:taskCount         a task count is one non-negative integer  TaskCountShape
Warning    rki:observation/empty  rk:refPeriod         an observation should say its period      sh:MinCountConstraintComponent
Conforms: no (3 violations, 1 warning)
""")


def test_validate_json(home):
    result = run("validate", str(FIXTURES / "broken.ttl"), "--format", "json")
    report = json.loads(result.stdout)
    assert (result.exit_code, report["conforms"], len(report["results"])) == (1, False, 4)
    assert report["results"][1] == {
        "severity": "Violation", "focus": "https://w3id.org/reformkg/id/task/unsourced",
        "path": "prov:wasDerivedFrom", "message": "a task needs the source it was read from",
        "shape": "TaskSourceShape",
    }


def test_validate_turtle_is_the_shacl_report(home):
    result = run("validate", "--format", "turtle")
    report = Graph().parse(data=result.stdout, format="turtle")
    assert result.exit_code == 0
    assert report.query("ASK { ?r <http://www.w3.org/ns/shacl#conforms> true }").askAnswer


def test_validate_without_a_graph(home):
    (home / "build" / "reform-kg.ttl").unlink()
    assert_error(run("validate"), 2, "no graph at build/reform-kg.ttl; run `kg build` first")
    assert_error(run("validate", "other.ttl"), 2, "no such graph file: other.ttl")


def test_validate_an_unparsable_graph(home):
    Path("bad.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    result = run("validate", "bad.ttl")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("Error: cannot parse bad.ttl: ")
    assert result.stderr.count("\n") == 1


def test_validate_without_shapes(home):
    (home / "shapes" / "shapes.ttl").unlink()
    assert_error(run("validate"), 2, f"no SHACL shapes (*.ttl) in {home / 'shapes'}")


# --- kg show -----------------------------------------------------------------------------------

MAI_TIEN_DUNG = """\
Mai Tiến Dũng
  rki:official/mai-tien-dung
  a rk:Official

Names
  rdfs:label: Mai Tiến Dũng @vi

Properties
  org:memberOf: Văn phòng Chính phủ  [rki:agency/van-phong-chinh-phu]

Mentioned in
  Huế làm việc với Văn phòng Chính phủ  [rki:source/hue-2020]
  Kiểm tra các tỉnh miền núi  [rki:source/nui-2020]

Facts: org:Membership
  Mai Tiến Dũng, Bộ trưởng, Chủ nhiệm, Văn phòng Chính phủ  (org:member)
    org:organization: Văn phòng Chính phủ  [rki:agency/van-phong-chinh-phu]
    org:role: Bộ trưởng, Chủ nhiệm  [rki:role/bo-truong-chu-nhiem]
    source: Huế làm việc với Văn phòng Chính phủ  [rki:source/hue-2020], 2020-06-13
    evidence: "Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng phát biểu."
"""


@pytest.mark.parametrize("name", ["mai tien dung", "MAI TIẾN DŨNG", "rki:official/mai-tien-dung",
                                  "https://w3id.org/reformkg/id/official/mai-tien-dung"])
def test_show_by_label_or_iri(home, name):
    result = run("show", name)
    assert (result.exit_code, result.stdout, result.stderr) == (0, MAI_TIEN_DUNG, "")


def test_show_an_abbreviation(home):
    assert run("show", "VPCP").stdout.splitlines()[:2] == ["Văn phòng Chính phủ", "  rki:agency/van-phong-chinh-phu"]


def test_show_groups_facts_and_references(home):
    lines = run("show", "Thừa Thiên Huế").stdout.splitlines()
    assert [line for line in lines if line and not line.startswith(" ")] == [
        "Thừa Thiên Huế", "Names", "Mentioned in", "Facts: rk:Observation", "Facts: rk:Task", "Referred to by",
    ]
    assert lines[-1] == ("  rk:jurisdiction of Ủy ban nhân dân tỉnh Thừa Thiên Huế  "
                         "[rki:agency/uy-ban-nhan-dan-tinh-thua-thien-hue]")


def test_show_unknown_lists_close_matches(home):
    assert_error(run("show", "Mai Tien Dzung"), 2, "no entity called 'Mai Tien Dzung'; close matches: Mai Tiến Dũng")


def test_show_unknown_iri(home):
    assert_error(run("show", "rki:official/nobody"), 2, "nothing in the graph is called rki:official/nobody")


# --- kg export and kg stats --------------------------------------------------------------------

def test_export_turtle_is_stable_and_complete(home):
    first, second = run("export").stdout, run("export").stdout
    assert first == second
    assert first.startswith("@prefix dcterms: <http://purl.org/dc/terms/> .\n@prefix org: <http://www.w3.org/ns/org#> .\n")
    assert set(Graph().parse(data=first, format="turtle")) == set(Graph().parse(FIXTURES / "mini.ttl"))
    assert "_:" not in first


def test_export_ntriples_to_a_file(home):
    result = run("export", "--format", "ntriples", "-o", "out/graph.nt")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "Wrote out/graph.nt\n")
    lines = Path("out/graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == 212


def test_export_unknown_format_is_a_usage_error(home):
    result = run("export", "--format", "csv")
    assert result.exit_code == 2
    assert "Invalid value for '--format': 'csv' is not one of" in result.stderr


def test_stats(home):
    result = run("stats")
    assert (result.exit_code, result.stdout) == (0, """\
212 triples
Instances per class
class              instances
-----------------  ---------
rk:Task                    9
rk:Agency                  6
rk:Observation             3
rk:Province                3
rk:Directive               2
rk:Indicator               2
rk:SourceDocument          2
org:Membership             1
org:Role                   1
rk:Official                1

Facts per source document
source               tasks  observations  memberships  directives  entities
-------------------  -----  ------------  -----------  ----------  --------
rki:source/hue-2020      7             1            1           2        10
rki:source/nui-2020      2             2            0           0         5

Per province (a reported breakdown counts as one task)
province        tasks  observations  sources
--------------  -----  ------------  -------
Thừa Thiên Huế      2             1        1
Hà Giang            1             1        1
Lạng Sơn            1             1        1
""")


# --- kg build ----------------------------------------------------------------------------------

def test_build_from_a_folder_without_articles(home):
    (home / "seeds" / "notes.md").write_text("không phải bài báo\n", encoding="utf-8")
    before = (home / "build" / "reform-kg.ttl").read_bytes()
    assert_error(run("build", "--seeds", "seeds"), 2, "seeds: no articles (*.txt) to build from")
    assert (home / "build" / "reform-kg.ttl").read_bytes() == before


def test_build_from_a_missing_folder(home):
    assert_error(run("build", "--seeds", "nowhere"), 2, "nowhere: no such folder")


def test_a_failed_build_leaves_the_previous_graph(home):
    (home / "seeds" / "a.txt").write_text("UBND tỉnh Lạng Sơn đã giao 12 nhiệm vụ.\n", encoding="utf-8")
    (home / "seeds" / "b.txt").write_bytes("Hà Giang".encode("latin-1") + b"\n")
    before = (home / "build" / "reform-kg.ttl").read_bytes()
    assert_error(run("build", "--seeds", "seeds"), 2, "seeds/b.txt: is not UTF-8 (invalid byte 0xe0 at byte offset 1)")
    assert (home / "build" / "reform-kg.ttl").read_bytes() == before
    assert sorted(p.name for p in (home / "build").iterdir()) == ["reform-kg.ttl"]


def test_build_writes_the_graph_and_a_summary(home):
    (home / "seeds" / "a.txt").write_text(
        "Chiều 3/4, Văn phòng Chính phủ làm việc với tỉnh Lạng Sơn về cải cách hành chính.\n", encoding="utf-8")
    result = run("build", "--seeds", "seeds", "--out", "build/new.ttl")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Built build/new.ttl: 1 document, ")
    assert lines[1].split() == ["class", "instances"]
    assert lines[-1].startswith("Validation: Conforms: ")
    graph = Graph().parse(home / "build" / "new.ttl")
    assert int(lines[0].split(", ")[1].split()[0]) == len(graph)
    assert result.exit_code == (0 if lines[-1].startswith("Validation: Conforms: yes") else 1)


def test_build_without_validation(home):
    (home / "seeds" / "a.txt").write_text("Tỉnh Vĩnh Phúc đẩy mạnh cải cách hành chính.\n", encoding="utf-8")
    result = run("build", "--seeds", "seeds", "--no-validate")
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "Validation: skipped")


def test_readme_test_command_is_the_one_ci_runs():
    last_line = (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert f"```sh\n{last_line}\n```" in (REPOSITORY / "README.md").read_text(encoding="utf-8")


def test_an_unexpected_failure_is_one_line(home, monkeypatch):
    def broken(text, store):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr("kg.show.show_entity", broken)
    assert_error(run("show", "Huế"), 1, "unexpected RuntimeError: boom (run with --debug for the traceback)")


def test_build_shows_progress_on_stderr_for_many_articles(home):
    for number in range(20):
        (home / "seeds" / f"bai-{number:02d}.txt").write_text(
            f"Tỉnh Cao Bằng công bố {number + 1} thủ tục hành chính mới.\n", encoding="utf-8")
    result = run("build", "--seeds", "seeds", "--no-validate")
    assert result.exit_code == 0
    assert result.stderr == "Reading articles\n"
    assert result.stdout.startswith("Built build/reform-kg.ttl: 20 documents, ")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own parsers use its deprecated classes
@pytest.mark.parametrize(("export_format", "rdflib_format"), [
    ("turtle", "turtle"), ("ntriples", "nt"), ("nquads", "nquads"), ("trig", "trig"), ("jsonld", "json-ld"),
    ("xml", "xml"),
])
def test_every_export_format_reads_back_as_the_graph(home, export_format, rdflib_format):
    from rdflib import Dataset

    result = run("export", "--format", export_format)
    assert result.exit_code == 0
    dataset = Dataset()
    dataset.parse(data=result.stdout, format=rdflib_format)
    assert set(dataset.triples((None, None, None))) == set(Graph().parse(FIXTURES / "mini.ttl"))


def test_build_of_a_graph_that_does_not_conform_exits_1(home):
    (home / "shapes" / "strict.ttl").write_text("""\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rk: <https://w3id.org/reformkg/ontology#> .
<https://w3id.org/reformkg/shapes#SourceNeedsReviewer> a sh:NodeShape ;
    sh:targetClass rk:SourceDocument ;
    sh:property [ sh:path rk:reviewer ; sh:minCount 1 ; sh:message "a source needs a reviewer"@en ] .
""", encoding="utf-8")
    (home / "seeds" / "bai.txt").write_text("Tỉnh Tuyên Quang đẩy mạnh cải cách hành chính.\n", encoding="utf-8")
    result = run("build", "--seeds", "seeds", "--out", "build/strict.ttl")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "Validation: Conforms: no (1 violation)"
    assert result.stderr == (
        "severity   focus           path         message                    shape\n"
        "---------  --------------  -----------  -------------------------  ------------------------------\n"
        "Violation  rki:source/bai  rk:reviewer  a source needs a reviewer  sh:MinCountConstraintComponent\n"
        "Conforms: no (1 violation)\n"
        "build/strict.ttl was left as it was.\n"
    )
    assert result.stdout.splitlines()[0] == "Built build/strict.invalid.ttl: 1 document, 8 triples"
    assert (home / "build" / "strict.invalid.ttl").is_file() and not (home / "build" / "strict.ttl").exists()


def test_a_query_failing_on_the_data_exits_1(home, monkeypatch):
    def failing(self, *args, **kwargs):
        raise ValueError("cannot compare xsd:gYear with xsd:date")

    monkeypatch.setattr(Graph, "query", failing)
    assert_error(run("query", "directives"), 1, "the query failed on the data: cannot compare xsd:gYear with xsd:date")


def test_show_a_directive_by_its_number(home):
    assert run("show", "83/nq-cp").stdout.splitlines()[:3] == [
        "Nghị quyết 83/NQ-CP", "  rki:directive/83-nq-cp", "  a rk:Directive",
    ]


def test_a_component_failing_on_an_article_names_it_and_exits_3(home, monkeypatch):
    import kg.pipeline

    def broken(document):
        raise KeyError("thị trấn")

    (home / "seeds" / "a.txt").write_text("UBND tỉnh Lạng Sơn đã giao 12 nhiệm vụ.\n", encoding="utf-8")
    before = (home / "build" / "reform-kg.ttl").read_bytes()
    monkeypatch.setattr(kg.pipeline, "COMPONENTS", (*kg.pipeline.COMPONENTS[:3], broken))
    assert_error(run("build", "--seeds", "seeds"), 3,
                 "seeds/a.txt: broken failed on this article (KeyError: 'thị trấn'); this is a bug in reform-kg, "
                 "please report it with the article")
    assert (home / "build" / "reform-kg.ttl").read_bytes() == before
