"""What happens to an account, for the apps above people to act on (the access log records
it: `iru.web.audit.receivers`), without people depending on them."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with `user` once their own password has been changed (`services.user_password_change`).
password_changed = Signal()
