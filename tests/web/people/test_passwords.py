"""The password policy (ADR 30): 12 characters or more, not among the passwords common in
breaches, not like the account's own name, and not easy to guess (zxcvbn, offline)."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from iru.web.people.models import Staff, User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "says"),
    [
        ("aaaaaaaaaaaa", "too easy to guess (repeats like"),
        ("qwertyuiopas", "too easy to guess"),
        ("P@ssw0rd1234", "too easy to guess"),
        ("Borsetshire2024", "too easy to guess"),  # the council's name and a year
        ("short", "too short"),
        ("password1234", "too common"),
        ("irisreed2024!", "too easy to guess"),  # the owner's own name
    ],
)
def test_a_guessable_password_is_refused_with_its_reason(password, says):
    user = User(username="ireed", staff=Staff(given_name="Iris", family_name="Reed"))
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    assert any(says in message for message in refused.value.messages), refused.value.messages


@pytest.mark.parametrize(
    "password",
    ["correct horse battery staple", "a long enough password", "tractor umbrella 7 lilac"],
)
def test_a_strong_password_is_accepted(password):
    validate_password(password, User(username="ireed"))


def test_a_very_long_password_is_checked_quickly_and_accepted():
    validate_password("umbrella tractor lilac " * 200, User(username="ireed"))
