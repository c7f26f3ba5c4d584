"""One agreement on one page: what the agreement sheet prints (drawn by
``intl_desk.reports.agreement_sheet``), read with SQLAlchemy Core, labels translated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.date_precision import with_precision
from intl_desk.core.display import country_name
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementProject,
    AgreementSdg,
    AgreementSignatory,
    AgreementTheme,
    Contact,
    Document,
    Indicator,
    LocalEntity,
    Office,
    Partner,
    Project,
)
from intl_desk.core.terms import ENDED_STATUSES, survival_readings


class AgreementNotFound(IntlDeskError):
    def __init__(self, agreement_id: str) -> None:
        super().__init__(Message(N_("No agreement {id} in this file."), {"id": agreement_id}))


@dataclass(frozen=True)
class AgreementSheet:
    office_name: str
    title: str
    reference: str
    type: str
    status: str
    our_side: tuple[str, ...]
    partners: tuple[str, ...]  # "Łódź (Poland)"
    dates: tuple[tuple[str, date | None], ...]  # (msgid, date)
    perpetual: bool
    renewal: str
    legal_authorisation: str
    languages: str
    responsible: str
    signatories: tuple[tuple[str, str, str], ...]  # name, position, side label
    themes: tuple[str, ...]
    sdgs: tuple[int, ...]
    objectives: tuple[tuple[str, str], ...]  # text, indicator name
    projects: tuple[str, ...]
    documents: tuple[str, ...]
    summary: str
    lessons: str
    notes: str
    #: whether it survives a change of team, read from the file (an agreement that has
    #: ended has none)
    survival: str = ""


def agreement_sheet(
    session: Session, agreement_id: str, today: date | None = None
) -> AgreementSheet:
    row = session.execute(
        select(Agreement).where(Agreement.id == agreement_id, Agreement.deleted_at.is_(None))
    ).scalar_one_or_none()
    if row is None:
        raise AgreementNotFound(agreement_id)
    live = (AgreementParty.deleted_at.is_(None), AgreementParty.agreement_id == agreement_id)
    ours = session.scalars(
        select(LocalEntity.name)
        .join(AgreementParty, AgreementParty.local_entity_id == LocalEntity.id)
        .where(*live)
        .order_by(LocalEntity.name)
    ).all()
    theirs = session.execute(
        select(Partner.name, Partner.country_code)
        .join(AgreementParty, AgreementParty.partner_id == Partner.id)
        .where(*live)
        .order_by(Partner.name)
    ).all()
    signatories = session.execute(
        select(AgreementSignatory.name, AgreementSignatory.position, AgreementSignatory.side).where(
            AgreementSignatory.deleted_at.is_(None), AgreementSignatory.agreement_id == agreement_id
        )
    ).all()
    objectives = session.execute(
        select(AgreementObjective.text, Indicator.name)
        .outerjoin(Indicator, Indicator.id == AgreementObjective.indicator_id)
        .where(
            AgreementObjective.deleted_at.is_(None), AgreementObjective.agreement_id == agreement_id
        )
        .order_by(AgreementObjective.position)
    ).all()
    themes = session.scalars(
        select(AgreementTheme.theme).where(
            AgreementTheme.deleted_at.is_(None), AgreementTheme.agreement_id == agreement_id
        )
    ).all()
    sdgs = session.scalars(
        select(AgreementSdg.sdg)
        .where(AgreementSdg.deleted_at.is_(None), AgreementSdg.agreement_id == agreement_id)
        .order_by(AgreementSdg.sdg)
    ).all()
    projects = session.scalars(
        select(Project.title)
        .join(AgreementProject, AgreementProject.project_id == Project.id)
        .where(AgreementProject.deleted_at.is_(None), AgreementProject.agreement_id == agreement_id)
    ).all()
    documents = session.scalars(
        select(Document.title)
        .where(
            Document.deleted_at.is_(None),
            Document.record_kind == "agreement",
            Document.record_id == agreement_id,
        )
        .order_by(Document.title)
    ).all()
    responsible = (
        session.scalar(select(Contact.name).where(Contact.id == row.responsible_id))
        if row.responsible_id
        else None
    )
    office = session.scalar(select(Office.name).where(Office.deleted_at.is_(None)).limit(1))
    authorisation = row.legal_authorisation or ""
    if row.legal_authorisation_date:
        from intl_desk.core.display import date_text

        authorisation = f"{authorisation} ({date_text(row.legal_authorisation_date)})".strip()
    return AgreementSheet(
        office_name=office or "",
        title=row.title,
        reference=row.reference or "",
        type=vocab.AGREEMENT_TYPES.label(row.type),
        status=vocab.AGREEMENT_STATUSES.label(row.status),
        our_side=tuple(ours),
        partners=tuple(f"{name} ({country_name(code)})" for name, code in theirs),
        dates=(
            (N_("Proposed"), row.date_proposed),
            (N_("Signed"), with_precision(row.date_signed, row.date_signed_precision)),
            (N_("In force"), with_precision(row.date_in_force, row.date_in_force_precision)),
            (N_("Expires"), with_precision(row.date_expires, row.date_expires_precision)),
        ),
        perpetual=bool(row.perpetual),
        renewal=vocab.RENEWAL_DECISIONS.label(row.renewal_decision),
        legal_authorisation=authorisation,
        languages=", ".join(
            vocab.LANGUAGES.label(code.strip())
            for code in (row.languages or "").split(",")
            if code.strip()
        ),
        responsible=responsible or "",
        signatories=tuple(
            (name, position or "", vocab.SIGNATORY_SIDES.label(side))
            for name, position, side in signatories
        ),
        themes=tuple(vocab.THEMES.label(theme) for theme in themes),
        sdgs=tuple(int(sdg) for sdg in sdgs),
        objectives=tuple((text, indicator or "") for text, indicator in objectives),
        projects=tuple(projects),
        documents=tuple(documents),
        summary=row.summary or "",
        lessons=row.lessons_learned or "",
        notes=row.notes or "",
        survival=""
        if row.status in ENDED_STATUSES
        else survival_readings(session, [row.id], today or date.today())[row.id].full_sentence(),
    )
