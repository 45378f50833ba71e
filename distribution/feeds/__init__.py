"""Feeds of published content per locale, section and topic: RSS 2.0, Atom, JSON Feed 1.1 and iCalendar.

Built on Django's syndication framework (RSS, Atom, and our JSON Feed generator) and the `icalendar` library.
See docs/distribution.md, "Feeds".
"""
