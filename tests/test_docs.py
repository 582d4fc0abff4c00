"""The README cannot fall behind: every CLI sub-command, environment variable and slash sub-command
the code knows is documented there (after Datasette's tests/test_docs.py)."""

import re
from pathlib import Path

import pytest

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def cli_commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def environment_variables():
    names = set()
    for path in (ROOT / "bot").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"""os\.environ(?:\.get)?\(?\[?\s*["']([A-Z][A-Z0-9_]+)["']""", text))
        names |= set(re.findall(r"""env(?:\.get)?\(\s*["']([A-Z][A-Z0-9_]+)["']""", text))
        names |= set(re.findall(r"""["']((?:SLACK|OFFENCES)_[A-Z0-9_]+)["']""", text))
    return sorted(names)


@pytest.mark.parametrize("command", cli_commands())
def test_cli_command_is_documented(command):
    assert f"offences {command}" in README


def data_commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    data = sub.choices["data"]
    actions = next(a for a in data._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(actions.choices)


@pytest.mark.parametrize("command", data_commands())
def test_data_command_is_documented(command):
    """Each `offences data ...` sub-command, and every option it takes, is in the README."""
    assert f"offences data {command}" in README
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    data = sub.choices["data"]
    actions = next(a for a in data._actions if a.__class__.__name__ == "_SubParsersAction")
    for action in actions.choices[command]._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert option in README, f"offences data {command} {option} is not in README.md"


def test_updating_the_data_section_exists():
    section = README.split("## Updating the data", 1)[1].split("\n## ", 1)[0]
    for step in ("offences data check", "offences data add", "--release", "offences ask", "without a restart"):
        assert step in section


def test_environment_variables_were_found():
    assert {"OFFENCES_DATA_DIR", "LOG_LEVEL"} <= set(environment_variables())


@pytest.mark.parametrize("name", environment_variables())
def test_environment_variable_is_documented(name):
    assert f"`{name}`" in README, f"{name} is read by the code but not documented in README.md"


@pytest.mark.parametrize("sub", ["help", "sources", "check"])
def test_slash_subcommands_are_documented(sub):
    assert f"/offences {sub}" in README


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    blocks = re.findall(r"```\n(.*?)\n```", README.split("## Quick start", 1)[1].split("\n## ", 1)[0], re.S)
    assert len(blocks) == 2
    ask, test = blocks
    assert 'offences ask "durham 2016-17"' in ask
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test.strip() in ci.splitlines()
