"""With REDIS_URL, two server processes share one rate limit: the 21st booking attempt is refused by either.

Runs the production settings under gunicorn (two separate servers, one process each), against
Redis at REDIS_URL (default redis://127.0.0.1:6379/15). The control run without REDIS_URL shows
what the shared cache fixes: each process then counts on its own and lets the 21st attempt through.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable() -> bool:
    parts = urlsplit(REDIS_URL)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=0.5):
            return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not redis_reachable(), reason=f"needs Redis at {REDIS_URL} (set REDIS_URL)"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status(url: str, data: bytes | None = None) -> int:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def two_servers(tmp_path, request):
    """Two gunicorn servers with the production settings; ``request.param`` says whether they get Redis."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": "test-" + uuid.uuid4().hex,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        # The booking API refuses (429) or rejects the empty body (400) before touching the database.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "CACHE_KEY_PREFIX": "test-" + uuid.uuid4().hex,
        "LOG_LEVEL": "ERROR",
    }
    env.pop("REDIS_URL", None)
    if request.param:
        env["REDIS_URL"] = REDIS_URL
    gunicorn = Path(sys.executable).with_name("gunicorn")
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(  # noqa: S603 (our own server)
            [str(gunicorn), "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        deadline = time.monotonic() + 60
        for base in bases:
            while True:
                try:
                    if status(base + "/healthz") == 200:
                        break
                except OSError:
                    pass
                assert time.monotonic() < deadline, "the servers did not start"
                time.sleep(0.2)
        yield bases
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def attempts(bases: list[str], count: int) -> list[int]:
    """``count`` booking attempts from one address, alternating between the servers.

    The limit counts in fixed 10-minute windows; starting right before a window ends would split
    the attempts over two windows, so wait for the new window then.
    """
    if time.time() % 600 > 590:
        time.sleep(600 - time.time() % 600 + 0.5)
    return [status(bases[i % 2] + "/api/v3/bookings/", b"{}") for i in range(count)]


@pytest.mark.parametrize("two_servers", [True], indirect=True, ids=["redis"])
def test_the_21st_booking_attempt_is_refused_whichever_process_answers(two_servers):
    codes = attempts(two_servers, 21)
    assert codes[:20] == [400] * 20  # counted, and rejected only for the empty form
    assert codes[20] == 429
    # ...and the other process refuses too
    assert status(two_servers[0] + "/api/v3/bookings/", b"{}") == 429
    assert status(two_servers[1] + "/api/v3/bookings/", b"{}") == 429


@pytest.mark.parametrize("two_servers", [False], indirect=True, ids=["per-process"])
def test_without_redis_each_process_counts_alone(two_servers):
    assert attempts(two_servers, 21)[20] == 400
