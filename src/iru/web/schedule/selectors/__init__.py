"""Reads of what is due: each child's next statutory meeting (`due`), the unit's schedule
(`unit`) and a chair's caseload by due date (`caseload`)."""
