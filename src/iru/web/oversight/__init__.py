"""The chair's oversight of a child's case between meetings."""
