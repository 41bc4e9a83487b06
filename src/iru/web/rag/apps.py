from django.apps import AppConfig


class RagConfig(AppConfig):
    name = "iru.web.rag"
    label = "rag"
    verbose_name = "RAG ratings and dispute resolution"
