"""Public province pages under /provinces/ (/en/provinces/)."""

from django.urls import path

from .views import provinces

urlpatterns = [
    path("", provinces.province_index, name="province_index"),
    path("map.csv", provinces.province_table_csv, name="province_table_csv"),
    path("<slug:slug>/", provinces.province_detail, name="province_detail"),
]
