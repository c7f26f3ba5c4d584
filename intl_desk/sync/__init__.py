"""The client side of the office server's protocol, no Qt: ``clone`` (:mod:`.clone`) and
``sync`` (:mod:`.sync`) over HTTP(S) (:mod:`.client`).

An office file cloned from a server keeps the server's address, the account, its client id
and the server's cursor in it (:class:`intl_desk.core.model.ServerLink`); the desktop app
opens it like any other office file.
"""
