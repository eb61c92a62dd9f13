"""render.json_diff writes each change's line by hand (issue 18: a long draft's text escaped
once, not three times); the line must be what the JSON encoder writes for change_to_dict,
byte for byte, for any change — texts with quotes, control characters, surrogates and
characters beyond the BMP, every optional key, numbers of any kind."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from draftkit import api
from draftkit.compare.changes import Change, Flag
from draftkit.model import Location, Provision
from draftkit.render import json_diff
from tests.conftest import DRAFTS

_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=12) | st.sampled_from(
    ["", "a", 'say "no"', "back\\slash", "tab\tnew\nline", "\x00\x1f\x7f", "\ud800", "𝔘 кирилиця"]
)
_NUM = st.none() | _TEXT


def _provision(text: str, num: str | None, heading: str | None, cell: bool) -> Provision:
    location = Location(3, None, (1, 2, 1) if cell else None)
    return Provision("point", num, None, heading, text, eid=f"e_{len(text)}", location=location)


@st.composite
def _changes(draw: st.DrawFn) -> Change:
    old_text, new_text = draw(_TEXT), draw(_TEXT | st.just("same"))
    if draw(st.booleans()):
        new_text = old_text
    has_old, has_new = draw(st.booleans()), draw(st.booleans())
    old = (_provision(old_text, draw(_NUM), draw(_NUM), draw(st.booleans())),) if has_old else ()
    new = (_provision(new_text, draw(_NUM), draw(_NUM), draw(st.booleans())),) if has_new else ()
    ops = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["equal", "insert", "delete"]), _TEXT | st.just(old_text) | st.just(new_text)
            ),
            max_size=4,
        )
    )
    flags = draw(
        st.lists(
            st.builds(Flag, _TEXT, _TEXT, st.sampled_from(["high", "medium", "low"]), _TEXT, _TEXT),
            max_size=2,
        )
    )
    return Change(
        kind=draw(st.sampled_from(["unchanged", "modified", "added", "deleted", "split", "merged"])),
        old=old,
        new=new,
        old_cite=draw(_TEXT),
        new_cite=draw(_TEXT),
        moved=draw(st.booleans()),
        renumbered=draw(st.booleans()),
        similarity=draw(st.floats(0, 1) | st.integers(0, 1)),
        old_text=old_text,
        new_text=new_text,
        ops=tuple(ops),
        old_heading=draw(_NUM),
        new_heading=draw(_NUM),
        references_updated=draw(st.booleans()),
        flags=tuple(flags),
        old_category=tuple(draw(st.lists(_TEXT, max_size=2))),
        new_category=tuple(draw(st.lists(_TEXT, max_size=2))),
        rewritten=draw(st.booleans()),
        confidence=draw(st.none() | st.floats(0, 1)),
        pinned=draw(st.booleans()),
        possibly_replaced_by=draw(_NUM),
        table_move=draw(st.sampled_from([None, "into", "out of"])),
    )


@settings(max_examples=300)
@given(_changes())
def test_a_change_line_is_the_encoders(change: Change) -> None:
    assert json_diff._change_line(change) == json_diff._ENCODER.encode(json_diff.change_to_dict(change))


def test_the_drafts_json_is_the_encoders() -> None:
    for old, new in [
        ("framework-v1.docx", "framework-v2.docx"),
        ("framework-v2.txt", "framework-v3-press.txt"),
    ]:
        comparison = api.diff(DRAFTS / old, DRAFTS / new)
        text = json_diff.render_json(comparison)
        data = json.loads(text)
        assert data == json.loads(json.dumps(json_diff.comparison_to_dict(comparison)))
        assert data["changes"] and data["summary"]["modified"] >= 1
        for change in comparison.changes:
            assert json_diff._change_line(change) == json_diff._ENCODER.encode(
                json_diff.change_to_dict(change)
            )


@st.composite
def _unchanged(draw: st.DrawFn) -> Change:
    """An unchanged provision as compare makes most of them: the line's short path."""
    text = draw(_TEXT)
    old = _provision(text, draw(_NUM), draw(_NUM), False)
    new = _provision(text, draw(_NUM), draw(_NUM), draw(st.booleans()))
    return Change(
        kind="unchanged",
        old=(old,),
        new=(new,),
        old_cite=draw(_TEXT),
        new_cite=draw(_TEXT),
        moved=draw(st.booleans()),
        renumbered=draw(st.booleans()),
        similarity=draw(
            st.floats(0, 1) | st.sampled_from([1.0, 0.12345678, 1e-7, float("nan"), float("inf")])
        ),
        old_text=text,
        new_text=text,
        ops=(("equal", text),),
        old_heading=draw(_NUM),
        new_heading=draw(_NUM),
        references_updated=draw(st.booleans()),
    )


@settings(max_examples=300)
@given(_unchanged())
def test_an_unchanged_line_is_the_encoders(change: Change) -> None:
    assert json_diff._change_line(change) == json_diff._ENCODER.encode(json_diff.change_to_dict(change))
