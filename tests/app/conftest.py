"""Fixtures for the reader's tests: the sample article, a fresh database, a running app.

Snapshot tests (those using ``snap_compare``) are pinned to the Textual release that drew
them: any other version renders slightly differently, so they are skipped there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import textual

SNAPSHOT_TEXTUAL = "8.2.8"
ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if textual.__version__ == SNAPSHOT_TEXTUAL:
        return
    skip = pytest.mark.skip(reason=f"snapshots were drawn with Textual {SNAPSHOT_TEXTUAL}, "
                                   f"this is {textual.__version__}")
    for item in items:
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(skip)


@pytest.fixture
def sample():
    from tui.commands.read import load_sample

    return load_sample()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


@pytest.fixture
def root() -> Path:
    return ROOT
