from django.urls import path

from . import views

app_name = "editorial"

urlpatterns = [
    path("", views.contribute, name="contribute"),
    path("bedankt/", views.contribute_thanks, name="contribute_thanks"),
]
