"""The client side of the office server's protocol: clone and (later) sync, no Qt.

An office file cloned from a server keeps the server's address, the account and the
server's cursor in it (:class:`intl_desk.core.model.ServerLink`); the desktop app opens it
like any other office file.
"""
