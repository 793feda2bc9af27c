# The web, worker and cron image (docs/deployment.md). The same commands as `make prod-smoke`:
# gunicorn with deploy/gunicorn.conf.py, `manage.py db_worker`, `manage.py migrate`/`collectstatic`.
# Not built on the development machines (no Docker engine, no base image to pull there); see the docs.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    STATIC_ROOT=/app/static \
    MEDIA_ROOT=/data/media

# gettext for compilemessages is not needed at run time: the .mo files are committed.
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin cms \
    && mkdir -p /app /data/media \
    && chown cms /data/media

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .
# Hashed, compressed static files in the image; whitenoise serves them with far-future cache headers.
# collectstatic needs no database or secrets, only importable settings.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput -v0

USER cms
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py"]
