"""The cache saves work, is shared between processes through Redis, and is never
needed: when it is down, values are computed and served anyway."""

import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings

from core.caching import cached

ROOT = Path(__file__).resolve().parents[2]
REDIS = ("127.0.0.1", 6379)


class DownCache(LocMemCache):
    """A cache whose server cannot be reached."""

    def get(self, *args, **kwargs):
        raise ConnectionError("cache server unreachable")

    def set(self, *args, **kwargs):
        raise ConnectionError("cache server unreachable")


def test_a_value_is_computed_once_then_served_from_the_cache():
    calls = []

    def compute():
        calls.append(1)
        return "value"

    assert cached("caching-test:once", compute, 60) == "value"
    assert cached("caching-test:once", compute, 60) == "value"
    assert len(calls) == 1


@override_settings(CACHES={"default": {"BACKEND": f"{__name__}.DownCache"}})
def test_a_cache_that_is_down_does_not_take_the_page_with_it(caplog):
    calls = []
    assert cached("caching-test:down", lambda: calls.append(1) or "computed", 60) == "computed"
    assert cached("caching-test:down", lambda: calls.append(1) or "computed", 60) == "computed"
    assert len(calls) == 2
    assert "cache unavailable" in caplog.text


def _redis_up() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=1):
            return True
    except OSError:
        return False


def test_processes_share_the_cache_through_redis():
    """Two processes with CACHE_URL pointing at Redis: what the first computes, the
    second reads instead of computing its own."""
    if not _redis_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    key = f"caching-test:{secrets.token_hex(8)}"
    script = (
        "import sys, django; django.setup()\n"
        "from core.caching import cached\n"
        "print(cached(sys.argv[1], lambda: sys.argv[2], 60))\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "CACHE_URL": f"redis://{REDIS[0]}:{REDIS[1]}/15",
        "PYTHONPATH": str(ROOT),
    }

    def run(value: str) -> str:
        out = subprocess.run(
            [sys.executable, "-c", script, key, value],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return out.stdout.strip()

    assert run("first process") == "first process"
    assert run("second process") == "first process"
