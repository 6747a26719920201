"""Fast paths that stand in for a plain pattern give the pattern's answer.

Extraction reads some patterns through cheaper means (a pattern opening with a character class, a
test of the last word before an end-anchored pattern, substring searches before the link pattern).
Each is checked here against the plain pattern on random strings built from the pattern's own
words, so a word added to a pattern and not to its fast path fails a test.
"""

from __future__ import annotations

import ast
import inspect
import random
import re

import pytest

from paperkg.extractors import abbreviations, candidates, links, patterns, resolve, results, roles
from paperkg.extractors.gazetteer import Entry, Gazetteer, default_gazetteer

SEPARATORS = [" ", " ", "", "  ", "\t", "-", ", ", ". ", "(", ")"]


def _random_texts(vocabulary: list[str], count: int, seed: int, words: int = 6) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(vocabulary) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, words)))
        for _ in range(count)
    ]


def _pattern_words(pattern: re.Pattern | str) -> list[str]:
    """The pattern's words, with their last letter left out too ("gains?" gives "gains" and "gain")."""
    source = pattern if isinstance(pattern, str) else pattern.pattern
    # Not the words of NAME_TOKEN's sentence openers: they only stop a name at a glued full stop,
    # and some sixty of them would leave too few random texts that match.
    source = source.replace(patterns.SENTENCE_OPENERS, "")
    words = re.findall(r"[A-Za-z]+", re.sub(r"\\[A-Za-z]", " ", source))
    return sorted({form for word in words for form in (word, word[:-1]) if form})


def test_name_hints_start_where_the_letter_pair_pattern_matches():
    rng = random.Random(11)
    alphabet = "aAbBsSzZ019 -._αβ"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(30_000)]
    texts += ["Qwen2.5-VL and GPT-4o beat LLMs", "ABs CDx aB1 9z π_0 X-Y", "DeepSeek-R1 (DSR1) on MMLU-Pro"]
    for text in texts:
        assert patterns._letter_pair_hints(text) == [m.start() for m in patterns._NAME_HINT.finditer(text)], text


@pytest.mark.parametrize(
    ("patterns_", "fast"),
    [
        ((results._CHANGE_BEFORE,), results._change_before),
        ((results._BOUND_BEFORE,), results._bound_before),
        ((results._RESOURCE_MEASURE_BEFORE, results._EARLIER_BEFORE), results._resource_or_earlier_before),
        ((results._SURPASS_BOUND,), results._surpass_bound),
    ],
    ids=["change", "bound", "resource_or_earlier", "surpass"],
)
def test_the_last_word_test_keeps_every_match_of_its_pattern(patterns_, fast):
    vocabulary = [word for pattern in patterns_ for word in _pattern_words(pattern)]
    vocabulary += _pattern_words(results._CHANGE_CUES)  # the grouped cues, written whole
    vocabulary += ["accuracy", "model", "12.5", "3", "fig.", "avg.", "No.", "%", "<=", "~", "#", "=", ":"]
    vocabulary += [word.upper() for word in vocabulary[:20]] + ["speed-up", "Reduced", "BY", "Of", "ranKs", "ſ", "uſage"]
    matched = 0
    for text in _random_texts(vocabulary, 40_000, seed=5):
        expected = any(pattern.search(text) for pattern in patterns_)
        matched += expected
        assert fast(text) == expected, text
    assert matched > 500  # the strings exercise the patterns


def test_links_are_searched_from_the_first_place_one_can_start():
    vocabulary = ["see", "code", "at", "https://github.com/a/b", "HTTP://X.ORG/y", "www.site.com", "Hf.co/m/n"]
    vocabulary += ["lab.github.io/page", "a-b.c.GitHub.io", "x.io", "ſee", "K.github.io", "huggingface.co/d", "@x.github.io"]
    for text in _random_texts(vocabulary, 20_000, seed=9, words=5):
        first = links.URL_PATTERN.search(text)
        start = links._url_search_start(text)
        assert first is None if start < 0 else first is None or start <= first.start(), text


def test_the_kind_comma_found_from_its_comma_is_the_kind_words_pattern():
    plain = re.compile("(?:" + "|".join(patterns._KIND_COMMA_WORDS) + r"),\s[A-Z]")
    vocabulary = [*patterns._KIND_COMMA_WORDS, "Model", "models", "LLMs", "a", "new", "X", "Insight-V", ",", ", ", ",\n"]
    texts = _random_texts(vocabulary, 20_000, seed=13)
    assert sum(bool(plain.search(text)) for text in texts) > 500
    for text in texts:
        assert bool(patterns._KIND_COMMA.search(text)) == bool(plain.search(text)), text


