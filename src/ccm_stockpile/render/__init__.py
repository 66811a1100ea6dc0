"""Outputs: findings as text (rich), JSON and GitHub annotations; later, documents."""
