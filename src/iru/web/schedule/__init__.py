"""What statutory meeting each child needs next, and by when (from `iru.rules.timescales`)."""
