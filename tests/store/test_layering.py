"""The store imports the engine and TinyDB but never Textual or Rich (scripts and CI use it headless)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_store_never_imports_textual_or_the_app():
    code = ("import sys, tempfile, os\nfrom tui.store import Library\nfrom tui.engine import load_text\n"
            "d = tempfile.mkdtemp()\nlib = Library.open(os.path.join(d, 'q.json'))\n"
            "doc = load_text('T\\n\\nSome words here.')\nlib.add(doc, 3, 7)\nlib.placements(doc)\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}),"
            " any(m.startswith('tui.app') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["[]", "False"]
