"""The fields of contacts (see :mod:`.fields`): the export's column titles, and the words
address books use for them."""

from __future__ import annotations

from intl_desk.core.i18n import N_
from intl_desk.exchange.field_types import Field, ImportKind
from intl_desk.exchange.fields_directory import NOTES

CONTACTS = ImportKind(
    "contacts",
    N_("Contacts"),
    (
        Field(
            "name",
            N_("Name"),
            required=True,
            synonyms=("nom", "nom et prénom", "nombre", "nome", "contact", "contato", "personne"),
        ),
        Field(
            "position",
            N_("Position"),
            synonyms=("fonction", "poste", "titre", "cargo", "puesto", "função"),
        ),
        Field(
            "organisation",
            N_("Organisation"),
            synonyms=(
                "organisme",
                "institution",
                "structure",
                "organización",
                "institución",
                "organização",
                "instituição",
            ),
        ),
        # an export's own column: the organisation as typed on the form, even where the
        # list shows the partner's or entity's name instead
        Field("organisation_typed", N_("Organisation as typed")),
        Field("email", N_("E-mail"), synonyms=("courriel", "mail", "email", "correo", "e-mail")),
        Field("phone", N_("Phone"), synonyms=("téléphone", "tél", "tél.", "teléfono", "telefone")),
        Field("partner", N_("Partner"), synonyms=("partenaire", "socio", "parceiro")),
        Field("partner_country", N_("Partner's country"), "country"),
        Field("partner_place", N_("Partner's GeoNames id"), "int", synonyms=("geonames",)),
        Field("local_entity", N_("Local entity"), synonyms=("service", "direction", "entidad")),
        Field("languages", N_("Languages"), synonyms=("langues", "idiomas", "línguas")),
        Field("is_staff", N_("Office staff"), "bool"),
        Field("notes", N_("Notes"), synonyms=NOTES),
    ),
)
