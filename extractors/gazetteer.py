"""Known names of models, datasets and methods, matched in text whatever the separators.

Entries come from data files (extractors/data/gazetteer_*.tsv, each naming its source and
licence). A name is matched on its words joined without separators, so "Mixture-of-Experts",
"mixture of experts" and "Mixture of Experts" are one entry, and "GPT4" = "GPT-4" = "GPT 4".
Names spelled like ordinary words ("knowledge distillation") match case-blind; names with
capitals inside or digits ("BERT", "GPT-4", "XLM-R") match with their case, so that "Bert" the
name or "opt" the verb do not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import compress

from paperkg.extractors.patterns import words_by_first_letter
from paperkg.extractors.words import common_words

# A word: letters and digits, with dots inside numbers ("Qwen2.5", "3.1") and a LaTeX superscript
# number ("τ^2-Bench", written so as often as "τ²-Bench").
# Possessive (++, ?+, *+): the same matches, as nothing follows a word's pieces that could fail and
# send re back into them; re then keeps no backtracking state, ~1.4x faster for Gazetteer.find's findall.
WORD = re.compile(r"[A-Za-z0-9\u00B2\u00B3\u00B5\u00B9\u00C0-\u024F\u0370-\u03FF]++(?:\^\d++)?+(?:\.\d++)*+")
# What may stand between the words of one name; "_" and "_{" are LaTeX subscripts ("π_0", "π_{0.5}"),
# "~" LaTeX's unbreakable space ("AIME~2024"); a dot joins "dots.ocr"; "&" a name's "and" ("Tanks & Temples",
# LaTeX's "Tanks \& Temples").
_GAP = re.compile(r"^[\s\-‐‑–/·'~&\\]{1,3}$|^_\{?$|^\.\s?$|^$")
_PHRASE_WORD = re.compile(r"^[A-Z]?[a-z]+$")
MAX_WORDS = 10
_MOST_LOOKUPS = 50_000  # names whose lookup a gazetteer keeps (a few MB)
_MOST_WORD_KINDS = 100_000  # words whose _word_kind a gazetteer keeps (10 MB at most; the 670 bundled
# papers hold some 10,000 distinct words)

# What a word is to Gazetteer.find (Gazetteer._word_kind). The kinds find skips are 0, and those of words
# that only start a match with the next word are read no further than the words they pair with.
_NO_START = 0  # starts no match: most words
_PLURAL = 1  # a plural of a coined name in mixed case ("ViTs"): a match of the name
_WHOLE = 2  # a whole name ("BERT", "Llama2"), or a coined one in lower case ("gsm8k")
_PAIRED = 3  # starts a name with the word after it, if that one fits ("mixture" of "mixture of experts")
# Files in priority order: an earlier file decides a name's type and spelling. Curated first,
# then the harnesses and registries (evalscope and lmms-eval, read from pinned PyPI packages by
# tools/pypi_gazetteers.py, spell names as papers do: "AIME 2024", not "AIME2024"), then Papers
# with Code methods, whose model/method split is the least sure.
DATA_FILES = (
    "gazetteer_curated.tsv",
    "gazetteer_evalscope.tsv",
    "gazetteer_lmms_eval.tsv",
    "gazetteer_opencompass.tsv",
    "gazetteer_lm_eval.tsv",
    "gazetteer_helm.tsv",
    "gazetteer_lm_eval_readmes.tsv",
    "gazetteer_mteb.tsv",
    "gazetteer_torchvision.tsv",
    "gazetteer_hf_transformers.tsv",
    "gazetteer_timm.tsv",
    "gazetteer_mined.tsv",
    "gazetteer_pwc_methods.tsv",
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entity: its type, canonical name, aliases and where the entry comes from."""

    type: str
    name: str
    aliases: tuple[str, ...]
    source: str


