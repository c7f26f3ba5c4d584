"""What the state demo is made of: Minas Gerais's partners, funders and networks.

Volumes are shaped like the practitioners' description of a state following its 853
municipalities: the capital and the regional centres (Uberlândia, Juiz de Fora, Montes
Claros…) hold hundreds of agreements, the historic towns dozens, most small towns a handful
or none. Partner countries follow Minas's ties: Italian and Portuguese immigration, the
Japanese community, emigration from Governador Valadares to the United States, Mercosur,
and South–South cooperation with Portuguese-speaking Africa.
"""

from __future__ import annotations

from intl_desk.demo.networks import NetworkSpec
from intl_desk.demo.projects import Funder

OFFICE = {
    "name": "Governo do Estado de Minas Gerais — Assessoria de Relações Internacionais",
    "kind": "state",
    "country_code": "BR",
    "language": "pt",
    "currency": "BRL",
    "iati_org_type": "11",
}
#: Brazilian municipal terms start in these years
TERMS = (1977, 1983, 1989, 1993, 1997, 2001, 2005, 2009, 2013, 2017, 2021, 2025, 2029)

STATE_AGREEMENTS = 1200
TOTAL_AGREEMENTS = 20_000
TOTAL_PROJECTS = 5_000
TOTAL_PARTNERS = 2_000

#: agreements held by the best-known municipalities (the rest are drawn at random)
BIG_MUNICIPALITIES = {
    "Belo Horizonte": 950, "Uberlândia": 480, "Juiz de Fora": 420, "Contagem": 260,
    "Montes Claros": 230, "Uberaba": 220, "Betim": 210, "Ouro Preto": 190,
    "Governador Valadares": 170, "Ipatinga": 150, "Sete Lagoas": 130, "Divinópolis": 130,
    "Poços de Caldas": 120, "Varginha": 110, "Diamantina": 95, "São João del Rei": 90,
    "Pouso Alegre": 90, "Itajubá": 85, "Lavras": 80, "Viçosa": 80, "Teófilo Otoni": 70,
    "Mariana": 70, "Patos de Minas": 65, "Tiradentes": 60, "Barbacena": 60, "Araxá": 60,
    "Nova Lima": 60, "Conselheiro Lafaiete": 50, "Congonhas": 45, "Ituiutaba": 45,
    "Santa Luzia": 45, "Itabira": 45, "Alfenas": 45, "Ribeirão das Neves": 40,
    "Passos": 40, "Muriaé": 40, "Sabará": 40, "Três Corações": 40, "Araguari": 40,
    "Brumadinho": 35, "João Monlevade": 35, "São Lourenço": 35, "Ubá": 35, "Itabirito": 30,
    "Paracatu": 30, "Unaí": 30, "Timóteo": 30, "Cataguases": 30, "Lagoa Santa": 30,
    "Caxambu": 25, "Curvelo": 25, "Formiga": 25, "Pará de Minas": 25, "Manhuaçu": 25,
    "Caratinga": 25, "Coronel Fabriciano": 25, "Santos Dumont": 25, "Serro": 20,
    "Janaúba": 20, "Frutal": 20, "Leopoldina": 20, "Vespasiano": 20,
}  # fmt: skip

#: countries where a municipality has ties that shape its choice of partners
AFFINITIES = {
    "Governador Valadares": "US", "Juiz de Fora": "IT", "Ouro Preto": "PT",
    "Diamantina": "PT", "Tiradentes": "PT", "São João del Rei": "PT", "Mariana": "PT",
    "Uberlândia": "JP", "Poços de Caldas": "IT", "Itajubá": "DE", "Lavras": "US",
    "Viçosa": "US", "Araxá": "FR", "Betim": "IT", "Montes Claros": "AO",
}  # fmt: skip

#: partner cities per country, before scaling to TOTAL_PARTNERS
PARTNER_COUNTRIES = {
    "IT": 230, "US": 190, "PT": 170, "ES": 110, "FR": 110, "DE": 110, "JP": 100, "CN": 100,
    "AR": 80, "MX": 55, "CL": 45, "CO": 45, "GB": 45, "UY": 35, "PY": 35, "PE": 35,
    "KR": 35, "CA": 35, "BO": 25, "AO": 25, "MZ": 25, "IN": 25, "EC": 20, "NL": 20,
    "CU": 15, "BE": 18, "CH": 18, "PL": 18, "LB": 18, "ZA": 18, "RU": 15, "AT": 12,
    "IL": 12, "TR": 12, "AU": 12, "VE": 12, "CV": 10, "NG": 10, "VN": 10, "GR": 8,
    "SE": 8, "UA": 8, "MA": 8, "EG": 8, "TW": 8, "ID": 8, "DK": 6, "NO": 6, "IE": 6,
    "PH": 6, "TH": 6, "DO": 6, "GT": 6, "CR": 6, "PA": 6, "FI": 5, "NZ": 5, "ST": 3,
    "GW": 3, "TL": 2,
}  # fmt: skip

