"""Template filters for GOV.UK Frontend forms."""

from __future__ import annotations

from django import forms, template

from iru.web.core.govuk import error_anchor as _error_anchor

register = template.Library()


@register.filter
def error_anchor(field: forms.BoundField) -> str:
    """`{{ field|error_anchor }}`: the id the error summary links to for `field`."""
    return _error_anchor(field)
