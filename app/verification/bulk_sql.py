"""Reading and updating many rows at close to the speed of the database driver.

The companion of `app.intake.bulk.bulk_insert`, for the verification run's reads and updates:
SQLAlchemy's Core builds and converts parameters row by row, which cost as much as the rules
themselves on 100,000 orders. Here each column's bind or result processor is looked up once
from the model's column type, so `Money`, `UTCDateTime` and the dialect's own conversions
still apply, and each distinct value is converted once per call (prices, times and codes
repeat). Drivers with named parameter styles fall back to Core statements.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Column, Table, bindparam, select, update
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session

_PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s"}
Processor = Callable[[object], object]


def _convert(rows: Sequence[Sequence], processors: list[Processor | None]) -> list[tuple]:
    """Run each column's processor over `rows`, once per distinct value of that column.

    Column by column rather than row by row: one dictionary look-up per value, no per-row
    lists, which matters on 100,000 rows of a dozen columns.
    """
    steps = [(i, p) for i, p in enumerate(processors) if p is not None]
    if not steps or not rows:
        return [tuple(row) for row in rows]
    columns = list(zip(*rows, strict=True))
    for i, process in steps:
        converted = {value: process(value) for value in set(columns[i])}
        columns[i] = tuple(map(converted.__getitem__, columns[i]))
    return list(zip(*columns, strict=True))


def _bind_processors(columns: list[Column], dialect: Dialect) -> list[Processor | None]:
    return [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]


def _quoted(dialect: Dialect, table: Table, columns: Sequence[Column]) -> tuple[str, list[str]]:
    # Quoted by the dialect: `user` and `at` are reserved words on PostgreSQL.
    quote = dialect.identifier_preparer
    return quote.format_table(table), [quote.format_column(c) for c in columns]


def select_in(
    session: Session,
    table: Table,
    names: Sequence[str],
    key: str,
    keys: Sequence,
    *,
    also: tuple[str, Sequence] | None = None,
    order_by: Sequence[str] = (),
) -> list[tuple]:
    """Rows of `names` whose `key` is one of `keys` (and, with `also`, whose column
    `also[0]` is one of `also[1]`), ordered by `order_by` (else `names[0]`), as Python values."""
    if not keys:
        return []
    connection: Connection = session.connection()
    dialect = connection.dialect
    columns = [table.c[name] for name in names]
    ordering = [table.c[name] for name in order_by] or columns[:1]
    mark = _PLACEHOLDER.get(dialect.paramstyle)
    if mark is None:
        query = select(*columns).where(table.c[key].in_(keys)).order_by(*ordering)
        if also is not None:
            query = query.where(table.c[also[0]].in_(also[1]))
        return [tuple(row) for row in connection.execute(query)]

    table_sql, column_sql = _quoted(dialect, table, [*columns, table.c[key]])
    _, ordering_sql = _quoted(dialect, table, ordering)
    conditions = [f"{column_sql[-1]} IN ({', '.join([mark] * len(keys))})"]
    params = list(keys)
    if also is not None:
        _, (also_sql,) = _quoted(dialect, table, [table.c[also[0]]])
        conditions.append(f"{also_sql} IN ({', '.join([mark] * len(also[1]))})")
        params += list(also[1])
    sql = (
        f"SELECT {', '.join(column_sql[:-1])} FROM {table_sql} "
        f"WHERE {' AND '.join(conditions)} ORDER BY {', '.join(ordering_sql)}"
    )
    bind = _bind_processors([table.c[key]], dialect)[0]
    if bind is not None:
        params[: len(keys)] = [bind(k) for k in keys]
    rows = connection.exec_driver_sql(sql, tuple(params)).fetchall()
    processors = [c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns]
    return _convert(rows, processors)


def update_many(
    session: Session, table: Table, names: Sequence[str], key: str, rows: list[tuple]
) -> None:
    """Set the columns `names` of each row whose `key` is the last value of its tuple."""
    if not rows:
        return
    connection: Connection = session.connection()
    dialect = connection.dialect
    columns = [table.c[name] for name in names]
    mark = _PLACEHOLDER.get(dialect.paramstyle)
    if mark is None:
        statement = (
            update(table)
            .where(table.c[key] == bindparam("_key"))
            .values({c.name: bindparam(c.name, type_=c.type) for c in columns})
        )
        params = [dict(zip([*names, "_key"], row, strict=True)) for row in rows]
        connection.execute(statement, params)
        return

    table_sql, column_sql = _quoted(dialect, table, [*columns, table.c[key]])
    assignments = ", ".join(f"{name} = {mark}" for name in column_sql[:-1])
    sql = f"UPDATE {table_sql} SET {assignments} WHERE {column_sql[-1]} = {mark}"
    processors = _bind_processors([*columns, table.c[key]], dialect)
    connection.exec_driver_sql(sql, _convert(rows, processors))
