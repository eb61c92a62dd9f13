"""errors.json_safe: a text without surrogates comes back as it is; each surrogate (an
undecodable file-name byte) becomes its JSON-escaped display escape, so the text encodes."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from draftkit.errors import json_safe


def test_surrogates_become_escapes() -> None:
    assert json_safe("plain ‘text’ 𝔘") == "plain ‘text’ 𝔘"
    assert json_safe('{"source": "a\udcffb"}') == '{"source": "a\\\\xffb"}'
    assert json.loads(json_safe('"\ud800"')) == "\\ud800"


@given(st.text(st.characters(codec=None, exclude_categories=())))
def test_the_result_encodes_and_only_surrogates_change(text: str) -> None:
    safe = json_safe(text)
    safe.encode("utf-8")
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        assert safe is text
