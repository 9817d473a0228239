"""Shared test set-up: hypothesis profiles and the real-report corpus beside the project."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# A fixed, derandomised profile keeps CI time bounded and failures reproducible; set
# HYPOTHESIS_PROFILE=thorough locally to search harder.
settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_cases() -> list[dict[str, Any]]:
    """The expected parses of the real reports in ../shared/corpus, or [] when it is absent."""
    expected = CORPUS / "expected.jsonl"
    if not expected.is_file():
        return []
    lines = expected.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


needs_corpus = pytest.mark.skipif(
    not (CORPUS / "expected.jsonl").is_file(),
    reason="the real-report corpus (../shared/corpus) is not beside this checkout",
)


def write_report_folder(root: Path) -> Path:
    """A folder of three reports from the examples: a.txt, b.txt and county/c.txt."""
    sample = (EXAMPLES / "sample_report.txt").read_bytes()
    (root / "county").mkdir(parents=True)
    (root / "a.txt").write_bytes(sample)
    (root / "b.txt").write_bytes((EXAMPLES / "web_page.txt").read_bytes())
    (root / "county" / "c.txt").write_bytes(sample.replace("青禾县".encode(), "石门县".encode()))
    return root
