"""Where a GOV.UK error summary's link for a field should land.

Django (4.0 on) gives radios, checkboxes and multi-part widgets such as the date input no
`id_for_label`, so a summary built from it links to "#": the link goes nowhere. It must land
on the field's first input instead.
"""

from __future__ import annotations

from django import forms


def error_anchor(field: forms.BoundField) -> str:
    """The id of the input a link to `field` should move focus to."""
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.MultiWidget):
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id
