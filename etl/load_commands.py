"""load-incidents, load-kpu, load-ikp, load-violations (owned by the ingest work)."""


def register(sub, default_db: str) -> None:
    """Add the load-* subcommands to the etl parser."""