@pytest.mark.parametrize(
    ("pattern", "anchor"),
    [(abbreviations._REVERSE, abbreviations._REVERSE_ANCHOR), (abbreviations._PAREN_LONG, abbreviations._PAREN_LONG_ANCHOR)],
    ids=["reverse", "parenthesis"],
)
def test_short_form_patterns_read_back_from_their_anchors_find_the_same(pattern, anchor):
    vocabulary = ["UMR", "LASE", "A2Eval", "x-Y", "an", "a", "the", "Unsupervised", "dense", "Retriever", ",", "(", ")"]
    vocabulary += ["(Language-Adversarial", "Speaker", "Encoder)", "(lower", "ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOP", "\n"]
    vocabulary += ["UMR, an", "UMR,\nthe", "LASE (Language Speaker Encoder)", "ABCDEFGHIJKLMNO  (Two Words)", "Xy (Ab cd)"]
    texts = _random_texts(vocabulary, 20_000, seed=17, words=9)
    assert sum(bool(pattern.search(text)) for text in texts) > 2_000
    for text in texts:
        found = [(m.span(), m.groups()) for m in abbreviations._anchored_matches(text, anchor, pattern)]
        assert found == [(m.span(), m.groups()) for m in pattern.finditer(text)], text


def test_data_words_and_typed_compounds_read_back_find_the_patterns():
    plain_compound = re.compile(
        rf"({patterns._WORD_CAPITAL}[a-z]+(?:-[A-Z][A-Za-z]+)+)(?=\s+(?:benchmark|dataset|corpus)s?\b)"
    )
    plural, singular = re.compile(r"\s(?:benchmarks|datasets)\b"), re.compile(r"\s(?:benchmark|dataset|corpus)\b")
    vocabulary = ["Foo-Bar", "Foo-bar", "Foo-Bar-Baz", "FOO-Bar", "Fo-B", "Wibble", "x", "\u00e9", "_", "3", "the", "\n"]
    vocabulary += ["benchmark", "benchmarks", "benchmarking", "dataset", "datasets", "corpus", "corpuss", "corpora", "dataset2"]
    texts = _random_texts(vocabulary, 20_000, seed=23, words=8)
    assert sum(bool(plain_compound.search(text)) for text in texts) > 500
    for text in texts:
        plurals, singulars, ends = patterns._data_words(text)
        assert plurals == [m.start() for m in plural.finditer(text)], text
        assert singulars == [m.start() for m in singular.finditer(text)], text
        compounds = [m.span() for m in (patterns._typed_compound(text, end) for end in ends) if m is not None]
        assert compounds == [m.span(1) for m in plain_compound.finditer(text)], text


def test_lower_case_ids_read_back_from_their_dashes_find_the_pattern():
    stems = frozenset(["gpt", "claude", "qwen"])
    vocabulary = ["gpt", "claude", "qwen", "xgpt", "GPT", "gp", "4", "4.6", "opus", "mini", "7b", "v2", ".", "/", "_", "-"]
    texts = _random_texts(vocabulary, 20_000, seed=29, words=8)
    assert sum(bool(candidates._LOWER_CASE_ID.search(text)) for text in texts) > 1_000
    for text in texts:
        expected = [m.span(1) for m in candidates._LOWER_CASE_ID.finditer(text) if m.group(1).split("-")[0] in stems]
        assert [m.span(1) for m in candidates._lower_case_ids(text, stems)] == expected, text


@pytest.mark.parametrize(
    ("pattern", "words", "before"),
    [
        (patterns._GIVEN_NAME, patterns._PLAIN_NAMING_WORDS, 0),
        (patterns._NEW_KINDS_LISTED, patterns._COUNT_WORDS, len("our")),
        (patterns._NEW_KIND_NAMED, patterns._NEW_WORDS, len("our")),
        (patterns._METHOD_LIST_LEAD, patterns._METHOD_LIST_WORDS, 0),
    ],
    ids=["given_name", "new_kinds_listed", "new_kind_named", "method_list_lead"],
)
def test_introduction_patterns_searched_from_their_first_word_find_the_same(pattern, words, before):
    vocabulary = _pattern_words(pattern) + ["a", "an", "our", "Our", "so-called", "model", "X-Bench", "FlashConv", "renewal"]
    vocabulary += ["we propose a new model called Zeta-2", "our two new models, Ab-1 and Cd-2", "an  \n novel dataset named Kx"]
    vocabulary += ["merging methods such as TIES", "optimizers (e.g., Adam", "_methods", "(i.e.,"]
    texts = _random_texts(vocabulary, 20_000, seed=19, words=8)
    assert sum(bool(pattern.search(text)) for text in texts) > 500
    for text in texts:
        start = patterns.search_start(text, words, before=before)
        found = [m.span() for m in pattern.finditer(text, start)] if start >= 0 else []
        assert found == [m.span() for m in pattern.finditer(text)], text