# Not frozen, as patterns.Span is not: built often, never assigned to.
@dataclass(slots=True)
class GazetteerMatch:
    start: int
    end: int
    entry: Entry

    def surface(self, text: str) -> str:
        return text[self.start : self.end]


# "-ization", "-izing", "-ized", "-izer" endings of a word (not "size" or "prize": a letter before "iz")
_BRITISH_ENDING = re.compile(r"(?<=[a-z])(?<![sp]r)(?<!s)(i)z(ation|ations|ing|ed|er|ers|e|es)\b")


def british_spelling(form: str) -> str | None:
    """A phrase's form with British "-isation"/"-ise" endings ("direct preference optimisation"), or None when
    it has no "-ization"/"-ize" ending or is no phrase (a coined name is spelled one way)."""
    if "iz" not in form or not is_phrase(form):
        return None
    british = _BRITISH_ENDING.sub(r"\1s\2", form)
    return british if british != form else None


def is_phrase(name: str) -> bool:
    """Spelled like ordinary words: matched case-blind.

    Several words each all lower-case or capitalised ("Knowledge Distillation"), or one
    lower-case word ("dropout"). One capitalised word ("Pile", "Chameleon") keeps its case, or
    it would match the common word.
    """
    parts = WORD.findall(name)  # the words (WORD has no groups)
    if len(parts) == 1:
        return parts[0].isalpha() and parts[0].islower()
    return bool(parts) and all(_PHRASE_WORD.match(p) for p in parts)


def _key(words: Iterable[str], fold: bool) -> str:
    joined = "".join(words)
    return joined.lower() if fold else joined


