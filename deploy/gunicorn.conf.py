"""gunicorn settings for the web processes (docs/deployment.md); the same in make prod-smoke and compose.yaml.

Sync workers: every request is short (pages, API, forms); long work goes to the task workers.
Each setting can be overridden on the command line or with GUNICORN_CMD_ARGS.
"""

import gc
import logging
import os

wsgi_app = "cms.wsgi:application"
bind = os.environ.get("WEB_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "sync"
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Load the project once in the master and fork it: workers start faster and share its memory.
preload_app = True
# Recycle a process now and then so slow leaks never build up; jitter keeps them from restarting together.
max_requests = 2000
max_requests_jitter = 200
# Requests are logged by cms.health (one JSON line each, with the request id); gunicorn logs only errors.
accesslog = None
errorlog = "-"
loglevel = "info"
# The TLS proxy in front sets X-Forwarded-Proto; only trust it from the proxy's addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Heartbeat files on a tmpfs (gunicorn's advice for containers, where /tmp may be a slow overlay).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108


def when_ready(server):
    """Warm the databank search's caches, then move everything loaded at start-up out of the
    garbage collector's sight before forking.

    The search's facet bitmaps and spelling vocabulary are built once here, in the master, so no
    worker builds them in a visitor's first search (5-21 s at 50,000 kits); the database
    connection that read them is closed before forking (a forked worker must never share it).

    Django, Wagtail and the URL/template caches are ~1M long-lived objects; without this every full
    collection walks them (a 200 ms pause inside a request, seen in bench/loans.py) and touching their
    reference counts un-shares the forked workers' memory. CPython's advice for pre-fork servers.
    """
    # Imported here, not at the top: gunicorn reads this file before it loads the Django project.
    from django.db import connections  # noqa: PLC0415

    from search.services import warm_up  # noqa: PLC0415

    try:
        warm_up()
    except Exception:  # e.g. not migrated yet: the first search builds them instead
        logging.getLogger("gunicorn.error").warning("Could not warm the search caches", exc_info=True)
    finally:
        connections.close_all()
    gc.collect()
    gc.freeze()
