from django.contrib import admin
from django.urls import include, path

from learning import views
from practice.preview_views import lesson_preview

urlpatterns = [
    path("", views.home, name="home"),
    path("topics/", include("knowledge_graph.urls")),
    path("topics/", include("practice.urls")),
    path("plots/", include("practice.plot_urls")),
    path("", include("learning.learner_urls")),
    path("admin/preview/lesson/", lesson_preview, name="lesson_preview"),
    path("admin/", admin.site.urls),
]

handler404 = views.page_not_found
handler500 = views.server_error
