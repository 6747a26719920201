"""One paper's candidates -> its entities: aliases joined, types decided, noise dropped, roles set.

Pure functions over the candidates of the title and of the abstract; ``extractors.records``
turns the result into the project's records.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from paperkg.extractors.abbreviations import Abbreviation
from paperkg.extractors.candidates import (
    CLAUDE_TIER_RULE,
    Candidate,
    TextCandidates,
    claude_release_name,
    described_in_plain_words,
)
from paperkg.extractors.gazetteer import Entry, Gazetteer, british_spelling
from paperkg.extractors.modelnames import parse_model_name
from paperkg.extractors.patterns import (
    BUILT_UPON,
    CLASS_OR_TASK_HEAD,
    CONNECTORS,
    NAMED_THING_HEAD,
    SIZE_CODE_END,
    TitleName,
    environment_shaped,
    is_name_like,
    past_latex_brace,
    presented_title,
    sentence_intro_cues,
    technique_shaped,
    title_name,
    type_from_appositive,
    type_from_shape,
    type_from_words,
    words_by_first_letter,
)
from paperkg.extractors.releases import (
    BARE_RELEASE,
    dash_variants,
    is_release,
    occurrences,
    release_parts,
    releases_after,
    tier_sibling,
)
from paperkg.extractors.roles import RoleDecision, SentenceCues, decide_role, role_decision
from paperkg.model import ROLE_PRIORITY, match_key, normalize_name

_FOLLOWING_TYPE_WORD = re.compile(
    r"[\s-]+(?:(model|models|LLM|LM|checkpoints?)|(dataset|datasets|benchmark|benchmarks|corpus|suite|leaderboard))\b"
)
# A data word after the acronym a name defines. Only data words: readers split "X (ACR) model" between
# model and method. Only one data set: "Text-Attributed Graph (TAG) datasets" are a kind of data.
_ACRONYM_THEN_DATA_WORD = re.compile(r"\s*\([A-Z][\w.-]{1,15}\)[\s-]+(?:dataset|benchmark|corpus|suite)\b(?!-)")
# A name headed by a trained system's or a technique's word: a data word after its acronym says what is
# measured of it ("the Zorb Reward Model (ZRM) benchmark results", "Zorb Fusion Network (ZFN) benchmark").
_SYSTEM_HEAD_END = re.compile(r"\b(?:Models?|Networks?|Nets?|Transformers?|Encoders?|Decoders?|LLMs?|Framework|Method)$")
_TASK_WORD_END = re.compile(
    r"(?i:understanding|recognition|detection|segmentation|estimation|generation|classification|retrieval|"
    r"answering|translation|summari[sz]ation|learning|prediction|forecasting)$"
)
# A title's name that is one coined word and its release ("CamemBERT 2.0", "OWSM v4", "MoCapAnything V2");
# not a year, which dates an event or a scenario ("NeurIPS 2024: Lessons from ...", "AI 2027: A Scenario ...").
_COINED_RELEASE = re.compile(r"(?=\S*[a-z]\S*[A-Z]|[A-Z]{2,})\S+ [vV]?(?!(?:19|20)\d\d\b)\d+(?:\.\d+)*")
# patterns.BUILT_UPON after the white space that ends a verb of presenting ("We build on AutoGen").
_STARTS_FROM = re.compile(r"\s+" + BUILT_UPON.pattern, BUILT_UPON.flags)
# The size words of patterns.SIZE_WORDS that name one size of a model line ("BERT-base", "E5-large"); not
# the tiers that also end other names ("-Pro", "-Plus", "-Max": "MMLU-Pro", "LIBERO-Plus").
_CAPACITIES = ("Small", "Base", "Large", "Huge", "Giant", "Tiny", "Medium")  # one size of a model line
_SIZE_WORD_END = re.compile(rf"[- ](?i:{'|'.join(_CAPACITIES)}|mini)$")
# "WikiDYK contains 12,290 facts and 77,180 questions", "X comprises over 50K video clips": what holds a
# count of data items is a data set (tried on the read sets: 96 such names, all readers' data sets).
_HOLDING_VERBS = ("contains", "comprises", "consists of", "includes", "covers", "spans", "encompasses")
_HOLDS_COUNTED_DATA = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:" + "|".join(_HOLDING_VERBS) + r")\s+"
    r"(?:over\s+|more than\s+|approximately\s+|about\s+|nearly\s+|around\s+)?\d[\d,.]*\s?[KMB]?\+?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:facts|questions|samples|examples|images|videos|clips|pairs|instances|problems|tasks|queries|prompts|dialogues|"
    r"conversations|documents|trajectories|episodes|scenes|annotations|entries|hours|articles|sentences|utterances|"
    r"recordings|frames)\b"
)
# Two capitalised words, no dash, the second no agent noun ("Parametric Memory", "Gradient Descent", "KV Cache",
# "Ann Arbor"): in a sentence about the paper's design, readers took such a pair for the paper's own 23 times
# in 120 on the read sets; a named part ("Layer Router", "Trajectory Extractor") or a longer name they took.
_TWO_PLAIN_WORDS = re.compile(r"[A-Z][A-Za-z]*\s[A-Z][a-z]*(?<!er)(?<!or)")
# After a preposition ("builds on the Delayed Streams Modeling framework", "tied with Rotary Position Encoding",
# "via Bi-level Optimization"): the phrase is what the design is related to; readers took it for the paper's own
# 6 times in 28 on the read sets. Not "the idea of X", "the concept of X": a way of presenting it.
_OBJECT_OF_PREPOSITION = re.compile(r"(?<!idea )(?<!concept )(?<!notion )\b(?:of|for|on|in|to|with|via|from|by)\s+(?:the\s+)?$")
# A phrase before a colon heads a part of a list ("(1) Enhanced Perception: leveraging ...", "Social VLA
# Architecture: We propose ..."): a heading, right as the paper's own name 1 time in 8 on the read sets.
_HEADING_COLON = re.compile(r"\s*:")
# "We present LRM-Zero, a ...", "we introduce the Foo Bar (FB), an ...": a verb of presenting, its object's name
# and the opening of an appositive describing it.
_PRESENTED_NAME_APPOSED = re.compile(
    r"\b(?:we|We)\s+(?:\w+\s+){0,2}?(?:introduce|present|propose|develop|release|build|construct|design)\w*\s+"
    r"(?:the\s+)?[A-Z][\w.+-]*(?:\s[A-Z0-9][\w.+-]*){0,3}\s*(?:\([^)]*\))?,\s+(?:a|an)\s"
)
_DATA_WORD_AFTER = re.compile(r"\s+(?:dataset|datasets|data set|data|corpus|test set|benchmark|subset)\b(?!-)")
# The one data set of the paper's own coined name ("the URECA dataset", "our MINT-CoT benchmark").
_OWN_DATA_WORD_AFTER = re.compile(r"\s+(?:dataset|benchmark|corpus)\b(?![-\w])")
_METHOD_WORD_AFTER = re.compile(r"\s+(?:framework|method|approach|algorithm|paradigm|architecture|technique)s?\b")
_SELF_REFERENCE = re.compile(
    r"\b(?:we|our|us|the proposed|this (?:paper|work)|novel|key|consists? of|incorporat\w*|compris\w*|"
    r"introduc\w*|propos\w*|featur\w*)\b"
)
# "through a Reasoning Transferability Coefficient": a capitalised name with "a" is one the
# paper defines; others' techniques are "the X" or bare.
_CAST_AS = re.compile(r"\bas\s+(?:an?|the)\s+$")
_INDEFINITE = re.compile(r"\b(?:an?|two|three|novel|new)\s+$")
# Where a paper starts saying what it does: "we propose", "our method", "this paper"; not "we build on
# X", which uses X.
_PAPER_PRESENTS = re.compile(
    r"\b(?:[Ww]e|[Oo]ur)\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|build(?!\s+(?:up)?on\b)|construct)"
    r"|\b[Tt]his (?:paper|work|report)\b|\b[Oo]ur (?:method|approach|framework|model|system)\b"
)
# A plural acronym ("dMLLMs") or a sized checkpoint ("R1-32B"): a class, or another's release, that acts.
_PLURAL_OR_SIZED = re.compile(r"[A-Z]s$|\d(?:\.\d+)?[BM]\b")
# A clause's first word: after a sentence's end, a semicolon or colon, a clause's "and" (", and"; not the
# "and" of a list of names: "XTuner and LMDeploy"), or an enumerator ("(2)", "First,").
_CLAUSE_OPENS_BEFORE = re.compile(
    r"(?:^|[.;:]\s+|[,;]\s+and\s+|\(\s*(?:\d|[ivx]+|[a-e])\s*\)\s*|\b(?:First|Second|Third|Finally|Then|Next),\s+)"
    r"(?:[Tt]he\s+|[Aa]n?\s+)?$"
)
# The name does something, in the present: "X conditions the perception layer", "X, which composes".
# Not a plural noun the name modifies ("X results", "X models"): a verb's -s, not a noun's.
_ACTS_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*(?:which\s+)?(?!(?:results|models|methods|outputs|scores|features|tokens|layers|"
    r"weights|parameters|variants|agents|tasks|experiments|benchmarks|datasets|baselines|samples|images|videos)\b)"
    r"[a-z]{3,}(?<!ss)s\b"
)
# Words before the name in its sentence that make it another's, besides _CITING's ("prior", "previous"):
# "Baselines: X achieves ...", "Recent work (Smith et al. 2023) trains planners; X follows experts".
_OTHERS_BEFORE = re.compile(r"\b(?:baselines?|et al\.|recent (?:work|works|studies|methods))\b")
_CITING = re.compile(r"\b(?:such as|like|e\.g\.|existing|prior|previous|conventional|standard|popular|widely|recently)\b")
_STRONG_USE = re.compile(
    r"\b(?:employ\w*|adopt\w*|using|use|uses|utiliz\w*|leverag\w*|based on|built (?:up)?on|on top of|follow\w*|resort\w* to|"
    r"rel(?:y|ies) on|appl(?:y|ies|ying|ication of))\b"
)
# What stands between the names of one list, and the words that say what a list holds.
_LAST_ITEM_GAP = re.compile(r"\b(?:and|or|as well as)\b")
# "XOR-Retrieve (cross-lingual), XTREME-UP (cross-lingual) and MIRACL": a short gloss may follow an item.
# "tasks, FrozenLake, Maze, and MiniBehavior": an item that is no candidate (one capitalised word) may stand between.
# "on Humans-5K (pose) by 7.6 mAP, Humans-2K (part-seg) by 17.1 mIoU, Hi4D (depth) by 22.4% relative RMSE":
# a gain reported after each item.
_LIST_GAP = re.compile(
    r"\s*(?:\([^()]{1,30}\))?\s*(?:,|/|;)?\s*(?:and|or|as well as)?\s*|\s*,\s*"
    r"|\s*,\s*[A-Z][a-z]{2,}\s*,\s*(?:and\s+|or\s+)?"
    r"|\s*(?:\([^()]{1,30}\))?\s*by\s+[\d.]+\s?%?(?:\s+[A-Za-z][\w-]*){0,3}\s*,\s*(?:and\s+)?"
)
_ACRONYM_PLURAL_END = re.compile(r"[A-Z0-9]s$")  # "LVidLMs", "T2VMs"
# One capitalised word (with dashes or dots: "Gen-3", "Ctrl-World") that ends a list's item, after or
# before what joins two items; add_list_members reads such a word between known names as one more name.
# (up to two more capitalised words or a year in one item: "Ford Multi-AV", "SpuCo Birds", "AIMO 2025")
_ITEM_WORD = r"[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+){0,2}"
_ITEM_MORE = rf"\s(?:{_ITEM_WORD}|(?:19|20)\d\d)"
_ITEM_END = r"(?![\w-])(?=\s*(?:[,;)]|\.(?:\s|$)|(?:and|or)\b|$))"
_LISTED_WORD = re.compile(rf"(?<![\w.-]){_ITEM_WORD}(?:{_ITEM_MORE}){{0,2}}{_ITEM_END}")
# The rest of an item after a coined name found in it: "SpuCo" of "CelebA and SpuCo Birds"
_ITEM_REST = re.compile(rf"(?:{_ITEM_MORE}){{1,2}}{_ITEM_END}")
_WORD_THEN_GAP = re.compile(rf"(?<![\w.-])({_ITEM_WORD})(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$")
# What opens a list of examples of a kind: "proprietary systems such as Gen-3 and Kling".
_MEMBERS_HEAD = re.compile(
    r"\b(?:models|LLMs|MLLMs|VLMs|systems|baselines|methods|approaches|encoders|backbones|generators|"
    r"benchmarks|datasets|suites|corpora|simulators)\s*(?:,|\()?\s*(?:such as|like|including|e\.g\.,?|i\.e\.,?)\s*$",
    re.IGNORECASE,
)
_ITEM_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_LIST_HEAD = re.compile(
    r"\b(?:(models|LLMs|MLLMs|VLMs|baselines)|(benchmarks|datasets|suites|corpora|tasks))\s*(?:,|:|\()?\s*"
    r"(?:such as|like|including|namely|named|called|dubbed|termed|e\.g\.,?|i\.e\.,?|spanning|across|on)?\s*$",
    re.IGNORECASE,
)
_ON_END = re.compile(r"\bon\s*$")
# "3 sub-datasets reflecting different real-world challenges: TIME-Wiki, TIME-News, and TIME-Dial":
# the kind, counted, named before a colon that opens the list, with a few words between (not "endows
# models with two key capabilities: X and Y").
_LIST_HEAD_COLON = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|following)\s+(?:[\w-]+\s+){0,2}"
    r"(?:(models|LLMs|MLLMs|VLMs|checkpoints)|(benchmarks|datasets|sub-datasets|subsets|splits|suites|corpora))"
    r"\b[^.:;()]{0,60}:\s*$",
    re.IGNORECASE,
)
_NEW_APPOSITIVE = re.compile(r"(?:\s*\([^()]{1,80}\))?\s*,\s*(?:a|an|the|our)\s+(?:(?:\w+[- ]){0,2})?(?:new|novel|first)\b")
# "DocAssist, our constructed dataset for ...", "VER, a large-scale dataset curated by us", "X, a benchmark
# we construct": an appositive that says the paper made it
_KINDS = r"(?:dataset|benchmark|corpus|suite|model|method|framework|approach|system|agent|pipeline|algorithm|module)s?"
_OWN_APPOSITIVE = re.compile(
    # (the kind ends the appositive: not "like V-Half, our approach achieves ...", a clause's subject)
    r"(?:\s*\([^()]{1,80}\))?\s*,\s*(?:our\s+(?:[\w-]+\s+){0,2}?" + _KINDS
    + r"(?=\s+(?:for|of|that|which|with|containing|comprising|covering|built|designed)\b|\s*[,.;)])"
    r"|(?:an?|the)\s+(?:[\w-]+\s+){0,4}?"
    + _KINDS + r"\s+(?:(?:curated|constructed|built|collected|created|developed|proposed|introduced)\s+(?:by us|here|"
    r"in this (?:paper|work))|(?:that\s+)?we\s+(?:also\s+)?"
    r"(?:curate|construct|build|collect|create|develop|propose|introduce|release)d?)\b)"
)
# What the text says of a name right after it that makes it the paper's: "X is a novel framework", "X is the
# first open model", "X is proposed to ...", "X, the proposed method," (in the present: "X was proposed" is history).
_SELF_DESCRIBED_AFTER = re.compile(
    r",?\s+(?:is|are)\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:novel|new|first)\b|(?:(?:hereby|thus|therefore|then|further|also)\s+)?"
    r"(?:proposed|introduced|presented|developed|designed|constructed|built|created|curated)\b(?!\s+(?:by|in|at)\b))"
    r"|\s*,\s*(?:the|our)\s+proposed\b"
)
# What the paper's own system is made of: the verb after its subject (not "contains", "features", "combines",
# "incorporates", which the read samples' systems use as often for others' parts: "UFO2 features AppAgent").
_MADE_OF = re.compile(
    r"\s(?:further\s+|also\s+|mainly\s+)?(?:integrates|comprises|consists of|is composed of|includes|introduces|provides)\b"
)
_OWN_SYSTEM_SUBJECT = re.compile(
    r"(?:(?:[Tt]his|[Oo]ur|[Tt]he(?: proposed)?)\s+(?:[\w-]+\s+){0,3}?(?:framework|system|method|approach|model|pipeline|"
    r"architecture|benchmark|suite|toolkit|agent|design|platform)|It)"
)
# "It", "The framework": the paper's own only after a sentence that presents it.
_LOOSE_SUBJECT = re.compile(r"It$|[Tt]he (?!proposed\b)")
# A word for a part of a system right after a name ("a SyncFusion module", "our SGE and SGDC modules").
_PART_WORD_AFTER = re.compile(r"\s+(?:modules?|blocks?|components?|mechanism|strategy|units?|branch|adapter)\b(?!-)")
# Before such a part: words that set it against the paper's or credit it to others ("Unlike the X module",
# "Smith et al. proposed a X module", "(Smith, 2023) introduced", "ZorbDiff, whose X module").
_OTHERS_PART_BEFORE = re.compile(r"\b(?:unlike|in contrast to|compared (?:to|with)|et al\.|whose)|\[\d|\(\D*\d{4}[a-z]?\)")
# After it: who made it or whose it is ("the X module proposed by ...", "the X mechanism in ZorbLM").
_OTHERS_PART_AFTER = re.compile(
    r"\s+(?:(?:proposed|introduced|developed|designed) (?:by|in)\b|(?:of|in|from) (?:the )?([A-Z][\w-]*[A-Z0-9][\w-]*))"
)
# In the clause before a part's name: it is another's, built on or taken from ("Swan-Small, based on
# ARBERTv2", "tasks derived from platforms like CodeForces", "with support for DeepSpeed ZeRO-3").
_OTHERS_PART = re.compile(
    r"\b(?:based on|built (?:on|upon)|on top of|from|like|such as|e\.g\.|using|uses|use|with|via|than|derived|"
    r"adopt\w*|inspired by|extend\w*|leverag\w*|powered by|existing|off-the-shelf)\b"
)
# A later object of a verb of presenting: the link, an article and up to four describing words, and the kind
# set off by a comma ("and BlobBench", ", alongside VP-Bench", "and a human-verified test set, OmniVideo-Test").
_COORDINATED_OBJECT = re.compile(
    r"(?:,?\s+and|,?\s+alongside|,?\s+along with|,?\s+as well as)\s+(?:(?:a|an|the|our)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:dataset|benchmark|corpus|model|suite|test set|split|set|framework|method|algorithm),?\s+)?$"
)
# Right after the later object: it is another's ("along with X, the tokenizer of prior work").
_PRIOR_AFTER = re.compile(r"[^.;]*?\b(?:prior|previous|existing|baselines?|off-the-shelf|widely[- ]used|popular|et al)\b")
# Between the verb and the later object: words that turn to others' things or to using them, or that join
# two words inside one phrase ("designed for both synthetic image and DeepFake detection").
_TURNS_TO_OTHERS = re.compile(
    r"[;:]|\b(?:on|using|with|than|against|versus|vs|from|based|built|such as|like|both|between|either|outperform\w*|surpass\w*|"
    r"compar\w*|evaluat\w*|us(?:e|es|ed)|appl\w*|train\w* on|fine-?tun\w*)\b"
)
# "evaluated on a newly curated week-long video QA benchmark, Ego-R1 Bench,": the new thing named after
# its description (the kind word, then the name set off by a comma).
_FIRST_PERSON = re.compile(r"\b(?:we|our|this (?:paper|work))\b")
# Another's new thing: "released by Google", "recently", "we start from / distill from a new base model, X,".
_OTHERS_RELEASE = re.compile(
    r"\b(?:released|proposed|introduced|developed|published)\b[^.;]{0,30}?\bby\b|\brecent(?:ly)?\b|\b(?:start|distill)\w* from\b"
    r"|\b(?:use|uses|using|adopt\w*|employ\w*)\s+(?:a|an)\s+(?:new|novel)\b"
)
_NEW_KIND_APPOSED_BEFORE = re.compile(
    r"\b(?:a|an|our)\s+(?:new|novel|newly[\s-]+[a-z]+)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:benchmark|dataset|corpus|model|suite|testbed|leaderboard)\s*,\s*$"
)
# A capitalised noun of an action, the head of a named procedure ("Local Gaussian Deformation", "Region-wise
# Noise Addition", "Stepwise Reward Centering"), where the list of head nouns has none.
_ACTION_NOUN = re.compile(r"(?:[A-Z][a-z]+-)?[A-Z][a-z]{3,}(?:tion|sion|ment|ing)$")


def _action_noun_head(long_form: str) -> bool:
    """A capitalised long form ending in a noun of an action that names no task ("Named Entity Recognition")."""
    last = long_form.split()[-1]
    return long_form[:1].isupper() and _ACTION_NOUN.fullmatch(last) is not None and not CLASS_OR_TASK_HEAD.search(last)


# Words after a dash that describe by a named thing, not name a new one ("GPT-4o-Level", "AlphaZero-Driven").
_DESCRIBING_PARTS = frozenset({
    "Level", "Like", "Style", "Based", "Class", "Grade", "Scale", "Size", "Sized", "Quality", "Driven", "Guided",
    "Aware", "Free", "Inspired", "Powered", "Enhanced", "Augmented", "Specific", "Centric", "Generated", "Assisted",
})
_MODEL_CLASS_HEAD = re.compile(r"(?<=[a-z0-9])-?(?:LLM|VLM|MLLM|LMM|GPT|BERT)(?:-?\d+(?:\.\d+)*)?$")
_ON_AFTER_RESULTS = re.compile(r"(?:^|\b[Oo]n|\bacross)\s+(?:the\s+)?$")
# "on X, Y, and" before a list's first found name: the words before it are unfound items of the list.
_ON_BEFORE_LIST = re.compile(r"(?:\b[Oo]n|\bacross)\s+(?:the\s+)?(?:[\w.+-]+,\s+){0,3}$")
# "the AURA model", "our X weights", "the EpiCoder series" (of fine-tuned models), "the MathCoder2 family of models"
_MODEL_WORD_AFTER = re.compile(r"\s+(?:model|models|checkpoints?|weights|series|family)\b(?!-)")
# A maker's name written before its known model ("OpenAI o1", "Google Gemini"): a form of the name.
# (each maker opening with its letter, see not_after: re skips in C to those letters in the window)
_VENDORS = "OpenAI|Google|Anthropic|Meta|Microsoft|Alibaba|NVIDIA|Apple|Amazon|ByteDance|Tencent|xAI|DeepMind"
_VENDOR_BEFORE = re.compile(
    "(" + words_by_first_letter(_VENDORS.split("|")) + r")['’]?s?\s+$"
)
_SYSTEM_VERBS = r"(?:achieves|outperforms|surpasses|attains|scores|reaches|obtains|beats|rivals)\b"
_ACTS_AS_SYSTEM = re.compile(rf"\s+{_SYSTEM_VERBS}")
# What is trained, or serves as a network inside another system, is a model.
_TRAINED_AFTER = re.compile(
    r"(?:\s+(?:is|was|are|were)\s+(?:first\s+|further\s+)?(?:pre-?trained|post-?trained|trained|fine-?tuned)\b"
    # "We introduce X, trained on 2T tokens", "X, which is pretrained on 1M hours of audio"
    r"|\s*,\s*(?:which\s+is\s+|that\s+is\s+)?(?:pre-?trained|post-?trained|trained|fine-?tuned)\s+(?:on|with|from|using|via)\b"
    r"|\s+as\s+(?:an?|the|our)\s+(?:\w+\s+)?(?:backbone|encoder|decoder|teacher|student|base model|judge|reward model)\b)"
)
# "ConverSeg-Net trained on our data engine achieves ...": a participle right after the name. Not after
# a name in the plural ("Cartridges trained on ...", "3DLLMs trained with ..."): things of a kind, trained.
_TRAINED_PARTICIPLE_AFTER = re.compile(r"\s+(?:pre-?trained|post-?trained|trained|fine-?tuned)\s+(?:on|with|using)\b")
# "we train UltraComposer to compose ...", "We pre-train Aria from scratch", "we train ROCKET-1, a policy": what the
# paper trains is a model (read sets: 38 names so trained are models, 11 methods). The name is the verb's whole
# object: a preposition, "to" or a stop follows ("We train BatchTopK sparse autoencoders" trains the autoencoders).
_TRAINS_BEFORE = re.compile(
    r"\b(?:[Ww]e|[Tt]hen|[Ff]inally|[Ff]irst)\s+(?:(?:further|then|also|first|subsequently|additionally)\s+)?"
    r"(?:pre-?|post-?)?train(?:s|ed)?\s+(?:(?:a|an|the|our)\s+)?"
    r"(?:(?:new|novel|unified|single|lightweight|small|compact|specialized|dedicated)\s+)*$"
)
_WHOLE_OBJECT_END = re.compile(r"\s+(?:on|with|to|from|using|through|via|as|at|in|for|by)\b|\s*[,.;:(]")
# A name in capitals that ends in a class's acronym names the class ("a powerful 3DLLM trained on ...").
_CLASS_ACRONYM = re.compile(r"[0-9A-Z]*(?:LLM|VLM|LMM)")
# Technique names by their ending: policy optimisations, RL recipes, adapters ("GRPO-Lite", "CoLoRA").
_TECHNIQUE_END = re.compile(r"(?:PO|RL|LoRA)(?:-\w+)?$")
# The paper's own thing named next: "the proposed X model", "our new X model".
_OWN_BEFORE = re.compile(r"\b(?:[Tt]he|[Oo]ur)\s+(?:proposed|new)\s+$")
_WEIGHTS_BEFORE = re.compile(
    r"\b(?:parameters|weights|checkpoints?)\s+(?:of|than)\s+(?:the\s+)?$"
    r"|\b(?:fine-?tun(?:e|es|ed|ing)|finetun(?:e|es|ed|ing))\s+(?:the\s+|a\s+)?$"  # "fine-tuning TimeChat to ..."
    r"|\d+(?:\.\d+)?[BMK]-?param(?:eter)?s?\s+$"  # "a 120M-parameter FluxAudio-S backbone"
)
# Verbs that make data: what a paper curates, collects or annotates is a data set.
_DATA_VERB_BEFORE = re.compile(
    r"\b(?:curat(?:e|es|ed|ing)|annotat(?:e|es|ed|ing)|collect(?:s|ed|ing)?|construct(?:s|ed|ing)?)\s+(?:the\s+)?$"
)
# A coined one-word name whose head is what a trained network is called by its job ("HP-Scorer",
# "WavTokenizer", "OneVision-Encoder", "NeRF-Det" a detector): a model, when nothing else says what it is. Names of several
# words ("Hash Encoder", "Global State Encoder") are mostly parts of the paper's architecture: not these.
# A vision-language-action model is a trained policy ("TraceVLA", "GeneralVLA-2"; readers of the samples list
# such names as models 27 times in 31); "VLM-to-VLA" names a transfer, not a network.
_TRAINED_TOOL_END = re.compile(
    r"^[^\s]+(?<=[a-z0-9-])(?:Encoder|Decoder|Detector|Segmenter|Captioner|Scorer|Aligner|Embedder|Retriever|Reranker|"
    r"Classifier|Tokenizer|Tagger|VAE|Det|DET|Det[23]D|(?<!-to-)VLA(?:-?\d+(?:\.\d+)?)?)$"
)
# A plural class of models or agents, named in capitals by what kind they are ("Large Reasoning Models",
# "Video Generation Models", "Unified Multimodal Models"; GUIDELINES: "large language models",
# "vision-language models", "diffusion models"). Not a named technique ("Recursive Language Models").
_PLURAL_CLASS = re.compile(
    r"\b(?i:large|foundation|multimodal|multi-modal|omni-modal|unified|vision-language|video|image|speech|audio|"
    r"generation|generative|reward|reasoning|diffusion|world|action|agentic|medical|masked|autoregressive|"
    r"auto-regressive|causal|long-context|pretrained|pre-trained)\b[\w\s-]*\s(?:Models|Networks|Agents|LLMs|VLMs|MLLMs|LMMs)$"
)
# "LLaVA-665k", "DAPO-17k", "LLaVA-Video-178K": a family's name with a count of thousands (two digits or
# more: "Lumina-Next-2K" is a resolution) and no parameter size is its data; not a context length
# ("Yi-200K", "Qwen2-128K": a power of two or 200K) nor after a size ("Llama-3-8B-Instruct-80K").
_SAMPLES_OF_FAMILY = re.compile(r"^[A-Za-z](?!.*\d[BM]\b)[^\s]*-(?!(?:4|8|16|32|64|128|200|256|262|512)[kK]$)\d{2,}[kK]$")
_MILLION_END = re.compile(r"-\d+(?:\.\d+)?M$")
# "trained on Vid-10M", "fine-tuned with our Vid-10M": what a model learns from is data, whatever its name.
_LEARNED_FROM_BEFORE = re.compile(
    r"\b(?:(?:pre|post)-?)?(?:train|tun|fine-?tun|finetun)(?:e|es|ed|ing|s)?\s+(?:on|with)\s+(?:the\s+|our\s+)?$", re.I
)
_DATA_WORD_END = re.compile(r"[-\s](?:Dataset|Datasets|Data|Corpus|Bench|Benchmark|Eval|Arena|Suite)$")
# "Trained on MMDuetIT, MMDuet demonstrates": a sentence that opens with what the name was trained on.
_TRAINED_BEFORE = re.compile(r"(?<![\w-])(?:Pre-?trained|Post-?trained|Trained|Fine-?tuned)\s+(?:on|with)\s+[^,.;]{1,60},\s*$")
# "we propose a novel method (GLOV)", "a new benchmark (X)": the kind, then the name in parentheses.
# The kind a text gives a name right before it: (method word)|(model)|(data-set word), as three groups.
_KIND_WORDS = r"(?:(method|framework|approach|technique|algorithm|strategy)|(model)|(dataset|benchmark|corpus))"
_KIND_BEFORE_PARENTHESIS = re.compile(rf"\b(?:an?|the|our)\s+(?:[\w-]+\s+){{0,3}}?{_KIND_WORDS}\s*\(\s*$")
# "we propose a novel benchmarking framework, the Language Model Council (LMC)"
_KIND_COMMA_BEFORE_NAME = re.compile(rf"\b(?:an?|our)\s+(?:[\w-]+\s+){{0,3}}?{_KIND_WORDS},\s+(?:the\s+|namely\s+)?$")
_SIZE_NEAR = re.compile(r"-?\s?\d+(?:\.\d+)?[BM]\b|,\s*\d+(?:\.\d+)?\s?[BMK]\s+param")  # "(ArtifactUNet, 3.6M parameters)"
_HYPHENATED_MODEL_AFTER = re.compile(r"\s+(?:[a-z]+-[a-z]+\s+){1,2}(?:language\s+|foundation\s+)?models?\b(?!-)")
_SIZE_BEFORE = re.compile(r"\b(?:an?|the|our)\s+\d+(?:\.\d+)?[BM]\s+$")  # "a 0.5B TinyLLaVA"
# A name given to a task ("the task of X", "a practical task, which we termed as AnyV4D") is no entity (GUIDELINES.md:
# tasks are not annotated). Not a metric so named: readers of the read sets list two of three that papers present.
# (Also the naming words of _PRECEDING_TYPE_WORD: "Our model, coined as MobileVD,".)
_NAMING_VERB = (
    r"(?:(?:which |that )?we (?:call|called|term|termed|name|named|dub|dubbed)|called|named|termed|dubbed|coined)(?:\s+as)?"
)
_TASK_CONTEXT = re.compile(rf"\b(?:task|problem|setting)\b(?:,?\s+{_NAMING_VERB}|\s+of)\s*$", re.IGNORECASE)
_TASK_WORDS = ("task", "problem", "setting")


def _task_context(before: str) -> bool:
    """_TASK_CONTEXT.search(before), tried only when an ASCII text holds one of its words (lower-cased;
    other texts are always tried: the case-blind pattern folds a few other letters onto ASCII ones)."""
    if before.isascii():
        lowered = before.lower()
        for word in _TASK_WORDS:
            if word in lowered:
                break
        else:
            return False
    return _TASK_CONTEXT.search(before) is not None


# Words of generic class names; a long form made only of these is no entity's name.
GENERIC_WORDS = frozenset(
    [
        "large",
        "small",
        "pre",
        "trained",
        "pretrained",
        "language",
        "languages",
        "vision",
        "visual",
        "multimodal",
        "multi",
        "modal",
        "model",
        "models",
        "network",
        "networks",
        "neural",
        "deep",
        "foundation",
        "generative",
        "text",
        "image",
        "video",
        "audio",
        "speech",
        "open",
        "source",
        "based",
        "transformer",
        "transformers",
        "llm",
        "llms",
        "lm",
        "lms",
        "vision-language",
        "of",
        "and",
        "the",
        "for",
        "with",
    ]
)
_CAPITALISED_WORDS = re.compile(r"(?:[A-Z][\w]*[-\s])+")
# "the model X", "a dataset named X", "a benchmark, termed X,".
_PRECEDING_TYPE_WORD = re.compile(
    r"\b(?:(model|LLM|checkpoint|retriever|encoder)|(dataset|benchmark|corpus|leaderboard|testbed|datastore))"
    # "Our model, which we call RollingDepth,"; "a new SVG editing dataset (VG-Edit)"; 'a new dataset "PyQTax"'
    # "Our model, coined as MobileVD,". Not "referred to as" or "known as": they as often name what the kind word's
    # phrase is about ("dropping neurons ... on a dataset, referred to as Sensitive Neurons"; 3 of 4 hf_daily papers)
    rf"(?:\s*,?\s+{_NAMING_VERB})?"
    r"(?:\s+|\s*\(|\s+[\"“`']+)$"
    # "dense retrieval models, e.g., mContriever": one example of a plural kind
    r"|\b(?:(models|LLMs|retrievers|encoders|transformers)|(datasets|benchmarks|corpora))\s*,?\s*"
    r"(?:such as|like|e\.g\.,?|including|called|named|termed|dubbed|denoted as)\s+$",  # "Our models, called SWIM-X"
    re.IGNORECASE,
)
_TYPE_WORDS = ("model", "llm", "checkpoint", "retriever", "encoder", "transformers", "dataset", "benchmark", "corpus", "corpora",
               "leaderboard", "testbed", "datastore")

# "The resulting 3D-aware video dataset, PointVid, is then used": the type word, then the name
# set off by commas on both sides (not "On this benchmark, X achieves ...", a clause's subject).
_TYPE_WORD_APPOSED = re.compile(
    r"\b(?:an?|the|our|new|novel|resulting|curated|proposed|\w+-\w+)\s+(?:[\w-]+\s+){0,5}"
    r"(?:(model|checkpoint)|(dataset|benchmark|corpus|leaderboard|testbed))"
    r"(?:\s+(?:in|for|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}[\w-]+)?"  # "the first foundation model in the soccer domain, X,"
    r"(?:\s*\([^()]{1,20}\))?\s*,\s*$",
    re.IGNORECASE,
)


_SENTENCE_END = re.compile(r"\.(?:\s|$)")


def _preceding_type_word(text: str, start: int) -> re.Match[str] | None:
    """_PRECEDING_TYPE_WORD in the words right before ``start`` ("the model X", 'a new dataset "X"')."""
    before = text[max(0, start - 34) : start]
    if before.isascii():  # (outside ASCII, re's case-blind match and str.lower may differ)
        lowered = before.lower()
        if not any(word in lowered for word in _TYPE_WORDS):
            return None  # every alternative holds one of these words: a search of each position costs more
    return _PRECEDING_TYPE_WORD.search(before)


def _type_word(text: str, mention: Mention) -> str | None:
    """model or dataset when a type word stands right after or before a mention ("X benchmark",
    "the model X", "a dataset named X", "a new video dataset, X,", "a vision-language model (VLM), X.")."""
    found = _FOLLOWING_TYPE_WORD.match(text, past_latex_brace(text, mention.end)) or _preceding_type_word(
        text, mention.start
    )
    if (
        found is None
        and _ACRONYM_THEN_DATA_WORD.match(text, mention.end)
        and not text[mention.start].islower()
        and not _TASK_WORD_END.search(text, mention.start, mention.end)
        and not _SYSTEM_HEAD_END.search(text, mention.start, mention.end)
    ):
        # "the Needle in a Video Haystack (NIAVH) benchmark"; not a task's data ("monocular depth
        # estimation (MDE) datasets", "Spoken Language Understanding (SLU) datasets")
        return "dataset"
    if found is None and (text.startswith(",", mention.end) or _SENTENCE_END.match(text, mention.end)):
        # "a new video dataset, X," and "an open-source vision-language model (VLM), X." (the sentence's last words)
        found = _TYPE_WORD_APPOSED.search(text[max(0, mention.start - 70) : mention.start])
    if found is None:
        return None
    return "model" if found.lastindex in (1, 3) else "dataset"  # odd groups name models, even ones data


@cache
def not_entities() -> frozenset[str]:
    """Normalised terms that are never entities (generic classes, fields, tasks, metrics, ...)."""
    text = resources.files("paperkg.extractors").joinpath("data", "not_entities.tsv").read_text(encoding="utf-8")
    terms = set()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            terms.add(_norm(line.split("\t", 1)[1]))
    return frozenset(terms)


_WORD_BREAKS = re.compile(r"[\s-]+")  # a long form's words are split at spaces and dashes


def _content_words(name: str) -> frozenset[str]:
    """A long form's words, lower-cased and singular, without the class words every one of them has."""
    words = {w.lower().removesuffix("s") for w in _WORD_BREAKS.split(name) if w}
    return frozenset(words - {"model", "network", "agent"})


