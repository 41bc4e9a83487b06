from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "iru.web.meetings"
    label = "meetings"
    verbose_name = "Reviews and conferences"
