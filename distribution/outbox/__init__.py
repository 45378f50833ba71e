"""The social outbox: deliveries are scheduled by page lifecycle (scheduling) and sent by a task (processing)."""