def _spells_entry(long_form: str, forms: Iterable[str]) -> bool:
    """The long form is one of the entry's own in other capitals or number ("Diffusion Transformers (DiTs)"
    for DiT, the Diffusion Transformer), not another reading of its acronym ("Representation Autoencoders
    (RAEs)", not RAE the Regularized Autoencoder)."""
    words = _content_words(long_form)
    spelled = _spelled_together(long_form)
    return any(_content_words(form) == words or _spelled_together(form) == spelled for form in forms)


def _spelled_together(name: str) -> str:
    """A long form's words run together, so that "Pre-training" and "pretraining" spell the same."""
    words = (w.lower().removesuffix("s") for w in _WORD_BREAKS.split(name) if w)
    return "".join(w for w in words if w not in ("model", "network", "agent"))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


_TITLE_WORD = re.compile(r"[^\W\d_][\w'-]*")
_LINKING_WORDS = CONNECTORS | {"and", "the", "a", "an", "on", "by"}  # skipped when initials spell a title's acronym


def _word_stems(name: str) -> frozenset[str]:
    """A long form's words by their first three letters, lower-cased, linking words left out."""
    return frozenset(w[:3].lower() for w in _WORD_BREAKS.split(name) if w and w.lower() not in _LINKING_WORDS)


def _title_long_form(title: str, name: TitleName) -> str | None:
    """The words right after a title's acronym whose initials spell it ("DDT: Decoupled Diffusion
    Transformer", "ACE: All-round Creator and Editor Following ..."): linking words skipped, a dashed word
    one initial; None when no run of two to eight words spells it."""
    letters = "".join(ch for ch in name.name if ch.isalpha()).lower()
    if not (2 <= len(letters) <= 8) or not name.name[:1].isupper() or " " in name.name:
        return None
    rest = title[name.end :]
    if not rest.startswith(":"):
        return None
    initials, first = "", 0
    for word in _TITLE_WORD.finditer(rest):
        if word.group(0).lower() in _LINKING_WORDS:
            if not initials:
                return None  # "X: A ... " opens a description, no spelled-out name
            continue
        first = first or word.start()
        initials += word.group(0)[0].lower()
        if initials == letters:
            return rest[first : word.end()]
        if not letters.startswith(initials):
            return None
    return None


