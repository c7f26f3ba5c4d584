"""The lists' search, facets and sorting, done in SQL, checked against plain Python."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.agreement_health import GAPS
from intl_desk.core.folding import fold
from intl_desk.core.listing import (
    LISTS,
    ListQuery,
    count,
    fetch_ids,
    fetch_rows,
    first_ids,
    first_page,
    matching_among,
    with_values,
)
from intl_desk.core.listing import query as query_module
from intl_desk.core.listing.agreement_search import spelling_in
from intl_desk.core.model import Agreement, AgreementParty, AgreementTheme, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile


@pytest.fixture
def register(office: OfficeFile) -> dict[str, str]:
    """A state, a region, two municipalities, three partners, four agreements."""
    with office.session() as session:
        state = LocalEntity(name="Minas Gerais", kind="government")
        region = LocalEntity(name="Campo das Vertentes", kind="region", parent=state)
        sjdr = LocalEntity(name="São João del Rei", kind="municipality", parent=region)
        bh = LocalEntity(name="Belo Horizonte", kind="municipality", parent=state)
        lodz = Partner(name="Łódź", kind="city", country_code="PL")
        cordoba = Partner(name="Córdoba", kind="city", country_code="AR")
        hue = Partner(name="Huế", kind="city", country_code="VN")

        def agreement(
            title: str,
            kind: str,
            status: str,
            signed: date | None,
            ours: LocalEntity,
            theirs: Partner,
            theme: str,
        ) -> Agreement:
            record = Agreement(title=title, type=kind, status=status, date_signed=signed)
            record.parties.append(AgreementParty(local_entity=ours))
            record.parties.append(AgreementParty(partner=theirs))
            record.themes.append(AgreementTheme(theme=theme))
            return record

        records = [
            agreement(
                "Cidades-irmãs São João del Rei – Łódź",
                "twinning",
                "active",
                date(1995, 4, 2),
                sjdr,
                lodz,
                "culture",
            ),
            agreement(
                "Memorando BH – Córdoba", "mou", "active", date(2019, 8, 1), bh, cordoba, "economy"
            ),
            agreement(
                "Cooperação técnica BH – Huế",
                "cooperation",
                "expired",
                date(2008, 3, 1),
                bh,
                hue,
                "water",
            ),
            agreement(
                "Carta de intenção Minas – Łódź 100% digital",
                "letter_of_intent",
                "draft",
                None,
                state,
                lodz,
                "digital",
            ),
        ]
        session.add_all(records)
        session.commit()
        ids = {record.title.split()[0]: record.id for record in records}
        ids.update(state=state.id, region=region.id, bh=bh.id)
        return ids


def titles(session: Session, query: ListQuery) -> list[str]:
    spec = LISTS["agreements"]
    ids = fetch_ids(session, spec, query)
    rows = fetch_rows(session, spec, ids, ["title"])
    return [rows[record_id][0] for record_id in ids]


def test_search_matches_title_partner_and_entity(
    office: OfficeFile, register: dict[str, str]
) -> None:
    with office.session() as session:
        assert titles(session, ListQuery(search="memorando")) == ["Memorando BH – Córdoba"]
        assert len(titles(session, ListQuery(search="łódź"))) == 2
        assert titles(session, ListQuery(search="Belo Horizonte", sort_key="title")) == [
            "Cooperação técnica BH – Huế",
            "Memorando BH – Córdoba",
        ]
        assert titles(session, ListQuery(search="100%")) == [
            "Carta de intenção Minas – Łódź 100% digital"
        ]
        assert titles(session, ListQuery(search="10_")) == []


def test_every_word_must_match(office: OfficeFile, register: dict[str, str]) -> None:
    with office.session() as session:
        assert titles(session, ListQuery(search="łódź carta")) == [
            "Carta de intenção Minas – Łódź 100% digital"
        ]


def test_facets(office: OfficeFile, register: dict[str, str]) -> None:
    with office.session() as session:
        assert titles(session, ListQuery(facets={"status": "expired"})) == [
            "Cooperação técnica BH – Huế"
        ]
        assert titles(session, ListQuery(facets={"country": "AR"})) == ["Memorando BH – Córdoba"]
        assert titles(session, ListQuery(facets={"year": "1995"})) == [
            "Cidades-irmãs São João del Rei – Łódź"
        ]
        assert titles(session, ListQuery(facets={"theme": "water"})) == [
            "Cooperação técnica BH – Huế"
        ]


def test_entity_facet_includes_everything_under_it(
    office: OfficeFile, register: dict[str, str]
) -> None:
    with office.session() as session:
        spec = LISTS["agreements"]
        assert count(session, spec, ListQuery(facets={"entity": register["state"]})) == 4
        assert titles(session, ListQuery(facets={"entity": register["region"]})) == [
            "Cidades-irmãs São João del Rei – Łódź"
        ]


def test_sorting_by_date_and_by_label(office: OfficeFile, register: dict[str, str]) -> None:
    with office.session() as session:
        by_date = titles(session, ListQuery(sort_key="date_signed"))
        assert by_date[:3] == [
            "Cidades-irmãs São João del Rei – Łódź",
            "Cooperação técnica BH – Huế",
            "Memorando BH – Córdoba",
        ]
        assert by_date[-1].startswith("Carta")  # no date: last either way
        assert titles(session, ListQuery(sort_key="date_signed", descending=True))[-1].startswith(
            "Carta"
        )
        by_type = titles(session, ListQuery(sort_key="type"))
        # by what the user reads: Cooperation, Letter of intent, Memorandum, Twinning
        assert [title.split()[0] for title in by_type] == [
            "Cooperação",
            "Carta",
            "Memorando",
            "Cidades-irmãs",
        ]


@pytest.mark.parametrize("language", ["pt", "fr", "en"])
def test_themes_and_gaps_sort_as_the_list_shows_them(office: OfficeFile, language: str) -> None:
    """By the first theme the list shows (labels in alphabetical order, accents among
    their letters: "Éducation" before "Jeunesse" in French), and by the gaps' labels as
    shown; an agreement without any comes last."""
    from intl_desk.core.i18n import set_language
    from intl_desk.core.model import AgreementObjective, Contact

    set_language(language)
    today = date.today()
    with office.session() as session:
        officer = Contact(name="Ana Lúcia Ribeiro")
        session.add(officer)
        themed = {
            "Cultura e juventude": ["youth_sport", "culture"],
            "Educação": ["education"],
            "Turismo e património": ["tourism", "heritage"],
            "Sem temas": [],
        }
        for title, themes in themed.items():
            record = Agreement(title=title, type="cooperation", status="draft")
            record.themes.extend(AgreementTheme(theme=theme) for theme in themes)
            session.add(record)
        gapped = {
            # recent, active, with its own objective and officer: no gap at all
            "Sem lacunas": (today, officer, ["Intercâmbio escolar"], None),
            "Sem objetivo nem responsável": (today, None, [], None),
            "Sem objetivo": (today, officer, [], None),
            "Vencido": (today - timedelta(days=400), officer, ["Feira do livro"],
                        today - timedelta(days=1)),
        }
        for title, (signed, responsible, objectives, expires) in gapped.items():
            record = Agreement(
                title=title, type="cooperation", status="active", date_signed=signed,
                date_expires=expires, responsible=responsible,
            )  # fmt: skip
            record.objectives.extend(
                AgreementObjective(position=number, text=text)
                for number, text in enumerate(objectives, start=1)
            )
            session.add(record)
        session.commit()
        by_theme = [t for t in titles(session, ListQuery(sort_key="themes")) if t in themed]
        by_gap = [t for t in titles(session, ListQuery(sort_key="gaps")) if t in gapped]
    labels = {term.code: term.display() for term in vocab.THEMES}
    expected_themes = sorted(
        (title for title, themes in themed.items() if themes),
        key=lambda title: min(fold(labels[theme]) for theme in themed[title]),
    )
    assert by_theme == [*expected_themes, "Sem temas"]
    gap_labels = {term.code: fold(term.display()) for term in GAPS}
    shown = {
        "Sem objetivo nem responsável": sorted([gap_labels["no_objective"],
                                                 gap_labels["no_responsible"]]),
        "Sem objetivo": [gap_labels["no_objective"]],
        "Vencido": [gap_labels["expired_but_active"]],
    }  # fmt: skip
    assert by_gap == [*sorted(shown, key=lambda title: ",".join(shown[title])), "Sem lacunas"]


def test_the_partners_geonames_ids_sort_as_their_partners(office: OfficeFile) -> None:
    """A hidden column of ids sorts as the partners it names: the same partner's
    agreements together, in the order of the partners' names (working out every
    agreement's ids to sort 200,000 of them took over a second)."""
    with office.session() as session:
        for name, geonames_id in (("Łódź", 3093133), ("Córdoba", 3860259), ("Huế", 1580240)):
            agreement = Agreement(title=f"Jumelage Lyon – {name}", type="twinning",
                                  status="draft")  # fmt: skip
            agreement.parties.append(AgreementParty(
                partner=Partner(name=name, country_code="PL", geonames_id=geonames_id)))
            session.add(agreement)
        session.commit()
        assert titles(session, ListQuery(sort_key="partner_places")) == titles(
            session, ListQuery(sort_key="partners")
        ) == ["Jumelage Lyon – Córdoba", "Jumelage Lyon – Huế", "Jumelage Lyon – Łódź"]


