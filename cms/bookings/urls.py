from django.urls import path

from . import views

app_name = "bookings"

urlpatterns = [
    path("", views.offering_list, name="offerings"),
    path("tijdslot/<id:slot_id>/", views.book, name="book"),
    path("bevestiging/<str:token>/", views.done, name="done"),
    path("annuleren/<str:token>/", views.cancel, name="cancel"),
    path("annuleren/<str:token>/wijzigen/", views.change, name="change"),
]
