"""The editors' reports (Wagtail admin, under /admin/reports/): translation health and readers' needs."""