def test_aggregated_columns(office: OfficeFile, register: dict[str, str]) -> None:
    with office.session() as session:
        spec = LISTS["agreements"]
        record_id = register["Memorando"]
        row = dict(
            zip(
                [c.key for c in spec.columns],
                fetch_rows(session, spec, [record_id])[record_id],
                strict=True,
            )
        )
        assert row["partners"] == "Córdoba"
        assert row["countries"] == "AR"
        assert row["entities"] == "Belo Horizonte"
        assert row["objectives"] == 0


def test_deleted_records_disappear(office: OfficeFile, register: dict[str, str]) -> None:
    with office.session() as session:
        session.delete(session.get(Agreement, register["Memorando"]))
        session.commit()
        assert "Memorando BH – Córdoba" not in titles(session, ListQuery())
        assert count(session, LISTS["agreements"], ListQuery()) == 3


@pytest.mark.parametrize("kind", sorted(LISTS))
def test_every_list_runs_on_an_empty_file(office: OfficeFile, kind: str) -> None:
    spec = LISTS[kind]
    with office.session() as session:
        for column in spec.columns:
            assert fetch_ids(session, spec, ListQuery(search="x", sort_key=column.key)) == []
        for facet in spec.facets:
            facet.options(session)
        assert spec.empty_hint


