from django.urls import path

from . import views

app_name = "milestones"

urlpatterns = [
    path("", views.progress, name="progress"),
    path("import/", views.import_upload, name="import"),
    path("import/confirm/", views.import_confirm, name="import_confirm"),
    path("report/", views.report_view, name="report"),
]
