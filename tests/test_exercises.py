"""The exercises' self-check: right, wrong, missing and malformed answers."""

import pytest

from bplib.exercises import check


@pytest.mark.parametrize("answer, expected", [
    (None, "Not answered yet"),
    (0.3925, "✔ Correct!"),
    (0.40, "✘ Not quite. Hint: net_h2 = w3·i1 + w4·i2 + b1"),
    ("zero point four", "✘ That answer could not be checked"),
])
def test_check_says_what_is_wrong(capsys, answer, expected):
    check("01.net_h2", answer)
    out = capsys.readouterr().out
    assert out.startswith(expected)
    assert "0.3925" not in out or answer == 0.3925, "the check never gives the answer away"


def test_text_answer_ignores_case_and_spaces(capsys):
    check("03.order", " Sequential ")
    assert capsys.readouterr().out.startswith("✔ Correct!")


def test_sympy_answer_in_another_form_is_correct(capsys):
    import sympy as sp

    from bplib.symbolic import z
    check("02.tanh_prime", 1 / sp.cosh(z) ** 2)
    assert capsys.readouterr().out.startswith("✔ Correct!")
