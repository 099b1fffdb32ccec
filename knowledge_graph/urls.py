from django.urls import path

from knowledge_graph import views

urlpatterns = [
    path("", views.topic_list, name="topic_list"),
]
