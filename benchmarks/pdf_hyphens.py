"""Benchmark: words broken after a hyphen at a PDF line's end, read against their Word file.

    python benchmarks/pdf_hyphens.py [--dictionary HYPH.dic] [--keep DIR] [--src SRC]

Builds Word files of compounds a line may break at their hyphen ('de-escalation',
'cease-fire', 'non-State', 'військово-технічний' …), 37 a document, each once (so that nothing but the page tells its hyphen), in 16
documents of a narrow column where a filler of 'i's moves the lines' ends; exports them with
headless LibreOffice — as they are, and, given a hyphenation dictionary (`hyph_en_US.dic`, as
Debian's hyphen-en-us package installs it under /usr/share/hyphen; put in a profile of this
run's own, the system's LibreOffice untouched), with Word's automatic hyphenation on — and
copies each PDF with its Producer made another's ('Microsoft Word', 'Other Typesetter'):
what the PDF reader has to go on for a producer that does not draw its hyphenation apart.

Counted per set: lines ending in a hyphen, words the PDF reads otherwise than its Word file
(the draft's text word by word), and the words the reader's hyphen note names as guessed.
`--src`: the draftkit source to read with (another checkout's `src`, for its figures; by
default this one's).

Figures (LibreOffice 7.4, 16 documents; before: main 71e7aa3, after: helper-pdfhy; the
same PDFs, read with `--src` of each):

    set                                   line-end hyphens  read otherwise  guessed (notes)
    LibreOffice, plain                          170           75 -> 0         0 (0)
    plain, Producer 'Microsoft Word'            170           75 -> 0        93 (16)
    LibreOffice, hyphenated                     557          258 -> 0         0 (0)
    hyphenated, Producer 'Other Typesetter'     557          258 -> 153     309 (16)

A LibreOffice PDF tells every hyphen (its hyphenation's is drawn apart), with nothing to
guess. Another producer's plain PDF: each hyphen the words do not tell is kept, as the page
shows it, and named in the note. Another's hyphenated PDF (its documents a few lines of
dense compounds, far more than a real text's): where a document's hyphens show it
hyphenates, a hyphen between pieces that are no words of it is dropped; 149 of the 153
words read otherwise are named in a note (where the document shows no hyphenation,
'guaran-tee' and 're-ports' kept as the page shows them; after a prefix, 'deescalation'),
4 are not ('militarytechnical' three times, whose pieces the document writes nowhere else
and no list knows; one 'in-ter-State' past the eight words a note names).
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[1]
COMPOUNDS = [
    "de-escalation", "cease-fire", "non-State", "COVID-19", "so-called", "two-thirds",
    "self-determination", "co-operation", "ex-combatants", "re-deployment", "long-term",
    "post-conflict", "well-being", "carry-on", "military-technical", "power-sharing",
    "peace-keeping", "військово-технічний", "северо-восток", "north-east", "non-aggression",
    "pre-war", "re-integration", "counter-offensive", "inter-State", "half-way", "twenty-five",
    "three-year", "anti-personnel", "co-chairs", "mine-free", "de-mining", "cross-border",
    "state-building", "пів-Європи", "соціально-економічний", "военно-политический",
]  # fmt: skip
SENTENCES = [
    "The implementation of the agreement requires",
    "Both Parties shall guarantee",
    "The monitoring mission reports on",
]
DOCUMENTS = 16
# LibreOffice finds a hyphenation dictionary named in its profile's configuration.
_DICTIONARY = """<item oor:path="/org.openoffice.Office.Linguistic/ServiceManager/Dictionaries">\
<node oor:name="HyphDic_en_US" oor:op="replace"><prop oor:name="Locations" oor:op="fuse"><value>{uri}</value></prop>\
<prop oor:name="Format" oor:op="fuse"><value>DICT_HYPH</value></prop>\
<prop oor:name="Locales" oor:op="fuse"><value>en-US en-GB</value></prop></node></item>
"""


def build(folder: Path, stem: str, *, hyphenate: bool) -> list[Path]:
    """The documents of one set, hyphenated by Word's setting or not."""
    made = []
    for k in range(DOCUMENTS):
        doc = Document()
        section = doc.sections[0]
        section.page_width, section.left_margin, section.right_margin = Inches(4.2), Inches(1), Inches(1)
        section.page_height = Inches(40)
        doc.styles["Normal"].paragraph_format.space_after = Pt(8)
        if hyphenate:
            setting = OxmlElement("w:autoHyphenation")
            setting.set(qn("w:val"), "true")
            doc.settings.element.append(setting)
        for n, word in enumerate(COMPOUNDS):
            doc.add_paragraph(f"{SENTENCES[n % 3]}{' i' * ((k + n) % DOCUMENTS)} {word} here.")
        made.append(folder / f"{stem}{k:02d}.docx")
        doc.save(str(made[-1]))
    return made


