"""The fact-checker on a set written blind: by someone who saw neither the checker nor its development
set (tests/factcheck_eval.csv). It is the honest estimate of how the checker does on new copy.

The floors here are regression guards set below the measured figures (92.7% accuracy, 90.9% precision
of `inaccurate` when this file was added); the issue's own bar (95% / 98%) is asserted on the
development set in test_factcheck.py. The failure categories the blind set first exposed were passed
on to the checker (as categories, never its sentences), so it is no longer strictly blind: a fresh blind
set is the next honest measurement.
"""

from pathlib import Path

from test_factcheck import load_eval, report, run_eval

BLIND = Path(__file__).with_name("factcheck_blind.csv")


def test_blind_set_accuracy_and_precision():
    result = run_eval(load_eval(BLIND))
    message = report("blind", result)
    print("\n" + message)
    assert result["accuracy"] >= 0.90, message
    assert result["precision"] >= 0.90, message
