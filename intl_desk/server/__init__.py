"""The office server: one PostgreSQL database that many office files synchronise with.

This package runs on the server's side only and never imports Qt. So far it holds the
database's setup (:mod:`.setup`) and the accounts (:mod:`.accounts`); the HTTP service
and the sync protocol are still to come (issue 20).
"""
