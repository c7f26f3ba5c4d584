"""The words around the territory map, shared by the dashboard and the PDF."""

from __future__ import annotations

from collections.abc import Sequence

from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.overview.labels import count_text
from intl_desk.core.overview.territory import Territory

#: names listed in a sentence before "and N more"
NAMES_SHOWN = 6


def title() -> str:
    return _("Agreements of each local entity, on the map")


def size_legend_title(year: int) -> str:
    return Message(N_("Signed up to {year}:"), {"year": year}).render()


def shade_legend_title() -> str:
    return _("Active agreements:")


def dot_tooltip(name: str, signed: int, active: int, year: int) -> str:
    return Message(
        N_("{name}: {signed} agreements signed up to {year}, {active} active"),
        {"name": name, "signed": count_text(signed), "year": year, "active": count_text(active)},
    ).render()


def notes(territory: Territory) -> tuple[str, ...]:
    """What the map does not show, each in a sentence: nothing is left out silently."""
    sentences = []
    if territory.unplaced:
        sentences.append(
            Message(
                N_(
                    "Not on the map, for want of coordinates ({count}): {names}. Set their "
                    "latitude and longitude in the local entity's form."
                ),
                {
                    "count": count_text(len(territory.unplaced)),
                    "names": _names(territory.unplaced),
                },
            ).render()
        )
    if territory.grouping:
        sentences.append(
            Message(
                N_(
                    "The agreements of the entities grouping those drawn are not on the map: "
                    "{names}."
                ),
                {
                    "names": _names(
                        [
                            Message(
                                N_("{name} ({count} active)"),
                                {"name": name, "count": count_text(active)},
                            ).render()
                            for name, active in territory.grouping
                        ]
                    )
                },
            ).render()
        )
    return tuple(sentences)


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    if more <= 0:
        return shown
    return Message(
        N_("{names} and {count} more"), {"names": shown, "count": count_text(more)}
    ).render()
