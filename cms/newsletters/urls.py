from django.urls import path

from . import feeds, views

app_name = "newsletters"

urlpatterns = [
    path("nieuwsbrief/aanmelden/", views.subscribe, name="subscribe"),
    path("nieuwsbrief/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("nieuwsbrief/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("nieuwsbrief/voorkeuren/<str:token>/", views.preferences, name="preferences"),
    path("nieuwsbrief/klik/<str:token>/", views.click, name="click"),
    path("feeds/nieuws/rss/", feeds.NewsRssFeed(), name="news_rss"),
    path("feeds/nieuws/atom/", feeds.NewsAtomFeed(), name="news_atom"),
]
