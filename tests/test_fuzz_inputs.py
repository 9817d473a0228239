"""Damaged DOCX, HTML and Markdown files: read, or refused with a FazhiReportError, never more.

The files are the library's own output for our examples and for the real reports in
``../shared/corpus`` (when it is beside the checkout), our hand-made web pages and a Word file
of python-docx's, mutated by ``tests/mutations.py``: bytes flipped, cut, moved and inserted,
tags damaged, zip parts damaged, renamed, removed and repeated, compressed data and zip headers
damaged. Reading one must give a report (which the lossless writers then take whole) or raise a
`fazhi_report.FazhiReportError`; any other exception is a bug. ``bench/fuzz_inputs.py`` runs
the same mutations for as long as asked; the failure classes it found are pinned in
``tests/test_docx_limits.py``.
"""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fazhi_report as fr

from . import mutations

# a few thousand inputs in all under the ci profile (150 examples a test by default)
_MANY = settings(max_examples=settings.default.max_examples * 4)


def _check(fmt: str, corpus: bool, index: int, rng: random.Random, sniff: bool) -> None:
    seeds = mutations.seeds(fmt, corpus)
    data = mutations.mutate(rng, seeds[index % len(seeds)], fmt)
    # a Word body is read whole up to 1 MiB and as a stream above: both ways, every time
    mutations.read(data, fmt, sniff=sniff)
    if fmt == "docx":
        mutations.read(data, fmt, sniff=sniff, stream=True)


@pytest.mark.parametrize("fmt", mutations.FORMATS)
@_MANY
@given(index=st.integers(0, 1000), rng=st.randoms(use_true_random=False), sniff=st.booleans())
def test_mutated_files_of_ours_read_or_raise_library_errors(
    fmt: str, index: int, rng: random.Random, sniff: bool
) -> None:
    _check(fmt, False, index, rng, sniff)


@pytest.mark.skipif(
    not mutations.corpus_present(),
    reason="the real-report corpus (../shared/corpus) is not beside this checkout",
)
@pytest.mark.parametrize("fmt", mutations.FORMATS)
@_MANY
@given(index=st.integers(0, 1000), rng=st.randoms(use_true_random=False), sniff=st.booleans())
def test_mutated_files_of_real_reports_read_or_raise_library_errors(
    fmt: str, index: int, rng: random.Random, sniff: bool
) -> None:
    _check(fmt, True, index, rng, sniff)


def test_the_seeds_read_as_they_are() -> None:
    for fmt in mutations.FORMATS:
        seeds = mutations.seeds(fmt, False)
        assert len(seeds) >= 3, fmt
        for data in seeds:
            assert mutations.read(data, fmt) is not None
            assert mutations.read(data, fmt, stream=True) is not None


# ---------------------- pinned: what the streamed reader must keep refusing as the tree did


def _docx() -> bytes:
    return mutations.seeds("docx", False)[0]


def _rezip(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            out.writestr(info.filename, content if info.filename == name else source.read(info))
    return buffer.getvalue()


@pytest.mark.parametrize(
    "header",
    [
        b'<?xml version="1.0" encoding="nonesuch"?>',
        b'<?xml version="1.0" encoding="utf-16"?>',
    ],
)
def test_an_xml_part_in_an_encoding_that_does_not_hold_is_a_decode_error(header: bytes) -> None:
    for part in ("word/document.xml", "word/styles.xml"):
        with zipfile.ZipFile(io.BytesIO(_docx())) as package:
            xml = package.read(part)
        body = xml[xml.index(b"?>") + 2 :]
        with pytest.raises(fr.DecodeError, match=part.replace(".", r"\.")):
            fr.parse(_rezip(_docx(), part, header + body), source="enc.docx")