def _initials_spell(long_form: str, short: str) -> bool:
    """Whether a long form of two words or more spells an acronym with its initials ("Stable Video
    Diffusion", "SVD")."""
    words = [w for w in _WORD_BREAKS.split(long_form) if w]
    return len(words) >= 2 and "".join(w[0] for w in words).lower() == short.removesuffix("s").lower()


# Names are compared as users' queries compare them (kg.model.match_key); cached, as the same
# surface forms recur across a paper's candidates and the gazetteer's aliases.
_norm = lru_cache(maxsize=100_000)(match_key)


# More dash-joined parts than any name has ("Llama-3.1-Nemotron-Nano-8B-v1-Instruct-FP8" has 7).
_MOST_NAME_PARTS = 12
# A family's name, a dash and a version or release number first: "deepseek-v4-flash", "Qwen-3.5-Omni".
_RELEASE_OF_FAMILY = re.compile(r"[A-Za-z]{4,}-(?:[vVkKrRoO]?\d+(?:\.\d+)*[a-z]?)(?:-[\w.]+)*$")  # "ChatGPT-o1-mini"

# A title's "Transformer" is most often the head of the paper's own name ("Visual Geometry Transformers");
# read sets: title-only mentions listed 1 time, not 26 times. (Lower case: candidates._compound_part.)
_GENERIC_IN_TITLES = frozenset(["Transformer", "Transformers"])


@dataclass
class Mention:
    field: str
    start: int
    end: int
    surface: str
    rule: str
    confidence: float
    introduced: bool = False


@dataclass
class Cluster:
    """Surface forms of one entity in one paper."""

    name: str
    type: str | None
    entry: Entry | None
    rule: str
    confidence: float
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    introduced: bool = False
    long_form: str | None = None
    family_entry: Entry | None = None  # for a model named past its gazetteer family ("Qwen2.5-32B")
    list_type: str | None = None  # the kind of the names it is listed with ("GPT-4o, X and Claude")
    long_list: bool = False  # that list names three or more
    title_type: str | None = None  # the kind a title's description gives its prefix ("X: A Video Model for ...")
    title_firm_model: bool = False  # that description names a trained model's class ("... Foundation Model")

    @property
    def known(self) -> bool:
        """A gazetteer knows the name, or the family it names a release of ("Qwen2.5-32B")."""
        return self.entry is not None or self.family_entry is not None

    def presented(self) -> bool:
        """The paper presents this name: the cluster or one of its mentions was found introduced."""
        return self.introduced or any(m.introduced for m in self.mentions)

    @property
    def forms(self) -> set[str]:
        return {self.name, *self.aliases}


# Not frozen, as patterns.Span is not: built often, never assigned to.
@dataclass(slots=True)
class ResolvedEntity:
    """An entity of one paper with its role and the evidence for it."""

    name: str
    type: str
    aliases: tuple[str, ...]
    role: str
    field: str
    start: int
    end: int
    sentence: str
    rule: str
    confidence: float
    family: str | None = None
    version: str | None = None
    size: str | None = None
    variant: str | None = None


@dataclass(frozen=True, slots=True)
class PaperText:
    """A paper's title and abstract with their sentence boundaries and candidates."""

    title: str
    abstract: str
    title_sentences: list[tuple[int, int]]
    abstract_sentences: list[tuple[int, int]]
    title_candidates: TextCandidates
    abstract_candidates: TextCandidates

    def text(self, field_name: str) -> str:
        return self.title if field_name == "title" else self.abstract

    def sentence(self, field_name: str, position: int) -> tuple[str, int]:
        """The sentence holding ``position`` and where it starts."""
        bounds = self.title_sentences if field_name == "title" else self.abstract_sentences
        text = self.text(field_name)
        if not bounds:
            return text, 0
        index = max(0, bisect.bisect_right(bounds, (position, len(text) + 1)) - 1)
        start, end = bounds[index]
        return text[start:end], start


def _kind_of(match: re.Match[str]) -> str:
    """The type a match of _KIND_WORDS's three groups names."""
    return "method" if match.group(1) else "model" if match.group(2) else "dataset"


def _stem_before(name: str, ending: re.Pattern[str]) -> str | None:
    """What comes before ``ending`` in ``name``, when it is three characters or more ("MIMFlow" of "MIMFlow-L")."""
    end = ending.search(name)
    return name[: end.start()] if end is not None and end.start() >= 3 else None


