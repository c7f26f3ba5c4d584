"""The partner form: a city or organisation abroad, with the gazetteer's help."""

from __future__ import annotations

from typing import Any

from intl_desk.core import vocabularies as vocab
from intl_desk.core.model import Partner
from intl_desk.core.reference import City
from intl_desk.ui.fields import allow_empty_number
from intl_desk.ui.forms.ui_partner import Ui_PartnerForm
from intl_desk.ui.partner_story_panel import add_story_tab
from intl_desk.ui.pickers import PlaceCompleter, make_country_picker
from intl_desk.ui.record_dialog import RecordDialog


class PartnerDialog(RecordDialog):
    model = Partner
    form_class = Ui_PartnerForm
    vocabularies = {
        "kind": (vocab.PARTNER_KINDS, False),
        "iati_org_type": (vocab.ORGANISATION_TYPES, True),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.story = add_story_tab(self)

    def setup_extra_tabs(self) -> None:
        ui = self.ui
        make_country_picker(ui.country_code, optional=True)
        for widget in (ui.latitude, ui.longitude, ui.population):
            allow_empty_number(widget)
        self.places = PlaceCompleter(ui.name, self.fill_from_place)

    def fill_from_place(self, city: City) -> None:
        """A place picked from the suggestions fills its country and map position."""
        ui = self.ui
        index = ui.country_code.findData(city.country_code)
        if index >= 0:
            ui.country_code.setCurrentIndex(index)
        ui.latitude.setValue(city.latitude)
        ui.longitude.setValue(city.longitude)
        ui.population.setValue(city.population)
        ui.kind.setCurrentIndex(max(ui.kind.findData("city"), 0))
        partner = self.record
        assert isinstance(partner, Partner)
        partner.geonames_id = city.geonameid
        self.revalidate()
