"""Packaging beyond what pyproject.toml can declare: the wheel carries resources/ (presets,
compiled translations, icon, desktop entry) as the package `loss_lens_resources`, and the
translations are compiled from their .ts sources while building, so a wheel built from a
fresh checkout (which has no .qm files) still speaks Chinese."""

import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = "loss_lens_resources"


class BuildWithTranslations(build_py):
    def run(self) -> None:
        subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "build"],
                       check=True)
        super().run()


setup(
    packages=[*find_packages(include=["core*", "gui*"]), RESOURCES,
              f"{RESOURCES}.presets", f"{RESOURCES}.translations", f"{RESOURCES}.desktop"],
    package_dir={RESOURCES: "resources"},
    package_data={f"{RESOURCES}.presets": ["*.json"],
                  f"{RESOURCES}.translations": ["*.qm"],
                  f"{RESOURCES}.desktop": ["*.desktop", "*.svg", "*.png"]},
    cmdclass={"build_py": BuildWithTranslations},
)
