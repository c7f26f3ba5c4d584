"""Spreadsheets in and out, the IATI export, and reading countries and dates as people write them.

Qt-free: the import wizard and the command line drive the same functions, so whatever the
wizard previews is exactly what ``intl-desk import --dry-run`` reports.
"""
