"""First paint of a 1 MB EPUB and of a saved web page, against the same text as a .txt file.

    python benchmarks/format_paint.py [--runs 5]      # or: python benchmarks/run_all.py --only formats

The book (about 1 MB of text in 40 chapters, made with ebooklib from invented sentences) and its
text as ``.txt`` are written to a temporary folder; the saved page is tests/fixtures/pages'
first page, beside its article's plain text.  Each is opened in quotelens in a fresh tmux session
until the first words of its first paragraph show (benchmarks/first_paint.py's method: one
warm-up launch each, then alternating launches, medians).  The page is timed twice: opened for the
first time (empty data and cache folders each launch: trafilatura is imported, in a child process
beside Textual's import) and reopened (its extraction read from the cache).  The bar: each format
within 1.5x of its .txt.  No corpus needed.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, Context, Result, Skip, at_most, median, skipped, use_checkout
from first_paint import launch, spread

PAGES = ROOT / "tests" / "fixtures" / "pages"
BAR = 1.5

SUBJECTS = ["The ferryman", "Old Mrs Corran", "The lighthouse keeper", "A boy from the quay", "The vicar",
            "Her brother", "The postmistress", "Nobody in the village", "The schoolmaster", "The cook"]
VERBS = ["watched the grey water", "closed the shutters against the wind", "counted the boats twice",
         "walked down to the harbour wall", "lit the lamp before dusk", "wrote a letter to the mainland",
         "mended the nets by the fire", "waited for the tide to turn", "read the almanac aloud"]
TAILS = ["and said nothing for a long time.", "as the rain came over the headland.", "while the bell rang.",
         "though nobody had asked.", "before the light failed.", "and thought of the winter ahead."]


def book_chapters(target_bytes: int = 1024 * 1024, seed: int = 7) -> list[tuple[str, list[str]]]:
    """Invented chapters of about ``target_bytes`` of text, some paragraphs with speech."""
    rng = random.Random(seed)
    chapters, size, n = [], 0, 0
    while size < target_bytes:
        n += 1
        paragraphs = []
        for _ in range(60):
            sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(TAILS)}" for _ in range(rng.randint(2, 5))]
            if rng.random() < 0.3:
                sentences.append(f"“We will see {rng.choice(['tomorrow', 'in spring', 'soon'])},” "
                                 f"{rng.choice(SUBJECTS).lower()} said.")
            paragraphs.append(" ".join(sentences))
        chapters.append((f"Chapter {n}", paragraphs))
        size += sum(len(p.encode()) for p in paragraphs)
    return chapters


def write_book(folder: Path) -> tuple[Path, Path]:
    sys.path.insert(0, str(ROOT / "tests"))
    from epub_books import make_epub

    chapters = book_chapters()
    epub = make_epub(folder / "book.epub", chapters, title="The Harbour Year", author="Invented Author")
    txt = folder / "book.txt"
    txt.write_text("The Harbour Year\n\n" + "\n\n".join(f"{t}\n\n" + "\n\n".join(ps) for t, ps in chapters) + "\n",
                   encoding="utf-8")
    return epub, txt


def first_paragraph_words(text: str, words: int = 4) -> str:
    """The first words of the first paragraph after the title (a headline is not body text)."""
    for para in text.split("\n\n")[1:]:
        tokens = para.split()
        if len(tokens) >= 8:
            phrase = ""
            for token in tokens[:words]:
                if phrase and len(phrase) + 1 + len(token) > 28:
                    break
                phrase = f"{phrase} {token}" if phrase else token
            return phrase
    raise Skip("no paragraph to wait for")


def compare(ctx: Context, label: str, fmt_file: Path, txt_file: Path, cold: bool = False) -> Result:
    """``cold``: every launch gets an empty data and cache folder (a page opened for the first time);
    otherwise they share one (reopening: a web page's extraction is read from the cache)."""
    expect = first_paragraph_words(txt_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="qlbench-") as tmp:
        home = Path(tmp)
        a_cmd, b_cmd = ctx.app_command(fmt_file), ctx.app_command(txt_file)
        launch(ctx, a_cmd, expect, home)
        launch(ctx, b_cmd, expect, home)
        a, b, cpu_a, cpu_b = [], [], [], []
        for run in range(ctx.runs):
            fresh = home / f"cold-{run}" if cold else home
            a.append(launch(ctx, a_cmd, expect, fresh, cpu_a))
            b.append(launch(ctx, b_cmd, expect, fresh / "txt" if cold else home, cpu_b))
    ratio = median(a) / median(b)
    detail = (f"{fmt_file.suffix} {spread(a)}; .txt {spread(b)}; CPU by then {median(cpu_a):.2f} s vs "
              f"{median(cpu_b):.2f} s ({median(cpu_a) / median(cpu_b):.2f}x); waited for {expect!r}; "
              f"{fmt_file.stat().st_size // 1024} KB vs {txt_file.stat().st_size // 1024} KB; {len(a)} runs each")
    return at_most(f"first paint, {label}, vs the same text as .txt", ratio, BAR, "x", detail,
                   fmt=a, txt=b, cpu_fmt=cpu_a, cpu_txt=cpu_b)


def run(ctx: Context) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="qlbook-") as tmp:
        try:
            epub, txt = write_book(Path(tmp))
            results.append(compare(ctx, "1 MB EPUB", epub, txt))
        except Skip as why:
            results.append(skipped("first paint, 1 MB EPUB", str(why)))
    index = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))
    page = index["pages"][0]
    for label, cold in (("saved web page, first open", True), ("saved web page, reopened", False)):
        try:
            results.append(compare(ctx, label, PAGES / page["page"], PAGES / page["text"], cold))
        except Skip as why:
            results.append(skipped(f"first paint, {label}", str(why)))
    return results


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    use_checkout(False)
    for r in run(Context(corpus=None, installed=False, runs=args.runs)):
        value = "-" if r.value is None else f"{r.value:.2f} {r.unit}"
        print(f"{r.name}: {value} (bar {r.bar}) {r.verdict}\n  {r.detail}")


if __name__ == "__main__":
    main()
