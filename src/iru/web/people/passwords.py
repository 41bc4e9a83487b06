"""How hard a password is to guess, offline (ADR 30).

Django's own validators check the length (12 or more) and a list of 20,000 passwords common in
breaches. Neither refuses `aaaaaaaaaaaa`, `qwertyuiopas` or the council's name and a year:
zxcvbn estimates how many guesses a password would take (dictionaries of common passwords,
names and words, keyboard patterns, repeats, sequences, dates), with no network, and a
password it scores below 3 of 4 ("safely unguessable: moderate protection from an offline
slow-hash scenario") is refused with its reason.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from zxcvbn import zxcvbn  # type: ignore[import-untyped]  # ships no types

# zxcvbn's time grows quickly with length; a password this long is long enough, and what
# follows its first characters only makes it harder to guess.
CHECKED_LENGTH = 64
MINIMUM_SCORE = 3


class GuessablePasswordValidator:
    """Refuses a password zxcvbn scores below `min_score`, with zxcvbn's reason."""

    def __init__(self, min_score: int = MINIMUM_SCORE) -> None:
        self.min_score = min_score

    def validate(self, password: str, user: Any = None) -> None:
        result = zxcvbn(password[:CHECKED_LENGTH], user_inputs=_known_words(user))
        if result["score"] >= self.min_score:
            return
        warning = str(result["feedback"].get("warning") or "").rstrip(".")
        reason = f" ({warning[0].lower()}{warning[1:]})" if warning else ""
        raise ValidationError(
            f"This password is too easy to guess{reason}. Use three or four words that are "
            "not a phrase, or a longer password",
            code="password_too_guessable",
        )

    def get_help_text(self) -> str:
        return "Your password must not be easy to guess: three or four unrelated words work well."


def _known_words(user: Any) -> list[str]:
    """What an attacker knows about the account: its name, its owner's, the council's."""
    words = [
        settings.IRU_COUNCIL_NAME,
        *settings.IRU_COUNCIL_NAME.split(),
        "iru",
        "independent reviewing",
    ]
    if user is not None:
        words.append(str(getattr(user, "username", "") or ""))
        staff = getattr(user, "staff", None)
        if staff is not None:
            given, family = str(staff.given_name), str(staff.family_name)
            words += [given, family, f"{given}{family}", f"{given[:1]}{family}"]
    return [word for word in words if word]
