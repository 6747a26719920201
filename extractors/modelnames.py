"""Model names parsed into family, version, size and variant.

"Qwen2.5-32B-Instruct" -> family Qwen2.5, version 2.5, size 32B, variant Instruct;
"Llama-3.1-405B-Instruct-FP8" -> family Llama-3.1, size 405B, variant Instruct-FP8;
"T5 XL" -> family T5, size XL. A name with neither size nor variant is its own family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paperkg.extractors.patterns import SIZE_WORDS

_PARTS = re.compile(r"[-\s_/]+")
_SIZE = re.compile(rf"^(?:\d+(?:\.\d+)?[BMKT]|\d+x\d+(?:\.\d+)?[BMK]|{SIZE_WORDS})$", re.IGNORECASE)
_ACTIVE = re.compile(r"^A\d+(?:\.\d+)?B$")
_VERSION = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|[A-Z]\d+(?:\.\d+)?|\d+(?:\.\d+)*[A-Za-z]{0,2})$")
_BASE_VERSION = re.compile(r"^([A-Za-z]+?)[-]?(\d+(?:\.\d+)*[a-z]?)$")


@dataclass(frozen=True, slots=True)
class ModelName:
    family: str
    version: str | None
    size: str | None
    variant: str | None


def parse_model_name(name: str) -> ModelName:
    """Split a model name; the family keeps the name's own spelling of base and version."""
    parts = [p for p in _PARTS.split(name.strip()) if p]
    if not parts:
        return ModelName(name, None, None, None)
    family_parts = [parts[0]]
    version = None
    base = _BASE_VERSION.match(parts[0])
    if base:
        version = base.group(2)
    index = 1
    while index < len(parts) and _VERSION.match(parts[index]) and not _SIZE.match(parts[index]):
        family_parts.append(parts[index])
        version = parts[index].lstrip("v")
        index += 1
    size = None
    variant_parts = []
    for part in parts[index:]:
        if size is None and _SIZE.match(part):
            size = part
        elif _ACTIVE.match(part) and size is not None:
            size = f"{size}-{part}"
        else:
            variant_parts.append(part)
    separator = " " if " " in name and "-" not in name else "-"
    family = separator.join(family_parts) if len(family_parts) > 1 else family_parts[0]
    return ModelName(family, version, size, "-".join(variant_parts) or None)
