from django.urls import path

from . import views

urlpatterns = [
    path("<str:token>/confirm/", views.follow_confirm_view, name="campaign_follow_confirm"),
    path("<str:token>/stop/", views.follow_stop_view, name="campaign_unsubscribe"),
]
