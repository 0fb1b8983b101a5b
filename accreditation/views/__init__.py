"""Views of the core: the person's account pages and organisations."""
