from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecheck.crosscheck.people import Registry
from quotecheck.crosscheck.wikidata import convert_wikidata, wikidata_time
from quotecheck.errors import ConfigError

DATA = Path(__file__).parent / "data"
ENTITY = DATA / "wikidata_fabius.json"
LABELS = DATA / "wikidata_labels.json"


def test_convert_with_labels() -> None:
    out = convert_wikidata([ENTITY], LABELS)
    assert out == {
        "people": [
            {
                "name": "Laurent Fabius",
                "aliases": ["Laurent Fabius (politician)"],
                "citizenship": ["France"],
                "roles": [
                    {
                        "role": "Minister of Foreign Affairs",
                        "organization": "Government of France",
                        "country": "France",
                        "start": "2012-05-16",
                        "end": "2016-02-11",
                    },
                    {
                        "role": "Prime Minister of France",
                        "country": "France",
                        "start": "1984-07-17",
                        "end": "1986",
                    },
                ],
                "wikidata": "Q900001",
            }
        ]
    }


def test_convert_without_labels_keeps_qids() -> None:
    person = convert_wikidata(ENTITY, None)["people"][0]
    assert person["citizenship"] == ["Q142"]
    assert person["roles"][0]["role"] == "Q900101"


def test_flat_label_map(tmp_path: Path) -> None:
    labels = tmp_path / "labels.json"
    labels.write_text(
        json.dumps({"Q142": "France", "Q900101": "Foreign Minister"}), encoding="utf-8"
    )
    person = convert_wikidata([ENTITY], labels)["people"][0]
    assert person["roles"][0]["role"] == "Foreign Minister"
    assert "country" not in person["roles"][0]


def test_converted_registry_is_usable() -> None:
    registry = Registry.from_data(convert_wikidata([ENTITY], LABELS), "wikidata")
    person = registry.lookup("Mr Fabius")
    assert person is not None and person.roles[1].end is not None
    assert person.roles[1].end.isoformat() == "1986-12-31"


@pytest.mark.parametrize(
    ("time", "precision", "expected"),
    [
        ("+2012-05-16T00:00:00Z", 11, "2012-05-16"),
        ("+2012-05-00T00:00:00Z", 10, "2012-05"),
        ("+2012-00-00T00:00:00Z", 9, "2012"),
        ("+2012-05-16T00:00:00Z", 9, "2012"),
    ],
)
def test_wikidata_time(time: str, precision: int, expected: str) -> None:
    assert wikidata_time({"time": time, "precision": precision}, "x", "f") == expected


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"nothing": 1}, "'entities' object"),
        ({"entities": {"Q1": {"labels": {}}}}, "entities.Q1.labels"),
        (
            {
                "entities": {
                    "Q1": {
                        "labels": {"en": {"value": "A"}},
                        "claims": {
                            "P39": [
                                {
                                    "mainsnak": {
                                        "snaktype": "value",
                                        "datavalue": {"value": {"id": "Q2"}},
                                    },
                                    "qualifiers": {
                                        "P580": [
                                            {
                                                "snaktype": "value",
                                                "datavalue": {"value": {"time": "2012"}},
                                            }
                                        ]
                                    },
                                }
                            ]
                        },
                    }
                }
            },
            "entities.Q1.claims.P39[0].qualifiers.P580",
        ),
    ],
)
def test_errors(tmp_path: Path, doc: dict, message: str) -> None:
    path = tmp_path / "e.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        convert_wikidata([path])
    assert message in str(err.value) and str(path) in str(err.value)