def test_the_task_context_test_keeps_every_match_of_its_pattern():
    vocabulary = _pattern_words(resolve._TASK_CONTEXT) + ["TASK", "Problem", "taſk", "the", "new", "X", "(", ",", "tasks"]
    vocabulary += ["the task of", "a problem which we call", "this setting", "the task"]
    texts = _random_texts(vocabulary, 20_000, seed=23, words=5)
    assert sum(bool(resolve._TASK_CONTEXT.search(text)) for text in texts) > 300
    for text in texts:
        assert resolve._task_context(text) == bool(resolve._TASK_CONTEXT.search(text)), text


def test_alternatives_grouped_by_first_letter_match_as_written():
    plain = re.compile(rf"\b(?:{results._CHANGE_CUES})", re.IGNORECASE)
    grouped = re.compile(rf"\b(?:{patterns.first_letter_groups(results._CHANGE_CUES)})", re.IGNORECASE)
    vocabulary = _pattern_words(results._CHANGE_CUES) + ["success rate", "pass", "Rate of", "speed-up", "fig.", "RATIO of"]
    for text in _random_texts(vocabulary, 20_000, seed=29):
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_an_alternative_not_opening_with_a_letter_is_refused():
    assert patterns.first_letter_groups("by|(?<!pass )rate|rank") == "b(?:y)|r(?:(?<!pass r)ate|ank)"
    with pytest.raises(ValueError, match="plain letter"):
        patterns.first_letter_groups("by|s?rate")


def _cue_word_sources() -> dict[str, str]:
    """Each ``NAME = _words("...")`` (or ``_words_from_letters``) of extractors/roles.py: the name and its
    words as written."""
    tree = ast.parse(inspect.getsource(roles))
    return {
        node.targets[0].id: node.value.args[0].value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and getattr(node.value.func, "id", None) in ("_words", "_words_from_letters")
    }


def test_cue_words_grouped_by_first_letter_match_as_written():
    sources = _cue_word_sources()
    assert {"_OUR", "_COMPARE", "_USE", "_EVALUATE_PREP", "_EVALUATION"} <= set(sources)
    for name, source in sources.items():
        plain = re.compile(rf"\b(?:{source})\b")
        vocabulary = _pattern_words(source) + ["a", "the", "x", "model", "on par with", "compared with", "based on"]
        texts = _random_texts(vocabulary, 5_000, seed=31, words=7)
        assert sum(bool(plain.search(text)) for text in texts) > 500, name
        grouped = getattr(roles, name)
        for text in texts:
            assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], (name, text)


def test_the_trained_family_pattern_searched_from_before_its_train_finds_the_same():
    rng = random.Random(41)

    def space() -> str:
        return "".join(rng.choice(" \t\n") for _ in range(rng.randint(1, 4)))

    subjects = ["we", "We", "this article", "This report", "here", "this paper", "xwe", "thisarticle"]
    verbs = ["train", "trained", "pre-train", "pretrain", "post-train", "posttrain", "retrain", "strain", "training", "trainable"]
    objects = ["Nemotron-T, a family of", "X-1, an open suite of", "a 2B VLM, Aquila-VL-2B,", "a model, Zeta.", "it"]
    texts = []
    for _ in range(30_000):
        adverb = rng.choice(["", "", "then", "further", "also", "then  also"])
        parts = [rng.choice(["", "In short, ", "data-", "(", "Then "]), rng.choice(subjects), space()]
        parts += [adverb + space() if adverb else "", rng.choice(verbs), space(), rng.choice(objects)]
        texts.append("".join(parts) + rng.choice(["", " we train it.", " trained on X."]))
    assert sum(bool(patterns._TRAINED_FAMILY.search(text)) for text in texts) > 3_000
    for text in texts:
        start = patterns._trained_family_start(text)
        found = [m.span() for m in patterns._TRAINED_FAMILY.finditer(text, start)] if start >= 0 else []
        assert found == [m.span() for m in patterns._TRAINED_FAMILY.finditer(text)], text


def test_named_thing_heads_grouped_by_first_letter_match_as_written():
    plain = re.compile(rf"(?:[A-Za-z]{{3,}}(?:er|or)s?|{patterns._NAMED_THING_HEADS})$", re.IGNORECASE)
    vocabulary = _pattern_words(patterns._NAMED_THING_HEADS) + ["Fine-tuning", "Pre-Training", "NETWORK", "x", "Op", "Ranker"]
    texts = _random_texts(vocabulary, 20_000, seed=43, words=3)
    assert sum(bool(plain.search(text)) for text in texts) > 500
    for text in texts:
        found = patterns.NAMED_THING_HEAD.search(text)
        expected = plain.search(text)
        assert (found and found.span()) == (expected and expected.span()), text


