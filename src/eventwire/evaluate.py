"""Scoring against gold files; the code lives in the `eventwire.evaluation` package.

This module keeps the short import path: `from eventwire.evaluate import evaluate_file, render`.
"""

from eventwire.evaluation import *  # noqa: F401,F403
from eventwire.evaluation import __all__  # noqa: F401
