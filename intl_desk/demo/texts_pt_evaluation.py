"""The state office's strategic lines and indicators (Portuguese).

Besides the state's own indicators, ten are measured in every municipality
(``per_local_entity``): that is how a state follows 853 municipalities' international action
and where most of the demo's measurements come from. Their ``start`` values are those of a
municipality of average weight; each municipality's values are scaled by its weight.
"""

from __future__ import annotations

from intl_desk.demo.texts import IndicatorSpec, LineSpec

LINES = (
    LineSpec(
        "E1",
        "Minas no mundo: investimentos e comércio exterior",
        "Atrair investimentos, diversificar exportações e promover o turismo internacional"
        " em todas as regiões do Estado.",
        (
            ("Atrair investimento estrangeiro direto para as regiões do interior", "investment"),
            ("Ampliar as exportações das pequenas e médias empresas", "economy"),
            ("Promover Minas como destino de turismo internacional", "tourism"),
        ),
    ),
    LineSpec(
        "E2",
        "Cooperação internacional para o desenvolvimento dos municípios",
        "Apoiar os municípios mineiros a captar recursos e conhecimento por meio de"
        " acordos e projetos de cooperação.",
        (
            ("Estruturar áreas de relações internacionais nos municípios", "governance"),
            ("Captar recursos de cooperação para saneamento e saúde", "water"),
        ),
    ),
    LineSpec(
        "E3",
        "Sustentabilidade e clima",
        "Cooperação para a ação climática, a recuperação de bacias e a gestão de riscos.",
        (
            ("Apoiar planos municipais de ação climática", "environment"),
            ("Reduzir a vulnerabilidade a desastres nas áreas de mineração", "risk"),
        ),
    ),
    LineSpec(
        "E4",
        "Governança, redes e paradiplomacia",
        "Participar das redes internacionais de governos subnacionais e dar transparência"
        " à atuação internacional do Estado.",
        (
            ("Ocupar posições de liderança em redes internacionais", "governance"),
            ("Informar a população sobre a atuação internacional do Estado", "governance"),
        ),
    ),
)

_STATE_SCALE = (
    "Ações pontuais, sem marco normativo",
    "Diretrizes do gabinete não formalizadas",
    "Política estadual de relações internacionais instituída por decreto",
    "Política com orçamento, metas e indicadores",
    "Política avaliada anualmente e revista com os municípios",
)
_MUNICIPAL_SCALE = (
    "Nenhuma estrutura",
    "Ponto focal informal no gabinete",
    "Servidor designado para relações internacionais",
    "Assessoria ou diretoria de relações internacionais",
    "Secretaria com orçamento e plano de ação internacional",
)

_CONTRIBUTIONS = (
    "Relatoria do painel de governos subnacionais sobre mineração sustentável; recomendação"
    " incluída na declaração final.",
    "Coordenação de sessão sobre segurança hídrica no fórum da rede de regiões; três estados"
    " aderiram à metodologia mineira.",
    "Adesão à coalizão de governos subnacionais pelo clima com metas publicadas e monitoradas.",
    "Apresentação do painel de acordos dos 853 municípios como boa prática de transparência.",
    "Coorganização da cúpula regional de cidades sobre turismo sustentável.",
    "Contribuição à revisão da agenda de localização dos ODS na América Latina.",
)

