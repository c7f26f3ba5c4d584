"""French words of the city demo's terms of office and missions' value (see
:mod:`intl_desk.demo.value_texts`): the mayors' last three terms, the first day of each
after the March elections, the plan adopted the following winter."""

from __future__ import annotations

from datetime import date

from intl_desk.demo.value_texts import TermSpec, ValueTexts

VALUE_TEXTS = ValueTexts(
    leader_title="Maire de Lyon",
    terms=(
        TermSpec(
            date(2014, 4, 4),
            date(2020, 7, 3),
            "Plan de mandat 2014-2020 : Lyon, métropole européenne",
            date(2014, 11, 20),
        ),
        TermSpec(
            date(2020, 7, 4),
            date(2026, 3, 27),
            "Plan de mandat 2020-2026 : une ville ouverte et solidaire",
            date(2020, 11, 20),
        ),
        TermSpec(
            date(2026, 3, 28),
            None,
            "Plan de mandat 2026-2032 : Lyon, ville monde en transition",
            date(2026, 11, 20),
        ),
    ),
    commitments={
        date(2014, 4, 4): "Conduire à son terme le programme de coopération avec Porto-Novo\n"
        "Renouveler le jumelage avec Francfort avant son cinquantenaire",
        date(2020, 7, 4): "Renouveler avant son échéance l'accord de coopération décentralisée"
        " avec Ouagadougou et en tenir les objectifs chiffrés\n"
        "Honorer les cotisations 2026-2027 aux réseaux Eurocities et CGLU et y garder la"
        " vice-présidence de la commission culture\n"
        "Rendre au bailleur européen les rapports du projet de mobilité urbaine à leur date\n"
        "Garder une rencontre annuelle avec chaque ville jumelle, même sans projet en cours\n"
        "Tenir l'évaluation annuelle des missions : résultats attendus écrits avant chaque"
        " départ, suivis à 3, 6 et 12 mois",
    },
    new_lines=(
        ("B1", "Une ville monde, attractive et accueillante", "A1"),
        ("B2", "Coopérer pour les transitions, ici et chez nos partenaires", "A2"),
        ("B3", "Le climat au cœur des partenariats", "A3"),
        ("B4", "Peser en Europe et dans les réseaux", "A4"),
    ),
    carried_indicator_suffix=" (plan 2026-2032)",
    expected=(
        (
            "Signer une feuille de route {year} avec {partner}",
            "Feuille de route signée le dernier jour de la mission",
        ),
        (
            "Identifier deux projets communs pour le prochain appel à projets européen",
            "Trois projets identifiés, un dossier déposé en commun",
        ),
        (
            "Préparer l'échange d'étudiants de la rentrée {year}",
            "Douze places d'échange confirmées de part et d'autre",
        ),
        ("Obtenir l'accord de {partner} sur le cofinancement du projet", ""),
        (
            "Présenter le bilan du partenariat au conseil municipal de {partner}",
            "Bilan présenté ; le partenaire propose un avenant",
        ),
        (
            "Rencontrer les entreprises du territoire pour une mission économique croisée",
            "Huit entreprises rencontrées, mission retour fixée au printemps",
        ),
        ("Convenir d'un programme culturel commun pour la saison {year}", ""),
    ),
    follow_up_notes=(
        "Point téléphonique avec le service des relations internationales de {partner}",
        "Compte rendu transmis aux élus ; calendrier des prochaines étapes arrêté",
        "Visioconférence de suivi : un engagement tenu, un autre reporté",
        "Relance écrite restée sans réponse ; nouveau contact désigné",
    ),
    our_partners="nos partenaires",
    near_mode="high_speed_train",  # by rail in Europe up to about four hours
    near_km=750,
)
