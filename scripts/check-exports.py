#!/usr/bin/python3
"""Reads exported proposals back as their users' tools would, and converts them to PDF.

Usage: scripts/check-exports.py EXPECT.json FILE.docx|FILE.odt ...

EXPECT.json: {"headings": ["Article 1. ...", ...], "texts": ["Suva City Council", "45", ...]}
Each file must hold every heading, in that order, as a heading; every text; and no unfilled blank
("{{"). DOCX is read with python-docx, ODT with odfpy; then LibreOffice (headless) converts each
file to PDF, which must succeed. Exit 0 when all holds, 1 with the reasons otherwise.
"""
import json
import os
import subprocess
import sys
import tempfile


def docx_blocks(path):
    import docx  # python3-docx
    doc = docx.Document(path)
    return [(p.style.name if p.style is not None else "", p.text) for p in doc.paragraphs]


def odt_blocks(path):
    from odf import opendocument, teletype, text  # python3-odf
    doc = opendocument.load(path)
    heading, paragraph = (text.TEXTNS, "h"), (text.TEXTNS, "p")
    out = []

    def walk(node):
        for el in node.childNodes:
            if getattr(el, "qname", None) == heading:
                out.append(("Heading", teletype.extractText(el)))
            elif getattr(el, "qname", None) == paragraph:
                out.append(("", teletype.extractText(el)))
            else:
                walk(el)

    walk(doc.body)
    return out


def check(path, expect):
    problems = []
    blocks = docx_blocks(path) if path.endswith(".docx") else odt_blocks(path)
    headings = [t for style, t in blocks if style.startswith("Heading")]
    at = 0
    for wanted in expect["headings"]:
        try:
            at = headings.index(wanted, at) + 1
        except ValueError:
            problems.append(f"{path}: heading {wanted!r} missing or out of order (headings: {headings})")
    whole = "\n".join(t for _, t in blocks)
    for wanted in expect.get("texts", []):
        if wanted not in whole:
            problems.append(f"{path}: text {wanted!r} missing")
    if "{{" in whole:
        problems.append(f"{path}: an unfilled blank remains")
    return problems


def to_pdf(path):
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        run = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                              "--outdir", out, path], capture_output=True, text=True, timeout=180)
        pdf = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".pdf")
        if run.returncode != 0 or not os.path.exists(pdf):
            return [f"{path}: LibreOffice did not convert it to PDF ({run.returncode}): {run.stderr.strip()[:300]}"]
        with open(pdf, "rb") as f:
            if f.read(5) != b"%PDF-":
                return [f"{path}: the PDF is not a PDF"]
        print(f"{path}: converted to PDF ({os.path.getsize(pdf)} bytes)")
    return []


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        expect = json.load(f)
    problems = []
    for path in sys.argv[2:]:
        found = check(path, expect)
        if not found:
            print(f"{path}: {len(expect['headings'])} articles in order, blanks filled")
        problems += found + to_pdf(path)
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
