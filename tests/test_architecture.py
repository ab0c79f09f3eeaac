"""The layering, read from the source (no imports run): pages use public names only, the
domain and the loaders know nothing of Streamlit, and app_pages/ holds pages only."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "app_pages"


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _modules(*parts: str) -> list[Path]:
    out = []
    for part in parts:
        path = ROOT / part
        out += [path] if path.suffix == ".py" else sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts)
    return out


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{node.lineno}"


def private_uses(path: Path) -> list[str]:
    """Where a module reaches a private name of another module: `from x import _y`, and
    `x._y` on a name bound by an import."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imported: set[str] = set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                imported.add(alias.asname or alias.name.split(".")[0])
                if any(_private(part) for part in alias.name.split(".")):
                    found.append(f"{_where(path, node)} import {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            for alias in node.names:
                imported.add(alias.asname or alias.name)
                if _private(alias.name) or any(_private(part) for part in (node.module or "").split(".")):
                    found.append(f"{_where(path, node)} from {module} import {alias.name}")
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name)
                and node.value.id in imported):
            found.append(f"{_where(path, node)} {node.value.id}.{node.attr}")
    return found


def imports_streamlit(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
        found += [f"{_where(path, node)} {n}" for n in names if n.split(".")[0] == "streamlit"]
    return found


def english_placeholders(path: Path) -> list[str]:
    """Where a choice box would show Streamlit's own empty-state text, which is English
    ("Choose options", "Choose an option"): a multiselect, or a selectbox that can stand on no
    choice (options starting with None, or index=None), called without placeholder=."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("multiselect", "selectbox")):
            continue
        keywords = {k.arg: k.value for k in node.keywords}
        if "placeholder" in keywords:
            continue
        options = node.args[1] if len(node.args) > 1 else keywords.get("options")
        starts_empty = (isinstance(options, ast.List) and options.elts and isinstance(options.elts[0], ast.Constant)
                        and options.elts[0].value is None)
        no_index = isinstance(keywords.get("index"), ast.Constant) and keywords["index"].value is None
        if node.func.attr == "multiselect" or starts_empty or no_index:
            found.append(f"{_where(path, node)} {node.func.attr}")
    return found


def test_the_checks_see_what_they_look_for(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text("from ui import data\nfrom waspada.queries import _risk\nimport streamlit.components.v1\n"
                      "data._cached_call()\nprint(data.__name__)\nlocal = 1\nlocal._x = 2\n"
                      "from app_pages import _ui as ui\n")
    assert private_uses(sample) == ["page.py:2 from waspada.queries import _risk",
                                    "page.py:8 from app_pages import _ui", "page.py:4 data._cached_call"]
    assert imports_streamlit(sample) == ["page.py:3 streamlit.components.v1"]
    boxes = tmp_path / "boxes.py"
    boxes.write_text("st.multiselect('a', [1])\nst.multiselect('a', [1], placeholder='Pilih')\n"
                     "c.selectbox('b', [None, *x])\nst.selectbox('b', [1, 2])\nst.selectbox('b', x, index=None)\n"
                     "st.selectbox('b', [None, 1], placeholder='Semua')\n")
    assert english_placeholders(boxes) == ["boxes.py:1 multiselect", "boxes.py:3 selectbox", "boxes.py:5 selectbox"]


def test_pages_use_only_public_names_of_other_modules():
    found = [use for page in _modules("app_pages") for use in private_uses(page)]
    assert not found, found


def test_the_domain_and_the_loaders_do_not_import_streamlit():
    found = [use for path in _modules("waspada", "etl") for use in imports_streamlit(path)]
    assert not found, found


def test_no_module_uses_a_private_name_of_another():
    found = [use for path in _modules("app.py", "server.py", "app_pages", "ui", "waspada", "etl")
             for use in private_uses(path)]
    assert not found, found


def test_app_pages_holds_pages_only():
    helpers = sorted(p.name for p in PAGES.glob("_*.py"))
    assert not helpers, helpers


def test_every_choice_box_that_can_be_empty_says_so_in_the_readers_language():
    found = [box for path in _modules("app_pages", "ui") for box in english_placeholders(path)]
    assert not found, found
