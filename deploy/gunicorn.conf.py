"""gunicorn settings for the web processes (docs/deployment.md); the same in make prod-smoke and compose.yaml.

Sync workers: every request is short (pages, API, forms); long work goes to the task workers.
Each setting can be overridden on the command line or with GUNICORN_CMD_ARGS.
"""

import gc
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
    """Move everything loaded at start-up out of the garbage collector's sight before forking.

    Django, Wagtail and the URL/template caches are ~1M long-lived objects; without this every full
    collection walks them (a 200 ms pause inside a request, seen in bench/loans.py) and touching their
    reference counts un-shares the forked workers' memory. CPython's advice for pre-fork servers.
    """
    gc.collect()
    gc.freeze()
