"""Publish webhooks for portals: signed JSON events when public pages (or snippets they show) change."""
