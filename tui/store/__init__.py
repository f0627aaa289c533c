"""The annotation store: a TinyDB file of annotations, reader corrections and reading positions.

Imports the engine, never Textual.  See :mod:`tui.store.library` for threading notes.

The names below load on first use (PEP 562): importing ``tui.store`` or one of its light
modules (``errors``, ``paths``, ``schema``, ``database_file``, ``precheck``) costs no TinyDB, filelock or rapidfuzz,
which keeps them out of the reader's start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "Correction": "corrections", "Corrections": "corrections", "apply_corrections": "corrections",
    "CorruptDatabase": "errors", "DatabaseBusy": "errors", "InvalidAnnotation": "errors",
    "NewerDatabase": "errors", "ReadOnlyDatabase": "errors", "StoreError": "errors", "UnknownAnnotation": "errors",
    "Library": "library", "document_id": "database_file", "default_db_path": "paths",
    "HIGHLIGHT_NAMES": "records", "Annotation": "records", "Placement": "records",
}

__all__ = list(_WHERE)


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{where}", __name__), name)
    globals()[name] = value  # next time: a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # for type checkers and editors: the same names, eagerly
    from .corrections import Correction, Corrections, apply_corrections
    from .database_file import document_id
    from .errors import (
        CorruptDatabase,
        DatabaseBusy,
        InvalidAnnotation,
        NewerDatabase,
        ReadOnlyDatabase,
        StoreError,
        UnknownAnnotation,
    )
    from .library import Library
    from .paths import default_db_path
    from .records import HIGHLIGHT_NAMES, Annotation, Placement
