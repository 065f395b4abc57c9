"""The layout is the architecture: the math core loads no plotting or widget library, imports neither the
classroom nor the exercises, and every module the README's map names exists."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = sorted(p for p in (ROOT / "bplib").glob("*.py"))
UI = ("matplotlib", "ipywidgets", "IPython", "PIL")


def imports(path):
    """The modules a file imports (absolute names; relative ones as '.name' / '..name')."""
    tree = ast.parse(path.read_text())
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append("." * node.level + (node.module or ""))
    return names


def test_import_bplib_loads_no_ui_and_no_sympy():
    code = f"import sys, bplib; print([m for m in {UI + ('sympy',)!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"import bplib loaded {out.strip()}"


@pytest.mark.parametrize("path", CORE, ids=[p.name for p in CORE])
def test_the_math_does_not_import_the_classroom_or_the_exercises(path):
    for name in imports(path):
        assert name.split(".")[0] not in UI, f"{path.name} imports {name}"
        assert "classroom" not in name and "exercises" not in name, f"{path.name} imports {name}"
        if name == "sympy" or name.startswith("sympy."):
            assert path.name == "symbolic.py", f"{path.name}: SymPy only in symbolic.py"


def test_exercise_banks_do_not_import_the_engine_package():
    """No cycle: the banks import engine.py; only the package's __init__ imports the banks."""
    for path in (ROOT / "bplib" / "exercises").glob("*.py"):
        if path.name == "__init__.py":
            continue
        for name in imports(path):
            assert not re.fullmatch(r"\.(bank_\d\d)?", name) and "exercises" not in name, f"{path.name}: {name}"


def test_training_module_is_not_hidden_by_the_function():
    import importlib
    module = importlib.import_module("bplib.training")
    assert module.__name__ == "bplib.training" and callable(module.train)


def test_the_readme_map_names_files_that_exist():
    text = (ROOT / "README.md").read_text()
    block = text[text.index("## Architecture"):text.index("## Tests")]
    for name in re.findall(r"\b([a-z_]+\.py)\b", block):
        assert list(ROOT.glob(f"**/{name}")), f"README's architecture names {name}, which does not exist"
    for path in CORE + sorted((ROOT / "bplib" / "classroom").glob("*.py")):
        if path.name != "__init__.py":
            assert path.name in block, f"README's architecture does not name {path.name}"


def test_pyproject_declares_what_bplib_imports():
    text = (ROOT / "pyproject.toml").read_text()
    for name in ("numpy", "sympy", "matplotlib", "pillow", "ipywidgets", "ipython"):
        assert f'"{name}>=' in text, f"pyproject.toml does not declare {name}"
