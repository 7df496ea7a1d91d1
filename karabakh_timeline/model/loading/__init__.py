"""Readers for the formats other tools write: TimelineJS JSON and ACLED CSV exports."""
