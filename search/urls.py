from django.urls import path

from search_insight.decorators import counts_download

from . import views

app_name = "search"
urlpatterns = [
    path("zoeken/", views.databank_search, name="databank_search"),
    path("download/<id:download_id>/", counts_download(views.download_file), name="download_file"),
    path("kit/<id:page_id>/zip/", counts_download(views.download_kit_zip), name="download_kit_zip"),
]