class Gazetteer:
    """Exact and case-blind lookup tables over entry names and aliases."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.exact: dict[str, Entry] = {}
        self.fold: dict[str, Entry] = {}
        self._first_exact: dict[str, int] = {}
        self._first_fold: dict[str, int] = {}
        # Joined keys of the first n words of every multi-word form: a longer match is tried only
        # while the words so far are such a prefix.
        self._prefixes: set[str] = set()
        self._starts: tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], int] | None = None
        self._kinds: _WordKinds  # _word_kind's answers, made with _starts
        self._looked_up: dict[str, Entry | None] = {}  # lookup's answers by name
        self._bigrams_exact: set[str] = set()
        self._bigrams_fold: set[str] = set()
        # Coined names with a digit written all in lower case ("flan-t5", "llama-2", "gsm8k"):
        # found only when the text writes every word in lower case, so "Mistral" is not "mistral".
        self.coined_lower: dict[str, Entry] = {}
        # Coined names with a digit by their lower-case key, for a text that writes one in other
        # capitals ("Deepseek-R1", "EMU3"); None where two entries share the key. Not names without a
        # digit: their capitals often tell two names apart ("CoCo" is no COCO, "mDPO" no MDPO); only
        # models' names with capitals inside, and models' and data sets' in capitals, have tables below.
        self._case_blind: dict[str, Entry | None] = {}
        self._case_blind_mixed: dict[str, Entry | None] = {}  # models' names with capitals inside, no digit
        self._upper_of_mixed: dict[str, Entry | None] = {}  # such names of models and data sets in capitals
        self._first_coined_lower: dict[str, int] = {}
        self._bigrams_coined_lower: set[str] = set()
        self.entries: list[Entry] = []
        self._families: dict[str, Entry | None] | None = None  # model_family's table, made when first asked
        # numbered_families' answer, made when first asked (False: there are none)
        self._numbered: tuple[re.Pattern[str], dict[str, Entry]] | bool | None = None
        self._stems: frozenset[str] | None = None
        self._one_word_names: list[tuple[str, Entry]] = []  # written with their case, for the variants below
        self._forms_by_name: dict[str, tuple[str, ...]] | None = None  # forms_of's table, made when first asked
        for entry in entries:
            self.add(entry)
        self._add_capitalised_variants()

    def _add_capitalised_variants(self) -> None:
        """"Librispeech" for LibriSpeech, "Imagenet" for ImageNet: a data set's long one-word name with
        capitals inside is often written with only its first capital; "REVOS" for ReVOS: such a name of
        five letters or more in capitals (not "Mimic" for MIMIC: a name in capitals is often a word). Added
        after every entry, so a name of its own spelled so keeps its entry. Data sets only: models' and
        methods' names spelled so are often ordinary words ("Minimax" is no MiniMax, "Autoencoder" no
        AutoEncoder); short names and common words are left out too."""
        common = common_words()
        for key, entry in self._one_word_names:
            if entry.type != "dataset" or not key.isalpha() or key.lower() in common:
                continue
            variants = []
            if len(key) >= 6 and key[0].isupper() and _mixed_case(key):
                variants.append(key[0] + key[1:].lower())
            if len(key) >= 5 and _mixed_case(key) and any(ch.isupper() for ch in key[1:]):
                variants.append(key.upper())  # "REVOS" for ReVOS (not four letters: "FIQA" is no FiQA)
            for variant in variants:
                if variant in self.exact:
                    continue
                self.exact[variant] = entry
                self._first_exact[variant] = max(self._first_exact.get(variant, 0), 1)
        self._looked_up.clear()

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        self._looked_up.clear()
        self._forms_by_name = None
        forms = [entry.name, *entry.aliases]
        # "The Pile" is matched as "Pile": the article is not part of the name in running text.
        forms = [f[4:] if f[:4] in ("The ", "the ") and len(f) > 6 else f for f in forms]
        # "direct preference optimisation", "Proximal Policy Optimisation": a phrase's British spelling is
        # the same name (added after the forms as written, so a form of another entry keeps its own)
        forms += [british for f in forms if (british := british_spelling(f)) is not None]
        for form in forms:
            parts = WORD.findall(form)
            if not parts or len(parts) > MAX_WORDS:
                continue
            if not WORD.match(form) and form[0] not in "([":
                continue  # "∞Bench" would be keyed as the bare word "Bench": its symbol is its name
            fold = is_phrase(form)
            table, first = (self.fold, self._first_fold) if fold else (self.exact, self._first_exact)
            key = _key(parts, fold)
            if len(key) < 2:
                continue  # one letter is never a name on its own
            table.setdefault(key, entry)  # the first entry (higher-priority file) keeps a name
            if len(parts) == 1 and not fold and table[key] is entry:
                self._one_word_names.append((key, entry))
            head = parts[0].lower() if fold else parts[0]
            first[head] = max(first.get(head, 0), len(parts))
            for n in range(2, len(parts)):
                self._prefixes.add(_key(parts[:n], fold))
            if len(parts) > 1:
                (self._bigrams_fold if fold else self._bigrams_exact).add(_key(parts[:2], fold))
            if not fold and len(key) >= 4 and entry.type == "model" and _mixed_case(key) and not any(ch.isdigit() for ch in key):
                # "LLaMa" for LLaMA, "LongVila" for LongVILA: a model name with capitals inside, without a
                # digit, written with its capitals inside moved (not "Llama" or "LLAMA": those may be other words)
                known = self._case_blind_mixed.get(key.lower(), entry)
                self._case_blind_mixed[key.lower()] = known if _same_name(known, entry) else None
            if not fold and len(key) >= 6 and entry.type in ("model", "dataset") and key.isalpha() and _mixed_case(key):
                # "AGIEVAL", "SUPERGPQA": a text that writes every name in capitals (not "Mathvista": capitals
                # inside a word, moved or dropped, may tell two names apart)
                known = self._upper_of_mixed.get(key.upper(), entry)
                self._upper_of_mixed[key.upper()] = known if _same_name(known, entry) else None
            if fold or len(key) < 4 or not any(ch.isdigit() for ch in key):
                continue
            lowered_key = key.lower()
            known = self._case_blind.get(lowered_key, entry)
            self._case_blind[lowered_key] = known if _same_name(known, entry) else None  # the first file's, as for exact keys
            if any(ch.isupper() for ch in key):
                lowered = [p.lower() for p in parts]
                self.coined_lower.setdefault(_key(lowered, False), entry)
                self._first_coined_lower[lowered[0]] = max(self._first_coined_lower.get(lowered[0], 0), len(parts))
                for n in range(2, len(parts)):
                    self._prefixes.add(_key(lowered[:n], False))
                if len(parts) > 1:
                    self._bigrams_coined_lower.add(_key(lowered[:2], False))

    def forms_of(self, entry: Entry) -> tuple[str, ...]:
        """The entry's name and the aliases any source gives an entry of that name: a lower file's
        long form stays known ("CLIP", Contrastive Language-Image Pre-training, where a higher
        file lists CLIP without it)."""
        if self._forms_by_name is None:
            table: dict[str, list[str]] = {}
            for known in self.entries:
                table.setdefault(known.name, [known.name]).extend(known.aliases)
            self._forms_by_name = {name: tuple(dict.fromkeys(forms)) for name, forms in table.items()}
        return self._forms_by_name.get(entry.name, (entry.name, *entry.aliases))

    def lookup(self, name: str) -> Entry | None:
        """The entry a name (or alias) belongs to, or None."""
        # Kept per name (the same names are asked of paper after paper); forgotten when an entry is added,
        # and all at once past _MOST_LOOKUPS names, so that a large corpus's coined names do not pile up.
        looked_up = self._looked_up
        if name in looked_up:
            return looked_up[name]
        if len(looked_up) >= _MOST_LOOKUPS:
            looked_up.clear()
        found = looked_up[name] = self._lookup(name)
        return found

    def _lookup(self, name: str) -> Entry | None:
        parts = WORD.findall(name)  # the words (WORD has no groups)
        if not parts:
            return None
        found = self.exact.get(_key(parts, False)) or self.fold.get(_key(parts, True))
        if found is None and parts[-1].endswith("s") and len(parts[-1]) > 3:
            trimmed = [*parts[:-1], parts[-1][:-1]]
            found = self.exact.get(_key(trimmed, False)) or self.fold.get(_key(trimmed, True))
        return found

    def model_family(self, word: str) -> Entry | None:
        """The model a one-word name of four letters or more writes in any capitals ("deepseek" for
        DeepSeek, "qwen" for Qwen), unless that word is common English or names two things."""
        if self._families is None:
            common = common_words()
            families: dict[str, Entry | None] = {}
            for key, entry in self._one_word_names:
                if entry.type == "model" and key.isalpha() and len(key) >= 4 and key.lower() not in common:
                    known = families.setdefault(key.lower(), entry)
                    families[key.lower()] = known if known is not None and known.name == entry.name else None
            self._families = families
        return self._families.get(word.lower())

    def numbered_stems(self) -> frozenset[str]:
        """The lower-cased first words of the model names that go on with a number ("claude" of
        "Claude 3 Opus", "gpt" of "GPT-4"): what a lower-case model id starts with ("claude-opus-4.6")."""
        if self._stems is None:
            stems = set()
            for entry in self.entries:
                words = WORD.findall(entry.name)
                if entry.type == "model" and len(words) > 1 and words[0].isalpha() and len(words[0]) >= 3 and any(
                    ch.isdigit() for word in words[1:] for ch in word
                ):
                    stems.add(words[0].lower())
            self._stems = frozenset(stems)
        return self._stems

    def numbered_families(self) -> tuple[re.Pattern[str], dict[str, Entry]] | None:
        """The bare names of model families the lists know only by their numbered releases ("Phi" of
        "Phi-2" and "Phi-3", "Dream" of "Dream 7B" and "Dream-7B"), as one pattern of whole words not
        followed by another capitalised word ("Hermes Agent" is a name of its own), with one release of
        each family by its word; None when there are none."""
        if self._numbered is None:
            releases: dict[str, set[str]] = {}
            release_of: dict[str, Entry] = {}
            for entry in self.entries:
                if entry.type == "model":
                    for form in (entry.name, *entry.aliases):
                        numbered = _NUMBERED_RELEASE.match(form)
                        if numbered:
                            releases.setdefault(numbered.group(1), set()).add(form)
                            release_of.setdefault(numbered.group(1), entry)
            words = sorted(w for w, forms in releases.items() if len(forms) >= 2 and self.lookup(w) is None)
            # "(?<![\w.-])(?:Abel|BlueLM|...)", each word opening with its letter (see patterns.not_after):
            # re then skips in C to those capitals rather than trying the look-behind at every position.
            self._numbered = False
            if words:
                alternatives = words_by_first_letter(map(re.escape, words), r"(?<![\w.-])")
                pattern = re.compile(rf"(?:{alternatives})(?![\w-]|\.\d|\s[A-Z])")
                self._numbered = (pattern, {w: release_of[w] for w in words})
        return self._numbered or None

    def lookup_case_blind(self, name: str) -> Entry | None:
        """The entry of a coined name with a digit written in other capitals ("Deepseek-R1" for
        DeepSeek-R1, "EMU3" for Emu3), or of a model's name with capitals inside written with them
        moved ("LLaMa" for LLaMA), or of a model's or data set's such name written in capitals
        ("AGIEVAL" for AGIEval), when only one entry has that key."""
        key = "".join(WORD.findall(name))
        if len(key) < 4:
            return None
        if not any(ch.isdigit() for ch in key):
            if key.isupper():
                return self._upper_of_mixed.get(key)
            return self._case_blind_mixed.get(key.lower()) if _mixed_case(key) else None
        return self._case_blind.get(key.lower())

    def find(self, text: str) -> list[GazetteerMatch]:
        """Longest non-overlapping matches, left to right.

        Words are listed with one C-level ``findall`` and matched as lists of strings; offsets
        are computed only for words that start a match, which keeps the cost per word to a
        look-up of what the word is to the tables (_word_kind, kept per word).
        """
        words = WORD.findall(text)
        kinds = list(map(self._word_kinds().__getitem__, words))
        # No word a name or a pair of words starts with (most titles): no match, not even a plural.
        if max(kinds, default=_NO_START) < _WHOLE:
            return []
        # A word starts a match if it is a whole name ("BERT", "Llama2") or it and the next word
        # begin one ("mixture of"): so "model" is looked at only when "model merging" may follow.
        exact, bigrams_exact, bigrams_fold = self.exact, self._bigrams_exact, self._bigrams_fold
        lower_pairs = self._start_words()[3]
        hits = []
        last = len(words) - 1
        # compress runs in C over the words: the loop sees only those that may start a match (a
        # quarter), and reads the next word only for the ones that need it.
        for i in compress(range(len(kinds)), kinds):
            if kinds[i] != _PAIRED:
                hits.append(i)
                continue
            w, w2 = words[i], words[i + 1] if i < last else ""
            low, low2 = w.lower(), w2.lower()
            if w == low and w2 == low2:
                # Both words in lower case (most pairs looked at): the tables' keys for them are one
                # look-up in their union.
                if w + w2 in lower_pairs:
                    hits.append(i)
            elif w + w2 in bigrams_exact or w + w2 in exact or low + low2 in bigrams_fold:
                hits.append(i)
        found: list[GazetteerMatch] = []
        cursor, skip_until = 0, -1
        for index in hits:
            if index < skip_until:
                continue
            for n, entry in self._word_matches(words, index):
                start = _locate(text, words[index], cursor)
                end = self._verified_end(text, start, words, index, n)
                while start >= 0 and end < 0:
                    # The word stood earlier in another phrase ("Monte Carlo estimation" before
                    # "Monte Carlo Tree Search"): try its next occurrence.
                    start = _locate(text, words[index], start + 1)
                    end = self._verified_end(text, start, words, index, n)
                if end >= 0:
                    found.append(GazetteerMatch(start, end, entry))
                    skip_until, cursor = index + n, end
                    break
        return found

    def _start_words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
        """Words that may start a match (whole keys, or first words of two-word prefixes): as
        written, lower-cased, and both lower-cased together (what a word's lower-case form must be in);
        and the lower-case keys of the tables find looks a pair of lower-case words up in."""
        if self._starts is None or self._starts[4] != len(self.entries):
            exact = frozenset(self.exact) | frozenset(self._first_exact)
            fold = frozenset(self.fold) | frozenset(self._first_fold) | frozenset(self._first_coined_lower)
            lowered = frozenset(word.lower() for word in exact) | fold
            # Plurals of the start words pass the first test too ("vits"): the rest of the loop sorts them out.
            # Only a plural of a mixed-case name ("ViTs") is ever a match, so the others ("models", "tasks",
            # a third of the words that passed) are left out: the loop would only skip them.
            plurals = frozenset(word + "s" for word in lowered if len(word) > 2 and not word.endswith("s"))
            plurals &= frozenset((key + ending).lower() for key in self.exact if _mixed_case(key) for ending in "sS")
            tables = (self._bigrams_exact, self.exact, self._bigrams_fold, self.coined_lower, self._bigrams_coined_lower)
            lower_pairs = frozenset(key for table in tables for key in table if key == key.lower())
            self._starts = (exact, fold, lowered | plurals, lower_pairs, len(self.entries))
            self._kinds = _WordKinds(self._word_kind)  # made from the tables as they are now
        return self._starts[0], self._starts[1], self._starts[2], self._starts[3]

    def _word_kinds(self) -> _WordKinds:
        """_word_kind of each word asked, kept (and made anew when an entry is added)."""
        self._start_words()
        return self._kinds

    def _word_kind(self, word: str) -> int:
        """What ``word`` (as written) is to find: it starts no match, it is a plural of a name, it is a
        whole name (or a coined one in lower case), or it starts one with the word after it. Each answer
        depends on the word alone, so find asks it once per word, not once per occurrence."""
        exact_starts, fold_starts, any_starts, _ = self._start_words()
        low = word.lower()
        if low not in any_starts:
            return _NO_START
        if word not in exact_starts and low not in fold_starts:
            # A plural of a coined one-word name in mixed case ("ViTs", "LoRAs", "ControlNets"): a
            # match of the name. Not of capitals ("SSDs", "VOCs" are often defined as other
            # things) nor of a plain word ("Adams-like" is no Adam).
            return _PLURAL if low[-1] == "s" and word[:-1] in self.exact and _mixed_case(word[:-1]) else _NO_START
        if word in self.exact or low in self.fold or (word == low and word in self.coined_lower):
            return _WHOLE
        return _PAIRED

    def _word_matches(self, words: list[str], index: int) -> Iterator[tuple[int, Entry]]:
        """(number of words, entry) of every entry starting at word ``index``, longest first: a generator, as
        find takes the first whose words stand together in the text (most often the first of them)."""
        exact_key, fold_key = words[index], words[index].lower()
        span = max(
            self._first_exact.get(exact_key, 0),
            self._first_fold.get(fold_key, 0),
            self._first_coined_lower.get(exact_key, 0),
            1,
        )
        keys = [(exact_key, fold_key)]
        prefixes = self._prefixes
        for offset in range(1, min(span, len(words) - index)):
            exact_key += words[index + offset]
            fold_key += words[index + offset].lower()
            keys.append((exact_key, fold_key))
            if exact_key not in prefixes and fold_key not in prefixes:
                break
        exact, fold, coined = self.exact, self.fold, self.coined_lower
        for n in range(len(keys), 0, -1):
            exact_key, fold_key = keys[n - 1]
            entry = exact.get(exact_key) or fold.get(fold_key)
            if entry is None and exact_key == fold_key:
                entry = coined.get(exact_key)
            if entry is None and len(exact_key) > 3 and exact_key.endswith("s") and words[index + n - 1] != "s":
                # a plural glued to the name ("GPT-4s"), not a possessive's "s" ("GPT-5's 93.2%")
                entry = exact.get(exact_key[:-1]) or fold.get(fold_key[:-1])
            if entry is not None:
                yield n, entry

    @staticmethod
    def _verified_end(text: str, start: int, words: list[str], index: int, n: int) -> int:
        """End offset of an n-word match at ``start`` if only separators stand between its words."""
        if start < 0:
            return -1
        end = start + len(words[index])
        for offset in range(1, n):
            nxt = _locate(text, words[index + offset], end)
            if nxt < 0 or not _GAP.match(text[end:nxt]):
                return -1
            end = nxt + len(words[index + offset])
        return end


# A model's numbered release: a capitalised word of three letters or more, then a number ("Phi-3-mini",
# "Hermes 3", "Dream-7B"); not a version glued to the word ("YOLOv8", "DINOv2": no bare "YOLOv").
_NUMBERED_RELEASE = re.compile(r"([A-Z][A-Za-z]{2,})[- ]\d")


def _same_name(known: Entry | None, entry: Entry) -> bool:
    """Two lists' entries of one name, whatever their capitals and separators ("LLaVA-OneVision" and
    "LLaVA-Onevision", "MATH-500" and "MATH500")."""
    return known is not None and known.type == entry.type and _name_key(known.name) == _name_key(entry.name)


def _name_key(name: str) -> str:
    return _key(WORD.findall(name), True)


def _mixed_case(word: str) -> bool:
    """A capital after the first letter and a lower-case letter: "ViT", "LoRA", not "SSD" or "Adam"."""
    return any(ch.isupper() for ch in word[1:]) and any(ch.islower() for ch in word)


class _WordKinds(dict):
    """A word's kind (see _NO_START ...), computed by ``kind_of`` when first asked: ``map(kinds.__getitem__,
    words)`` then runs in C for every word seen before (nearly all; English repeats its words). Emptied
    when it holds _MOST_WORD_KINDS words, so that a large corpus's coined words do not pile up."""

    def __init__(self, kind_of: Callable[[str], int]) -> None:
        super().__init__()
        self._kind_of = kind_of

    def __missing__(self, word: str) -> int:
        if len(self) >= _MOST_WORD_KINDS:
            self.clear()
        kind = self[word] = self._kind_of(word)
        return kind