def test_search_by_a_partner_found_only_once_folded_or_by_its_region(
    office: OfficeFile, register: dict[str, str]
) -> None:
    with office.session() as session:
        session.add(Partner(name="Wrocław", kind="city", country_code="PL", region="Dolnośląskie"))
        gdansk = Partner(name="Gdańsk", kind="city", country_code="PL", region="Pomorskie")
        agreement = Agreement(title="Umowa", type="mou", status="draft")
        agreement.parties.append(AgreementParty(partner=gdansk))
        session.add(agreement)
        session.commit()
        assert titles(session, ListQuery(search="GDANSK")) == ["Umowa"]  # ń typed as n
        assert titles(session, ListQuery(search="pomorskie")) == ["Umowa"]  # region only
        assert titles(session, ListQuery(search="hue")) == ["Cooperação técnica BH – Huế"]
        assert titles(session, ListQuery(search="sao joao")) == [
            "Cidades-irmãs São João del Rei – Łódź"
        ]
        assert titles(session, ListQuery(search="wroclaw")) == []  # no agreement with it


def test_spelling_in_a_name() -> None:
    assert spelling_in("Belo Horizonte", "belo") == "belo"
    assert spelling_in("Łódź Voivodeship", "lodz") == "Łódź"
    assert spelling_in("São João del Rei", "joao") == "joão"
    assert spelling_in("Gießen", "giess") == "gieß"
    assert spelling_in("Lyon", "paris") is None


def test_count_and_first_ids_from_one_scan(
    office: OfficeFile, register: dict[str, str]
) -> None:
    spec = LISTS["agreements"]
    with office.session() as session:
        query = ListQuery(search="bh", sort_key="title")
        total, ids = first_ids(session, spec, query, 1, counted=True)
        assert total == count(session, spec, query) == 2
        assert [row[1] for row in with_values(session, spec, ids)] == [
            "Cooperação técnica BH – Huế"
        ]
        assert first_ids(session, spec, ListQuery(search="zzz"), 10, counted=True) == (0, [])
        by_date = ListQuery(sort_key="date_signed")
        assert first_ids(session, spec, by_date, 10) == (None, fetch_ids(session, spec, by_date))
        assert [row[0] for row in first_page(session, spec, by_date, 2)] == fetch_ids(
            session, spec, by_date
        )[:2]


