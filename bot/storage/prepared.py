"""Hot statements compiled once and, on SQLite, run on the driver's own connection.

Profiling an answer, and the drawing of the next card, showed SQLAlchemy's
per-execution machinery (execution context, parameter and result set-up,
events) costing several times the statement itself on SQLite, where a
statement takes a few microseconds.  The statements every click runs are
therefore compiled once per dialect and executed directly on the sqlite3
connection of the transaction the runner opened, with the very bind and
result processors of their column types (``UtcDateTime``, JSON, dates), so a
row reads back exactly as through ``Connection.execute``.  Errors are wrapped
as SQLAlchemy's, as ``execute`` would.  Anywhere else (PostgreSQL through
asyncpg, SQLite through aiosqlite) the statement goes through
``Connection.execute`` unchanged.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement, Executable

from bot.storage.rows import AnyRow

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    #: For each ? mark in order: the bind's name, the value it has unless the caller gives
    #: one (the statement's own literal, else None) and the bind processor of its type.
    binds: tuple[tuple[str, Any, Processor], ...]
    #: (position, processor) of the result columns whose type converts what SQLite returns.
    results: tuple[tuple[int, Callable[[Any], Any]], ...]
    row: Any  # a namedtuple class: rows read by attribute, as SQLAlchemy's are


class Prepared:
    """One statement (with the columns an INSERT or UPDATE sets, if it sets them by key)."""

    def __init__(self, statement: ClauseElement, column_keys: Sequence[str] | None = None) -> None:
        self.statement = statement
        self._keys = list(column_keys) if column_keys is not None else None
        self._compiled: _Compiled | None = None

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = cast(
            SQLCompiler, self.statement.compile(dialect=dialect, column_keys=self._keys))
        processors: dict[str, Processor] = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect)
            for name, bind in compiled.binds.items()
        }
        defaults = dict(compiled.params)
        columns = list(getattr(self.statement, "exported_columns", ()))
        results = [
            column.type.dialect_impl(dialect).result_processor(dialect, None)
            for column in columns
        ]
        names = [str(column.key) for column in columns]
        return _Compiled(
            sql=compiled.string,
            binds=tuple(
                (name, defaults.get(name), processors.get(name))
                for name in compiled.positiontup or ()
            ),
            results=tuple((i, p) for i, p in enumerate(results) if p is not None),
            row=namedtuple("Row", names, rename=True) if names else tuple,
        )

    def tuples(self, conn: Connection, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Every row as a plain tuple: for queries of many rows read by position."""
        if conn.dialect.driver != "pysqlite":
            result = conn.execute(cast(Executable, self.statement), dict(params))
            return [tuple(row) for row in result] if result.returns_rows else []
        compiled, fetched = self._fetch(conn, params)
        processors = compiled.results
        if not processors:
            return fetched
        return [tuple(_converted(raw, processors)) for raw in fetched]

    def rows(self, conn: Connection, params: Mapping[str, Any]) -> list[AnyRow]:
        """Every row the statement returns (none for a plain INSERT or UPDATE)."""
        if conn.dialect.driver != "pysqlite":
            result = conn.execute(cast(Executable, self.statement), dict(params))
            return list(result.all()) if result.returns_rows else []
        compiled, fetched = self._fetch(conn, params)
        make, processors = compiled.row, compiled.results
        if not processors:
            return [make(*raw) for raw in fetched]
        return [make(*_converted(raw, processors)) for raw in fetched]

    def _fetch(
        self, conn: Connection, params: Mapping[str, Any]
    ) -> tuple[_Compiled, list[tuple[Any, ...]]]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = self._compile(conn.dialect)
        values = []
        for name, default, process in compiled.binds:
            value = params.get(name, default)
            values.append(value if process is None else process(value))
        driver = conn.connection.driver_connection
        assert driver is not None
        try:
            fetched = driver.execute(compiled.sql, values).fetchall()
        except conn.dialect.loaded_dbapi.Error as error:
            raise DBAPIError.instance(
                compiled.sql, values, error, conn.dialect.loaded_dbapi.Error,
                dialect=conn.dialect) from error
        return compiled, fetched

    def first(self, conn: Connection, params: Mapping[str, Any]) -> AnyRow | None:
        found = self.rows(conn, params)
        return found[0] if found else None

    def scalar(self, conn: Connection, params: Mapping[str, Any]) -> Any:
        """The first column of the first row, or None when there is no row."""
        found = self.tuples(conn, params)
        return found[0][0] if found else None

    def run(self, conn: Connection, params: Mapping[str, Any]) -> None:
        self.rows(conn, params)


def _converted(
    raw: tuple[Any, ...], processors: tuple[tuple[int, Callable[[Any], Any]], ...]
) -> list[Any]:
    """A row's values, those of converting types converted (the rest as SQLite gave them)."""
    values = list(raw)
    for i, process in processors:
        values[i] = process(values[i])
    return values
