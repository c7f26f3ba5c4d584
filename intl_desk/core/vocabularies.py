"""Controlled vocabularies, in one place, with stable codes.

Codes are what the office file stores and what exports carry; they never change once
released. Labels are msgids translated when shown. Where IATI publishes the list
(activity status, organisation role and type, budget and transaction types, document
categories) the codes are IATI's own, checked against the shipped code lists by a test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from intl_desk.core.i18n import N_, translate


@dataclass(frozen=True)
class Term:
    code: str
    label: str  # msgid

    def display(self, language: str | None = None) -> str:
        return translate(self.label, language)


class Vocabulary:
    """An ordered list of terms looked up by code."""

    def __init__(self, name: str, terms: list[tuple[str, str]]) -> None:
        self.name = name
        self.terms: tuple[Term, ...] = tuple(Term(code, label) for code, label in terms)
        self._by_code = {term.code: term for term in self.terms}
        if len(self._by_code) != len(self.terms):
            raise ValueError(f"duplicate code in vocabulary {name}")

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self.terms)

    def label(self, code: str | None, language: str | None = None) -> str:
        if code is None:
            return ""
        term = self._by_code.get(code)
        return term.display(language) if term else code


OFFICE_KINDS = Vocabulary(
    "office_kind",
    [
        ("city", N_("City or municipality")),
        ("metropolis", N_("Metropolitan authority")),
        ("department", N_("Department or province")),
        ("region", N_("Region")),
        ("state", N_("State")),
        ("agency", N_("Agency for several local governments")),
        ("association", N_("Association of local governments")),
    ],
)

LOCAL_ENTITY_KINDS = Vocabulary(
    "local_entity_kind",
    [
        ("government", N_("Own government")),
        ("region", N_("Region (group of municipalities)")),
        ("municipality", N_("Municipality")),
        ("department", N_("Department or service")),
        ("public_company", N_("Public company or agency")),
        ("university", N_("University or research centre")),
        ("chamber", N_("Chamber of commerce")),
        ("association", N_("Association or civil society")),
        ("company", N_("Company")),
        ("other", N_("Other")),
    ],
)

PARTNER_KINDS = Vocabulary(
    "partner_kind",
    [
        ("city", N_("City or municipality")),
        ("region", N_("Region, province or state")),
        ("national_government", N_("National government")),
        ("national_agency", N_("National or development agency")),
        ("embassy", N_("Embassy or consulate")),
        ("university", N_("University or research centre")),
        ("ngo", N_("NGO or association")),
        ("international_organisation", N_("International organisation")),
        ("network", N_("Network of local governments")),
        ("company", N_("Company")),
        ("other", N_("Other")),
    ],
)

AGREEMENT_TYPES = Vocabulary(
    "agreement_type",
    [
        ("twinning", N_("Twinning / sister city")),
        ("friendship", N_("Friendship agreement")),
        ("cooperation", N_("Cooperation agreement")),
        ("mou", N_("Memorandum of understanding")),
        ("letter_of_intent", N_("Letter of intent")),
        ("implementation", N_("Implementation agreement")),
        ("amendment", N_("Amendment")),
    ],
)

AGREEMENT_STATUSES = Vocabulary(
    "agreement_status",
    [
        ("draft", N_("Draft")),
        ("negotiation", N_("In negotiation")),
        ("active", N_("Active")),
        ("expired", N_("Expired")),
        ("terminated", N_("Terminated")),
        ("suspended", N_("Suspended")),
        ("superseded", N_("Superseded")),
    ],
)

#: how precisely a date is known (see intl_desk.core.date_precision)
DATE_PRECISIONS = Vocabulary(
    "date_precision",
    [
        ("day", N_("A whole date")),
        ("month", N_("A month only")),
        ("year", N_("A year only")),
    ],
)
RENEWAL_DECISIONS = Vocabulary(
    "renewal_decision",
    [
        ("undecided", N_("Not decided")),
        ("renew", N_("Renew")),
        ("renegotiate", N_("Renegotiate")),
        ("let_expire", N_("Let expire")),
        ("automatic", N_("Renews automatically")),
    ],
)

PARTY_ROLES = Vocabulary(
    "party_role",
    [
        ("signatory", N_("Signatory")),
        ("coordinator", N_("Coordinator")),
        ("witness", N_("Witness")),
        ("funder", N_("Funder")),
        ("associate", N_("Associate")),
    ],
)

SIGNATORY_SIDES = Vocabulary(
    "signatory_side",
    [
        ("ours", N_("Our side")),
        ("theirs", N_("Partner's side")),
    ],
)

THEMES = Vocabulary(
    "theme",
    [
        ("culture", N_("Culture")),
        ("heritage", N_("Heritage")),
        ("education", N_("Education")),
        ("youth_sport", N_("Youth and sport")),
        ("economy", N_("Economic development")),
        ("tourism", N_("Tourism")),
        ("investment", N_("Investment and trade")),
        ("innovation", N_("Science and innovation")),
        ("environment", N_("Environment and climate")),
        ("water", N_("Water and sanitation")),
        ("energy", N_("Energy")),
        ("urban", N_("Urban planning")),
        ("mobility", N_("Mobility and transport")),
        ("housing", N_("Housing")),
        ("health", N_("Health")),
        ("social", N_("Social inclusion")),
        ("gender", N_("Gender equality")),
        ("migration", N_("Migration")),
        ("food", N_("Food and agriculture")),
        ("governance", N_("Governance and institutional strengthening")),
        ("peace", N_("Peace and human rights")),
        ("risk", N_("Disaster risk and resilience")),
        ("digital", N_("Digital and smart city")),
    ],
)

# IATI ActivityStatus 2.03
PROJECT_STATUSES = Vocabulary(
    "project_status",
    [
        ("1", N_("Pipeline / identification")),
        ("2", N_("Implementation")),
        ("3", N_("Finalisation")),
        ("4", N_("Closed")),
        ("5", N_("Cancelled")),
        ("6", N_("Suspended")),
    ],
)
PROJECT_RUNNING_STATUSES = ("2", "3")

# IATI OrganisationRole 2.03
ORGANISATION_ROLES = Vocabulary(
    "organisation_role",
    [
        ("1", N_("Funding")),
        ("2", N_("Accountable")),
        ("3", N_("Extending")),
        ("4", N_("Implementing")),
    ],
)

# IATI OrganisationType 2.03
ORGANISATION_TYPES = Vocabulary(
    "organisation_type",
    [
        ("10", N_("Government")),
        ("11", N_("Local government")),
        ("15", N_("Other public sector")),
        ("21", N_("International NGO")),
        ("22", N_("National NGO")),
        ("23", N_("Regional NGO")),
        ("24", N_("Partner country based NGO")),
        ("30", N_("Public private partnership")),
        ("40", N_("Multilateral")),
        ("60", N_("Foundation")),
        ("70", N_("Private sector")),
        ("71", N_("Private sector in provider country")),
        ("72", N_("Private sector in aid recipient country")),
        ("73", N_("Private sector in third country")),
        ("80", N_("Academic, training and research")),
        ("90", N_("Other")),
    ],
)

# IATI BudgetType 2.03
BUDGET_TYPES = Vocabulary(
    "budget_type",
    [
        ("1", N_("Original")),
        ("2", N_("Revised")),
    ],
)

# IATI BudgetStatus 2.03
BUDGET_STATUSES = Vocabulary(
    "budget_status",
    [
        ("1", N_("Indicative")),
        ("2", N_("Committed")),
    ],
)

# IATI TransactionType 2.03 (the ones a local government office records)
TRANSACTION_TYPES = Vocabulary(
    "transaction_type",
    [
        ("1", N_("Incoming funds")),
        ("2", N_("Outgoing commitment")),
        ("3", N_("Disbursement")),
        ("4", N_("Expenditure")),
        ("11", N_("Incoming commitment")),
    ],
)

COFINANCING_STATUSES = Vocabulary(
    "cofinancing_status",
    [
        ("planned", N_("Planned")),
        ("requested", N_("Requested")),
        ("granted", N_("Granted")),
        ("refused", N_("Refused")),
    ],
)

NETWORK_SCOPES = Vocabulary(
    "network_scope",
    [
        ("global", N_("Global")),
        ("continental", N_("Continental")),
        ("regional", N_("Regional")),
        ("national", N_("National")),
        ("thematic", N_("Thematic")),
        ("country_group", N_("Country group")),
    ],
)

MEMBERSHIP_ROLES = Vocabulary(
    "membership_role",
    [
        ("member", N_("Member")),
        ("observer", N_("Observer")),
        ("board", N_("Board member")),
        ("vice_president", N_("Vice-presidency")),
        ("president", N_("Presidency")),
        ("working_group_chair", N_("Chair of a working group")),
        ("secretariat", N_("Secretariat")),
    ],
)

PARTICIPATION_KINDS = Vocabulary(
    "participation_kind",
    [
        ("event", N_("Event attended")),
        ("position", N_("Position held")),
        ("contribution", N_("Contribution")),
        ("statement", N_("Statement adopted")),
        ("agenda", N_("Influence on an agenda")),
    ],
)

ACTIVITY_KINDS = Vocabulary(
    "activity_kind",
    [
        ("mission", N_("Mission abroad")),
        ("delegation", N_("Delegation received")),
        ("event", N_("International event hosted")),
        ("meeting", N_("Meeting")),
    ],
)

ACTIVITY_STATUSES = Vocabulary(
    "activity_status",
    [
        ("planned", N_("Planned")),
        ("done", N_("Done")),
        ("cancelled", N_("Cancelled")),
    ],
)

#: how a mission travelled; the carbon factors per mode are in core/carbon.py
TRANSPORT_MODES = Vocabulary(
    "transport_mode",
    [
        ("plane", N_("Plane")),
        ("high_speed_train", N_("High-speed train")),
        ("intercity_train", N_("Intercity train")),
        ("coach", N_("Coach")),
        ("car", N_("Car")),
    ],
)

#: the follow-ups a mission with expected results gets, in months after its end
FOLLOW_UP_MONTHS = (3, 6, 12)

DIMENSIONS = Vocabulary(
    "dimension",
    [
        ("institutional", N_("Institutional")),
        ("political", N_("Political")),
        ("territorial", N_("Territorial")),
    ],
)

ROUND_STATUSES = Vocabulary(
    "round_status",
    [
        ("open", N_("Open: answers are taken")),
        ("closed", N_("Closed: no new answers")),
    ],
)

SUBMISSION_STATUSES = Vocabulary(
    "submission_status",
    [
        ("due", N_("Not submitted yet")),
        ("submitted", N_("Submitted, awaiting review")),
        ("approved", N_("Approved")),
        ("returned", N_("Returned to be corrected")),
    ],
)

MEASURES = Vocabulary(
    "measure",
    [
        ("quantitative", N_("Quantitative")),
        ("qualitative", N_("Qualitative scale")),
        ("text", N_("Text with evidence")),
    ],
)

DIRECTIONS = Vocabulary(
    "direction",
    [
        ("increase", N_("Higher is better")),
        ("decrease", N_("Lower is better")),
    ],
)

DOCUMENT_CATEGORIES = Vocabulary(
    "document_category",
    [
        ("signed_text", N_("Signed text")),
        ("council_decision", N_("Council decision")),
        ("report", N_("Report")),
        ("evidence", N_("Evidence")),
        ("correspondence", N_("Correspondence")),
        ("photo", N_("Photo")),
        ("other", N_("Other")),
    ],
)

REPORT_STATUSES = Vocabulary(
    "report_status",
    [
        ("due", N_("Due")),
        ("submitted", N_("Submitted")),
        ("accepted", N_("Accepted")),
    ],
)

CURRENCIES = (
    "EUR",
    "USD",
    "BRL",
    "COP",
    "MXN",
    "ARS",
    "CLP",
    "PEN",
    "GBP",
    "CHF",
    "CAD",
    "XOF",
    "MAD",
    "JPY",
    "CNY",
)

LANGUAGES = Vocabulary(
    "language",
    [
        ("en", N_("English")),
        ("fr", N_("French")),
        ("es", N_("Spanish")),
        ("pt", N_("Portuguese")),
        ("de", N_("German")),
        ("it", N_("Italian")),
        ("ar", N_("Arabic")),
        ("zh", N_("Chinese")),
        ("ja", N_("Japanese")),
        ("ko", N_("Korean")),
        ("ru", N_("Russian")),
        ("pl", N_("Polish")),
        ("vi", N_("Vietnamese")),
        ("other", N_("Other")),
    ],
)

SDG_NUMBERS = tuple(range(1, 18))
