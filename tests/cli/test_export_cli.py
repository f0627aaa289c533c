"""``quotelens export`` and ``quotelens import``, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_failures import one_line_failure

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tui" / "data" / "sample.md"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "QUOTELENS_DB"}
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120, input=stdin, check=False)


def ok(*args: str) -> str:
    out = run(*args)
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture
def article(tmp_path) -> Path:
    f = tmp_path / "ferry.md"
    f.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return f


@pytest.fixture
def annotated(article, tmp_path) -> tuple[Path, Path]:
    db = tmp_path / "db.json"
    ok("annotate", str(article), "--exact", "Ruth Okafor", "--note", "first mention\n\nsecond paragraph, “quoted”",
       "--tag", "people", "--tag", "harbour", "--color", "yellow", "--db", str(db))
    ok("annotate", str(article), "--exact", "ferry", "--occurrence", "2", "--db", str(db))
    ok("annotate", str(article), "--exact", "the island stops with it", "--tag", "quote", "--color", "pink",
       "--db", str(db))
    return article, db


def test_w3c_export_of_the_sample_is_web_annotation_json_ld(annotated):
    article, db = annotated
    data = json.loads(ok("export", str(article), "--format", "w3c", "--db", str(db)))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["label"].startswith("Harbour Town")
    items = data["first"]["items"]
    assert data["total"] == len(items) == 3
    text = article.read_text(encoding="utf-8")
    for item in items:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
        target = item["target"]
        assert target["source"] == article.as_uri()
        quote, pos = target["selector"]
        assert quote["type"] == "TextQuoteSelector" and pos["type"] == "TextPositionSelector"
        assert quote["exact"] in text and pos["end"] - pos["start"] == len(quote["exact"])
        for body in item.get("body", []):
            assert body["type"] == "TextualBody" and body["purpose"] in ("commenting", "tagging")
    first = next(i for i in items if i["target"]["selector"][0]["exact"] == "Ruth Okafor")
    assert {(b["purpose"], b["value"]) for b in first["body"]} == {
        ("commenting", "first mention\n\nsecond paragraph, “quoted”"), ("tagging", "people"), ("tagging", "harbour")}
    assert first["target"]["styleClass"] == "yellow" and first["stylesheet"]["type"] == "CssStylesheet"


def test_csv_export_has_one_row_per_quotation(annotated):
    article, db = annotated
    quotes = json.loads(ok("quotes", str(article), "--json"))["quotes"]
    rows = list(csv.DictReader(io.StringIO(ok("export", str(article), "--format", "csv", "--db", str(db)))))
    assert len(rows) == len(quotes) > 10
    assert list(rows[0]) == ["speaker", "quote", "cue", "method", "confidence", "paragraph", "start", "end", "kind"]
    for row, q in zip(rows, quotes):
        assert (row["quote"], row["speaker"], int(row["start"]), int(row["end"])) == \
            (q["text"], q["speaker"] or "", q["start"], q["end"])
        assert row["paragraph"].isdigit() and 0.0 <= float(row["confidence"]) <= 1.0


def test_csv_export_of_annotations(annotated):
    article, db = annotated
    rows = list(csv.DictReader(io.StringIO(ok("export", str(article), "--format", "csv", "--what", "annotations",
                                              "--db", str(db)))))
    assert [r["text"] for r in rows] == ["Ruth Okafor", "the island stops with it", "ferry"]  # reading order
    assert [int(r["start"]) for r in rows] == sorted(int(r["start"]) for r in rows)
    assert rows[0]["note"] == "first mention\n\nsecond paragraph, “quoted”"  # newlines survive the csv module
    assert rows[0]["tags"] == "people; harbour" and rows[0]["color"] == "yellow"
    assert rows[1]["speaker"] == "Ruth Okafor"  # the annotated words are inside her quotation
    assert {r["status"] for r in rows} == {"anchored"}


def test_csv_applies_the_readers_corrections(annotated, tmp_path):
    article, db = annotated
    from tui.engine import load_path
    from tui.store import Library

    doc = load_path(article)
    with Library.open(db) as lib:
        lib.rename_speaker(doc, "Ruth Okafor", "Mayor R. Okafor")
    rows = list(csv.DictReader(io.StringIO(ok("export", str(article), "--format", "csv", "--db", str(db)))))
    assert "Mayor R. Okafor" in {r["speaker"] for r in rows} and "Ruth Okafor" not in {r["speaker"] for r in rows}


def test_markdown_export_cites_groups_by_speaker_and_lists_annotations(annotated):
    article, db = annotated
    md = ok("export", str(article), "--format", "md", "--db", str(db))
    lines = md.splitlines()
    assert lines[0] == "# Harbour Town Votes to Keep Its Ferry, for Now"
    assert f"- **Source:** `{article}`" in lines
    assert "## Quotations by speaker" in lines and "## Annotations" in lines
    assert "### Ruth Okafor" in lines
    assert md.index("### Ruth Okafor") < md.index("We are not asking for a new ferry")
    annotations = md[md.index("## Annotations"):]
    assert annotations.index("Ruth Okafor") < annotations.index("the island stops with it")  # reading order
    assert "colour: yellow" in annotations and "`people`" in annotations and "first mention" in annotations


def test_markdown_export_escapes_markdown_in_the_article(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Title\n\n“Read *this* [now](http://x) # ok,” Ann Lee said.\n", encoding="utf-8")
    md = ok("export", str(f), "--format", "md", "--db", str(tmp_path / "db.json"))
    assert r"Read \*this\* \[now\](http://x) \# ok," in md


def test_round_trip_export_import_export_is_lossless(annotated, tmp_path):
    article, db = annotated
    first = tmp_path / "first.jsonld"
    ok("export", str(article), "--format", "w3c", "-o", str(first), "--db", str(db))
    empty = tmp_path / "empty.json"
    out = ok("import", str(first), "--db", str(empty))
    assert "imported 3 annotations (3 new, 0 replaced)" in out
    second = ok("export", str(article), "--format", "w3c", "--db", str(empty))
    assert second == first.read_text(encoding="utf-8")
    before = json.loads(ok("annotations", str(article), "--json", "--db", str(db)))["annotations"]
    after = json.loads(ok("annotations", str(article), "--json", "--db", str(empty)))["annotations"]
    assert after == before


def test_importing_twice_replaces_rather_than_duplicates(annotated, tmp_path):
    article, db = annotated
    first = tmp_path / "first.jsonld"
    ok("export", str(article), "--format", "w3c", "-o", str(first), "--db", str(db))
    assert "(0 new, 3 replaced)" in ok("import", str(first), "--db", str(db))
    assert len(json.loads(ok("annotations", str(article), "--json", "--db", str(db)))["annotations"]) == 3


def test_import_of_another_tools_annotation(article, tmp_path):
    anno = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno/7", "type": "Annotation",
            "bodyValue": "Worth checking",
            "target": {"source": article.as_uri(), "selector": {"type": "TextQuoteSelector", "exact": "Ruth Okafor"}}}
    f = tmp_path / "other.jsonld"
    f.write_text(json.dumps(anno), encoding="utf-8")
    db = tmp_path / "db.json"
    ok("import", str(f), "--db", str(db))
    [row] = json.loads(ok("annotations", str(article), "--json", "--db", str(db)))["annotations"]
    assert (row["id"], row["note"], row["status"], row["text"]) == \
        ("http://example.org/anno/7", "Worth checking", "anchored", "Ruth Okafor")


@pytest.mark.parametrize("content, needle", [
    ("{not json", "not JSON"),
    ("[]", "no annotations"),
    ('{"type": "Person"}', "neither an AnnotationCollection nor an Annotation"),
    ('{"type": "Annotation", "id": "x", "target": "http://example.org/page"}', "TextQuoteSelector"),
    (('{"type": "Annotation", "id": "x", "target": {"source": "urn:x", "selector": '
      '{"type": "TextQuoteSelector", "exact": 5}}}'), "exact text must be text"),
    (('{"type": "Annotation", "id": "x", "target": {"source": "urn:x", "selector": ['
      '{"type": "TextQuoteSelector", "exact": "a"}, {"type": "TextPositionSelector", "start": 9, "end": 2}]}}'),
     "end must come after"),
    (('{"type": "Annotation", "id": "x", "target": {"source": "urn:nowhere", "selector": '
      '{"type": "TextQuoteSelector", "exact": "a"}}}'), "cannot tell which document"),
    ("[" * 100_000, "not JSON"),
])
def test_bad_json_ld_is_one_line_and_nothing_written(tmp_path, content, needle):
    f = tmp_path / "bad.jsonld"
    f.write_text(content, encoding="utf-8")
    db = tmp_path / "db.json"
    one_line_failure(run("import", str(f), "--db", str(db)), needle)
    assert not db.exists()


def test_import_refuses_a_missing_file_a_binary_file_and_a_corrupt_database(annotated, tmp_path):
    article, db = annotated
    one_line_failure(run("import", str(tmp_path / "nope.jsonld"), "--db", str(db)), "no such file")
    binary = tmp_path / "bin.jsonld"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    one_line_failure(run("import", str(binary), "--db", str(db)), "not UTF-8")
    good = tmp_path / "good.jsonld"
    ok("export", str(article), "--format", "w3c", "-o", str(good), "--db", str(db))
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text("{definitely not", encoding="utf-8")
    one_line_failure(run("import", str(good), "--db", str(corrupt)), "not a quotelens database")
    assert corrupt.read_text(encoding="utf-8") == "{definitely not"


def test_export_failures_are_one_line_and_write_nothing(annotated, tmp_path):
    article, db = annotated
    out = tmp_path / "out.md"
    one_line_failure(run("export", str(tmp_path / "missing.md"), "--format", "md", "-o", str(out), "--db", str(db)),
                   "no such file")
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text("[1, 2", encoding="utf-8")
    one_line_failure(run("export", str(article), "--format", "csv", "-o", str(out), "--db", str(corrupt)),
                   "not a quotelens database")
    one_line_failure(run("export", str(article), "--format", "md", "-o", str(tmp_path / "no" / "dir" / "x.md"),
                       "--db", str(db)), "cannot write")
    assert not out.exists()
    assert corrupt.read_text(encoding="utf-8") == "[1, 2"


def test_export_is_a_read_command(annotated, tmp_path):
    article, db = annotated
    before = db.read_bytes()
    for fmt in ("md", "csv", "w3c"):
        ok("export", str(article), "--format", fmt, "-o", str(tmp_path / f"x.{fmt}"), "--db", str(db))
    assert db.read_bytes() == before
    fresh = tmp_path / "fresh.json"
    ok("export", str(article), "--format", "md", "--db", str(fresh))
    assert not fresh.exists()


def test_export_to_a_file_writes_the_same_as_standard_output(annotated, tmp_path):
    article, db = annotated
    out = tmp_path / "notes.md"
    assert ok("export", str(article), "--format", "md", "-o", str(out), "--db", str(db)) == ""
    assert out.read_text(encoding="utf-8") == ok("export", str(article), "--format", "md", "--db", str(db))


def test_round_trip_keeps_moved_and_orphaned_annotations_as_saved(annotated, tmp_path):
    article, db = annotated
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("the island stops with it", "the whole island stops with it")
                       .replace("Ruth Okafor", "R. Okafor"), encoding="utf-8")
    statuses = {r["exact"]: r["status"] for r in
                json.loads(ok("annotations", str(article), "--json", "--db", str(db)))["annotations"]}
    assert statuses["the island stops with it"] == "moved"
    first = tmp_path / "first.jsonld"
    ok("export", str(article), "--format", "w3c", "-o", str(first), "--db", str(db))
    exported = {i["target"]["selector"][0]["exact"] for i in json.loads(first.read_text())["first"]["items"]}
    assert "the island stops with it" in exported  # the reader's words, as saved
    empty = tmp_path / "empty.json"
    ok("import", str(first), "--db", str(empty))
    assert ok("export", str(article), "--format", "w3c", "--db", str(empty)) == first.read_text(encoding="utf-8")
