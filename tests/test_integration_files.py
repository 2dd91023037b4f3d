"""The pre-commit hook definition and the YAML examples in docs/integration.md stay valid."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml

from quotecheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_pre_commit_hook_runs_the_installed_check_command() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "quotecheck"
    assert hook["entry"] == "quotecheck check"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["text", "markdown", "html"]
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is True  # one process cross-checks every staged article
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    script = shlex.split(hook["entry"])[0]
    assert pyproject["project"]["scripts"][script] == "quotecheck.cli:main"
    files = re.compile(hook["files"])
    assert files.search("stories/a.md") and files.search("b.html") and files.search("c.txt")
    assert not files.search("setup.py")


def test_yaml_and_toml_examples_in_the_integration_docs_parse() -> None:
    text = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(yaml|toml)\n(.*?)```", text, flags=re.S)
    assert {lang for lang, _ in blocks} == {"yaml", "toml"}
    for lang, body in blocks:
        if lang == "yaml":
            assert yaml.safe_load(body) is not None
        else:
            assert "fail-on" in tomllib.loads(body)["tool"]["quotecheck"]


def test_the_documented_pyproject_section_is_valid(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    (body,) = re.findall(r"```toml\n(.*?)```", text, flags=re.S)
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    s = Settings.load(cwd=tmp_path, env={})
    assert (s.fail_on, s.ignore, s.sources) == ("error", ("QC101",), ("sources/",))


def _html_extra() -> list[str]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extra: list[str] = pyproject["project"]["optional-dependencies"]["html"]
    return extra


def test_the_hook_installs_the_html_extra() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["additional_dependencies"] == _html_extra()


def test_ci_examples_install_the_html_extra() -> None:
    text = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    installs = re.findall(r"pip install (\S+)", text)
    assert installs and all(i == '"quotecheck[html]' for i in installs), installs


@pytest.mark.parametrize(
    ("path", "read"),
    [
        ("stories/ferry/wire.txt", True),
        ("stories/ferry/gazette.md", True),
        ("stories/ferry/page.html", True),
        ("stories/ferry/page.htm", True),
        ("stories/people.yaml", False),
        ("stories/ferry/notes.json", False),
        ("templates/story.md", False),
    ],
)
def test_the_documented_files_filter_keeps_the_extension_filter(path: str, read: bool) -> None:
    text = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    config = next(
        yaml.safe_load(body)
        for body in re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
        if "repos:" in body
    )
    (hook,) = config["repos"][0]["hooks"]
    assert bool(re.search(hook["files"], path)) is read
