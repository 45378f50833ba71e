"""Demo content for development, reviews and the portal team: `python manage.py seed_demo`."""

from .build import StepResult, demo_seed

__all__ = ["StepResult", "demo_seed"]
