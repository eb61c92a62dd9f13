"""`draftkit classify`: the risk categories of every provision, to check a taxonomy against a draft.

A thin adapter over `draftkit.risk.classify` (and `explain`, for `--explain` and JSON).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import click

from draftkit.cli.common import (
    emit,
    error_boundary,
    format_option,
    limit_options,
    output_format,
    output_option,
    strict_option,
    taxonomy_inputs,
    view_option,
)
from draftkit.errors import one_line
from draftkit.limits import Limits
from draftkit.memory import until_exit

if TYPE_CHECKING:
    from draftkit.model import Draft, Provision
    from draftkit.risk import Classified, Taxonomy


def _walk(draft: Draft) -> Iterator[tuple[Provision, list[Provision]]]:
    """Every provision with its chain root → provision."""

    def visit(provision: Provision, chain: list[Provision]) -> Iterator[tuple[Provision, list[Provision]]]:
        path = [*chain, provision]
        yield provision, path
        for child in provision.children:
            yield from visit(child, path)

    for provision in draft.provisions:
        yield from visit(provision, [])


def classify_text(draft: Draft, taxonomy: Taxonomy, classified: dict[str, Classified], *, why: bool) -> str:
    """One line per provision: citation and categories (strongest first), indented by depth."""
    from draftkit.compare.citations import cite

    lines = [one_line(f"taxonomy: {taxonomy.source} ({len(taxonomy.categories)} categories)"), ""]
    counts: dict[str, int] = {}
    none = 0
    for provision, path in _walk(draft):
        entry = classified[provision.eid]
        label = cite(path)
        if provision.heading and provision.num:
            label += f" — {provision.heading}"
        shown = ", ".join(entry.categories) if entry.categories else "—"
        indent = "  " * (len(path) - 1)
        lines.append(f"{indent}{label}  [{shown}]")
        if why:
            for cid in entry.categories:
                terms = entry.signals.get(cid, ())
                own = ", ".join(dict.fromkeys(terms)) if terms else "(inherited)"
                lines.append(f"{indent}    {cid} {entry.total[cid]:.1f}: {own}")
        if entry.categories:
            counts[entry.categories[0]] = counts.get(entry.categories[0], 0) + 1
        else:
            none += 1
    total = sum(counts.values()) + none
    lines += ["", "strongest category per provision:"]
    order = taxonomy.order
    for cid in sorted(counts, key=lambda c: (-counts[c], order.get(c, 0))):
        lines.append(f"  {cid:<24} {counts[cid]}")
    lines.append(f"  {'(none)':<24} {none} of {total}")
    return "\n".join(lines) + "\n"


def classify_json(draft: Draft, taxonomy: Taxonomy, classified: dict[str, Classified]) -> str:
    """The classification as JSON: per provision its categories, scores and matched terms."""
    from draftkit.compare.citations import cite

    provisions: list[dict[str, Any]] = []
    order = taxonomy.order
    for provision, path in _walk(draft):
        entry = classified[provision.eid]
        scores = {
            cid: round(value, 3)
            for cid, value in sorted(
                entry.total.items(), key=lambda kv: (-round(kv[1], 9), order.get(kv[0], 99))
            )
            if value > 0
        }
        provisions.append(
            {
                "eid": provision.eid,
                "cite": cite(path),
                "categories": list(entry.categories),
                "scores": scores,
                "signals": {
                    cid: list(entry.signals[cid])
                    for cid in sorted(entry.signals, key=lambda c: order.get(c, 99))
                },
            }
        )
    data = {
        "source": draft.source.path if draft.source else None,
        "taxonomy": taxonomy.source,
        "provisions": provisions,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@click.command("classify")
@click.argument("draft", type=click.Path(path_type=str))
@click.option(
    "--taxonomy",
    "taxonomy_path",
    type=click.Path(dir_okay=False, path_type=str),
    help="Risk taxonomy TOML file (default: the shipped schemas/taxonomy.toml).",
)
@format_option("text", "json")
@click.option("--explain", "why", is_flag=True, help="Show the terms behind each category (text format).")
@view_option
@output_option
@limit_options
@strict_option
@error_boundary
@until_exit
def classify_command(
    draft: str,
    taxonomy_path: str | None,
    fmt: str,
    why: bool,
    view: str,
    output: str | None,
    max_bytes: int,
    max_unpacked: int,
    max_provisions: int,
    max_depth: int,
) -> None:
    """Show the risk categories of every provision of DRAFT, strongest first.

    Use it to check a taxonomy against your own drafts: each provision is classified from its
    own text, its heading and the article it stands in.

    Example: draftkit classify drafts/framework-v2.txt --explain
    """
    from draftkit import api
    from draftkit.outputs import check_output_path
    from draftkit.risk import explain, load_taxonomy

    fmt = output_format(output, fmt)
    inputs = [draft, *taxonomy_inputs(taxonomy_path, output)]
    if output is not None and output != "-":
        check_output_path(output, inputs)  # before anything is read, as every command does
    taxonomy = load_taxonomy(taxonomy_path)
    limits = Limits(max_bytes, max_unpacked, max_provisions, max_depth)
    parsed = api.parse(draft, view="original" if view == "original" else "accept", limits=limits)
    classified = explain(parsed, taxonomy)
    if fmt == "json":
        text = classify_json(parsed, taxonomy, classified)
    else:
        text = classify_text(parsed, taxonomy, classified, why=why)
    emit(text, output, inputs, human=fmt != "json")
