"""What the city demo is made of: Lyon's entities, partners, funders and networks.

Partner cities are real places looked up in the gazetteer by name; organisations and
networks are real institutions, with invented relationships.
"""

from __future__ import annotations

from intl_desk.demo.networks import NetworkSpec
from intl_desk.demo.projects import Funder

OFFICE = {
    "name": "Ville de Lyon — Direction des relations internationales",
    "kind": "city",
    "country_code": "FR",
    "language": "fr",
    "currency": "EUR",
    "iati_org_type": "11",
}
#: French municipal terms start in these years (a signatory keeps their seat for a term)
TERMS = (1959, 1965, 1971, 1977, 1983, 1989, 1995, 2001, 2008, 2014, 2020, 2026)

# (name, kind, short name used in titles, share of the relationships it signs)
ENTITIES = (
    ("Direction des relations internationales", "department", "Lyon", 0.0),
    ("Direction des affaires culturelles", "department", "Lyon", 0.05),
    ("Direction de l'économie, du commerce et de l'artisanat", "department", "Lyon", 0.04),
    ("Direction de l'éducation", "department", "Lyon", 0.03),
    ("ONLYLYON Tourisme et Congrès", "public_company", "ONLYLYON Tourisme", 0.02),
    ("Université Claude Bernard Lyon 1", "university", "l'Université Lyon 1", 0.05),
    ("Université Lumière Lyon 2", "university", "l'Université Lyon 2", 0.05),
    ("CCI Lyon Métropole Saint-Étienne Roanne", "chamber", "la CCI Lyon Métropole", 0.04),
    ("Collectif lyonnais de solidarité internationale", "association", "le Collectif", 0.02),
)

# Long-standing partners: (country, gazetteer name, first agreement's year)
ANCHORS = (
    ("DE", "Frankfurt am Main", 1960), ("GB", "Birmingham", 1962), ("IT", "Milan", 1967),
    ("US", "St. Louis", 1975), ("JP", "Yokohama", 1977), ("CA", "Montréal", 1979),
    ("IL", "Beersheba", 1980), ("DE", "Leipzig", 1981), ("IT", "Turin", 1983),
    ("PL", "Łódź", 1984), ("CN", "Guangzhou", 1988), ("AM", "Yerevan", 1992),
    ("ES", "Barcelona", 1995), ("BE", "Liège", 1996), ("VN", "Ho Chi Minh City", 1997),
    ("BF", "Ouagadougou", 1999), ("CH", "Geneva", 1999), ("BR", "Curitiba", 2001),
    ("PL", "Kraków", 2002), ("BJ", "Porto-Novo", 2003), ("PT", "Porto", 2004),
    ("VN", "Huế", 2005), ("SN", "Saint-Louis", 2006), ("AR", "Córdoba", 2008),
    ("LB", "Beirut", 2010), ("MX", "Puebla", 2011), ("HT", "Cap-Haïtien", 2011),
    ("PS", "Bethlehem", 2012), ("MG", "Antananarivo", 2013), ("MA", "Rabat", 2014),
    ("CO", "Bogotá", 2015), ("TN", "Sfax", 2016), ("KR", "Gwangju", 2017),
    ("CM", "Yaoundé", 2018), ("DZ", "Sétif", 2019), ("UA", "Lviv", 2022),
)  # fmt: skip

# Further cities drawn from the gazetteer: country → how many
FILL = {
    "DE": 3, "GB": 2, "IT": 3, "ES": 3, "PT": 1, "PL": 1, "BE": 1, "CH": 1, "NL": 2,
    "SE": 1, "UA": 1, "AM": 1, "IL": 1, "PS": 1, "LB": 1, "US": 2, "CA": 2,
    "MX": 1, "BR": 2, "AR": 1, "CO": 1, "CL": 2, "HT": 1, "JP": 2, "CN": 2, "KR": 1,
    "VN": 3, "IN": 2, "MA": 2, "TN": 1, "DZ": 1, "SN": 2, "BF": 2, "BJ": 1, "CI": 2,
    "CM": 1, "MG": 1, "ET": 2,
}  # fmt: skip

# (key, name, kind, country, seat in the gazetteer, IATI ref, IATI type, website)
ORGANISATIONS = (
    (
        "afd",
        "Agence française de développement (AFD)",
        "national_agency",
        "FR",
        "Paris",
        "FR-6",
        "10",
        "https://www.afd.fr",
    ),
    (
        "eu",
        "Commission européenne — DG Partenariats internationaux",
        "international_organisation",
        "BE",
        "Brussels",
        "XI-IATI-EC_INTPA",
        "40",
        None,
    ),
    (
        "eu_vn",
        "Délégation de l'Union européenne au Viet Nam",
        "international_organisation",
        "VN",
        "Hanoi",
        None,
        "40",
        None,
    ),
    (
        "unhabitat",
        "ONU-Habitat",
        "international_organisation",
        "KE",
        "Nairobi",
        None,
        "40",
        "https://unhabitat.org",
    ),
    (
        "water_agency",
        "Agence de l'eau Rhône Méditerranée Corse",
        "national_agency",
        "FR",
        "Lyon",
        None,
        "10",
        None,
    ),
    ("region", "Région Auvergne-Rhône-Alpes", "region", "FR", "Lyon", None, "11", None),
    (
        "univ_vn",
        "Université nationale du Viet Nam à Hô Chi Minh-Ville",
        "university",
        "VN",
        "Ho Chi Minh City",
        None,
        "80",
        None,
    ),
    ("univ_am", "Université d'État d'Erevan", "university", "AM", "Yerevan", None, "80", None),
    (
        "univ_lb",
        "Université Saint-Joseph de Beyrouth",
        "university",
        "LB",
        "Beirut",
        None,
        "80",
        None,
    ),
    ("enda", "Enda Tiers Monde", "ngo", "SN", "Dakar", None, "21", None),
    (
        "ambf",
        "Association des municipalités du Burkina Faso",
        "network",
        "BF",
        "Ouagadougou",
        None,
        "22",
        None,
    ),
)

