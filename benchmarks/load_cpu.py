"""For ``benchmarks/load.py``: each response says how much CPU its request took in the
worker thread (``X-CPU-Seconds``) and how long it spent in the application
(``X-Server-Seconds``), so the load report can share the server's CPU out by kind of
request and tell time spent queueing for a worker from time spent serving."""

import time


class CpuTimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start, cpu = time.perf_counter(), time.thread_time()
        response = self.get_response(request)
        response["X-CPU-Seconds"] = f"{time.thread_time() - cpu:.6f}"
        response["X-Server-Seconds"] = f"{time.perf_counter() - start:.6f}"
        return response
