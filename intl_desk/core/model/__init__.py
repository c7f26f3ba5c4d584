"""The office file's data model (SQLAlchemy 2 declarative, Qt-free)."""

from intl_desk.core.model.activities import Activity, ExpectedResult, FollowUp
from intl_desk.core.model.agreements import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementProject,
    AgreementSdg,
    AgreementSignatory,
    AgreementTheme,
)
from intl_desk.core.model.base import Base, Record, new_uuid, utc_now
from intl_desk.core.model.documents import Change, Document
from intl_desk.core.model.evaluation import (
    Indicator,
    IndicatorSdg,
    IndicatorTarget,
    Measurement,
    Period,
    ScaleLevel,
    StrategicLine,
    StrategicObjective,
)
from intl_desk.core.model.networks import Membership, Network, Participation
from intl_desk.core.model.office import (
    Contact,
    ContactPosition,
    ExchangeRate,
    LocalEntity,
    Office,
    Partner,
)
from intl_desk.core.model.projects import (
    BudgetLine,
    CofinancingLine,
    Project,
    ProjectParticipant,
    ProjectReport,
    ProjectSdg,
    ProjectSector,
    ProjectTransaction,
)
from intl_desk.core.model.rounds import CollectionRound, RoundIndicator, RoundSubmission
from intl_desk.core.model.sync import SentChange, ServerLink
from intl_desk.core.model.terms import PoliticalTerm

# the partial unique indexes on natural keys, declared on the tables above
from intl_desk.core.model import natural_keys as _natural_keys  # noqa: F401  isort: skip

__all__ = [
    "Activity",
    "Agreement",
    "AgreementObjective",
    "AgreementParty",
    "AgreementProject",
    "AgreementSdg",
    "AgreementSignatory",
    "AgreementTheme",
    "Base",
    "BudgetLine",
    "Change",
    "CofinancingLine",
    "CollectionRound",
    "Contact",
    "ContactPosition",
    "Document",
    "ExchangeRate",
    "ExpectedResult",
    "FollowUp",
    "Indicator",
    "IndicatorSdg",
    "IndicatorTarget",
    "LocalEntity",
    "Measurement",
    "Membership",
    "Network",
    "Office",
    "Participation",
    "Partner",
    "Period",
    "PoliticalTerm",
    "Project",
    "ProjectParticipant",
    "ProjectReport",
    "ProjectSdg",
    "ProjectSector",
    "ProjectTransaction",
    "Record",
    "RoundIndicator",
    "RoundSubmission",
    "ScaleLevel",
    "SentChange",
    "ServerLink",
    "StrategicLine",
    "StrategicObjective",
    "new_uuid",
    "utc_now",
]