# (key, name, kind, country, seat in the gazetteer ("BR:…" when abroad), IATI ref, type)
# fmt: off
ORGANISATIONS = (
    ("abc", "Agência Brasileira de Cooperação (ABC)", "national_agency", "BR", "Brasília",
     None, "10"),
    ("jica", "Agência de Cooperação Internacional do Japão (JICA)", "national_agency", "JP",
     "Tokyo", None, "10"),
    ("giz", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)",
     "national_agency", "DE", "Bonn", None, "10"),
    ("afd", "Agence française de développement (AFD)", "national_agency", "FR", "Paris",
     "FR-6", "10"),
    ("aecid", "Agencia Española de Cooperación Internacional para el Desarrollo (AECID)",
     "national_agency", "ES", "Madrid", None, "10"),
    ("aics", "Agenzia Italiana per la Cooperazione allo Sviluppo (AICS)", "national_agency",
     "IT", "Rome", None, "10"),
    ("koica", "Korea International Cooperation Agency (KOICA)", "national_agency", "KR",
     "Seoul", None, "10"),
    ("eu", "Delegação da União Europeia no Brasil", "international_organisation", "BR",
     "Brasília", None, "40"),
    ("idb", "Banco Interamericano de Desenvolvimento (BID)", "international_organisation",
     "US", "Washington", None, "40"),
    ("worldbank", "Banco Mundial", "international_organisation", "US", "Washington", None,
     "40"),
    ("caf", "CAF — Banco de Desenvolvimento da América Latina e Caribe",
     "international_organisation", "VE", "Caracas", None, "40"),
    ("unhabitat", "ONU-Habitat", "international_organisation", "KE", "Nairobi", None, "40"),
    ("undp", "Programa das Nações Unidas para o Desenvolvimento (PNUD)",
     "international_organisation", "BR", "Brasília", None, "40"),
    ("unesco", "UNESCO — Escritório no Brasil", "international_organisation", "BR",
     "Brasília", None, "40"),
    ("fao", "Organização das Nações Unidas para a Alimentação e a Agricultura (FAO)",
     "international_organisation", "IT", "Rome", None, "40"),
    ("coimbra", "Universidade de Coimbra", "university", "PT", "Coimbra", None, "80"),
    ("uporto", "Universidade do Porto", "university", "PT", "Porto", None, "80"),
    ("bologna", "Università di Bologna", "university", "IT", "Bologna", None, "80"),
    ("uba", "Universidad de Buenos Aires", "university", "AR", "Buenos Aires", None, "80"),
    ("consulate_it", "Consulado-Geral da Itália em Belo Horizonte", "embassy", "IT",
     "BR:Belo Horizonte", None, "10"),
)

FUNDERS = (
    Funder("Agência Brasileira de Cooperação (ABC)", "Cooperação Sul–Sul trilateral", "10",
           "abc", south=True),
    Funder("JICA", "Cooperação técnica — projetos de parceria", "10", "jica"),
    Funder("GIZ", "Programa de cooperação Brasil–Alemanha", "10", "giz", south=False,
           themes=frozenset({"environment", "energy", "urban", "mobility", "water"})),
    Funder("AFD", "Financiamento a governos subnacionais", "10", "afd", south=False,
           themes=frozenset({"urban", "mobility", "water", "environment"})),
    Funder("União Europeia", "Programa de cooperação UE–Brasil", "40", "eu"),
    Funder("BID", "Cooperação técnica não reembolsável", "40", "idb"),
    Funder("Banco Mundial", "Fundo de Desenvolvimento Institucional", "40", "worldbank",
           themes=frozenset({"governance", "risk", "water", "health"})),
    Funder("CAF", "Fundo de cooperação técnica", "40", "caf"),
    Funder("AICS", "Cooperação descentralizada Itália–Brasil", "10", "aics", south=False),
    Funder("AECID", "Programa de cooperação municipalista", "10", "aecid"),
    Funder("FAPEMIG", "Edital de cooperação internacional", "15",
           themes=frozenset({"innovation", "education", "health"})),
)
# fmt: on

