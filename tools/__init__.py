"""Build and delivery tooling, kept apart from bplib (the learners' library): the registry of pages
(pages.py), Binder and JupyterHub links (links.py), the lecture decks (decks.py) and their PDFs (pdf.py), the
static site (site.py), and the vendored reveal.js and MathJax they load offline (vendor.py)."""
