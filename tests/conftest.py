"""Shared fixtures: where the shared material lives, and hypothesis settings."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]

# No deadline: a slow, shared machine must not fail a property test.
settings.register_profile("default", deadline=None, max_examples=200)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def shared() -> Callable[[str], Path]:
    """A file of the shared material, by its path inside it; the test skips where the file is absent.

    The material is in $SUMMARIZE_SHARED (when set and not empty), else ../shared beside the repository.
    """
    root = Path(os.environ.get("SUMMARIZE_SHARED") or ROOT.parent / "shared")

    def file(relative: str) -> Path:
        path = root / relative
        if not path.is_file():
            pytest.skip(f"shared file {relative} not found in {root} (set SUMMARIZE_SHARED)")
        return path

    return file
