"""Loading files people send (incident logs, KPU figures, IKP scores, violation counts).

    report = parse_incident_file(path, db=db)   # reads and validates, writes nothing
    result = store_incidents(db, report, path, uploaded_by="nama")   # one transaction

The domain package: no streamlit here; the CLI (etl.load_commands) and the upload page
call the same functions.
"""

from waspada.ingest.errors import IngestFileError, MissingColumns, NoHeaderRow, UnreadableFile
from waspada.ingest.incidents import INCIDENT_COLUMNS, TEMPLATE_COLUMNS, parse_incident_file
from waspada.ingest.report import ParseReport
from waspada.ingest.store import StoreResult, store_incidents, uploads_dir_for

IncidentParseReport = ParseReport

__all__ = [
    "INCIDENT_COLUMNS", "TEMPLATE_COLUMNS", "IncidentParseReport", "IngestFileError", "MissingColumns",
    "NoHeaderRow", "ParseReport", "StoreResult", "UnreadableFile", "parse_incident_file", "store_incidents",
    "uploads_dir_for",
]
