from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("<id:event_id>/aanmelden/", views.register, name="register"),
    path("annuleren/<str:token>/", views.cancel, name="cancel"),
    path("challenge/<id:challenge_id>/team-aanmelden/", views.register_team, name="register_team"),
    path("agenda/<slug:region_slug>.ics", views.region_calendar, name="region_calendar"),
    path("<id:event_id>/agenda.ics", views.event_calendar, name="event_calendar"),
]
