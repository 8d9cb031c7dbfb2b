"""Packaging hook: the wheel carries the example handbook (`handbook init --example`).

The example is this project's own content (mkdocs.yml, docs/, templates/, data/), copied into
handbook/example/ in the build folder only, so the source tree keeps one copy of each page.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
EXAMPLE = ("mkdocs.yml", "docs", "templates", "data")


class BuildWithExample(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the example from the checkout itself
        target = Path(self.build_lib) / "handbook" / "example"
        shutil.rmtree(target, ignore_errors=True)
        for name in EXAMPLE:
            source = ROOT / name
            if source.is_dir():
                ignore = shutil.ignore_patterns("__pycache__", "schema")
                shutil.copytree(source, target / name, ignore=ignore)
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithExample})
