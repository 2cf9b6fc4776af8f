"""The code lists' members as the extractor names them (the ontology declares them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentType:
    local_name: str
    vi: str
    en: str


DOCUMENT_TYPES: dict[str, DocumentType] = {
    "NQ": DocumentType("Resolution", "Nghị quyết", "Resolution"),
    "NĐ": DocumentType("Decree", "Nghị định", "Decree"),
    "QĐ": DocumentType("Decision", "Quyết định", "Decision"),
    "CT": DocumentType("Instruction", "Chỉ thị", "Instruction"),
    "KH": DocumentType("Plan", "Kế hoạch", "Plan"),
    "TB": DocumentType("Notice", "Thông báo", "Notice"),
    "CV": DocumentType("OfficialLetter", "Công văn", "Official letter"),
    "ĐA": DocumentType("Scheme", "Đề án", "Scheme"),
    "CTr": DocumentType("Programme", "Chương trình", "Programme"),
    "TT": DocumentType("Circular", "Thông tư", "Circular"),
    "L": DocumentType("Law", "Luật", "Law"),
    "KL": DocumentType("Conclusion", "Kết luận", "Conclusion"),
    "BC": DocumentType("Report", "Báo cáo", "Report"),
    "HD": DocumentType("Guidance", "Hướng dẫn", "Guidance"),
    "QĐi": DocumentType("Regulation", "Quy định", "Regulation"),
    "TTLT": DocumentType("JointCircular", "Thông tư liên tịch", "Joint circular"),
    "PL": DocumentType("Ordinance", "Pháp lệnh", "Ordinance"),
    "CĐ": DocumentType("Dispatch", "Công điện", "Dispatch"),
}
