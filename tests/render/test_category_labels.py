"""Categories are shown as the taxonomy names them, in every report (issue 17)."""

from __future__ import annotations

import io
import zipfile

from draftkit.api import diff
from draftkit.render.docx_redline import render_docx
from draftkit.render.html import render_html
from draftkit.render.markdown import render_markdown
from tests.conftest import DRAFTS


def test_military_de_escalation_not_the_id() -> None:
    comparison = diff(DRAFTS / "framework-v1.txt", DRAFTS / "framework-v2.txt")
    assert any(f.category == "military_deescalation" for c in comparison.changes for f in c.flags)
    html, md = render_html(comparison), render_markdown(comparison)
    with zipfile.ZipFile(io.BytesIO(render_docx(comparison))) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    for text in (html, md, comments):
        assert "military de-escalation" in text
        assert "military_deescalation" not in text.replace("data-", "")
        assert "military deescalation" not in text
