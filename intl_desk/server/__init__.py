"""The office server: one PostgreSQL database that many office files synchronise with.

This package runs on the server's side only and never imports Qt: the database's setup
(:mod:`.setup`), its own tables (:mod:`.tables`), the accounts (:mod:`.accounts`) and what
each may read and change (:mod:`.scope`), the HTTP service (:mod:`.app`, run by
:mod:`.run`) with sign-in and tokens (:mod:`.auth`, :mod:`.tokens`, :mod:`.throttle`), the
sync routes (:mod:`.sync_routes`) over pushes (:mod:`.push`), pulls (:mod:`.pull`) and
snapshots (:mod:`.snapshot`). The client side is :mod:`intl_desk.sync`.
"""
