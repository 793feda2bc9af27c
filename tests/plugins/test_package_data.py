"""Every file an app needs at run time is in the wheel: the package-data globs cover it.

`make package-check` builds the wheel and migrates a fresh project with it (minutes, in CI); this
catches the same mistake in a second: a data file added under an app that no glob ships (the
evaluations' default questions once failed that way, at the migration that loads them).
"""

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Kept in the repository, not needed when the apps run: catalogue sources and vendoring scripts.
NOT_SHIPPED = ("*.po", "vendor_*.sh")


def shipped_globs() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["package-data"]["*"]


def package_of(path: Path) -> Path:
    folder = path.parent
    while not (folder / "__init__.py").exists():
        folder = folder.parent
    return folder


def matches(relative: str, pattern: str) -> bool:
    # setuptools globs recursively: "templates/**/*" also takes "templates/base.html".
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern.replace("**/", ""))


def test_every_data_file_of_the_apps_is_shipped_in_the_wheel():
    files = [
        path
        for top in ("cms", "search", "search_insight")
        for path in (ROOT / top).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    globs = shipped_globs()
    missing = []
    for path in files:
        name = path.relative_to(ROOT).as_posix()
        if path.suffix in (".py", ".pyc") or name.startswith("cms/settings/"):
            continue
        if any(fnmatch.fnmatch(path.name, pattern) for pattern in NOT_SHIPPED):
            continue
        relative = path.relative_to(package_of(path)).as_posix()
        if not any(matches(relative, pattern) for pattern in globs):
            missing.append(name)
    assert missing == [], f"add a package-data glob in pyproject.toml for: {missing}"
