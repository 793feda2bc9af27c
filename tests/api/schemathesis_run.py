"""Check every public /api/v3/ endpoint against its OpenAPI document with schemathesis (all checks;
examples, coverage and fuzzing phases) on a seeded throwaway SQLite database.

Run from the repository root: ``.venv/bin/python tests/api/schemathesis_run.py``.
Exits non-zero on any failed check (a 5xx, an undocumented status or media type, a response that
does not match its schema, schema-valid input refused or schema-invalid input accepted) or when
fewer than MIN_CASES cases were generated.

Left out, because they cannot be exercised anonymously: the operations that need a bearer token
(Wagtail-owned: its write API for pages/images/documents/snippets, sites, whoami). Their document
declares the 401 they answer before any of their code runs; a run with a token is another test.

BUSINESS_RULE_REFUSALS lists our write operations where input of the right shape can still be
refused with a documented 400 problem, because the rule depends on data no schema can express.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
MIN_CASES = int(os.environ.get("SCHEMATHESIS_MIN_CASES", "1000"))
MAX_EXAMPLES = os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "60")


#: operation id -> why a schema-valid request may still get a 400 (the positive-data check accepts it).
BUSINESS_RULE_REFUSALS = {
    "bookings_create": "slot and school ids must exist, the slot must be open and have room",
    "bookings_change": "the token is a signature over a booking; the slot must belong to the same lesson",
    "bookings_cancel": "the token is a signature over a booking",
    "loans_reserve": "kit, pick-up point and school must exist; the week must respect the lead time and loan length",
    "loans_change": "the token is a signature over a reservation; the new period must be free",
    "loans_cancel": "the token is a signature over a reservation",
    "event_registrations_create": "the event must still take registrations; e-mail addresses must be deliverable",
    "event_registrations_cancel": "the token is a signature over a registration",
    "challenge_teams_create": "the deadline, a known school or a valid BRIN/postcode, a unique team name",
    "contributions_create": "uploaded files are checked by their content type",
    "newsletters_subscribe": "e-mail addresses must be deliverable; mailing lists and regions must exist",
    # Wagtail-owned (wagtail.api.v3), which we cannot change:
    "pages_list": "Wagtail refuses some filter combinations (descendant_of with child_of) with a 400",
    "pages_find": "Wagtail refuses some filter combinations with a 400",
    "documents_list": "Wagtail refuses random ordering with an offset with a 400",
    "images_list": "Wagtail refuses random ordering with an offset with a 400",
    "redirects_list": "Wagtail refuses random ordering with an offset with a 400",
}


def write_config(path: Path) -> Path:
    """A schemathesis.toml that lets BUSINESS_RULE_REFUSALS answer schema-valid requests with a 400."""
    lines = []
    for operation_id, reason in BUSINESS_RULE_REFUSALS.items():
        lines += [
            f"# {reason}",
            "[[operations]]",
            f'include-operation-id = "{operation_id}"',
            'checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404", "409", "429"]',
            "",
        ]
    path.write_text("\n".join(lines))
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env: dict[str, str], *args: str) -> None:
    # Fixed argv built here, no shell: nothing untrusted reaches the subprocess.
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def wait_for(url: str, timeout: float = 60) -> bytes:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own loopback server)
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def public_operations(schema: dict) -> list[str]:
    """Operation ids that anonymous callers may use (no security requirement, or an optional one: ``{}``)."""
    global_security = schema.get("security")
    ids = []
    for path_item in schema["paths"].values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            security = operation.get("security", global_security)
            if security and {} not in security:
                continue
            ids.append(operation["operationId"])
    return sorted(ids)


def count_cases(ndjson_path: Path) -> int:
    """Number of generated test cases: one per scenario step recorded in the ndjson event stream."""
    cases = 0
    for line in ndjson_path.read_text().splitlines():
        event = json.loads(line)
        step = event.get("ScenarioFinished") or {}
        recorder = step.get("recorder") or {}
        cases += len(recorder.get("cases") or {})
    return cases


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="schemathesis-") as tmp:
        tmp_path = Path(tmp)
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "PYTHONUNBUFFERED": "1",
        }
        print("== schemathesis: migrating and seeding a throwaway database", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo", "--no-accounts")
        log = (tmp_path / "server.log").open("w")
        server = subprocess.Popen(  # noqa: S603
            [PYTHON, "manage.py", "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            schema = json.loads(wait_for(f"{base}/api/v3/openapi.json"))
            operations = public_operations(schema)
            print(f"== schemathesis: {len(operations)} public operations", flush=True)
            report = tmp_path / "events.ndjson"
            config = write_config(tmp_path / "schemathesis.toml")
            command = [
                str(Path(PYTHON).with_name("schemathesis")), "--config-file", str(config),
                "run", f"{base}/api/v3/openapi.json",
                "--checks", "all", "--max-examples", MAX_EXAMPLES,
                "--phases", "examples,coverage,fuzzing", "--workers", "1", "--seed", "7",
                "--generation-database", "none", "--request-timeout", "30", "--no-color",
                "--report", "ndjson", "--report-ndjson-path", str(report),
            ]  # fmt: skip
            for operation_id in operations:
                command += ["--include-operation-id", operation_id]
            result = subprocess.run(command, cwd=ROOT, env=env, check=False)  # noqa: S603
            cases = count_cases(report)
            print(f"== schemathesis: {cases} generated cases, exit code {result.returncode}", flush=True)
            if result.returncode != 0:
                log.flush()
                print((tmp_path / "server.log").read_text()[-6000:])
                return result.returncode
            if cases < MIN_CASES:
                print(f"== schemathesis: fewer than {MIN_CASES} cases", flush=True)
                return 1
            return 0
        finally:
            server.terminate()
            server.wait(timeout=10)
            log.close()


if __name__ == "__main__":
    sys.exit(main())
