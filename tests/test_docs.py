"""Documentation that must not drift from the code."""

from pathlib import Path

import bilateral
from bilateral import config
from bilateral.cli.reference import BEGIN, END, reference

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_command_reference_matches_the_help() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split(BEGIN, 1)[1].split(END, 1)[0]
    assert section.strip() == reference().strip(), (
        "README is out of date: run python -m bilateral.cli.reference README.md"
    )


def test_every_setting_is_documented_with_help() -> None:
    text = README.read_text(encoding="utf-8")
    for setting in config.SETTINGS:
        assert setting.help
        assert f"`{setting.env}`" in text


def test_setting_reads_the_environment_then_the_default() -> None:
    assert config.DB.value({"BILATERAL_DB": "/tmp/x.sqlite"}) == "/tmp/x.sqlite"
    assert config.DB.value({}).endswith("bilateral.sqlite")


def test_quick_start_is_make_demo_and_make_test() -> None:
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text


def test_public_api_names_exist() -> None:
    for name in bilateral.__all__:
        assert hasattr(bilateral, name), name
