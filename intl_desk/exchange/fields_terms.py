"""The fields of the terms of office (see :mod:`.fields`): the export's column titles,
and the words registers of elected teams use for them."""

from __future__ import annotations

from intl_desk.core.i18n import N_
from intl_desk.exchange.field_types import Field, ImportKind
from intl_desk.exchange.fields_directory import NOTES

TERMS = ImportKind(
    "terms",
    N_("Terms of office"),
    (
        Field(
            "leader",
            N_("Who led"),
            required=True,
            synonyms=(
                "maire",
                "mayor",
                "alcalde",
                "alcaldesa",
                "intendente",
                "prefeito",
                "prefeita",
                "gouverneur",
                "governor",
                "gobernador",
                "governador",
                "président",
                "presidente",
                "élu",
                "leader",
                "chef de l'exécutif",
                "jefe de gobierno",
            ),
        ),
        Field(
            "leader_title",
            N_("Title"),
            synonyms=("fonction", "function", "cargo", "função", "titre", "qualité"),
        ),
        Field(
            "start_date",
            N_("From"),
            "date",
            required=True,
            synonyms=(
                "début",
                "début du mandat",
                "start",
                "term start",
                "inicio",
                "inicio del mandato",
                "início",
                "início do mandato",
                "desde",
            ),
        ),
        Field(
            "end_date",
            N_("To"),
            "date",
            synonyms=(
                "fin",
                "fin du mandat",
                "end",
                "term end",
                "fin del mandato",
                "fim",
                "fim do mandato",
                "hasta",
                "até",
            ),
        ),
        Field(
            "plan_title",
            N_("Plan adopted"),
            synonyms=(
                "plan",
                "plan de mandat",
                "programme",
                "projet de mandat",
                "plan de gobierno",
                "plan de desarrollo",
                "plano",
                "plano de governo",
                "plano plurianual",
            ),
        ),
        Field(
            "plan_adopted_on",
            N_("Adopted on"),
            "date",
            synonyms=(
                "adopté le",
                "date d'adoption",
                "adopted",
                "aprobado el",
                "fecha de aprobación",
                "aprovado em",
                "data de aprovação",
            ),
        ),
        Field(
            "commitments",
            N_("Commitments to the next team"),
            synonyms=("engagements", "commitments", "compromisos", "compromissos"),
        ),
        Field("notes", N_("Notes"), synonyms=NOTES),
    ),
)

PLAN_LINES = ImportKind(
    "plan_lines",
    N_("Plan lines"),
    (
        Field("code", N_("Code"), synonyms=("código", "codigo", "ref", "réf", "n°")),
        Field(
            "title",
            N_("Strategic line"),
            required=True,
            synonyms=(
                "axe",
                "axe stratégique",
                "orientation",
                "ligne stratégique",
                "eje",
                "eje estratégico",
                "línea estratégica",
                "eixo",
                "eixo estratégico",
                "linha estratégica",
            ),
        ),
        Field("description", N_("Description"), synonyms=("descripción", "descrição")),
        Field(
            "term",
            N_("Plan of the term"),
            synonyms=(
                "mandat",
                "mandato",
                "plan de mandat",
                "plan de gobierno",
                "plano de governo",
            ),
        ),
        Field("term_start", N_("Term from"), "date"),
        Field(
            "continues",
            N_("Carries on"),
            synonyms=("prolonge", "succède à", "remplace", "continúa", "sucede a", "substitui"),
        ),
    ),
)
