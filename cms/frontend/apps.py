from django.apps import AppConfig


class FrontendConfig(AppConfig):
    """The project-level templates (``base.html``, ``includes/``, error pages), static files and Dutch
    catalogue, as an app for projects that install the wheel.

    In this repository they stay at ``templates/``, ``static_src/`` and ``locale/`` (settings
    ``DIRS``, ``STATICFILES_DIRS``, ``LOCALE_PATHS``); the wheel's build (setup.py) copies them into
    this package, so this project does not list the app. No models, so no name to show in the admin.
    """

    name = "cms.frontend"
    label = "frontend"
