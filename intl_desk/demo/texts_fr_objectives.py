"""French objective templates of the demo, per theme: specific, measurable aims.

The classic failure of twinning agreements is having no specific objective; these show
what specific ones look like. Placeholders: see :mod:`intl_desk.demo.texts`.
"""

from __future__ import annotations

OBJECTIVES: dict[str, tuple[str, ...]] = {
    "culture": (
        "Organiser chaque année un échange d'artistes entre {us} et {partner} à l'occasion"
        " de leurs festivals respectifs",
        "Coproduire une exposition itinérante présentée dans les musées des deux villes"
        " d'ici {year}",
        "Accueillir {n} artistes de {partner} en résidence croisée sur la durée de l'accord",
    ),
    "heritage": (
        "Former {n} agents de {partner} à la gestion d'un site inscrit au patrimoine mondial",
        "Élaborer avec {partner} un plan de gestion du centre historique adopté d'ici {year}",
    ),
    "education": (
        "Mettre en place un échange scolaire annuel entre au moins {n} établissements"
        " des deux villes",
        "Créer un double diplôme entre les universités de {us} et de {partner} d'ici {year}",
        "Ouvrir une section bilingue dans {n} écoles de {partner}",
    ),
    "youth_sport": (
        "Organiser tous les deux ans un tournoi sportif de jeunes alterné entre {us} et {partner}",
        "Permettre à {n} jeunes par an d'effectuer un volontariat chez le partenaire",
    ),
    "economy": (
        "Accompagner {n} entreprises de chaque territoire lors d'une mission économique"
        " croisée par an",
        "Créer un guichet commun pour les entreprises souhaitant s'implanter chez le"
        " partenaire d'ici {year}",
    ),
    "tourism": (
        "Promouvoir conjointement les deux destinations sur {n} salons touristiques internationaux",
        "Créer un circuit touristique commun sur le thème de la gastronomie d'ici {year}",
    ),
    "investment": (
        "Identifier et accompagner {n} projets d'investissement croisés d'ici {year}",
        "Organiser chaque année une rencontre d'affaires entre investisseurs des deux villes",
    ),
    "innovation": (
        "Monter {n} projets de recherche communs entre laboratoires des deux villes",
        "Mettre en relation les incubateurs de {us} et de {partner} autour d'un programme"
        " d'échange de start-up",
    ),
    "environment": (
        "Élaborer avec {partner} un plan climat local assorti d'objectifs chiffrés de"
        " réduction des émissions d'ici {year}",
        "Planter {big} arbres dans les quartiers les plus exposés aux îlots de chaleur"
        " de {partner}",
        "Mettre en place le tri sélectif des déchets dans {n} quartiers de {partner}",
    ),
    "water": (
        "Raccorder {big} ménages de {partner} au réseau d'eau potable d'ici {year}",
        "Renforcer le service municipal de l'eau de {partner} (comptage, facturation,"
        " maintenance) et former {n} techniciens",
        "Construire {n} blocs sanitaires dans les écoles de {partner}",
    ),
    "energy": (
        "Installer des panneaux solaires sur {n} bâtiments publics de {partner}",
        "Réduire de 20 % la consommation d'énergie de l'éclairage public de {partner} d'ici {year}",
    ),
    "urban": (
        "Accompagner {partner} dans la révision de son plan d'urbanisme, adopté d'ici {year}",
        "Échanger sur la requalification des berges et des espaces publics lors de {n}"
        " ateliers techniques",
    ),
    "mobility": (
        "Partager avec {partner} l'expérience de {us} en matière de transports en commun"
        " en site propre",
        "Étudier d'ici {year} la faisabilité d'un réseau de vélos en libre-service à {partner}",
    ),
    "housing": (
        "Réhabiliter {big} logements anciens du centre de {partner} avec leurs habitants",
        "Créer un observatoire commun de l'habitat indigne d'ici {year}",
    ),
    "health": (
        "Renforcer {n} centres de santé municipaux de {partner} (équipements et formation)",
        "Former {big} agents de santé communautaire de {partner} d'ici {year}",
    ),
    "social": (
        "Échanger les pratiques d'accueil des personnes sans domicile lors de {n} visites croisées",
        "Accompagner vers l'emploi {big} jeunes des quartiers prioritaires de {partner}",
    ),
    "gender": (
        "Former {n} élues et agentes municipales de {partner} au budget sensible au genre",
        "Adopter d'ici {year} un plan local pour l'égalité femmes-hommes à {partner}",
    ),
    "migration": (
        "Soutenir {n} projets portés par la diaspora de {partner} installée à {us}",
        "Créer un guichet d'information commun pour les candidats au départ et au retour",
    ),
    "food": (
        "Approvisionner {n} cantines scolaires de {partner} en produits locaux d'ici {year}",
        "Structurer avec {partner} une filière maraîchère périurbaine",
    ),
    "governance": (
        "Former {big} agents de {partner} à la gestion des ressources humaines et"
        " à la fiscalité locale",
        "Appuyer d'ici {year} la numérisation de l'état civil de {partner}",
        "Mettre en place un budget participatif dans {n} quartiers de {partner}",
    ),
    "peace": (
        "Organiser chaque année un programme de mémoire et d'échanges de jeunes autour de la paix",
        "Accueillir {n} défenseurs des droits humains de {partner} en résidence",
    ),
    "risk": (
        "Élaborer avec {partner} un plan communal de sauvegarde face aux inondations d'ici {year}",
        "Équiper {n} quartiers de {partner} d'un système d'alerte précoce",
    ),
    "digital": (
        "Partager avec {partner} les outils de données ouvertes de {us}",
        "Mettre en ligne {n} démarches administratives de {partner} d'ici {year}",
    ),
}
