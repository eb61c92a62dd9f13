"""Export the bundled DOCX round 2 to PDF with LibreOffice, for the PDF reader's demo.

    python tools/build_pdf_drafts.py

drafts/framework-v2.docx → drafts/framework-v2.pdf, the way a draft circulates as PDF.
LibreOffice stamps the PDF with its creation time, so each run gives different bytes; the
text (and `draftkit parse` of it) stays the same. Needs `soffice` (make system-deps).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = ROOT / "drafts"
ROUNDS = ("framework-v2",)


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed; run `make system-deps` as root", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        sources = [str(DRAFTS / f"{name}.docx") for name in ROUNDS]
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", "pdf", "--outdir", tmp, *sources],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        for name in ROUNDS:
            out = DRAFTS / f"{name}.pdf"
            shutil.copyfile(Path(tmp) / f"{name}.pdf", out)
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