def test_list_articles_found_word_by_word_are_the_alternations():
    plain = re.compile(r"\b(?:the|both|on|across)\s+(?:[a-z]+-[a-z]+\s+)?(?=[A-Z0-9])")
    vocabulary = ["the", "both", "The", "other", "bothe", "xboth", "COCO", "Foo", "7B", "x", "\n", "_"]
    vocabulary += ["on", "across", "upon", "One", "real-world", "on-the"]
    texts = _random_texts(vocabulary, 20_000, seed=31, words=8)
    assert sum(bool(plain.search(text)) for text in texts) > 1_000
    for text in texts:
        assert [m.span() for m in patterns._list_articles(text)] == [m.span() for m in plain.finditer(text)], text


def test_new_kinds_named_tried_at_their_articles_are_the_patterns():
    vocabulary = ["a", "an", "our", "Xa", "new", "novel", "newly", "model", "method", "called", "Foo-1", "BarNet", "x", "\n"]
    vocabulary += ["a new", "an  novel", "our new", "Xa new", "a newly", "model Foo-1", "method called BarNet", "new a new"]
    texts = _random_texts(vocabulary, 20_000, seed=37, words=9)
    assert sum(bool(patterns._NEW_KIND_NAMED.search(text)) for text in texts) > 300
    for text in texts:
        found = [(m.span(), m.groups()) for m in patterns._new_kinds_named(text)]
        assert found == [(m.span(), m.groups()) for m in patterns._NEW_KIND_NAMED.finditer(text)], text


def test_new_kinds_listed_tried_at_their_counts_are_the_patterns():
    vocabulary = ["our", "Our", "two", "three", "several", "new", "novel", "models", "methods", "A-1", "BarNet", "and", "x"]
    vocabulary += ["our two", "Our  three", "two new", "several novel", "models A-1", "methods: BarNet", "ourtwo", "\n"]
    vocabulary += ["our two models A-1, BarNet", "two new methods: A-1 and BarNet", "A-1 and BarNet"]
    texts = _random_texts(vocabulary, 20_000, seed=43, words=9)
    assert sum(bool(patterns._NEW_KINDS_LISTED.search(text)) for text in texts) > 300
    for text in texts:
        found = [(m.span(), m.groups()) for m in patterns._new_kinds_listed(text)]
        assert found == [(m.span(), m.groups()) for m in patterns._NEW_KINDS_LISTED.finditer(text)], text


def test_model_list_leads_opening_with_their_letters_are_the_plain_pattern():
    plain = re.compile(
        r"\b(?:[Mm]odels|LLMs|MLLMs|VLMs|LVLMs|LMMs|backbones)\s*(?:\(\s*(?:e\.g\.,?|i\.e\.,?|including|such as)?\s*"
        r"|,?\s+(?:such as|including|like|e\.g\.,?)\s+)"
    )
    vocabulary = ["models", "Models", "LLMs", "MLLMs", "VLMs", "LVLMs", "LMMs", "backbones", "xmodels", "BLLMs", "(e.g.,"]
    vocabulary += ["such as", "including", "like", "e.g.", "i.e.", "GPT-4", "Yi", "and", "(", "_models", "MLLMs (", "é"]
    texts = _random_texts(vocabulary, 20_000, seed=47, words=8)
    assert sum(bool(plain.search(text)) for text in texts) > 2_000
    for text in texts:
        found = [(m.span(), m.groups()) for m in patterns._MODEL_LIST_LEAD.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], text


def test_introduction_verbs_grouped_by_first_letter_match_as_written():
    after_subject = "(?:" + "|".join(
        f"(?<={word} )" for word in ("we", "We", "will", "also", "further", "publicly", "fully", "to")
    ) + ")"
    plain_verb = "(?:" + "|".join(
        (after_subject if verb.startswith("open-source") else "") + verb for verb in patterns._INTRO_VERBS
    ) + ")"
    plain = re.compile(rf"(?:also\s+|further\s+|then\s+)?{plain_verb}\b")
    vocabulary = [*patterns._INTRO_VERBS, "we", "We", "will", "also", "to", "fully", "the", "an", "popular", "x"]
    texts = _random_texts(vocabulary, 20_000, seed=53, words=6)
    assert sum(bool(plain.search(text)) for text in texts) > 5_000
    for text in texts:
        for start in range(len(text)):
            found = patterns._COORDINATED_VERB.match(text, start)
            expected = plain.match(text, start)
            assert (found and found.span()) == (expected and expected.span()), (text, start)


