"""Portuguese words of the demo (the state office); see :mod:`intl_desk.demo.texts`."""

from __future__ import annotations

from intl_desk.demo.texts import Texts
from intl_desk.demo.texts_pt_evaluation import INDICATORS, LINES
from intl_desk.demo.texts_pt_objectives import OBJECTIVES

TEXTS = Texts(
    language="pt",
    months=(
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    date_pattern="{day} de {month} de {year}",
    first_day="1º",
    theme_names={
        "culture": "cultura",
        "heritage": "patrimônio histórico",
        "education": "educação",
        "youth_sport": "juventude e esporte",
        "economy": "desenvolvimento econômico",
        "tourism": "turismo",
        "investment": "investimentos e comércio exterior",
        "innovation": "ciência, tecnologia e inovação",
        "environment": "meio ambiente e clima",
        "water": "água e saneamento",
        "energy": "energia",
        "urban": "planejamento urbano",
        "mobility": "mobilidade urbana",
        "housing": "habitação",
        "health": "saúde",
        "social": "inclusão social",
        "gender": "igualdade de gênero",
        "migration": "migração",
        "food": "agricultura e segurança alimentar",
        "governance": "gestão pública",
        "peace": "paz e direitos humanos",
        "risk": "gestão de riscos e desastres",
        "digital": "cidades inteligentes",
    },
    objectives=OBJECTIVES,
    agreement_titles={
        "twinning": (
            "Acordo de irmanamento entre {us} e {partner}",
            "Protocolo de cidades-irmãs {us} – {partner}",
        ),
        "friendship": ("Acordo de amizade e cooperação entre {us} e {partner}",),
        "cooperation": (
            "Acordo de cooperação técnica entre {us} e {partner}",
            "Acordo de cooperação {us} – {partner} na área de {theme}",
            "Acordo-quadro de cooperação entre {us} e {partner} ({y1}–{y2})",
        ),
        "mou": (
            "Memorando de entendimento entre {us} e {partner} sobre {theme}",
            "Protocolo de intenções {us} – {partner} na área de {theme}",
        ),
        "letter_of_intent": ("Carta de intenções de cooperação entre {us} e {partner}",),
        "implementation": (
            "Plano de trabalho {y1}–{y2} do acordo {us} – {partner}",
            "Programa de ações {y1}–{y2} da parceria {us} – {partner}",
        ),
        "amendment": ("Termo aditivo nº {n} ao acordo {us} – {partner}",),
    },
    renewal_title="Renovação do acordo de cooperação {us} – {partner} ({y1}–{y2})",
    summaries=(
        "Marco da cooperação entre {us} e {partner}, com foco em {themes}.",
        "{us} e {partner} comprometem-se a realizar ações conjuntas em {themes},"
        " acompanhadas por um comitê gestor anual.",
        "Acordo que define as prioridades, os meios e o cronograma da parceria entre {us}"
        " e {partner} ({themes}).",
    ),
    authorisations={
        "government": "Decreto nº {n}, de {date}",
        "municipality": "Lei Municipal nº {n}, de {date}",
        "other": "Resolução nº {n}, de {date}",
    },
    our_positions={
        "government": (
            "Governador do Estado de Minas Gerais|Governadora do Estado de Minas Gerais",
            "Secretário de Estado de Desenvolvimento Econômico"
            "|Secretária de Estado de Desenvolvimento Econômico",
        ),
        "municipality": ("Prefeito de {us}|Prefeita de {us}",),
        "other": ("Presidente|Presidente",),
    },
    their_positions={
        "city": "Prefeito de {partner}|Prefeita de {partner}",
        "region": "Presidente|Presidente",
        "national_agency": "Diretor|Diretora",
        "university": "Reitor|Reitora",
        "ngo": "Diretor executivo|Diretora executiva",
        "international_organisation": "Representante|Representante",
        "embassy": "Cônsul-geral|Cônsul-geral",
        "other": "Representante legal|Representante legal",
    },
    termination_note="Denunciado de comum acordo em {date}, sem ações desde a mudança de gestão.",
    agreement_lessons=(
        "Sem metas definidas, o acordo não sobreviveu à troca de gestão municipal.",
        "O comitê gestor anual foi decisivo: deve ser previsto desde a assinatura.",
        "O intercâmbio escolar foi a ação mais duradoura; as demais dependeram de pessoas.",
        "Envolver as secretarias técnicas na negociação evita compromissos impossíveis.",
    ),
    project_titles={
        "water": ("Saneamento e redução de perdas de água em {place}",),
        "governance": (
            "Fortalecimento da gestão municipal de {place}",
            "Captação de recursos internacionais para municípios",
        ),
        "health": ("Atenção primária à saúde em {place}",),
        "urban": ("Revitalização do centro histórico de {place}",),
        "mobility": ("Plano de mobilidade urbana sustentável de {place}",),
        "environment": (
            "Plano de ação climática de {place}",
            "Recuperação de nascentes e matas ciliares em {place}",
        ),
        "culture": ("Intercâmbio cultural {us} – {partner}",),
        "heritage": ("Conservação do patrimônio barroco de {place} com {partner}",),
        "education": ("Intercâmbio de professores {us} – {partner}",),
        "youth_sport": ("Esporte e cidadania para jovens de {place}",),
        "economy": ("Inserção internacional das pequenas empresas de {place}",),
        "tourism": ("Turismo de experiência e Caminhos de Minas em {place}",),
        "investment": ("Promoção de investimentos {us} – {partner}",),
        "innovation": ("Parque tecnológico e startups {us} – {partner}",),
        "energy": ("Energia solar nos prédios públicos de {place}",),
        "housing": ("Urbanização de assentamentos precários em {place}",),
        "social": ("Inclusão produtiva de jovens em {place}",),
        "gender": ("Orçamento sensível a gênero em {place}",),
        "migration": ("Apoio aos emigrantes e retornados de {place}",),
        "food": ("Agricultura familiar e merenda escolar em {place}",),
        "peace": ("Cultura de paz nas escolas de {place}",),
        "risk": ("Prevenção de desastres e alerta de chuvas em {place}",),
        "digital": ("Cidade inteligente e serviços digitais em {place}",),
    },
    project_descriptions=(
        "Projeto executado por {us} com {partner} no âmbito da cooperação entre as duas"
        " cidades, na área de {theme}. Envolve as secretarias técnicas e missões de"
        " especialistas.",
        "Cooperação técnica entre {us} e {partner} em {theme}, com intercâmbio de"
        " especialistas e acompanhamento por um comitê gestor conjunto.",
        "Projeto plurianual em {theme}: diagnóstico, capacitação de servidores, obras"
        " piloto e difusão dos resultados a outros municípios mineiros.",
    ),
    project_results=(
        "{n} servidores capacitados e um manual de procedimentos publicado; {big}"
        " moradores beneficiados diretamente.",
        "Equipamentos entregues e em funcionamento; o município assumiu a manutenção.",
        "Metas cumpridas em {pct}%; duas ações adiadas por falta de contrapartida.",
    ),
    project_lessons=(
        "Envolver as secretarias técnicas desde o início: ações desenhadas sem elas não"
        " foram apropriadas.",
        "Prever orçamento de manutenção depois do fim do projeto.",
        "Missões curtas e frequentes funcionaram melhor que uma missão longa por ano.",
        "A troca de gestão atrasou o projeto em seis meses: registrar os compromissos"
        " desde a assinatura.",
    ),
    project_notes={
        "5": "Projeto cancelado: o cofinanciamento não foi aprovado e o parceiro mudou de"
        " prioridades.",
        "6": "Projeto suspenso por restrição orçamentária; retomada prevista após a"
        " aprovação da LOA.",
    },
    budget_line="Orçamento {year}",
    expenditures=(
        "Missão técnica de especialistas",
        "Aquisição de equipamentos",
        "Capacitação de servidores",
        "Recepção de delegação",
        "Contratação de estudo",
        "Tradução e interpretação",
        "Transferência à organização parceira",
    ),
    incoming_funds="Repasse do cofinanciamento – {funder}",
    report_titles=("Relatório parcial {year}", "Prestação de contas {year}", "Relatório final"),
    activity_titles={
        "mission": (
            "Missão a {place}",
            "Missão técnica a {place}: {theme}",
            "Missão de promoção comercial a {place}",
        ),
        "delegation": ("Recepção de delegação de {place}", "Visita técnica de {place}"),
        "event": (
            "Encontro de cidades-irmãs de Minas Gerais",
            "Fórum internacional de {theme}",
            "Semana de cooperação internacional dos municípios mineiros",
        ),
        "meeting": (
            "Reunião do comitê gestor da cooperação com {place}",
            "Reunião de trabalho com {place} (videoconferência)",
        ),
    },
    activity_purposes={
        "mission": (
            "Acompanhar a execução do projeto e preparar a próxima etapa.",
            "Assinar o plano de trabalho e conhecer a nova gestão municipal.",
            "Missão técnica de especialistas de {us} em {theme}.",
        ),
        "delegation": (
            "Apresentar as políticas de {us} em {theme} e visitar equipamentos.",
            "Preparar a renovação do acordo e as ações do ano.",
        ),
        "event": (
            "Reunir os municípios parceiros em torno de {theme} e das fontes de financiamento.",
            "Divulgar à população a atuação internacional de {us}.",
        ),
        "meeting": (
            "Acompanhar o plano de trabalho e definir o orçamento do ano.",
            "Preparar candidatura conjunta a um edital internacional.",
        ),
    },
    justifications=(
        "Prevista no plano de trabalho do acordo vigente.",
        "Solicitada pelo parceiro na última reunião do comitê gestor.",
        "Condição para o repasse da segunda parcela do cofinanciamento.",
        "Incluída na agenda internacional anual aprovada pelo gabinete.",
    ),
    outcomes=(
        "Ata de decisões assinada pelas duas partes.",
        "Três novas ações incluídas no plano de {year}.",
        "Contatos com {n} empresas e duas universidades.",
        "Acordo para apresentar projeto conjunto a edital internacional.",
    ),
    activity_lessons=(
        "Preparar as reuniões com as áreas técnicas, não só com o gabinete.",
        "Prever interpretação no orçamento desde o planejamento.",
        "Uma ata compartilhada na mesma semana facilitou o acompanhamento.",
    ),
    delegation_members=(
        "o prefeito",
        "a assessora de relações internacionais",
        "um técnico da secretaria de desenvolvimento econômico",
        "a secretária de cultura e turismo",
        "dois engenheiros da autarquia de saneamento",
        "um representante da associação comercial",
    ),
    participations={
        "event": (
            "{network} — assembleia geral {year}",
            "{network} — cúpula {year}",
            "{network} — reunião do conselho",
            "{network} — fórum temático de {theme}",
        ),
        "position": (
            "Coordenação da unidade temática de {theme} — {network}",
            "Assento no conselho diretor — {network}",
        ),
        "contribution": (
            "Contribuição escrita à consulta sobre {theme} — {network}",
            "Estudo de caso de {us} sobre {theme}, publicado pela rede — {network}",
        ),
        "statement": (
            "Declaração sobre {theme}, subscrita por {us} — {network}",
            "Moção aprovada na assembleia geral — {network}",
        ),
        "agenda": (
            "Inclusão de {theme} na agenda da rede — {network}",
            "Propostas de {us} incorporadas ao plano de trabalho — {network}",
        ),
    },
    participation_outcomes=(
        "Intervenção em plenária; contatos com {n} cidades.",
        "Posição de {us} incorporada ao texto final.",
        "Candidatura conjunta decidida com duas cidades da rede.",
    ),
    membership_notes=(
        "Anuidade prevista na Lei Orçamentária Anual.",
        "Adesão autorizada por lei municipal.",
        "Adesão reavaliada a cada gestão à luz dos resultados obtidos.",
    ),
    staff_positions=(
        "Assessor-chefe de Relações Internacionais|Assessora-chefe de Relações Internacionais",
        "Assessor de cooperação descentralizada|Assessora de cooperação descentralizada",
        "Assessor de promoção comercial|Assessora de promoção comercial",
        "Assessor para redes de cidades|Assessora para redes de cidades",
        "Analista de projetos internacionais|Analista de projetos internacionais",
        "Coordenador de cerimonial|Coordenadora de cerimonial",
        "Gestor administrativo-financeiro|Gestora administrativo-financeira",
        "Assistente administrativo|Assistente administrativa",
    ),
    partner_positions={
        "city": (
            "Diretor de relações internacionais|Diretora de relações internacionais",
            "Chefe do serviço de cooperação|Chefe do serviço de cooperação",
            "Assessor do prefeito|Assessora do prefeito",
        ),
        "municipality": (
            "Assessor de relações internacionais|Assessora de relações internacionais",
            "Secretário de desenvolvimento econômico|Secretária de desenvolvimento econômico",
        ),
        "other": ("Oficial de programa|Oficial de programa", "Diretor|Diretora"),
    },
    decision_document=(
        "{city}\n"
        "{date}\n\n"
        "{reference}\n\n"
        "Autoriza a celebração do instrumento: {title}\n\n"
        "Considerando o interesse público na cooperação com {partner} na área de {themes};\n"
        "Considerando o disposto na Constituição do Estado e na Lei Orgânica;\n\n"
        "Art. 1º Fica autorizada a celebração do instrumento « {title} ».\n"
        "Art. 2º As despesas decorrentes correrão à conta das dotações orçamentárias"
        " próprias.\n"
        "Art. 3º Este ato entra em vigor na data de sua publicação.\n"
    ),
    document_titles={
        "council_decision": "Ato de autorização",
        "signed_text": "Texto assinado",
        "report": "Relatório final",
    },
    evidence_note="Fonte: {source} ({year}). Documentos arquivados na pasta Avaliação {year}.",
    measurement_comment=(
        "Dado consolidado com as secretarias envolvidas.",
        "Valor preliminar, a confirmar no próximo relatório.",
        "Alta ligada aos eventos internacionais realizados no ano.",
    ),
    lines=LINES,
    indicators=INDICATORS,
    extra={
        "draft_note": "Minuta enviada ao parceiro em {date}; aguardando retorno.",
        "renewal_note": "Renovação a decidir antes do vencimento: consultar as secretarias"
        " envolvidas e o parceiro.",
        "decision_file": "ato-autorizacao",
        "signed_file": "texto-assinado",
        "report_file": "relatorio-final",
    },
)
