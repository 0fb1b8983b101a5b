from django.urls import path

from . import follow_views

urlpatterns = [
    path("<str:token>/confirm/", follow_views.confirm, name="campaign_follow_confirm"),
    path("<str:token>/stop/", follow_views.stop, name="campaign_unsubscribe"),
]