def test_claude_tiers_are_looked_for_only_in_texts_that_name_one():
    gazetteer = default_gazetteer()
    vocabulary = ["Sonnet", "Opus", "Haiku", "sonnet", "Opu", "4.5", "3", "-4", "Claude", "xOpus", "Haiku-3.5", "and", ","]
    texts = _random_texts(vocabulary, 5_000, seed=59, words=6)
    assert sum(bool(candidates._CLAUDE_TIER_RELEASE.search(text)) for text in texts) > 500
    for text in texts:
        found = candidates._claude_tier_releases(text, gazetteer)
        assert bool(found) == bool(candidates._CLAUDE_TIER_RELEASE.search(text)), text


def test_letter_then_digit_searched_as_two_literals_is_the_class_pattern():
    plain = re.compile(r"[-.](?<=[a-z][-.])\d")
    vocabulary = ["gpt", "GPT", "-", ".", "4", "4o", "x", "llama-3", "v.2", "e.g.", "A-1", "b.", "3.5", "é-2"]
    texts = _random_texts(vocabulary, 20_000, seed=61, words=6)
    assert sum(bool(plain.search(text)) for text in texts) > 2_000
    for text in texts:
        found = any(pattern.search(text) for pattern in candidates._LETTER_THEN_DIGIT)
        assert found == bool(plain.search(text)), text


def test_sentence_ends_from_the_stop_and_the_marks_are_the_class_pattern():
    vocabulary = ["We", "show", "e.g.", "Fig.", "GPT-4.", "In", "this", "work", "it!", "why?", "A.", "1.5", "(x).", ")", '"']
    vocabulary += ["?", "!", ".", "The", "FLUX-1.Dev", "a.", "\n", "AI?!", "ok.)", "x.The", "Results:"]
    texts = _random_texts(vocabulary, 20_000, seed=67, words=9)
    assert sum(len(candidates._SENTENCE_END.findall(text)) > 1 for text in texts) > 2_000
    for text in texts:
        found = [(m.span(), m.span(1), m.span(2)) for m in candidates.sentence_ends(text)]
        assert found == [(m.span(), m.span(1), m.span(2)) for m in candidates._SENTENCE_END.finditer(text)], text


def _siblings_searched_each_time(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """patterns.siblings as written before its name's heads were cached: the plain reading."""
    name = text[start:end]
    found: list[tuple[str, int, int]] = []
    lettered = patterns._LETTERED_RELEASE.search(name)
    number = patterns._TRAILING_NUMBER.search(name)
    if number or lettered:
        position = end
        while True:
            if lettered and (match := patterns._SLASH_LETTERED_SIBLING.match(text, position)) is not None:
                found.append((name[: lettered.start()] + match.group(1), match.start(1), match.end(1)))
            elif number and (match := patterns._SLASH_SIBLING.match(text, position)) is not None:
                found.append((name[: number.start()] + match.group(1), match.start(1), match.end(1)))
            else:
                break
            position = match.end()
    for trailing, listed in patterns._LISTED_AFTER:
        last = trailing.search(name)
        if last:
            prefix = name[: last.start(1)]
            position = end
            while len(found) < patterns._MOST_SIBLINGS and (match := listed.match(text, position)) is not None:
                sibling = (prefix + match.group(1), match.start(1), match.end(1))
                if sibling not in found:
                    found.append(sibling)
                position = match.end()
    return found


def test_siblings_from_the_cached_heads_of_a_name_are_the_plain_reading():
    names = ["GPT-4", "DeepSeek-V2", "CIFAR-10", "T5 Base", "AIME 2024", "Qwen 1.7B", "LiveCodeBench v5", "Llama 2",
             "SWE-bench Verified", "Claude 3.5 Sonnet", "MMLU", "2024", "Pythia-160M", "Gemini 2.5 Pro", "X-V1"]
    vocabulary = ["/3.5", "/V3", "/100", ", Large", ", and XL", " and 2025", " & 2026", ", 8B", " and v6", " and 3", "/R1",
                  " or Flash-Lite", " and Multilingual", ", 14B", ".", " models", " x", "/2.5", " and Haiku", ", and 4,"]
    rng = random.Random(71)
    texts = [(name, name + "".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 4)))) for name in names * 800]
    assert sum(bool(_siblings_searched_each_time(text, 0, len(name))) for name, text in texts) > 1_500
    for name, text in texts:
        assert patterns.siblings(text, 0, len(name)) == _siblings_searched_each_time(text, 0, len(name)), text