_MERCOCIDADES_UNITS = (
    ("Cooperação Internacional", "governance"), ("Cultura", "culture"),
    ("Desenvolvimento Econômico Local", "economy"),
    ("Ambiente e Desenvolvimento Sustentável", "environment"), ("Educação", "education"),
    ("Gênero e Município", "gender"), ("Juventude", "youth_sport"), ("Turismo", "tourism"),
    ("Ciência, Tecnologia e Capacitação", "innovation"),
    ("Planejamento Estratégico e Áreas Metropolitanas", "urban"),
)  # fmt: skip
_UCLG_COMMITTEES = (
    ("Comissão de Cultura", "culture"),
    ("Comissão de Inclusão Social, Democracia Participativa e Direitos Humanos", "social"),
    ("Comissão de Cidades Periféricas", "urban"),
    ("Fórum de Cidades Intermediárias", "governance"),
    ("Comissão de Desenvolvimento Econômico Local", "economy"),
)
_REGIONS = (
    "Noroeste de Minas", "Norte de Minas", "Jequitinhonha", "Vale do Mucuri",
    "Triângulo Mineiro/Alto Paranaíba", "Central Mineira", "Metropolitana de Belo Horizonte",
    "Vale do Rio Doce", "Oeste de Minas", "Sul/Sudoeste de Minas", "Campo das Vertentes",
    "Zona da Mata",
)  # fmt: skip


_LATIN = ("AR", "UY", "PY", "CL", "BO", "PE", "CO", "MX", "BR", "ES", "PT")
_MERCOSUR = ("AR", "UY", "PY", "BR")
_VENUES = {
    "national": ("BR",),
    "regional": ("BR",),
    "country_group": ("BR",),
    "continental": _LATIN,
}


def _n(
    name: str,
    acronym: str | None,
    scope: str,
    themes: str,
    description: str,
    website: str | None = None,
    parent: str | None = None,
    since: int = 1995,
    role: str = "member",
    fee: int | None = None,
    activity: float = 1.0,
    venues: tuple[str, ...] | None = None,
) -> NetworkSpec:
    """A network of the state demo; its events meet where its members are."""
    if venues is None:
        venues = (
            _MERCOSUR
            if "Mercocidades" in name or parent == "Mercocidades"
            else (_VENUES.get(scope, ()))
        )
    return NetworkSpec(
        name,
        acronym,
        scope,
        tuple(themes.split()),
        description,
        website,
        parent,
        since,
        None,
        role,
        fee,
        activity,
        venues,
    )


