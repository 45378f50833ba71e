"""The associations' part of the public API: asking to join the programme."""