def _locate(text: str, word: str, cursor: int) -> int:
    """Where ``word`` stands as a whole word at or after ``cursor`` (-1 if nowhere)."""
    position = text.find(word, cursor)
    while position >= 0:
        before = text[position - 1] if position else " "
        after_index = position + len(word)
        after = text[after_index] if after_index < len(text) else " "
        if not _is_word_char(before) and not (
            _is_word_char(after) or (after == "." and text[after_index + 1 : after_index + 2].isdigit())
        ):
            return position
        position = text.find(word, position + 1)
    return -1


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "\u00b5"


def read_entries(filename: str) -> list[Entry]:
    """Entries of one gazetteer data file (``#`` lines name its source and licence)."""
    text = resources.files("paperkg.extractors").joinpath("data", filename).read_text(encoding="utf-8")
    source = filename.removeprefix("gazetteer_").removesuffix(".tsv")
    entries = []
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("type\t"):
            continue
        kind, name, aliases = (line.split("\t") + ["", ""])[:3]
        entries.append(Entry(kind, name, tuple(a for a in aliases.split("|") if a), source))
    return entries


@cache
def default_gazetteer() -> Gazetteer:
    """All shipped gazetteer files, loaded once per process."""
    return Gazetteer(entry for filename in DATA_FILES for entry in read_entries(filename))
