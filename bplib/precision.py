"""The one precision rule of the course: a number is right when it agrees with the expected value to so many
significant digits. The exercises, the player's predict-first box and notebook 9's checks all judge with it."""

import math


def agrees(a, b, digits):
    """The precision rule: a and b agree to ``digits`` significant digits of b
    (|a − b| ≤ one unit of b's last required digit); digits = 0: a == b exactly."""
    if digits == 0:
        return a == b
    if b == 0:
        return abs(a) <= 10.0 ** -digits
    unit = 10.0 ** (math.floor(math.log10(abs(b))) - digits + 1)
    return abs(a - b) <= unit * (1 + 1e-9)
