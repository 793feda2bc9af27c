from django.urls import path

from . import coverage_views, views

app_name = "milestones"

urlpatterns = [
    path("", views.progress, name="progress"),
    path("import/", views.import_upload, name="import"),
    path("import/confirm/", views.import_confirm, name="import_confirm"),
    path("report/", views.report_view, name="report"),
    path("coverage/", coverage_views.region_matrix, name="coverage"),
    path("coverage/<int:school_id>/", coverage_views.school_admin, name="coverage_school"),
]
