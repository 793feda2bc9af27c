from django.urls import path

from . import views

app_name = "search_insight"

urlpatterns = []
for slug, name, view in (
    ("top/", "top_queries", views.TopQueriesView),
    ("zonder-resultaat/", "zero_results", views.ZeroResultQueriesView),
    ("niet-geopend/", "unopened", views.UnopenedQueriesView),
    ("klikpositie/", "click_position", views.ClickPositionView),
):
    urlpatterns += [
        path(slug, view.as_view(), name=name),
        path(f"{slug}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]
