"""The two commands of the quick start, for any machine with Python ≥ 3.10.

    python3 tasks.py lab    install what the notebooks need, open JupyterLab on notebooks/
    python3 tasks.py test   install what the tests need, run every test (lint, bplib, notebooks, browser)

    python3 tasks.py lab --zh   the Chinese edition (中文版): its start page, JupyterLab's menus in Chinese

and, for lecturers:

    python3 tasks.py playground   the training dashboard alone, served by Voila (no code; for a projector)
    python3 tasks.py player       the step-through player alone, served by Voila (one equation at a time)
    python3 tasks.py xor          the XOR playground alone, served by Voila (training in practice)
                                  (each of the three with --zh: the Chinese edition's)
    python3 tasks.py links        Binder and JupyterHub links for this repository (from its git remote)
    python3 tasks.py slides       the lesson notebooks as offline slide decks in build/slides/ (--pdf: and PDFs)
    python3 tasks.py handout      the lecture's A4 handout and its answer key (build/handout/, HTML and PDF)
    python3 tasks.py site         every notebook as a static, offline web site in build/site/
                                  (all three: the Chinese edition too, in zh_CN/ or as handout-zh_CN)

Both work in a virtual environment .venv/ next to this file, made on first use, and install the exact
versions of requirements.txt (learners) or requirements-test.txt (tests): lock files in which every package,
dependencies included, is pinned with its hashes.
Extra arguments after "test" go to pytest (e.g. python3 tasks.py test -k gradients).
For authors: python3 tasks.py notebooks [notebooks/NAME.md …] rebuilds the .ipynb from the
Markdown twins and executes them (the .md is what you edit and review); python3 tasks.py notebooks --zh [NAME …]
builds the Chinese edition (notebooks/zh_CN/) from them and the catalogs that python3 tasks.py translations
keeps up to date (locale/zh_CN/; see tools/translate.py).
For maintainers: python3 tasks.py lock writes the two lock files anew from requirements.in and
requirements-test.in (the top-level packages, each pinned with ==: the files you edit), with uv. To upgrade a
top-level package, change its pin there and run lock; --upgrade-package NAME (or --upgrade) moves the others.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from tools.pages import CHROMIUM, EDITIONS, NOTEBOOKS, PAGES, START, hidden_in_file_browser, live_pages

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
# a kernel that has already run the page waits for the next visitor: the page is ready in about 2 s, not 5
VOILA_OPTIONS = ("--theme=light", "--preheat_kernel=True", "--pool_size=1")
# the lock files: what .in file each is made from, and what it is constrained by (the learners' lock takes the
# versions of the tested set)
LOCKS = {"requirements-test.txt": ("requirements-test.in", None),
         "requirements.txt": ("requirements.in", "requirements-test.txt")}
UV = "uv==0.13.9"          # makes the lock files (python3 tasks.py lock); not needed to install them


def run(*cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, **kw).returncode


def install(lock):
    """Make .venv and install the lock file ``lock`` (every package at its pinned version, checked against
    its hashes) and bplib into it; skipped when already done. The first install shows pip's progress."""
    if sys.version_info < (3, 10):  # noqa: UP036 (tasks.py may be started by an older Python)
        sys.exit(f"Python ≥ 3.10 is needed; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"Making a virtual environment in {VENV} …", flush=True)
        venv.create(VENV, with_pip=True)
    text = (ROOT / lock).read_text() + (ROOT / "pyproject.toml").read_text()
    text += "".join((ROOT / "binder" / name).read_text() for name in ("overrides.json", "jupyter_server_config.json"))
    text += (ROOT / "tools" / "pages.py").read_text()                 # the twins to hide come from the registry
    stamp = VENV / f".installed-{Path(lock).stem}"
    digest = hashlib.sha256(text.encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    first = not any(VENV.glob(".installed-*"))
    if first:
        count = sum(1 for line in (ROOT / lock).read_text().splitlines() if "==" in line)
        print(f"Installing {count} pinned packages from {lock} (once; a few minutes on a slow network) …",
              flush=True)
    pip = [PYTHON, "-m", "pip", "install", "--disable-pip-version-check", *([] if first else ["-q"])]
    if run(*pip, "--require-hashes", "-r", lock) != 0:
        sys.exit(f"pip could not install {lock} (see above)")
    # bplib itself, from this folder (editable: a change to bplib/ shows at the next kernel start)
    if run(*pip, "-q", "--no-deps", "--no-build-isolation", "-e", ".") != 0:
        sys.exit("pip could not install bplib (see above)")
    install_lab_settings(VENV)
    stamp.write_text(digest)


def install_lab_settings(prefix):
    """The project's Jupyter settings into the environment at ``prefix`` (binder/postBuild does the
    same on Binder): no news pop-up (binder/overrides.json), and the notebooks' Markdown twins
    hidden from the file browser (binder/jupyter_server_config.json and every page's twin from
    tools/pages.py, merged into what is there)."""
    lab = Path(prefix) / "share" / "jupyter" / "lab" / "settings"
    lab.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "binder" / "overrides.json", lab / "overrides.json")
    server = Path(prefix) / "etc" / "jupyter" / "jupyter_server_config.json"
    server.parent.mkdir(parents=True, exist_ok=True)
    config = json.loads(server.read_text()) if server.exists() else {}
    ours = json.loads((ROOT / "binder" / "jupyter_server_config.json").read_text())
    ours["ContentsManager"]["hide_globs"] += hidden_in_file_browser()
    # printed tables of the Chinese edition keep their columns in JupyterLab too: the site's columns.css (a
    # Chinese character set two columns wide) as JupyterLab's custom CSS (read from the Jupyter config folder,
    # ~/.jupyter/custom/custom.css), for every output; a custom.css of the user's own is left as it is
    css = (ROOT / "tools" / "templates" / "columns.css").read_text(encoding="utf-8")
    custom = Path(os.environ.get("JUPYTER_CONFIG_DIR") or Path.home() / ".jupyter") / "custom" / "custom.css"
    if not custom.exists() or "bp-cjk-two-columns" in custom.read_text(encoding="utf-8", errors="replace"):
        custom.parent.mkdir(parents=True, exist_ok=True)
        custom.write_text(css.replace('html[lang="zh-CN"] ', "body "), encoding="utf-8")   # above JupyterLab's rule
    else:
        print(f"Note: {custom} is your own; the Chinese edition's tables may not line up in JupyterLab.", flush=True)
    ours["LabApp"] = {"custom_css": True}
    for section, values in ours.items():
        config.setdefault(section, {}).update(values)
    server.write_text(json.dumps(config, indent=2) + "\n")


def settings(args):
    """Install the project's Jupyter settings into the environment at PREFIX (used by binder/postBuild)."""
    install_lab_settings(args[0] if args else sys.prefix)
    return 0


def apt_install(*packages):
    """Install Debian packages where we may (root on Debian); quietly do nothing elsewhere."""
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        run("apt-get", "update", "-q")
        run("apt-get", "install", "-y", "-q", "--no-install-recommends", *packages,
            env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def has_cjk_font():
    fc = shutil.which("fc-list")
    return bool(fc) and bool(subprocess.run([fc, ":lang=zh"], capture_output=True, text=True).stdout.strip())


def ensure_chromium():
    """The browser tests and the PDFs use Debian's chromium, and a CJK font so that Chinese text prints as
    characters, not boxes (fonts-wqy-microhei, 1.6 MB); install them where we may."""
    missing = [] if Path(CHROMIUM).exists() else ["chromium"]
    missing += [] if has_cjk_font() else ["fonts-wqy-microhei"]
    if missing:
        apt_install(*missing)
    if not Path(CHROMIUM).exists():
        print(f"Note: no {CHROMIUM}; the real-browser tests will be skipped "
              "(on Debian/Ubuntu: sudo apt-get install chromium).", flush=True)
    ensure_cjk_font()


def ensure_cjk_font():
    """The Chinese edition draws Chinese in its figures (bplib.classroom.plots.cjk_font): install a CJK font
    where we may, and say how where we may not."""
    if not has_cjk_font():
        apt_install("fonts-wqy-microhei")
    if shutil.which("fc-list") and not has_cjk_font():       # where fontconfig can tell
        print("Note: no CJK font; the Chinese edition's figures need one "
              "(on Debian/Ubuntu: sudo apt-get install fonts-wqy-microhei).", flush=True)


def ensure_npm():
    """Decks and the site fetch reveal.js and MathJax once with npm (tools/vendor.py)."""
    if shutil.which("npm") is None:
        apt_install("npm")


def notebooks(args):
    """For authors: rebuild every notebook from its Markdown twin and execute it in place. With --zh: first
    write the Chinese edition's twins (notebooks/zh_CN/) from the English ones and their catalogs
    (tools/translate.py), then the same; names are then page names (default: every translated page)."""
    install("requirements-test.txt")
    if "--zh" in args:
        built = subprocess.run([str(PYTHON), "-m", "tools.translate", "build", *[a for a in args if a != "--zh"]],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True)
        if built.returncode != 0:
            return built.returncode
        args = built.stdout.split()
    names = args or [str(page.twin) for page in PAGES]
    for name in names:
        if run(BIN / "jupytext", "--to", "ipynb", "--execute", name) != 0:
            return 1
        if run(PYTHON, __file__, "strip-widgets", str(Path(name).with_suffix(".ipynb"))) != 0:
            return 1
        # the twin rewritten as jupytext writes it from the notebook (metadata keys in the notebook's order),
        # or JupyterLab's pairing refuses to open a notebook that is newer than its twin
        if run(BIN / "jupytext", "--to", "md", str(Path(name).with_suffix(".ipynb"))) != 0:
            return 1
    return 0


def strip_widgets(args):
    """Drop widget views, the script that names their controls (bplib.classroom.display.Shown) and saved widget
    state from notebooks: they only mean something while a kernel runs (a stale view shows "Error displaying
    widget"); the cell shows the widget when run."""
    import nbformat
    for name in args:
        nb = nbformat.read(name, as_version=4)
        nb.metadata.pop("widgets", None)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.outputs
                                if "application/vnd.jupyter.widget-view+json" not in o.get("data", {})
                                and not o.get("metadata", {}).get("naming")]
        nbformat.write(nb, name)
    return 0


def lock(args):
    """For maintainers: write requirements-test.txt and requirements.txt anew from the .in files with uv
    (for every Python ≥ 3.10 and every platform, with hashes). Pins already in a lock are kept unless
    asked otherwise: python3 tasks.py lock --upgrade, or --upgrade-package NAME."""
    install("requirements-test.txt")
    if run(PYTHON, "-m", "pip", "install", "-q", "--disable-pip-version-check", UV) != 0:
        return 1
    for target, (source, constraint) in LOCKS.items():
        cmd = [BIN / "uv", "pip", "compile", source, "-o", target, "--universal", "--python-version", "3.10",
               "--generate-hashes", "--custom-compile-command", "python3 tasks.py lock", "-q", *args]
        if run(*cmd, *(["-c", constraint] if constraint else [])) != 0:
            return 1
    return 0


def translations(args):
    """For translators: bring the Chinese catalogs (locale/zh_CN/NAME.po, bplib/locale/zh_CN/LC_MESSAGES/bplib.po)
    up to date with the English notebooks and bplib; then translate what is empty or marked fuzzy."""
    install("requirements-test.txt")      # Babel
    return run(PYTHON, "-m", "tools.translate", "update", *args)


def voila(page, args):
    """A live page alone, as a web page without code (Voila), for a projector: the playground (the training
    dashboard), the player (one training step, one equation at a time) or the XOR playground; --zh: the
    Chinese edition's."""
    install("requirements.txt")
    language = "zh_CN" if "--zh" in args else "en"
    if language != "en":
        ensure_cjk_font()
        # the page's <html lang>, for a screen reader (nbconvert takes an ISO 639-1 code: zh)
        args = [*args, "--HTMLExporter.language_code=zh"]
    args = [a for a in args if a != "--zh"]
    return run(BIN / "voila", page.path_in(language).relative_to(ROOT), *VOILA_OPTIONS, *args)


def links(args):
    """Print the Binder links (the start page and every live page of tools/pages.py) and a JupyterHub
    nbgitpuller link for this repository, made from its git remote:
    python3 tasks.py links [--repo OWNER/REPO] [--hub URL]."""
    from tools.links import main
    return main(args)


def slides(args):
    """Every lesson notebook as an offline reveal.js deck in build/slides/ (tools/decks.py); with --pdf, a
    PDF of each too, printed by the system's chromium."""
    install("requirements-test.txt")      # nbconvert, and playwright for the PDFs
    ensure_npm()
    if "--pdf" in args:
        ensure_chromium()
    return run(PYTHON, "-m", "tools.decks", *args)


def handout(args):
    """The lecture's handout (tools/handout.py): an A4 sheet for one training step by hand, exercises, and the
    answer key on pages of their own, in build/handout/ (HTML and a PDF printed by the system's chromium)."""
    install("requirements-test.txt")      # matplotlib for the diagrams, playwright for the PDF
    if "--no-pdf" not in args:
        ensure_chromium()
    return run(PYTHON, "-m", "tools.handout", *args)


def site(args):
    """Every notebook as a static web site in build/site/ (tools/site.py): read without any server."""
    install("requirements-test.txt")
    ensure_npm()
    return run(PYTHON, "-m", "tools.site", *args)


def lab(args):
    """JupyterLab on notebooks/, open at the start page; with --zh, the Chinese edition's start page, with
    JupyterLab's own menus in Chinese (its language pack, chosen in a settings folder of .venv's own)."""
    install("requirements.txt")
    root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    start = f"{START.name}.ipynb"
    if "--zh" in args:
        ensure_cjk_font()
        args = [a for a in args if a != "--zh"]
        start = f"{Path(EDITIONS['zh_CN']).relative_to(NOTEBOOKS).as_posix()}/{start}"
        chinese = VENV / "share" / "jupyter" / "lab" / "user-settings-zh_CN"
        setting = chinese / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
        setting.parent.mkdir(parents=True, exist_ok=True)
        setting.write_text(json.dumps({"locale": "zh_CN"}) + "\n")
        root.append(f"--LabApp.user_settings_dir={chinese}")
    return run(BIN / "jupyter", "lab", f"--ServerApp.root_dir={NOTEBOOKS}",
               f"--LabApp.default_url=/lab/tree/{start}", *root, *args)


def test(args):
    install("requirements-test.txt")
    ensure_chromium()
    ensure_npm()
    if run(BIN / "ruff", "check", ".") != 0:
        return 1
    return run(PYTHON, "-m", "pytest", *args)


if __name__ == "__main__":
    commands = {"lab": lab, "test": test, "slides": slides, "handout": handout, "site": site, "notebooks": notebooks,
                "links": links, "translations": translations,
                "settings": settings, "strip-widgets": strip_widgets, "lock": lock}
    commands.update({page.command: (lambda args, page=page: voila(page, args)) for page in live_pages()})
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))
