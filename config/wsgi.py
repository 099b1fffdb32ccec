import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Load the URLconf now (and with it every view's modules: NumPy, matplotlib, the engine),
# then keep what is loaded out of the garbage collector's full collections, which stop
# every thread of the worker: the longest pause over 1,500 requests fell from 76 ms to
# 11 ms (benchmarks/bench_gc.py).
get_resolver().url_patterns  # noqa: B018
gc.freeze()
