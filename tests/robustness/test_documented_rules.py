"""The README and docs state the size limit, the edit rule, the link rule and the export
overwrite rule, with the numbers the code uses."""

from __future__ import annotations

from dyads.settings import Settings

from ..conftest import ROOT


def test_readme_and_docs_state_the_four_rules_with_the_settings_defaults() -> None:
    readme, sources, exports = (
        " ".join((ROOT / name).read_text("utf-8").split())  # lines joined: wrapping is free
        for name in ("README.md", "docs/sources.md", "docs/exports.md")
    )
    defaults = Settings()
    assert defaults.max_file_bytes == 64 * 2**20 and defaults.max_chars == 2_000_000
    for text in (readme, sources):
        assert "max_file_bytes" in text and "64 MiB" in text
        assert "max_chars" in text and "2,000,000 characters" in text
        assert "--follow-links" in text
        assert "edit rule" in text.lower() and "replaces its document" in text
    assert f"{defaults.max_file_bytes:,} bytes" in sources
    assert "**Overwrite rule.**" in readme and "--force" in readme
    assert "**Overwrite rule.**" in exports and "never written, even with `--force`" in exports
