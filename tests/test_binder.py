"""Binder: the files in binder/ give a working environment, installed the way repo2docker does it.

repo2docker reads only binder/ when it exists: runtime.txt (Python version), requirements.txt
(installed with pip from the repository root: the learners' lock file) and postBuild (run from the repository
root: installs bplib and the Jupyter settings).
This test builds a fresh virtual environment from them and executes every notebook in it.
It takes a few minutes (mostly pip).
"""

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.pages import PAGES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"
TESTED_PYTHON = "3.11"   # the version CI runs; runtime.txt must name one we test


def test_runtime_is_a_tested_python():
    assert (BINDER / "runtime.txt").read_text().strip() == f"python-{TESTED_PYTHON}"


def test_binder_installs_the_learners_lock_and_bplib():
    lines = [ln.split("#")[0].strip() for ln in (BINDER / "requirements.txt").read_text().splitlines()]
    lines = [ln for ln in lines if ln]
    assert lines == ["-r ../requirements.txt"]
    assert "pip install --no-deps --no-build-isolation ." in (BINDER / "postBuild").read_text()
    pinned = (ROOT / "requirements.txt").read_text().lower()
    for heavy in ("torch", "tensorflow", "jax"):
        assert heavy not in pinned, f"{heavy} does not belong in the Binder image"


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    prefix = tmp_path_factory.mktemp("binder") / "env"
    venv.create(prefix, with_pip=True)
    bindir = prefix / ("Scripts" if os.name == "nt" else "bin")
    env = dict(os.environ, NB_PYTHON_PREFIX=str(prefix), PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}",
               JUPYTER_CONFIG_DIR=str(prefix.parent / "home" / ".jupyter"))      # Binder's home, not ours
    env.pop("PYTHONPATH", None)
    subprocess.run([bindir / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "-r", "binder/requirements.txt"], cwd=ROOT, env=env, check=True)
    subprocess.run(["bash", "binder/postBuild"], cwd=ROOT, env=env, check=True)
    return prefix, bindir, env


def test_postbuild_installs_lab_settings(binder_env):
    prefix, _, _ = binder_env
    overrides = json.loads((prefix / "share/jupyter/lab/settings/overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    server = json.loads((prefix / "etc/jupyter/jupyter_server_config.json").read_text())
    hidden = server["ContentsManager"]["hide_globs"]
    assert all(page.twin.name in hidden for page in PAGES), "every page's text twin is hidden (tools/pages.py)"
    assert "xor_playground.md" in hidden
    # the Chinese edition's tables: JupyterLab loads the custom CSS that sets a Chinese character two columns wide
    assert server["LabApp"]["custom_css"] is True
    assert "bp-cjk-two-columns" in (prefix.parent / "home" / ".jupyter" / "custom" / "custom.css").read_text()


def test_notebooks_run_in_the_binder_environment(binder_env, tmp_path):
    _, bindir, env = binder_env
    # bplib comes from the environment (installed from binder/), not from this checkout
    where = subprocess.run([bindir / "python", "-c", "import bplib; print(bplib.__file__)"], cwd=tmp_path,
                           env=env, check=True, capture_output=True, text=True).stdout
    assert str(prefix_of(bindir)) in where
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    subprocess.run([bindir / "jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--output-dir", str(tmp_path), *map(str, notebooks)], cwd=ROOT / "notebooks", env=env,
                   check=True, capture_output=True)
    for nb_path in notebooks:
        nb = json.loads((tmp_path / nb_path.name).read_text())
        for cell in nb["cells"]:
            for out in cell.get("outputs", []):
                assert out["output_type"] != "error", f"{nb_path.name}: {out.get('ename')}: {out.get('evalue')}"
                assert out.get("name") != "stderr", f"{nb_path.name}: {''.join(out['text'])[:300]}"


def prefix_of(bindir):
    return Path(bindir).parent


if sys.platform == "win32":
    pytestmark = pytest.mark.skip("repo2docker builds Linux images; this test mirrors it on Linux")
