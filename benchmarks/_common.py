"""Shared pieces of the benchmarks: where things are, how to launch the app, results and bars.

The benchmarks run from a source checkout (``python benchmarks/run_all.py`` imports ``tui``
from the checkout beside this folder) or against an installed ``quotelens`` (``--installed``,
or automatically when there is no ``tui/`` beside ``benchmarks/``).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

SEED = "seed"
NOVEL = "fiction-dev/PrideAndPrejudice.txt"


class Skip(Exception):
    """A benchmark cannot run here; the message says why (printed in the table)."""


@dataclass
class Result:
    """One row of the table."""

    name: str  # what was measured
    value: float | None  # the number compared with the bar (None: not measured)
    unit: str  # "s", "ms", "x", "MB", "MB/s"
    bar: str = ""  # e.g. "<= 0.9 s"
    ok: bool | None = None  # PASS / FAIL / no bar
    detail: str = ""  # the other numbers behind it
    extra: dict = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "FAIL" if self.ok is False else "SKIP"
        return "" if self.ok is None else ("PASS" if self.ok else "FAIL")


def at_most(name: str, value: float, limit: float, unit: str, detail: str = "", **extra) -> Result:
    return Result(name, value, unit, f"<= {limit:g} {unit}", value <= limit, detail, extra)


def at_least(name: str, value: float, limit: float, unit: str, detail: str = "", **extra) -> Result:
    return Result(name, value, unit, f">= {limit:g} {unit}", value >= limit, detail, extra)


def skipped(name: str, why: str) -> Result:
    return Result(name, None, "", "", None, why)


def median(values) -> float:
    return statistics.median(values)


@dataclass
class Context:
    """What every benchmark needs to know about this run."""

    corpus: Path | None  # None: the shared corpus is missing
    installed: bool  # time the installed ``quotelens`` instead of the checkout
    runs: int = 5  # first-paint runs per program
    presses: int = 50  # key presses per key
    size: str = "120x40"

    def corpus_file(self, rel: str) -> Path:
        if self.corpus is None:
            raise Skip("shared corpus missing: not at --corpus DIR, $QUOTELENS_CORPUS or ../shared/corpus")
        path = self.corpus / rel
        if path.is_dir():
            texts = sorted(path.glob("*.txt"))
            if not texts:
                raise Skip(f"no .txt file in {path}")
            path = texts[0]
        if not path.exists():
            raise Skip(f"{path} is missing from the corpus")
        return path

    def app_command(self, file: Path) -> list[str]:
        """The argv that opens ``file`` in quotelens, as a reader would."""
        if self.installed:
            exe = shutil.which("quotelens")
            if exe is None:
                raise Skip("no quotelens on PATH (pip install . first, or run from the checkout)")
            return [exe, str(file)]
        compile_checkout()
        return [sys.executable, "-m", "tui", str(file)]

    def bare_command(self, file: Path) -> list[str]:
        return [sys.executable, str(HERE / "bare_static.py"), str(file)]

    def app_env(self, home: Path) -> dict[str, str]:
        """Environment for a launched app: a private data/config home, the checkout importable."""
        env = {
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "QUOTELENS_DB": str(home / "annotations.json"),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
        }
        if not self.installed:
            env["PYTHONPATH"] = str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")
        return env


def compile_checkout() -> None:
    """Write the checkout's bytecode, as ``pip install`` does for an installed package.

    Without it a launch from the checkout compiles every ``tui`` module from source when
    ``PYTHONDONTWRITEBYTECODE`` is set (it is on some machines, and then no warm-up run helps):
    that cost ~90 ms of CPU per launch here, which no user of an installed quotelens pays and
    the bare Textual app (installed, compiled) never pays either.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "tui"), quiet=1)


def find_corpus(explicit: str | None) -> Path | None:
    """The shared corpus: ``--corpus``, ``$QUOTELENS_CORPUS``, or ``../shared/corpus`` beside the checkout."""
    if explicit:  # asked for: that folder or nothing, never a silent fallback
        return Path(explicit).resolve() if Path(explicit).is_dir() else None
    for candidate in (os.environ.get("QUOTELENS_CORPUS"), ROOT.parent / "shared" / "corpus"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate).resolve()
    return None


def require_corpus(explicit: str | None) -> Path:
    """The shared corpus (see :func:`find_corpus`), or exit with one line saying where it was looked for."""
    corpus = find_corpus(explicit)
    if corpus is None:
        raise SystemExit("no shared corpus (../shared/corpus, --corpus or $QUOTELENS_CORPUS)")
    return corpus


def load_scorer(path: Path):
    """``../shared/tools/score_quotes.py`` as a module (its own matching and scoring functions),
    or exit with one line saying where it was looked for."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_quotes", path) if path.exists() else None
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def use_checkout(installed: bool) -> None:
    """Make ``import tui`` find the checkout (unless timing the installed package)."""
    if not installed and str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def first_words(path: Path, words: int = 4, min_words: int = 8) -> str:
    """A short phrase that starts the first real paragraph of ``path``: what to wait for on screen.

    Short enough (a few words, under 30 characters) not to be split by wrapping, from a paragraph
    long enough to be body text rather than a header line or a chapter number.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    for para in text.replace("\r\n", "\n").split("\n\n"):
        tokens = para.split()
        if len(tokens) < min_words:
            continue
        phrase = ""
        for token in tokens[:words]:
            if phrase and len(phrase) + 1 + len(token) > 28:
                break
            phrase = f"{phrase} {token}" if phrase else token
        return phrase
    raise Skip(f"{path}: no paragraph of {min_words}+ words to wait for")
