"""What can go wrong with the annotation database, as reader-facing one-line messages."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: ``str(err)`` is one line meant for the reader."""


class CorruptDatabase(StoreError):
    """The file is not a quotelens database (bad JSON, wrong shape, junk).  It is left untouched."""


class NewerDatabase(StoreError):
    """The file was written by a newer quotelens; this version will not touch it."""


class InvalidAnnotation(StoreError, ValueError):
    """A caller asked for something impossible: a bad range, an unknown colour, an empty name."""


class UnknownAnnotation(StoreError, LookupError):
    """No annotation has this id (it was deleted, perhaps by another quotelens)."""


class DatabaseBusy(StoreError):
    """Another process held the database lock for too long."""


class ReadOnlyDatabase(StoreError):
    """The database file (or its folder) is read-only: it can be listed, never changed."""
