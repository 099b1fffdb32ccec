"""For ``benchmarks/load.py``: each response says how much CPU its request took in the
worker thread (``X-CPU-Seconds``), so the load report can share the server's CPU out by
kind of request."""

import time


class CpuTimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.thread_time()
        response = self.get_response(request)
        response["X-CPU-Seconds"] = f"{time.thread_time() - start:.6f}"
        return response
