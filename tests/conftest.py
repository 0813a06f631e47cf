import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI: the same examples every run (a new random counterexample must not turn a landing red by chance;
# developers still get fresh random examples locally)
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ANNOTATIONS = ROOT / "annotations"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def seeds_corpus():
    from framing import load_corpus

    return load_corpus(SEEDS)
