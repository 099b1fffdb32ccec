"""Request guards shared by every page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class NulInAddressMiddleware:
    """Refuse an address whose query string holds a NUL character (``%00``).

    No page takes one, and PostgreSQL refuses to compare text with it, so it would
    otherwise reach the database from any search box or admin filter as a server error.
    Nothing the visitor typed into a form is lost: only the address is refused.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any("\x00" in k or any("\x00" in v for v in vs) for k, vs in request.GET.lists()):
            message = "The address contains a NUL character (%00), which no page here accepts."
            return render(request, "400.html", {"exception": message}, status=400)
        return self.get_response(request)


class MethodNotAllowedPageMiddleware:
    """A page for a request made with a method its address does not take.

    ``require_safe``, ``require_POST`` and the class-based views answer such a request
    with an empty 405; this gives it a page that says so and names the methods the
    address takes (the ``Allow`` header is kept).
    """

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