class PaperResolver:
    """Builds the clusters of one paper, then decides type and role for each."""

    def __init__(self, paper: PaperText, gazetteer: Gazetteer) -> None:
        self.paper = paper
        self.gazetteer = gazetteer
        self.clusters: list[Cluster] = []
        self.by_form: dict[str, Cluster] = {}
        self.stop = not_entities()
        self._cues: dict[tuple[str, int], SentenceCues] = {}
        self._made_of: dict[tuple[str, int], re.Match[str] | None] = {}
        self._named_whole_at: dict[str, int] = {}  # a name -> where the abstract first writes it without a part word
        self._first_turn: dict[tuple[int, int], int] = {}
        self._abstract_mentions: list[tuple[Mention, Cluster]] | None = None
        self._abstract_starts: list[int] = []
        self.abstract_lower = paper.abstract.lower()
        # where the paper starts saying what it does: searched once, as every fresh abstract mention asks
        presenting = _PAPER_PRESENTS.search(paper.abstract)
        self._presenting_at = presenting.start() if presenting else len(paper.abstract)
        self._sibling_of: dict[str, Cluster] = {}  # a release sibling's form -> the name it was found beside
        self._other_release_of: dict[int, Cluster] = {}  # by id: another numbered release of a presented name

    def cues_at(self, field_name: str, position: int) -> tuple[SentenceCues, int]:
        """The cues of the sentence holding ``position`` (computed once per sentence)."""
        sentence, offset = self.paper.sentence(field_name, position)
        key = (field_name, offset)
        if key not in self._cues:
            # The cues of presenting in the sentence, from its text's (a scan of the sentence cost as much)
            text = self.paper.text(field_name)
            candidates = self.paper.title_candidates if field_name == "title" else self.paper.abstract_candidates
            whole = candidates.intro_cues
            intro = sentence_intro_cues(text, whole, offset, offset + len(sentence)) if whole is not None else None
            self._cues[key] = SentenceCues(sentence, intro=intro)
        return self._cues[key], offset

    # -- clustering ----------------------------------------------------------------------------

    def _find(self, form: str) -> Cluster | None:
        return self.by_form.get(_norm(form))

    def _register(self, cluster: Cluster, form: str) -> None:
        key = _norm(form)
        if key and key not in self.by_form:
            self.by_form[key] = cluster
        if form != cluster.name:
            cluster.aliases.add(form)

    def _unregister(self, cluster: Cluster) -> None:
        """Forget the forms that name ``cluster`` (merged into another, or read anew)."""
        for form in cluster.forms:
            if self.by_form.get(_norm(form)) is cluster:
                del self.by_form[_norm(form)]

    def _cluster_for(self, candidate: Candidate) -> Cluster:
        own_form = is_entry_form(candidate)
        known = self._find(candidate.text)
        if known is None and candidate.rule == CLAUDE_TIER_RULE:
            known = self._find(claude_release_name(candidate.text))  # after "Claude Opus 4.5", "Opus 4.5"
        if known is None and own_form:
            known = self._find(candidate.entry.name)
        if known is not None:
            return known
        if own_form:
            cluster = Cluster(candidate.entry.name, candidate.type, candidate.entry, candidate.rule, candidate.confidence)
        else:
            # An extended or enumerated name ("Qwen2.5-32B", "CIFAR-100"): its own entity, whose
            # gazetteer entry is the family it belongs to.
            cluster = Cluster(
                candidate.text, candidate.type, None, candidate.rule, candidate.confidence, family_entry=candidate.entry
            )
        self.clusters.append(cluster)
        self._register(cluster, cluster.name)
        if cluster.entry is not None:
            for alias in cluster.entry.aliases:
                self._register(cluster, alias)
            cluster.aliases -= set(cluster.entry.aliases)
        return cluster

    def add_candidates(self, field_name: str, candidates: Iterable[Candidate]) -> None:
        for candidate in candidates:
            if _norm(candidate.text) in self.stop or (candidate.text[:1] in "Vv" and BARE_RELEASE.fullmatch(candidate.text)):
                continue  # "V2 extends this": a release on its own names nothing
            entry = candidate.entry
            if entry is not None and _norm(entry.name) in self.stop and candidate.text in entry.aliases:
                continue  # "online RL": an alias of an entry the stop list names ("online reinforcement learning")
            if field_name == "title" and candidate.text in _GENERIC_IN_TITLES:
                continue  # "... with Auto-Regressive Transformer": the head of the paper's own name
            if described_in_plain_words(candidate) and candidate.text not in self.paper.title.lower():
                # "we propose a coverage-aware sampling technique": a description of one of its parts in
                # plain words (read sets: 36 of 167 such phrases were what readers list as presented), unless
                # the title names the paper's work so ("Entropy-Guided Attention for Private LLMs")
                continue
            known = self._find(candidate.text) if candidate.rule == "pattern.caps_word" else None
            # A known form written in capitals adds nothing its other mentions lack, unless a type word
            # stands before it ("the title's HardTests ... a programming dataset HARDTESTS with"); a title's
            # word in capitals is the title's name ("GARDO: ..."), read with the abstract's definition.
            if candidate.rule == "pattern.caps_word" and (
                field_name == "title"
                or (
                    known
                    and known.rule != candidate.rule
                    and not _preceding_type_word(self.paper.text(field_name), candidate.start)
                )
            ):
                continue
            cluster = self._cluster_for(candidate)
            self._register(cluster, candidate.text)
            if candidate.rule == CLAUDE_TIER_RULE:
                self._register(cluster, claude_release_name(candidate.text))  # "Opus 4.5" is "Claude Opus 4.5"
            vendor = _VENDOR_BEFORE.search(self.paper.text(field_name), max(0, candidate.start - 20), candidate.start)
            if vendor and candidate.entry is not None:
                self._register(cluster, f"{vendor.group(1)} {candidate.text}")  # "OpenAI Codex" names Codex too
            cluster.mentions.append(
                Mention(
                    field_name,
                    candidate.start,
                    candidate.end,
                    candidate.text,
                    candidate.rule,
                    candidate.confidence,
                    candidate.introduced,
                )
            )
            if cluster.type is None and candidate.type:
                cluster.type = candidate.type

    def add_abbreviation(self, field_name: str, abbreviation: Abbreviation) -> None:
        long_norm, short_norm = _norm(abbreviation.long), _norm(abbreviation.short)
        short_cluster = self._find(abbreviation.short) or self._entry_cluster(abbreviation.short)
        if long_norm in self.stop or short_norm in self.stop or self._generic_long_form(abbreviation.long):
            self._drop_other_reading(abbreviation, short_cluster)
            return
        long_cluster = (
            self._find(abbreviation.long) or self._entry_cluster(abbreviation.long) or self._wider_name(field_name, abbreviation)
        )
        text = self.paper.text(field_name)
        cues, offset = self.cues_at(field_name, abbreviation.long_start)
        role = decide_role(cues, abbreviation.long_start - offset, entity_type="method", known=False).role
        introduced = role == "introduces"
        if long_cluster is None and self._drop_other_reading(abbreviation, short_cluster):
            short_cluster = None  # "Long-context models (LCMs)": not the gazetteer's latent consistency models
        elif long_cluster is None and self._defined_otherwise(abbreviation, short_cluster, introduced):
            # "singular value decomposition (SVD)": the paper's own acronym, not the gazetteer's Stable
            # Video Diffusion; its type is left to the long form and context, as the paper's own names' are.
            self._as_papers_own(short_cluster, abbreviation.short)
        if long_cluster is None and short_cluster is None:
            if not (introduced or self._name_shaped_long_form(abbreviation.long)):
                return  # "time-to-first-token (TTFT)": a lower-case phrase nobody presents
            if not introduced and not NAMED_THING_HEAD.search(abbreviation.long) and not (
                role == "uses" and _action_noun_head(abbreviation.long)
            ):
                # "American Sign Language (ASL)": a capitalised name, but of no technique or data; a procedure's
                # name is one where the text applies it ("we adjust motions via the Local Gaussian Deformation
                # (LGD)"), not where it names a task ("Entity Linking (EL) and Relation Extraction (RE)")
                return
            cluster = Cluster(abbreviation.long, None, None, "abbreviation", 0.75, long_form=abbreviation.long)
            self._absorb_partial_names(cluster, field_name, abbreviation)
            self.clusters.append(cluster)
            self._register(cluster, abbreviation.long)
        else:
            cluster = long_cluster or short_cluster
            if long_cluster is None and cluster.entry is None and cluster.family_entry is None:
                # "a Personalized Recall and Spatial Optimization (PReSO) workflow": the coined short form
                # was found first; "Spatial Optimization" inside its long form is a piece of it, no name of
                # its own, and its role is not the short form's ("built with Unreal Engine 5 (UE5)")
                self._drop_partial_names(field_name, abbreviation)
        if (
            long_cluster is not None
            and short_cluster is not None
            and long_cluster is not short_cluster
            and short_cluster.entry is not None
            and _spells_entry(abbreviation.long, self.gazetteer.forms_of(short_cluster.entry))
        ):
            # "Diffusion Transformers (DiTs)": the entry's own long form in the plural, which the
            # gazetteer lists only in the singular; one entity, not the entry beside a capitalised phrase
            self._merge(short_cluster, long_cluster)
            cluster = short_cluster
        elif long_cluster is not None and short_cluster is not None and long_cluster is not short_cluster:
            if long_cluster.entry is None and self._only_as_acronym(short_cluster, abbreviation.short):
                # "the Hierarchical Memory Module (HMM)": the paper's own definition wins over the
                # gazetteer's reading of the bare acronym (hidden Markov model); the entry's own long
                # form in other words was merged into the entry above.
                self._as_papers_own(short_cluster, abbreviation.short)
            elif long_cluster.entry is not None and short_cluster.entry is not None and (
                long_cluster.entry.type == "method" and self._only_as_acronym(short_cluster, abbreviation.short)
            ):
                # "singular value decomposition (SVD)": a known technique defines the acronym here, which the
                # gazetteer reads as another's name (Stable Video Diffusion) only where nothing defines it
                self._as_papers_own(short_cluster, abbreviation.short)
                self._merge(long_cluster, short_cluster)
                short_cluster = long_cluster
            if long_cluster is not short_cluster and (
                long_cluster.entry is not None
                and short_cluster.entry is None
                and short_cluster.family_entry is None
                and self.gazetteer.lookup(abbreviation.long) is long_cluster.entry
                and abbreviation.short in short_cluster.forms  # its own cluster, not "BLT-S" (keyed as "BLT" is)
            ):
                # "FlashAttention-2 (FA2)", "LiveCodeBench (LCB)": the paper's own short name for a known one
                self._merge(long_cluster, short_cluster)
                short_cluster = long_cluster
            if long_cluster is not short_cluster:
                if long_cluster.entry is not None or short_cluster.entry is not None:
                    return  # both halves name different things, one of them known: leave them apart
                self._merge(long_cluster, short_cluster)  # "Agentic Automatic Evaluation (A2Eval)": one coined name
        self._register(cluster, abbreviation.long)
        self._register(cluster, abbreviation.short)
        if cluster.long_form is None and not cluster.entry:
            cluster.long_form = abbreviation.long
        if not any(m.field == field_name and m.start == abbreviation.long_start for m in cluster.mentions):
            cluster.mentions.append(
                Mention(
                    field_name,
                    abbreviation.long_start,
                    abbreviation.long_end,
                    text[abbreviation.long_start : abbreviation.long_end],
                    "abbreviation",
                    0.75,
                )
            )

    def _drop_other_reading(self, abbreviation: Abbreviation, short_cluster: Cluster | None) -> bool:
        """"Long-context models (LCMs)", "multi-agent systems (MAS)": the paper defines the acronym as a
        class of models or systems, so a gazetteer entry found only as that bare acronym (latent consistency
        models; Papers with Code's MAS, Mixing Adam and SGD) is not in the paper. True when such an entry
        was dropped."""
        head = abbreviation.long.split()[-1].lower()
        if head not in ("model", "models", "networks", "agents", "system", "systems"):
            return False  # only a class of models: other long forms are often the entry's own in other words
        if head.startswith("system") and abbreviation.short_start < abbreviation.long_start:
            return False  # "F5-TTS, a fully non-autoregressive text-to-speech system": it describes a known name
        short = abbreviation.short
        if short_cluster is None or short_cluster.entry is None:
            return False
        entry = short_cluster.entry
        long_words = _content_words(abbreviation.long)
        if any(_overlap(long_words, _content_words(form)) >= 0.5 for form in (entry.name, *entry.aliases)):
            return False  # "Diffusion Transformers Models (DiTs)": the entry's own long form in other words
        forms = {short, short + "s", short.removesuffix("s")}  # "LCMs" defined, "LCM outputs" later
        if not all(m.surface in forms for m in short_cluster.mentions):
            return False
        self._unregister(short_cluster)
        short_cluster.mentions.clear()
        return True

    def _as_papers_own(self, cluster: Cluster, short: str) -> None:
        """A cluster found as a known entity's bare acronym becomes the paper's own acronym."""
        self._unregister(cluster)
        cluster.entry = cluster.family_entry = None
        cluster.type = None
        cluster.name = short
        cluster.aliases = {m.surface for m in cluster.mentions} - {short}

    def _defined_otherwise(self, abbreviation: Abbreviation, short_cluster: Cluster | None, presented: bool) -> bool:
        """A known entity found only as the bare acronym, which the paper defines as another thing:
        both long forms spell the acronym and share no word ("singular value decomposition (SVD)",
        the gazetteer's Stable Video Diffusion). An entry without such a long form of its own is kept
        ("Generative Pre-trained Transformer (GPT)": the entry GPT has none), unless the paper presents
        the definition as its own ("We introduce SDAR (Self-Distilled Agentic Reinforcement Learning)",
        not the SDAR language models)."""
        if short_cluster is None or not self._only_as_acronym(short_cluster, abbreviation.short):
            return False
        short, entry = abbreviation.short, short_cluster.entry
        if not _initials_spell(abbreviation.long, short):
            return False
        spelled = [form for form in (entry.name, *entry.aliases) if _initials_spell(form, short)]
        own = [_content_words(form) for form in spelled]
        if not own:
            # A model's acronym Papers with Code lists without its long form ("SSD", a detector): the
            # paper's own spelled-out definition ("state space duality (SSD)") is the surer reading. So
            # is a lower-case term for a data set's short name ("deterministic policy gradient (DPG)", not DPG-Bench).
            # A data set's own long forms are capitalised ("PASCAL Visual Object Classes (VOC)").
            papers_own_term = entry.type == "dataset" and short != entry.name and abbreviation.long.islower()
            # a capitalised definition the paper presents; not "we introduce a preference optimization (PO) process"
            coined_here = presented and abbreviation.long[:1].isupper()
            return (entry.source == "pwc_methods" and entry.type == "model") or papers_own_term or coined_here
        long_words = _content_words(abbreviation.long)
        if not any(long_words & words for words in own):
            return True
        # "Mixture of Attention (MoA)" beside the entry's mixture of agents, "Semi-supervised learning (SSL)"
        # beside self-supervised learning: a word on each side the other lacks is another thing. Words are
        # compared by their first three letters ("outcome"/"output", "tuned"/"tuning"), class words kept.
        ours = _word_stems(abbreviation.long)
        return all(ours - theirs and theirs - ours for theirs in map(_word_stems, spelled))

    def _wider_name(self, field_name: str, abbreviation: Abbreviation) -> Cluster | None:
        """A coined name that ends where the long form ends and starts earlier with capitalised
        words: "Test-Time Texture Consistency Optimization (TTCO)", whose initials the acronym skips."""
        text = self.paper.text(field_name)
        for cluster in self.clusters:
            if cluster.entry is not None:
                continue
            for m in cluster.mentions:
                wider = m.field == field_name and m.end == abbreviation.long_end and m.start < abbreviation.long_start
                if wider and _CAPITALISED_WORDS.fullmatch(text[m.start : abbreviation.long_start]):
                    return cluster
        return None

    @staticmethod
    def _only_as_acronym(cluster: Cluster, short: str) -> bool:
        """A known entity found in this paper only as the bare acronym another long form defines."""
        # "RAEs" defined, "the RAE design" later: the singular of a plural acronym is that acronym too
        forms = (short, short + "s", short.removesuffix("s"))
        return cluster.entry is not None and all(m.surface in forms for m in cluster.mentions)

    def _merge(self, into: Cluster, other: Cluster) -> None:
        into.mentions.extend(other.mentions)
        into.introduced = into.introduced or other.introduced
        into.type = into.type or other.type
        into.list_type = into.list_type or other.list_type
        self.clusters.remove(other)
        self._unregister(other)
        for form in other.forms:
            self._register(into, form)

    def _absorb_partial_names(self, cluster: Cluster, field_name: str, abbreviation: Abbreviation) -> None:
        """Coined candidates inside a defined long form are pieces of it ("Scenario-Profiled
        Indexing" of "Scenario-Profiled Indexing with Knowledge Expansion (SPIKE)")."""
        for _piece, inside in self._drop_partial_names(field_name, abbreviation):
            cluster.introduced = cluster.introduced or any(m.introduced for m in inside)
            for mention in inside:
                whole = dataclasses.replace(
                    mention, start=abbreviation.long_start, end=abbreviation.long_end, surface=abbreviation.long
                )
                cluster.mentions.append(whole)

    def _drop_partial_names(self, field_name: str, abbreviation: Abbreviation) -> list[tuple[Cluster, list[Mention]]]:
        """The coined clusters named only inside the long form, removed, with their mentions there."""
        dropped = []
        for other in list(self.clusters):
            if other.entry is not None:
                continue
            inside = [
                m
                for m in other.mentions
                if m.field == field_name and abbreviation.long_start <= m.start and m.end <= abbreviation.long_end
            ]
            if inside and len(inside) == len(other.mentions):
                self.clusters.remove(other)
                self._unregister(other)
                dropped.append((other, inside))
        return dropped

    def _entry_cluster(self, form: str) -> Cluster | None:
        entry = self.gazetteer.lookup(form)
        if entry is None:
            return None
        for cluster in self.clusters:
            if cluster.entry is entry:
                return cluster
        return None

    @staticmethod
    def _generic_long_form(long_form: str) -> bool:
        """ "Pre-Trained Models", "MultiModal Large Language Models": only generic words."""
        words = [w.lower() for w in re.split(r"[\s-]+", long_form) if w]
        return all(w in GENERIC_WORDS for w in words)

    @staticmethod
    def _name_shaped_long_form(long_form: str) -> bool:
        """A long form written as a name: capitalised words or a coined token, not a phrase."""
        words = long_form.replace("-", " ").split()
        capitalised = sum(1 for w in words if w[:1].isupper())
        return capitalised >= max(2, len(words) - 1) or any(is_name_like(w) for w in long_form.split())

    def add_title_name(self, name: TitleName) -> None:
        if _norm(name.name) in self.stop:
            return
        if name.phrase and name.name not in self.paper.abstract:
            return  # "Walking in the Implicit:" names the paper's system only where the abstract names it so
        # "Compute Better Spent:" is a slogan; a proposed system's name recurs in the abstract, or is
        # built like a technique's name ("Set-Based Prompting:", "Compression-Aware Minimizer:") before
        # a description that is no list of topics ("Foundations, Capabilities, Laws, and Beyond").
        # A coined name and a release number ("CamemBERT 2.0:", "OWSM v4:") is a name even so.
        unnamed = (
            name.multiword
            and name.name.lower() not in self.abstract_lower
            and not _COINED_RELEASE.fullmatch(name.name)
        )
        if unnamed and (name.whole or not technique_shaped(name.name) or self.paper.title.count(",", name.end) >= 2):
            return
        cluster = self._find(name.name)
        if cluster is None:
            entry = self.gazetteer.lookup(name.name)
            cluster = Cluster(entry.name if entry else name.name, entry.type if entry else None, entry, "title_prefix", 0.85)
            self.clusters.append(cluster)
            self._register(cluster, name.name)
            # The abstract's mentions that no rule found ("We present Arcee Trinity Large, a sparse
            # Mixture-of-Experts model ..."): their context types the name like any other's.
            abstract = self.paper.abstract
            for start in occurrences(abstract, name.name):
                end = start + len(name.name)
                self._claim_span("abstract", start, end)
                cluster.mentions.append(Mention("abstract", start, end, name.name, "title_prefix_echo", 0.6))
        cluster.introduced = True
        long_form = _title_long_form(self.paper.title, name)
        if long_form is not None:
            self._register(cluster, long_form)  # "DDT: Decoupled Diffusion Transformer": the acronym's long name
        self._claim_span("title", name.start, name.end)
        cluster.mentions.insert(0, Mention("title", name.start, name.end, name.name, "title_prefix", 0.85, True))
        # "Set-Based Prompting: Provably Solving the Language Model ...": a name built like a technique's
        # is what its own head says ("... Benchmark"), whatever the description mentions.
        technique = name.multiword and technique_shaped(name.name)
        cluster.title_type = (type_from_words(name.name.split()[-1]) or "method") if technique else name.type
        if name.benchmarking and cluster.title_type == "dataset" and self._own_suite_named(name.name):
            # "SpatialEdit: Benchmarking ..." presenting "SpatialEdit-Bench" and "WebWalker: Benchmarking ..."
            # presenting "WebWalkerQA": the benchmark has its own name; the title's is the project's.
            cluster.title_type = None
        cluster.title_firm_model = name.firm_model and not technique

    def _own_suite_named(self, name: str) -> bool:
        """The abstract names a suite after it ("SpatialEdit-Bench", "WebWalkerQA"; not a split of
        the same benchmark, "TerminalWorld-Verified")."""
        suite = r"(?<![\w-])" + re.escape(name) + r"-?(?:[Bb]ench|BENCH|QA|Eval|Arena)(?![\w-])"
        return re.search(suite, self.paper.abstract) is not None

    def add_release_siblings(self) -> None:
        """"Trinity Nano and Trinity Mini" beside the presented "Arcee Trinity Large", "Orient
        Anything V1" beside "Orient Anything V2": a coined name in a tier or a release names its
        siblings too, wherever the same stem stands before another tier or release."""
        for cluster in list(self.clusters):
            if cluster.known:
                continue
            parts = release_parts(cluster.name)
            if parts is None:
                continue
            words = parts[0].split()
            for first in range(len(words)):
                stem = " ".join(words[first:])
                if len(stem) < 3 or not stem[0].isupper():
                    continue
                for field_name in ("title", "abstract"):
                    text = self.paper.text(field_name)
                    for start, end in releases_after(text, stem):
                        surface = text[start:end]
                        if self._find(surface) is not None or surface.endswith(" " + parts[1]):
                            continue  # known already, or the same release written shorter ("Trinity Large")
                        if not self._claim_span(field_name, start, end):
                            continue
                        candidate = Candidate(start, end, surface, "pattern.release_sibling", 0.7, cluster.type)
                        self.add_candidates(field_name, [candidate])
                        self._sibling_of[_norm(surface)] = cluster

    def _model_release(self, cluster: Cluster, decided: dict[int, str]) -> bool:
        return (decided.get(id(cluster)) or self._decide_type(cluster, type_from_shape(cluster.name))) == "model"

    def add_dash_variants(self) -> None:
        """"Covo-Audio-Chat" and "Orchard-SWE" beside the presented "Covo-Audio" and "Orchard": a
        dash and a capitalised word or a number after the paper's own name make a variant of it."""
        for cluster in list(self.clusters):
            if cluster.entry is not None or not cluster.presented():
                continue
            if " " in cluster.name or len(cluster.name) < 3:
                continue
            abstract = self.paper.abstract
            for start, end in dash_variants(abstract, cluster.name):
                surface = abstract[start:end]
                if self._find(surface) is not None or not self._claim_span("abstract", start, end):
                    continue
                # Typed as the name it varies, unless its own shape says otherwise ("UniF^2ace-130K").
                kind = type_from_shape(surface)
                self.add_candidates("abstract", [Candidate(start, end, surface, "pattern.dash_variant", 0.7, kind)])
                self._sibling_of[_norm(surface)] = cluster

    def link_earlier_releases(self) -> None:
        """"TextHawk" beside the presented "TextHawk2": the stem of the paper's own numbered name is its
        earlier release, the same kind of thing. "POINTS1.0" beside the presented "POINTS1.5": the stem
        with another number is another release, a model when the presented one is (``resolve``)."""
        for cluster in list(self.clusters):
            if cluster.entry is not None or not cluster.introduced:
                continue
            stem = _NUMBERED_RELEASE.sub("", cluster.name)
            if stem == cluster.name or len(stem) < 3:
                continue
            earlier = self._find(stem)
            if earlier is not None and earlier is not cluster and earlier.entry is None:
                self._sibling_of.setdefault(_norm(stem), cluster)
            for other in self.clusters:
                if other is cluster or other.known or other.introduced:
                    continue
                if other.name != stem and _NUMBERED_RELEASE.sub("", other.name) == stem:
                    self._other_release_of.setdefault(id(other), cluster)

    def add_list_members(self) -> None:
        """"open LLMs (e.g., Pythia, Amber, OLMo)", "such as Gen-3 and Kling": a capitalised word
        listed among known models (or data sets) is one more of them, though no rule found it as a
        name ("Amber" is also a word; "Gen-3" is a generation's number elsewhere)."""
        for field_name in ("title", "abstract"):
            text = self.paper.text(field_name)
            if ", " not in text and " and " not in text and " or " not in text:
                continue
            placed = [(m.start, m.end, cluster) for cluster in self.clusters for m in cluster.mentions if m.field == field_name]
            if len(placed) < 2:
                continue
            words = self._words_listed_beside_known(text, placed)
            if not words:
                continue  # a listed word is read only beside a known name
            # An item longer than the coined name found at its start ("SpuCo Birds") stands for it in the list.
            longer = {start: end for start, end in words}
            placed = [item for item in placed if not (item[0] in longer and longer[item[0]] > item[1] and not item[2].known)]
            # A word no mention overlaps: the mentions starting before the word's end, sorted, and the
            # furthest end of each first so many (one bisection a word: a list of thousands of names
            # tested each word against every mention)
            placed.sort(key=lambda item: (item[0], -item[1]))
            mention_starts = [start for start, _, _ in placed]
            furthest_ends = list(itertools.accumulate((end for _, end, _ in placed), max))
            items: list[tuple[int, int, Cluster | None]] = placed + [
                (start, end, None)
                for start, end in words
                if not (index := bisect.bisect_left(mention_starts, end)) or furthest_ends[index - 1] <= start
            ]
            items.sort(key=lambda item: (item[0], -item[1]))
            group: list[tuple[int, int, Cluster | None]] = []
            for item in items:
                if group and item[0] >= group[-1][1] and _ITEM_GAP.fullmatch(text, group[-1][1], item[0]):
                    group.append(item)
                    continue
                self._add_listed_words(field_name, group)
                group = [item]
            self._add_listed_words(field_name, group)

    @staticmethod
    def _words_listed_beside_known(text: str, placed: list[tuple[int, int, Cluster]]) -> set[tuple[int, int]]:
        """Capitalised words one list gap after or before a known name's mention, walking on over
        further words and mentions ("Pythia, Amber, OLMo"); a walk from each known name keeps this
        to a few anchored matches a paper, where a scan of every capitalised word cost 4% of extraction."""
        starts = {start: end for start, end, _ in placed}
        known_starts = {start for start, _, cluster in placed if cluster.known}
        words: set[tuple[int, int]] = set()
        walked: set[int] = set()  # where a walk went on from: what lies after was read by the walk that got there first
        for start, end, cluster in placed:
            if not cluster.known:
                continue
            position = end
            while position not in walked and (gap := _ITEM_GAP.match(text, position)) is not None:
                walked.add(position)
                if gap.end() in starts:
                    position = starts[gap.end()]
                    if (rest := _ITEM_REST.match(text, position)) is not None and gap.end() not in known_starts:
                        words.add((gap.end(), rest.end()))  # "SpuCo Birds": the whole item, not the coined word found in it
                        position = rest.end()
                    continue
                word = _LISTED_WORD.match(text, gap.end())
                if word is None:
                    break
                words.add(word.span())
                position = word.end()
            before = _WORD_THEN_GAP.search(text, max(0, start - 40), start)
            if before is not None:
                words.add(before.span(1))
        return words

    def _add_listed_words(self, field_name: str, group: list[tuple[int, int, Cluster | None]]) -> None:
        words = [(start, end) for start, end, cluster in group if cluster is None]
        if not words:
            return
        text = self.paper.text(field_name)
        kinds = Counter(c.entry.type if c.entry else c.family_entry.type for _, _, c in group if c is not None and c.known)
        if len(kinds) != 1 or next(iter(kinds)) not in ("model", "dataset"):
            return  # a list of names no gazetteer knows, or of two kinds, says nothing of a word in it
        known = sum(kinds.values())
        window = max(0, group[0][0] - 40)
        headed = any(head.search(text, window, group[0][0]) for head in (_LIST_HEAD, _MEMBERS_HEAD))
        if known < 2 and not (known and headed) or len(words) > known:
            return  # "GPT-4 and Claude" is a pair; one known name beside many words is no list of names
        for start, end in words:
            surface = text[start:end]
            if start == group[0][0] and not headed:
                continue  # the list's first word may be capitalised only because it opens the sentence
            if _norm(surface) in self.stop or surface.lower() in GENERIC_WORDS or is_release(surface):
                continue  # "Terminal Bench 1.0, 2.0, and Pro": a release of the name before it
            if not self._claim_span(field_name, start, end):
                continue
            self.add_candidates(field_name, [Candidate(start, end, surface, "pattern.list_member", 0.6, None)])

    def _claim_span(self, field_name: str, start: int, end: int) -> bool:
        """True when no mention crosses the span and no known name stands inside it; coined pieces
        inside it ("V1" of "Orient Anything V1", "DreamForge-World 0.1" of "DreamForge-World 0.1
        Preview") are dropped then, since the new mention names them whole."""
        inside = []
        for cluster in self.clusters:
            for m in cluster.mentions:
                if m.field != field_name or m.end <= start or m.start >= end:
                    continue
                if cluster.entry is not None or m.start < start or m.end > end:
                    return False
                inside.append((cluster, m))
        for cluster, m in inside:
            cluster.mentions.remove(m)
        return True

    # -- decisions -----------------------------------------------------------------------------

    def _context_type(self, cluster: Cluster) -> str | None:
        for mention in cluster.mentions:
            text = self.paper.text(mention.field)
            named = _type_word(text, mention)
            # "we introduce URECA dataset" before "we present URECA, a novel captioning model": the name's
            # data set is an entity of its own (_own_data_named_after); a model said of the name types it
            if (named == "dataset" and cluster.entry is None and _OWN_DATA_WORD_AFTER.match(text, mention.end)
                    and self._model_stated_elsewhere(cluster, mention)):
                return "model"
            if named:
                return named
            if _DATA_VERB_BEFORE.search(text, max(0, mention.start - 30), mention.start):
                return "dataset"  # "we construct AndroidCode by translating trajectories", "we curate X"
            window = text[max(0, mention.start - 12) : mention.start]
            after_on = mention.rule != "pattern.list" and _ON_AFTER_RESULTS.search(window)
            after_on = after_on and not _METHOD_WORD_AFTER.match(text, mention.end)  # "builds on the X framework"
            if after_on and self.cues_at(mention.field, mention.start)[0].evaluation:
                return "dataset"  # "achieves 40.3 ODS on X", "On X, it reaches ..."
            if _ACTS_AS_SYSTEM.match(text, mention.end) and any(ch.isdigit() for ch in mention.surface):
                return "model"  # "DeepSeek-V3.2-Speciale achieves ...": a versioned system that scores
            if _SIZE_NEAR.match(text, mention.end) or _HYPHENATED_MODEL_AFTER.match(text, mention.end):
                return "model"  # "EXAONE 3.0 instruction-tuned language model"
            if _SIZE_BEFORE.search(text, max(0, mention.start - 16), mention.start) and not mention.surface.endswith("Agent"):
                # "to train a 7B SuperWriter-LM"; readers list a named agent as a method (63 of 76 in
                # the corpus samples), its size ("an 8B MemGUI-Agent") notwithstanding
                return "model"
            if _TRAINED_BEFORE.search(text, max(0, mention.start - 80), mention.start):
                return "model"  # "Trained on MMDuetIT, MMDuet demonstrates ...": what was trained is a model
            if (_TRAINS_BEFORE.search(text, max(0, mention.start - 80), mention.start)
                    and _WHOLE_OBJECT_END.match(text, mention.end) and not _TECHNIQUE_END.search(mention.surface)
                    and not _CLASS_ACRONYM.fullmatch(mention.surface) and not _action_noun_head(cluster.name)):
                # "we train UltraComposer to compose prompts"; not "train an IC-LoRA", "train 3DLLMs", nor a procedure
                # by its long form ("We train TACO" of "Tool-Augmented Credit Optimization (TACO)")
                return "model"
            if _TRAINED_AFTER.match(text, mention.end) or _WEIGHTS_BEFORE.search(text, max(0, mention.start - 40), mention.start):
                return "model"  # "X is pre-trained on ...", "with X as a backbone", "fewer parameters than X"
            if (_TRAINED_PARTICIPLE_AFTER.match(text, mention.end) and not mention.surface.endswith("s")
                    and not _CLASS_ACRONYM.fullmatch(mention.surface) and not _TECHNIQUE_END.search(mention.surface)
                    and not _ON_AFTER_RESULTS.search(text, max(0, mention.start - 12), mention.start)):
                return "model"  # not "GRPO-Lite trained on GSM8K converges", "results on X trained on 5M steps"
            kind = type_from_appositive(text, mention.end)
            if kind:
                return kind
        if cluster.long_form:
            head = cluster.long_form.split()[-1]
            if head in ("Models", "Networks"):
                return "method"  # "Recursive Language Models (RLMs)": a kind of model, named, is a technique
            return type_from_words(head)  # its head: "Language Model Adaptation" is a method
        return None

    def _stated_context_type(self, cluster: Cluster) -> str | None:
        """model or dataset when a type word or an appositive beside a mention says so."""
        for mention in cluster.mentions:
            text = self.paper.text(mention.field)
            stated = _type_word(text, mention) or type_from_appositive(text, mention.end)
            if stated:
                return stated
        return None

    def _is_task(self, cluster: Cluster) -> bool:
        """ "the task of data mixture inference", "a task which we call X": a task, not a method."""
        if cluster.entry is not None and cluster.entry.type == "dataset":
            return False  # "the Temporal Reasoning task of Video-MME": a known benchmark, one of whose tasks is meant
        if cluster.entry is None and all(_MODALITY_TO_MODALITY.fullmatch(form) for form in cluster.forms):
            return True  # "T2A", "V2V", "I2T": text-to-audio, video-to-video, image-to-text, tasks by their initials
        for mention in cluster.mentions:
            text = self.paper.text(mention.field)
            if _task_context(text[max(0, mention.start - 40) : mention.start]):
                return True
        abstract = self.abstract_lower
        if "task" not in abstract and "problem" not in abstract and "setting" not in abstract:
            return False
        for form in cluster.forms:
            position = abstract.find(form.lower())
            while position >= 0:
                if _task_context(abstract[max(0, position - 40) : position]):
                    return True
                position = abstract.find(form.lower(), position + 1)
        return False

    def type_lists(self) -> None:
        """Names listed together are of one kind: an untyped name in "GPT-4o, Gemini2.0-pro, and
        Claude3.7-sonnet" is a model, one in "benchmarks including GAIA, X and Y" a data set."""
        placed: dict[str, list[tuple[int, int, Cluster]]] = {}
        for cluster in self.clusters:
            for mention in cluster.mentions:
                placed.setdefault(mention.field, []).append((mention.start, mention.end, cluster))
        for field_name, items in placed.items():
            text = self.paper.text(field_name)
            items.sort(key=lambda item: (item[0], -item[1]))
            group, closed = [items[0]], False
            for item in items[1:]:
                gap = text[group[-1][1] : item[0]]
                if not closed and item[0] >= group[-1][1] and _LIST_GAP.fullmatch(gap):
                    group.append(item)
                    closed = bool(_LAST_ITEM_GAP.search(gap))  # "X, and Y, Z outperforms": the list ends at Y
                    continue
                self._type_group(field_name, group)
                group, closed = [item], False
            self._type_group(field_name, group)

    def _type_group(self, field_name: str, group: list[tuple[int, int, Cluster]]) -> None:
        text = self.paper.text(field_name)
        clusters = [cluster for _, _, cluster in group]
        one_name = len({id(c) for c in clusters}) < 2
        if one_name and not text[max(0, group[0][0] - 40) : group[0][0]].rstrip().endswith("("):
            return  # one name is no list (the test below, without its two searches: most groups are one name)
        head = _LIST_HEAD.search(text, max(0, group[0][0] - 40), group[0][0]) or _LIST_HEAD_COLON.search(
            text, max(0, group[0][0] - 90), group[0][0]
        )
        if one_name and not (
            head and head.group(0).rstrip().endswith("(") and clusters[0].long_form is None
            and not _ACRONYM_PLURAL_END.search(clusters[0].name)
        ):
            # One name is no list, but "autoregressive models (T2M-GPT)" names one of the kind (not
            # "Large Video-Language Models (LVidLMs)", the kind's own short form).
            return
        votes = Counter(c.type for c in clusters if c.type and c.known)
        tail = _FOLLOWING_TYPE_WORD.match(text, group[-1][1])
        if head:
            # "baselines on PVRBench, UrbanVideo, and VisBench": what models are run on is data
            kind = "model" if head.group(1) and not _ON_END.search(head.group(0)) else "dataset"
        elif tail:
            kind = "model" if tail.group(1) else "dataset"
        elif votes and (len(votes) == 1 or votes.most_common(2)[0][1] > votes.most_common(2)[1][1]):
            kind = votes.most_common(1)[0][0]
        elif self._results_on(field_name, group[0][0]) and _LAST_ITEM_GAP.search(text[group[-2][1] : group[-1][0]]):
            # "Evaluated on mRi, TotalCapture, and EgoHumans, X outperforms ...", but "On ImageNet-LT,
            # DisCL improves" is a phrase and its clause, no list.
            kind = "dataset"
        else:
            return
        stated = head or tail
        agreeing = sum(1 for c in clusters if c.type == kind)
        long_list = len({id(c) for c in clusters}) >= 3 and any("," in text[a[1] : b[0]] for a, b in itertools.pairwise(group))
        for cluster in clusters:
            if cluster.entry is None and cluster.family_entry is None and cluster.list_type is None:
                cluster.list_type, cluster.long_list = kind, long_list
            elif stated and cluster.type in ("model", "dataset") and cluster.type != kind and (
                agreeing >= 2 or head and agreeing and type_from_shape(cluster.name) is None
            ):
                # "benchmarks (AIME24/25, AMC, MATH-500, Minerva, and Olympiad)": the list's own word and
                # its other members say which sense of a two-sense name it means; a head and one other
                # member do for a name of no checkpoint's shape ("datasets like InstructPix2Pix and MagicBrush").
                cluster.type = kind

    def _results_on(self, field_name: str, start: int) -> bool:
        """True when ``start`` follows "on"/"across" in a sentence that reports results."""
        text = self.paper.text(field_name)
        on = _ON_BEFORE_LIST.search(text, max(0, start - 60), start)
        return bool(on) and self.cues_at(field_name, start)[0].evaluation

    def resolve(self) -> list[ResolvedEntity]:
        self.type_lists()
        resolved = []
        decided: dict[int, str] = {}  # the type decided for each cluster, by id
        unexplained_once: set[str] = set()
        for cluster in self.clusters:
            if not cluster.mentions or self._is_task(cluster):
                continue
            if all(_norm(f) in self.stop for f in cluster.forms):
                continue
            shape = type_from_shape(cluster.name) if cluster.entry is None else None
            vision_of = cluster.name.removesuffix("-VL")
            if shape == "model" and vision_of != cluster.name and self._known_dataset(vision_of):
                shape = "dataset"  # "BrowseComp-VL", "HLE-VL": the vision version of a known benchmark, not a checkpoint
            origin = self._sibling_of.get(_norm(cluster.name))
            entity_type = decided.get(id(origin)) if origin is not None and cluster.type is None else None
            if origin is not None and cluster.type is None and entity_type is None and origin.entry is None:
                # the paper's own release, decided after its predecessor ("TextHawk" before "TextHawk2")
                entity_type = self._decide_type(origin, type_from_shape(origin.name))
            entity_type = entity_type or self._decide_type(cluster, shape)
            release_of = self._other_release_of.get(id(cluster))
            if entity_type == "method" and release_of is not None and self._model_release(release_of, decided):
                entity_type = "model"  # "POINTS1.0" beside the presented model "POINTS1.5": a release of a model
            elif entity_type == "method" and cluster.entry is None and _CAPACITY_END.search(cluster.name):
                entity_type = "model"  # "SenseVoice-Small", "IF-XL": a coined name in one size is a checkpoint
            decided[id(cluster)] = entity_type
            if cluster.entry is None and entity_type != cluster.type:
                cluster.type = entity_type
            best: tuple[RoleDecision, Mention] | None = None
            for mention in cluster.mentions:
                decision = self._role(cluster, mention, entity_type)
                if best is None or ROLE_PRIORITY[decision.role] < ROLE_PRIORITY[best[0].role]:
                    best = (decision, mention)
                    if ROLE_PRIORITY[decision.role] == 0:
                        break  # the strongest role: no later mention can take its place
            assert best is not None
            decision, mention = best
            unexplained = (
                cluster.entry is None and cluster.rule == "pattern.name_shape" and decision.role == "mentions" and shape is None
                and cluster.list_type is None and entity_type == "method" and not self._varies_known(cluster.name)
                and not self._instance_of_known(cluster)
            )
            if cluster.rule == "pattern.caps_word" and not self._caps_word_explained(cluster, decision):
                continue  # "GPU", "SOTA": a word in capitals is a name only when the text says of what
            if cluster.entry is None and decision.role != "introduces" and _PLURAL_CLASS.search(cluster.name):
                continue  # "Large Reasoning Models (LRMs)", "Video Generation Models": a class the paper speaks of
            sentence, _ = self.paper.sentence(mention.field, mention.start)
            entity = self._entity(cluster, entity_type, decision, mention, sentence)
            if unexplained and len(cluster.mentions) < 2 and _EXPLAINS_NOTHING.search(cluster.name):
                # A coined-looking token nothing explains, named once, is dropped when its shape says
                # it is no name ("gFID", "AI-Generated", "C1"); a repeated one, or a variant of a name
                # the paper presents ("FIRM-Edit" beside FIRM), stays.
                unexplained_once.add(entity.name)
            resolved.append(entity)
            if entity_type != "dataset" and cluster.entry is None and (data := self._own_data_named_after(cluster)):
                resolved.append(data)
        return [e for e in _own_checkpoints(resolved) if e.name not in unexplained_once or e.role == "introduces"]

    def _model_stated_elsewhere(self, cluster: Cluster, data_mention: Mention) -> bool:
        """Another mention of the name, with no data word after it, is called a model ("URECA, a novel
        captioning model")."""
        for mention in cluster.mentions:
            if mention is data_mention:
                continue
            text = self.paper.text(mention.field)
            if _OWN_DATA_WORD_AFTER.match(text, mention.end):
                continue
            if _type_word(text, mention) == "model" or type_from_appositive(text, mention.end) == "model":
                return True
        return False

    def _own_data_named_after(self, cluster: Cluster) -> ResolvedEntity | None:
        """"we present URECA, a captioning model" and "we introduce URECA dataset": a coined name that names
        the paper's model or method and, with "dataset" or "benchmark" after it, its data too. The data set is
        an entity of its own, named with that word ("URECA dataset"), as readers list it."""
        own, plain = [], False
        for mention in cluster.mentions:
            after = _OWN_DATA_WORD_AFTER.match(self.paper.text(mention.field), mention.end)
            if after is None:
                plain = True
            elif mention.field == "abstract":
                own.append((mention, after.end()))
        if not own or not plain:
            return None
        mention, end = own[0]
        text = self.paper.abstract
        data = Cluster(text[mention.start : end], "dataset", None, cluster.rule, cluster.confidence)
        data.mentions = [dataclasses.replace(m, end=e, surface=text[m.start : e]) for m, e in own]
        best = min(
            ((self._role(data, m, "dataset"), m) for m in data.mentions), key=lambda pair: ROLE_PRIORITY[pair[0].role]
        )
        sentence, _ = self.paper.sentence("abstract", best[1].start)
        return self._entity(data, "dataset", best[0], best[1], sentence)

    def _instance_of_known(self, cluster: Cluster) -> bool:
        """"sparse attention (InfLLM-V2)": a coined name in parentheses right after a known technique
        names the instance the paper means."""
        for mention in cluster.mentions:
            text = self.paper.text(mention.field)
            if not text[: mention.start].endswith("("):
                continue
            before = len(text[: mention.start - 1].rstrip())
            if any(
                m.field == mention.field and m.end == before
                for known in self.clusters if known.entry is not None for m in known.mentions
            ):
                return True
        return False

    def _known_last_part(self, name: str, min_length: int) -> tuple[str, Entry | None]:
        """The last dash-separated part of a coined name and its gazetteer entry, if the part has
        ``min_length`` letters or more and what comes before it has a capital (not "no-RAG",
        "text-to-3DGS")."""
        head, _, tail = name.rpartition("-")
        if len(tail) < min_length or not any(ch.isupper() for ch in head):
            return tail, None
        return tail, self.gazetteer.lookup(tail)

    def _varies_known(self, name: str) -> bool:
        """"ST-GRPO", "Coupled-GRPO": a coined variant of a known technique names itself."""
        return self._known_last_part(name, 3)[1] is not None

    def _holds_counted_data(self, cluster: Cluster) -> bool:
        """The abstract says the name holds a count of data items (_HOLDS_COUNTED_DATA)."""
        abstract = self.paper.abstract
        if not any(verb in abstract for verb in _HOLDING_VERBS):
            return False  # (most abstracts: the cheap test first)
        return any(_HOLDS_COUNTED_DATA.match(abstract, end) for _, end in self._abstract_occurrences(cluster))

    def _instructions_of_data(self, cluster: Cluster) -> bool:
        """"X-Instruct" where X is a data set (the paper's own or a known one): its instruction data,
        not a checkpoint tuned to follow instructions."""
        stem, dash, tail = cluster.name.rpartition("-")
        if not dash or tail != "Instruct" or not stem:
            return False
        known = self.gazetteer.lookup(stem)
        if known is not None:
            return known.type == "dataset"
        own = self._find(stem)
        return own is not None and own is not cluster and self._own_type(own) == "dataset"

    def _made_or_learned_from(self, cluster: Cluster) -> bool:
        """"we collect Vid-10M", "trained on Vid-10M": the model's namesake data, its count in samples
        ("EMOv2-1M/2M/5M achieve ...": the same shape for a model's sizes in parameters)."""
        if self._context_type(cluster) == "dataset":
            return True
        return any(
            _LEARNED_FROM_BEFORE.search(self.paper.text(m.field), max(0, m.start - 40), m.start) for m in cluster.mentions
        )

    def _varies_own_model(self, cluster: Cluster, family: str) -> bool:
        """A dash-joined name whose first part is the model this paper presents ("RynnBrain-Nav",
        "RynnBrain-VLA" beside "We introduce RynnBrain, an open-source ... foundation model")."""
        if family == cluster.name or " " in cluster.name or self._data_word_after(cluster):
            # "AIN-the Arabic ... Model-designed": words glued by a dash typed for a dash of prose;
            # "trained on RynnBrain-SFT data": the model's own data
            return False
        own = self._find(family)
        if own is None or own is cluster or not own.presented():
            return False
        return self._own_type(own) == "model"

    def _own_type(self, own: Cluster) -> str | None:
        """The type of a name the paper presents: its list's, its title's, or what the text says it is."""
        return own.type or own.title_type or self._stated_type(own)

    def _varies_known_model(self, name: str) -> bool:
        """"SWE-Llama", "AceReason-Nemotron": a coined name whose last part is a known model family's
        name (four letters or more: "ICU-Evo", "SWE-GPT" are too often something else) is a model of
        that family, fine-tuned or derived. Glued names ("MedGemma") were tried: they lost precision."""
        tail, entry = self._known_last_part(name.replace(" ", "-"), 4)
        return entry is not None and entry.type == "model" and entry.name.lower() == tail.lower()

    def _extends_known_model(self, name: str) -> bool:
        """"Qwen2.5-SynCoder", "LLaVA-NeXT-Video": a known model's name, a dash and a capitalised coined
        part is that model tuned or extended (of such names in the read samples' gold files, 90 in 103
        are models)."""
        if " " in name:
            return False
        parts = name.split("-")
        for cut in range(min(len(parts), _MOST_NAME_PARTS) - 1, 0, -1):
            head, tail = "-".join(parts[:cut]), parts[cut]
            if len(head) < 3 or not tail[:1].isupper() or tail in _DESCRIBING_PARTS:
                continue  # "GPT-4o-Level": how good, not which
            entry = self.gazetteer.lookup(head)
            if entry is not None:
                known_tail = self.gazetteer.lookup(tail)
                return entry.type == "model" and (known_tail is None or known_tail.type == "model")  # not "GTR-CoT"
        return False

    def _sized_own_name(self, cluster: Cluster) -> bool:
        """The paper's own name with a transformer's size code after it ("MIMFlow-L", "Hibou-B"): one
        trained size of what it presents (readers of the samples type such names as models 18 times
        in 28; the rest are data sets of data-set names, "OSWorld-G", left to their shape and stem)."""
        stem = _stem_before(cluster.name, SIZE_CODE_END)
        own = self._find(stem) if stem else None
        return own is not None and own is not cluster and own.presented() and self._own_type(own) != "dataset"

    def _known_before(self, name: str, ending: re.Pattern[str], *, case_blind: bool = False) -> Entry | None:
        """The gazetteer entry of what comes before ``ending`` in ``name`` (three characters or more);
        with ``case_blind``, also when written in other capitals ("Multilingual-E5" for multilingual-E5)."""
        stem = _stem_before(name, ending)
        if not stem:
            return None
        return self.gazetteer.lookup(stem) or (self.gazetteer.lookup_case_blind(stem) if case_blind else None)

    def _next_release_of_known_model(self, name: str) -> bool:
        """"HunyuanVideo1.5", "Molmo2", "XTTSv2", "LLaDA2.1": a known model's name with a release
        number after it is a later release of that model, whatever the sentence's cue says."""
        entry = self._known_before(name, _NUMBERED_RELEASE)
        return entry is not None and entry.type == "model"

    def _sized_known_network(self, name: str) -> bool:
        """"ViT-B", "ViT-H": a known model or architecture with a transformer's size code after it."""
        entry = self._known_before(name, SIZE_CODE_END)
        return entry is not None and entry.type in ("model", "method")

    def _tiered_known_model(self, name: str) -> bool:
        """"Multilingual-E5-large", "BERT-base": a known model's name (in any capitals) with a size word after it."""
        entry = self._known_before(name, _SIZE_WORD_END, case_blind=True)
        return entry is not None and entry.type == "model"

    def _known_dataset(self, name: str) -> bool:
        """A data set of the gazetteer."""
        entry = self.gazetteer.lookup(name)
        return entry is not None and entry.type == "dataset"

    def _varies_known_dataset(self, name: str) -> bool:
        """"K-BrowseComp-Verified", "MMLU-Redux-X": a dash-joined name of which some run of parts
        (not all, four letters or more) is a known data set's name, is a variant of that data set,
        unless the paper presents that data set itself (then the variant may be its model, its data ...)."""
        parts = name.split("-")
        if len(parts) > _MOST_NAME_PARTS:
            return False  # a run of dashes in garbled text: every run of parts is looked up (cubic)
        for size in range(len(parts) - 1, 0, -1):
            for first in range(len(parts) - size + 1):
                piece = "-".join(parts[first : first + size])
                if sum(ch.isalpha() for ch in piece) < 4:
                    continue
                entry = self.gazetteer.lookup(piece)
                if entry is not None and entry.type == "dataset":
                    # A variant of the paper's own name may be its model ("DCLM-Baseline" of DCLM)
                    own = self._find(piece)
                    return own is None or not own.presented()
        return False

    def _caps_word_explained(self, cluster: Cluster, decision: RoleDecision) -> bool:
        """A word in capitals found by its case alone is kept when the paper presents it, or the
        words beside it say plainly that it is a data set or a trained model."""
        if cluster.entry is not None or any(m.rule not in ("pattern.caps_word", "abbreviation") for m in cluster.mentions):
            return True
        if cluster.list_type == "dataset" and cluster.long_list:
            # "four public benchmarks (MimoTable, OTTQA, FetaQA, and E2E-WTQ)": one of a list of data sets
            # (three names or more: in "methods like GQA and CLA" one known namesake types the pair)
            return True
        for mention in cluster.mentions:
            text = self.paper.text(mention.field)
            before = text[max(0, mention.start - 40) : mention.start]
            if _type_word(text, mention) == "dataset" or type_from_appositive(text, mention.end) in ("dataset", "model"):
                return True  # "YODAS, a large-scale web-crawled dataset", "MERT, a self-supervised music model"
            if _TRAINED_AFTER.match(text, mention.end) or _WEIGHTS_BEFORE.search(before):
                return True  # "with RADIO as a backbone", "fewer parameters than CLAM"
            if len(mention.surface) >= 5 and _OWN_BEFORE.search(before) and _type_word(text, mention) == "model":
                # "the proposed FQGAN model": the paper's own (not "the LSTM model", "our new KAN model": classes)
                return True
        return False

    def _decide_type(self, cluster: Cluster, shape: str | None) -> str:
        """A known name keeps its gazetteer type; a coined one is typed by its shape when that
        says dataset ("X-Bench", "Y-30K"), else by its rule or context, else by a weaker shape."""
        known = cluster.known
        if known and cluster.type == "model" and not cluster.introduced and self._data_word_after(cluster):
            return "dataset"  # "the Tulu V2 dataset", "the Alpaca data set": another's model's namesake data
        introduced = cluster.presented()
        if cluster.entry is not None:
            stated = self._stated_type(cluster) if introduced else None
            if introduced and stated is None and cluster.type in ("model", "dataset"):
                stated = self._named_type(cluster)  # "the rStar-Coder dataset": a model's namesake data
            if stated == "method" and cluster.type == "dataset" and type_from_shape(cluster.name) == "dataset":
                # "We introduce WildBench, an automated evaluation framework": a known suite whose name says
                # it is one stays one, as a coined name of that shape does
                stated = None
            # "This paper introduces rStar, a self-play mutual reasoning approach": the paper that
            # presents a name says what it is, whatever the gazetteer's reading of it.
            return stated or cluster.type or "method"
        named = self._stated_context_type(cluster) if cluster.rule == "pattern.size_suffix" else None
        if named in ("model", "dataset"):
            # "our Text-Render-2M dataset", "our model EMO-5M", "we introduce InfiMM-WebMath-40B, a
            # high-quality dataset of ...": the text says which count it is (tokens, not parameters)
            return named
        if shape == "dataset" and introduced and not _DATA_WORD_END.search(cluster.name) and (
            self._stated_type(cluster) == "model"
        ):
            return "model"  # "we introduce ChatQA 2, a Llama3-based model": what the paper says beats the "QA" shape
        own_sized = shape == "dataset" and _MILLION_END.search(cluster.name) is not None
        if own_sized and not self._made_or_learned_from(cluster) and self._varies_own_model(cluster, cluster.name.split("-")[0]):
            return "model"  # "EMOv2-1M/2M/5M" of the presented model EMOv2: its sizes in parameters, no data
        if shape == "dataset" and (
            cluster.family_entry is None or _DATA_WORD_END.search(cluster.name) or _SAMPLES_OF_FAMILY.search(cluster.name)
        ):
            # A model family's name with a count is often its context length ("Llama-3-8B-262k"),
            # but one ending in a data word is data ("Nemotron-Post-Training-Dataset", "LLaVA-Bench").
            return shape
        if " " not in cluster.name and self._called_the_model(cluster):
            # "We release the AURA model": the paper's own word for its coined name, whatever an appositive
            # says ("the TAG model" of "Table-Augmented Generation" is a model of a technique).
            return "model"
        if cluster.introduced and cluster.family_entry is not None and cluster.type in ("model", "dataset"):
            stated = self._stated_type(cluster) or self._named_type(cluster)
            if stated in ("model", "dataset"):
                return stated  # "We introduce rStar-Coder ... the rStar-Coder dataset": not its family's type
        family = cluster.name.split("-")[0]
        if cluster.type is None and _RELEASE_OF_FAMILY.match(cluster.name) and self.gazetteer.model_family(family):
            return "model"  # "deepseek-v4-flash": a known model family's next release, in a model id's lower case
        if cluster.type is None and self._instructions_of_data(cluster):
            return "dataset"  # "instruction corpora McEval-Instruct" of the paper's benchmark McEval
        if cluster.type is None and shape is None and self._holds_counted_data(cluster):
            return "dataset"  # "WikiDYK contains 12,290 facts and 77,180 questions": what holds data items
        if cluster.type is None and shape != "dataset" and self._varies_own_model(cluster, family):
            return "model"  # "RynnBrain-Nav" of the presented model RynnBrain: one of its variants
        if cluster.type is None and self._next_release_of_known_model(cluster.name):
            return self._stated_type(cluster) or "model"  # "We evaluate X on HunyuanVideo1.5": no data set
        if cluster.entry is None and self._sized_known_network(cluster.name):
            return "model"  # "with ResNet-50 and ViT-B backbones": an architecture in one size is a network
        if cluster.entry is None and self._tiered_known_model(cluster.name):
            return "model"  # "outperforming Multilingual-E5-large": a known model in one of its sizes
        if cluster.type is None and shape != "dataset" and self._sized_own_name(cluster):
            return "model"  # "MIMFlow-L reaches 71.3%" beside "we propose MIMFlow, a framework": its trained size
        kind = cluster.type or self._title_type(cluster) or self._context_type(cluster) or cluster.list_type or shape
        if kind is None and (self._varies_known_model(cluster.name) or self._extends_known_model(cluster.name)):
            kind = "model"  # "SWE-Llama", "Qwen2.5-SynCoder": a coined variant of a known model
        if kind is None and _TRAINED_TOOL_END.search(cluster.name):
            kind = "model"
        if kind is None and self._varies_known_dataset(cluster.name) and not self._method_word_after(cluster):
            kind = "dataset"  # "K-BrowseComp-Verified", "MMLU-Redux-X": a coined variant of a known data set
        kind = kind or ("dataset" if environment_shaped(cluster.name) else "method")
        if kind == "dataset" and shape == "model" and cluster.type is None and not self._stated_context_type(cluster):
            return "model"  # "On LLaDA2.1-Mini, S2D2 ...": a checkpoint's shape beats the weak "on X," cue
        if kind == "dataset" and _MODEL_CLASS_HEAD.search(cluster.name):
            return "model"  # "on NExT-GPT and ...": a name whose head is a model class is no data set
        return kind

    def _title_type(self, cluster: Cluster) -> str | None:
        """The kind a title's description gives its prefix, unless the abstract's appositive says
        otherwise ("WAFFLE: Multi-Modal Model for ..." but "we introduce Waffle, a new fine-tuning strategy")."""
        if cluster.title_type is None:
            return None
        stated = self._stated_type(cluster, fields=("abstract",))
        if stated == "method" and cluster.title_firm_model and self._called_a_framework(cluster):
            # "PAIWorld: A 3D-Consistent World Foundation Model ..." and "we present PAIWorld, a framework
            # that ...": the title names the trained model; "framework" is what the abstract calls its making
            return "model"
        return stated or cluster.title_type

    def _called_a_framework(self, cluster: Cluster) -> bool:
        abstract = self.paper.abstract
        return any(
            m.field == "abstract" and _FRAMEWORK_APPOSITIVE.match(abstract, m.end) is not None for m in cluster.mentions
        )

    def _method_word_after(self, cluster: Cluster) -> bool:
        return any(_METHOD_WORD_AFTER.match(self.paper.text(m.field), m.end) for m in cluster.mentions)

    def _data_word_after(self, cluster: Cluster) -> bool:
        return any(_DATA_WORD_AFTER.match(self.paper.text(m.field), m.end) for m in cluster.mentions)

    def _called_the_model(self, cluster: Cluster) -> bool:
        """The abstract calls the name "the X model" or "our X weights" (any of its forms)."""
        abstract = self.paper.abstract
        if not any(word in abstract for word in (" model", " weights", " checkpoint", " series", " family")):
            return False
        for start, end in self._abstract_occurrences(cluster):
            before = abstract[max(0, start - 4) : start].lower()
            if before.endswith(("the ", "our ")) and _MODEL_WORD_AFTER.match(abstract, end):
                return True
        return False

    def _abstract_occurrences(self, cluster: Cluster) -> Iterator[tuple[int, int]]:
        """(start, end) of every occurrence of each of the cluster's forms in the abstract, form by form."""
        abstract = self.paper.abstract
        for form in cluster.forms:
            for start in occurrences(abstract, form):
                yield start, start + len(form)

    def _stated_type(self, cluster: Cluster, fields: tuple[str, ...] = ("title", "abstract")) -> str | None:
        """The type an appositive right after one of the cluster's mentions (in ``fields``) gives, or
        the kind the name is given in parentheses after ("we propose a novel method (GLOV)"), or None."""
        for mention in cluster.mentions:
            if mention.field in fields:
                stated = type_from_appositive(self.paper.text(mention.field), mention.end)
                if stated:
                    return stated
        if "abstract" in fields:
            return self._kind_given_before(cluster)
        return None

    def _kind_given_before(self, cluster: Cluster) -> str | None:
        """The kind the abstract names right before the name: in parentheses after it ("we propose a novel
        method (GLOV)") or before a comma ("a novel benchmarking framework, the Language Model Council")."""
        abstract = self.paper.abstract
        for form in cluster.forms:
            start = abstract.find(f"({form})")
            if start > 0 and (kind := _KIND_BEFORE_PARENTHESIS.search(abstract, max(0, start - 60), start + 1)):
                return _kind_of(kind)
            for start in occurrences(abstract, form):
                if kind := _KIND_COMMA_BEFORE_NAME.search(abstract, max(0, start - 80), start):
                    return _kind_of(kind)
        return None

    def _named_type(self, cluster: Cluster) -> str | None:
        """model or dataset when a type word stands right before or after a mention."""
        for mention in cluster.mentions:
            named = _type_word(self.paper.text(mention.field), mention)
            if named:
                return named
        return None

    def _role(self, cluster: Cluster, mention: Mention, entity_type: str) -> RoleDecision:
        if mention.rule == "title_prefix":
            return role_decision("introduces", "title_prefix", 0.85)
        if mention.field == "title":
            return role_decision("mentions", "title", 0.5)
        cues, offset = self.cues_at(mention.field, mention.start)
        known = cluster.known
        decision = decide_role(
            cues,
            mention.start - offset,
            entity_type=entity_type,
            known=known,
            introduced_by_rule=mention.introduced,
            end=mention.end - offset,
        )
        if decision.cue == "we_propose" and mention.rule in ("abbreviation", "pattern.name_shape") and (
            _PRESENTED_NAME_APPOSED.search(cues.sentence, 0, mention.start - offset)
        ):
            # "We present LRM-Zero, a Large Reconstruction Model (LRM) trained ...", "we propose ECHO, an efficient
            # diffusion-based VLM (dVLM)": the verb presents the first name; what its appositive holds describes it
            decision = role_decision("mentions", "describes_presented", 0.55)
        fresh = decision.role not in ("introduces", "compares") and not known
        text = self.paper.text(mention.field)
        own_appositive = decision.role != "introduces" and not known and _OWN_APPOSITIVE.match(text, mention.end)
        if own_appositive or (
            fresh and (_NEW_APPOSITIVE.match(text, mention.end) or _SELF_DESCRIBED_AFTER.match(text, mention.end))
        ):
            # "(1) SurveySum, a new dataset for ...", "X, our constructed dataset", "X is proposed to ...":
            # what the paper calls new, its own or proposed here is its own (what it says it made, even
            # where a comparison names it: "surpassing Claude on WindowsAgentArena-V2, a benchmark we also released").
            return role_decision("introduces", "new_appositive", 0.7)
        if fresh and self._new_kind_apposed_before(mention) and _FIRST_PERSON.search(cues.lower) and (
            not _OTHERS_RELEASE.search(cues.lower)
        ):
            # in a sentence of the paper's own doing, not "OpenAI recently released a new model, X,"
            return role_decision("introduces", "new_kind_apposed", 0.7)
        # a capitalised or coined name ("DemoParser", "xGen-MM"), not a phrase a name stands for ("Swan-Large,
        # built on ArMistral, a pretrained Arabic large language model": the abbreviation's long form)
        first_word = mention.surface.split(maxsplit=1)[0] if mention.surface.strip() else ""
        named_part = fresh and mention.field == "abstract" and any(c.isupper() for c in first_word)
        if named_part and self._part_of_own_system(cues, mention.field, offset, mention.start - offset):
            # "This framework integrates three specialized agents: DemoParser for ..., and ActExecutor for ..."
            return role_decision("introduces", "own_component", 0.6)
        part_word = _PART_WORD_AFTER.match(cues.sentence, mention.end - offset) if named_part else None
        if part_word is not None:
            # "featuring a SyncFusion module for ...", "a WebSense module is introduced": a part no list
            # knows, named by the paper for its own design; not a part it says is another's
            before = cues.lower[max(0, mention.start - offset - 60) : mention.start - offset]
            if (
                not _CITING.search(before)
                and not _OTHERS_PART.search(before[-30:])
                and not _OTHERS_PART_BEFORE.search(before)
                and not self._others_part_after(cues.sentence, part_word.end())
                and self._named_whole_at_first(mention.surface) > mention.start
            ):
                return role_decision("introduces", "own_part", 0.6)
        if fresh and mention.field == "abstract" and self._coordinated_with_presented(cues, offset, mention.start, mention.end):
            # "we introduce BlobData for large-scale training and BlobBench for systematic evaluation"
            return role_decision("introduces", "coordinated_object", 0.65)
        if named_part and decision.role in ("mentions", "uses") and self._acts_for_the_paper(cues, offset, mention):
            # "... through two complementary pathways. Latent Steering conditions the perception layer ...,
            # and Action Steering supplies ...": after the paper presents its work, a name no list knows
            # that opens a clause and does something is a part of that work
            return role_decision("introduces", "own_actor", 0.6)
        if mention.rule == "pattern.capitalised_phrase" and decision.role in ("mentions", "uses") and not known:
            # A capitalised technique name no list knows is the paper's own when the sentence
            # speaks of the paper's design ("OmniTransfer incorporates ... Task-aware Positional
            # Bias"), unless it cites others' work ("policy classes such as Diffusion Policy").
            before = cues.lower[: mention.start - offset]
            own = _SELF_REFERENCE.search(cues.lower) or _INDEFINITE.search(before)
            cast_as = _CAST_AS.search(before)  # "we formulate navigation as a Markov Decision Process"
            if own and not cast_as and not _CITING.search(before) and not _STRONG_USE.search(before[-60:]) and (
                not self._plural_of_known(mention.surface) and not _TWO_PLAIN_WORDS.fullmatch(mention.surface)
                and not _OBJECT_OF_PREPOSITION.search(before[-40:])
                and not _HEADING_COLON.match(cues.sentence, mention.end - offset)
            ):
                return role_decision("introduces", "own_design", 0.65)
        return decision

    def _plural_of_known(self, surface: str) -> bool:
        """A known name's class in the plural ("Diffusion Transformers have established a new state"): not
        the paper's own design, whatever the sentence says of the paper."""
        return surface.endswith("s") and self.gazetteer.lookup(surface[:-1]) is not None

    def _acts_for_the_paper(self, cues: SentenceCues, offset: int, mention: Mention) -> bool:
        """The abstract mention opens a clause and acts in the present, after the paper starts saying
        what it does ("We propose X ... . Latent Steering conditions ...")."""
        abstract = self.paper.abstract
        if self._presenting_at >= mention.start:
            return False
        if not _CLAUSE_OPENS_BEFORE.search(abstract, max(0, mention.start - 40), mention.start):
            return False
        if not _ACTS_AFTER.match(abstract, mention.end) or _PLURAL_OR_SIZED.search(mention.surface):
            return False  # not "dMLLMs", nor a checkpoint ("R1-32B")
        before = cues.lower[: mention.start - offset]
        return not _CITING.search(before) and not _OTHERS_BEFORE.search(before)

    def _others_part_after(self, sentence: str, end: int) -> bool:
        """What follows a part's word credits it to others ("proposed by Smith et al.") or to a system
        the paper does not present ("the QuuxGate mechanism in ZorbLM"; not "of JavisGPT", the paper's own)."""
        after = _OTHERS_PART_AFTER.match(sentence, end)
        if after is None:
            return False
        owner = after.group(1)
        return owner is None or not any(cluster.presented() and owner in cluster.forms for cluster in self.clusters)

    def _named_whole_at_first(self, name: str) -> int:
        """Where the paper first writes ``name`` without a part word after it (the title counts as before
        the abstract: -1; none: the abstract's length). "the TarFlow model ... a TarFlow block" and
        "singular value decomposition (SVD) ... the SVD components" name a part of a whole written before:
        another's system or a technique, not a part the paper names. Once per name, not once per mention."""
        if name not in self._named_whole_at:
            title = self.paper.title
            abstract = self.paper.abstract
            if any(not _PART_WORD_AFTER.match(title, start + len(name)) for start in occurrences(title, name)):
                self._named_whole_at[name] = -1
            else:
                whole = (at for at in occurrences(abstract, name) if not _PART_WORD_AFTER.match(abstract, at + len(name)))
                self._named_whole_at[name] = next(whole, len(abstract))
        return self._named_whole_at[name]

    def _part_of_own_system(self, cues: SentenceCues, field_name: str, offset: int, position: int) -> bool:
        """The sentence opens with the paper's own system ("This framework", "Our method", "It", or a name
        the paper presents) and says what it is made of ("integrates", "comprises", "consists of") before
        the name: a part of the paper's own design. "It" and "The framework" are the paper's own only after
        one of the sentences just before presents something ("We evaluate on SWE-bench. The benchmark includes ... SymPy"
        names another's); and not a name its clause says the part is built on or taken from ("Swan-Small,
        based on ARBERTv2", "derived from platforms like CodeForces", "using an enhanced version of CityGPT")."""
        key = (field_name, offset)
        if key not in self._made_of:  # the first such verb of the sentence (one search, not one per mention)
            self._made_of[key] = _MADE_OF.search(cues.sentence)
        verb = self._made_of[key]
        if verb is None or verb.end() > position:
            return False
        clause = max(verb.end(), *(cues.sentence.rfind(mark, verb.end(), position) + 1 for mark in ",;:("))
        if _OTHERS_PART.search(cues.lower, clause, position):
            return False
        subject = cues.sentence[: verb.start()].strip()
        if _OWN_SYSTEM_SUBJECT.fullmatch(subject):
            if not _LOOSE_SUBJECT.match(subject):
                return True
            return self._presented_before(field_name, offset)
        return any(cluster.presented() and subject in cluster.forms for cluster in self.clusters)

    def _presented_before(self, field_name: str, offset: int, sentences: int = 4) -> bool:
        """One of the few sentences before ``offset`` presents something in the first person ("We propose
        Video-Foley, ..."): "It" and "The framework" after it are that."""
        while offset >= 2 and sentences > 0:
            previous, offset = self.cues_at(field_name, offset - 2)
            # not "We build on AutoGen.": a verb of presenting followed by "on" or "from" says what the
            # paper starts from, and "The framework provides X" after it is that other framework's
            presents = any(not _STARTS_FROM.match(previous.lower, end) for end in previous.intro)
            if presents and _FIRST_PERSON.search(previous.lower):
                return True
            sentences -= 1
        return False

    def _coordinated_with_presented(self, cues: SentenceCues, offset: int, start: int, end: int) -> bool:
        """The name is a later object of the sentence's verb of presenting, joined by "and", "alongside",
        "as well as" (after its article and kind: "and a human-verified test set, OmniVideo-Test") to the
        verb's first object, a name the paper presents, with nothing else named between the two ("tasks,
        FrozenLake, Maze, and MiniBehavior" lists others' things) and no word that turns to others' things
        between the verb and it ("evaluate on", "compared with"), nor right after it ("along with X, the
        tokenizer of prior work", "and Y for segmentation as two strong baselines")."""
        position = start - offset
        link = _COORDINATED_OBJECT.search(cues.sentence, max(0, position - 80), position)
        if link is None:
            return False
        verb_end = cues.intro_before(link.start())
        if verb_end is None or self._turns_to_others(cues, offset, verb_end, link.start()):
            return False
        if _PRIOR_AFTER.match(cues.lower, end - offset, end - offset + 60):
            return False
        named = self._abstract_mentions_between(offset + verb_end, offset + link.start(), 2)
        if len(named) != 1:
            return False
        first, cluster = named[0]
        known = cluster.known
        return first.introduced or decide_role(cues, first.start - offset, entity_type="method", known=known).role == "introduces"

    def _turns_to_others(self, cues: SentenceCues, offset: int, start: int, end: int) -> bool:
        """_TURNS_TO_OTHERS between ``start`` and ``end`` of the sentence; where its first match after
        ``start`` stands is kept (each name of a long list asks from the same verb)."""
        key = (offset, start)
        if key not in self._first_turn:
            found = _TURNS_TO_OTHERS.search(cues.lower, start)
            self._first_turn[key] = found.start() if found else len(cues.lower)
        return self._first_turn[key] < end and _TURNS_TO_OTHERS.search(cues.lower, start, end) is not None

    def _abstract_mentions_between(self, start: int, end: int, limit: int) -> list[tuple[Mention, Cluster]]:
        """Up to ``limit`` capitalised or coined abstract mentions within [start, end) ("the instruction-tuning
        dataset X": a technique word describing it is not one), in order."""
        if self._abstract_mentions is None:
            self._abstract_mentions = sorted(
                ((m, cluster) for cluster in self.clusters for m in cluster.mentions
                 if m.field == "abstract" and not m.surface.islower()),
                key=lambda pair: pair[0].start,
            )
            self._abstract_starts = [m.start for m, _ in self._abstract_mentions]
        found = []
        for m, cluster in self._abstract_mentions[bisect.bisect_left(self._abstract_starts, start) :]:
            if m.start >= end:
                break
            if m.end <= end:
                found.append((m, cluster))
                if len(found) == limit:
                    break
        return found

    def _new_kind_apposed_before(self, mention: Mention) -> bool:
        """_NEW_KIND_APPOSED_BEFORE right before the mention; searched only when "new" or "novel" stands
        there (str.find: the pattern's search tries every position of the 120 characters)."""
        text, start = self.paper.text(mention.field), max(0, mention.start - 120)
        if text.find("new", start, mention.start) < 0 and text.find("novel", start, mention.start) < 0:
            return False
        return _NEW_KIND_APPOSED_BEFORE.search(text, start, mention.start) is not None

    def _entity(
        self, cluster: Cluster, entity_type: str, decision: RoleDecision, mention: Mention, sentence: str
    ) -> ResolvedEntity:
        family = version = size = variant = None
        if entity_type == "model":
            parsed = parse_model_name(cluster.name)
            family_entry = cluster.family_entry or self.gazetteer.lookup(parsed.family)
            if parsed.size or (parsed.variant and family_entry is not None and cluster.entry is None):
                family = family_entry.name if family_entry is not None and family_entry.type == "model" else parsed.family
                version, size, variant = parsed.version, parsed.size, parsed.variant
        forms = set(cluster.aliases) | set(cluster.entry.aliases if cluster.entry else ())
        own = normalize_name(cluster.name)  # once, not once per form
        # A name the text breaks over a line ("High Dynamic\nRange Gaussian Splatting") is shown
        # and stored on one line.
        aliases = sorted({" ".join(a.split()) for a in forms if normalize_name(a) != own})
        return ResolvedEntity(
            name=" ".join(cluster.name.split()),
            type=entity_type,
            aliases=tuple(aliases),
            role=decision.role,
            field=mention.field,
            start=mention.start,
            end=mention.end,
            sentence=sentence,
            rule=f"{mention.rule}+role.{decision.cue}",
            confidence=round(min(cluster.confidence, mention.confidence) * (0.5 + decision.confidence / 2), 3),
            family=family,
            version=version,
            size=size,
            variant=variant,
        )


