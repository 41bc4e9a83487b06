"""iru: software for a local authority's Independent Reviewing Unit."""
