"""The exercises of the notebooks and their self-checks.

    from bplib.exercises import check, solution_passes
    check("01.net_h2", answer)

engine.py      the machinery every exercise shares: reading any answer, the hints, the time limit
bank_NN.py     notebook NN's exercises (expected values computed from bplib, precision, typical mistakes)
common.py      what several banks share (the worked example with another input or target, …)

The precision rule itself is bplib/precision.py (the player and notebook 9 judge with it too).
"""

from . import bank_01, bank_02, bank_03, bank_04, bank_05, bank_06, bank_07, bank_08, bank_09
from .engine import EXERCISES, Exercise, Mistake, check, register, solution_passes, verdict

for _bank in (bank_01, bank_02, bank_03, bank_04, bank_05, bank_06, bank_07, bank_08, bank_09):
    register(_bank.EXERCISES)

__all__ = ["EXERCISES", "Exercise", "Mistake", "check", "register", "solution_passes", "verdict"]
