"""Intl Desk: the international relations office register."""
