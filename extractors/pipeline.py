"""The extraction pipeline: spaCy's blank English plus the project's components, offline."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from paperkg.extractors.components import TEXT_ONLY_TOKENIZER  # importing registers the factories
from paperkg.extractors.records import doc_to_extraction
from paperkg.extractors.spacy_runtime import Language, spacy
from paperkg.model import Paper, PaperExtraction

PIPE_NAMES = ("paperkg_sentences", "paperkg_links", "paperkg_candidates", "paperkg_scores")
# LaTeX's tie, a space that does not break, left in abstracts copied from their source ("Large Language
# Models~(LLMs)", "OmniDocBench~v1.5", "at~https://..."): read as the space it stands for. One character
# for one, so every offset the extractors give is the same in the paper's own text.
_LATEX_TIE = re.compile(r"(?<=[\w).,])~(?=[\w(\[])")


def _untied(text: str) -> str:
    return _LATEX_TIE.sub(" ", text) if "~" in text else text


def load_pipeline() -> Language:
    """A fresh pipeline; nothing is downloaded."""
    # The components read the text and its character offsets, never the tokens: the docs hold
    # the text only (English tokenizer rules cost a third of the run, white-space tokens an eighth).
    # Named in the config, so the English tokenizer is not built only to be replaced.
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TEXT_ONLY_TOKENIZER}}})
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    _freeze_loaded_objects()
    return nlp


@cache
def _freeze_loaded_objects() -> None:
    """Leave what is loaded by now (spaCy's and paperkg's modules, the gazetteers' tables and patterns:
    some 100,000 objects, kept for the life of the process) out of the garbage collector's passes.

    Extraction makes many short-lived objects, and every few thousand papers the collector's full pass
    walked that whole loaded heap again (60 ms each time, 2-3% of the extraction time); only the
    objects made later are walked now. Once per process: what is loaded then stays loaded (objects
    frozen are never freed by the collector, though reference counting still frees them).
    """
    gc.freeze()


def extract_papers(
    papers: Iterable[Paper],
    *,
    nlp: Language | None = None,
    batch_size: int = 256,
    on_paper: Callable[[], None] | None = None,
) -> Iterator[PaperExtraction]:
    """Extraction records for each paper, in input order."""
    nlp = nlp or load_pipeline()
    items = list(papers)

    def texts() -> Iterator[str]:
        for paper in items:
            yield _untied(paper.title)
            yield _untied(paper.abstract)

    docs = nlp.pipe(texts(), batch_size=batch_size)
    for paper in items:
        title_doc = next(docs)
        abstract_doc = next(docs)
        yield doc_to_extraction(paper.key, title_doc, abstract_doc)
        if on_paper:
            on_paper()
