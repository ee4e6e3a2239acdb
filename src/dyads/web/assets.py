"""Front-end libraries, served from the folders of the Python packages that ship them.

Nothing is copied into this repository and nothing is fetched at run time: ``pip install
'dyads[web]'`` brings the packages, and the app serves their files where they were installed.

- vis-network (the network graph): the standalone build inside the ``pyvis`` wheel
  (``pyvis/lib/vis-9.1.2``). The folder is located without importing pyvis (which imports
  IPython).
- Swagger UI 5 (the API's docs page): the ``swagger-ui-bundle-v2`` package (module
  ``swagger_ui_bundle``; Swagger UI 4 of ``swagger-ui-bundle`` cannot read OpenAPI 3.1).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from dyads.errors import DyadsError

#: vis-network's folder inside the pyvis package.
VIS_NETWORK = "lib/vis-9.1.2"


class MissingAsset(DyadsError):
    """A package the web app serves files from is not installed (the ``web`` extra)."""

    code = "E600"


def package_dir(name: str) -> Path:
    """The folder of the installed package ``name`` (not imported)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise MissingAsset(
            f"the web app needs the package {name!r}; install it with pip install 'dyads[web]'"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def vis_network_dir() -> Path:
    path = package_dir("pyvis") / VIS_NETWORK
    if not (path / "vis-network.min.js").is_file():
        raise MissingAsset(f"no vis-network build at {path}; pyvis 0.3.x ships one")
    return path


def swagger_ui_dir() -> Path:
    import swagger_ui_bundle  # a module of two lines: the path of its vendored folder

    return Path(str(swagger_ui_bundle.swagger_ui_path))


STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
