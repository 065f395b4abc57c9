"""tasks.py links: Binder and JupyterHub links made from the repository's GitHub path."""

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools.links import binder_links, nbgitpuller_link, repository_from_remote  # noqa: E402


@pytest.mark.parametrize("remote, repo", [
    ("https://github.com/alice/backprop.git", "alice/backprop"),
    ("https://github.com/alice/backprop", "alice/backprop"),
    ("git@github.com:alice/back-prop.git", "alice/back-prop"),
    ("ssh://git@github.com/alice/backprop.git", "alice/backprop"),
    ("https://gitlab.com/alice/backprop.git", None),
    ("/work/main", None),
    ("", None),
])
def test_repository_from_remote(remote, repo):
    assert repository_from_remote(remote) == repo


def test_binder_links_open_the_start_page_and_the_voila_pages():
    links = binder_links("alice/backprop", "main")
    assert links["start page (JupyterLab)"] == (
        "https://mybinder.org/v2/gh/alice/backprop/main?urlpath=lab/tree/notebooks/00_start_here.ipynb")
    assert links["playground (Voila, no code)"].endswith("?urlpath=voila/render/notebooks/playground.ipynb")
    assert links["step-through player (Voila, no code)"].endswith("voila/render/notebooks/player.ipynb")
    assert links["XOR playground (Voila, no code)"].endswith("voila/render/notebooks/xor_playground.ipynb")
    for page in ["00_start_here", "playground", "player", "xor_playground"]:
        assert (ROOT / "notebooks" / f"{page}.ipynb").exists()


def test_nbgitpuller_link():
    link = urlparse(nbgitpuller_link("https://hub.uni.edu/", "alice/backprop", "main"))
    assert link.netloc == "hub.uni.edu" and link.path == "/hub/user-redirect/git-pull"
    query = parse_qs(link.query)
    assert query == {"repo": ["https://github.com/alice/backprop"], "branch": ["main"],
                     "urlpath": ["lab/tree/backprop/notebooks/00_start_here.ipynb"]}


def test_the_command():
    out = subprocess.run([sys.executable, "tasks.py", "links", "--repo", "alice/backprop", "--hub",
                          "https://hub.uni.edu"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0
    assert "https://mybinder.org/v2/gh/alice/backprop/" in out.stdout and "git-pull?repo=" in out.stdout
    bad = subprocess.run([sys.executable, "tasks.py", "links", "--repo", "not a repo"], cwd=ROOT,
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "--repo OWNER/REPO" in bad.stdout
