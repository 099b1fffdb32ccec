"""A page for a request made with a method its address does not take.

``require_GET``, ``require_POST`` and the class-based views answer such a request with
an empty 405; this gives it a page that says so and names the methods the address
takes (the ``Allow`` header is kept).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class MethodNotAllowedPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or response.streaming or response.content:
            return response
        allowed = response.get("Allow", "")
        page = render(
            request, "405.html", {"method": request.method, "allowed": allowed}, status=405
        )
        page["Allow"] = allowed
        return page
