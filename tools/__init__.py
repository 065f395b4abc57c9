"""Build and delivery tooling (kept apart from bplib, which is the learners' library): links for Binder and
JupyterHub; later the lecture decks and the static site."""
