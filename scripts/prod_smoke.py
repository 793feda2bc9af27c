"""Production smoke run: the deployment of docs/deployment.md on this machine, exercised over HTTP.

    .venv/bin/python scripts/prod_smoke.py          (or: make prod-smoke)

1. creates a throwaway PostgreSQL database and a Redis key prefix of its own;
2. ``migrate``, ``collectstatic`` (hashed and compressed, served by whitenoise), ``seed_demo``, one
   admin account and 100 confirmed newsletter subscribers;
3. starts gunicorn (``WEB_PROCESSES``, default 3) and two ``db_worker`` processes with
   ``cms.settings.production`` against PostgreSQL, Redis and an SMTP sink (aiosmtpd on loopback);
4. over HTTP: one page of every public page kind on both region sites, the databank search, the
   feeds, sitemap, OAI-PMH and the API, a booking whose confirmation mail reaches the SMTP sink, a
   newsletter to the 100 subscribers (sent by the workers), an admin login, a far-future cached
   static file, /healthz and /readyz;
5. fails on any 5xx answer or any error line in the servers' logs, and always stops every process
   it started, drops the database and removes its Redis keys (also after a failure or Ctrl-C).

Environment: PROD_SMOKE_PG_URL (an existing database to connect to for CREATE/DROP DATABASE,
default postgres://postgres:postgres@127.0.0.1:5432/postgres), REDIS_URL (default
redis://127.0.0.1:6379/0), WEB_PROCESSES (default 3).
"""

from __future__ import annotations

import argparse
import email
import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from email import policy
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
PG_URL = os.environ.get("PROD_SMOKE_PG_URL", "postgres://postgres:postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
WEB_PROCESSES = int(os.environ.get("WEB_PROCESSES", "3"))
SUBSCRIBERS = 100
HOSTS = ["localhost", "goal.localhost"]  # the two demo region sites (cms/demo)
STARTED = time.monotonic()


def say(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f}s] {message}", flush=True)


