"""Writes of the reports domain: narrative, benchmarks, publication."""
