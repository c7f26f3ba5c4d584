"""French words of the demo (the city office); see :mod:`intl_desk.demo.texts`."""

from __future__ import annotations

from intl_desk.demo.texts import Texts
from intl_desk.demo.texts_fr_evaluation import INDICATORS, LINES
from intl_desk.demo.texts_fr_objectives import OBJECTIVES

TEXTS = Texts(
    language="fr",
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    date_pattern="{day} {month} {year}",
    first_day="1er",
    theme_names={
        "culture": "la culture",
        "heritage": "le patrimoine",
        "education": "l'éducation",
        "youth_sport": "la jeunesse et le sport",
        "economy": "le développement économique",
        "tourism": "le tourisme",
        "investment": "l'investissement et le commerce",
        "innovation": "la recherche et l'innovation",
        "environment": "l'environnement et le climat",
        "water": "l'eau et l'assainissement",
        "energy": "l'énergie",
        "urban": "l'urbanisme",
        "mobility": "la mobilité",
        "housing": "l'habitat",
        "health": "la santé",
        "social": "l'inclusion sociale",
        "gender": "l'égalité entre les femmes et les hommes",
        "migration": "les migrations",
        "food": "l'alimentation durable",
        "governance": "la gouvernance locale",
        "peace": "la paix et les droits humains",
        "risk": "la prévention des risques",
        "digital": "le numérique",
    },
    objectives=OBJECTIVES,
    agreement_titles={
        "twinning": (
            "Charte de jumelage entre {us} et {partner}",
            "Serment de jumelage {us} – {partner}",
        ),
        "friendship": (
            "Accord d'amitié et de coopération entre {us} et {partner}",
            "Pacte d'amitié {us} – {partner}",
        ),
        "cooperation": (
            "Accord de coopération décentralisée entre {us} et {partner}",
            "Convention de coopération {us} – {partner} portant sur {theme}",
            "Accord-cadre de coopération entre {us} et {partner} ({y1}–{y2})",
        ),
        "mou": (
            "Protocole d'accord entre {us} et {partner} sur {theme}",
            "Mémorandum d'entente {us} – {partner} portant sur {theme}",
        ),
        "letter_of_intent": (
            "Lettre d'intention en vue d'une coopération entre {us} et {partner}",
        ),
        "implementation": (
            "Convention d'application {y1}–{y2} de l'accord {us} – {partner}",
            "Programme d'actions {y1}–{y2} du partenariat {us} – {partner}",
        ),
        "amendment": ("Avenant n° {n} à l'accord {us} – {partner}",),
    },
    renewal_title="Renouvellement de l'accord de coopération {us} – {partner} ({y1}–{y2})",
    summaries=(
        "Cadre de la coopération entre {us} et {partner}, centrée sur {themes}.",
        "{us} et {partner} s'engagent à conduire des actions communes portant sur {themes},"
        " suivies par un comité de pilotage annuel.",
        "Accord fixant les priorités, les moyens et le calendrier des échanges entre {us}"
        " et {partner} ({themes}).",
    ),
    authorisations={
        "government": "Délibération n° {year}/{n} du conseil municipal du {date}",
        "department": "Délibération n° {year}/{n} du conseil municipal du {date}",
        "public_company": "Décision du conseil d'administration n° {year}-{n} du {date}",
        "university": "Délibération du conseil d'administration n° {year}-{n} du {date}",
        "chamber": "Délibération de l'assemblée générale n° {year}-{n} du {date}",
        "other": "Décision du conseil d'administration du {date}",
    },
    our_positions={
        "government": (
            "Maire de {us}|Maire de {us}",
            "Adjoint au maire délégué aux relations internationales"
            "|Adjointe au maire déléguée aux relations internationales",
        ),
        "department": ("Maire de {us}|Maire de {us}",),
        "public_company": ("Directeur général|Directrice générale",),
        "university": ("Président de l'université|Présidente de l'université",),
        "chamber": ("Président|Présidente",),
        "other": ("Président|Présidente",),
    },
    their_positions={
        "city": "Maire de {partner}|Maire de {partner}",
        "region": "Président|Présidente",
        "national_agency": "Directeur général|Directrice générale",
        "university": "Recteur|Rectrice",
        "ngo": "Directeur exécutif|Directrice exécutive",
        "international_organisation": "Représentant|Représentante",
        "other": "Représentant légal|Représentante légale",
    },
    termination_note="Résilié d'un commun accord le {date}, faute d'actions depuis plusieurs"
    " années.",
    agreement_lessons=(
        "Sans objectifs chiffrés, l'accord n'a pas survécu au changement d'équipe municipale.",
        "Le comité de pilotage annuel a été décisif : il faut le prévoir dès la signature.",
        "Les échanges scolaires ont été l'action la plus durable ; les autres ont dépendu"
        " de personnes.",
        "Associer les services techniques dès la négociation évite des engagements"
        " impossibles à tenir.",
    ),
    project_titles={
        "water": (
            "Accès à l'eau potable dans les quartiers périphériques de {place}",
            "Renforcement du service municipal de l'eau et de l'assainissement de {place}",
        ),
        "governance": (
            "Appui à la modernisation de l'état civil de {place}",
            "Renforcement des finances locales de {place}",
        ),
        "health": ("Réseau de centres de santé de quartier à {place}",),
        "urban": (
            "Requalification du centre historique de {place}",
            "Appui au schéma directeur d'urbanisme de {place}",
        ),
        "mobility": ("Plan de mobilité urbaine durable de {place}",),
        "environment": (
            "Plan climat-énergie de {place}",
            "Gestion et valorisation des déchets ménagers à {place}",
        ),
        "culture": ("Saison culturelle croisée {us} – {partner}",),
        "heritage": ("Inventaire et valorisation du patrimoine bâti de {place}",),
        "education": (
            "Échanges scolaires et linguistiques {us} – {partner}",
            "Double diplôme en ingénierie urbaine {us} – {partner}",
        ),
        "youth_sport": ("Volontariat de réciprocité entre jeunes de {us} et de {partner}",),
        "economy": ("Programme d'accélération croisé de start-up {us} – {partner}",),
        "tourism": ("Développement d'un tourisme durable à {place}",),
        "investment": ("Mission d'attractivité et d'investissement {us} – {partner}",),
        "innovation": ("Laboratoire commun d'innovation urbaine {us} – {partner}",),
        "energy": ("Éclairage public solaire dans les quartiers de {place}",),
        "housing": ("Réhabilitation participative de logements anciens à {place}",),
        "social": ("Insertion professionnelle des jeunes des quartiers de {place}",),
        "gender": ("Budget sensible au genre dans la commune de {place}",),
        "migration": ("Accompagnement des porteurs de projets de la diaspora de {place}",),
        "food": ("Restauration scolaire durable et circuits courts à {place}",),
        "peace": ("Jeunes ambassadeurs de la paix {us} – {partner}",),
        "risk": ("Prévention des inondations et alerte précoce à {place}",),
        "digital": ("Données ouvertes et services en ligne de {place}",),
    },
    project_descriptions=(
        "Projet conduit par {us} avec {partner} dans le cadre de leur coopération, portant sur"
        " {theme}. Il associe les services techniques des deux villes et s'appuie sur des"
        " missions d'expertise croisées.",
        "À la demande de {partner}, {us} met à disposition l'expertise de ses services sur"
        " {theme} ; le partenaire assure la maîtrise d'ouvrage locale.",
        "Projet pluriannuel sur {theme} : diagnostic partagé, formation des agents, travaux"
        " pilotes, puis diffusion des résultats aux autres villes du réseau.",
    ),
    project_results=(
        "{n} agents municipaux formés et un guide méthodologique publié ; {big} habitants"
        " bénéficiaires directs.",
        "Équipements livrés et mis en service ; le partenaire a repris la maintenance sur"
        " son budget propre.",
        "Objectifs atteints à {pct} % ; deux actions reportées faute de cofinancement.",
    ),
    project_lessons=(
        "Impliquer dès le départ les services techniques du partenaire : les actions"
        " conçues sans eux n'ont pas été appropriées.",
        "Prévoir un budget de maintenance au-delà de la fin du projet.",
        "Les missions courtes et fréquentes ont mieux fonctionné que les longues missions"
        " annuelles.",
        "Un comité de pilotage commun, avec compte rendu partagé, a évité les malentendus"
        " sur les priorités.",
        "Le changement d'équipe après les élections a retardé le projet de six mois :"
        " documenter les engagements dès la signature.",
    ),
    project_notes={
        "5": "Projet annulé : le cofinancement n'a pas été obtenu et le partenaire a revu"
        " ses priorités.",
        "6": "Projet suspendu en raison de la situation sécuritaire ; reprise envisagée après"
        " une mission d'évaluation.",
    },
    budget_line="Budget {year}",
    expenditures=(
        "Mission d'expertise technique",
        "Achat d'équipements",
        "Formation des agents du partenaire",
        "Frais d'accueil de la délégation",
        "Prestation d'étude",
        "Traduction et interprétariat",
        "Subvention à l'association partenaire",
    ),
    incoming_funds="Versement du cofinancement – {funder}",
    report_titles=("Rapport d'étape {year}", "Rapport financier {year}", "Rapport final"),
    activity_titles={
        "mission": (
            "Mission à {place}",
            "Mission technique à {place} : {theme}",
            "Déplacement officiel de la délégation municipale à {place}",
        ),
        "delegation": ("Accueil d'une délégation de {place}", "Visite d'étude d'élus de {place}"),
        "event": (
            "Rencontres internationales des villes partenaires",
            "Forum des villes partenaires sur {theme}",
            "Semaine de la solidarité internationale",
        ),
        "meeting": (
            "Comité de pilotage de la coopération avec {place}",
            "Réunion de travail avec {place} (visioconférence)",
        ),
    },
    activity_purposes={
        "mission": (
            "Faire le point sur l'avancement du projet et préparer la phase suivante.",
            "Signer le programme d'actions et rencontrer la nouvelle équipe municipale.",
            "Mission d'expertise des services de {us} sur {theme}.",
        ),
        "delegation": (
            "Présenter les politiques de {us} sur {theme} et visiter des équipements.",
            "Préparer le renouvellement de l'accord et les actions de l'année.",
        ),
        "event": (
            "Réunir les villes partenaires autour de {theme} et des financements disponibles.",
            "Faire connaître aux habitants l'action internationale de la Ville.",
        ),
        "meeting": (
            "Suivre le programme d'actions et arbitrer le budget de l'année.",
            "Préparer la candidature commune à un appel à projets.",
        ),
    },
    justifications=(
        "Prévue au programme d'actions de l'accord en vigueur.",
        "Demandée par le partenaire lors du dernier comité de pilotage.",
        "Condition du versement de la deuxième tranche du cofinancement.",
        "Inscrite dans la feuille de route annuelle validée par l'élu délégué.",
    ),
    outcomes=(
        "Relevé de décisions signé par les deux parties.",
        "Trois actions nouvelles inscrites au programme {year}.",
        "Contacts établis avec {n} entreprises et deux universités.",
        "Accord de principe pour un projet commun à soumettre à un appel à projets européen.",
    ),
    activity_lessons=(
        "Préparer les rendez-vous avec les services techniques plutôt qu'avec le seul cabinet.",
        "Prévoir l'interprétariat dans le budget dès la programmation.",
        "Un compte rendu partagé dans la semaine a facilité le suivi.",
    ),
    delegation_members=(
        "l'adjoint au maire délégué aux relations internationales",
        "la directrice des relations internationales",
        "un chargé de mission",
        "deux techniciens de la direction de l'eau",
        "le directeur de l'université partenaire",
        "une représentante de la chambre de commerce",
    ),
    participations={
        "event": (
            "{network} — assemblée générale {year}",
            "{network} — congrès {year}",
            "{network} — réunion du bureau exécutif",
            "{network} — forum thématique sur {theme}",
        ),
        "position": (
            "Vice-présidence du groupe de travail sur {theme} — {network}",
            "Siège au conseil d'administration — {network}",
        ),
        "contribution": (
            "Contribution écrite à la consultation sur {theme} — {network}",
            "Étude de cas de {us} sur {theme}, publiée par le réseau — {network}",
        ),
        "statement": (
            "Déclaration sur {theme}, cosignée par {us} — {network}",
            "Motion adoptée par l'assemblée générale — {network}",
        ),
        "agenda": (
            "Inscription de {theme} à l'agenda du réseau — {network}",
            "Propositions de {us} reprises dans la feuille de route — {network}",
        ),
    },
    participation_outcomes=(
        "Intervention de l'élu en séance plénière ; contacts pris avec {n} villes.",
        "Position de {us} reprise dans le texte final.",
        "Candidature commune décidée avec deux villes du réseau.",
    ),
    membership_notes=(
        "Cotisation votée chaque année au budget primitif.",
        "Adhésion décidée par délibération du conseil municipal.",
        "Adhésion réexaminée à chaque mandat au vu des bénéfices retirés.",
    ),
    staff_positions=(
        "Directeur des relations internationales|Directrice des relations internationales",
        "Chargé de mission Europe|Chargée de mission Europe",
        "Chargé de mission coopération décentralisée|Chargée de mission coopération décentralisée",
        "Chargé de mission Amériques et Asie|Chargée de mission Amériques et Asie",
        "Chargé de mission réseaux de villes|Chargée de mission réseaux de villes",
        "Responsable du protocole|Responsable du protocole",
        "Gestionnaire administratif et financier|Gestionnaire administrative et financière",
        "Assistant de direction|Assistante de direction",
    ),
    partner_positions={
        "city": (
            "Directeur des relations internationales|Directrice des relations internationales",
            "Chef du service de coopération|Cheffe du service de coopération",
            "Conseiller du maire|Conseillère du maire",
        ),
        "other": ("Chargé de programme|Chargée de programme", "Directeur|Directrice"),
    },
    decision_document=(
        "VILLE DE {city}\n"
        "CONSEIL MUNICIPAL — SÉANCE DU {date}\n\n"
        "{reference}\n\n"
        "Objet : {title}\n\n"
        "Le Conseil municipal,\n\n"
        "Vu le code général des collectivités territoriales, notamment ses articles L. 1115-1"
        " et suivants relatifs à l'action extérieure des collectivités territoriales ;\n"
        "Vu le rapport de M. le Maire ;\n"
        "Considérant l'intérêt d'une coopération avec {partner} portant sur {themes} ;\n\n"
        "DÉLIBÈRE\n\n"
        "Article 1 — Approuve les termes de l'accord « {title} », annexé à la présente"
        " délibération.\n"
        "Article 2 — Autorise le Maire ou son représentant à le signer, ainsi que tout document"
        " s'y rapportant.\n"
        "Article 3 — Les dépenses correspondantes seront imputées au budget de la Direction des"
        " relations internationales.\n\n"
        "Adopté à l'unanimité.\n"
    ),
    document_titles={
        "council_decision": "Délibération autorisant la signature",
        "signed_text": "Texte signé",
        "report": "Rapport final",
    },
    evidence_note="Source : {source} ({year}). Pièces archivées au dossier Évaluation {year}.",
    measurement_comment=(
        "Donnée consolidée avec les services concernés.",
        "Valeur provisoire, à confirmer au prochain rapport.",
        "Hausse liée aux événements internationaux accueillis dans l'année.",
    ),
    lines=LINES,
    indicators=INDICATORS,
    extra={
        "draft_note": "Projet de texte transmis au partenaire le {date} ; en attente de retour.",
        "renewal_note": "Renouvellement à décider avant l'échéance : consulter les services"
        " concernés et le partenaire.",
        "decision_file": "deliberation",
        "signed_file": "texte-signe",
        "report_file": "rapport-final",
    },
)