def test_typing_more_narrows_the_rows_found(office: OfficeFile, register: dict[str, str]) -> None:
    spec = LISTS["agreements"]
    before = ListQuery(search="lod", sort_key="title")
    after = ListQuery(search="łódź carta", sort_key="title")
    assert after.narrows(before) and before.narrows(before)
    assert not before.narrows(after)  # fewer letters: more rows
    assert not after.narrows(ListQuery(search="lod", sort_key="date_signed"))
    assert not after.narrows(ListQuery(search="lod", facets={"status": "draft"}))
    with office.session() as session:
        found = fetch_ids(session, spec, before)
        assert matching_among(session, spec, after, found) == fetch_ids(session, spec, after)
        assert len(found) == 2 and titles(session, after) == [
            "Carta de intenção Minas – Łódź 100% digital"
        ]


def test_narrowing_many_rows_searches_once_with_the_same_result(
    office: OfficeFile, register: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """More ids than one lookup by key takes: one search, the same rows in the same order."""
    spec = LISTS["agreements"]
    before, after = ListQuery(search="", sort_key="title"), ListQuery(search="bh", sort_key="title")
    with office.session() as session:
        every = fetch_ids(session, spec, before)
        by_key = matching_among(session, spec, after, every)
        monkeypatch.setattr(query_module, "KEYS_PER_QUERY", 1)
        assert matching_among(session, spec, after, every) == by_key == [
            register["Cooperação"], register["Memorando"]
        ]  # fmt: skip
        assert matching_among(session, spec, after, list(reversed(every))) == [
            register["Memorando"], register["Cooperação"]
        ]  # fmt: skip


def test_facet_choices_come_from_the_file(office: OfficeFile, register: dict[str, str]) -> None:
    spec = LISTS["agreements"]
    with office.session() as session:
        years = [option.value for option in spec.facet("year").options(session)]
        assert years == ["2019", "2008", "1995"]
        countries = [option.label for option in spec.facet("country").options(session)]
        assert countries == ["Argentina", "Poland", "Vietnam"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Berlin", "Le Caire", "Quito", "Madrid", "Écosse-Ville", "Lusaka"]),
        ("en", ["Quito", "Le Caire", "Berlin", "Écosse-Ville", "Madrid", "Lusaka"]),
    ],
)
def test_names_and_countries_sort_as_the_language_reads_them(
    office: OfficeFile, language: str, expected: list[str]
) -> None:
    """Countries by their name in the user's language (Égypte between Allemagne and
    Équateur in French, not at E-G of its code); accented names among their letters."""
    from intl_desk.core.i18n import set_language

    set_language(language)
    with office.session() as session:
        for name, code in [("Madrid", "ES"), ("Le Caire", "EG"), ("Lusaka", "ZM"),
                           ("Quito", "EC"), ("Berlin", "DE"), ("Écosse-Ville", "XK")]:
            session.add(Partner(name=name, kind="city", country_code=code))
        session.commit()
        spec = LISTS["partners"]
        ids = fetch_ids(session, spec, ListQuery(sort_key="country"))
        rows = fetch_rows(session, spec, ids, ["name"])
        by_country = [rows[record_id][0] for record_id in ids]
        ids = fetch_ids(session, spec, ListQuery(sort_key="name"))
        rows = fetch_rows(session, spec, ids, ["name"])
        by_name = [rows[record_id][0] for record_id in ids]
    assert by_country == expected
    assert by_name == ["Berlin", "Écosse-Ville", "Le Caire", "Lusaka", "Madrid", "Quito"]


def test_search_and_import_fold_names_the_same_way(office: OfficeFile) -> None:
    """A Maltese "Ħ" and a doubled space are folded alike when a record is stored and when
    a person types: the same rule that matches an imported register's names."""
    with office.session() as session:
        hamrun = Partner(name="Il-Ħamrun", kind="city", country_code="MT")
        agreement = Agreement(title="Ġemellaġġ  Il-Ħamrun", type="twinning", status="draft")
        agreement.parties.append(AgreementParty(partner=hamrun))
        session.add(agreement)
        session.commit()
        assert titles(session, ListQuery(search="hamrun")) == ["Ġemellaġġ  Il-Ħamrun"]
        assert titles(session, ListQuery(search="gemellagg il-hamrun")) == [
            "Ġemellaġġ  Il-Ħamrun"
        ]
