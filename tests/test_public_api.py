"""The names users import from ``dyads`` are a contract: changing them is a breaking change."""

import dyads

EXPORTED = {
    "Actor",
    "ActorRef",
    "Document",
    "DyadsError",
    "Evidence",
    "IngestReport",
    "Mention",
    "Pipeline",
    "ProcessedDocument",
    "QueryError",
    "Relation",
    "Sentence",
    "Settings",
    "SourceError",
    "Store",
    "StoreError",
    "__version__",
    "extract",
    "ingest",
    "open",
}


def test_exported_members() -> None:
    assert set(dyads.__all__) == EXPORTED
    for name in EXPORTED:
        assert hasattr(dyads, name), name


def test_version_is_defined_once() -> None:
    from importlib.metadata import version

    assert dyads.__version__ == version("dyads")
