"""A hand-written story in four articles, with the phenomena the checks must handle.

Written for these tests (not taken from any published article): one order quoted in
three wordings, one quote carried word for word by two outlets (once via a news
agency), a foreign minister labelled with the wrong country in one article, a
death toll given as "at least 129", "129" and "120", and missile strikes from two
different days that are not a conflict.
"""

from __future__ import annotations

import datetime as dt

from quotecheck.models import Article

from .factories import ArticleBuilder

NOV17 = dt.date(2015, 11, 17)

ORDER_A = "You must set up direct contact with the French fleet and treat them as allies"
ORDER_B = "It's essential to set up direct contact with the French fleet and treat them as allies"
STAFF = "The General Staff is drafting joint operations with the French navy under the president's order"
SINCERE = "We believe they are sincere and we have to pool our forces"


def wire() -> Article:
    b = ArticleBuilder(
        "wire.txt",
        "Moscow orders navy to work with French ships\n\n"
        "President Vladimir Putin on Tuesday told his navy in the Mediterranean to coordinate "
        f'with a French carrier group. "{ORDER_A}," Putin told a commander by video link.\n\n'
        f'"{STAFF}," said Colonel-General Andrey Kartapolov of the General Staff.\n\n'
        f'French Foreign Minister Laurent Fabius told a radio station: "{SINCERE}."\n\n'
        "The attacks in Paris on Friday killed at least 129 people. The military carried out "
        "34 cruise missile strikes on Tuesday and flew 127 sorties against 206 targets.\n",
        date=NOV17,
    )
    b.quote(ORDER_A, b.speaker("Vladimir Putin", mention="Putin", occurrence=1, role="President"))
    b.quote(
        STAFF,
        b.speaker(
            "Andrey Kartapolov",
            role="Colonel-General",
            organization="General Staff",
        ),
    )
    b.quote(
        SINCERE,
        b.speaker(
            "Laurent Fabius",
            role="Foreign Minister",
            nationality=("French", "France"),
        ),
    )
    b.figure(
        "at least 129", 129, low=129, hedge="at least", measure="people", verb="kill", place="Paris"
    )
    b.figure("34", 34, measure="cruise missile strikes", verb="carry out", date="Tuesday")
    b.figure("127", 127, measure="sorties", verb="fly")
    b.figure("206", 206, measure="targets", verb="fly")
    return b.build()


def daily() -> Article:
    b = ArticleBuilder(
        "daily.txt",
        "Russia and France to act as allies\n\n"
        f'"{ORDER_B}," Mr Putin said at a meeting with military chiefs.\n\n'
        f'Citing Kartapolov, Tass reported: "{STAFF}."\n\n'
        f'Russian Foreign Affairs Minister Laurent Fabius said: "{SINCERE}."\n\n'
        "Friday's attacks in Paris killed 129 people.\n",
        date=NOV17,
    )
    b.quote(ORDER_B, b.speaker("Vladimir Putin", mention="Mr Putin"))
    b.quote(STAFF, b.speaker("Kartapolov", via="Tass"))
    b.quote(
        SINCERE,
        b.speaker(
            "Laurent Fabius",
            role="Foreign Affairs Minister",
            nationality=("Russian", "Russia"),
        ),
    )
    b.figure("129", 129, measure="people", verb="kill", place="Paris")
    return b.build()


def site() -> Article:
    b = ArticleBuilder(
        "site.txt",
        'Putin\'s order to co-operate with the French "like with allies" followed a call '
        "between the two presidents. Earlier, French Foreign Minister Laurent Fabius said: "
        f'"{SINCERE}." The Paris attacks killed 120 people, officials said.\n',
        date=dt.date(2015, 11, 18),
    )
    b.quote("like with allies", b.speaker("Vladimir Putin", mention="Putin"), kind="partial")
    b.quote(
        SINCERE,
        b.speaker("Laurent Fabius", role="Foreign Minister", nationality=("French", "France")),
    )
    b.figure("120", 120, measure="people", verb="kill", place="Paris")
    return b.build()


def october() -> Article:
    b = ArticleBuilder(
        "press.txt",
        "Mr Shoigu told President Vladimir Putin that warships fired 26 missile strikes on "
        "Wednesday morning from the Caspian Sea.\n",
        date=dt.date(2015, 10, 8),
    )
    b.figure("26", 26, measure="missile strikes", verb="carry out", date="Wednesday")
    return b.build()


def story() -> list[Article]:
    return [wire(), daily(), site(), october()]
