"""Readers' needs and translation health: anonymous demand signals, page feedback and editors' reports."""