def export(files: list[Path], folder: Path, profile: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        sys.exit("pdf_hyphens: LibreOffice (soffice) is not installed")
    command = [office, "--headless", f"-env:UserInstallation={profile.as_uri()}",
               "--convert-to", "pdf", "--outdir", str(folder), *map(str, files)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=600)


def with_dictionary(profile: Path, dictionary: Path, folder: Path) -> None:
    """A profile whose configuration names `dictionary` (made by one run, then edited)."""
    export(build(folder, "warm", hyphenate=False)[:1], folder, profile)
    settings = profile / "user" / "registrymodifications.xcu"
    text = settings.read_text(encoding="utf-8")
    item = _DICTIONARY.format(uri=dictionary.resolve().as_uri())
    settings.write_text(text.replace("</oor:items>", item + "</oor:items>"), encoding="utf-8")


def produced_by(source: Path, target: Path, producer: str) -> None:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.add_metadata({"/Producer": producer, "/Creator": "pdf_hyphens"})
    with target.open("wb") as out:
        writer.write(out)


def words(draft: Any) -> list[str]:
    return " ".join([*draft.preamble, *(p.text for p in draft.walk())]).split()


def measure(pairs: list[tuple[Path, Path]]) -> tuple[int, int, int, int]:
    """Line-end hyphens, words read otherwise, words guessed, notes."""
    from draftkit.readers import pdf, read

    ends = otherwise = guessed = notes = 0
    for docx, made in pairs:
        pages = pdf._extract(made.read_bytes(), made.name)[0]
        ends += sum(1 for page in pages for line in page if line.text.endswith("-"))
        from_pdf = read(made)
        a, b = words(read(docx)), words(from_pdf)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if op != "equal":
                otherwise += max(i2 - i1, j2 - j1)
        for warning in from_pdf.warnings:
            found = re.match(r"(\d+) word\(s\) broken after a hyphen", warning.message)
            if found:
                notes += 1
                guessed += int(found.group(1))
    return ends, otherwise, guessed, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dictionary", type=Path, help="a hyphenation dictionary (hyph_en_US.dic)")
    parser.add_argument("--keep", type=Path, help="leave the documents and PDFs here")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the draftkit source read with")
    args = parser.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    with tempfile.TemporaryDirectory(prefix="pdf-hyphens-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        plain = build(folder, "plain", hyphenate=False)
        export(plain, folder, folder / "profile")
        sets = {"LibreOffice, plain": [(d, d.with_suffix(".pdf")) for d in plain]}
        sets["plain, Producer 'Microsoft Word'"] = []
        for docx, made in sets["LibreOffice, plain"]:
            other = folder / f"word-{made.name}"
            produced_by(made, other, "Microsoft Word for Microsoft 365")
            sets["plain, Producer 'Microsoft Word'"].append((docx, other))
        if args.dictionary is not None:
            with_dictionary(folder / "profile-hyphenated", args.dictionary, folder)
            hyphenated = build(folder, "hyph", hyphenate=True)
            export(hyphenated, folder, folder / "profile-hyphenated")
            sets["LibreOffice, hyphenated"] = [(d, d.with_suffix(".pdf")) for d in hyphenated]
            sets["hyphenated, Producer 'Other Typesetter'"] = []
            for docx, made in sets["LibreOffice, hyphenated"]:
                other = folder / f"other-{made.name}"
                produced_by(made, other, "Other Typesetter 1.0")
                sets["hyphenated, Producer 'Other Typesetter'"].append((docx, other))
        print(f"{'set':42}{'line-end hyphens':>18}{'read otherwise':>16}{'guessed (notes)':>17}")
        for name, pairs in sets.items():
            ends, otherwise, guessed, notes = measure(pairs)
            print(f"{name:42}{ends:>18}{otherwise:>16}{f'{guessed} ({notes})':>17}")


if __name__ == "__main__":
    main()
