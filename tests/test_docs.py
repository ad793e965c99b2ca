"""The README documents every command and every setting (as datasette's tests insist)."""

from __future__ import annotations

from conftest import ROOT


def _commands() -> list[str]:
    from eventwire.cli import _register_all, app

    _register_all()
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_every_cli_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in _commands() if f"eventwire {name}" not in readme]
    assert not missing, f"README lacks: {missing}"


def test_every_setting_is_in_the_readme():
    from eventwire.settings import SETTINGS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [s.name for s in SETTINGS if f"`{s.name}`" not in readme] == []
