"""Settings of the office running Waspada: which database, which province is home.

The database path comes from the environment variable ``WASPADA_DB`` when set (tests and
deployments point the app at another file), else ``data/waspada.duckdb``. The office's
own province comes from ``waspada.toml`` ([kantor] provinsi = "65").

A national deployment names its PostgreSQL system of record in ``WASPADA_DATABASE_URL`` or
``[database] url`` of waspada.toml (``database_url()``, the one place that choice is read);
without it everything stays in the embedded DuckDB files. With it, ``WASPADA_DB`` is the
replica's local DuckDB copy that pages read (docs/deployment.md, part 2).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from waspada import reference
from waspada.i18n import Message, MessageError, msg
from waspada.paths import CONFIG_PATH, DEFAULT_DB_PATH

DB_ENV_VAR = "WASPADA_DB"
DATABASE_URL_ENV_VAR = "WASPADA_DATABASE_URL"
CONFIG_ENV_VAR = "WASPADA_CONFIG"
FALLBACK_PROVINCE = "65"


@dataclass(frozen=True)
class OfficeSettings:
    province: str = FALLBACK_PROVINCE
    office_name: str = ""
    problem: Message | None = None  # set when waspada.toml could not be used as written (render(lang))


def db_path() -> Path:
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB_PATH)


def database_url(path: Path | None = None) -> str | None:
    """The PostgreSQL system of record (``postgresql://...``), or None for the embedded
    DuckDB files (the default). The environment variable wins over waspada.toml."""
    url = (os.environ.get(DATABASE_URL_ENV_VAR) or "").strip()
    if not url:
        url = str(read_section("database", path).get("url", "") or "").strip()
    if not url:
        return None
    if not url.startswith(("postgresql://", "postgres://")):
        raise ConfigUnreadable("config_database_url_bad", file=(path or config_path()).name)
    return url


def config_path() -> Path:
    return Path(os.environ.get(CONFIG_ENV_VAR) or CONFIG_PATH)


class ConfigUnreadable(MessageError, ValueError):
    """waspada.toml exists but is not valid TOML (``message``: rendered in the reader's
    language; ``str(error)`` is Indonesian)."""


def read_section(section: str, path: Path | None = None) -> dict:
    """One [section] of waspada.toml ({} when the file or the section is missing); every
    module that has settings there reads them through here. Raises ConfigUnreadable."""
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigUnreadable("config_unreadable", file=path.name, error=str(exc)) from exc
    return data.get(section, {}) or {}


def load_settings(path: Path | None = None) -> OfficeSettings:
    """Read [kantor] from waspada.toml; a missing file or unknown province falls back to 65."""
    path = path or config_path()
    try:
        kantor = read_section("kantor", path)
    except ConfigUnreadable as exc:
        return OfficeSettings(problem=exc.message)
    province = str(kantor.get("provinsi", FALLBACK_PROVINCE)).strip()
    name = str(kantor.get("nama", "")).strip()
    provinces = set(reference.regions().query("level == 'provinsi'")["code"])
    if province not in provinces:
        return OfficeSettings(
            office_name=name,
            problem=msg("config_unknown_province", file=path.name, province=province, fallback=FALLBACK_PROVINCE),
        )
    return OfficeSettings(province=province, office_name=name)
