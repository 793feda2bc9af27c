from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path, register_converter
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.errors import not_found as api_not_found
from cms.converters import DatabaseIdConverter

register_converter(DatabaseIdConverter, "id")

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api.urls),
    re_path(r"^api/v3/", api_not_found),
    path("sitemap.xml", sitemap),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("databank/", include("search.urls")),
    path("boeken/", include("cms.bookings.urls")),
    path("uitlenen/", include("cms.loans.urls")),
    path("", include("cms.newsletters.urls")),
    path("lesmateriaal-delen/", include("cms.editorial.urls")),
    path("evenementen/", include("cms.events.urls")),
    path("professionalisering/", include("cms.professionalisation.urls")),
    path("menukaart/", include("cms.partners.urls")),
    path("oai/", include("cms.oai.urls")),
    path("evaluatie/", include("cms.evaluations.urls")),
    path("dekking/", include("cms.milestones.public_urls")),
    path("", include("cms.branding.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
