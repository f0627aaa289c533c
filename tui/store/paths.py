"""Where the database lives: ``--db`` beats ``$QUOTELENS_DB`` beats the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "QUOTELENS_DB"
FILE_NAME = "quotelens.json"


def default_db_path(cli_value: str | None = None) -> Path:
    """The database path: the ``--db`` value, else ``$QUOTELENS_DB``, else
    ``platformdirs.user_data_dir("quotelens")/quotelens.json``.  ``~`` is expanded.

    An empty ``--db`` (``--db ""``, or a variable that expanded to nothing) is refused with
    :class:`~tui.store.errors.StoreError`: it never falls back to the user's real database."""
    if cli_value is not None and not cli_value.strip():
        from .errors import StoreError

        raise StoreError('--db needs a file name (it was empty); leave --db out for the default database')
    value = cli_value or os.environ.get(ENV_VAR)
    if value:
        return Path(value).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("quotelens", appauthor=False)) / FILE_NAME
