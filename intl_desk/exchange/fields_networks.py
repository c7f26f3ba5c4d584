"""The fields of networks (see :mod:`.fields`): the export's column titles and the words
registers of memberships use. A register listing one membership per network gives it on
the network's row (“Membre depuis”, “Cotisation annuelle”); the export, where a network
may have several, writes them on the sheet “Memberships” beside the list instead."""

from __future__ import annotations

from intl_desk.core import vocabularies as vocab
from intl_desk.core.i18n import N_
from intl_desk.exchange.field_types import Field, ImportKind
from intl_desk.exchange.fields_directory import NOTES

#: the membership's columns a register may give on the network's row
MEMBERSHIP_KEYS = ("role", "since", "until", "annual_fee", "currency", "local_entity", "notes")

NETWORKS = ImportKind(
    "networks",
    N_("Networks"),
    (
        Field(
            "name",
            N_("Name"),
            required=True,
            synonyms=("réseau", "nom du réseau", "red", "nombre de la red", "rede", "network"),
        ),
        Field("acronym", N_("Acronym"), synonyms=("sigle", "acronyme", "sigla", "siglas")),
        Field(
            "scope",
            N_("Scope"),
            "code",
            vocab.NETWORK_SCOPES,
            synonyms=("échelle", "portée", "niveau", "ámbito", "alcance", "âmbito", "escala"),
        ),
        Field(
            "parent",
            N_("Part of"),
            synonyms=("fait partie de", "réseau parent", "parte de", "red matriz", "rede mãe"),
        ),
        Field(
            "themes",
            N_("Themes"),
            synonyms=("thème", "thèmes", "domaines", "temas", "áreas temáticas"),
        ),
        Field("website", N_("Website"), synonyms=("site", "site web", "sitio web", "url", "web")),
        Field("description", N_("Description"), synonyms=("objet", "descripción", "descrição")),
        Field(
            "role",
            N_("Our role"),
            "code",
            vocab.MEMBERSHIP_ROLES,
            labels=(N_("Role"),),
            synonyms=("rôle", "notre rôle", "rol", "nuestro rol", "papel", "nosso papel"),
        ),
        Field(
            "since",
            N_("Member since"),
            "date",
            labels=(N_("Since"),),
            synonyms=(
                "membre depuis",
                "adhésion",
                "date d'adhésion",
                "depuis",
                "miembro desde",
                "adhesión",
                "fecha de adhesión",
                "membro desde",
                "adesão",
                "data de adesão",
            ),
        ),
        Field(
            "until",
            N_("Member until"),
            "date",
            labels=(N_("Until"),),
            synonyms=("jusqu'au", "retrait", "fin d'adhésion", "hasta", "baja", "até", "saída"),
        ),
        Field(
            "annual_fee",
            N_("Annual fee"),
            "money",
            synonyms=(
                "cotisation",
                "cotisation annuelle",
                "cuota",
                "cuota anual",
                "anuidade",
                "contribuição anual",
            ),
        ),
        Field("currency", N_("Currency"), synonyms=("devise", "monnaie", "moneda", "moeda")),
        Field(
            "local_entity",
            N_("Local entity"),
            labels=(N_("Our entity"),),
            synonyms=("collectivité", "entité", "service", "entidad", "entidade"),
        ),
        Field("notes", N_("Notes"), synonyms=NOTES),
    ),
)
