from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "iru.web.people"
    label = "people"
    verbose_name = "Teams, staff and users"
