"""Placeholder replaced by the language checker."""


def check_page(page):
    return None
