"""A draft in a language draftkit's wording rules do not read is said to be so, once, as a
reading note (stderr and the reports), not refused by --strict; an English, Ukrainian or
Russian one says nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit import api
from draftkit.readers.language import guess
from tests.hostile.helpers import cli

SAMPLES = {
    "English": "The Parties shall withdraw their forces from the line of contact within thirty days. "
    "A monitoring mission shall verify the withdrawal and report to the Joint Commission. "
    "The Parties shall exchange all prisoners of war on the basis of all for all.",
    "Spanish": "Las Partes deberán retirar sus fuerzas de la línea de contacto en un plazo de treinta días. "
    "Una misión de verificación supervisará la retirada y presentará informes a la Comisión. "
    "Las Partes intercambiarán a todos los prisioneros de guerra con arreglo a los principios acordados.",
    "French": "Les Parties retirent leurs forces de la ligne de contact dans un délai de trente jours. "
    "Une mission de surveillance vérifie le retrait et fait rapport à la Commission mixte. "
    "Les Parties échangent tous les prisonniers de guerre sur la base du principe de tous pour tous.",
    "German": "Die Parteien ziehen ihre Streitkräfte innerhalb von dreißig Tagen von der Kontaktlinie ab. "
    "Eine Beobachtermission überprüft den Abzug und berichtet der Gemeinsamen Kommission. "
    "Die Parteien tauschen alle Kriegsgefangenen nach dem Grundsatz alle gegen alle aus.",
    "Arabic": "تسحب الأطراف قواتها من خط التماس في غضون ثلاثين يوما. وتتحقق بعثة مراقبة من الانسحاب.",
    "Chinese": "双方应在三十天内从接触线撤出部队。监督团将核查撤军情况并向联合委员会报告。双方交换全部战俘。",
    "Japanese": "両当事者は三十日以内に接触線から部隊を撤退させる。監視団は撤退を確認し、合同委員会に報告する。",
    "Russian": "Стороны отводят свои силы от линии соприкосновения в течение тридцати дней. Миссия наблюдателей проверяет отвод.",
    "Ukrainian": "Сторони відводять свої сили від лінії зіткнення протягом тридцяти днів. Місія спостерігачів перевіряє відведення.",
}


@pytest.mark.parametrize("language", list(SAMPLES))
def test_the_language_of_a_sample(language: str) -> None:
    assert guess(SAMPLES[language]) == language


@pytest.mark.parametrize(
    "text",
    [
        "Annex 2. Settlements. San Juan de los Lagos; Puerto de la Cruz; Santa Cruz de la Sierra; "
        "Villa de los Santos; San Pedro del Pinatar; Las Palmas; Los Llanos de Aridane; El Paso.",
        "Article 4. Delegations. Jean-Luc de la Tour; Marie des Champs; Pierre du Pont; Anne le Blanc; "
        "Louis des Anges; Claire du Lac; Paul le Grand; Sophie des Bois; Marc du Val.",
        "(a) Ceasefire; (b) Withdrawal; (c) Monitoring; (d) Prisoners; (e) Corridors; Sao Tome e Principe; "
        "Guinea-Bissau; Cabo Verde; Timor-Leste; Bosnia e Herzegovina; Trinidad e Tobago.",
    ],
)
def test_an_english_list_of_foreign_names_says_nothing(text: str) -> None:
    assert guess(text) in (None, "English")


def test_english_with_a_quoted_french_phrase_is_english_and_a_line_is_too_little() -> None:
    text = SAMPLES["English"] + ' The motto "liberté, égalité, fraternité" is kept.'
    assert guess(text) == "English"
    assert guess("Artículo 1") is None


def _draft(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    sentences = [s.strip() + "." for s in body.split(". ") if s.strip()]
    path.write_text(
        "Acuerdo\n\n" + "\n".join(f"{k}. {s}" for k, s in enumerate(sentences, 1)), encoding="utf-8"
    )
    return path


def test_a_spanish_draft_is_said_to_be_outside_the_wording_rules_and_strict_still_reads_it(
    tmp_path: Path,
) -> None:
    old = _draft(tmp_path, "old.txt", SAMPLES["Spanish"])
    new = _draft(tmp_path, "new.txt", SAMPLES["Spanish"].replace("deberán", "podrán"))
    run = cli("diff", old, new, "--strict")
    assert run.code == 0
    notes = [line for line in run.err.splitlines() if "reads as Spanish" in line]
    assert len(notes) == 2 and "wording rules" in notes[0]  # one per draft
    assert not [
        w for w in api.parse(_draft(tmp_path, "en.txt", SAMPLES["English"])).warnings if w.code == "language"
    ]


def test_the_language_note_is_a_code_the_json_schemas_know(tmp_path: Path) -> None:
    import json

    import jsonschema

    from draftkit.resources import schema_bytes

    old = _draft(tmp_path, "old.txt", SAMPLES["Spanish"])
    new = _draft(tmp_path, "new.txt", SAMPLES["Spanish"].replace("deberán", "podrán"))
    diffed = json.loads(cli("diff", old, new, "--format", "json").out)
    assert "language" in [w["code"] for w in diffed["new"]["warnings"]]
    jsonschema.validate(diffed, json.loads(schema_bytes("diff.schema.json")))
    parsed = json.loads(cli("parse", new, "--format", "json").out)
    jsonschema.validate(parsed, json.loads(schema_bytes("draft.schema.json")))


def _numbered(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    sentences = [s.strip().rstrip(".") + "." for s in body.split(". ") if s.strip()]
    path.write_text("\n".join(f"{k}. {s}" for k, s in enumerate(sentences, 1)) + "\n", encoding="utf-8")
    return path


def test_a_translation_among_the_rounds_is_said_not_compared_in_silence(tmp_path: Path) -> None:
    """A Russian rendering given as the next round read as "9 deleted, 7 added, 19 HIGH" with
    nothing saying the two texts were in two languages: diff, history and compare3 now note
    it on the later draft (its warnings, stderr, every report)."""
    import json

    from draftkit.history import compare3, history

    english = _numbered(tmp_path, "r1.txt", SAMPLES["English"])
    russian = _numbered(tmp_path, "r2.txt", SAMPLES["Russian"])
    again = _numbered(tmp_path, "r3.txt", SAMPLES["English"].replace("thirty", "sixty"))

    def said(draft: object) -> list[str]:
        return [w.message for w in getattr(draft, "warnings", ()) if "compared with as" in w.message]

    notes = said(api.diff(english, russian).new)
    assert notes == [
        "this draft reads as Russian and the one it is compared with as English: each provision is"
        " compared word by word with one in another language, so the changes and flags found are the"
        " translation's, not a negotiation's; two language versions of one text are compared with"
        " draftkit diff OLD NEW --languages en,ru"
    ]
    assert not said(api.diff(english, again).new)  # one language: nothing said
    rounds = history([english, russian, again]).rounds
    assert [len(said(r.draft)) for r in rounds] == [0, 1, 1]
    assert "--languages ru,en" in said(rounds[2].draft)[0]
    three = compare3(english, again, russian)
    assert (len(said(three.a)), len(said(three.b))) == (0, 1)
    run = cli("history", english, russian, "--format", "json")
    assert run.code == 0 and "reads as Russian" in run.err
    assert "reads as Russian" in json.loads(run.out)["rounds"][1]["warnings"][0]["message"]
