"""`make bench`: measurements, each against a baseline taken in the same run."""