def test_number_groups_of_an_ascii_text_are_the_digit_pattern():
    vocabulary = ["85.3", "12", "7", "/", " / ", "%", "\\%", "percent", "per cent", "x", "+", "-", "$", "@", "on", "2024"]
    texts = [text for text in _random_texts(vocabulary, 20_000, seed=73, words=8) if text.isascii()]
    assert sum(len(results._GROUP.findall(text)) > 1 for text in texts) > 3_000
    for text in texts:
        found = [(m.span(), m.groups()) for m in results._ASCII_GROUP.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in results._GROUP.finditer(text)], text


def test_title_case_kept_for_a_text_is_the_texts_own():
    vocabulary = ["Large", "language", "Models", "for", "GPT-4o", "a", "Reasoning", "with", "Diffusion", "x" * 300]
    for text in _random_texts(vocabulary, 2_000, seed=79, words=9):
        assert patterns.title_cased(text) == patterns.title_cased.__wrapped__(text), text


def test_link_hints_found_by_the_dot_scan_and_the_others_are_every_hint():
    vocabulary = [*links._URL_HINTS, "see", "x", ".", "io", "com", "/", ":", "//", "www", ".i", "4ope", "a.b", ".co"]
    texts = _random_texts(vocabulary, 20_000, seed=83, words=4)
    assert sum(not any(hint in text for hint in links._URL_HINTS) for text in texts) > 1_000
    for text in texts:
        assert links._has_url_hint(text) == any(hint in text for hint in links._URL_HINTS), text


def test_entry_forms_kept_per_entry_are_the_forms_compared_one_by_one():
    gazetteer = default_gazetteer()
    entries = [entry for entry in gazetteer.entries[::40] if entry.aliases][:300]
    entries += [entry for entry in gazetteer.entries if entry.name.startswith(("The ", "the "))][:50]
    for entry in entries:
        for text in (entry.name, *entry.aliases, entry.name[4:], entry.name.upper(), entry.name + "s", "x" + entry.name):
            candidate = candidates.Candidate(0, len(text), text, "gazetteer.test", 0.9, entry.type, entry)
            key = resolve._norm(text)
            plain = any(resolve._norm(form) == key or (form[:4] in ("The ", "the ") and resolve._norm(form[4:]) == key)
                        for form in (entry.name, *entry.aliases))
            assert resolve.is_entry_form(candidate) == plain, (entry, text)


def test_lookups_kept_by_name_are_the_tables_answers_and_follow_added_entries():
    gazetteer = default_gazetteer()
    names = [form for entry in gazetteer.entries[::25] for form in (entry.name, *entry.aliases[:2])][:3_000]
    names += [name + "s" for name in names[:500]] + [name.lower() for name in names[:500]] + ["", "-", "Zorblat-7"]
    for name in names * 2:  # asked twice: the second answer is the kept one
        assert gazetteer.lookup(name) == gazetteer._lookup(name), name
    small = Gazetteer([Entry("model", "Zorblat", (), "test")])
    assert small.lookup("Quuxnet-2") is None
    small.add(Entry("model", "Quuxnet-2", (), "test"))
    assert small.lookup("Quuxnet-2") is not None and small.lookup("Quuxnet-2").name == "Quuxnet-2"


def test_ascii_twins_of_the_cue_patterns_match_as_written_over_ascii_texts():
    twins = [(patterns.INTRO_CUE, patterns._ASCII_INTRO_CUE), (roles._EVALUATION, roles._ASCII_EVALUATION)]
    twins += [(roles._CUE_PATTERNS[kind], roles._ASCII_CUE_PATTERNS[kind]) for kind in roles._CUE_PATTERNS]
    vocabulary = ["we", "We", "this paper", "here", "propose", "introduce", "also", "recently", "was", "a", "new", "x_y"]
    vocabulary += ["compared with", "outperforms", "using", "based on", "our", "on", "across", "evaluated", "vs", "-"]
    vocabulary += ["at its core", "is", "the main component,", "central to this framework", "central to zorbnet"]
    vocabulary += ["at the core of the simulation platform", "lies"]
    texts = [text for text in _random_texts(vocabulary, 20_000, seed=89, words=10) if text.isascii()]
    for plain, twin in twins:
        assert sum(bool(plain.search(text)) for text in texts) > 1_000, plain.pattern[:40]
        for text in texts:
            assert [m.span() for m in twin.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    with pytest.raises(ValueError, match="outside ASCII"):
        patterns.ascii_twin(re.compile(r"a\s+b"))


def test_the_last_words_read_backwards_start_where_the_plain_word_list_says():
    vocabulary = ["a", "Key-Value", "x" * 39, "x" * 41, "y" * 90, "\u00e9t\u00e9", "(KV)", "\u2003", "\n", "\x1c", ""]
    texts = _random_texts(vocabulary, 5_000, seed=97, words=30)
    rng = random.Random(97)
    for text in texts:
        end, count = rng.randint(0, len(text)), rng.randint(1, 21)
        words = list(abbreviations._WORD.finditer(text[:end]))[-count:]
        assert abbreviations._start_of_last_words(text, end, count) == (words[0].start() if words else None), (text, end)


def test_two_capitalised_words_taken_possessively_and_from_the_shape_match_as_written():
    plain = re.compile(
        patterns.not_after(r"[\w.-]", "[A-Z]") + r"(?=([a-z]+)(?:-([A-Z][A-Za-z]+)| ([A-Z][a-z]*[A-Z][A-Za-z]*))(?![\w-]))"
    )
    vocabulary = ["Contract", "NLI", "Crows", "Pairs", "CrowS", "Search", "QA", "Mental", "Health", "x", "3", "_", "ViT"]
    vocabulary += ["a", "Ab", "AbC", "aB", "\u00e9", "-3", "/", "A.b"]
    texts = _random_texts(vocabulary, 20_000, seed=101, words=8)
    assert sum(bool(plain.search(text)) for text in texts) > 1_000
    for text in texts:
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in candidates._TWO_CAPITALISED_WORDS.finditer(text)] == expected, text
        assert [(m.span(), m.groups()) for m in candidates._two_capitalised_words(text)] == expected, text


