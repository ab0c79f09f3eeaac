"""`python -m etl`: build the Waspada database and load files into it."""
