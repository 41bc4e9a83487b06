from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "iru.web.inbox"
    label = "inbox"
    verbose_name = "Team managers' inbox"
