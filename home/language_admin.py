"""Admin side of the language checker (glossary viewset, editor warnings, report)."""
