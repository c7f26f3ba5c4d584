"""The city office's strategic lines and indicators (French).

The mix follows what practitioners ask for: institutional, political and territorial
dimensions; counts computed from the records (``formula``) next to measured figures;
qualitative scales with a label per level; a text indicator with its evidence; and the
citizens' awareness survey.
"""

from __future__ import annotations

from intl_desk.demo.texts import IndicatorSpec, LineSpec

LINES = (
    LineSpec(
        "A1",
        "Une ville ouverte et attractive",
        "Rayonnement international, attractivité économique et touristique, accueil des"
        " étudiants et des talents.",
        (
            ("Attirer des investissements et des congrès internationaux", "investment"),
            ("Développer un tourisme international durable", "tourism"),
            ("Accueillir et intégrer les étudiants et chercheurs internationaux", "education"),
        ),
    ),
    LineSpec(
        "A2",
        "Solidarité internationale et coopération décentralisée",
        "Des coopérations de ville à ville, avec des objectifs précis et évalués, là où"
        " l'expertise des services municipaux est utile.",
        (
            ("Améliorer l'accès à l'eau et à l'assainissement chez nos partenaires", "water"),
            ("Renforcer les capacités de gestion des villes partenaires", "governance"),
            ("Soutenir la santé et l'inclusion sociale", "health"),
        ),
    ),
    LineSpec(
        "A3",
        "Une transition écologique partagée",
        "Échanger avec les villes partenaires sur le climat, la mobilité et l'énergie, et"
        " réduire l'empreinte de notre propre action internationale.",
        (
            ("Échanger les pratiques de mobilité durable", "mobility"),
            ("Réduire l'empreinte carbone de l'action internationale", "environment"),
        ),
    ),
    LineSpec(
        "A4",
        "Europe, réseaux et influence",
        "Peser dans les réseaux de villes, mobiliser les financements européens et associer"
        " les habitants à l'action internationale.",
        (
            ("Peser dans les réseaux européens et mondiaux de villes", "governance"),
            ("Mobiliser les financements européens et nationaux", "economy"),
            ("Associer les habitants et la jeunesse à l'action internationale", "youth_sport"),
        ),
    ),
)

_INSTITUTIONAL_SCALE = (
    "Actions ponctuelles, sans cadre écrit",
    "Orientations politiques non formalisées",
    "Stratégie internationale adoptée par le conseil municipal",
    "Stratégie dotée d'un budget, d'objectifs et d'indicateurs",
    "Stratégie évaluée chaque année et révisée avec les services",
)
_COORDINATION_SCALE = (
    "Aucune coordination",
    "Échanges ponctuels entre services",
    "Réunion interservices semestrielle",
    "Référents international désignés dans chaque direction",
    "Programmation commune et suivi partagé",
)
_INFLUENCE_SCALE = (
    "Simple adhésion",
    "Participation régulière aux instances",
    "Contributions écrites reprises par le réseau",
    "Co-rédaction de positions communes",
    "Initiative à l'origine d'une position adoptée",
)

_CONTRIBUTIONS = (
    "Contribution au rapport de CGLU sur la localisation des ODD ; deux propositions reprises"
    " dans la déclaration finale.",
    "Coprésidence d'un atelier sur l'eau au congrès mondial ; engagement de cinq villes à"
    " suivre la méthode lyonnaise.",
    "Note de position sur les financements européens aux villes, reprise par Platforma dans"
    " sa réponse à la Commission.",
    "Organisation d'une session sur le climat et la culture au forum d'Eurocities ; motion"
    " adoptée.",
    "Présentation de l'évaluation de la stratégie internationale aux villes du réseau : trois"
    " villes ont repris la grille d'indicateurs.",
    "Participation à la rédaction de la charte de la coopération décentralisée pour le climat.",
)

