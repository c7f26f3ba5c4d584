"""The PySide6 desktop interface: a thin layer over core and store."""

from intl_desk.ui.import_scan import install as _install_import_scan

_install_import_scan()  # before the interface's modules are imported: see import_scan
