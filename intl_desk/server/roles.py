"""The roles a server account can hold, apart from the accounts table: the command line
offers them as choices without importing SQLAlchemy (every ``intl-desk`` command builds
that parser, ``--help`` and ``info`` included)."""

ROLES = ("admin", "editor", "reader")
