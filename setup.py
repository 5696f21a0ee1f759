"""Build steps pyproject.toml cannot declare: bundle the top-level templates and migrations
into the package, and make sure the GOV.UK Frontend assets are built before packaging.

Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
BUNDLED = ("templates", "migrations")
ASSET = ROOT / "parent_partners" / "static" / "govuk" / "govuk-frontend.min.css"


def ensure_assets() -> None:
    """Build the static assets from node_modules (running ``npm ci`` first if needed).

    A wheel built from the sdist finds them already there, so installing never needs Node.js.
    """
    if ASSET.exists():
        return
    if not (ROOT / "node_modules" / "govuk-frontend").is_dir():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("The GOV.UK Frontend assets are not built and npm is not installed.")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)  # noqa: S603
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_assets.py")], check=True)  # noqa: S603


class BuildPy(build_py):
    """Copy the top-level templates and migrations into the built package."""

    def run(self) -> None:
        """Build as usual, then add the bundled folders under the package."""
        editable = getattr(self, "editable_mode", False)
        if not editable:
            ensure_assets()
        super().run()
        if editable:  # an editable install reads the checkout's own folders
            return
        for name in BUNDLED:
            source = ROOT / name
            if not source.is_dir():
                continue
            target = Path(self.build_lib) / "parent_partners" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


class Sdist(sdist):
    """Build the assets first, so that the sdist (and any wheel built from it) carries them."""

    def run(self) -> None:
        """Make sure the assets exist, then build the sdist."""
        ensure_assets()
        super().run()


setup(cmdclass={"build_py": BuildPy, "sdist": Sdist})
