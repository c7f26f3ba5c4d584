"""Fictional people with names that sound right for their country.

Signatories and contacts are invented on purpose: attaching fictional agreements to real
mayors would put words in real people's mouths. Surnames are chosen among forms that do
not change with gender (Polish Nowak, Ukrainian Shevchenko…), so any first name fits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from intl_desk.demo.common import DemoRandom


@dataclass(frozen=True)
class NameGroup:
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]
    surname_first: bool = False
    two_surnames: bool = False  # Spanish and Portuguese usage


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


_GROUPS: Mapping[str, NameGroup] = {
    "fr": NameGroup(
        _split("Claire, Sophie, Nathalie, Camille, Élodie, Isabelle, Amélie, Hélène, Léa, Inès"),
        _split("Julien, Thomas, Nicolas, François, Mathieu, Olivier, Benoît, Jérôme, Karim, Hugo"),
        _split(
            "Martin, Bernard, Dubois, Durand, Lefèvre, Moreau, Girard, Mercier, Bonnet, "
            "Chevalier, Faure, Rousseau, Blanc, Guérin, Perrin, Morel, Benali, Nguyen"
        ),
    ),
    "pt": NameGroup(
        _split(
            "Ana Paula, Mariana, Juliana, Fernanda, Luciana, Beatriz, Camila, Patrícia, "
            "Renata, Conceição, Letícia, Gabriela"
        ),
        _split(
            "João, José Carlos, Rafael, Marcelo, Rodrigo, Luiz Fernando, André, Thiago, "
            "Gustavo, Antônio, Sebastião, Leonardo"
        ),
        _split(
            "Silva, Santos, Oliveira, Souza, Pereira, Costa, Rodrigues, Almeida, Nascimento, "
            "Lima, Araújo, Fernandes, Carvalho, Gomes, Ribeiro, Martins, Rocha, Teixeira, "
            "Moreira, Mendes, Barbosa, Pinto, Assunção, Magalhães"
        ),
        two_surnames=True,
    ),
    "es": NameGroup(
        _split("María José, Lucía, Carolina, Valentina, Paula, Andrea, Gabriela, Rocío"),
        _split("Juan Pablo, Andrés, Diego, Santiago, Javier, Sebastián, Martín, Joaquín"),
        _split(
            "González, Rodríguez, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Díaz, "
            "Álvarez, Romero, Herrera, Castillo, Muñoz, Ibáñez, Peña"
        ),
        two_surnames=True,
    ),
    "it": NameGroup(
        _split("Giulia, Chiara, Francesca, Elena, Valentina, Federica, Alessandra"),
        _split("Marco, Luca, Alessandro, Davide, Matteo, Giovanni, Stefano, Niccolò"),
        _split(
            "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Galli, "
            "Conti, De Luca, Mancini, Fabbri"
        ),
    ),
    "de": NameGroup(
        _split("Anna, Katharina, Julia, Sabine, Stefanie, Jana, Lena, Ursula"),
        _split("Jürgen, Stefan, Michael, Andreas, Tobias, Matthias, Jörg, Lukas"),
        _split(
            "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schäfer, "
            "Koch, Hoffmann, Krüger"
        ),
    ),
    "en": NameGroup(
        _split("Sarah, Emily, Rachel, Laura, Jennifer, Olivia, Grace, Aisha"),
        _split("James, David, Michael, Daniel, Robert, Andrew, Thomas, Kwame"),
        _split(
            "Smith, Johnson, Williams, Brown, Taylor, Wilson, Davies, Evans, Clarke, "
            "Walker, Thompson, O'Connor"
        ),
    ),
    "pl": NameGroup(
        _split("Agnieszka, Małgorzata, Katarzyna, Joanna, Magdalena, Żaneta"),
        _split("Piotr, Tomasz, Krzysztof, Paweł, Łukasz, Michał, Wojciech"),
        _split(
            "Nowak, Wójcik, Kowalczyk, Woźniak, Mazur, Krawczyk, Kaczmarek, Zając, Król, Wieczorek"
        ),
    ),
    "vi": NameGroup(
        _split("Thị Lan, Thị Hương, Thu Trang, Ngọc Anh, Thị Mai, Phương Linh"),
        _split("Văn Minh, Quốc Huy, Đức Anh, Văn Hùng, Thanh Tùng, Hoàng Nam"),
        _split("Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Võ, Đặng, Bùi"),
        surname_first=True,
    ),
    "ja": NameGroup(
        _split("Yuki, Haruka, Aiko, Naoko, Emi, Sakura"),
        _split("Hiroshi, Takeshi, Kenji, Daisuke, Shōta, Ryō"),
        _split("Satō, Suzuki, Takahashi, Tanaka, Watanabe, Itō, Yamamoto, Nakamura, Kobayashi"),
    ),
    "zh": NameGroup(
        _split("Fang, Li Na, Xiuying, Jing, Mei, Yan"),
        _split("Wei, Jun, Lei, Qiang, Hao, Zhiwei"),
        _split("Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Zhou"),
        surname_first=True,
    ),
    "ko": NameGroup(
        _split("Ji-yeon, Seo-yeon, Min-ji, Eun-ji, Su-bin"),
        _split("Min-jun, Ji-hoon, Seung-woo, Dong-hyun, Jae-won"),
        _split("Kim, Lee, Park, Choi, Jung, Kang, Yoon"),
        surname_first=True,
    ),
    "ar": NameGroup(
        _split("Fatima Zahra, Amina, Salma, Nadia, Leïla, Yasmine, Rania"),
        _split("Youssef, Mohamed, Karim, Omar, Hassan, Rachid, Samir, Tarek"),
        _split("El Amrani, Benali, Haddad, Bouzid, Khalil, Mansour, Saadi, Cherif, Nasser"),
    ),
    "wa": NameGroup(
        _split("Aminata, Fatoumata, Awa, Mariam, Salimata, Rokia, Adjoa, Clarisse"),
        _split("Issa, Moussa, Boubacar, Souleymane, Ousmane, Abdoulaye, Koffi, Serge"),
        _split(
            "Ouédraogo, Traoré, Diallo, Sawadogo, Kaboré, Coulibaly, Konaté, Diop, Ndiaye, "
            "Sow, Zongo, Kouassi, Adjovi, Houngbédji, Mbarga, Fotso"
        ),
    ),
    "mg": NameGroup(
        _split("Fanja, Voahirana, Haingo, Lalao, Tiana"),
        _split("Hery, Mamy, Tahina, Andry, Rivo"),
        _split("Rakotomalala, Randriamanana, Rasoanaivo, Rakotondrabe, Andrianarisoa"),
    ),
    "ht": NameGroup(
        _split("Marie-Carmelle, Guerline, Nadège, Rose-Merline, Fabienne"),
        _split("Wilner, Jean-Robert, Frantz, Réginald, Jacques"),
        _split("Jean-Baptiste, Pierre-Louis, Joseph, Désir, Charles, Étienne, Augustin"),
    ),
    "et": NameGroup(
        _split("Meseret, Selam, Tigist, Hiwot, Bethlehem"),
        _split("Dawit, Yonas, Mulugeta, Tesfaye, Biniam"),
        _split("Abebe, Tadesse, Alemu, Bekele, Haile, Girma, Wolde"),
    ),
    "in": NameGroup(
        _split("Priya, Ananya, Lakshmi, Kavita, Meera"),
        _split("Rahul, Arjun, Suresh, Vikram, Sanjay"),
        _split("Sharma, Patel, Iyer, Reddy, Nair, Gupta, Menon"),
    ),
    "he": NameGroup(
        _split("Noa, Tamar, Yael, Michal, Shira"),
        _split("Avi, Yossi, Eitan, Noam, Amir"),
        _split("Cohen, Levi, Mizrahi, Peretz, Biton, Friedman, Azoulay"),
    ),
    "tr": NameGroup(
        _split("Ayşe, Elif, Zeynep, Fatma, Merve"),
        _split("Mehmet, Mustafa, Emre, Burak, Oğuz"),
        _split("Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Aydın"),
    ),
    "id": NameGroup(
        _split("Siti, Dewi, Putri, Ayu, Nurul"),
        _split("Budi, Agus, Rizky, Eko, Hendra"),
        _split("Santoso, Wijaya, Saputra, Hidayat, Kusuma, Rahman"),
    ),
    "th": NameGroup(
        _split("Suda, Malee, Kanya, Ploy, Nittaya"),
        _split("Somchai, Anan, Chaiwat, Prasert, Kittisak"),
        _split("Srisuk, Chaiyaporn, Wongsawat, Rattanakorn, Boonmee"),
    ),
    "nl": NameGroup(
        _split("Sanne, Eva, Lotte, Anouk, Femke"),
        _split("Jan, Pieter, Bram, Sander, Joost"),
        _split("de Vries, Jansen, van Dijk, Bakker, Visser, de Boer, Mulder"),
    ),
    "nordic": NameGroup(
        _split("Ingrid, Astrid, Karin, Sofie, Maja"),
        _split("Lars, Erik, Anders, Magnus, Mikkel"),
        _split("Lindqvist, Berg, Dahl, Nilsson, Hansen, Larsen, Johansson, Virtanen"),
    ),
    "ru": NameGroup(
        _split("Olena, Iryna, Natalia, Oksana, Tetiana"),
        _split("Andriy, Oleksandr, Dmytro, Serhiy, Mykola"),
        _split("Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Boyko"),
    ),
    "hy": NameGroup(
        _split("Anahit, Lusine, Mariam, Armine, Gayane"),
        _split("Armen, Tigran, Davit, Aram, Hovhannes"),
        _split("Sargsyan, Hakobyan, Grigoryan, Harutyunyan, Petrosyan, Beridze, Kapanadze"),
    ),
}

_COUNTRY_GROUP: Mapping[str, str] = {
    "FR": "fr", "BE": "fr", "CH": "fr", "CA": "fr", "SN": "wa", "BF": "wa", "BJ": "wa",
    "CI": "wa", "CM": "wa", "ML": "wa", "NE": "wa", "TG": "wa", "GN": "wa", "MG": "mg",
    "HT": "ht", "ET": "et", "IN": "in", "IL": "he",
    "BR": "pt", "PT": "pt", "AO": "pt", "MZ": "pt", "CV": "pt", "ST": "pt", "GW": "pt",
    "TL": "pt",
    "DE": "de", "AT": "de", "NL": "nl", "DK": "nordic", "SE": "nordic",
    "NO": "nordic", "FI": "nordic", "TR": "tr", "ID": "id", "MY": "id", "TH": "th",
    "IT": "it", "PL": "pl", "CZ": "pl", "VN": "vi", "JP": "ja", "CN": "zh", "TW": "zh",
    "KR": "ko", "UA": "ru", "RU": "ru", "AM": "hy", "GE": "hy",
    "MA": "ar", "DZ": "ar", "TN": "ar", "LB": "ar", "PS": "ar", "EG": "ar",
}  # fmt: skip
_SPANISH = frozenset(
    [
        "AR",
        "BO",
        "CL",
        "CO",
        "CR",
        "CU",
        "DO",
        "EC",
        "ES",
        "GT",
        "HN",
        "MX",
        "NI",
        "PA",
        "PE",
        "PY",
        "SV",
        "UY",
        "VE",
    ]
)


def group_of(country_code: str) -> str:
    if country_code in _SPANISH:
        return "es"
    return _COUNTRY_GROUP.get(country_code, "en")


def person(rng: DemoRandom, country_code: str, women: float = 0.5) -> tuple[str, bool]:
    """A fictional full name for ``country_code`` and whether it is a woman's.

    ``women`` is the share of women: lower for office-holders of past decades.
    """
    group = _GROUPS[group_of(country_code)]
    female = rng.chance(women)
    first = rng.choice(group.women if female else group.men)
    surname = rng.choice(group.surnames)
    if group.two_surnames and rng.chance(0.6):
        other = rng.choice(group.surnames)
        if other != surname:
            surname = f"{other} {surname}"
    name = f"{surname} {first}" if group.surname_first else f"{first} {surname}"
    return name, female


def gendered(text: str, female: bool) -> str:
    """Pick ``masculine|feminine`` from a pack's position string."""
    masculine, _, feminine = text.partition("|")
    return (feminine or masculine) if female else masculine
