"""GitHub Actions workflow commands: one annotation per finding.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=QC102 kind::message``
(``warning`` for warnings, ``notice`` for info). The message and the properties are
escaped as the runner expects: ``%``, CR and LF everywhere, and ``:`` and ``,`` in
property values too. Columns are 1-based code points, the end column inclusive; they
are given only for a span on one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quotecheck.models import Finding, Report
from quotecheck.report.sarif import Locator, primary_evidence
from quotecheck.report.style import plural

__all__ = ["escape_data", "escape_property", "render_github"]

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, props: dict[str, str | int], message: str) -> str:
    rendered = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return (
        f"::{name} {rendered}::{escape_data(message)}"
        if rendered
        else f"::{name}::{escape_data(message)}"
    )


def _annotation(f: Finding, loc: Locator) -> str:
    primary, rest = primary_evidence(f)
    props: dict[str, str | int] = {}
    if primary is not None:
        props["file"] = loc.uri(primary.source)
        pos = loc.position(primary)
        if pos is not None:
            props["line"] = pos.start_line
            props["endLine"] = pos.end_line
            if pos.start_line == pos.end_line:
                props["col"] = pos.start_column
                props["endColumn"] = max(pos.start_column, pos.end_column - 1)
    props["title"] = f"{f.code} {f.kind}"
    lines = [f.message]
    for ev in (primary, *rest) if primary is not None else ():
        role = f" [{ev.role}]" if ev.role else ""
        lines.append(f"{ev.source}:{ev.start}-{ev.end}{role} “{' '.join(ev.text.split())}”")
    return _command(_COMMANDS[f.severity], props, "\n".join(lines))


def render_github(
    report: Report, *, findings: bool = True, root: Path | None = None, **_: Any
) -> str:
    loc = Locator(root)
    out: list[str] = []
    for err in report.errors:
        out.append(_command("error", {"file": loc.uri(err.source), "title": err.code}, err.message))
    if findings:
        out += [_annotation(f, loc) for f in report.findings]
        n = {s: sum(1 for f in report.findings if f.severity == s) for s in _COMMANDS}
        out.append(
            f"quotecheck: {plural(len(report.articles), 'article')}, "
            f"{plural(n['error'], 'error')}, {plural(n['warning'], 'warning')}, "
            f"{plural(n['info'], 'note')}"
        )
    return "\n".join(out) + ("\n" if out else "")
