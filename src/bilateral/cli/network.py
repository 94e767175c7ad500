"""`bilateral network`: the states and their relations and missions, as a graph file."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from bilateral.cli import render
from bilateral.cli.common import DbOption, OutputOption, knowledge_base
from bilateral.export.graph import FORMATS


def network(
    format: Annotated[
        str, typer.Option("--format", help="graphml, gexf or csv (an edge list).")
    ] = "graphml",
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Export the network of states: nodes are states, edges relations and missions.

    A relations edge joins the two states of every dyad the knowledge base
    knows, with the date relations were established (the one most sources
    agree on, EDTF), every date given for their establishment, severance,
    restoration and recognition, how many documents speak of it and how
    many cross-page conflicts were found (see bilateral consistency). A
    mission edge goes from sender to host, with the mission's type, city,
    the city a non-resident mission is accredited from, and coordinates.
    Attributes are the same in the three formats; GraphML and GEXF open in
    Gephi, Cytoscape or networkx.
    """
    if format not in FORMATS:
        render.error(f"unknown format {format!r}; available: {', '.join(FORMATS)}")
        raise typer.Exit(2)
    with knowledge_base(db) as kb:
        exported = kb.network(format)
    if output is None:
        sys.stdout.buffer.write(exported.data)
        sys.stdout.flush()
        return
    output.write_bytes(exported.data)
    render.console.print(
        f"{exported.nodes} states and {exported.edges} edges written to {output}", highlight=False
    )