# A variant named on the paper's own name: "FocusUI-7B", "FIRM-Edit-370K", "Reagent-C", "OAKS-Novel",
# "WildDet3D-Bench", "KARLBench".
# A coined name's first piece: capitals, or a capital and two lower-case letters or more, before the next
# capital or a dash ("GR" of GRUtopia, "Tree" of TreeSeeker, "DV" of DV-World; not "Re" of ReLU). The pieces
# that open many unrelated names ("GUI-", "VLA-", "Open", "Video") are in _SHARED_STEMS.
_COINED_STEM = re.compile(r"(?:[A-Z]{2,}(?=[A-Z][a-z]|-)|[A-Z][a-z]{2,}(?=[A-Z]|-))")
# "VL-GenRMs", "LoopLMs": a class in the plural, no name.
_PLURAL_OF_CLASS = re.compile(r"[A-Z]{2,}s$")
# Words right before a name that make it others' work: "Unlike prior datasets such as HateXplain", "built on
# the ComfyUI", "integrated into the AnalogCoder", "Inspired by ROI-Align".
_PRIOR_WORK_BEFORE = re.compile(
    r"\b(?:prior|previous(?:ly)?|existing|earlier|inspired by|unlike|such as|akin to|built (?:on|upon)|based on|"
    r"integrated into|baselines?|compared (?:to|with))\b[^.;:]{0,40}$",
    re.IGNORECASE,
)


