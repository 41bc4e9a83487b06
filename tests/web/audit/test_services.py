from __future__ import annotations

import pytest

from iru.web.audit.models import AccessEvent, AppendOnlyError
from iru.web.audit.services import access_event_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(django_user_model):
    user = django_user_model.objects.create_user(username="iris", password="x")
    return access_event_record(user=user, action="view_child", outcome="allowed")


def test_an_access_event_cannot_be_changed(event):
    event.action = "nothing to see"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        AccessEvent.objects.filter(pk=event.pk).update(action="x")
    assert AccessEvent.objects.get().action == "view_child"


def test_an_access_event_cannot_be_deleted(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AccessEvent.objects.all().delete()
    assert AccessEvent.objects.count() == 1
