"""Settings for ``benchmarks/load.py``: the production settings plus a ``/plain/`` page.

Everything comes from ``config.settings`` (so the app runs as deployed: DEBUG off,
WhiteNoise, CSP); only the URLconf grows one reference view, every response says the CPU
time its request took (``benchmarks.load_cpu``), and static files are collected into the
load run's own directory (``LOAD_STATIC_ROOT``) instead of the project's ``staticfiles/``.
"""

import os

from config.settings import *  # noqa: F403
from config.settings import BASE_DIR, MIDDLEWARE

ROOT_URLCONF = "benchmarks.load_urls"
STATIC_ROOT = os.environ.get("LOAD_STATIC_ROOT", str(BASE_DIR / "staticfiles"))
MIDDLEWARE = ["benchmarks.load_cpu.CpuTimeMiddleware", *MIDDLEWARE]
