"""DuckDB's SQL as PostgreSQL reads it: the one place the two dialects meet.

The accounts code and the schema files are written once, for DuckDB; on PostgreSQL their
statements pass through here: ``?`` and ``$name`` placeholders become psycopg's ``%s`` and
``%(name)s`` (a literal ``%`` is doubled), and DDL types PostgreSQL spells differently are
renamed. The few DuckDB functions the shared SQL calls exist on PostgreSQL as SQL functions
(``COMPAT_FUNCTIONS``), so no statement needs a second spelling.
"""

from __future__ import annotations

import re

# DuckDB functions that shared statements call, defined on PostgreSQL with DuckDB's meaning.
COMPAT_FUNCTIONS = """
CREATE OR REPLACE FUNCTION list_contains(list text[], element text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS 'SELECT element = ANY(list)';
CREATE OR REPLACE FUNCTION contains(haystack text, needle text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS 'SELECT strpos(haystack, needle) > 0';
"""

_NAMED = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def placeholders(sql: str) -> str:
    """``?`` -> ``%s``, ``$name`` -> ``%(name)s``, ``%`` -> ``%%``, outside quoted text."""
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in ("'", '"'):
            end = i + 1
            while end < n:
                if sql[end] == ch:
                    if end + 1 < n and sql[end + 1] == ch:  # doubled quote inside the literal
                        end += 2
                        continue
                    break
                end += 1
            out.append(sql[i:end + 1].replace("%", "%%"))
            i = end + 1
            continue
        if ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        elif ch == "$":
            m = _NAMED.match(sql, i)
            if m:
                out.append(f"%({m.group(1)})s")
                i = m.end()
                continue
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


_TYPE_RENAMES = (
    (re.compile(r"\bDOUBLE\b(?!\s+PRECISION)", re.I), "DOUBLE PRECISION"),
    (re.compile(r"\bDEFAULT\s+\[\]", re.I), "DEFAULT '{}'"),
    # PostgreSQL cannot replace a view whose columns changed: drop it (and the views built on it,
    # which schema.sql creates after it) and create it again.
    (re.compile(r"\bCREATE\s+OR\s+REPLACE\s+VIEW\s+(\w+)", re.I), r"DROP VIEW IF EXISTS \1 CASCADE; CREATE VIEW \1"),
)


def ddl(schema_sql: str) -> str:
    """A DuckDB schema file (waspada/schema.sql, accounts/schema.sql) as PostgreSQL DDL."""
    for pattern, repl in _TYPE_RENAMES:
        schema_sql = pattern.sub(repl, schema_sql)
    return schema_sql
