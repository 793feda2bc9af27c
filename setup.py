"""The wheel's build (metadata and contents in pyproject.toml); two things pyproject.toml cannot say.

- The project wiring stays out: ``cms/urls.py`` and ``cms/wsgi.py`` (``cms.settings`` is left out
  in pyproject.toml).
- The project-level ``templates/``, ``static_src/`` and ``locale/`` go into the ``cms.frontend`` app,
  where a project that installs the wheel finds them (app templates, app static files, app locale).
"""

import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
WIRING = {"cms/urls.py", "cms/wsgi.py"}
FRONTEND = {"templates": "templates", "static_src": "static", "locale": "locale"}


class BuildPy(build_py):
    def find_package_modules(self, package, package_dir):
        modules = super().find_package_modules(package, package_dir)
        return [m for m in modules if Path(os.path.normpath(m[2])).as_posix() not in WIRING]

    def run(self) -> None:
        super().run()
        frontend = Path(self.build_lib) / "cms" / "frontend"
        for source, target in FRONTEND.items():
            shutil.copytree(
                ROOT / source,
                frontend / target,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("__pycache__"),
            )


setup(cmdclass={"build_py": BuildPy})
