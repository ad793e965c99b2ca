"""A rich table of `search_codes` results, for the `eventwire codes` browser."""

from __future__ import annotations

from rich.table import Table

QUAD_STYLES = {1: "green", 2: "bold green", 3: "yellow", 4: "bold red"}
QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def goldstein_cell(value: float | None) -> str:
    if value is None:
        return ""
    colour = "green" if value > 0 else "red" if value < 0 else "white"
    return f"[{colour}]{value:+.1f}[/{colour}]"


def quad_cell(quad: int) -> str:
    style = QUAD_STYLES.get(quad, "")
    return f"[{style}]{quad} {QUAD_NAMES.get(quad, '')}[/{style}]" if style else str(quad)


def render_codes(results: list[dict], title: str | None = None) -> Table:
    """One row per result: ontology, code, name, Goldstein score, quad class, PLOVER type, mode."""
    table = Table(title=title, show_lines=False)
    table.add_column("ontology", style="dim")
    table.add_column("code", style="bold")
    table.add_column("name", overflow="fold")
    table.add_column("goldstein", justify="right")
    table.add_column("quad")
    table.add_column("plover", style="cyan")
    table.add_column("mode")
    for item in results:
        table.add_row(item["ontology"], item["code"], item["name"], goldstein_cell(item["goldstein"]),
                      quad_cell(item["quad_class"]), item["plover"] or "-", item["mode"] or "")
    return table
