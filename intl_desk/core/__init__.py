"""The domain, Qt-free: data model, vocabularies, validation, queries and figures."""
