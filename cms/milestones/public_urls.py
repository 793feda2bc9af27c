from django.urls import path

from . import coverage_views

app_name = "coverage"

urlpatterns = [
    path("<str:token>/", coverage_views.school_public, name="school"),
    path("<str:token>/pdf/", coverage_views.school_public_pdf, name="school_pdf"),
]
