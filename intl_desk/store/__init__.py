"""The office file: create, open, check, back up and migrate it (Qt-free).

Import from the modules: :mod:`intl_desk.store.office_file` is the entry point.
"""
