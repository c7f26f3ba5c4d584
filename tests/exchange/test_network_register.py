"""A register of the networks an office belongs to, written as a Portuguese office keeps
it — a title row, its own column titles, "membro desde 2011" or "março de 2014", annual
fees with a decimal comma and thousands dots, a network part of one listed further down,
a source note under the table — imports as networks with the office's memberships, dates
at their precision; a network part of one nobody knows is refused with the reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Membership, Network
from intl_desk.store.office_file import OfficeFile

REGISTER = (
    "Redes internacionais — Prefeitura de Belo Horizonte\n"
    ";;;;;\n"
    "Rede;Sigla;Parte de;Nosso papel;Membro desde;Até;Anuidade;Entidade;Temas\n"
    "Mercocidades — Unidade Temática de Cultura;;Mercocidades;Coordenação de grupo de trabalho;"
    "março de 2014;;;Secretaria Municipal de Cultura;Cultura\n"
    'Mercocidades;;;Vice-presidência;2011;;1.250,00;;"Governança, Cultura"\n'
    "Rede de Cidades Educadoras;AICE;Associação Internacional;Membro;2003;2019;"
    "800,00;;Educação\n"
    "ICLEI — Governos Locais pela Sustentabilidade;ICLEI;;Observador;05/06/2015;;;;\n"
    "Rede Brasileira de Cidades Inteligentes;;;Ponto focal;2020;;;;\n"
    ";;;;;;;;\n"
    "Fonte: Secretaria de Relações Internacionais, janeiro de 2024\n"
)


@pytest.fixture
def belo_horizonte(tmp_path: Path) -> Path:
    path = tmp_path / "bh.sqlite"
    with OfficeFile.create(
        path,
        "Prefeitura de Belo Horizonte",
        country_code="BR",
        currency="BRL",
        own_entity="Prefeitura de Belo Horizonte",
    ):
        pass
    return path


def test_a_portuguese_networks_register_imports_with_its_memberships(
    belo_horizonte: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "redes.csv"
    register.write_text(REGISTER, encoding="utf-8")
    code = main(["import", str(belo_horizonte), str(register), "--kind", "networks"])
    out = capsys.readouterr()
    assert code == 1  # one row refused
    assert "Associação Internacional" in out.out + out.err  # said with its reason
    with OfficeFile.open(belo_horizonte, read_only=True) as office, office.session() as session:
        networks = {n.name: n for n in session.scalars(select(Network))}
        assert sorted(networks) == [
            "ICLEI — Governos Locais pela Sustentabilidade",
            "Mercocidades",
            "Mercocidades — Unidade Temática de Cultura",
            "Rede Brasileira de Cidades Inteligentes",
        ]
        culture = networks["Mercocidades — Unidade Temática de Cultura"]
        assert culture.parent is networks["Mercocidades"]  # its row comes after
        assert culture.themes == "culture"
        assert sorted(networks["Mercocidades"].themes.split(",")) == ["culture", "governance"]
        assert networks["ICLEI — Governos Locais pela Sustentabilidade"].acronym == "ICLEI"
        found = {
            m.network.name: m
            for m in session.scalars(select(Membership).where(Membership.deleted_at.is_(None)))
        }
        assert len(found) == 4
        # the office's own word for its role: a member, the word kept in the notes
        focal = found["Rede Brasileira de Cidades Inteligentes"]
        assert focal.role == "member"
        assert "Ponto focal" in (focal.notes or "")
        mercocidades = found["Mercocidades"]
        assert (mercocidades.role, mercocidades.since, mercocidades.since_precision) == (
            "vice_president",
            date(2011, 1, 1),
            "year",
        )
        assert (mercocidades.annual_fee, mercocidades.currency) == (Decimal("1250.00"), "BRL")
        # no entity given: the office's own government is the member
        assert mercocidades.local_entity.name == "Prefeitura de Belo Horizonte"
        group = found["Mercocidades — Unidade Temática de Cultura"]
        assert (group.role, group.since, group.since_precision) == (
            "working_group_chair",
            date(2014, 3, 1),
            "month",
        )
        assert group.local_entity.name == "Secretaria Municipal de Cultura"
        iclei = found["ICLEI — Governos Locais pela Sustentabilidade"]
        assert (iclei.role, iclei.since, iclei.since_precision) == (
            "observer",
            date(2015, 6, 5),
            "day",
        )


def test_importing_the_register_again_changes_nothing(
    belo_horizonte: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "redes.csv"
    register.write_text(REGISTER, encoding="utf-8")
    arguments = ["import", str(belo_horizonte), str(register), "--kind", "networks"]
    main(arguments)
    main([*arguments, "--update-duplicates"])
    capsys.readouterr()
    with OfficeFile.open(belo_horizonte, read_only=True) as office, office.session() as session:
        assert len(session.scalars(select(Network)).all()) == 4
        assert len(session.scalars(select(Membership)).all()) == 4


BY_MEMBER = (
    "Adhésions aux réseaux — Métropole et Ville de Lyon\n"
    "Réseau;Collectivité;Rôle;Membre depuis;Cotisation\n"
    "Eurocities;Ville de Lyon;Membre du bureau;1991;12 000,00\n"
    "Eurocities;Métropole de Lyon;Membre;2015;\n"
    "Eurocities;Ville de Lyon;Membre du bureau;1991;12 500,00\n"
    "\n"
    "Total des cotisations : 12 500,00 €\n"
)


@pytest.mark.parametrize(("update", "fee"), [(True, "12500.00"), (False, "12000.00")])
def test_a_register_of_one_row_per_member_gives_each_member_its_membership(
    belo_horizonte: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    update: bool,
    fee: str,
) -> None:
    """The same network on several rows, one per member entity: the network is written
    once and each entity gets one membership, whether duplicates are updated (the city's
    membership takes the fee of its last row) or skipped (its first row's fee stays);
    before, the rows after the first were duplicates and their memberships lost. The file
    is named "adhesions.csv", like the export's sheet of memberships ("Adhésions"): it is
    still read as the list, not as a sheet beside it."""
    register = tmp_path / "adhesions.csv"
    register.write_text(BY_MEMBER, encoding="utf-8")
    arguments = ["import", str(belo_horizonte), str(register), "--kind", "networks"]
    assert main([*arguments, "--update-duplicates"] if update else arguments) == 0
    capsys.readouterr()
    with OfficeFile.open(belo_horizonte, read_only=True) as office, office.session() as session:
        (network,) = session.scalars(select(Network)).all()
        members = {
            m.local_entity.name: (m.role, m.since.year, m.since_precision, m.annual_fee)
            for m in session.scalars(select(Membership))
        }
    assert network.name == "Eurocities"
    assert members == {
        "Ville de Lyon": ("board", 1991, "year", Decimal(fee)),
        "Métropole de Lyon": ("member", 2015, "year", None),
    }
