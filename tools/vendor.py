"""The browser libraries that the decks and the static site carry with them, so they work with no network.

Build time needs the npm registry once: ``npm pack`` fetches the two pinned packages below into
``build/vendor-cache/`` (about 24 MB, kept for the next build), their sha512 is checked against the pin, and
only the files the pages load are copied next to the pages (about 7 MB). Present time needs nothing.

- reveal.js 4.6.0 (MIT licence, copied along): the slide engine and its speaker-notes plugin;
- MathJax 2.7.9 (Apache 2.0 licence, copied along): typesets the formulas; the TeX input, the CommonHTML
  output and its TeX web fonts only.

And for the tests only (never copied next to the pages):

- axe-core 4.14.1 (MPL 2.0): the accessibility checker the tests run in chromium on every page and slide
  (WCAG 2.1 A and AA rules), ``axe_script()``.

nbconvert's own templates also load require.js, jQuery and mermaid from CDNs; our templates load none of
them (no widget or mermaid output is ever shown in a deck or on the site).
"""

import base64
import hashlib
import shutil
import subprocess
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "vendor-cache"

PINS = {
    "reveal.js": ("4.6.0", "sha512-QC80rYsZldAe95bW9VImucIPTjfsKhI0jRQrIOXU4P92ZyXb/"
                           "dfw9L3EE96bN6i7UmeUl1qBieH4UNTr25erYw=="),
    "mathjax": ("2.7.9", "sha512-NOGEDTIM9+MrsqnjPEjVGNx4q0GQxqm61yQwSK+/"
                         "5S59i26wId5IC5gNu9/bu8+CCVl5p9G2IHcAl/wJa+5+BQ=="),
    "axe-core": ("4.14.1", "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37Og"
                           "udVGtQ=="),
}

# what a page loads, relative to each package's root
FILES = {
    "reveal.js": ["LICENSE", "dist/reveal.js", "dist/reveal.css", "dist/theme/white.css", "dist/theme/fonts",
                  "plugin/notes/notes.js"],
    "mathjax": ["LICENSE", "MathJax.js", "config/TeX-AMS_CHTML-full.js", "extensions", "jax/input/TeX",
                "jax/output/CommonHTML", "jax/element", "fonts/HTML-CSS/TeX/woff"],
}


def integrity(path):
    return "sha512-" + base64.b64encode(hashlib.sha512(Path(path).read_bytes()).digest()).decode()


def fetch(name):
    """The package's tarball in the cache, fetched with npm when missing; its checksum checked."""
    version, pin = PINS[name]
    tarball = CACHE / f"{name}-{version}.tgz"
    if not tarball.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("Building decks or the site needs npm once, to fetch reveal.js and MathJax "
                             "(Debian: apt-get install npm). Presenting them later needs nothing.")
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"+ npm pack {name}@{version}", flush=True)
        subprocess.run([npm, "pack", "--silent", f"{name}@{version}"], cwd=CACHE, check=True,
                       stdout=subprocess.DEVNULL)
    if integrity(tarball) != pin:
        tarball.unlink()
        raise SystemExit(f"{tarball.name}: checksum differs from the pin in tools/vendor.py; removed, try again")
    return tarball


def copy_into(target):
    """Copy the pinned libraries into ``target``/vendor/{reveal.js,mathjax}; returns that folder."""
    vendor = Path(target) / "vendor"
    for name, files in FILES.items():
        dest = vendor / name
        stamp = dest / ".version"
        if stamp.exists() and stamp.read_text() == PINS[name][0]:
            continue
        shutil.rmtree(dest, ignore_errors=True)
        with tarfile.open(fetch(name)) as tar:
            for member in tar.getmembers():
                relative = member.name.removeprefix("package/")
                if member.isfile() and any(relative == f or relative.startswith(f + "/") for f in files):
                    out = dest / relative
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(tar.extractfile(member).read())
        stamp.write_text(PINS[name][0])
    return vendor


def axe_script():
    """axe-core's browser script (axe.min.js), taken from the pinned tarball into the cache: for the tests."""
    version = PINS["axe-core"][0]
    script = CACHE / f"axe-core-{version}" / "axe.min.js"
    if not script.exists():
        with tarfile.open(fetch("axe-core")) as tar:
            text = tar.extractfile("package/axe.min.js").read()
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_bytes(text)
    return script
