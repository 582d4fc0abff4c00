"""Shared test helpers: one assertion for an answer's figures, caveats and source line together."""

from __future__ import annotations

import re


def assert_answer(answer, *, contains=(), caveats=(), sources=(), ok=True, kind=None):
    """Assert what a reporter would read: figures and words in the text, caveats, and the source line."""
    text = answer.text
    assert answer.ok is ok, text
    if kind:
        assert answer.kind == kind, (answer.kind, text)
    for words in contains:
        assert words in text, f"{words!r} not in:\n{text}"
    for words in caveats:
        assert any(words in c for c in answer.caveats), f"no caveat with {words!r} in {answer.caveats}"
    for outlet in sources:
        assert any(s.outlet == outlet for s in answer.sources), f"{outlet} not among {answer.sources}"
    if ok and answer.kind not in ("help",):
        assert re.search(r"^Sources?:", text, re.M), f"no source line in:\n{text}"
        assert answer.sources and all(s.url.startswith("http") for s in answer.sources)
