"""PostgreSQL as the system of record of a national deployment (issue 16, docs/deployment.md
part 2). Nothing here is imported unless ``waspada.settings.database_url()`` names a server:
the embedded DuckDB files stay the default.

* ``database``: ``PgDatabase``, the interface of ``waspada.db.Database`` on PostgreSQL;
* ``dialect``: DuckDB's SQL as PostgreSQL reads it (placeholders, DDL types);
* ``schema``: the PostgreSQL schema, derived from the DuckDB schema files, with change ids;
* ``replica``: a replica's local DuckDB copy, written through to PostgreSQL and refreshed
  from it by change id;
* ``migrate``: an office's DuckDB installation moved into PostgreSQL;
* ``local_server``: a PostgreSQL in a folder of its own (tests, `make cluster`).
"""

from __future__ import annotations

from waspada.pg.database import PgCursor, PgDatabase


def accounts_database(url: str) -> PgDatabase:
    """The accounts tables (waspada/accounts/schema.sql) on PostgreSQL."""
    from waspada.accounts.store import ACCOUNTS_SCHEMA_PATH

    return PgDatabase(url, ACCOUNTS_SCHEMA_PATH, "accounts")


__all__ = ["PgCursor", "PgDatabase", "accounts_database"]
