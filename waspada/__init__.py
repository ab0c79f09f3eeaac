"""Waspada's domain package: database access, reference data, incident parsing, the risk
model and the queries that pages call. It never imports Streamlit."""
