from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "iru.web.children"
    label = "children"
    verbose_name = "Children and their statutory records"
