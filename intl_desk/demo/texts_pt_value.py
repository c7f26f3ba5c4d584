"""Portuguese words of the state demo's terms of office and missions' value (see
:mod:`intl_desk.demo.value_texts`): the governors' last three terms, on the demo's own
calendar of office-holders (``state_catalogue.TERMS``: the governor who signs the state's
agreements of those years), the plan adopted in the first spring."""

from __future__ import annotations

from datetime import date

from intl_desk.demo.value_texts import TermSpec, ValueTexts

VALUE_TEXTS = ValueTexts(
    leader_title="Governador do Estado de Minas Gerais|Governadora do Estado de Minas Gerais",
    terms=(
        TermSpec(
            date(2017, 1, 1),
            date(2020, 12, 31),
            "Plano de governo 2017-2020: Minas no mapa do mundo",
            date(2017, 4, 28),
        ),
        TermSpec(
            date(2021, 1, 1),
            date(2024, 12, 31),
            "Plano de governo 2021-2024: Minas no mundo, municípios em rede",
            date(2021, 4, 30),
        ),
        TermSpec(
            date(2025, 1, 1),
            None,
            "Plano de governo 2025-2028: Minas sustentável, aberta e conectada",
            date(2025, 4, 30),
        ),
    ),
    commitments={
        date(2017, 1, 1): "Concluir os projetos de cooperação técnica já financiados e prestar"
        " contas aos financiadores\n"
        "Manter a participação do Estado na rede Regions4 e na ORU Fogar",
        date(2021, 1, 1): "Renovar antes do vencimento os acordos de cooperação com as regiões"
        " italianas e portuguesas e cumprir as suas metas\n"
        "Pagar as anuidades 2025-2026 da CGLU e do ICLEI e manter o assento do Estado no"
        " conselho da CGLU\n"
        "Entregar no prazo os relatórios dos projetos cofinanciados pela União Europeia e"
        " pela JICA\n"
        "Manter o apoio às prefeituras do interior na captação de recursos internacionais,"
        " com uma reunião por região a cada semestre\n"
        "Manter a avaliação anual das missões: resultados esperados escritos antes de cada"
        " viagem, acompanhamento aos 3, 6 e 12 meses",
    },
    new_lines=(
        ("M1", "Minas aberta: investimentos, comércio e turismo", "E1"),
        ("M2", "Municípios em rede: cooperação para o desenvolvimento local", "E2"),
        ("M3", "Clima, águas e transição energética", "E3"),
        ("M4", "Presença internacional e transparência", "E4"),
    ),
    carried_indicator_suffix=" (plano 2025-2028)",
    expected=(
        (
            "Assinar com {partner} um plano de trabalho para {year}",
            "Plano de trabalho assinado no último dia da missão",
        ),
        (
            "Identificar dois projetos comuns para o próximo edital de cooperação",
            "Três projetos identificados, uma proposta apresentada em conjunto",
        ),
        (
            "Preparar o intercâmbio de estudantes do primeiro semestre de {year}",
            "Doze vagas de intercâmbio confirmadas de cada lado",
        ),
        ("Obter de {partner} o acordo sobre o cofinanciamento do projeto", ""),
        (
            "Apresentar o balanço da parceria às autoridades de {partner}",
            "Balanço apresentado; o parceiro propõe um termo aditivo",
        ),
        (
            "Reunir empresas mineiras e locais para uma missão comercial recíproca",
            "Oito empresas recebidas, missão de retorno marcada para o segundo semestre",
        ),
        ("Acertar uma programação cultural comum para {year}", ""),
    ),
    follow_up_notes=(
        "Reunião por telefone com a área de relações internacionais de {partner}",
        "Relatório enviado ao gabinete; cronograma das próximas etapas definido",
        "Videoconferência de acompanhamento: um compromisso cumprido, outro adiado",
        "Cobrança por escrito sem resposta; novo ponto focal indicado",
    ),
    our_partners="nossos parceiros",
    near_mode="coach",  # no high-speed rail: by road within the region
    near_km=500,
)