def test_lower_case_twins_over_the_lower_cased_text_match_as_the_case_blind_pattern():
    vocabulary = _pattern_words(results._CHANGE_BEFORE) + _pattern_words(results._CHANGE_CUES)
    vocabulary += [word.upper() for word in vocabulary[:40]] + [word.title() for word in vocabulary[:40]]
    vocabulary += ["12.5", "3", "%", "(", ",", "and", "BY", "Of", "Evidenced By", "\n"]
    texts = [text for text in _random_texts(vocabulary, 20_000, seed=103) if text.isascii()]
    twin = patterns.lower_case_twin(results._CHANGE_BEFORE)
    assert sum(bool(results._CHANGE_BEFORE.search(text)) for text in texts) > 1_000
    for text in texts:
        found = [m.span() for m in twin.finditer(text.lower())]
        assert found == [m.span() for m in results._CHANGE_BEFORE.finditer(text)], text
    for refused in (r"No\.", r"\x41b", r"a(?-i:b)", r"a(?a-i:b)", "≤"):
        with pytest.raises(ValueError, match="lower_case_twin"):
            patterns.lower_case_twin(re.compile(refused, re.IGNORECASE))


def test_words_in_capitals_tried_at_their_runs_are_the_pattern():
    rng = random.Random(107)
    alphabet = "ABCDE abc-./()_1\n\u00c9"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(50_000)]
    texts += ["GPU and API (SOTA) vs. NVIDIA-GPU", "ABCDEFGHIJKL ABCDEFGHIJ X.ABC ABC)", "YODAS"]
    assert sum(bool(patterns._CAPS_WORD.search(text)) for text in texts) > 1_000
    for text in texts:
        assert [m.span() for m in patterns._caps_words(text)] == [m.span() for m in patterns._CAPS_WORD.finditer(text)], text


def test_extension_values_read_and_written_directly_are_the_docs_extensions():
    from paperkg.extractors import components
    from paperkg.extractors.pipeline import load_pipeline

    nlp = load_pipeline()
    doc = nlp("We fine-tune Llama-2-7B on MMLU (see github.com/o/r). It scores 71.2% on GSM8K.")
    for name in components.EXTENSIONS:
        assert components.extension_value(doc, name) is getattr(doc._, name) is not None, name
    components.set_extension_value(doc, "scores", ["set directly"])
    assert doc._.scores == ["set directly"]
    doc._.links = ["set through doc._"]
    assert components.extension_value(doc, "links") == ["set through doc._"]
    assert components.extension_value(nlp.make_doc("unprocessed"), "candidates") is None


def test_word_kinds_kept_per_word_give_the_matches_of_kinds_made_anew_and_follow_added_entries(monkeypatch):
    from paperkg.extractors import gazetteer as gazetteer_module
    from paperkg.sources import read_bundled_samples

    gazetteer = default_gazetteer()
    texts = [text for paper in read_bundled_samples().papers[:200] for text in (paper.title, paper.abstract)]
    expected = []
    for text in texts:
        gazetteer._word_kinds().clear()  # every word's kind made anew for this text
        expected.append(gazetteer.find(text))
    monkeypatch.setattr(gazetteer_module, "_MOST_WORD_KINDS", 50)  # emptied again and again
    for text, found in zip(texts * 2, expected * 2, strict=True):
        assert gazetteer.find(text) == found, text
        assert len(gazetteer._word_kinds()) <= 50
    small = Gazetteer([Entry("model", "Zorblat", (), "test")])
    assert small.find("we train Quuxnet and ViTs") == []
    small.add(Entry("model", "Quuxnet", (), "test"))
    small.add(Entry("model", "ViT", (), "test"))
    assert [(m.start, m.end) for m in small.find("we train Quuxnet and ViTs")] == [(9, 16), (21, 25)]


