"""One dialog per record kind; importing this package registers them with the window."""

from intl_desk.ui.dialogs.registry import register_all

__all__ = ["register_all"]