FUNDERS = (
    Funder("Agence française de développement (AFD)", "FICOL — Facilité de financement des"
           " collectivités territoriales", "10", "afd", south=True),
    Funder("Ministère de l'Europe et des Affaires étrangères — DAECT", "Appel à projets de"
           " soutien à la coopération décentralisée", "10", south=True),
    Funder("Agence de l'eau Rhône Méditerranée Corse", "Dispositif 1 % eau (loi"
           " Oudin-Santini)", "10", "water_agency", south=True,
           themes=frozenset({"water", "environment"})),
    Funder("Union européenne", "NDICI — Europe dans le monde, autorités locales", "40", "eu",
           south=True),
    Funder("Union européenne", "Erasmus+", "40", "eu", south=False,
           themes=frozenset({"education", "youth_sport", "culture", "heritage"})),
    Funder("Union européenne", "Interreg Europe", "40", "eu", south=False),
    Funder("Région Auvergne-Rhône-Alpes", "Solidarité internationale — aide aux projets", "11",
           "region"),
)  # fmt: skip

EUROPE = ("BE", "DE", "ES", "IT", "NL", "PL", "PT", "SE", "AT", "FR", "GB")

NETWORKS = (
    NetworkSpec("Cités et Gouvernements Locaux Unis", "CGLU", "global",
                ("governance", "peace"), "Organisation mondiale des gouvernements locaux et"
                " régionaux, porte-voix des villes auprès des Nations unies.",
                "https://www.uclg.org", since=2004, role="board", fee=18000, activity=2.2),
    NetworkSpec("Metropolis — Association mondiale des grandes métropoles", "Metropolis",
                "global", ("urban", "mobility"), "Réseau des grandes métropoles du monde.",
                "https://www.metropolis.org", since=1996, until=2016, fee=9500),
    NetworkSpec("Eurocities", "Eurocities", "continental", ("culture", "economy",
                "environment"), "Réseau des grandes villes européennes ; forums thématiques"
                " et représentation auprès des institutions de l'Union.",
                "https://eurocities.eu", since=1989, role="vice_president", fee=24000,
                activity=2.5, venues=EUROPE),
    NetworkSpec("Cités Unies France", "CUF", "national", ("governance",), "Fédération des"
                " collectivités françaises engagées dans la coopération internationale.",
                "https://cites-unies-france.org", since=1975, role="board", fee=9000,
                activity=1.5, venues=("FR",)),
    NetworkSpec("Groupe-pays Viet Nam de Cités Unies France", None, "country_group",
                ("governance", "water"), "Collectivités françaises en coopération avec le"
                " Viet Nam.", parent="CUF", since=1997, role="working_group_chair",
                activity=1.2, venues=("FR", "VN")),
    NetworkSpec("Groupe-pays Arménie de Cités Unies France", None, "country_group",
                ("governance", "heritage"), "Collectivités françaises en coopération avec"
                " l'Arménie.", parent="CUF", since=2001, activity=0.8,
                venues=("FR", "AM")),
    NetworkSpec("Association internationale des maires francophones", "AIMF", "global",
                ("governance", "digital"), "Réseau des villes francophones ; fonds de"
                " coopération pour la modernisation de l'état civil.",
                "https://www.aimf.asso.fr", since=1979, fee=6000,
                venues=("FR", "SN", "BF", "CA", "MA", "TN", "BJ", "CM", "BE", "VN")),
    NetworkSpec("ICLEI — Gouvernements locaux pour le développement durable", "ICLEI",
                "global", ("environment", "energy"), "Réseau mondial des collectivités"
                " engagées pour le climat et la durabilité.", "https://iclei.org",
                since=2008, fee=7500),
    NetworkSpec("Platforma — coalition européenne des villes et régions pour le"
                " développement", "Platforma", "continental", ("governance",),
                "Voix des collectivités européennes dans la politique de développement de"
                " l'Union.", "https://platforma-dev.eu", since=2013, activity=0.8,
                venues=("BE", "FR", "ES", "IT", "DE")),
    NetworkSpec("Alliance pour le climat", "Climate Alliance", "thematic",
                ("environment", "energy"), "Villes européennes partenaires des peuples"
                " autochtones pour le climat.", "https://www.climatealliance.org",
                since=2010, fee=3200, activity=0.6, venues=("DE", "AT", "IT", "BE")),
    NetworkSpec("Organisation des villes du patrimoine mondial", "OVPM", "thematic",
                ("heritage",), "Villes inscrites sur la liste du patrimoine mondial de"
                " l'UNESCO.", "https://www.ovpm.org", since=1998, fee=1500, activity=0.6),
    NetworkSpec("Réseau des villes créatives de l'UNESCO", None, "thematic",
                ("culture", "digital"), "Villes créatives de l'UNESCO ; Lyon au titre des"
                " arts numériques.", since=2008, activity=0.7),
    NetworkSpec("Association française du Conseil des communes et régions d'Europe",
                "AFCCRE", "national", ("governance",), "Section française du CCRE.",
                "https://afccre.org", since=1990, fee=4200, activity=0.5, venues=("FR",)),
)  # fmt: skip
