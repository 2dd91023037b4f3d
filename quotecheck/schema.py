"""The JSON schema of quotecheck's report (``docs/schema.json``).

python -m quotecheck.schema > docs/schema.json
"""

from __future__ import annotations

import json
from typing import Any

from quotecheck.models import SCHEMA_VERSION, Report

__all__ = ["report_schema"]


def report_schema() -> dict[str, Any]:
    """The pydantic JSON schema of :class:`~quotecheck.models.Report`, with its version."""
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"quotecheck report, schema_version {SCHEMA_VERSION}"
    schema["description"] = (
        "The output of `quotecheck check --format json` (and, without findings, of "
        "`quotecheck extract --format json`). Article text and segments are not written "
        "by the CLI; offsets are into each original input."
    )
    return schema


if __name__ == "__main__":
    print(json.dumps(report_schema(), indent=2, ensure_ascii=False))
