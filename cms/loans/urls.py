from django.urls import path

from . import views

app_name = "loans"

urlpatterns = [
    path("", views.item_list, name="items"),
    path("kist/<id:item_id>/", views.reserve, name="reserve"),
    path("bevestiging/<str:token>/", views.done, name="done"),
    path("reservering/<str:token>/", views.manage, name="manage"),
]
