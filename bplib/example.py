"""The worked example: the 2-2-2 sigmoid network of Mazur (2015) and the source
articles, and the figures they publish (see shared/reference.md)."""

import numpy as np

from .network import Network

INPUTS = (0.05, 0.10)                                     # i1, i2
TARGETS = (0.01, 0.99)                                    # t1, t2
WEIGHTS = (0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55)  # w1 … w8
BIASES = (0.35, 0.60)                                     # b1 (hidden), b2 (output)
ETA = 0.5                                                 # learning rate η

# Figures as printed in the sources.  Three of them come from a slip; EXACT has
# what a correct computation in double precision gives (see the notebooks).
PUBLISHED = {
    "net_h1": 0.3775,
    "out_h1": 0.593269992, "out_h2": 0.596884378,
    "net_o1": 1.105905967,
    "out_o1": 0.75136507, "out_o2": 0.772928465,
    "E_o1": 0.274811083, "E_o2": 0.023560026,
    "E_total": 0.298371109,
    "dE/dw5": 0.082167041,
    "w5+": 0.35891648, "w6+": 0.408666186, "w7+": 0.511301270, "w8+": 0.561370121,
    "dE/dw1": 0.000438568,
    "w1+": 0.149780716, "w2+": 0.19956143, "w3+": 0.24975114, "w4+": 0.29950229,
    "E_total after 1 update": 0.291027924,          # sequential-update slip
    "E_total after 10000 updates": 0.0000351085,    # really after 9,999 (off by one)
    "out_o1 after 10000 updates": 0.015912196,      # sequential-update slip
    "out_o2 after 10000 updates": 0.984065734,      # sequential-update slip
}
EXACT = {
    "E_total after 1 update": 0.291027774,
    "E_total after 9999 updates": 0.0000351085,
    "E_total after 10000 updates": 0.0000351019,
    "out_o1 after 10000 updates": 0.015913620,
    "out_o2 after 10000 updates": 0.984064274,
}


def mazur():
    """The worked example as ``(net, x, t)``: a fresh 2-2-2 sigmoid Network with
    w1..w8 and the shared biases b1 = 0.35, b2 = 0.60, inputs x = (i1, i2) and
    targets t = (t1, t2)."""
    w = WEIGHTS
    net = Network([2, 2, 2],
                  weights=[[[w[0], w[1]], [w[2], w[3]]], [[w[4], w[5]], [w[6], w[7]]]],
                  biases=[BIASES[0], BIASES[1]], activation="sigmoid")
    return net, np.array(INPUTS), np.array(TARGETS)
