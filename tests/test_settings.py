"""Settings precedence: defaults < ``[tool.quotecheck]`` (or ``quotecheck.toml``) <
``QUOTECHECK_*`` < CLI flags; bad values name where they came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecheck.cli import main
from quotecheck.errors import ConfigError
from quotecheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PLANT = ROOT / "fixtures" / "story-plant-closure"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A newsroom repository whose pyproject sets fail-on and ignore."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "copy"\n\n[tool.quotecheck]\nfail-on = "info"\nignore = ["QC104"]\n',
        encoding="utf-8",
    )
    return tmp_path


def test_defaults_without_any_layer(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    s = Settings.load(cwd=tmp_path, env={})
    assert (s.fail_on, s.ignore, s.config_file) == ("error", (), None)


def test_pyproject_then_env_then_flag(project: Path) -> None:
    s = Settings.load(cwd=project, env={})
    assert (s.fail_on, s.ignore) == ("info", ("QC104",))
    assert s.config_file == str(project / "pyproject.toml")
    env = {"QUOTECHECK_FAIL_ON": "warning", "QUOTECHECK_IGNORE": "QC101, number-conflict"}
    s = Settings.load(cwd=project, env=env)
    assert (s.fail_on, s.ignore) == ("warning", ("QC101", "number-conflict"))
    s = Settings.load({"fail_on": "error", "ignore": ("QC103",)}, cwd=project, env=env)
    assert (s.fail_on, s.ignore) == ("error", ("QC103",))
    # an override left unset (None, or no --ignore at all) does not hide the lower layers
    s = Settings.load({"fail_on": None, "ignore": ()}, cwd=project, env=env)
    assert (s.fail_on, s.ignore) == ("warning", ("QC101", "number-conflict"))


def test_quotecheck_toml_in_a_parent_folder_is_found(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "quotecheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    sub = tmp_path / "desk" / "politics"
    sub.mkdir(parents=True)
    assert Settings.load(cwd=sub, env={}).fail_on == "never"


def test_cli_precedence_end_to_end(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QUOTECHECK_FAIL_ON", raising=False)
    monkeypatch.delenv("QUOTECHECK_IGNORE", raising=False)
    base = ["check", str(PLANT), "--format", "json", "--config", str(project)]

    def codes() -> set[str]:
        return {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}

    assert main(base) == 1
    assert "QC104" not in codes()  # ignored by the pyproject
    monkeypatch.setenv("QUOTECHECK_IGNORE", "QC101")
    monkeypatch.setenv("QUOTECHECK_FAIL_ON", "never")
    assert main(base) == 0  # the environment beats the file for fail-on ...
    found = codes()
    assert "QC104" in found and "QC101" not in found  # ... and for ignore
    assert main([*base, "--fail-on", "warning", "--ignore", "QC104"]) == 1  # flags beat both
    found = codes()
    assert "QC104" not in found and "QC101" in found


def test_a_bad_value_in_the_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    bad = tmp_path / "pyproject.toml"
    bad.write_text('[tool.quotecheck]\nfail-on = "sometimes"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Settings.load(cwd=tmp_path, env={})
    assert err.value.source == str(bad) and str(bad) in str(err.value)
    assert "fail_on" in str(err.value)


def test_a_bad_value_in_the_environment_names_the_variable_not_the_file(project: Path) -> None:
    with pytest.raises(ConfigError) as err:
        Settings.load(cwd=project, env={"QUOTECHECK_FAIL_ON": "loud"})
    assert err.value.source == "QUOTECHECK_FAIL_ON"


def test_an_unknown_key_and_broken_toml_name_the_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    qc = tmp_path / "quotecheck.toml"
    qc.write_text('fail-on = "error"\nfial-on = "info"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Settings.load(cwd=tmp_path, env={})
    assert err.value.source == str(qc) and "fial_on" in str(err.value)
    qc.write_text("fail-on = \n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Settings.load(cwd=tmp_path, env={})
    assert err.value.source == str(qc)


def test_cli_reports_a_bad_setting_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "quotecheck.toml").write_text('ignore = "QC104"\n', encoding="utf-8")
    assert main(["check", str(PLANT), "--config", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "QC-E400" in err and str(tmp_path / "quotecheck.toml") in err
