"""Bench-only settings for ``bench/bookings.py --server gunicorn``: production settings, one change.

The booking rate limit (per client address) is raised far above what the bench sends, so the figure
measures bookings, not 429 answers: every bench client comes from 127.0.0.1. The limit stays switched
on, so its cache round trip (Redis) is part of every measured request. Never use this in a deployment.
"""

from cms.settings.production import *  # noqa: F403

RATE_LIMITS = {**RATE_LIMITS, "bookings": (1_000_000, 60)}  # noqa: F405
