from django.urls import path

from iru.web.rag import views

app_name = "rag"
urlpatterns = [
    path("meetings/<int:meeting_pk>/children/<int:child_pk>/rating/", views.rag_rate, name="rate"),
    path("children/<int:pk>/oversight/", views.oversight_add, name="oversight"),
    path("children/<int:pk>/escalations/new/", views.escalation_raise, name="escalation-raise"),
    path("escalations/<int:pk>/", views.escalation_detail, name="escalation"),
    path("escalations/<int:pk>/advance/", views.escalation_advance, name="escalation-advance"),
    path("escalations/<int:pk>/resolve/", views.escalation_resolve, name="escalation-resolve"),
    path("escalations/<int:pk>/cafcass/", views.escalation_cafcass, name="escalation-cafcass"),
]
