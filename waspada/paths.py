"""Where things are. Every path the project uses is derived here."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
BOUNDARIES_DIR = DATA_DIR / "boundaries"
TAXONOMY_DIR = DATA_DIR / "taxonomy"
GENERATED_DIR = DATA_DIR / "generated"
TEMPLATES_DIR = DATA_DIR / "templates"
UPLOADS_DIR = DATA_DIR / "uploads"
DEFAULT_DB_PATH = DATA_DIR / "waspada.duckdb"
CONFIG_PATH = ROOT / "waspada.toml"