#: (network, who joins it) — rules: state, top:N, pick:K/N, share:P, named:A;B, region:R
#: (network, who joins it) — rules: state, top:N, pick:K/N, share:P, named:A;B, region:R
# fmt: off
NETWORKS: tuple[tuple[NetworkSpec, str], ...] = (
    (_n("Cidades e Governos Locais Unidos", "CGLU", "global", "governance peace",
        "Organização mundial dos governos locais e regionais.", "https://www.uclg.org",
        since=2004, role="board", fee=60000, activity=1.5), "state+top:5"),
    (_n("Metropolis — Associação Mundial das Grandes Metrópoles", "Metropolis", "global",
        "urban mobility", "Rede das grandes metrópoles.", "https://www.metropolis.org",
        since=1998, fee=40000), "named:Belo Horizonte"),
    (_n("ICLEI — Governos Locais pela Sustentabilidade", "ICLEI", "global",
        "environment energy", "Rede mundial de governos locais pela sustentabilidade.",
        "https://iclei.org", since=2005, fee=25000), "state+top:15"),
    (_n("ICLEI América do Sul", None, "continental", "environment", "Secretariado"
        " sul-americano do ICLEI.", parent="ICLEI", since=2010), "top:8"),
    (_n("Prefeitos pela Paz", "Mayors for Peace", "global", "peace", "Cidades pela"
        " abolição das armas nucleares.", "https://www.mayorsforpeace.org", since=2000,
        activity=0.3), "share:0.04"),
    (_n("Pacto Global de Prefeitos pelo Clima e Energia", None, "global",
        "environment energy", "Compromissos climáticos de cidades.",
        "https://www.globalcovenantofmayors.org", since=2016, activity=0.5), "top:25"),
    (_n("Rede de Cidades Criativas da UNESCO", None, "thematic", "culture food",
        "Belo Horizonte, Cidade Criativa da Gastronomia.", since=2019),
     "named:Belo Horizonte"),
    (_n("Organização das Cidades do Patrimônio Mundial", "OCPM", "thematic", "heritage",
        "Cidades com sítios inscritos na lista do patrimônio mundial.",
        "https://www.ovpm.org", since=1995, fee=8000), "named:Ouro Preto;Diamantina"),
    (_n("Associação Internacional das Cidades Educadoras", "AICE", "global", "education",
        "Cidades comprometidas com a Carta das Cidades Educadoras.",
        "https://www.edcities.org", since=2000, fee=6000), "top:12"),
    (_n("Rede Brasileira de Cidades Educadoras", None, "country_group", "education",
        "Rede nacional da AICE.", parent="AICE", since=2005, activity=0.6), "pick:8/40"),
    (_n("Organização de Regiões Unidas", "ORU Fogar", "global", "governance",
        "Governos regionais no sistema internacional.", since=2008, role="vice_president",
        fee=30000), "state"),
    (_n("Regions4 — Regiões pelo Desenvolvimento Sustentável", "Regions4", "global",
        "environment governance", "Governos regionais pelos ODS e pelo clima.",
        "https://www.regions4.org", since=2012, role="board", fee=20000), "state"),
    (_n("Under2 Coalition", None, "global", "environment", "Governos subnacionais com"
        " metas de neutralidade climática.", since=2017, activity=0.8), "state"),
    (_n("Sister Cities International", None, "global", "culture education",
        "Rede de cidades-irmãs com os Estados Unidos.", "https://sistercities.org",
        since=1990, activity=0.4), "top:20"),
    (_n("Parceria para Governo Aberto — Local", "OGP Local", "global", "governance",
        "Governos locais comprometidos com governo aberto.", since=2018, activity=0.5),
     "pick:3/15"),
    (_n("Fórum de Autoridades Locais de Periferia", "FALP", "global", "social urban",
        "Autoridades locais das periferias metropolitanas.", since=2006, activity=0.5),
     "named:Contagem;Betim;Ribeirão das Neves;Santa Luzia"),
    (_n("Mercocidades", "Mercocidades", "continental", "governance economy culture",
        "Principal rede de cidades do Mercosul.", "https://mercociudades.org", since=1995,
        role="vice_president", fee=15000, activity=1.5), "top:10"),
    (_n("Foro Consultivo de Municípios, Estados Federados, Províncias e Departamentos do"
        " Mercosul", "FCCR", "continental", "governance", "Órgão consultivo do Mercosul"
        " para governos subnacionais.", since=2007, venues=_MERCOSUR), "state+top:3"),
    (_n("Federação Latino-Americana de Cidades, Municípios e Associações de Governos"
        " Locais", "FLACMA", "continental", "governance", "Municipalismo"
        " latino-americano.", since=1998, fee=5000, activity=0.6), "pick:6/40"),
    (_n("União das Cidades Capitais Ibero-Americanas", "UCCI", "continental",
        "urban culture", "Capitais ibero-americanas.", since=2000, fee=12000),
     "named:Belo Horizonte"),
    (_n("Aliança Euro-Latino-Americana de Cooperação entre Cidades", "AL-LAs",
        "continental", "governance", "Internacionalização de governos locais.",
        since=2013, activity=0.6), "named:Belo Horizonte"),
    (_n("Centro Ibero-Americano de Desenvolvimento Estratégico Urbano", "CIDEU",
        "continental", "urban", "Planejamento estratégico urbano.", since=2002,
        fee=6000, activity=0.6), "pick:3/10"),
    *(
        (_n(f"Mercocidades — Unidade Temática de {unit}", None, "thematic", theme,
            f"Unidade temática de {unit.lower()} da rede Mercocidades.",
            parent="Mercocidades", since=2002, activity=0.8), "pick:3/10")
        for unit, theme in _MERCOCIDADES_UNITS
    ),
    *(
        (_n(f"CGLU — {committee}", None, "thematic", theme, f"{committee} da CGLU.",
            parent="CGLU", since=2006, activity=0.7), "pick:2/10")
        for committee, theme in _UCLG_COMMITTEES
    ),
    (_n("Confederação Nacional de Municípios", "CNM", "national", "governance",
        "Entidade municipalista nacional.", "https://www.cnm.org.br", since=1985,
        fee=4000, activity=0.25), "share:0.6"),
    (_n("Frente Nacional de Prefeitos", "FNP", "national", "governance urban",
        "Prefeitos das cidades médias e grandes.", "https://fnp.org.br", since=1990,
        role="board", fee=20000, activity=0.6), "top:70"),
    (_n("Associação Brasileira de Municípios", "ABM", "national", "governance",
        "Entidade municipalista nacional.", since=1990, fee=2000, activity=0.2),
     "share:0.15"),
    (_n("Fórum Brasileiro de Gestores Municipais de Relações Internacionais", None,
        "national", "governance", "Gestores municipais de relações internacionais.",
        since=2009, activity=0.8), "top:40"),
    (_n("Fórum Nacional de Secretários Estaduais de Relações Internacionais", None,
        "national", "governance", "Coordenação entre as áreas internacionais dos"
        " estados.", since=2011, role="board"), "state"),
    (_n("Rede Brasileira de Cidades Inteligentes e Humanas", "RBCIH", "national",
        "digital innovation", "Cidades inteligentes centradas nas pessoas.", since=2013,
        activity=0.5), "pick:10/60"),
    (_n("Programa Cidades Sustentáveis", None, "thematic", "environment governance",
        "Agenda de sustentabilidade para municípios.", since=2012, activity=0.3,
        venues=("BR",)), "share:0.05"),
    (_n("Rede Estratégia ODS", None, "thematic", "governance", "Localização dos ODS.",
        since=2016, activity=0.4, venues=("BR",)), "pick:15/80"),
    (_n("Movimento Nacional ODS — Nós Podemos", None, "thematic", "governance social",
        "Mobilização pelos ODS.", since=2015, activity=0.3, venues=("BR",)), "share:0.04"),
    (_n("Rede Urban95 Brasil", None, "thematic", "social urban", "Cidades para a primeira"
        " infância.", since=2018, activity=0.5, venues=("BR",)), "pick:4/30"),
    (_n("Plataforma dos Centros Urbanos do UNICEF", None, "thematic", "social education",
        "Direitos de crianças e adolescentes nos centros urbanos.", since=2017,
        activity=0.4, venues=("BR",)), "pick:3/20"),
    (_n("Rede de Municípios Saudáveis", None, "thematic", "health", "Promoção da saúde"
        " nos municípios.", since=2003, activity=0.3, venues=("BR",)), "share:0.03"),
    (_n("Associação Mineira de Municípios", "AMM", "regional", "governance",
        "Entidade municipalista de Minas Gerais.", "https://portalamm.org.br",
        since=1985, fee=3000, activity=0.15), "share:0.95"),
    *(
        (_n(f"Associação dos Municípios — {region}", None, "regional", "governance",
            f"Associação microrregional de municípios ({region}).", parent="AMM",
            since=1990, fee=1500, activity=0.2), f"region:{region}")
        for region in _REGIONS
    ),
    (_n("Rede de Cidades Históricas de Minas Gerais", None, "regional", "heritage tourism",
        "Cidades do ciclo do ouro e do diamante.", since=2005, activity=0.6),
     "named:Ouro Preto;Mariana;Diamantina;Tiradentes;São João del Rei;Sabará;Serro;"
     "Congonhas"),
    (_n("Rede Mineira de Cidades pelo Clima", None, "regional", "environment",
        "Municípios mineiros com planos climáticos.", since=2019, activity=0.4),
     "pick:20/80"),
    (_n("Rede Brasil–Itália de Cidades-Irmãs", None, "country_group", "culture economy",
        "Cidades brasileiras irmanadas com cidades italianas.", since=2001, activity=0.4,
        venues=("BR", "IT")), "pick:15/120"),
    (_n("Rede de Cidades-Irmãs Brasil–Japão", None, "country_group", "culture education",
        "Irmanamentos entre cidades brasileiras e japonesas.", since=2008, activity=0.4,
        venues=("BR", "JP")), "pick:6/60"),
    (_n("Rede Luso-Brasileira de Municípios", None, "country_group", "heritage culture",
        "Cooperação entre municípios de Portugal e do Brasil.", since=2000, activity=0.4,
        venues=("BR", "PT")), "pick:12/100"),
    (_n("Rede Brasil–Alemanha de Municípios", None, "country_group", "environment energy",
        "Parcerias municipais Brasil–Alemanha.", since=2012, activity=0.4,
        venues=("BR", "DE")), "pick:6/60"),
    (_n("Encontros Brasil–França de Cooperação Descentralizada", None, "country_group",
        "governance", "Cooperação entre governos locais franceses e brasileiros.",
        since=2006, activity=0.4, venues=("BR", "FR")), "state+pick:4/40"),
)
# fmt: on
