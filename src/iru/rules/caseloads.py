"""The IRO Handbook's caseload range.

IRO Handbook (DCSF 2010), paragraph 7.15: a caseload of 50 to 70 looked-after children for a
full-time equivalent IRO "would enable the IRO to provide an effective service". The range is
inclusive and scales with a chair's full-time share; the seed's unit measures its conference
chairs against it too.
"""

from __future__ import annotations

from typing import Final

HANDBOOK_LOW: Final = 50
HANDBOOK_HIGH: Final = 70
