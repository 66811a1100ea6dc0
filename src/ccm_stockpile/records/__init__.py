"""Pydantic models that check one record: states, practices, settings and their shared types."""