def _others_work(entity: ResolvedEntity) -> bool:
    """Words right before one of the name's mentions in its sentence say it is others' work."""
    sentence = entity.sentence
    return any(_PRIOR_WORK_BEFORE.search(sentence, max(0, start - 60), start) for start in occurrences(sentence, entity.name))
# Stems many unrelated names share.
_SHARED_STEM_WORDS = (
    "Open Video Multi Auto Deep Meta Med Long Vision Visual Text Image Audio Speech Omni Uni Any Mini Micro Mobile Web "
    "Code Math Fin Bio Chem Mol Geo Robo Agent Graph Cross Self Super Hyper Fast Flash Light Smart Easy Big Large Small "
    "Tiny Nano Mega Giga Intern Qwen Llama Mistral Gemma Phi Diff Flow Gen Edit Reason Think Safe World Scene Motion "
    "Point Mesh Human Face Hand Body Doc Table Chart Tool Search Game Sim Real Syn Data Eval Bench Instruct Chat "
    "Chain Step Time Space Spatial Temporal Perception Memory Plan Act Action Drive Nav Map Scale Sparse Dense Dual "
    "Hybrid Neural Quant Prune Distill Align Reward Policy Value Token Layer Head Attn Cache Kernel Stream Live Dyna "
    "LLM VLM MLLM LMM GPT BERT DiT ViT SAM CLIP RL DPO PO You Lang Alpaca Wild Stable Cog Dream Control Instant "
    "Pix Seg Style Hunyuan Sky Kimi Seed Claw GUI VLA UI MCP VL SVG AF SFT AI ML CV NLP AR VR XR RAG KV OCR ASR TTS"
)
_SHARED_STEMS = frozenset(_SHARED_STEM_WORDS.split())


