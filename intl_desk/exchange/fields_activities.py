"""The fields of activities — missions abroad, delegations received, events (see
:mod:`.fields`): the export's column titles, and the words mission registers use."""

from __future__ import annotations

from intl_desk.core import vocabularies as vocab
from intl_desk.core.i18n import N_
from intl_desk.exchange.field_types import Field, ImportKind

ACTIVITIES = ImportKind(
    "activities",
    N_("Activities"),
    (
        Field(
            "title",
            N_("Title"),
            required=True,
            synonyms=(
                "intitulé",
                "mission",
                "déplacement",
                "événement",
                "actividad",
                "misión",
                "evento",
                "atividade",
                "missão",
                "activity",
            ),
        ),
        Field(
            "kind",
            N_("Kind"),
            "code",
            vocab.ACTIVITY_KINDS,
            synonyms=("type", "tipo", "nature", "type d'activité", "tipo de actividad"),
        ),
        Field(
            "status",
            N_("Status"),
            "code",
            vocab.ACTIVITY_STATUSES,
            synonyms=("statut", "état", "estado", "situação"),
        ),
        Field(
            "start_date",
            N_("Start"),
            "date",
            labels=(N_("Start date"),),
            synonyms=(
                "date",
                "dates",
                "date de début",
                "date de départ",
                "départ",
                "du",
                "fecha",
                "fecha de inicio",
                "salida",
                "data",
                "data de início",
                "partida",
            ),
        ),
        Field(
            "end_date",
            N_("End date"),
            "date",
            synonyms=(
                "fin",
                "date de fin",
                "retour",
                "date de retour",
                "fecha de fin",
                "regreso",
                "fim",
                "data de fim",
                "retorno",
            ),
        ),
        Field(
            "location",
            N_("Place"),
            synonyms=(
                "lieu",
                "ville",
                "destination",
                "lugar",
                "ciudad",
                "destino",
                "local",
                "cidade",
            ),
        ),
        Field("country", N_("Country"), "country", synonyms=("pays", "país", "pais")),
        Field(
            "cost",
            N_("Cost"),
            "money",
            synonyms=("coût", "coût total", "montant", "costo", "coste", "custo", "valor"),
        ),
        Field("currency", N_("Currency"), synonyms=("devise", "monnaie", "moneda", "moeda")),
        Field(
            "participant_count",
            N_("Number of people"),
            "int",
            synonyms=(
                "nombre de participants",
                "nb participants",
                "participants (nombre)",
                "número de participantes",
                "número de pessoas",
            ),
        ),
        Field(
            "participants",
            N_("Participants"),
            synonyms=(
                "délégation",
                "composition de la délégation",
                "participantes",
                "delegación",
                "delegação",
            ),
        ),
        Field(
            "purpose",
            N_("Purpose"),
            synonyms=(
                "objet",
                "objet de la mission",
                "objectif",
                "motif",
                "objetivo",
                "finalidad",
                "finalidade",
            ),
        ),
        Field("justification", N_("Justification"), synonyms=("justificación", "justificativa")),
        Field(
            "outcomes",
            N_("Outcomes"),
            synonyms=("résultats", "bilan", "resultados", "balance", "balanço"),
        ),
        Field(
            "lessons_learned",
            N_("Lessons learned"),
            synonyms=("enseignements", "leçons", "lecciones aprendidas", "lições aprendidas"),
        ),
        Field(
            "transport_mode",
            N_("Transport"),
            "code",
            vocab.TRANSPORT_MODES,
            synonyms=("mode de transport", "medio de transporte", "meio de transporte"),
        ),
        Field(
            "local_entity",
            N_("Local entity"),
            labels=(N_("Our entity"),),
            synonyms=(
                "collectivité",
                "entité",
                "service",
                "entidad",
                "entidade",
                "municipio",
                "município",
            ),
        ),
        Field(
            "partner",
            N_("Partner"),
            synonyms=(
                "partenaire",
                "ville partenaire",
                "socio",
                "contraparte",
                "parceiro",
                "cidade parceira",
            ),
        ),
        Field("partner_country", N_("Partner's country"), "country"),
        Field("partner_place", N_("Partner's GeoNames id"), "int", synonyms=("geonames",)),
        Field(
            "agreement", N_("Agreement"), synonyms=("accord", "convention", "convenio", "acordo")
        ),
        Field("project", N_("Project"), synonyms=("projet", "proyecto", "projeto")),
        Field("network", N_("Network"), synonyms=("réseau", "red", "rede")),
    ),
)
