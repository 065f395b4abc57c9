"""The links a lecturer hands out, made from the repository's GitHub path.

    python3 tasks.py links                       # from `git remote get-url origin`
    python3 tasks.py links --repo OWNER/REPO     # for a repository published elsewhere or not yet
    python3 tasks.py links --hub https://hub.example.edu   # also the nbgitpuller link for that JupyterHub
"""

import re
import subprocess
from urllib.parse import quote, urlencode

from tools.pages import EDITIONS, NOTEBOOKS, START, live_pages

# the pages a lecturer hands out: the start page in JupyterLab, each live page alone (Voila, no code), and the
# Chinese edition's start page (JupyterLab's menus stay in the user's language: Settings ▸ Language ▸ 中文)
PAGES = {"start page (JupyterLab)": START.urlpath,
         **{f"{page.label.removeprefix('the ')} (Voila, no code)": page.urlpath for page in live_pages()},
         "中文版 start page, the Chinese edition (JupyterLab)": f"lab/tree/{EDITIONS['zh_CN']}/{START.name}.ipynb",
         **{f"中文版 {page.label_zh} (Voila)": f"voila/render/{EDITIONS['zh_CN']}/{page.name}.ipynb"
            for page in live_pages()}}


def repository_from_remote(url):
    """OWNER/REPO from a GitHub remote (https or ssh form), or None for anything else."""
    match = re.match(r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)"
                     r"([\w.-]+)/([\w.-]+?)(?:\.git)?/?$", url.strip())
    return f"{match.group(1)}/{match.group(2)}" if match else None


def binder_links(repo, branch="main"):
    """{page: mybinder.org link} for each page of the set."""
    base = f"https://mybinder.org/v2/gh/{repo}/{quote(branch, safe='')}"
    return {page: f"{base}?urlpath={quote(path, safe='/')}" for page, path in PAGES.items()}


def nbgitpuller_link(hub, repo, branch="main"):
    """A JupyterHub link that clones (or updates) the repository into each student's home and opens the start
    page: the usual way to hand a repository to every student of a hub (needs nbgitpuller on the hub)."""
    name = repo.split("/")[1]
    query = urlencode({"repo": f"https://github.com/{repo}", "branch": branch,
                       "urlpath": f"lab/tree/{name}/{NOTEBOOKS}/{START.name}.ipynb"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def git(*args):
    try:
        return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def main(args):
    repo = hub = None
    if "--repo" in args:
        repo = args[args.index("--repo") + 1]
    if "--hub" in args:
        hub = args[args.index("--hub") + 1]
    repo = repo or repository_from_remote(git("remote", "get-url", "origin"))
    if not repo or not re.fullmatch(r"[\w.-]+/[\w.-]+", repo):
        print("No GitHub repository found: this checkout has no GitHub remote 'origin'.\n"
              "Give it as: python3 tasks.py links --repo OWNER/REPO [--hub https://your-hub]")
        return 1
    branch = git("rev-parse", "--abbrev-ref", "HEAD") or "main"
    branch = "main" if branch == "HEAD" else branch
    print(f"Repository {repo}, branch {branch}\n")
    print("Binder (mybinder.org: free, at most 100 users of one repository at a time; open the link yourself a few "
          "minutes before class so the image is built; a session ends after about 10 minutes without activity):")
    links = binder_links(repo, branch)
    for page, link in links.items():
        print(f"  {page}:\n    {link}")
    badge = "https://mybinder.org/badge_logo.svg"
    print(f"\nREADME badge:\n  [![Binder]({badge})]({links['start page (JupyterLab)']})")
    if hub:
        print(f"\nJupyterHub ({hub}), via nbgitpuller:\n  {nbgitpuller_link(hub, repo, branch)}")
    else:
        print("\nFor a university JupyterHub, add --hub https://your-hub to get its nbgitpuller link.")
    return 0