# fmt: off
INDICATORS = (
    # --- institutional -------------------------------------------------------------------
    IndicatorSpec("INS-01", "Agents formés à l'international (langues, projets européens)",
                  "institutional", unit="agents", start=12, growth=0.12, sdgs=(17,),
                  objective=(3, 1), source="Plan de formation de la Ville"),
    IndicatorSpec("INS-02", "Services municipaux impliqués dans des actions internationales",
                  "institutional", unit="services", start=6, growth=0.08, noise=0.08,
                  objective=(1, 1), source="Bilan annuel de la DRI"),
    IndicatorSpec("INS-03", "Langues de travail maîtrisées par l'équipe de la DRI",
                  "institutional", unit="langues", start=5, growth=0.03, noise=0.02,
                  source="Fiches de poste"),
    IndicatorSpec("INS-04", "Degré d'institutionnalisation de l'action internationale",
                  "institutional", measure="qualitative", start=2, objective=(3, 0),
                  levels=_INSTITUTIONAL_SCALE, source="Auto-évaluation validée par l'élu",
                  description="Une action internationale survit à l'alternance quand elle est"
                  " une politique publique écrite, budgétée et évaluée."),
    IndicatorSpec("INS-05", "Coordination entre services sur les dossiers internationaux",
                  "institutional", measure="qualitative", start=2, levels=_COORDINATION_SCALE,
                  source="Revue annuelle interservices"),
    IndicatorSpec("INS-06", "Cofinancements extérieurs obtenus", "institutional", unit="EUR",
                  formula="cofinancing_raised", start=180000, growth=0.1, objective=(3, 1),
                  sdgs=(17,), source="Calculé à partir des projets"),
    IndicatorSpec("INS-07", "Délai moyen de réponse aux sollicitations des partenaires",
                  "institutional", unit="jours", direction="decrease", start=21, growth=-0.08,
                  source="Registre du courrier"),
    IndicatorSpec("INS-08", "Part du budget de la DRI consacrée aux projets", "institutional",
                  unit="%", start=35, growth=0.04, noise=0.05, decimals=1,
                  source="Compte administratif"),
    # --- political -----------------------------------------------------------------------
    IndicatorSpec("POL-01", "Accords internationaux signés dans l'année", "political",
                  unit="accords", formula="agreements_signed", start=4, growth=0.02,
                  sdgs=(17,), source="Calculé à partir des accords"),
    IndicatorSpec("POL-02", "Pays avec un partenariat actif", "political", unit="pays",
                  formula="partner_countries", start=30, growth=0.02,
                  source="Calculé à partir des accords"),
    IndicatorSpec("POL-03", "Événements de réseaux auxquels la Ville a participé", "political",
                  unit="événements", formula="events_attended", start=8, growth=0.05,
                  objective=(3, 0), source="Calculé à partir des participations"),
    IndicatorSpec("POL-04", "Projets de coopération en cours", "political", unit="projets",
                  formula="active_projects", start=10, growth=0.03, objective=(1, 1),
                  source="Calculé à partir des projets"),
    IndicatorSpec("POL-05", "Postes de responsabilité occupés dans les réseaux de villes",
                  "political", unit="postes", start=2, growth=0.12, noise=0.05,
                  objective=(3, 0), source="Registre des adhésions"),
    IndicatorSpec("POL-06", "Objectifs internationaux du programme de mandat atteints",
                  "political", unit="%", cumulative=True, start=10, growth=0.3, noise=0.05,
                  source="Tableau de bord du cabinet du Maire"),
    IndicatorSpec("POL-07", "Influence de la Ville sur l'agenda des réseaux", "political",
                  measure="qualitative", start=2, levels=_INFLUENCE_SCALE, objective=(3, 0),
                  source="Auto-évaluation, revue par les réseaux"),
    IndicatorSpec("POL-08", "Principales contributions à l'agenda international", "political",
                  measure="text", objective=(3, 0), source="Rapport d'activité de la DRI",
                  evidence=_CONTRIBUTIONS),
    IndicatorSpec("POL-09", "Déclarations et prises de position adoptées avec des réseaux",
                  "political", unit="déclarations", start=3, growth=0.08, noise=0.2,
                  source="Registre des participations"),
    # --- territorial ---------------------------------------------------------------------
    IndicatorSpec("TER-01", "Investissements directs étrangers annoncés", "territorial",
                  unit="M€", start=180, growth=0.06, noise=0.25, decimals=1, sdgs=(8, 9),
                  objective=(0, 0), source="Agence de développement économique"),
    IndicatorSpec("TER-02", "Emplois créés par des investissements étrangers", "territorial",
                  unit="emplois", start=850, growth=0.05, noise=0.2, sdgs=(8,),
                  objective=(0, 0), source="Agence de développement économique"),
    IndicatorSpec("TER-03", "Événements internationaux accueillis (congrès, salons, festivals)",
                  "territorial", unit="événements", start=42, growth=0.04, noise=0.08,
                  pandemic_dip=True, objective=(0, 0), source="Bureau des congrès"),
    IndicatorSpec("TER-04", "Nuitées de visiteurs étrangers", "territorial", unit="milliers",
                  start=1450, growth=0.04, noise=0.05, pandemic_dip=True, sdgs=(8, 11),
                  objective=(0, 1), source="Observatoire du tourisme"),
    IndicatorSpec("TER-05", "Étudiants internationaux inscrits", "territorial",
                  unit="étudiants", start=19000, growth=0.03, noise=0.03, sdgs=(4,),
                  objective=(0, 2), source="Rectorat et universités"),
    IndicatorSpec("TER-06", "Habitants connaissant l'action internationale de la Ville",
                  "territorial", unit="%", start=23, growth=0.06, noise=0.06, decimals=1,
                  objective=(3, 2), source="Baromètre annuel auprès de 1 000 habitants",
                  description="Enquête annuelle : « Savez-vous que la Ville mène des actions"
                  " de coopération internationale ? »"),
    IndicatorSpec("TER-07", "Entreprises accompagnées à l'international", "territorial",
                  unit="entreprises", start=60, growth=0.07, sdgs=(8,), objective=(0, 0),
                  source="Chambre de commerce et d'industrie"),
    IndicatorSpec("TER-08", "Jeunes ayant bénéficié d'une mobilité internationale",
                  "territorial", unit="jeunes", start=140, growth=0.1, pandemic_dip=True,
                  sdgs=(4,), objective=(3, 2), source="Direction de la jeunesse"),
    IndicatorSpec("TER-09", "Émissions des déplacements internationaux de la Ville",
                  "territorial", unit="t CO2e", direction="decrease", start=95, growth=-0.06,
                  pandemic_dip=True, sdgs=(13,), objective=(2, 1),
                  source="Bilan carbone des missions"),
)
# fmt: on