def test_a_digit_found_by_single_character_tests_is_the_class_search():
    rng = random.Random(109)
    texts = ["".join(rng.choice("ab 0.9-x7") for _ in range(rng.randint(0, 12))) for _ in range(5_000)]
    texts += ["", "no digits here", "version 2", "9", "x0"]
    assert 500 < sum(results._holds_ascii_digit(text) for text in texts) < len(texts) - 500
    for text in texts:
        assert results._holds_ascii_digit(text) == (re.search("[0-9]", text) is not None), text


def test_sentence_intro_cues_read_from_their_texts_are_the_sentences_own():
    # Subjects and verbs often, and what stops or blocks a cue (stops, "which", "recently", "by", "and").
    subjects = ["We", "we", "This paper", "this work", "here", "Here"] * 3
    vocabulary = [
        *subjects, *patterns._INTRO_VERBS[:14], "introducing", "by", "and", "the", "our", "recently", "was",
        "which", "as", "X", "Model", "e.g.", "It", "2",
    ]
    separators = [" "] * 12 + [". ", ". ", ", ", "; ", ".", " and ", "! ", "? "]
    rng = random.Random(61)
    texts = ["".join(rng.choice(vocabulary) + rng.choice(separators) for _ in range(rng.randint(1, 16))) for _ in range(6_000)]
    compared = 0
    for text in texts:
        cues = patterns.intro_cues(text)
        for start, end in candidates.split_sentences(text):
            read = patterns.sentence_intro_cues(text, cues, start, end)
            if read is None:
                assert "!" in text or "?" in text
                continue
            sentence = text[start:end]
            assert patterns.intro_cue_spans(sentence, read) == patterns.intro_cue_spans(sentence), (text, sentence)
            compared += bool(patterns.intro_cue_spans(sentence))
    assert compared > 1_000


def test_docs_piped_in_batches_hold_what_each_doc_alone_holds():
    from paperkg.extractors import components
    from paperkg.extractors.pipeline import load_pipeline

    nlp = load_pipeline()
    texts = [
        "We fine-tune Llama-2-7B on MMLU (see github.com/o/r). It scores 71.2% on GSM8K.",
        "Qwen2.5-VL beats GPT-4o.",
        "",
        "We introduce ZorbNet, a model trained on ImageNet. It reaches 80.1% top-1 accuracy.",
    ] * 3
    for piped, text in zip(nlp.pipe(texts, batch_size=5), texts, strict=True):
        alone = nlp(text)
        for name in components.EXTENSIONS:
            assert components.extension_value(piped, name) == components.extension_value(alone, name), (name, text)


def test_a_span_is_tested_against_the_candidates_near_it_only(monkeypatch):
    # Each span was tested against every candidate placed before it: quadratic in the names of one text
    # (a 200 KB abstract of "Cascade RL ... Online DPO ..." took 53 s). Doubling the text now doubles the tests.
    calls = []
    original = candidates._overlap

    def counted(span, candidate):
        calls.append(1)
        return original(span, candidate)

    monkeypatch.setattr(candidates, "_overlap", counted)
    gazetteer = default_gazetteer()
    tests = []
    for copies in (200, 400):
        calls.clear()
        candidates.find_candidates("We train with Cascade RL and Online DPO, then Identity RoPE. " * copies, gazetteer)
        tests.append(len(calls))
    assert tests[1] <= 2.5 * tests[0], tests


def test_name_like_tokens_drops_the_stylised_words_without_comparing_spans(monkeypatch):
    # "span not in stylised" compared each found span with each stylised one, field by field: a 200 KB abstract
    # of repeated "We compare 4DiM, 3D-RoPE and 2DGS-Room here." spent 8 of its 9 s there.
    text = "We compare 4DiM, 3D-RoPE and 2DGS-Room here. " * 50
    expected = patterns.name_like_tokens(text)
    comparisons = []
    original = patterns.Span.__eq__

    def counted(self, other):
        comparisons.append(1)
        return original(self, other)

    monkeypatch.setattr(patterns.Span, "__eq__", counted)
    assert [span.text for span in patterns.name_like_tokens(text)] == [span.text for span in expected]
    assert comparisons == []
