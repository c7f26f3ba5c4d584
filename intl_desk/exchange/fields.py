"""What each kind of record can be imported with, and the column titles that name each field.

A column is recognised by a field's labels in all four languages (the msgids below,
translated through the catalogues, which include the list pages' column titles so an
export always maps back onto itself) and by synonyms registers commonly use. Matching is
on folded text: "Date de signature", "DATE DE SIGNATURE" and "date de signature " agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from intl_desk.core import vocabularies as vocab
from intl_desk.core.i18n import N_

FieldKind = Literal[
    "text",
    "date",
    "code",
    "country",
    "countries",
    "names",
    "name",
    "int",
    "float",
    "money",
    "bool",
    "sdgs",
    "year",
]


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # msgid shown in the mapping step
    kind: FieldKind = "text"
    vocabulary: vocab.Vocabulary | None = None
    #: more msgids that name this field (translated in every language when matching)
    labels: tuple[str, ...] = ()
    #: raw spellings found in registers (any language, matched folded)
    synonyms: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ImportKind:
    kind: str
    label: str  # msgid, plural
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field:
        for field in self.fields:
            if field.key == key:
                return field
        raise KeyError(key)


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
_NOTES = (
    "notes",
    "remarques",
    "observations",
    "observaciones",
    "observações",
    "comments",
    "commentaires",
    "comentarios",
)
_SDGS = ("sdg", "sdgs", "odd", "ods", "objectifs de développement durable")

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
        Field("sdgs", N_("SDGs"), "sdgs", synonyms=_SDGS),
        Field("notes", N_("Notes"), synonyms=_NOTES),
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
        Field("country", N_("Country"), "country", synonyms=("pays", "país", "pais")),
        Field(
            "location_name",
            N_("Place"),
            synonyms=("lieu", "ville", "lugar", "local", "localité", "location"),
        ),
        Field(
            "planned_start",
            N_("Start"),
            "date",
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
            N_("End"),
            "date",
            synonyms=("fin", "date de fin", "fecha de fin", "término", "end date"),
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
        Field("sdgs", N_("SDGs"), "sdgs", synonyms=_SDGS),
        Field("notes", N_("Notes"), synonyms=_NOTES),
    ),
)

PARTNERS = ImportKind(
    "partners",
    N_("Partners"),
    (
        Field(
            "name",
            N_("Name"),
            required=True,
            synonyms=(
                "nom",
                "nombre",
                "nome",
                "partenaire",
                "partner",
                "ville",
                "ciudad",
                "cidade",
                "city",
                "organisation",
                "organización",
                "organização",
            ),
        ),
        Field(
            "kind",
            N_("Kind"),
            "code",
            vocab.PARTNER_KINDS,
            synonyms=("type", "tipo", "catégorie", "categoria", "categoría"),
        ),
        Field(
            "country", N_("Country"), "country", required=True, synonyms=("pays", "país", "pais")
        ),
        Field(
            "region",
            N_("Region"),
            synonyms=("région", "región", "região", "province", "estado", "state"),
        ),
        Field("website", N_("Website"), synonyms=("site", "site web", "sitio web", "url", "web")),
        Field(
            "population",
            N_("Population"),
            "int",
            synonyms=("población", "população", "habitants", "habitantes"),
        ),
        Field("latitude", N_("Latitude"), "float", synonyms=("lat",)),
        Field("longitude", N_("Longitude"), "float", synonyms=("lon", "long", "lng")),
        Field("iati_org_ref", N_("IATI organisation identifier"), synonyms=("iati",)),
        Field("notes", N_("Notes"), synonyms=_NOTES),
    ),
)

LOCAL_ENTITIES = ImportKind(
    "local_entities",
    N_("Local entities"),
    (
        Field(
            "name",
            N_("Name"),
            required=True,
            synonyms=(
                "nom",
                "nombre",
                "nome",
                "entité",
                "entidad",
                "entidade",
                "municipio",
                "município",
                "commune",
                "service",
            ),
        ),
        Field(
            "kind",
            N_("Kind"),
            "code",
            vocab.LOCAL_ENTITY_KINDS,
            synonyms=("type", "tipo", "catégorie", "categoria"),
        ),
        Field(
            "parent",
            N_("Part of"),
            "name",
            synonyms=("parent", "région", "region", "región", "região", "dépend de"),
        ),
        Field(
            "code",
            N_("Code"),
            synonyms=("code insee", "código ibge", "ibge", "insee", "código", "codigo"),
        ),
        Field(
            "population",
            N_("Population"),
            "int",
            synonyms=("población", "população", "habitants", "habitantes"),
        ),
        Field("latitude", N_("Latitude"), "float", synonyms=("lat",)),
        Field("longitude", N_("Longitude"), "float", synonyms=("lon", "long", "lng")),
        Field("notes", N_("Notes"), synonyms=_NOTES),
    ),
)

INDICATORS = ImportKind(
    "indicators",
    N_("Indicators"),
    (
        Field("code", N_("Code"), synonyms=("código", "codigo", "ref", "réf")),
        Field(
            "name",
            N_("Name"),
            required=True,
            synonyms=("nom", "nombre", "nome", "indicateur", "indicador", "indicator", "intitulé"),
        ),
        Field(
            "dimension",
            N_("Dimension"),
            "code",
            vocab.DIMENSIONS,
            synonyms=("dimensión", "dimensão", "axe"),
        ),
        Field(
            "measure",
            N_("Measure"),
            "code",
            vocab.MEASURES,
            synonyms=("type de mesure", "tipo de medida", "mesure", "medida"),
        ),
        Field("unit", N_("Unit"), synonyms=("unité", "unidad", "unidade")),
        Field("direction", N_("Direction"), "code", vocab.DIRECTIONS, synonyms=("sens", "sentido")),
        Field(
            "baseline_value",
            N_("Baseline"),
            "float",
            synonyms=("valeur de référence", "línea de base", "linha de base", "baseline"),
        ),
        Field(
            "baseline_year",
            N_("Baseline year"),
            "year",
            synonyms=("année de référence", "año base", "ano base"),
        ),
        Field("description", N_("Description"), synonyms=("descripción", "descrição")),
        Field("source", N_("Source"), synonyms=("fuente", "fonte")),
    ),
)

MEASUREMENTS = ImportKind(
    "measurements",
    N_("Measurements"),
    (
        Field(
            "indicator",
            N_("Indicator"),
            "text",
            required=True,
            synonyms=("indicateur", "indicador", "code indicateur", "código"),
        ),
        Field(
            "period",
            N_("Period"),
            "text",
            required=True,
            synonyms=("période", "periodo", "período", "année", "year", "año", "ano"),
        ),
        Field(
            "entity",
            N_("Local entity"),
            "name",
            synonyms=("entité", "entidad", "entidade", "municipio", "município", "commune"),
        ),
        Field("value", N_("Value"), "float", synonyms=("valeur", "valor", "résultat", "resultado")),
        Field("scale_level", N_("Scale level"), "int", synonyms=("niveau", "nivel", "nível")),
        Field("text", N_("Observation"), synonyms=("texte", "texto", "constat")),
        Field(
            "measured_on",
            N_("Measured on"),
            "date",
            synonyms=("date", "fecha", "data", "date de mesure"),
        ),
        Field("source", N_("Source"), synonyms=("fuente", "fonte")),
        Field("comment", N_("Comment"), synonyms=("commentaire", "comentario", "comentário")),
    ),
)

IMPORT_KINDS: dict[str, ImportKind] = {
    spec.kind: spec
    for spec in (AGREEMENTS, PROJECTS, PARTNERS, LOCAL_ENTITIES, INDICATORS, MEASUREMENTS)
}
