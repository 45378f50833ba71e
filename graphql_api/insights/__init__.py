"""The API side of insights: page feedback (a public mutation) and translationStatus (a field of every page)."""
