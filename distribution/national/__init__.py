"""The national integration portal hand-off: a ready-to-submit package per marked page."""
