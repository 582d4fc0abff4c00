"""The checker: one pass through the stages, mentions -> context -> candidates -> verdicts -> wording."""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
import logging
import threading

from ..answer import get_answerer
from ..places import Place

from .facts import _Facts
from .model import COUNT_KINDS, CheckResult, Claim, _Sentence
from .text import prepare
from .changes import ChangeChecks
from .context import ContextStage
from .levels import LevelChecks
from .mentions import MentionsStage
from .pairs import PairFinding
from .recorded import RecordedChecks
from .shares import ShareChecks
from .totals import TotalChecks
from .verdicts import LOW_CONFIDENCE, VerdictStage


log = logging.getLogger(__name__)


# =============================================================================================== checker
class Checker(MentionsStage, ContextStage, VerdictStage, LevelChecks, PairFinding, ChangeChecks, ShareChecks, TotalChecks,
              RecordedChecks):
    """One per process: reads the figures once through the store's queries and checks copy against them."""

    def __init__(self, answerer=None, low_confidence: float = LOW_CONFIDENCE):
        self.answerer = answerer or get_answerer()
        self.low_confidence = low_confidence  # contradictions less sure than this are shown as questions
        self.gazetteer = self.answerer.gazetteer
        self.store = self.answerer.store
        self.facts = _Facts(self.store)
        self._alias_tuples: dict[Place, list[tuple[str, ...]]] = defaultdict(list)
        for tokens, place in self.gazetteer.aliases.items():
            self._alias_tuples[place].append(tokens)
        for place in self._alias_tuples:
            self._alias_tuples[place].sort(key=len, reverse=True)
        self._place_words = {" ".join(t) for t in self.gazetteer.aliases}
        self._national = self.gazetteer.get("England and Wales", "nation")

    # -- entry point ------------------------------------------------------------------------------
    def check(self, text: str) -> CheckResult:
        paragraphs, notes = prepare(text if isinstance(text, str) else "")
        sentences: list[_Sentence] = []
        for p, para in enumerate(paragraphs):
            for sentence_text in para:
                s = _Sentence(sentence_text, p, len(sentences))
                s.taken = bytearray(len(sentence_text))
                sentences.append(s)
                try:
                    self._analyse(s)
                except Exception:  # a sentence the rules cannot read is skipped and said, never a crash
                    log.exception("fact-check could not read a sentence")
                    s.cands = []
                    s.notes.append("Some text could not be read for figures and was skipped.")
        for _, group in groupby(sentences, key=lambda t: t.para):  # sentences come paragraph by paragraph
            paragraph = list(group)
            for s in paragraph:
                s.paragraph = paragraph
        cands = [c for s in sentences for c in s.cands]
        self._resolve(sentences)
        releases = self._releases_under_discussion(sentences, cands)
        # figures first (their years and keys are what the comparisons, rates and shares lean on)
        for c in sorted(cands, key=lambda c: c.kind not in COUNT_KINDS):
            try:
                self._verify(c, releases, sentences)
            except Exception as exc:  # one odd claim must not sink the whole check
                log.exception("fact-check could not verify %r", c.text)
                c.result = Claim(c.text, self._kind(c), self._claimed(c), None, "unverifiable",
                                 f"Could not check this figure ({type(exc).__name__}).", [])
        for s in sentences:
            for note in s.notes:
                if note not in notes:
                    notes.append(note)
        return CheckResult([c.result for c in cands if c.result is not None and not c.extra.get("drop")], notes)


# =============================================================================================== API
_checker: Checker | None = None
_lock = threading.Lock()


def get_checker() -> Checker:
    """The checker for the data being served: rebuilt when the answerer is (new data, another folder)."""
    global _checker
    answerer = get_answerer()
    with _lock:
        if _checker is None or _checker.answerer is not answerer:
            _checker = Checker(answerer)
        return _checker


def check(text: str) -> CheckResult:
    """Every checkable numeric claim in `text`, each with a verdict, explanation and sources."""
    return get_checker().check(text)
