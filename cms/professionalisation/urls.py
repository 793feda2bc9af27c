from django.urls import path

from . import views

app_name = "professionalisation"

urlpatterns = [
    path("", views.ask_link, name="ask_link"),
    path("overzicht/<str:token>/", views.record, name="record"),
    path("overzicht/<str:token>/certificaat-<str:code>.pdf", views.download, name="download"),
    path("overzicht/<str:token>/certificaten.zip", views.download_all, name="download_all"),
    path("school/", views.school_ask_link, name="school_ask_link"),
    path("school/<str:token>/", views.school, name="school"),
    path("certificaat/", views.verify, name="verify_form"),
    path("certificaat/<str:code>/", views.verify, name="verify"),
]
