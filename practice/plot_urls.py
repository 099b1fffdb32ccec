"""``/plots/<name>.svg?...`` is a plot's image; ``/plots/<name>/?...`` the plot with its
numbers and controls (an htmx fragment, or a whole page without JavaScript)."""

from django.urls import path

from practice import plot_views

urlpatterns = [
    path("<str:name>.svg", plot_views.plot_svg, name="plot_svg"),
    path("<str:name>/", plot_views.plot_page, name="plot_page"),
]
