"""A new record's values as the validation rules read them, without an ORM instance."""

from __future__ import annotations

from typing import Any

from intl_desk.core.model import Record


class RecordValues:
    """A new record's values as the rules read them, without an ORM instance.

    Reads exactly as an unsaved ``model`` would: its plain column defaults, then
    ``values``; a column or relationship not given is None. An import checks 50,000 rows
    of one kind; building an ORM object for each (its instance state, instrumented
    attributes) cost more than the rules themselves.
    """

    def __init__(self, model: type[Record], values: dict[str, Any]) -> None:
        self.__dict__.update(scalar_defaults(model))
        self.__dict__.update(values)
        self._model = model  # no column has this name

    @property
    def __tablename__(self) -> str:
        return str(self._model.__tablename__)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return None  # what an unsaved record holds in a column or relationship not set


def scalar_defaults(model: type[Record]) -> dict[str, Any]:
    """The plain (not computed) column defaults of ``model``: what a new record holds
    before anything is set, once per model."""
    found = _DEFAULTS.get(model)
    if found is None:
        found = _DEFAULTS[model] = {
            column.key: getattr(column.default, "arg", None)
            for column in model.__table__.columns
            if column.default is not None and getattr(column.default, "is_scalar", False)
        }
    return found


_DEFAULTS: dict[type, dict[str, Any]] = {}
