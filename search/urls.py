from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("zoeken/", views.databank_search, name="databank_search"),
    path("download/<id:download_id>/", views.download_file, name="download_file"),
    path("kit/<id:page_id>/zip/", views.download_kit_zip, name="download_kit_zip"),
]
