from django.urls import path

from iru.web.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.history, name="history"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.run_detail, name="run"),
]
