from django.contrib.auth import views as auth_views
from django.urls import path

from learning import views, views_placement

urlpatterns = [
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("placement/", views_placement.placement, name="placement"),
    path("review/", views.review, name="review"),
    path("plan/", views.plan, name="plan"),
    path("plan/<slug:slug>/", views.plan, name="plan_for"),
    path("known/<slug:slug>/", views.known_add, name="known_add"),
    path("known/<slug:slug>/undo/", views.known_remove, name="known_remove"),
    path("goals/<slug:slug>/", views.goal_set, name="goal_set"),
    path("goals/<slug:slug>/remove/", views.goal_remove, name="goal_remove"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/done/",
        views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]
