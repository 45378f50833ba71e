"""Onboarding, scoped permissions and moderation of the migrant associations and their profile pages."""
