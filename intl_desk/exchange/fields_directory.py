"""The fields of partners, local entities, indicators and measurements (see :mod:`.fields`)."""

from __future__ import annotations

from intl_desk.core import vocabularies as vocab
from intl_desk.core.i18n import N_
from intl_desk.exchange.field_types import Field, ImportKind

NOTES = (
    "notes",
    "remarques",
    "observations",
    "observaciones",
    "observações",
    "comments",
    "commentaires",
    "comentarios",
)
SDGS = ("sdg", "sdgs", "odd", "ods", "objectifs de développement durable")

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
        Field(
            "geonames_id",
            N_("GeoNames id"),
            "int",
            synonyms=("geonames", "geonameid", "id geonames", "identifiant geonames"),
        ),
        Field("notes", N_("Notes"), synonyms=NOTES),
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
        Field("notes", N_("Notes"), synonyms=NOTES),
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
        Field(
            "cumulative",
            N_("Cumulative"),
            "bool",
            synonyms=("cumulatif", "cumulé", "acumulado", "acumulativo"),
        ),
        Field("description", N_("Description"), synonyms=("descripción", "descrição")),
        Field("source", N_("Source"), synonyms=("fuente", "fonte")),
        Field(
            "objective",
            N_("Objective"),
            synonyms=("objectif", "objectif stratégique", "objetivo", "objetivo estratégico"),
        ),
        # an indicator computed from the records: the app's own formula code and filter
        Field("formula", N_("Formula")),
        Field("formula_filter", N_("Filter")),
        Field(
            "continues",
            N_("Carries on"),
            synonyms=(
                "prolonge",
                "succède à",
                "remplace",
                "indicateur précédent",
                "continúa",
                "sucede a",
                "indicador anterior",
                "substitui",
                "dá continuidade a",
                "continues",
                "previous indicator",
            ),
        ),
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
