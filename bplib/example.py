"""The worked example: the 2-2-2 sigmoid network of Mazur (2015) and the source articles, the figures they
publish (PUBLISHED, with who printed each in SOURCES), and what a correct computation in double precision
gives where a published figure comes from a slip (EXACT). The tests assert all of them."""

import numpy as np

from .network import Network

INPUTS = (0.05, 0.10)                                     # i1, i2
TARGETS = (0.01, 0.99)                                    # t1, t2
WEIGHTS = (0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55)  # w1 … w8
BIASES = (0.35, 0.60)                                     # b1 (hidden), b2 (output)
# the learning rates the course compares: the training dashboard's slider, and notebook 4's exercises
ETAS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0)

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
# Who printed what. Mazur: "A Step by Step Backpropagation Example" (2015), the article the five Chinese
# source articles follow; the story of the sequential update is Mazur's repository mattm/simple-neural-network,
# commit 4b6faac (2015-03-15). Seeds 000-004: the source articles as ../shared/seeds numbers them; the notebooks
# call them 000 the cnblogs article, 001 the 手撕BP article, 002 the matrix-form article, 003 the 深度学习1
# article, 004 Charmve's chapter (titles on the start page).
SOURCES = {
    "forward pass, E, ∂E/∂w5, ∂E/∂w1, w1+ … w8+": "Mazur and the seeds alike",
    "E_total after 1 update": "Mazur (0.291027924): the sequential update's value; the article's own w1+ … w4+ "
                              "are the simultaneous ones, so it contradicts itself",
    "E_total after 10000 updates": "Mazur (0.0000351085): the simultaneous update's E after 9,999 updates; seed 004 "
                                   "prints 0.000035085, the sequential run's E after 10,000; seed 000 prints "
                                   "3.51019E-05 (the correct E after 10,000) labelled t = 10001",
    "out_o1, out_o2 after 10000 updates": "Mazur and seed 004: the sequential update's outputs",
    "out_o1 (seed 004)": "seed 004 prints 0.75136079 for out_o1 before training; it is 0.75136507",
}
EXACT = {
    "E_total after 1 update": 0.291027774,
    "E_total after 10000 updates": 0.0000351019,
    "out_o1 after 10000 updates": 0.015913620,
    "out_o2 after 10000 updates": 0.984064274,
}

# Figures of the variants (double precision), computed in the notebooks; the tests pin them.
VARIANTS = {
    "E after 10,000 updates, η = 200": 5.00e-5,                     # stuck: σ′ of o1 ≈ 1e-8
    "E after 10,000 updates, momentum β = 0.9, η = 0.5": 5.5e-9,
    "first update with E < 0.001, η = 0.5": 1088,
    "½Σ(t − o)² after 10,000 updates trained on cross-entropy": 1e-30,   # below it, at η = 0.5 and 200: rounding
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
