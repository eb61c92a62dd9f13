"""`--lens translation` on diff and redline (issue 14 item 6): passed to the rules, said in
the report."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.resources import schema_bytes


def _pair(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "en.txt", tmp_path / "back.txt"
    a.write_text("T\n\n1. The Strip will be redeveloped for the benefit of its people.\n", encoding="utf-8")
    b.write_text("T\n\n1. The Strip will be rebuilt for the benefit of its population.\n", encoding="utf-8")
    return str(a), str(b)


def test_the_lens_reaches_the_rules_and_the_json(tmp_path: Path) -> None:
    a, b = _pair(tmp_path)
    runner = CliRunner()
    plain = json.loads(runner.invoke(main, ["diff", a, b, "--format", "json"]).stdout)
    lensed = json.loads(
        runner.invoke(main, ["diff", a, b, "--format", "json", "--lens", "translation"]).stdout
    )
    jsonschema.validate(lensed, json.loads(schema_bytes("diff.schema.json")))
    assert "lens" not in plain and lensed["lens"] == "translation"
    messages = [f["message"] for c in lensed["changes"] for f in c["flags"]]
    assert any(m.startswith("Register difference (translation lens)") for m in messages)
    text = runner.invoke(main, ["diff", a, b, "--lens", "translation"]).stdout
    assert "lens: translation" in text


def test_redline_takes_the_lens(tmp_path: Path) -> None:
    a, b = _pair(tmp_path)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["redline", a, b, "-o", str(out), "--lens", "translation"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["lens"] == "translation"


# Two renderings of one short protocol (written for this test): points 1-3 say the same in
# other words; point 4 differs for real ('shall' → 'may', 14 → 21 days).
_ENGLISH = """PROTOCOL ON THE ORLIN CROSSING

1. A ceasefire at the Orlin crossing shall enter into force upon signature of this Protocol.

2. Revenues collected at the crossing shall be paid into the Central Bank through its Orlin branch, for the payment of salaries throughout the country.

3. The chair of the Joint Commission shall report weekly, through the Special Envoy, to the Council on the compliance of the parties.

4. The Parties shall withdraw heavy weapons to a distance of at least 20 km from the crossing within 14 days.
"""
_BACK = """THE ORLIN CROSSING PROTOCOL (translated back)

1. The two sides agreed that a ceasefire takes effect at the Orlin crossing from the moment the Protocol is signed.

2. Crossing revenues will go into the Orlin branch of the Central Bank, to pay salaries across the country.

3. Every week the head of the Joint Commission will inform the Council, by way of the Special Envoy, of whether the two sides comply.

4. Within 21 days, both sides may pull their heavy weapons back no less than 20 km from the crossing.
"""


def test_two_renderings_differ_only_where_they_differ(tmp_path: Path) -> None:
    a, b = tmp_path / "en.txt", tmp_path / "back.txt"
    a.write_text(_ENGLISH, encoding="utf-8")
    b.write_text(_BACK, encoding="utf-8")
    runner = CliRunner()

    def flags(*lens: str) -> dict[str, list[dict[str, str]]]:
        result = runner.invoke(main, ["diff", str(a), str(b), "--format", "json", *lens])
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        jsonschema.validate(report, json.loads(schema_bytes("diff.schema.json")))
        return {c["new_cite"]: c["flags"] for c in report["changes"] if c["new_cite"] and c["flags"]}

    plain, lensed = flags(), flags("--lens", "translation")
    loud = {"medium", "high"}
    assert any(f["severity"] in loud for f in plain["1"])  # the rules read "shall enter" as gone
    for cite in ("1", "2", "3"):  # one register difference each, saying why
        assert [f["severity"] for f in lensed[cite]] == ["low"]
        assert lensed[cite][0]["message"].startswith(
            "Register difference (translation lens): same numbers, names, negations, modal force,"
            " dates and conditions"
        )
    real = {(f["rule"], f["severity"]) for f in lensed["4"]}
    assert {("obligation", "high"), ("deadline", "high")} <= real  # as the default reading flags them
    assert real == {(f["rule"], f["severity"]) for f in plain["4"]}
    text = runner.invoke(main, ["diff", str(a), str(b), "--lens", "translation"]).stdout
    assert "lens: translation" in text and "Obligation weakened: 'shall withdraw' → 'may pull'" in text