def _same_coined_stem(name: str, own: str) -> bool:
    """``name`` opens with the same coined stem as ``own``, a stem of its own (not one of _SHARED_STEMS)."""
    stem, name_stem = _COINED_STEM.match(own), _COINED_STEM.match(name)
    if stem is None or name_stem is None or name_stem.group() != stem.group() or stem.group() in _SHARED_STEMS:
        return False
    # not the name itself, nor the line's earlier release ("PaddleOCR-VL-1.5" beside the presented 1.6)
    return name != own and not own.startswith(_NUMBERED_RELEASE.sub("", name))


# A task written as the initials of two modalities ("T2A", "V2V", "S2TT", "T2MV"; not "R2R", the Room-to-Room
# data set, nor "V2PE", nor "A2A", the Agent-to-Agent protocol): text, image, video, audio, speech, motion,
# multi-view, audio-visual, speech-text.
_MODALITY_TO_MODALITY = re.compile(r"(?!A2A$)(?:T|I|V|A|S|M|MV|AV|ST)2(?:T|I|V|A|S|M|MV|AV|TT|3D)")
# "-7B", "-Bench", " 8B"; the presented name's data glued or after a space: "GUIBench", "EgoLife Dataset",
# "Inst-IT Bench", "EgoLife Arena"
_VARIANT_OF = re.compile(r"-[A-Za-z0-9]| \d+(?:\.\d+)?[BM]\b| ?(?:Bench(?:mark)?|Data(?:set)?|Eval|Arena|Leaderboard)\b")


