"""Time ``GET /api/v3/openapi.json``: the first request of a process and the ones after it.

Usage: .venv/bin/python bench/openapi.py [--runs 10]
Uses the test settings with a throwaway SQLite database in /tmp (the schema needs no content).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench-openapi.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.test import Client

    client = Client()
    timings, size = [], 0
    for _ in range(args.runs + 1):
        started = time.perf_counter()
        response = client.get("/api/v3/openapi.json")
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"openapi.json answered {response.status_code}")
        size = len(response.content)
    later = timings[1:]
    print(f"openapi.json: {size / 1024:.0f} KiB")
    print(f"first request: {timings[0]:.0f} ms")
    print(f"later requests ({len(later)}): median {statistics.median(later):.1f} ms, max {max(later):.1f} ms")
    print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
