"""Reports' lists show an activity's, an event's and a membership's date as the office
gave it: "2011", "mars 2004", never an invented 1 January."""

from __future__ import annotations

from datetime import date

from intl_desk.core.display import date_text
from intl_desk.core.evaluation.lines import membership_lines
from intl_desk.core.evaluation.lines_activities import activity_lines, event_lines
from intl_desk.core.model import Activity, Membership, Network, Participation
from intl_desk.store.office_file import OfficeFile


def test_reports_lists_keep_the_year_or_month_given(office: OfficeFile) -> None:
    with office.session() as session:
        mission = Activity(
            title="Mission à Huế",
            kind="mission",
            start_date=date(2011, 1, 1),
            start_date_precision="year",
        )
        membership = Membership(
            network=Network(name="Cités Unies France"),
            since=date(2004, 3, 1),
            since_precision="month",
        )
        event = Participation(title="Congrès de Córdoba", start_date=date(2015, 6, 2), kind="event")
        membership.participations.append(event)
        session.add_all([mission, membership])
        session.commit()
        (activity,) = activity_lines(session, [mission.id])
        (member,) = membership_lines(session, [membership.id], date(2004, 1, 1), date(2025, 1, 1))
        (attended,) = event_lines(session, [event.id])
    assert date_text(activity.start, "fr") == "2011"
    assert date_text(member.since, "fr") == "mars 2004"
    assert date_text(attended.start, "fr") == "2 juin 2015"