# "X, a general framework that ...", "X, a unified system for ...": what a paper calls the whole of its work.
_FRAMEWORK_APPOSITIVE = re.compile(r",\s+(?:an?|our)\s+(?:[\w-]+\s+){0,3}?(?:framework|system)\b")


_SUBJECT_VERB_AFTER = re.compile(rf"\s+(?:\w+ly\s+|even\s+|also\s+|further\s+)?{_SYSTEM_VERBS}")


_NUMBERED_RELEASE = re.compile(r"(?<=[A-Za-z])[-\s]?[Vv]?\d+(?:\.\d+)?$")  # "TextHawk2" -> "TextHawk", "POINTS1.5" -> "POINTS"
# Coined-looking tokens that are kept though nothing in the text explains them ("PermissionBridge",
# "AgentVerse", "TinyLLaVA" named once), except what such a token usually is when it is no name:
# a metric ("gFID", "CW-SSIM"), a modifier ("AI-Generated", "GPU-Accelerated"), a task ("Image-to-3D"),
# a short code ("C1", "UR5", "L40S", "A-V", "PvP", "DeFi"), a pointer into the paper ("Figure-4b", "Task2a"),
# words glued over a lost space ("GitHub.https").
_EXPLAINS_NOTHING = re.compile(
    r"(?i:FID|SSIM|IoU|F1|PSNR|LPIPS|HD\d+|Chamfer|BLEU|ROUGE|CIDEr|mAP|AUC|EER|WER|CER|FVD|KID|NDCG|MRR)\b"
    r"|-(?i:based|empowered|driven|powered|guided|aware|free|like|style|[a-z]+ed)$|-to-"
    r"|^(?:Fig|Figure|Table|Eq|Section|Appendix|Step|Stage|Phase|Round|Level|Task|Type|Part)(?![A-Za-z])"
    r"|^[a-z]|^[A-Z]{1,2}\d{1,3}[A-Z]?$|^[A-Z]-[A-Z]$|^[A-Z][a-z][A-Z][a-z]?$|\.[A-Za-z]{2}|\d[A-Z]\d|times|\d{2}$"
)


def _opens_with(name: str, own: str) -> bool:
    """``name`` opens with ``own``, a space and a dash alike ("Jamba-1.5-Large" of the presented "Jamba 1.5")."""
    return name.startswith(own) or name.replace(" ", "-").startswith(own.replace(" ", "-"))


def _acts_as_subject(entity: ResolvedEntity) -> bool:
    """The entity is the one that scores or beats in its evidence sentence ("X-8B even outperforms Y")."""
    sentence = entity.sentence
    return any(_SUBJECT_VERB_AFTER.match(sentence, start + len(entity.name)) for start in occurrences(sentence, entity.name))


def _own_checkpoints(entities: list[ResolvedEntity]) -> list[ResolvedEntity]:
    """"We present FocusUI ... FocusUI-7B reaches": a variant named on a name the paper presents
    (a sized checkpoint, a subset, a data set named after it: "WildDet3D-Bench") is presented
    too, unless the paper compares it."""
    own = [form for e in entities if e.role == "introduces" for form in (e.name, *e.aliases)]
    if not own:
        return entities
    result = []
    for entity in entities:
        # "MMFineReason-8B even outperforms Qwen3-VL-30B": a variant that does the comparing is ours.
        subject = entity.role == "compares" and _acts_as_subject(entity)
        if (entity.role in ("mentions", "uses", "evaluates_on") or subject) and any(
            _opens_with(entity.name, name) and _VARIANT_OF.match(entity.name, len(name)) or tier_sibling(entity.name, name)
            for name in own
        ):
            entity = dataclasses.replace(entity, role="introduces")
        elif (
            entity.role in ("mentions", "uses") and entity.rule.startswith("pattern.name_shape")
            and not _PLURAL_OF_CLASS.search(entity.name) and not _others_work(entity)
            and any(_same_coined_stem(entity.name, name) for name in own)
        ):
            # "GRUtopia" presenting "GRScenes" and "GRResidents", "TreeSeeker" its "TreeSearch" and "TreeMem":
            # coined names on the stem of the presented one are its parts (not in a sentence about others'
            # work: "Unlike prior datasets such as HateXplain", "built on the ComfyUI platform")
            entity = dataclasses.replace(entity, role="introduces")
        result.append(entity)
    return result


# A model's capacity written after its coined name ("SenseVoice-Large", "Swan-Small", "IF-XL"); not the
# tiers that also name a technique's or a benchmark's variant ("-Mini", "-Lite", "-Pro", "-Plus").
_CAPACITY_END = re.compile(rf"[A-Za-z0-9]-(?:{'|'.join(_CAPACITIES)}|XL|XXL)$")


def resolve_paper(paper: PaperText, gazetteer: Gazetteer) -> list[ResolvedEntity]:
    """The entities of one paper, each with its strongest role and evidence."""
    resolver = PaperResolver(paper, gazetteer)
    for field_name, found in (("title", paper.title_candidates), ("abstract", paper.abstract_candidates)):
        resolver.add_candidates(field_name, found.candidates)
    for field_name, found in (("abstract", paper.abstract_candidates), ("title", paper.title_candidates)):
        for abbreviation in found.abbreviations:
            resolver.add_abbreviation(field_name, abbreviation)
    name = title_name(paper.title) or presented_title(paper.title, paper.abstract, resolver.abstract_lower)
    if name is not None and name.leading and gazetteer.lookup(name.name) is not None:
        name = None  # "Direct Preference Optimization with ...": a known technique the paper works on, not one it presents
    if name is not None:
        resolver.add_title_name(name)
    resolver.add_release_siblings()
    resolver.add_dash_variants()
    resolver.link_earlier_releases()
    resolver.add_list_members()
    # Short forms defined in the abstract and used in the title ("SPDF: ...") are mentions too.
    return resolver.resolve()


def is_entry_form(candidate: Candidate) -> bool:
    """The candidate's text is one of its entry's own forms (not an extended or sibling name)."""
    if candidate.entry is None:
        return False
    return _norm(candidate.text) in _entry_form_keys(candidate.entry)


@lru_cache(maxsize=16_384)  # a pure function of the entry, asked of every known name found (the same ones recur)
def _entry_form_keys(entry: Entry) -> frozenset[str]:
    """The normalised forms of an entry: its name and aliases, and each without its article ("Stack" for
    The Stack: the gazetteer matches a form without it, see Gazetteer.__init__)."""
    forms = (entry.name, *entry.aliases)
    british = frozenset(_norm(spelled) for form in forms if (spelled := british_spelling(form)) is not None)
    articled = frozenset(_norm(form[4:]) for form in forms if form[:4] in ("The ", "the "))
    return frozenset(_norm(form) for form in forms) | articled | british


__all__ = ["PaperText", "ResolvedEntity", "resolve_paper"]
