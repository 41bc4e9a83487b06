from django.urls import path

from iru.web.children import views

app_name = "children"
urlpatterns = [
    path("", views.child_list, name="list"),
    path("mine/", views.my_children, name="mine"),
    path("<int:pk>/", views.child_detail, name="detail"),
]
