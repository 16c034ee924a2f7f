"""Shared fixtures: where the shared material lives, and hypothesis settings."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]

# No deadline: a slow, shared machine must not fail a property test.
settings.register_profile("default", deadline=None, max_examples=200)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared material: $SUMMARIZE_SHARED, else ../shared beside the repository."""
    path = Path(os.environ.get("SUMMARIZE_SHARED", ROOT.parent / "shared"))
    if not path.is_dir():
        pytest.skip(f"shared material not found at {path} (set SUMMARIZE_SHARED)")
    return path
