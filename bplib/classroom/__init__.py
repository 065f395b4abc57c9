"""The classroom pieces: what a learner sees and moves (matplotlib, ipywidgets). Nothing of the math lives
here; every number comes from the core modules of bplib.

    plots.py           network diagrams: forward and backward pass, paths, one neuron's graph
    display.py         what the live pieces share: a figure of so many pixels, PNG bytes, showing a widget
    dashboard.py       the η/iteration training dashboard (notebook 4, playground page)
    player.py          the step-through player (notebook 3, player page)
    xor_playground.py  the XOR playground (notebook 7, XOR page)
    gallery.py         a precomputed picture per control position (notebook 6)

Import what you use, e.g. ``from bplib.classroom.dashboard import TrainingDashboard``.
"""
