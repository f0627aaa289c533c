from __future__ import annotations

from tui.app.components.annotation_draft import clean_tags, format_tags, parse_tags
from tui.app.components.tag_suggester import complete_tag
from tui.app.palette import HIGHLIGHTS, highlight_for_key

KNOWN = ["Climate", "climbing", "economy", "election"]


def test_parse_tags_trims_dedupes_and_drops_empty():
    assert parse_tags(" law , Law,, energy ,law ,  ") == ("law", "energy")
    assert parse_tags("") == ()
    assert parse_tags("  big   idea ,big idea") == ("big idea",)


def test_known_spelling_wins():
    assert parse_tags("climate, ECONOMY, new", KNOWN) == ("Climate", "economy", "new")
    assert clean_tags(["a", "A", " a "]) == ("a",)
    assert format_tags(("a", "b c")) == "a, b c"


def test_completion_completes_only_the_last_item_ignoring_case():
    # What was typed is kept as typed; only the rest of the known tag is added.
    assert complete_tag("cli", KNOWN) == "climate"
    assert complete_tag("law, ELE", KNOWN) == "law, ELEction"
    assert complete_tag("law,  ec", KNOWN) == "law,  economy"


def test_completion_skips_taken_tags_exact_matches_and_empty_items():
    assert complete_tag("climate, cli", KNOWN) == "climate, climbing"
    assert complete_tag("economy", KNOWN) is None  # already complete
    assert complete_tag("law, ", KNOWN) is None
    assert complete_tag("", KNOWN) is None
    assert complete_tag("zzz", KNOWN) is None


def test_number_keys_map_to_highlights_in_order():
    assert [highlight_for_key(k) for k in range(1, 6)] == list(HIGHLIGHTS)
