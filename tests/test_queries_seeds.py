"""Each stored query on the graph of the five seed articles, against what a reader of the seeds
expects. Columns that hold the extractor's own phrasing (task labels) are left out."""

from __future__ import annotations

from kg.output import display
from kg.paths import queries_dir, seeds_dir
from kg.queries import bind_params, find_query
from kg.store import GraphStore

HUE = "rki:source/000_a5abf3369adc2867"
HUE_2021 = "rki:source/001_4b6620126f5dade0"
CONFERENCE = "rki:source/002_15602c87f9d358f6"
MOUNTAINS = "rki:source/003_86d2e9896025c8b8"
VINH_PHUC = "rki:source/004_fbf076a2eb93223e"
GOVERNMENT_AND_PM = "Chính phủ; Thủ tướng Chính phủ"
SIX_PROVINCES = "Bắc Kạn; Cao Bằng; Hà Giang; Lạng Sơn; Thái Nguyên; Tuyên Quang"


def table(store: GraphStore, name: str, **params: str) -> list[dict[str, str]]:
    query = find_query(name, queries_dir())
    result = store.query(query.text, bind_params(query, params, store))
    return [{var: display(term) for var, term in zip(result.variables, row)} for row in result.rows]


def pick(rows: list[dict[str, str]], *columns: str) -> list[tuple[str, ...]]:
    return [tuple(row[c] for c in columns) for row in rows]


def test_tasks_assigned_to_thua_thien_hue_by_the_government(seed_store):
    rows = table(seed_store, "tasks-by-province", province="thua thien hue")
    assert pick(rows, "assigned_by", "status", "count", "deadline", "as_of", "source") == [
        (GOVERNMENT_AND_PM, "", "149", "", "2020-06-12", HUE),
        (GOVERNMENT_AND_PM, "rk:CompletedOnTime", "99", "", "2020-06-12", HUE),
        (GOVERNMENT_AND_PM, "rk:NotCompleted", "49", "", "2020-06-12", HUE),
        (GOVERNMENT_AND_PM, "rk:InProgress", "47", "", "2020-06-12", HUE),
        (GOVERNMENT_AND_PM, "rk:Overdue", "2", "", "2020-06-12", HUE),
        (GOVERNMENT_AND_PM, "rk:CompletedLate", "1", "", "2020-06-12", HUE),
    ]


def test_status_breakdown_of_thua_thien_hue(seed_store):
    assert pick(table(seed_store, "task-status-breakdown"), "as_of", "status", "tasks") == [
        ("2020-06-12", "total", "149"),
        ("2020-06-12", "rk:CompletedOnTime", "99"),
        ("2020-06-12", "rk:InProgress", "47"),
        ("2020-06-12", "rk:Overdue", "2"),
        ("2020-06-12", "rk:CompletedLate", "1"),
    ]


def test_overdue_tasks(seed_store):
    """The two overdue of Thừa Thiên Huế; in the mountain provinces, the reporting system due in
    March 2020 and the services the Prime Minister's Decision 411/QĐ-TTg set a schedule for."""
    rows = table(seed_store, "overdue-tasks")
    assert sorted(pick(rows, "assignee", "assigned_by", "count", "deadline", "source")) == sorted([
        ("Thừa Thiên Huế", GOVERNMENT_AND_PM, "2", "", HUE),
        (SIX_PROVINCES, GOVERNMENT_AND_PM, "", "2020-03", MOUNTAINS),
        (SIX_PROVINCES, "Thủ tướng Chính phủ", "", "", MOUNTAINS),
    ])


def test_numbered_directives(seed_store):
    rows = [row for row in table(seed_store, "directives") if row["number"]]
    assert pick(rows, "number", "type", "issuer", "issued", "implements") == [
        ("01/NQ-CP", "rk:Resolution", "Chính phủ", "", ""),
        ("411/QĐ-TTg", "rk:Decision", "Thủ tướng Chính phủ", "", ""),
        ("45/2020/NĐ-CP", "rk:Decree", "Chính phủ", "", ""),
        ("68/NQ-CP", "rk:Resolution", "Chính phủ", "", ""),
        ("54-NQ/TW", "rk:Resolution", "Bộ Chính trị", "2019-12-10", ""),
        ("83/NQ-CP", "rk:Resolution", "Chính phủ", "2020-05-27", "54-NQ/TW"),
    ]


