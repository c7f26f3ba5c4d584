"""Compiled Qt Designer forms (generated)."""
