"""History and three-way outputs: goldens (regenerate with --regen-golden and review in git
diff), JSON against the schemas, the CLI (folder, manifest, exit codes), and the timeline
page in headless Chromium."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.history import History, ThreeWay, compare3, history
from draftkit.history.rounds import specs
from draftkit.render.history_html import render_history_html, render_three_way_html
from draftkit.render.history_json import render_history_json, render_three_way_json
from draftkit.render.history_markdown import render_history_markdown, render_three_way_markdown
from draftkit.render.history_terminal import render_history_terminal, render_three_way_terminal
from tests.conftest import CASES, ROOT
from tests.history.conftest import ROUND_FILES, relative
from tests.render.test_html import CHROMIUM_ARGS

EXPECTED = CASES / "history" / "expected"
THREE = CASES / "history" / "three_way"


def _schema(name: str) -> Any:
    return json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def three(monkeypatch_module: None) -> ThreeWay:
    return compare3(
        relative(THREE / "base.txt"),
        relative(THREE / "veloria.txt"),
        relative(THREE / "astria.txt"),
        flags=False,
    )


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        yield


def _golden(name: str, text: str, regen: bool) -> None:
    path = EXPECTED / name
    if regen:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs (run with --regen-golden and review)"


@pytest.mark.parametrize(
    ("name", "render"),
    [
        ("history.json", render_history_json),
        ("history.txt", render_history_terminal),
        ("history.md", render_history_markdown),
    ],
)
def test_history_goldens(five_rounds: History, regen_golden: bool, name: str, render: Any) -> None:
    _golden(name, render(five_rounds), regen_golden)


@pytest.mark.parametrize(
    ("name", "render"),
    [
        ("compare3.json", render_three_way_json),
        ("compare3.txt", render_three_way_terminal),
        ("compare3.md", render_three_way_markdown),
    ],
)
def test_three_way_goldens(three: ThreeWay, regen_golden: bool, name: str, render: Any) -> None:
    _golden(name, render(three), regen_golden)


def test_the_sides_labels_name_the_outcomes_in_every_report(tmp_path: Path) -> None:
    """`--labels Veloria,Astria`: a mediator reads "Only Astria", not "Only B", in every
    format (the Word file said so already, the terminal, Markdown and HTML did not), and a
    provision a side only renumbered is said to be renumbered, not "unchanged" under an
    outcome that says the side changed it."""
    base = tmp_path / "base.txt"
    base.write_text(
        "1. The ceasefire starts at noon.\n2. Monitors shall be deployed.\n3. Prisoners are exchanged.\n"
    )
    a = tmp_path / "a.txt"
    a.write_text(base.read_text() + "4. Humanitarian corridors shall be opened.\n")
    b = tmp_path / "b.txt"
    b.write_text("1. Monitors shall be deployed.\n2. Prisoners are exchanged.\n")
    three = compare3(base, a, b, labels=("Veloria", "Astria"))
    assert {e.kind for e in three.entries} >= {"only_a", "only_b"}
    for render in (render_three_way_terminal, render_three_way_markdown, render_three_way_html):
        text = render(three)
        assert "Only Veloria" in text or "only Veloria" in text, render.__name__
        assert "Only Astria" in text or "only Astria" in text, render.__name__
        assert not re.search(r"\b[Oo]nly [ABab]\b", text), render.__name__
    markdown = render_three_way_markdown(three)
    assert "- Astria: renumbered (1): Monitors shall be deployed." in markdown
    assert "Astria: unchanged" not in markdown


def test_json_follows_the_schemas(five_rounds: History, three: ThreeWay) -> None:
    jsonschema.validate(json.loads(render_history_json(five_rounds)), _schema("history.schema.json"))
    data = json.loads(render_three_way_json(three))
    jsonschema.validate(data, _schema("compare3.schema.json"))
    assert data["summary"]["conflicts"] == 2


def test_html_escapes_draft_text(tmp_path: Path) -> None:
    hostile = "Article 1\n\n1. The Parties <script>alert(1)</script> shall [withdraw] forces.\n"
    changed = "Article 1\n\n1. The Parties <script>alert(2)</script> shall withdraw forces.\n"
    (tmp_path / "r1.txt").write_text(hostile, encoding="utf-8")
    (tmp_path / "r2.txt").write_text(changed, encoding="utf-8")
    page = render_history_html(history([tmp_path / "r1.txt", tmp_path / "r2.txt"], flags=False))
    assert "<script>alert" not in page and "&lt;script&gt;alert(" in page
    assert page.count("<script>") == 1


# --- the command line ----------------------------------------------------------------


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_cli_folder_and_files_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    by_files = _run("history", *map(relative, ROUND_FILES), "--format", "json")
    by_folder = _run("history", relative(ROUND_FILES[0].parent), "--format", "json")
    assert by_files.exit_code == 0 and by_folder.exit_code == 0, by_files.stderr + by_folder.stderr
    assert json.loads(by_files.stdout) == json.loads(by_folder.stdout)
    assert [r["label"] for r in json.loads(by_files.stdout)["rounds"]] == [p.stem for p in ROUND_FILES]


def test_cli_folder_says_which_files_it_took_as_rounds(tmp_path: Path) -> None:
    """A folder's every draft file is a round — a notes file beside the rounds too: the
    command says which it took, in which order, so a stray one is seen."""
    for name in ("round-10.txt", "round-2.txt"):
        (tmp_path / name).write_text("1. The Parties shall meet.\n", encoding="utf-8")
    (tmp_path / "sources.md").write_text("Taken from the news.\n", encoding="utf-8")
    done = _run("history", str(tmp_path))
    assert done.exit_code == 0, done.stderr
    assert (
        f"rounds from {tmp_path}, in natural order: R1 round-2.txt, R2 round-10.txt, R3 sources.md"
        in done.stderr
    )


def test_a_folder_of_rounds_in_every_format(tmp_path: Path) -> None:
    """A round saved as .odt (or .docm, .markdown) between two others was left out of the
    folder's rounds, silently but for the list on stderr: a history with a round missing."""
    names = ("r1.txt", "r2.odt", "r3.docm", "r4.markdown", "r5.pdf", "r6.docx", "r7.xml", "r8.md")
    for name in names:
        (tmp_path / name).write_text("1. x\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    assert [Path(s.path).name for s in specs([tmp_path])] == list(names)


@pytest.mark.parametrize("suffix", ["toml", "json"])
def test_cli_manifest(tmp_path: Path, suffix: str) -> None:
    rounds = [
        {"file": str(ROUND_FILES[0]), "label": "Mediator's text", "date": "2026-01-10", "author": "Mediator"},
        {"file": str(ROUND_FILES[1]), "label": "Veloria's counter-proposal"},
        {"file": str(ROUND_FILES[2]), "label": "Merged round"},
    ]
    manifest = tmp_path / f"rounds.{suffix}"
    if suffix == "json":
        manifest.write_text(json.dumps({"rounds": rounds}), encoding="utf-8")
    else:
        manifest.write_text(
            "".join(
                "[[rounds]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in r.items()) for r in rounds
            ),
            encoding="utf-8",
        )
    result = _run("history", str(manifest), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [r["label"] for r in data["rounds"]] == [r["label"] for r in rounds]
    assert data["rounds"][0]["date"] == "2026-01-10" and data["rounds"][0]["author"] == "Mediator"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not [valid", "not valid TOML"),
        ('[[rounds]]\nfile = "a.txt"\n', "at least two"),
        ('[[rounds]]\nfile = "a.txt"\n[[rounds]]\nlabel = "x"\n', "round 2: no file"),
        ('[[rounds]]\nfile = "a.txt"\nsecret = 1\n[[rounds]]\nfile = "b.txt"\n', "unknown key 'secret'"),
    ],
)
def test_cli_bad_manifest_exit_3(tmp_path: Path, content: str, message: str) -> None:
    manifest = tmp_path / "rounds.toml"
    manifest.write_text(content, encoding="utf-8")
    result = _run("history", str(manifest))
    assert result.exit_code == 3 and message in result.stderr and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_errors() -> None:
    one = _run("history", str(ROUND_FILES[0]))
    assert one.exit_code == 2 and "at least two rounds" in one.stderr
    missing = _run("history", str(ROUND_FILES[0]), "/nonexistent/round-2.txt")
    assert missing.exit_code == 3 and missing.stdout == ""
    labels = _run(
        "compare3", *(str(THREE / n) for n in ("base.txt", "veloria.txt", "astria.txt")), "--labels", "x"
    )
    assert labels.exit_code == 2 and "--labels" in labels.stderr


def test_cli_output_is_not_an_input(tmp_path: Path) -> None:
    result = _run("history", str(ROUND_FILES[0]), str(ROUND_FILES[1]), "-o", str(ROUND_FILES[1]))
    assert result.exit_code == 2


def test_cli_compare3_writes_html(tmp_path: Path) -> None:
    out = tmp_path / "three.html"
    names = (str(THREE / n) for n in ("base.txt", "veloria.txt", "astria.txt"))
    result = _run("compare3", *names, "--labels", "Veloria,Astria", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.index("k3-conflict") < page.index("k3-only_a") < page.index("k3-unchanged")


def test_every_command_has_help_with_an_example() -> None:
    for command in ("history", "compare3"):
        result = _run(command, "--help")
        assert result.exit_code == 0 and "Example: draftkit " + command in result.stdout


# --- in the browser -------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.mark.browser
def test_timeline_in_chromium(browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    flagged = history([relative(p) for p in ROUND_FILES])
    path = tmp_path / "history.html"
    path.write_text(render_history_html(flagged), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        assert requests == [path.as_uri()] and errors == []
        assert page.locator("#controls").is_visible()  # the diff report's script ran
        changed = sum(1 for lin in flagged.lineages if lin.events)
        assert page.text_content("#shown") == f"Showing {changed} of {changed} changed provisions"

        # Article 11(1) changed in every step: its R5 cell opens the R4 → R5 redline.
        row = next(i for i, lin in enumerate(flagged.lineages) if lin.cite == "Article 11(1)")
        cell = f"#l{row + 1}-r5"
        redline = page.locator(f"{cell} .steprl")
        assert not redline.is_visible()
        page.click(f"{cell} > summary")
        assert redline.is_visible()
        assert "legislation of the Republic of Veloria" in (
            page.locator(f"{cell} del").first.text_content() or ""
        )

        # The filters: with every severity off, only unflagged changes (and unchanged rows) stay.
        unchanged = page.locator("#l1")  # the title, never changed
        for severity in ("high", "medium", "low"):
            page.click(f"#sev-{severity}")
        flagged_rows = [
            i
            for i, lin in enumerate(flagged.lineages)
            if any(flagged.steps[e.round - 1].changes[e.change].flags for e in lin.events)
        ]
        assert flagged_rows and not page.locator(f"#l{flagged_rows[0] + 1}").is_visible()
        assert unchanged.is_visible()
        page.click("#changes-only")
        assert not unchanged.is_visible()
    finally:
        context.close()


def test_reading_notes_reach_every_history_and_three_way_report() -> None:
    """Never silent: a round read with a guess (a press text with no numbering) is said in the
    history's and the three-way's reports too, not only on stderr; the JSON follows the schemas."""
    from draftkit.render.draft_out import READING_NOTES_HEADING
    from draftkit.render.history_docx import render_three_way_docx
    from draftkit.render.history_html import render_three_way_html
    from tests.wmlops import read_part

    drafts = ROOT / "drafts"
    said = "line 5: no numbering: 37 paragraph(s) read as unnumbered provisions"
    story = history([drafts / "framework-v2.txt", drafts / "framework-v3-press.txt"], flags=False)
    rounds = json.loads(render_history_json(story))["rounds"]
    assert [[(w["code"], w["line"]) for w in r["warnings"]] for r in rounds] == [[], [("unnumbered", 5)]]
    jsonschema.validate(json.loads(render_history_json(story)), _schema("history.schema.json"))
    for page in (render_history_html(story), render_history_markdown(story)):
        assert READING_NOTES_HEADING in page and said in page
    three = compare3(
        drafts / "framework-v2.txt", drafts / "framework-v3-press.txt", drafts / "framework-v2.txt"
    )
    data = json.loads(render_three_way_json(three))
    jsonschema.validate(data, _schema("compare3.schema.json"))
    assert [(w["code"], w["line"]) for w in data["a"]["warnings"]] == [("unnumbered", 5)]
    for page in (render_three_way_html(three), render_three_way_markdown(three)):
        assert READING_NOTES_HEADING in page and said in page
    document = read_part(render_three_way_docx(three), "word/document.xml")
    assert said in "".join(document.itertext())
    quiet = history([drafts / "framework-v1.txt", drafts / "framework-v2.txt"], flags=False)
    assert READING_NOTES_HEADING not in render_history_html(quiet) + render_history_markdown(quiet)


def test_cli_provision_follows_one_provision_through_the_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """--provision: a provision's life — its citation in each round, the word changes of each
    step with their flags, the merge it came from, its brackets opened, the inner one closed."""
    monkeypatch.chdir(ROOT)
    done = _run("history", relative(ROUND_FILES[0].parent), "--provision", "article 11 (3)")
    assert done.exit_code == 0, done.stderr
    # The label cites two provisions (R1's Article 11(3) is Article 12(3) since R2): said first.
    note, first_life = done.stdout.split("\n\n")[:2]
    assert note.splitlines() == [
        "'article 11 (3)' cites 2 different provisions, in different rounds (a renumbering):",
        "  Article 11(3) (cited 'article 11 (3)' in R2, R3, R4, R5)",
        "  Article 12(3) (cited 'article 11 (3)' in R1)",
    ]
    life = first_life.splitlines()
    assert life[0] == "Article 11(3) through 5 rounds:"
    assert life[1].startswith("  R1  Article 10(3)") and "The Parties shall grant an amnesty" in life[1]
    assert life[2].startswith("  R2  Article 11(3)       merged from Article 10(3) + Article 10(4): ")
    assert "R3  Article 11(3)       unchanged" in done.stdout
    assert "{+ [, other than [serious] violations" in done.stdout
    assert "  bracket b6  R4 opened: [, other than [serious]" in done.stdout
    # R5 agreed the inner bracket only: its own event, the outer one not changed by it.
    assert '  bracket b7  R5 closed: [serious]  agreed: "serious"' in done.stdout
    assert "  bracket b6  R5" not in done.stdout
    # The old citation names another provision now (Article 11(3) of R1 is Article 12(3)).
    assert "Article 12(3) through 5 rounds:" in done.stdout
    merged_away = _run("history", relative(ROUND_FILES[0].parent), "--provision", "Article 10(4)")
    assert "  R2  —                   merged into Article 11(3)" in merged_away.stdout


def test_cli_provision_refuses_a_label_no_round_cites(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    done = _run("history", relative(ROUND_FILES[0].parent), "--provision", "Article 99")
    assert done.exit_code == 2 and "--provision 'Article 99': no provision is cited so" in done.stderr
    assert "Article 1," in done.stderr  # some citations it could be
    other = _run("history", relative(ROUND_FILES[0].parent), "--provision", "Article 1", "--format", "json")
    assert other.exit_code == 2 and "terminal format" in other.stderr


def test_cli_provision_says_a_steps_flags_once(tmp_path: Path) -> None:
    """A point modified and renumbered in one step is two events of one change: its flags
    were listed under each, as if each had raised them."""
    r1 = tmp_path / "r1.txt"
    r1.write_text(
        "1. The ceasefire starts at noon.\n2. Monitors shall be deployed.\n"
        "3. Ukraine will receive reliable security guarantees.\n",
        encoding="utf-8",
    )
    r2 = tmp_path / "r2.txt"
    r2.write_text(
        "1. The ceasefire starts at noon.\n2. Ukraine will receive strong security guarantees.\n",
        encoding="utf-8",
    )
    done = _run("history", str(r1), str(r2), "--provision", "3")
    assert done.exit_code == 0, done.stderr
    assert "modified: " in done.stdout and "renumbered from 3" in done.stdout
    assert done.stdout.count("'receive reliable security' → 'receive strong security'") == 1


# Five rounds of a numbered plan, in the style of the published ones: a point split then
# merged back, points renumbered, a bracket agreed then put back in brackets, another
# dropped while the points after it move up.
_PLAN = {
    "r1": [
        "Sovereignty will be confirmed.",
        "Forces will be limited to 600,000 personnel.",
        "Fighter aircraft will be deployed in Poland.",
        "The guarantor will receive compensation. The guarantee lapses on an unprovoked attack.",
        "Sanctions will be lifted in stages.",
    ],
    "r2": [
        "Sovereignty will be confirmed.",
        "Borders will be respected.",
        "Forces will be limited to [600,000] / [800,000] personnel.",
        "Fighter aircraft will be deployed [in Poland].",
        "The guarantor will receive compensation.",
        "The guarantee lapses on an unprovoked attack.",
        "Sanctions will be lifted in stages.",
    ],
    "r3": [
        "Sovereignty will be confirmed.",
        "Forces will be limited to 800,000 personnel.",
        "Fighter aircraft will be deployed [in Poland].",
        "The guarantor will receive compensation.",
        "The guarantee lapses on an unprovoked attack.",
        "Sanctions will be lifted in stages.",
    ],
    "r4": [
        "Sovereignty will be confirmed.",
        "Forces will be limited to 800,000 personnel.",
        "Fighter aircraft will be deployed.",
        "The guarantor will receive compensation. The guarantee lapses on an unprovoked attack.",
        "Sanctions will be lifted in stages.",
    ],
    "r5": [
        "Sovereignty will be confirmed.",
        "Borders will be respected.",
        "Forces will be limited to [800,000] personnel.",
        "Fighter aircraft will be deployed.",
        "The guarantor will receive compensation. The guarantee lapses on an unprovoked attack.",
        "Sanctions will be lifted in stages.",
    ],
}


@pytest.fixture
def plan(tmp_path: Path) -> History:
    paths = []
    for name, points in _PLAN.items():
        path = tmp_path / f"{name}.txt"
        path.write_text("".join(f"{k}. {p}\n" for k, p in enumerate(points, start=1)), encoding="utf-8")
        paths.append(str(path))
    return history(paths, flags=False)


def test_a_bracket_is_cited_as_the_round_it_closed_in_numbered_it(plan: History) -> None:
    """The bracket "[in Poland]" was dropped from point 3 of R4; the reports named it by its latest
    number, 4, which in R4 is the guarantee: a reader looked for it in the wrong point."""
    dropped = next(b for b in plan.brackets if b.events[0].text == "[in Poland]")
    closing = dropped.closing
    assert closing is not None and closing.round == 3
    assert plan.lineages[dropped.lineage].cite_in(3) == "3"
    assert "    b2    R4  3                  [in Poland]" in render_history_terminal(plan)
    assert "- **b2** 3, R4: \\[in Poland\\] — dropped" in render_history_markdown(plan)
    assert '<a href="#l4">3</a>, R4: <span class=txt>[in Poland]</span>' in render_history_html(plan)


def test_a_lineage_gone_before_the_last_round_says_when_it_was_last_cited(plan: History) -> None:
    """The second half of the split point was "5" in R3 and merged away in R4: the timeline
    and "changed most" showed it as "5", the number of another point in R5, on two rows."""
    merged_away = [lin for lin in plan.lineages if lin.eids[-1] is None]
    assert [lin.shown_cite for lin in merged_away] == ["5 (in R3)"]
    terminal = render_history_terminal(plan)
    assert "  5 (in R3)            2 round(s): R2 split, R4 merged" in terminal
    assert "| 5 (in R3) | Split | Renumbered | Merged |  |" in render_history_markdown(plan)
    assert ">5 (in R3)</a></th>" in render_history_html(plan)


def test_changed_most_counts_the_rounds_it_lists(plan: History) -> None:
    """A line read "2  1 round(s): R2, R5": the count left out the rounds the point was added or
    deleted in, the list did not. Each round is now listed with what it did."""
    lines = render_history_terminal(plan).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("changed most"))
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        count, listed = line.split(" round(s): ")
        assert int(count.split()[-1]) == len(listed.split(", ")), line


def test_a_bracket_reopened_with_its_agreed_wording_is_the_same_bracket(plan: History) -> None:
    """The bracket "[600,000] / [800,000]", agreed as "800,000" in R3 and put back in brackets in R5, is a
    reopening (the pair diff says so): it was a new bracket, "opened", and the open list did
    not say the figure had once been agreed."""
    forces = [b for b in plan.brackets if plan.lineages[b.lineage].cite_in(0) == "2"]
    assert len(forces) == 1
    assert [e.kind for e in forces[0].events] == ["opened", "closed", "reopened"]
    line = next(x for x in render_history_terminal(plan).splitlines() if "[800,000]" in x and "b1" in x)
    assert line.endswith('reopened in R5, after it was agreed in R3: "800,000" (alternative 2)')
    assert 'reopened in R5, after it was agreed in R3: "800,000"' in render_history_markdown(plan)


def test_three_way_terminal_and_markdown_say_each_sides_flags(tmp_path: Path) -> None:
    """The HTML and JSON gave each side's flags; the terminal and Markdown only drew the
    redline, so "shall" → "may" by one side stood there with no HIGH beside it."""
    base, a, b = (tmp_path / f"{n}.txt" for n in ("base", "a", "b"))
    base.write_text(
        "Article 1\nThe Parties shall withdraw heavy weapons from the line of contact.\n"
        "Article 2\nPrisoners shall be exchanged.\n",
        encoding="utf-8",
    )
    a.write_text(base.read_text(encoding="utf-8"), encoding="utf-8")
    b.write_text(
        "Article 1\nThe Parties may withdraw heavy weapons from the line of contact.\n"
        "Article 2\nPrisoners shall be exchanged.\n",
        encoding="utf-8",
    )
    three = compare3(str(base), str(a), str(b), labels=("Kyiv", "Moscow"))
    weakened = "Obligation weakened: 'shall withdraw' → 'may withdraw'"
    terminal = render_three_way_terminal(three)
    assert f"        HIGH   military de-escalation: {weakened}" in terminal
    markdown = render_three_way_markdown(three)
    assert f"  - HIGH · military de-escalation: {weakened}" in markdown


def test_three_way_refuses_names_its_reports_could_not_tell_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """--labels Kyiv,kyiv gave "only Kyiv: 3  only kyiv: 3"; a side called "base" stood
    under the base's own name. Refused, by the CLI (exit 2) and the library."""
    monkeypatch.chdir(ROOT)
    files = [relative(THREE / n) for n in ("base.txt", "veloria.txt", "astria.txt")]
    same = _run("compare3", *files, "--labels", "Kyiv,kyiv")
    assert same.exit_code == 2
    assert "--labels: the two counter-proposals need different names, not 'Kyiv' and 'kyiv'" in same.stderr
    based = _run("compare3", *files, "--labels", "Base,Moscow")
    assert based.exit_code == 2 and "cannot be called 'base'" in based.stderr
    from draftkit.errors import UsageError

    with pytest.raises(UsageError, match="different names"):
        compare3(*files, labels=("Kyiv", " Kyiv "))


def test_rounds_of_one_file_name_in_several_folders_are_named_apart(tmp_path: Path) -> None:
    """round2/draft.txt and round3/draft.txt were both "draft" in every report."""
    paths = []
    for k in (1, 2, 3):
        (tmp_path / f"round{k}").mkdir()
        path = tmp_path / f"round{k}" / "draft.txt"
        path.write_text(f"1. The ceasefire starts within {k * 24} hours.\n", encoding="utf-8")
        paths.append(str(path))
    assert [s.label for s in specs(paths)] == ["round1/draft", "round2/draft", "round3/draft"]
    assert [s.label for s in specs([paths[0], paths[1], paths[0]])] == [
        "draft (R1)",
        "draft (R2)",
        "draft (R3)",
    ]
    assert [s.label for s in specs([paths[0], str(tmp_path / "other.txt")])] == ["draft", "other"]


def test_a_restored_provision_is_told_in_the_step_counts_of_every_report(five_rounds: History) -> None:
    """Round 4 brings back a point round 3 deleted: the comparison counts it added; the
    history's step counts say it restores one (lineage: "restored")."""
    assert five_rounds.restored(3) == 1 and five_rounds.restored(1) == 0
    assert "added: 1 (1 restored)" in render_history_terminal(five_rounds)
    assert "| 1 (1 restored) |" in render_history_markdown(five_rounds)
    assert "<td data-step-count=added>1 <small>(1 restored)</small></td>" in render_history_html(five_rounds)
    steps = json.loads(render_history_json(five_rounds))["steps"]
    assert [s["summary"]["restored"] for s in steps] == [0, 0, 1, 0]


def test_rounds_named_apart_even_where_a_stem_is_such_a_name() -> None:
    """'draft', 'draft' and 'draft (R1)' (a file so named) were 'draft (R1)', 'draft (R2)',
    'draft (R1)': two rounds of one name, in every report."""
    assert [s.label for s in specs(["draft.txt", "draft.txt", "draft (R1).txt"])] == [
        "draft (R1)",
        "draft (R2)",
        "draft (R1) (R3)",
    ]