# fmt: off
_STATE = (
    IndicatorSpec("EST-01", "Acordos internacionais assinados no ano", "political",
                  unit="acordos", formula="agreements_signed", start=600, growth=0.03,
                  source="Calculado a partir dos acordos"),
    IndicatorSpec("EST-02", "Países com parceria ativa", "political", unit="países",
                  formula="partner_countries", start=60, growth=0.02,
                  source="Calculado a partir dos acordos"),
    IndicatorSpec("EST-03", "Recursos de cooperação captados", "institutional", unit="BRL",
                  formula="cofinancing_raised", start=40_000_000, growth=0.06,
                  objective=(1, 1), source="Calculado a partir dos projetos"),
    IndicatorSpec("EST-04", "Eventos de redes com participação mineira", "political",
                  unit="eventos", formula="events_attended", start=400, growth=0.04,
                  objective=(3, 0), source="Calculado a partir das participações"),
    IndicatorSpec("EST-05", "Projetos de cooperação em execução", "political",
                  unit="projetos", formula="active_projects", start=900, growth=0.03,
                  source="Calculado a partir dos projetos"),
    IndicatorSpec("EST-06", "Municípios com estrutura de relações internacionais",
                  "institutional", unit="municípios", start=40, growth=0.12, noise=0.05,
                  objective=(1, 0), source="Levantamento anual da Assessoria"),
    IndicatorSpec("EST-07", "Nível de institucionalização da política estadual de RI",
                  "institutional", measure="qualitative", start=2, levels=_STATE_SCALE,
                  objective=(1, 0), source="Autoavaliação validada pelo gabinete"),
    IndicatorSpec("EST-08", "Posições ocupadas em redes internacionais", "political",
                  unit="posições", start=4, growth=0.1, noise=0.05, objective=(3, 0),
                  source="Registro de filiações"),
    IndicatorSpec("EST-09", "Missões internacionais de promoção comercial", "territorial",
                  unit="missões", start=12, growth=0.05, pandemic_dip=True, objective=(0, 1),
                  source="Invest Minas"),
    IndicatorSpec("EST-10", "Investimento estrangeiro anunciado no Estado", "territorial",
                  unit="US$ bilhões", start=4.2, growth=0.06, noise=0.25, decimals=2,
                  sdgs=(8, 9), objective=(0, 0), source="Invest Minas"),
    IndicatorSpec("EST-11", "Mineiros que conhecem a atuação internacional do Estado",
                  "territorial", unit="%", start=12, growth=0.08, noise=0.06, decimals=1,
                  objective=(3, 1), source="Pesquisa anual com 2.000 moradores",
                  description="Pesquisa anual: « Você sabe que o Governo de Minas mantém"
                  " acordos de cooperação com outros países? »"),
    IndicatorSpec("EST-12", "Principais contribuições à agenda internacional", "political",
                  measure="text", objective=(3, 0), source="Relatório anual da Assessoria",
                  evidence=_CONTRIBUTIONS),
)

_PER_MUNICIPALITY = (
    IndicatorSpec("MUN-01", "Investimento estrangeiro direto anunciado no município",
                  "territorial", unit="R$ milhões", start=8, growth=0.05, noise=0.5,
                  decimals=1, per_local_entity=True, sdgs=(8, 9), objective=(0, 0),
                  source="Invest Minas"),
    IndicatorSpec("MUN-02", "Empregos gerados por investimento estrangeiro", "territorial",
                  unit="empregos", start=40, growth=0.04, noise=0.5, per_local_entity=True,
                  sdgs=(8,), objective=(0, 0), source="CAGED e Invest Minas"),
    IndicatorSpec("MUN-03", "Turistas estrangeiros", "territorial", unit="visitantes",
                  start=1500, growth=0.05, noise=0.3, pandemic_dip=True,
                  per_local_entity=True, objective=(0, 2), source="Observatório do Turismo"),
    IndicatorSpec("MUN-04", "Eventos internacionais realizados", "territorial",
                  unit="eventos", start=2, growth=0.05, noise=0.4, pandemic_dip=True,
                  per_local_entity=True, source="Secretarias municipais de cultura e turismo"),
    IndicatorSpec("MUN-05", "Servidores capacitados em relações internacionais",
                  "institutional", unit="servidores", start=1.5, growth=0.12, noise=0.4,
                  per_local_entity=True, objective=(1, 0), source="Escola de Governo"),
    IndicatorSpec("MUN-06", "Estrutura municipal de relações internacionais",
                  "institutional", measure="qualitative", start=1.6, levels=_MUNICIPAL_SCALE,
                  per_local_entity=True, objective=(1, 0),
                  source="Levantamento anual da Assessoria"),
    IndicatorSpec("MUN-07", "Exportações", "territorial", unit="US$ milhões", start=30,
                  growth=0.04, noise=0.35, decimals=1, per_local_entity=True, sdgs=(8, 17),
                  objective=(0, 1), source="Comex Stat"),
    IndicatorSpec("MUN-08", "Estudantes em intercâmbio internacional", "territorial",
                  unit="estudantes", start=10, growth=0.06, noise=0.4, pandemic_dip=True,
                  per_local_entity=True, sdgs=(4,), source="Secretarias municipais de educação"),
    IndicatorSpec("MUN-09", "Recursos de cooperação internacional captados",
                  "institutional", unit="R$ mil", start=150, growth=0.06, noise=0.6,
                  per_local_entity=True, objective=(1, 1), source="Prestação de contas"),
    IndicatorSpec("MUN-10", "Moradores que conhecem a atuação internacional do município",
                  "territorial", unit="%", start=10, growth=0.06, noise=0.2, decimals=1,
                  per_local_entity=True, objective=(3, 1), source="Pesquisa amostral anual"),
)
# fmt: on

INDICATORS = _STATE + _PER_MUNICIPALITY
