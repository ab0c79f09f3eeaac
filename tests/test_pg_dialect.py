"""DuckDB's SQL as PostgreSQL reads it (waspada.pg.dialect) and the tables a replica copies
(waspada.pg.schema): no server needed."""

from __future__ import annotations

import duckdb

from waspada.db import apply_schema
from waspada.pg.database import redacted
from waspada.pg.dialect import ddl, placeholders
from waspada.pg.schema import replicated_tables


def test_placeholders_outside_quoted_text_only():
    assert placeholders("SELECT * FROM t WHERE a = ? AND b = '?' AND c LIKE '%x%'") == \
        "SELECT * FROM t WHERE a = %s AND b = '?' AND c LIKE '%%x%%'"
    assert placeholders("UPDATE u SET n = CASE WHEN n + 1 >= $max THEN 0 END WHERE name = $name") == \
        "UPDATE u SET n = CASE WHEN n + 1 >= %(max)s THEN 0 END WHERE name = %(name)s"
    assert placeholders("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', %s"
    assert placeholders("SELECT a % 2") == "SELECT a %% 2"


def test_ddl_renames_what_postgresql_spells_differently():
    out = ddl("CREATE TABLE t (x DOUBLE, y DOUBLE PRECISION, r VARCHAR[] NOT NULL DEFAULT []);\n"
              "CREATE OR REPLACE VIEW v AS SELECT 1;")
    assert "x DOUBLE PRECISION," in out and "y DOUBLE PRECISION," in out and "DEFAULT '{}'" in out
    assert "DROP VIEW IF EXISTS v CASCADE; CREATE VIEW v AS SELECT 1;" in out


def test_every_table_of_schema_sql_is_replicated():
    """A table another change adds to waspada/schema.sql is on PostgreSQL and in every replica
    without a second list to keep."""
    con = duckdb.connect(":memory:")
    apply_schema(con)
    tables = {name for (name,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()}
    assert set(replicated_tables()) == tables


def test_a_url_is_shown_without_its_password():
    assert redacted("postgresql://waspada:rahasia@db.example:5432/waspada") == \
        "postgresql://waspada:***@db.example:5432/waspada"
    assert redacted("postgresql://waspada@db.example/waspada") == "postgresql://waspada@db.example/waspada"
