"""What each kind of record can be imported with, and the column titles that name each field.

A column is recognised by a field's labels in all four languages (the msgids below,
translated through the catalogues, which include the list pages' column titles so an
export always maps back onto itself) and by synonyms registers commonly use. Matching is
on folded text: "Date de signature", "DATE DE SIGNATURE" and "date de signature " agree.
"""

from __future__ import annotations

from intl_desk.core import vocabularies as vocab
from intl_desk.core.i18n import N_
from intl_desk.exchange.field_types import Field, FieldKind, ImportKind
from intl_desk.exchange.fields_activities import ACTIVITIES
from intl_desk.exchange.fields_contacts import CONTACTS
from intl_desk.exchange.fields_directory import (
    INDICATORS,
    LOCAL_ENTITIES,
    MEASUREMENTS,
    NOTES,
    PARTNERS,
    SDGS,
)
from intl_desk.exchange.fields_networks import NETWORKS
from intl_desk.exchange.fields_terms import PLAN_LINES, TERMS

__all__ = ["IMPORT_KINDS", "Field", "FieldKind", "ImportKind"]

_TITLE = (
    "intitule",
    "intitulé",
    "objet",
    "titulo",
    "título",
    "nom de l'accord",
    "libellé",
    "agreement",
    "accord",
    "convention",
    "convenio",
    "acordo",
)
_REFERENCE = ("ref", "réf", "ref.", "numero", "numéro", "nº", "n°", "no", "number", "code")

AGREEMENTS = ImportKind(
    "agreements",
    N_("Agreements"),
    (
        Field("title", N_("Title"), required=True, synonyms=_TITLE),
        Field(
            "type",
            N_("Type"),
            "code",
            vocab.AGREEMENT_TYPES,
            synonyms=("type d'accord", "tipo de acuerdo", "tipo de acordo", "nature"),
        ),
        Field(
            "status",
            N_("Status"),
            "code",
            vocab.AGREEMENT_STATUSES,
            synonyms=("statut", "etat", "état", "situação", "situación"),
        ),
        Field(
            "partners",
            N_("Partners"),
            "names",
            labels=(N_("Partner"),),
            synonyms=(
                "ville partenaire",
                "villes partenaires",
                "collectivité partenaire",
                "partenaire",
                "partner city",
                "ciudad socia",
                "socio",
                "cidade parceira",
                "parceiro",
                "parceiros",
                "contraparte",
                "ciudad",
            ),
        ),
        Field(
            "countries",
            N_("Countries"),
            "countries",
            labels=(N_("Country"),),
            synonyms=("pays", "país", "pais", "países", "nation"),
        ),
        Field(
            "partner_places",
            N_("Partners' GeoNames ids"),
            "integers",
            synonyms=("geonames", "geonames ids", "ids geonames"),
        ),
        Field(
            "entities",
            N_("Local entities"),
            "names",
            labels=(N_("Local entity"),),
            synonyms=(
                "entité",
                "entidad",
                "entidade",
                "service",
                "municipio",
                "município",
                "commune",
                "signataire local",
                "collectivité",
                "collectivité territoriale",
                "municipalité",
                "mairie",
                "prefeitura",
                "ayuntamiento",
                "local party",
            ),
        ),
        Field(
            "date_signed",
            N_("Signed"),
            "date",
            labels=(N_("Signing date"), N_("Date signed")),
            synonyms=(
                "date de signature",
                "signé le",
                "fecha de firma",
                "firmado",
                "data de assinatura",
                "assinado em",
                "date",
                "fecha",
                "data",
                "signature",
                "année",
                "year",
                "año",
                "ano",
                "signing",
            ),
        ),
        Field(
            "date_expires",
            N_("Expires"),
            "date",
            labels=(N_("Expiry date"),),
            synonyms=(
                "date d'expiration",
                "échéance",
                "fecha de vencimiento",
                "vencimiento",
                "data de vencimento",
                "validade",
                "expiry",
                "expiration",
                "fin",
            ),
        ),
        Field(
            "date_in_force",
            N_("In force since"),
            "date",
            synonyms=(
                "entrée en vigueur",
                "entrada en vigor",
                "entrada em vigor",
                "entry into force",
            ),
        ),
        Field(
            "date_ended",
            N_("Ended on"),
            "date",
            # the day it ended early (terminated, superseded): never its planned expiry,
            # so not "fin" or "end date", which registers use for the expiry
            synonyms=(
                "date de fin anticipée",
                "fin anticipée",
                "résilié le",
                "date de résiliation",
                "terminé le",
                "fecha de terminación",
                "fecha de rescisión",
                "terminado el",
                "rescindido el",
                "data de encerramento",
                "encerrado em",
                "data de rescisão",
                "rescindido em",
                "ended on",
                "terminated on",
                "termination date",
                "date ended",
            ),
        ),
        Field("reference", N_("Reference"), synonyms=_REFERENCE),
        Field(
            "summary",
            N_("Summary"),
            synonyms=(
                "résumé",
                "resumen",
                "resumo",
                "description",
                "descripción",
                "descrição",
                "contenu",
                "contenido",
            ),
        ),
        Field(
            "perpetual",
            N_("Perpetual"),
            "bool",
            synonyms=("sans limite", "durée indéterminée", "indefinido", "indeterminado"),
        ),
        Field("themes", N_("Themes"), "text", synonyms=("thème", "thèmes", "temas", "domaine")),
        Field("sdgs", N_("SDGs"), "sdgs", synonyms=SDGS),
        Field(
            "objectives",
            N_("Objectives"),
            "text",
            synonyms=(
                "objectif",
                "objectifs de l'accord",
                "objectifs poursuivis",
                "objetivo",
                "objetivos del convenio",
                "objetivos do acordo",
                "objective",
                "aims",
                "buts",
                "finalités",
                "finalidades",
            ),
        ),
        Field("notes", N_("Notes"), synonyms=NOTES),
        # the title of another agreement (of the file or of the sheet), see kinds_agreements
        Field("renews", N_("Renews"), synonyms=("renouvelle", "renueva", "renova")),
        Field("amends", N_("Amends"), synonyms=("modifie", "modifica", "altera")),
    ),
)

