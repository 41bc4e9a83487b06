from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "iru.web.pages"
    label = "pages"
    verbose_name = "The roles' pages"