def test_officials(seed_store):
    """Titles are read in their canonical case ("Phó chủ tịch" is the post "Phó Chủ tịch"), so that one
    post has one role node and one label."""
    stems = {HUE: "000_a5abf3369adc2867", HUE_2021: "001_4b6620126f5dade0", CONFERENCE: "002_15602c87f9d358f6",
             MOUNTAINS: "003_86d2e9896025c8b8"}
    assert sorted(pick(table(seed_store, "officials"), "official", "title", "body", "appears_in")) == sorted([
        ("Mai Tiến Dũng", "Bộ trưởng, Chủ nhiệm", "Văn phòng Chính phủ",
         f"{stems[HUE]} {stems[CONFERENCE]} {stems[MOUNTAINS]}"),
        ("Mai Tiến Dũng", "Tổ trưởng", "Tổ công tác của Thủ tướng Chính phủ",
         f"{stems[HUE]} {stems[CONFERENCE]} {stems[MOUNTAINS]}"),
        ("Nguyễn Thanh Bình", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Thừa Thiên Huế", stems[HUE_2021]),
        ("Phan Thiên Định", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Thừa Thiên Huế", stems[CONFERENCE]),
        ("Nguyễn Thanh Hải", "Bí thư", "Tỉnh ủy Thái Nguyên", stems[MOUNTAINS]),
        ("Vũ Hồng Bắc", "Chủ tịch", "Ủy ban nhân dân tỉnh Thái Nguyên", stems[MOUNTAINS]),
        ("Ngô Hải Phan", "Cục trưởng", "Cục Kiểm soát thủ tục hành chính", stems[MOUNTAINS]),
        ("Ngô Hải Phan", "Thành viên", "Tổ công tác của Thủ tướng Chính phủ", stems[MOUNTAINS]),
    ])


def test_figures_of_thua_thien_hue_in_the_2020_meeting(seed_store):
    rows = [row for row in table(seed_store, "province-observations") if row["source"] == HUE]
    assert sorted(pick(rows, "area", "value", "unit")) == [
        ("Thừa Thiên Huế", "100", "rk:Percent"),
        ("Thừa Thiên Huế", "173", "rk:BillionVND"),
        ("Thừa Thiên Huế", "22", "rk:Count"),
        ("Thừa Thiên Huế", "30", "rk:Percent"),
    ]


def test_on_time_resolution_rate_compared(seed_store):
    rows = table(seed_store, "indicator-by-province")
    assert pick(rows, "value", "unit", "source") == [
        ("99.82", "rk:Percent", MOUNTAINS),
        ("99.36", "rk:Percent", MOUNTAINS),
        ("99", "rk:Percent", MOUNTAINS),
        ("93.86", "rk:Percent", VINH_PHUC),
        ("74.26", "rk:Percent", VINH_PHUC),
    ]
    assert [row["area"] for row in rows[:3]] == ["Lạng Sơn", "Thái Nguyên", "Tuyên Quang"]


def test_central_partners_of_thua_thien_hue(seed_store):
    pairs = pick(table(seed_store, "central-partners"), "body", "relation")
    assert list(dict.fromkeys(pairs)) == [
        ("Bộ Kế hoạch và Đầu tư", "partner"),
        ("Bộ Nội vụ", "partner"),
        ("Bộ Xây dựng", "partner"),
        ("Chính phủ", "assigned by"),
        ("Thủ tướng Chính phủ", "assigned by"),
    ]


def test_targets(seed_store):
    """Resolution 68/NQ-CP's two cuts of at least 20% by 2025; the minister's at least 30% of public
    services on the national portal by the end of 2020; Vĩnh Phúc's double-digit growth in 2025."""
    assert sorted(pick(table(seed_store, "targets"), "value", "unit", "deadline", "set_by", "source")) == [
        ("10", "rk:Percent", "2025", "Chính phủ", VINH_PHUC),
        ("20", "rk:Percent", "2025", "Chính phủ", MOUNTAINS),
        ("20", "rk:Percent", "2025", "Chính phủ", MOUNTAINS),
        ("30", "rk:Percent", "2020", "Mai Tiến Dũng", MOUNTAINS),
    ]


def test_evidence_for_mai_tien_dung(seed_store):
    rows = table(seed_store, "evidence")
    assert {row["source"] for row in rows if row["relation"] == "org:member"} == {HUE, CONFERENCE, MOUNTAINS}
    texts = {path.stem: path.read_text(encoding="utf-8") for path in seeds_dir().glob("*.txt")}
    for row in rows:
        assert row["sentence"] in " ".join(texts[row["source"].removeprefix("rki:source/")].split())


def test_timeline_of_thua_thien_hue(seed_store):
    rows = [row for row in table(seed_store, "province-timeline")
            if row["event"] in ("article", "directive issued", "task status")]
    assert list(dict.fromkeys(pick(rows, "date", "event"))) == [
        ("2019-05-28", "article"),
        ("2019-12-10", "directive issued"),
        ("2020-05-27", "directive issued"),
        ("2020-06-12", "task status"),
        ("2021-10-11", "article"),
    ]


def test_the_seed_graph_has_no_blank_nodes_and_exports_stably(seed_data, tmp_path):
    assert not seed_data.has_blank_nodes()
    seed_data.save(tmp_path / "seeds.ttl")
    assert GraphStore.load(tmp_path / "seeds.ttl").serialize("turtle") == seed_data.serialize("turtle")
