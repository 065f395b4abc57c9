"""The lecture decks: one deck per lecture, as the start page's plan says (90 and 45 minutes).

A lecture is a list of parts, each with its minutes: slides taken from the lesson decks (tools/decks.py) by
their headings, a pointer to a live page at its minute, an exercise done on paper in the room (the handout's,
tools/handout.py, with the answers in the speaker notes), and the recap. Every part's first slide says its
minutes in the speaker notes; the minutes add up to the lecture's length (a test sums them). The self-study
parts stay in the per-notebook decks.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from tools import chrome, handout
from tools.decks import ROOT, deck_cells, markdown
from tools.pages import EDITIONS


@dataclass(frozen=True)
class Part:
    """``minutes`` of the lecture: the sections of ``notebook`` whose headings start with one of ``sections``
    (in the lesson's order), or ``slides`` written here (Markdown, one slide each), or both."""

    minutes: int
    title: str
    notebook: str = ""
    sections: tuple = ()
    slides: tuple = ()
    notes: str = ""


def _exercise_slides(language="en"):
    _ = chrome.gettext(language)
    questions = handout.exercise_answers(language)
    body = "\n".join(f"{k}. {q}" for k, (q, _a) in list(questions.items())[:2])
    answers = "\n".join(f"{k}. {a}" for k, (_q, a) in list(questions.items())[:2])
    return (_("## In the room, on paper\n\nThe handout's page 3 (`python3 tasks.py handout`), exercises 1 and 2, in "
              "pairs:") + f"\n\n{body}", answers)


def _plan(length, language="en"):
    _ = chrome.gettext(language)
    exercise, answers = _exercise_slides(language)
    live = _("## Live: the playground\n\nSwitch to the **playground** (`python3 tasks.py playground`, or its "
             "Binder link from `python3 tasks.py links`). Train with η = 0.5, then 5, then 50. Before 200 and "
             "1000: what will happen? Then tick \"biases learn too\". The still figure on the next slide tells the "
             "same story.")
    player = _("## Live: the step-through player\n\nSwitch to the **step-through player** (`python3 tasks.py "
               "player`, or its Binder link from `python3 tasks.py links`) and walk the backward pass one "
               "equation at a time: blue is what an equation reads, orange what it writes. Tick *predict first* "
               "and let the room call each value before it is shown.")
    recap = _recap(language)
    if length == 90:
        return [
            Part(15, _("The forward pass"), "01_forward_pass",
                 ("The network", "Step 1", "Step 2", "Step 3 ·", "The forward pass, drawn")),
            Part(25, _("The chain rule"), "02_symbolic_derivation", ("Step 1", "Step 4", "Step 5", "Step 6")),
            Part(15, _("Backpropagation with numbers"), "03_numeric_backprop",
                 ("Step 2", "Step 3", "Step 4", "The backward pass, drawn", "Step 5", "Step 7"), slides=(player,)),
            Part(15, _("Training, live"), "04_training_dashboard", ("Step 5", "Step 6"), slides=(live,)),
            Part(15, _("Exercises on paper"), slides=(exercise,), notes=_("**Answers**") + "\n\n" + answers),
            Part(5, _("Recap"), "04_training_dashboard", ("Recap",), slides=(recap,)),
        ]
    if length == 45:
        return [
            Part(10, _("The forward pass"), "01_forward_pass", ("The network", "Step 1", "Step 2", "Step 3 ·",
                                                               "The forward pass, drawn")),
            Part(20, _("The backward pass"), "02_symbolic_derivation", ("Step 4", "Step 5", "Step 6")),
            Part(0, _("The backward pass, with numbers"), "03_numeric_backprop", ("The backward pass, drawn",)),
            Part(10, _("Training, live"), "04_training_dashboard", ("Step 5",), slides=(live,)),
            Part(5, _("Recap"), slides=(recap,)),
        ]
    raise ValueError(f"length must be 90 or 45 (minutes); got {length!r}")


def _recap(language="en"):
    _ = chrome.gettext(language)
    return _(
        "## Recap: one training step\n\n"
        "- Forward: net = Σ w·in + b, out = σ(net), E = ½Σ(t − out)².\n"
        "- Backward: δ_o = (out − t)·out(1 − out); δ_h = (Σ δ_o·w)·out_h(1 − out_h), one term per path.\n"
        "- Every gradient: ∂E/∂w = δ of the receiver × out of the sender.\n"
        "- Update all weights at once: w ← w − η·∂E/∂w. Too large an η saturates the outputs and learning "
        "stops.")


PLANS = (90, 45)


def sections(cells, starts, translated=None):
    """The cells of the sections whose heading starts with one of ``starts`` (each up to the next heading),
    except those the lesson marks "Self-study" in their notes. ``translated``: the same deck's cells in another
    edition (cell for cell), whose cells are taken where the English ones are chosen."""
    chosen, keep = [], False
    for k, cell in enumerate(cells):
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## "):
            heading = cell.source.lstrip()[3:]
            self_study = cell.metadata.get("notes", "").startswith("Self-study")   # left to the lesson decks
            keep = any(heading.startswith(s) for s in starts) and not self_study
        if keep:
            chosen.append(translated[k] if translated is not None else cell)
    for cell in chosen:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## "):
            cell.metadata.setdefault("slideshow", {})["slide_type"] = "slide"
            # the lessons' step numbers mean nothing in a lecture that takes steps from four of them
            cell.source = re.sub(r"^(\s*## )(?:Step \d+|第 \d+ 步) · ", r"\1", cell.source)
    return chosen


def lecture_cells(length, language="en"):
    """The cells of the lecture deck of ``length`` minutes, with each part's minutes in its notes."""
    _ = chrome.gettext(language)
    parts = _plan(length, language)
    agenda, start = [], 0
    for part in parts:
        if part.minutes:
            agenda.append(f"| {start}–{start + part.minutes} | {part.title} |")
        start += part.minutes
    cells = [markdown(_("# One training step of a neural network\n\nA {length}-minute lecture on the worked "
                        "2-2-2 example: the forward pass, the backward pass, one update, then training live.\n\n"
                        "| minutes | part |\n|---|---|").format(length=length) + "\n" + "\n".join(agenda), "slide"),
             markdown(_("Agenda of the {length}-minute plan (start page). The minutes of each part are in the "
                        "notes of its first slide.").format(length=length), "notes")]
    start = 0
    for part in parts:
        taken = []
        if part.notebook:
            nb = nbformat.read(ROOT / "notebooks" / f"{part.notebook}.ipynb", as_version=4)
            english = deck_cells(nb)
            translated = None
            if language != "en":        # the same cells of the edition's notebook (built cell for cell from it)
                translated = deck_cells(nbformat.read(ROOT / EDITIONS[language] / f"{part.notebook}.ipynb",
                                                      as_version=4), language)
            taken = sections(english, part.sections, translated)
            update_at = next((k for k, c in enumerate(sections(deck_cells(nb), part.sections))
                              if c.source.lstrip().startswith("## One update")), len(taken))
        written = [markdown(text, "slide") for text in part.slides]
        live_first = part.notebook == "04_training_dashboard" and "Recap" not in part.sections   # "Training, live"
        part_cells = written + taken if live_first else taken + written
        if part.notebook == "03_numeric_backprop":     # the player after the backward pass drawn, before the update
            part_cells = taken[:update_at] + written + taken[update_at:]
        minutes = (_("**Minutes {start}–{end}** ({minutes} min): {title}").format(
                       start=start, end=start + part.minutes, minutes=part.minutes, title=part.title)
                   if part.minutes else _("(within the minutes before): {title}").format(title=part.title))
        notes = [markdown(minutes + ("\n\n" + part.notes if part.notes else ""), "notes")]
        cells += part_cells[:1] + notes + part_cells[1:]
        start += part.minutes
    return cells


def minutes_in_notes(cells):
    """The minutes each part's notes give (for the test that they add up), in either edition."""
    pattern = re.compile(r"\*\*(?:Minutes|第) \d+–\d+(?: 分钟)?\*\* ?[(（](\d+) (?:min|分钟)[)）]")
    return [int(m.group(1)) for c in cells if c.metadata.get("slideshow", {}).get("slide_type") == "notes"
            for m in [pattern.search(c.source)] if m]


def notebook(length, language="en"):
    """The lecture deck as a notebook (what tools/decks.py exports)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = lecture_cells(length, language)
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def paths(out):
    return [Path(out) / f"lecture-{length}.html" for length in PLANS]
