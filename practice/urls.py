from django.urls import path

from practice import views

urlpatterns = [
    path("<slug:slug>/practice/", views.practice, name="practice"),
]
