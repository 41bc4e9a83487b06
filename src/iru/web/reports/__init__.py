"""The unit's reports: the annual report's narrative and benchmarks, and published reports."""
