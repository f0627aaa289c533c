"""trafilatura against readability-lxml on the saved pages of tests/fixtures/pages/.

    python benchmarks/html_extractors.py        # needs readability-lxml (pip install readability-lxml)

For each page (an invented article inside realistic boilerplate; see benchmarks/make_pages.py) and
each extractor: is the title right; word precision and recall against the article's plain text
(multisets of words); how many of the boilerplate phrases leaked into the text; whether the
quotations and their speakers are the same as for the plain text (the issue's bar); and the time.
Both extractors' output goes through the same block conversion (tui.engine.markup), so only the
extraction differs.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.engine import analyze, load_bytes, load_text  # noqa: E402 - after the path is set
from tui.engine.builder import DocumentBuilder  # noqa: E402
from tui.engine.decode import decode  # noqa: E402
from tui.engine.model import Document, Meta  # noqa: E402

PAGES = ROOT / "tests" / "fixtures" / "pages"

WORD = re.compile(r"\w+")


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text))


def quotes_and_speakers(doc: Document) -> tuple[list[tuple[str, str | None]], list[str]]:
    analysis = analyze(doc)
    quotes = [(" ".join(doc.text[q.start:q.end].split()), getattr(analysis.speaker_of(q), "name", None))
              for q in analysis.quotes if not q.is_mark]
    counts = analysis.quote_counts()
    return quotes, sorted(s.name for s in analysis.speakers if counts.get(s.id))


def with_trafilatura(data: bytes) -> Document:
    return load_bytes(data, fmt="html", name="page")


def with_readability(data: bytes) -> Document:
    from lxml import html as lxml_html
    from readability import Document as Readable

    from tui.engine.epub import _classify
    from tui.engine.markup import BlockWalker

    text, _ = decode(data)
    if "windows-1252" in text[:2000]:
        text = data.decode("cp1252")
    readable = Readable(text)
    title = readable.short_title()
    summary = readable.summary(html_partial=True)
    builder = DocumentBuilder()
    builder.add_block("heading", title, level=1)
    BlockWalker(builder, _classify).walk(lxml_html.fragment_fromstring(summary, create_parent="div"))
    return builder.build(title, None, "html", (), Meta(title=title))


EXTRACTORS = {"trafilatura": with_trafilatura, "readability-lxml": with_readability}


def main() -> None:
    index = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))
    sentinels = index["sentinels"]
    totals: dict[str, dict[str, list[float]]] = {name: {} for name in EXTRACTORS}
    print(f"{'page':<34} {'extractor':<17} {'title':>5} {'prec':>5} {'recall':>6} {'leaks':>5} "
          f"{'quotes':>6} {'ms':>6}")
    for page in index["pages"]:
        data = (PAGES / page["page"]).read_bytes()
        gold_text = (PAGES / page["text"]).read_text(encoding="utf-8")
        gold = words(gold_text)
        gold_quotes = quotes_and_speakers(load_text(gold_text, fmt="text"))
        for name, extract in EXTRACTORS.items():
            extract(data)  # warm: imports, caches
            start = time.perf_counter()
            doc = extract(data)
            ms = (time.perf_counter() - start) * 1000
            got = words(doc.text)
            common = sum((got & gold).values())
            precision = common / max(1, sum(got.values()))
            recall = common / max(1, sum(gold.values()))
            leaks = sum(1 for s in sentinels if s in doc.text)
            same = quotes_and_speakers(doc) == gold_quotes
            title = " ".join(doc.title.split()) == page["title"]
            row = totals[name]
            for key, value in (("title", title), ("precision", precision), ("recall", recall),
                               ("leaks", leaks), ("clean", leaks == 0), ("quotes", same), ("ms", ms)):
                row.setdefault(key, []).append(float(value))
            print(f"{page['page'][:34]:<34} {name:<17} {'yes' if title else 'NO':>5} {precision:>5.2f} "
                  f"{recall:>6.2f} {leaks:>5} {'same' if same else 'DIFF':>6} {ms:>6.1f}")
    n = len(index["pages"])
    print(f"\n{n} pages")
    print(f"{'extractor':<17} {'titles right':>12} {'precision':>9} {'recall':>6} {'pages w/o leaks':>15} "
          f"{'phrases leaked':>14} {'same quotes':>11} {'median ms':>9}")
    for name, row in totals.items():
        print(f"{name:<17} {sum(row['title']):>9.0f}/{n} {statistics.mean(row['precision']):>9.3f} "
              f"{statistics.mean(row['recall']):>6.3f} {sum(row['clean']):>12.0f}/{n} "
              f"{sum(row['leaks']):>14.0f} {sum(row['quotes']):>8.0f}/{n} {statistics.median(row['ms']):>9.1f}")


if __name__ == "__main__":
    main()
