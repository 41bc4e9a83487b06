from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "iru.web.disputes"
    label = "disputes"
    verbose_name = "Dispute resolution: RAG ratings, responses and escalations"
