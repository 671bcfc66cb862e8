"""The type of a result row whose columns the query's docstring names."""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import Row

#: A row of any columns, read by attribute (``row.due``) or unpacked.
AnyRow: TypeAlias = Row[*tuple[Any, ...]]
