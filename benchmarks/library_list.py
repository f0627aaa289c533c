"""``quotelens library`` on a database of 1,000 documents.  Bar: under 1 s for the whole command.

    python benchmarks/library_list.py [--documents 1000] [--runs 5]

Each document has a visit with 30 quotations (about 70 characters each), 5 annotations and a
reading position, so the file is about 6 MB.  Rows: the full command as a user runs it
(``python -m tui library --db FILE``: interpreter start-up, parse and check of the file, the
table), the same with ``--sort title --filter``, and the listing alone inside one process
(:func:`tui.store.visits.entries` on the parsed data, plus the parse).  Not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

BAR_S = 1.0


def make_database(path: Path, documents: int, quotes: int = 30, annotations: int = 5) -> None:
    """Write a database of ``documents`` read documents (in one go, as the store would lay it out)."""
    import orjson

    from tui.store import schema

    tables: dict[str, dict[str, dict]] = {name: {} for name in schema.TABLES}
    schema.stamp(tables)
    n_ann = 0
    for d in range(documents):
        sha = hashlib.sha256(f"document {d}".encode()).hexdigest()
        path_d = f"/news/{d % 40:02d}/article-{d:04d}.md"
        stamp = f"2026-{1 + d % 12:02d}-{1 + d % 28:02d}T{d % 24:02d}:00:00.000Z"
        tables[schema.DOCUMENTS][str(d + 1)] = {"doc_id": sha, "path": path_d, "title": f"Headline number {d}",
                                                "seen": stamp}
        qs = [[i * 200, i * 200 + 70, f"Speaker {(d + i) % 97} Surname", f"Quoted words {i} of document {d} " * 2]
              for i in range(quotes - d % 7)]
        tables[schema.VISITS][str(d + 1)] = {
            "doc_id": sha, "path": path_d, "title": f"Headline number {d}", "byline": "", "date": "",
            "source": path_d, "read": stamp, "quotes": qs,
            "speakers": [[f"Speaker {k} Surname", [f"Speaker {k} Surname", "Surname"]] for k in range(5)]}
        tables[schema.POSITIONS][str(d + 1)] = {"doc_id": sha, "offset": 100, "updated": stamp}
        for a in range(annotations):
            n_ann += 1
            tables[schema.ANNOTATIONS][str(n_ann)] = {
                "id": f"{n_ann:032x}", "doc_id": sha, "target": {"selector": [
                    {"type": "TextQuoteSelector", "exact": "quoted words", "prefix": "p" * 32, "suffix": "s" * 32},
                    {"type": "TextPositionSelector", "start": a * 100, "end": a * 100 + 12}]},
                "note": "a note", "tags": ["tag"], "color": "yellow", "created": stamp, "updated": stamp}
    path.write_bytes(orjson.dumps(tables))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    from tui.store.visits import entries, read_data

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.json"
        make_database(db, args.documents)
        size = db.stat().st_size / 1e6
        rows = []
        for label, extra in (("quotelens library", []),
                             ("quotelens library --sort title --filter 7", ["--sort", "title", "--filter", "7"])):
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                out = subprocess.run([sys.executable, "-m", "tui", "library", *extra, "--db", str(db)], cwd=ROOT,
                                     capture_output=True, text=True, check=True)
                times.append(time.perf_counter() - t)
            assert len(out.stdout.splitlines()) > 1
            rows.append((label, statistics.median(times), max(times)))
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            listed = entries(read_data(db))
            times.append(time.perf_counter() - t)
        assert len(listed) == args.documents
        rows.append(("parse + check + entries() in process", statistics.median(times), max(times)))
    print(f"{args.documents} documents, database {size:.1f} MB, {args.runs} runs each; bar: the command < {BAR_S:g} s")
    for label, med, worst in rows:
        verdict = "" if label.startswith("parse") else ("PASS" if med < BAR_S else "FAIL")
        print(f"  {label:<44} median {med * 1000:7.1f} ms   max {worst * 1000:7.1f} ms   {verdict}")
    return 0 if all(med < BAR_S for _, med, _ in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
