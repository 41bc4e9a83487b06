"""Where the shared reference material is: `../shared` beside the checkout (as CI lays it out),
or IRU_SHARED_DIR, or the workplace's /work/shared."""

from __future__ import annotations

import os
from pathlib import Path

_BESIDE = Path(__file__).resolve().parents[1].parent / "shared"
SHARED = Path(
    os.environ.get("IRU_SHARED_DIR") or (_BESIDE if _BESIDE.exists() else Path("/work/shared"))
)
