"""compare.flat.normalise: its fast path for ASCII texts with nothing to collapse gives what
the general rule gives (heading and text, whitespace collapsed, lower case) for any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from draftkit.compare.flat import Flat, normalise
from draftkit.compare.measures import mask_digits
from draftkit.model import Draft, Provision

# Every ASCII whitespace str.split knows, a non-ASCII one, letters in both cases.
_CHARS = st.sampled_from(
    [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x07", "\x7f", "\u00a0", "a", "B", "~", "é", "Σ"]
)
_TEXT = st.lists(_CHARS, max_size=12).map("".join)


def _expected(heading: str | None, text: str) -> str:
    whole = f"{heading}\n{text}" if heading else text
    return " ".join(whole.split()).lower()


@given(_TEXT, st.none() | _TEXT)
def test_normalise_is_the_collapsed_lower_case_text(text: str, heading: str | None) -> None:
    provision = Provision("point", None, None, heading, text)
    assert normalise(provision) == _expected(heading, text)


@given(st.lists(st.tuples(_TEXT, st.none() | _TEXT), max_size=4))
def test_flat_keys_are_normalised(texts: list[tuple[str, str | None]]) -> None:
    """Flat.of makes its keys inline: each is the provision's `normalise`d text."""
    leaves = tuple(Provision("point", None, None, heading, text) for text, heading in texts)
    draft = Draft(
        None, (), (Provision("article", "Article 1", None, None, "Intro", children=leaves), *leaves)
    )
    flat = Flat.of(draft)
    assert flat.keys == tuple(_expected(p.heading, p.text) for p in flat.nodes)


def test_fast_path_cases() -> None:
    for text, expected in [
        ("Withdraw  forces", "withdraw forces"),
        (" Lead", "lead"),
        ("Tail ", "tail"),
        ("Two\nlines", "two lines"),
        ("Unit\x1fsep", "unit sep"),
        ("Plain Text", "plain text"),
        ("", ""),
    ]:
        assert normalise(Provision("point", None, None, None, text)) == expected


@given(st.lists(st.tuples(_TEXT, st.none() | _TEXT), max_size=4))
def test_flat_masked_keys_are_the_keys_masked(texts: list[tuple[str, str | None]]) -> None:
    """Flat.of masks every key once (align's anchors read them): as `mask_digits` masks it."""
    leaves = tuple(
        Provision("point", f"({n})", None, heading, f"{text} {n}") for n, (text, heading) in enumerate(texts)
    )
    flat = Flat.of(
        Draft(None, (), (Provision("article", "Article 12", None, None, "Intro 3", children=leaves),))
    )
    assert flat.masked == tuple(mask_digits(key) for key in flat.keys)


def test_flat_addresses_are_how_references_cite() -> None:
    """An article is cited on its own even inside a Part; its paragraphs and points under it."""
    point = Provision("point", "(b)", None, None, "point")
    paragraph = Provision("paragraph", "2.", None, None, "paragraph", children=(point,))
    bullet = Provision("point", "-", None, None, "bullet")
    article = Provision("article", "Article 5", None, None, "", children=(paragraph, bullet))
    part = Provision("part", "Part II", None, None, "", children=(article,))
    loose = Provision("paragraph", None, None, None, "unnumbered")
    flat = Flat.of(Draft(None, (), (part, loose)))
    assert flat.addresses == (
        ("part", ("II",)),
        ("article", ("5",)),
        ("article", ("5", "2")),
        ("article", ("5", "2", "b")),
        ("article", ("5", "-")),
        None,
    )


def test_flat_made_from_fields_is_flat_of() -> None:
    """Flat.made rebuilds Flat.of from the fields a child sends (marshalled), walking only the
    nodes again; fields that do not fit the draft give None."""
    import marshal
    from pathlib import Path

    from draftkit.readers import read

    drafts = Path(__file__).resolve().parents[2] / "drafts"
    for name in ("framework-v1.docx", "framework-v2.docx", "framework-v3-press.txt"):
        draft = read(drafts / name)
        flat = Flat.of(draft)
        sent = marshal.loads(marshal.dumps(flat.fields()))
        made = Flat.made(draft, sent)
        assert made == flat
        assert made is not None and all(a is b for a, b in zip(made.nodes, flat.nodes, strict=True))
        shorter = Draft(draft.title, draft.preamble, draft.provisions[:-1])
        assert Flat.made(shorter, sent) is None  # fields of another draft
    assert Flat.made(Draft(None, (), ()), None) is None
    assert Flat.made(Draft(None, (), ()), Flat.of(Draft(None, (), ())).fields()) == Flat.of(
        Draft(None, (), ())
    )
