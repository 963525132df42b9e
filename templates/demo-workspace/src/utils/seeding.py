"""Seeding every RNG the demo uses (Phase 0, lab 03).

PYTHONHASHSEED must be set by the launcher (the Justfile exports it): setting it here, inside the
process, does not change hash(str) for this interpreter -- it only reaches child processes.
"""

import os
import platform
import random


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)


def log_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    try:
        import numpy  # type: ignore[import-not-found]

        versions["numpy"] = numpy.__version__
    except ImportError:
        versions["numpy"] = "not installed"
    return versions
