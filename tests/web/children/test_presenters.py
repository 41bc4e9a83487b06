"""How a child is shown: age by FIGURES.md's rule, status tags from the UI kit."""

from __future__ import annotations

from datetime import date

import pytest

from iru.web.children.models import Child
from iru.web.children.presenters import ChildPresenter, child_label, child_name


@pytest.mark.parametrize(
    ("dob", "today", "age"),
    [
        # Seen diverging before the re-cut: the page said 0 where FIGURES.md says 1.
        (date(2016, 2, 29), date(2017, 2, 28), "1"),
        (date(2016, 2, 29), date(2017, 2, 27), "0"),
        (date(2016, 2, 29), date(2020, 2, 28), "3"),
        (date(2016, 2, 29), date(2020, 2, 29), "4"),
        (date(2012, 5, 1), date(2024, 4, 30), "11"),
        (date(2012, 5, 1), date(2024, 5, 1), "12"),
        (date(2024, 6, 4), date(2024, 6, 3), "Not known"),  # not born yet
        (None, date(2024, 6, 3), "Not known"),
    ],
)
def test_the_age_follows_the_rule_of_figures_md(dob, today, age):
    assert ChildPresenter(Child(la_child_id="X", dob=dob), today).age == age


def test_statuses_use_the_ui_kit_s_tags():
    child = Child(la_child_id="X")
    child.looked_after, child.on_plan = True, True  # what `with_status` annotates
    assert ChildPresenter(child, date(2024, 6, 3)).statuses == [
        ("Looked after", "govuk-tag--blue"),
        ("On a plan", "govuk-tag--purple"),
    ]
    assert ChildPresenter(Child(la_child_id="Y"), date(2024, 6, 3)).statuses == [
        ("Not open", "govuk-tag--grey")
    ]


def test_names_and_labels():
    assert child_name(Child(la_child_id="A1")) == "Name not recorded"
    assert child_label(Child(la_child_id="A1", given_name="Kit", family_name="Ash")) == (
        "Kit Ash (A1)"
    )