PROJECTS = ImportKind(
    "projects",
    N_("Projects"),
    (
        Field(
            "title",
            N_("Title"),
            required=True,
            synonyms=("intitulé", "nom du projet", "projet", "proyecto", "projeto", "project"),
        ),
        Field(
            "status",
            N_("Status"),
            "code",
            vocab.PROJECT_STATUSES,
            synonyms=("statut", "etat", "état", "situação"),
        ),
        Field(
            "lead",
            N_("Lead entity"),
            "name",
            synonyms=("chef de file", "porteur", "entidad líder", "líder", "responsable"),
        ),
        Field(
            "partners",
            N_("Partners"),
            "names",
            synonyms=("partenaire", "partenaires", "socio", "socios", "parceiros"),
        ),
        Field(
            "partner_countries",
            N_("Partners' countries"),
            "countries",
            synonyms=("pays des partenaires", "países de los socios", "países dos parceiros"),
        ),
        Field(
            "partner_places",
            N_("Partners' GeoNames ids"),
            "integers",
            synonyms=("geonames", "geonames ids", "ids geonames"),
        ),
        Field("country", N_("Country"), "country", synonyms=("pays", "país", "pais")),
        Field(
            "location_name",
            N_("Place"),
            synonyms=("lieu", "ville", "lugar", "local", "localité", "location"),
        ),
        Field(
            "planned_start",
            N_("Planned start"),
            "date",
            labels=(N_("Start"),),
            synonyms=(
                "début",
                "date de début",
                "inicio",
                "fecha de inicio",
                "início",
                "start date",
            ),
        ),
        Field(
            "planned_end",
            N_("Planned end"),
            "date",
            labels=(N_("End"),),
            synonyms=("fin", "date de fin", "fecha de fin", "término", "end date"),
        ),
        Field(
            "actual_start",
            N_("Actual start"),
            "date",
            synonyms=("début effectif", "début réel", "inicio real", "início efetivo"),
        ),
        Field(
            "actual_end",
            N_("Actual end"),
            "date",
            synonyms=("fin effective", "fin réelle", "fin real", "término efetivo"),
        ),
        Field(
            "budget",
            N_("Budget"),
            "money",
            synonyms=("montant", "monto", "montante", "valor", "amount", "coût total"),
        ),
        Field("currency", N_("Currency"), synonyms=("devise", "moneda", "moeda")),
        Field(
            "description",
            N_("Description"),
            synonyms=("descripción", "descrição", "résumé", "resumen"),
        ),
        Field("iati_identifier", N_("IATI identifier"), synonyms=("iati", "identifiant iati")),
        Field("sdgs", N_("SDGs"), "sdgs", synonyms=SDGS),
        Field("notes", N_("Notes"), synonyms=NOTES),
    ),
)

IMPORT_KINDS: dict[str, ImportKind] = {
    spec.kind: spec
    for spec in (
        AGREEMENTS,
        PROJECTS,
        PARTNERS,
        LOCAL_ENTITIES,
        INDICATORS,
        MEASUREMENTS,
        ACTIVITIES,
        CONTACTS,
        NETWORKS,
        TERMS,
        PLAN_LINES,
    )
}
