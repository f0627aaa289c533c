"""The annotation store: a TinyDB file of annotations, reader corrections and reading positions.

Imports the engine, never Textual.  See :mod:`tui.store.library` for threading notes.
"""

from .corrections import Correction, Corrections, apply_corrections
from .errors import (CorruptDatabase, DatabaseBusy, InvalidAnnotation, NewerDatabase, StoreError,
                     UnknownAnnotation)
from .library import Library, document_id
from .paths import default_db_path
from .records import HIGHLIGHT_NAMES, Annotation, Placement

__all__ = [
    "Library", "Annotation", "Placement", "Corrections", "Correction", "StoreError", "CorruptDatabase",
    "NewerDatabase", "InvalidAnnotation", "UnknownAnnotation", "DatabaseBusy", "default_db_path",
    "apply_corrections", "HIGHLIGHT_NAMES", "document_id",
]
