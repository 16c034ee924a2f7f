"""summarize.py as it stood at an earlier commit, read from git, to run beside today's."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def source_at(commit: str) -> str | None:
    """summarize.py's text at commit, or None without git (or without that commit)."""
    try:
        return subprocess.run(
            ["git", "show", f"{commit}:summarize.py"], cwd=ROOT, capture_output=True, check=True, text=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def imported(source: str, name: str, folder: Path) -> ModuleType:
    """A module's source, imported under another name (written into folder) beside today's summarize."""
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module