class SmokeFailure(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- inside Django (run as a subprocess with the production settings) ---------------------------


def django_setup_data() -> None:
    """Demo content, an admin account and SUBSCRIBERS active subscribers of the demo newsletter's audience."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from cms.newsletters.models import NewsletterPage, Subscriber
    from cms.snippets.models import School

    call_command("seed_demo", "--no-accounts", verbosity=0)
    password = secrets.token_urlsafe(16)
    get_user_model().objects.create_superuser("smoke-beheer", "beheer@example.org", password)
    newsletter = NewsletterPage.objects.live().order_by("pk").first()
    segments = list(newsletter.segments.all())
    for i in range(SUBSCRIBERS):
        subscriber = Subscriber.objects.create(
            email=f"leerkracht{i}@school.example",
            name=f"Leerkracht {i}",
            status=Subscriber.Status.ACTIVE,
            region=newsletter.region,
            source=Subscriber.Source.IMPORT,
        )
        subscriber.segments.set(segments)
    school = School.objects.order_by("pk").first()
    print(json.dumps({"password": password, "newsletter": newsletter.pk, "school": school.pk}))


def django_send_newsletter(newsletter_id: int) -> None:
    """What the editor's "send" button does: schedule the send; the task workers do the sending."""
    import django

    django.setup()
    from cms.newsletters import services
    from cms.newsletters.models import NewsletterPage

    services.schedule_send(NewsletterPage.objects.get(pk=newsletter_id))


# --- around Django ------------------------------------------------------------------------------


class SMTPSink:
    """aiosmtpd on loopback, keeping (recipients, message) of every mail."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
                message = email.message_from_bytes(envelope.content, policy=policy.default)
                sink.messages.append((list(envelope.rcpt_tos), message))
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def recipients(self) -> list[str]:
        return [rcpt for rcpts, _ in self.messages for rcpt in rcpts]

    def stop(self) -> None:
        self.controller.stop()


class Client:
    """HTTP/1.1 to the local server as a browser behind the TLS proxy would talk (X-Forwarded-Proto: https)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.log: list[tuple[str, str, int]] = []

    def request(
        self,
        method: str,
        path: str,
        *,
        host: str = "localhost",
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        all_headers = {
            "Host": host,
            "X-Forwarded-Proto": "https",
            "Accept-Language": "nl",
            "Accept-Encoding": "gzip, br",
            **(headers or {}),
        }
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            data = response.read()
            for header in response.msg.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            result = response.status, {k.lower(): v for k, v in response.getheaders()}, data
        finally:
            connection.close()
        self.log.append((method, f"{host}{path}", result[0]))
        check(result[0] < 500, f"{method} {host}{path} answered {result[0]}: {data[:500]!r}")
        return result

    def get(self, path: str, *, host: str = "localhost", expect: int | None = 200, **kwargs):
        status, headers, data = self.request("GET", path, host=host, headers=kwargs.get("headers"))
        if expect is not None:
            check(status == expect, f"GET {host}{path}: {status}, expected {expect}")
        return status, headers, data

    def get_json(self, path: str, *, host: str = "localhost"):
        _, _, data = self.get(path, host=host, headers={"Accept-Encoding": "identity"})
        return json.loads(data)


def wait_for(condition, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        check(time.monotonic() < deadline, f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.3)


class Deployment:
    """The processes of the topology; ``stop`` ends every one of them (and only them)."""

    def __init__(self, env: dict[str, str], logdir: Path) -> None:
        self.env = env
        self.logdir = logdir
        self.processes: list[tuple[str, subprocess.Popen]] = []

    def manage(self, *args: str) -> str:
        result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        check(result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def run_here(self, *args: str) -> str:
        result = subprocess.run(  # noqa: S603 (this script)
            [PYTHON, __file__, *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        check(result.returncode == 0, f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def start(self, name: str, command: list[str]) -> None:
        with open(self.logdir / f"{name}.log", "wb") as log:  # the child keeps its own copy of the handle
            process = subprocess.Popen(  # noqa: S603 (gunicorn and manage.py from this venv)
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.processes.append((name, process))

    def logs(self) -> dict[str, str]:
        return {p.stem: p.read_text(errors="replace") for p in sorted(self.logdir.glob("*.log"))}

    def stop(self) -> None:
        for _, process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for name, process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                say(f"{name} did not stop on SIGTERM; killing it")
                process.kill()
                process.wait()


def admin_sql(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as connection:
        connection.execute(sql)


def drop_redis_keys(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


def smoke(client: Client, data: dict, sink: SMTPSink, deployment: Deployment) -> None:
    say("probes")
    check(client.get_json("/healthz") == {"status": "ok"}, "/healthz")
    ready = client.get_json("/readyz")
    check(ready["status"] == "ok", f"/readyz not ready: {ready}")
    check(ready["checks"]["cache"]["detail"] == "RedisCache", f"the cache is not Redis: {ready}")
    check(ready["checks"]["database"]["detail"] == "postgresql", f"the database is not PostgreSQL: {ready}")

    say("every public page kind, on both region sites")
    kinds: dict[str, tuple[str, str]] = {}
    pages = 0
    for site in HOSTS:
        offset = 0
        while True:
            listing = client.get_json(f"/api/v3/pages/?limit=100&offset={offset}", host=site)
            for item in listing["items"]:
                url = urlsplit(item["meta"]["html_url"])
                kinds.setdefault(item["meta"]["type"], (url.hostname, url.path))
            offset += len(listing["items"])
            if not listing["items"] or offset >= listing["count"]:
                break
        pages += offset
    check(len(kinds) >= 10, f"only {len(kinds)} page kinds found: {sorted(kinds)}")
    for host, path in sorted(kinds.values()):
        client.get(path, host=host)
    for host in HOSTS:
        client.get("/", host=host)
    say(f"  {len(kinds)} page kinds of {pages} pages: {', '.join(sorted(kinds))}")

    say("databank search, forms, feeds, sitemap, OAI-PMH, a document, static files")
    _, _, page = client.get("/databank/zoeken/?" + urlencode({"q": "robot"}))
    check(b"robot" in page.lower(), "the databank search shows no result for 'robot'")
    client.get("/databank/zoeken/?" + urlencode({"q": "water", "page": "2"}), expect=None)
    for path in [
        "/sitemap.xml",
        "/robots.txt",
        "/feeds/nieuws/rss/",
        "/oai/?verb=Identify",
        "/boeken/",
        "/nieuwsbrief/aanmelden/",
        "/lesmateriaal-delen/",
        "/menukaart/",
    ]:
        client.get(path)
    document = client.get_json("/api/v3/documents/?limit=1")["items"][0]
    _, headers, _ = client.get(urlsplit(document["meta"]["download_url"]).path)
    check(
        headers.get("content-disposition", "").startswith("attachment"),
        f"document not an attachment: {headers}",
    )
    _, _, home = client.get("/")
    static = re.search(rb'(/static/[^"\']+\.[0-9a-f]{12}\.css)', home)
    check(static is not None, "the home page links no hashed stylesheet")
    _, headers, _ = client.get(static.group(1).decode())
    check("max-age=315360000" in headers.get("cache-control", ""), f"static cache headers: {headers}")
    check(headers.get("content-encoding") in {"gzip", "br"}, f"static file not compressed: {headers}")

    say("a booking, its confirmation mail at the SMTP sink")
    offerings = client.get_json("/api/v3/bookings/offerings/?limit=100")["items"]
    offering, slot = next(
        ((o, s) for o in offerings for s in o["slots"] if not s["is_full"] and (s["classes_left"] or 1) > 0),
        (None, None),
    )
    check(slot is not None, "no bookable slot in the demo data")
    # A group the lesson is meant for: "po groep 5/6" -> 5 (a lesson naming no group takes any).
    groups = [re.search(r"groep (\d)", term["name"].lower()) for term in offering["target_groups"]]
    group = next((int(found[1]) for found in groups if found), 7)
    client.get(f"/boeken/tijdslot/{slot['id']}/")  # the booking form a teacher fills in
    teacher = f"juf-{uuid.uuid4().hex[:8]}@school.example"
    booking = {
        "slot": slot["id"],
        "school_id": data["school"],
        "contact_name": "Juf Smoke",
        "email": teacher,
        "group": group,
        "pupils": 20,
        "privacy_consent": True,
    }
    status, _, body = client.request(
        "POST",
        "/api/v3/bookings/",
        body=json.dumps(booking).encode(),
        headers={"Content-Type": "application/json", "Accept-Encoding": "identity"},
    )
    check(status == 201, f"booking: {status} {body[:500]!r}")
    wait_for(lambda: teacher in sink.recipients(), "the booking confirmation mail", 60)

    say(f"a newsletter to {SUBSCRIBERS} subscribers, sent by the workers")
    before = len(sink.messages)
    deployment.run_here("--send-newsletter", str(data["newsletter"]))

    def newsletter_arrived() -> bool:
        return sum(1 for r in sink.recipients() if r.startswith("leerkracht")) >= SUBSCRIBERS

    wait_for(newsletter_arrived, f"{SUBSCRIBERS} newsletter mails", 120)
    check(len(sink.messages) - before >= SUBSCRIBERS, "fewer newsletter mails than subscribers")
    unsubscribe = [m for rcpts, m in sink.messages if rcpts[0].startswith("leerkracht")][0]
    check("List-Unsubscribe" in unsubscribe, "newsletter mail without List-Unsubscribe")

    say("admin login")
    _, _, form = client.get("/admin/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    check(token is not None, "no CSRF token on the admin login page")
    origin = "https://localhost"
    status, headers, _ = client.request(
        "POST",
        "/admin/login/",
        body=urlencode(
            {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "username": "smoke-beheer",
                "password": data["password"],
                "next": "/admin/",
            }
        ).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
            "Referer": f"{origin}/admin/login/",
        },
    )
    check(status == 302 and "/admin/login/" not in headers.get("location", ""), f"admin login: {status}")
    status, headers, _ = client.request("GET", "/admin/")
    check(status in (200, 302) and "/admin/login/" not in headers.get("location", ""), "admin after login")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--setup-data", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--send-newsletter", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup_data or args.send_newsletter:
        sys.path.insert(0, str(ROOT))  # this file runs from scripts/; Django's project is one level up
    if args.setup_data:
        django_setup_data()
        return 0
    if args.send_newsletter:
        django_send_newsletter(args.send_newsletter)
        return 0

    # A SIGTERM (a CI timeout, kill) ends the run through the cleanup below, like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    name = f"prod_smoke_{os.getpid()}"
    prefix = f"smoke-{uuid.uuid4().hex[:12]}"
    workdir = Path(tempfile.mkdtemp(prefix="prod-smoke-"))
    (workdir / "logs").mkdir()
    port = free_port()
    sink = SMTPSink()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": ",".join([*HOSTS, "127.0.0.1"]),
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # the proxy's job; the client sends X-Forwarded-Proto: https
        "DATABASE_URL": f"{PG_URL.rsplit('/', 1)[0]}/{name}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "WAGTAILADMIN_BASE_URL": "https://localhost",
        "LOG_FORMAT": "json",
    }
    env.pop("ELASTICSEARCH_URL", None)  # no Elasticsearch here: the databank answers from PostgreSQL
    deployment = Deployment(env, workdir / "logs")
    created = False
    try:
        say(f"database {name}, Redis prefix {prefix}, SMTP sink on port {sink.port}")
        admin_sql(f'CREATE DATABASE "{name}"')
        created = True
        say("migrate, collectstatic")
        deployment.manage("migrate", "--noinput", "-v0")
        deployment.manage("collectstatic", "--noinput", "-v0")
        check(any((workdir / "static").rglob("*.css.gz")), "collectstatic wrote no compressed files")
        say("seed_demo, admin account, subscribers")
        data = json.loads(deployment.run_here("--setup-data").strip().splitlines()[-1])

        say(f"gunicorn with {WEB_PROCESSES} processes, 2 task workers")
        deployment.start(
            "web",
            [GUNICORN, "--config", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
             "--workers", str(WEB_PROCESSES)],
        )  # fmt: skip
        for n in (1, 2):
            deployment.start(f"worker{n}", [PYTHON, "manage.py", "db_worker", "--interval", "0.5"])
        client = Client(port)

        def web_up() -> bool:
            check(deployment.processes[0][1].poll() is None, "gunicorn exited:\n" + deployment.logs()["web"])
            try:
                return client.request("GET", "/healthz")[0] == 200
            except OSError:
                return False

        wait_for(web_up, "gunicorn", 60)
        smoke(client, data, sink, deployment)

        logs = deployment.logs()
        pids = set(re.findall(r"Booting worker with pid: (\d+)", logs["web"]))
        check(len(pids) >= WEB_PROCESSES, f"gunicorn ran {len(pids)} processes")
        errors = [
            line
            for text in logs.values()
            for line in text.splitlines()
            if '"level": "ERROR"' in line or "Traceback" in line
        ]
        check(not errors, "errors in the server logs:\n" + "\n".join(errors[:20]))
        server_errors = [entry for entry in client.log if entry[2] >= 500]
        check(not server_errors, f"server errors: {server_errors}")
        answered = {json.loads(line)["pid"] for line in logs["web"].splitlines() if '"cms.requests"' in line}
        ran_tasks = [name for name in ("worker1", "worker2") if '"cms.tasks"' in logs[name]]
        say(
            f"OK: {len(client.log)} requests answered by {len(answered)} of {len(pids)} web processes, "
            f"0 server errors; tasks run by {', '.join(ran_tasks)}; {len(sink.messages)} mails at the sink"
        )
        return 0
    except Exception as failure:  # any failure: report it with the servers' last log lines, then clean up
        say(f"FAILED: {type(failure).__name__}: {failure}")
        for process_name, text in deployment.logs().items():
            print(f"--- last lines of {process_name}.log ---\n" + "\n".join(text.splitlines()[-30:]))
        return 1
    finally:
        deployment.stop()
        sink.stop()
        if created:
            admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        drop_redis_keys(prefix)
        say(f"stopped every process, dropped {name}; logs in {workdir / 'logs'}")


if __name__ == "__main__":
    sys.exit(main())
