"""fr.references(report): 《…》 titles classified by their form and counted."""

from __future__ import annotations

import pytest

import fazhi_report as fr
from fazhi_report.analysis import ReferenceKind
from fazhi_report.analysis.references import classify_title


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("中华人民共和国行政处罚法", ReferenceKind.LAW),
        ("民法典", ReferenceKind.LAW),
        ("宪法", ReferenceKind.LAW),
        ("重大行政决策程序暂行条例", ReferenceKind.REGULATION),
        ("行政执法公示办法", ReferenceKind.REGULATION),
        ("党政主要负责人履行推进法治建设第一责任人职责规定", ReferenceKind.PARTY_RULE),
        ("中国共产党纪律处分条例", ReferenceKind.PARTY_RULE),
        ("某县司法局行政执法工作规则", ReferenceKind.LOCAL_DOCUMENT),
        ("某市行政复议应诉工作规定(试行)", ReferenceKind.LOCAL_DOCUMENT),
        ("2024年普法依法治理工作要点", ReferenceKind.LOCAL_DOCUMENT),
        ("关于加强行政执法监督的通知", ReferenceKind.LOCAL_DOCUMENT),
        ("行政执法责任清单", ReferenceKind.LOCAL_DOCUMENT),
        ("法治政府建设实施方案", ReferenceKind.LOCAL_DOCUMENT),
        ("某某日报", ReferenceKind.OTHER),
        ("学法用法读本", ReferenceKind.OTHER),
        ("规范执法的做法", ReferenceKind.OTHER),
    ],
)
def test_a_title_is_classified_by_its_ending(title: str, kind: ReferenceKind) -> None:
    assert classify_title(title) is kind


def test_references_are_counted_with_every_location() -> None:
    report = fr.parse(
        "某县司法局2024年法治政府建设情况报告\n\n"
        "一、主要举措和成效\n"
        "认真贯彻《中华人民共和国行政处罚法》，印发《某县司法局执法工作规则》。\n"
        "二、下一步工作安排\n"
        "继续学习《中华人民共和国行政处罚法》。\n"
    )
    refs = fr.references(report)
    assert [(r.title, r.kind, r.count) for r in refs] == [
        ("中华人民共和国行政处罚法", ReferenceKind.LAW, 2),
        ("某县司法局执法工作规则", ReferenceKind.LOCAL_DOCUMENT, 1),
    ]
    assert [loc.line for loc in refs[0].locations] == [4, 6]
    assert [loc.section for loc in refs[0].locations] == ["一、", "二、"]
    assert refs[0].to_dict()["kind"] == "law"
    assert "×2" in str(refs[0])
