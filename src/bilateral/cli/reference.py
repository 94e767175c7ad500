"""The CLI reference in the README, generated from the commands' own help.

`python -m bilateral.cli.reference README.md` rewrites the part of the README
between the reference markers; a test fails when the README is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from bilateral.cli.app import app

BEGIN = "<!-- cli-reference:begin -->"
END = "<!-- cli-reference:end -->"


def reference() -> str:
    """Markdown for every command: usage, help text and options."""
    group: Any = typer.main.get_command(app)
    context = group.make_context("bilateral", [], resilient_parsing=True)
    lines: list[str] = []
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        sub = command.make_context(name, [], parent=context, resilient_parsing=True)
        lines.append(f"### `bilateral {name}`\n")
        lines.append(f"```\n{command.get_usage(sub)}\n```\n")
        lines.append(_paragraphs(command.help or ""))
        options = [p for p in command.params if p.param_type_name == "option"]
        if options:
            lines.append("| option | meaning |\n| --- | --- |")
            for option in options:
                flags = ", ".join(f"`{o}`" for o in option.opts)
                lines.append(f"| {flags} | {(option.help or '').split(' Default:')[0]} |")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _paragraphs(text: str) -> str:
    blocks = [" ".join(part.split()) for part in text.strip().split("\n\n")]
    return "\n\n".join(blocks) + "\n"


def update(readme: Path) -> bool:
    """Rewrite the README's reference section; True if it changed."""
    text = readme.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    new = f"{head}{BEGIN}\n{reference()}{END}{tail}"
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    update(Path(sys.argv[1]))
