"""Number mentions: parsing, hedges as intervals, measures, verbs, and the cross-check helpers.

Every sentence here is written for these tests (none is taken from the seed articles).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck import models
from quotecheck.crosscheck.measures import (
    compatible,
    dates_compatible,
    measure_key,
    same_measure,
)
from quotecheck.extract.figures import FigureDraft, find_figures, to_figure
from quotecheck.extract.quantities import APPROX_TOLERANCE

INF = None  # an open upper bound


def _one(sentence: str) -> FigureDraft:
    found = find_figures(sentence)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


# (sentence, expected fields of the only figure found)
CASES: list[tuple[str, dict[str, Any]]] = [
    # exact numbers, separators, decimals
    (
        "The flood killed 129 people in Porto.",
        {
            "text": "129",
            "value": 129,
            "low": 129,
            "high": 129,
            "hedge": None,
            "measure": "people",
            "verb": "kill",
        },
    ),
    (
        "Engineers inspected 1,200 bridges last month.",
        {
            "text": "1,200",
            "value": 1200,
            "low": 1200,
            "high": 1200,
            "measure": "bridges",
            "verb": None,
        },
    ),
    ("Turnout reached 3.5 million voters.", {"text": "3.5 million", "value": 3_500_000}),
    # money and scale suffixes
    (
        "The museum raised $85 million for the new wing.",
        {"text": "$85 million", "value": 85e6, "unit": "USD", "verb": "raise"},
    ),
    (
        "The airline lost €2.5bn in the crisis.",
        {"text": "€2.5bn", "value": 2.5e9, "unit": "EUR", "verb": "lose"},
    ),
    ("The club spent 85m on players.", {"text": "85m", "value": 85e6, "unit": None}),
    (
        "Ticket sales were worth 40 million euros.",
        {"text": "40 million euros", "value": 40e6, "unit": "EUR"},
    ),
    # percentages
    (
        "Support for the plan fell to 24 percent.",
        {"text": "24 percent", "value": 24, "unit": "percent"},
    ),
    ("Prices climbed 24% in a year.", {"text": "24%", "value": 24, "unit": "percent"}),
    (
        "About 24 per cent of farmers agreed.",
        {"text": "About 24 per cent", "unit": "percent", "measure": "farmers", "hedge": "about"},
    ),
    # hedges
    (
        "Gunmen killed at least 129 people in the capital.",
        {
            "text": "at least 129",
            "value": 129,
            "low": 129,
            "high": INF,
            "hedge": "at least",
            "measure": "people",
            "verb": "kill",
        },
    ),
    (
        "Inspectors found more than 1,000 faulty meters.",
        {
            "text": "more than 1,000",
            "value": 1000,
            "low": 1000,
            "high": INF,
            "hedge": "more than",
            "measure": "faulty meters",
        },
    ),
    (
        "Nearly 2,000 residents fled the valley.",
        {
            "text": "Nearly 2,000",
            "low": 1800,
            "high": 2000,
            "hedge": "nearly",
            "measure": "residents",
            "verb": "flee",
        },
    ),
    (
        "The storm almost destroyed 50 barns.",
        {"text": "50", "hedge": None, "verb": "destroy", "measure": "barns"},
    ),
    (
        "Army engineers destroyed about 500 fuel tank trucks near Homsville.",
        {
            "text": "about 500",
            "low": 450,
            "high": 550,
            "hedge": "about",
            "measure": "fuel tank trucks",
            "verb": "destroy",
            "place": "Homsville",
        },
    ),
    ("Around 80 firms bid for the contract.", {"hedge": "about", "low": 72, "high": 88}),
    ("Some 300 volunteers joined.", {"text": "Some 300", "hedge": "about"}),
    ("Roughly 40 ships were seized.", {"hedge": "about", "verb": "seize", "measure": "ships"}),
    ("Approximately 60 flights were delayed.", {"hedge": "about", "low": 54, "high": 66}),
    (
        "Rescuers saved up to 400 migrants at sea.",
        {"text": "up to 400", "low": 0, "high": 400, "hedge": "up to", "measure": "migrants"},
    ),
    (
        "Fewer than 50 delegates voted.",
        {"text": "Fewer than 50", "low": 0, "high": 50, "hedge": "fewer than"},
    ),
    (
        "Less than 10 percent of the budget was spent.",
        {"hedge": "fewer than", "unit": "percent", "high": 10},
    ),
    (
        "There were 500 or so trucks on the road.",
        {"text": "500 or so", "hedge": "about", "measure": "trucks"},
    ),
    ("A 70-odd strong crowd waited.", {"text": "70-odd", "hedge": "about", "low": 63}),
    ("Some 2,000 or more fans sang.", {"text": "Some 2,000 or more", "hedge": "about"}),
    # spelled-out numbers
    (
        "Two soldiers were wounded.",
        {"text": "Two", "value": 2, "measure": "soldiers", "verb": "wound"},
    ),
    (
        "Nearly two thousand families were evacuated.",
        {
            "text": "Nearly two thousand",
            "value": 2000,
            "low": 1800,
            "high": 2000,
            "verb": "evacuate",
        },
    ),
    (
        "The raid freed a dozen hostages.",
        {"text": "a dozen", "value": 12, "measure": "hostages", "verb": "free"},
    ),
    (
        "Police detained twenty-one men.",
        {"text": "twenty-one", "value": 21, "measure": "men", "verb": "detain"},
    ),
    (
        "The town lost one hundred and twenty homes.",
        {"text": "one hundred and twenty", "value": 120},
    ),
    (
        "At least one guard was hurt.",
        {"text": "At least one", "value": 1, "hedge": "at least", "verb": "hurt"},
    ),
    # vague plurals
    (
        "Hundreds of families were evacuated.",
        {
            "text": "Hundreds of",
            "value": 200,
            "low": 200,
            "high": INF,
            "hedge": "hundreds of",
            "measure": "families",
        },
    ),
    ("Tens of thousands of people marched.", {"low": 20_000, "high": INF, "measure": "people"}),
    (
        "Several hundred cars were towed.",
        {"text": "Several hundred", "low": 200, "high": 900, "hedge": "several"},
    ),
    # ranges
    (
        "Between 300 and 400 protesters gathered.",
        {
            "text": "Between 300 and 400",
            "low": 300,
            "high": 400,
            "hedge": "between",
            "measure": "protesters",
        },
    ),
    (
        "Organisers expect 300-400 guests.",
        {"text": "300-400", "low": 300, "high": 400, "measure": "guests"},
    ),
    (
        "Organisers expect 300 to 400 guests.",
        {"text": "300 to 400", "low": 300, "high": 400, "measure": "guests"},
    ),
    ("The fund needs between 2 and 3 million dollars.", {"low": 2e6, "high": 3e6, "unit": "USD"}),
    ("About 300-400 cars were stuck.", {"hedge": "about", "low": 270, "high": 440}),
    # measure and event from the words around the number
    (
        "The navy carried out 34 cruise missile strikes on Tuesday.",
        {"text": "34", "measure": "cruise missile strikes", "verb": "carry out", "date": "Tuesday"},
    ),
    ("The fire left 12 dead in Lagos.", {"measure": "people", "verb": "kill", "place": "Lagos"}),
    ("The quake left 40 injured.", {"measure": "people", "verb": "injure"}),
    (
        "The death toll from the collapse rose to 57 on Sunday.",
        {"text": "57", "measure": "people", "verb": "kill", "date": "Sunday"},
    ),
    ("Officials put the death toll at 31.", {"measure": "people", "verb": "kill"}),
    ("The number of sorties rose to 200 last week.", {"measure": "sorties", "date": "last week"}),
    (
        "Forty people were killed in Tartu.",
        {"value": 40, "measure": "people", "verb": "kill", "place": "Tartu"},
    ),
    ("Five of the trucks were destroyed.", {"measure": "trucks", "verb": "destroy"}),
    (
        "Rebels shot down three drones over Pinewood.",
        {"measure": "drones", "verb": "shoot down", "place": "Pinewood"},
    ),
    (
        "The bombers hit 90 \u201cmilitary\u201d targets.",
        {"measure": "military targets", "verb": "hit"},
    ),
    ("A quarter of voters, or 24%, stayed home.", {"text": "24%"}),
    (
        "The ferry was carrying 88 passengers on Oct. 3.",
        {"measure": "passengers", "verb": "carry", "date": "Oct. 3"},
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_figure_table(sentence: str, expected: dict[str, Any]) -> None:
    fig = _one(sentence)
    assert sentence[fig.start : fig.end] == fig.text
    for field, want in expected.items():
        got = getattr(fig, field)
        if isinstance(want, float | int) and not isinstance(want, bool) and got is not None:
            assert got == pytest.approx(want), (field, got)
        else:
            assert got == want, (field, got)


# sentences whose numbers are not figures (dates, times, years, models, codes, ordinals)
NOT_FIGURES = [
    "The Tu-160 and an Airbus A321 were parked at the base.",
    "The ceremony ended at 0:00 and resumed at 9:30.",
    "The talks are set for Nov. 26, 2015 in Geneva.",
    "The crash on Oct. 31 shocked the town.",
    "Leaders meet on 14 March 2016.",
    "Voters went to the polls in 2015.",
    "Call 555-1234 or +44 20 7946 0958 today.",
    "Boeing 737 jets and Flight 9268 were grounded.",
    "It was the second day of the siege.",
    "She finished 24th in the race.",
    "The meeting starts at 5 p.m. sharp.",
    "One of the men spoke.",
    "Resolution 2249 passed.",
    "The 2014-2015 season was long.",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_two_measures_in_one_sentence() -> None:
    text = "The command planned 127 sorties on 206 targets."
    first, second = find_figures(text)
    assert (first.value, first.measure, first.verb) == (127, "sorties", "plan")
    assert (second.value, second.measure) == (206, "targets")


def test_dates_are_recorded_not_counted() -> None:
    (fig,) = find_figures("The Oct. 31 crash in Sinaiville killed 224 people.")
    assert (fig.text, fig.date, fig.place, fig.verb) == ("224", "Oct. 31", "Sinaiville", "kill")


def test_sentence_and_speaker_spans() -> None:
    text = 'Crews were busy. "We towed 45 cars," the chief said. Later 12 more came.'
    quote = (text.index('"'), text.index(',"') + 2, "Dana Reyes")
    sentences = [(0, 16), (17, 52), (53, len(text))]
    figs = find_figures(text, sentences=sentences, speakers=[quote])
    assert [f.text for f in figs] == ["45", "12"]
    assert figs[0].speaker == "Dana Reyes"
    assert figs[0].sentence == (17, 52)
    assert figs[1].speaker is None
    assert figs[1].sentence == (53, len(text))


def test_default_sentences_bound_the_context() -> None:
    text = "Crews cleared the road. Inspectors then counted 15 cracks."
    (fig,) = find_figures(text)
    assert fig.sentence is not None
    assert text[fig.sentence[0] : fig.sentence[1]] == "Inspectors then counted 15 cracks."


def test_to_figure_maps_offsets() -> None:
    text = "Storms destroyed about 500 huts."
    (d,) = find_figures(text, sentences=[(0, len(text))])
    fig = to_figure(d, lambda s, e: (s + 100, e + 100), text)
    assert isinstance(fig, models.Figure)
    assert (fig.span.start, fig.span.end, fig.span.text) == (
        d.start + 100,
        d.end + 100,
        "about 500",
    )
    assert fig.sentence is not None and fig.sentence.text == text
    assert (fig.low, fig.high, fig.hedge, fig.measure, fig.verb) == (
        450,
        550,
        "about",
        "huts",
        "destroy",
    )


# ------------------------------------------------------------------ cross-check helpers


def _f(**kw: Any) -> FigureDraft:
    base: dict[str, Any] = {
        "start": 0,
        "end": 1,
        "text": "1",
        "value": 1.0,
        "low": 1.0,
        "high": 1.0,
    }
    base.update(kw)
    return FigureDraft(**base)


def test_compatible_intervals() -> None:
    about_500 = _one("Rebels burned about 500 trucks.")
    exactly_500 = _one("Rebels burned 500 trucks.")
    at_least_129 = _one("The blast killed at least 129 people.")
    assert compatible(about_500, exactly_500)
    assert compatible(at_least_129, _f(value=130, low=130, high=130))
    assert not compatible(at_least_129, _f(value=120, low=120, high=120))
    more = _one("Police counted more than 1,000 marchers.")
    assert compatible(more, _f(value=1000, low=1000, high=1000))  # closed bound: reporters round
    nearly = _one("Nearly 2,000 homes flooded.")
    assert compatible(nearly, _f(low=1850, high=1850))
    assert not compatible(nearly, _f(low=2100, high=2100))
    assert compatible(_f(low=None, high=None), exactly_500)


def test_compatible_accepts_models() -> None:
    text = "Storms destroyed about 500 huts."
    (d,) = find_figures(text)
    fig = to_figure(d, lambda s, e: (s, e), text)
    assert compatible(fig, _f(low=540, high=540))
    assert same_measure(fig, d)


def test_measure_key() -> None:
    assert measure_key("fuel tank trucks") == measure_key("fuel tanker trucks") == "truck"
    assert measure_key("people") == measure_key("persons") == "people"
    assert measure_key("sorties") == "sortie"
    assert measure_key("casualties") == "casualty"
    assert measure_key("headquarters") == "headquarters"
    assert measure_key("buses") == "bus"
    assert measure_key("boxes") == "box"
    assert measure_key("houses") == "house"
    assert measure_key(None) is None


def test_same_measure_same_event() -> None:
    a = _one("Jets destroyed about 500 fuel tank trucks.")
    b = _one("In a week, jets destroyed 500 fuel tanker trucks.")
    assert same_measure(a, b) and compatible(a, b)


def test_same_measure_toll_and_killed() -> None:
    a = _one("The riots in Calder killed at least 40 people.")
    b = _one("The death toll in Calder stood at 35.")
    assert same_measure(a, b)
    assert not compatible(a, b)  # a number conflict


def test_strikes_on_different_days_are_different_events() -> None:
    a = _one("The fleet carried out 34 missile strikes on Tuesday.")
    b = _one("The fleet carried out 26 missile strikes in October.")
    c = _one("The fleet carried out 26 missile strikes on Wednesday.")
    assert a.date == "Tuesday" and b.date == "October"
    assert not same_measure(a, b)
    assert not same_measure(a, c)


def test_same_measure_rejects_other_things() -> None:
    killed = _one("The fire killed 12 people.")
    carried = _one("The boat was carrying 12 people.")
    trucks = _one("The fire destroyed 12 trucks.")
    died = _one("Officials said 12 people died.")
    assert not same_measure(killed, carried)  # kill vs carry
    assert not same_measure(killed, trucks)
    assert same_measure(killed, died)  # kill and die are one class
    assert not same_measure(_f(measure=None), _f(measure=None))
    assert not same_measure(_f(measure="dollars", unit="USD"), _f(measure="dollars", unit="EUR"))
    assert not same_measure(
        _f(measure="people", place="Oslo"), _f(measure="people", place="Bergen")
    )


def test_dates_compatible() -> None:
    assert dates_compatible("Oct. 31", "October")
    assert dates_compatible("Tuesday", None)
    assert dates_compatible("last week", "Tuesday")
    assert not dates_compatible("October", "November")
    assert not dates_compatible("Tuesday", "Wednesday")
    assert not dates_compatible("October", "Tuesday")  # no shared field: no proof
    assert not dates_compatible("Oct. 30", "Oct. 31")


# ------------------------------------------------------------------ properties

HEDGES = [
    "",
    "at least ",
    "more than ",
    "nearly ",
    "almost ",
    "about ",
    "around ",
    "some ",
    "roughly ",
    "approximately ",
    "up to ",
    "fewer than ",
    "less than ",
    "over ",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_never_raises_and_text_matches(text: str) -> None:
    for fig in find_figures(text):
        assert text[fig.start : fig.end] == fig.text
        assert fig.low is None or fig.high is None or fig.low <= fig.high


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="0123456789 ,.-$%abcdefmnoprstuvOTNS\n", max_size=120),
    st.lists(st.tuples(st.integers(-5, 130), st.integers(-5, 130)), max_size=4),
)
def test_never_raises_with_odd_sentences(text: str, sentences: list[tuple[int, int]]) -> None:
    for fig in find_figures(text, sentences=sentences, speakers=[(0, 5, "X")]):
        assert text[fig.start : fig.end] == fig.text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(HEDGES))
def test_interval_contains_the_number(n: int, hedge: str) -> None:
    written = f"{n:,}"
    text = f"Officials said {hedge}{written} people were counted."
    (fig,) = find_figures(text)
    assert fig.text == f"{hedge}{written}" or fig.text.lower() == f"{hedge}{written}".lower()
    low = -math.inf if fig.low is None else fig.low
    high = math.inf if fig.high is None else fig.high
    slack = 1e-9 * max(n, 1)
    assert low - slack <= n <= high + slack
    if hedge.strip() in {"about", "around", "some", "roughly", "approximately"}:
        assert high == pytest.approx(n * (1 + APPROX_TOLERANCE))


def test_one_megabyte_finishes() -> None:
    chunk = (
        "Crews counted about 1,200 trucks near Dunmore on Tuesday, and 3 more; "
        "Tu-160 0:00 555-1234 Nov. 26, 2015 hundreds of 9999999999999 "
    )
    text = chunk * (1_000_000 // len(chunk) + 1)
    figs = find_figures(text)
    assert len(figs) > 1000
    text2 = "1," * 500_000  # one long token-ish run with no sentence ends
    find_figures(text2)
    find_figures("9" * 1_000_000)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The fund reached 11.5 million people in Mrs. Alder's first term.", None),
        ("The storm left 300 people homeless in Dr. Quinn's district.", None),
        ("The storm left 300 people homeless in Port Alder.", "Port Alder"),
    ],
)
def test_a_person_after_in_is_no_place(sentence: str, place: str | None) -> None:
    assert _one(sentence).place == place
