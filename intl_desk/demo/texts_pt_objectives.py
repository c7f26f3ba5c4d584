"""Portuguese objective templates of the demo, per theme: specific, measurable aims.

The classic failure of twinning agreements is having no specific objective; these show
what specific ones look like. Placeholders: see :mod:`intl_desk.demo.texts`.
"""

from __future__ import annotations

OBJECTIVES: dict[str, tuple[str, ...]] = {
    "culture": (
        "Realizar anualmente um intercâmbio de artistas entre {us} e {partner} durante"
        " os festivais das duas cidades",
        "Coproduzir uma exposição itinerante apresentada nos museus das duas cidades até {year}",
    ),
    "heritage": (
        "Capacitar {n} técnicos na conservação de conjuntos arquitetônicos tombados",
        "Elaborar com {partner} um plano de gestão do centro histórico até {year}",
    ),
    "education": (
        "Promover o intercâmbio anual de professores entre {n} escolas das duas cidades",
        "Oferecer {n} bolsas de estudo por ano a estudantes de {us} em {partner}",
    ),
    "youth_sport": (
        "Organizar a cada dois anos um torneio esportivo juvenil entre {us} e {partner}",
        "Levar {n} jovens por ano a programas de voluntariado em {partner}",
    ),
    "economy": (
        "Apoiar {n} empresas de {us} em missões comerciais a {partner} por ano",
        "Criar até {year} um balcão de atendimento a empresas das duas cidades",
    ),
    "tourism": (
        "Promover conjuntamente os dois destinos em {n} feiras internacionais de turismo",
        "Criar um roteiro turístico comum de gastronomia e café até {year}",
    ),
    "investment": (
        "Identificar e acompanhar {n} projetos de investimento em {us} até {year}",
        "Realizar anualmente uma rodada de negócios entre empresários das duas cidades",
    ),
    "innovation": (
        "Desenvolver {n} projetos conjuntos de pesquisa entre universidades das duas cidades",
        "Conectar os parques tecnológicos de {us} e de {partner} num programa de"
        " aceleração de startups",
    ),
    "environment": (
        "Elaborar até {year} o plano municipal de ação climática com metas de redução de emissões",
        "Recuperar {big} hectares de nascentes e matas ciliares da bacia do município",
        "Implantar a coleta seletiva em {n} bairros de {us}",
    ),
    "water": (
        "Ligar {big} domicílios à rede de esgoto até {year}",
        "Reduzir as perdas de água da rede municipal com apoio técnico de {partner}",
    ),
    "energy": (
        "Instalar painéis solares em {n} prédios públicos de {us}",
        "Reduzir em 20% o consumo de energia da iluminação pública até {year}",
    ),
    "urban": (
        "Revisar o plano diretor de {us} com apoio técnico de {partner} até {year}",
        "Requalificar {n} praças e espaços públicos do centro",
    ),
    "mobility": (
        "Trocar experiências sobre corredores de ônibus e ciclovias em {n} oficinas técnicas",
        "Estudar até {year} a implantação de um sistema de bicicletas compartilhadas",
    ),
    "housing": ("Urbanizar {big} moradias em assentamentos precários até {year}",),
    "health": (
        "Capacitar {big} agentes comunitários de saúde até {year}",
        "Trocar experiências sobre atenção primária entre as redes municipais de saúde",
    ),
    "social": (
        "Apoiar a inserção profissional de {big} jovens em situação de vulnerabilidade",
        "Trocar práticas de acolhimento da população em situação de rua",
    ),
    "gender": (
        "Capacitar {n} servidoras em orçamento sensível a gênero",
        "Criar até {year} um centro de referência da mulher com apoio de {partner}",
    ),
    "migration": (
        "Apoiar {n} projetos de emigrantes de {us} residentes em {partner}",
        "Criar um balcão de atendimento a migrantes que retornam ao município",
    ),
    "food": (
        "Fornecer à merenda escolar produtos da agricultura familiar de {n} cooperativas",
        "Apoiar a certificação de origem do café e do queijo artesanal até {year}",
    ),
    "governance": (
        "Capacitar {big} servidores municipais em gestão de projetos e captação de recursos",
        "Implantar até {year} um sistema de monitoramento do plano plurianual",
        "Implantar o orçamento participativo em {n} regiões do município",
    ),
    "peace": ("Realizar anualmente uma semana de cultura de paz nas escolas municipais",),
    "risk": (
        "Elaborar até {year} o plano municipal de contingência para chuvas intensas",
        "Instalar sistemas de alerta em {n} áreas de risco de deslizamento",
    ),
    "digital": (
        "Disponibilizar {n} serviços municipais on-line até {year}",
        "Abrir os dados do município num portal de dados abertos",
    ),
}
