"""The office server: one PostgreSQL database that many office files synchronise with.

This package runs on the server's side only and never imports Qt: the database's setup
(:mod:`.setup`), its own tables (:mod:`.tables`), the accounts (:mod:`.accounts`), the
HTTP service (:mod:`.app`, run by :mod:`.run`) with its tokens (:mod:`.tokens`) and
sign-in limit (:mod:`.throttle`).
"""
