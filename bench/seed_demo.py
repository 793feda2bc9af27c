"""First run: ``migrate`` and ``seed_demo`` on a fresh SQLite database, next to floors from the same run.

Usage: .venv/bin/python bench/seed_demo.py [--runs 1]
Each run makes a throwaway SQLite file and media folder in /tmp and runs the commands a newcomer's
``make run`` runs (dev settings, demo accounts on), each in its own process, as ``make`` does. Floors:
``manage.py check`` (starting Django, which every command pays) and ``migrate`` (the schema alone).
Wall time moves with the machine's load; CPU time (user + sys of the child) much less, so both are shown.
After the seed it counts the databank index without a task worker: it must hold every live kit.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COUNT_INDEX = (
    "from cms.pages.models import LessonKitPage; from search.models import LessonMaterial; "
    "print(LessonMaterial.objects.count(), LessonKitPage.objects.live().count())"
)


def timed(env: dict, *args: str) -> tuple[float, float, str]:
    """Run ``manage.py *args``; return (wall seconds, CPU seconds, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def one_run() -> dict[str, tuple[float, float]]:
    folder = Path(tempfile.mkdtemp(prefix="bench-seed-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
    }
    figures = {}
    figures["check (floor: start Django)"] = timed(env, "check")[:2]
    figures["migrate (floor: schema)"] = timed(env, "migrate", "--noinput", "-v0")[:2]
    figures["seed_demo, fresh database"] = timed(env, "seed_demo")[:2]
    indexed, live = (int(n) for n in timed(env, "shell", "-c", COUNT_INDEX)[2].split()[-2:])
    figures["seed_demo, second run"] = timed(env, "seed_demo")[:2]
    print(f"databank index right after seed_demo, no worker: {indexed} of {live} live kits")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    runs = [one_run() for _ in range(args.runs)]
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    print(f"{'command':<32} {'wall s':>8} {'cpu s':>8} {'wall/check':>11} {'wall/migrate':>13}")
    for name in runs[0]:
        wall = min(run[name][0] for run in runs)
        cpu = min(run[name][1] for run in runs)
        check = min(run["check (floor: start Django)"][0] for run in runs)
        migrate = min(run["migrate (floor: schema)"][0] for run in runs)
        print(f"{name:<32} {wall:8.1f} {cpu:8.1f} {wall / check:11.1f} {wall / migrate:13.2f}")


if __name__ == "__main__":
    main()
