"""Issue 12 with Textual's Pilot: search, focus, the status line, evidence, panes at any size,
the outline, the command palette, themes and mouse selection — one test per key or gesture."""

from __future__ import annotations

import re

from textual import events

from tui.app.app import QuotelensApp
from tui.app.components.evidence_screen import EvidenceScreen
from tui.app.components.search_bar import SearchBar
from tui.app.components.speaker_list import SpeakerList
from tui.app.palette import contrast_ratio
from tui.app.render import CURRENT_HIT, SEARCH_HIT
from tui.engine import load_text
from tui.store import Library

WIDE = (140, 40)
SMALL = (80, 24)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def status(app) -> str:
    return str(app.query_one("#status").render())


async def search_for(pilot, words: str, enter: bool = True) -> None:
    await pilot.press("slash", *[{" ": "space"}.get(ch, ch) for ch in words])
    if enter:
        await pilot.press("enter")
    await pilot.pause()


def styles_at(view, offset: int) -> list:
    """The styles drawn over character ``offset`` (which must be on screen)."""
    row = view.lines.row_of(offset)
    strip = view.render_line(row - int(view.scroll_y))
    column = view.margin + 2 + (offset - view.lines.starts[row])
    x = 0
    found = []
    for seg in strip:
        if x <= column < x + len(seg.text):
            found.append(seg.style)
        x += len(seg.text)
    return found


# ---------------------------------------------------------------- search
async def test_slash_word_enter_shows_match_1_of_n_and_moves_the_cursor_there(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search_for(pilot, "ferry")
        expected = len(re.findall("ferry", sample.text, re.IGNORECASE))
        assert expected > 1
        assert f"match 1 of {expected}" in status(app)
        first = re.search("ferry", sample.text, re.IGNORECASE).start()
        assert app.article.cursor == first
        assert app.article.has_focus  # the prompt closed
        assert not app.query_one(SearchBar).display  # (mounted on the first /, hidden after Enter)


async def test_matches_highlight_live_while_typing(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search_for(pilot, "co", enter=False)
        view = app.article
        assert app.query_one(SearchBar).has_focus
        hits = [m.start() for m in re.finditer("co", sample.text, re.IGNORECASE)]
        assert view.hits and [s for s, _ in view.hits] == hits
        assert f"of {len(hits)}" in status(app)
        # every match is painted; the current one differently from the others
        assert any(st.bgcolor == CURRENT_HIT.bgcolor for st in styles_at(view, hits[0]) if st)
        assert any(st.bgcolor == SEARCH_HIT.bgcolor for st in styles_at(view, hits[1]) if st)
        await pilot.press("u")  # "cou": fewer matches, at once
        await pilot.pause()
        assert len(view.hits) == len(re.findall("cou", sample.text, re.IGNORECASE)) < len(hits)


async def test_smart_case_capitals_match_exactly(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search_for(pilot, "the")
        any_case = len(app.article.hits)
        await search_for(pilot, "The")
        exact = len(app.article.hits)
    assert any_case == len(re.findall("the", sample.text, re.IGNORECASE))
    assert exact == sample.text.count("The") < any_case


async def test_n_and_shift_n_step_through_matches_and_wrap(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search_for(pilot, "ferry")
        view = app.article
        count = len(view.hits)
        for i in range(2, count + 1):
            await pilot.press("n")
            assert f"match {i} of {count}" in status(app)
            assert view.cursor == view.hits[i - 1][0]
        await pilot.press("n")  # past the last: round to the first
        assert f"match 1 of {count}" in status(app) and view.cursor == view.hits[0][0]
        await pilot.press("N")  # and back round to the last
        assert f"match {count} of {count}" in status(app) and view.cursor == view.hits[-1][0]


async def test_escape_in_the_prompt_returns_to_where_you_were(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=(100, 12)) as pilot:
        await settle(pilot)
        view = app.article
        for _ in range(3):
            await pilot.press("j")
        before = (view.cursor, view.scroll_y)
        await search_for(pilot, "next", enter=False)  # a heading near the end: the view scrolls to it
        assert view.hits and view.scroll_y != before[1]
        await pilot.press("escape")
        await pilot.pause()
        assert (view.cursor, view.scroll_y) == before
        assert view.hits == [] and "match" not in status(app)
        assert view.has_focus


async def test_escape_after_a_search_clears_the_matches(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search_for(pilot, "ferry")
        assert app.article.hits
        await pilot.press("escape")
        assert app.article.hits == [] and "match" not in status(app)


async def test_search_finds_annotation_notes_and_tags(sample, db):
    lib = Library.open(db)
    start = sample.text.index("Fishermen stood")
    lib.add(sample, start, start + len("Fishermen stood"), note="ask about the zebrafish", tags=("harbourside",))
    lib.close()
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search_for(pilot, "zebrafish")  # only in the note
        assert "match 1 of 1" in status(app) and "1 in an annotation" in status(app)
        assert app.article.cursor == start
        await search_for(pilot, "harbourside")  # only in a tag
        assert "match 1 of 1" in status(app)


async def test_a_search_with_no_match_says_so(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search_for(pilot, "xylophone")
        assert "no match" in status(app)
        await pilot.press("n")  # nothing to go to: no crash, the cursor stays
        assert app.article.cursor == 0 or app.article.hits == []


# ----------------------------------------------------------------- focus
async def test_f_focuses_the_current_speaker_and_brackets_step_through_theirs_only(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.article
        while True:  # the first attributed quotation
            await pilot.press("right_square_bracket")
            if view.quotes[view.current_quote].speaker is not None:
                break
        speaker = view.quotes[view.current_quote].speaker
        name = app.analysis.by_id[speaker].name
        await pilot.press("f")
        assert view.focus_speaker == speaker and f"focus {name}" in status(app)
        theirs = [i for i, q in enumerate(view.quotes) if q.speaker == speaker]
        seen = [view.current_quote]
        for _ in range(len(theirs) - 1):
            await pilot.press("right_square_bracket")
            seen.append(view.current_quote)
        assert seen == theirs
        await pilot.press("left_square_bracket")
        assert view.current_quote == theirs[-2]
        # someone else's quotation is drawn faint, not in their colour
        other = next(q for q in view.quotes if q.speaker not in (None, speaker))
        view.reveal(other.start)
        await pilot.pause()
        faint = app.faint_colour().lower()
        assert any(st and st.color and st.color.name.lower() == faint for st in styles_at(view, other.start + 1))
        await pilot.press("f")  # f again: everyone
        assert view.focus_speaker is None and "focus" not in status(app)
        await pilot.pause()
        in_colour = styles_at(view, other.start + 1)
        assert not any(st and st.color and st.color.name.lower() == faint for st in in_colour)
        # toggling again draws each state as the first time (rows are kept per state, never mixed up)
        view.move_cursor(view.quotes[theirs[0]].start, scroll=False)
        view.reveal(other.start)
        await pilot.press("f")
        await pilot.pause()
        assert any(st and st.color and st.color.name.lower() == faint for st in styles_at(view, other.start + 1))
        await pilot.press("f")
        await pilot.pause()
        assert styles_at(view, other.start + 1) == in_colour


async def test_escape_clears_the_focus(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.article
        quote = next(q for q in view.quotes if q.speaker is not None)
        view.move_cursor(quote.start)
        await pilot.press("f")
        assert view.focus_speaker == quote.speaker
        await pilot.press("escape")
        assert view.focus_speaker is None


async def test_f_in_the_speakers_pane_focuses_that_speaker(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        speakers = app.query_one(SpeakerList)
        speakers.focus()
        await pilot.press("down")
        row = speakers.current_row
        await pilot.press("f")
        assert app.article.focus_speaker == row.id


async def test_f_off_a_quotation_says_what_to_do(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert app.article.focus_speaker is None
        assert any("quotation" in str(n.message) for n in app._notifications)


# ----------------------------------------------------------- status line
async def test_status_line_names_speaker_method_cue_and_confidence_in_words(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.article
        start = sample.text.index("We are not asking")
        view.move_cursor(start)
        await pilot.pause()
        quote = view.quote_here()
        line = status(app)
        assert app.analysis.by_id[quote.speaker].name in line
        assert quote.cue and quote.cue in line
        assert re.search(r"\b(sure|likely|a guess)\b", line)
        await pilot.press("j", "j", "j", "j")  # off every quotation: the line empties
        await pilot.pause()
        if view.quote_here() is None:
            assert "quote" not in status(app)


async def test_the_status_line_draws_what_textual_draws_when_it_says_a_line_again(sample, db):
    from textual.widgets import Static

    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        line = app.query_one("#status")
        drawn = []
        themes = sorted(app.available_themes)
        for keys in (("right_square_bracket",), ("right_square_bracket",), ("left_square_bracket",),
                     ("right_square_bracket",), ("f",), ("f",), ("theme",), ("left_square_bracket",)):
            if keys == ("theme",):
                app.theme = themes[1] if app.theme == themes[0] else themes[0]
            else:
                await pilot.press(*keys)
            await pilot.pause()
            ours = line.render_line(0)  # (kept from the last time it said this, if it did)
            theirs = Static.render_line(line, 0)  # Textual's way, drawn afresh
            assert list(ours) == list(theirs), keys
            drawn.append(ours.text)
        assert drawn[0] == drawn[2] and drawn[1] == drawn[3]  # said again: the same words
        assert len(set(drawn)) >= 3


async def test_dragging_the_mouse_over_the_status_line_highlights_what_it_selects(sample, db):
    from textual.widgets import Static

    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        line = app.query_one("#status")
        unselected = list(line.render_line(0))  # drawn (and kept) before the drag
        await pilot.mouse_down("#status", offset=(2, 0))
        await pilot.hover("#status", offset=(12, 0))
        await pilot.mouse_up("#status", offset=(12, 0))
        await pilot.pause()
        assert app.screen.get_selected_text()  # the words are selected (ctrl+c copies them)
        selected = list(line.render_line(0))
        assert selected != unselected  # and shown selected
        assert selected == list(Static.render_line(line, 0))  # as Textual draws a selection
        app.screen.clear_selection()
        await pilot.pause()
        assert list(line.render_line(0)) == unselected


async def test_i_shows_the_evidence_for_the_current_quotation(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.article
        view.move_cursor(sample.text.index("We are not asking"))
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, EvidenceScreen)
        text = " ".join(str(s.render()) for s in app.screen.query(".evidence-row"))
        quote = view.quote_here()
        assert app.analysis.by_id[quote.speaker].name in text and quote.cue in text
        assert "We are not asking for a new ferry" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, EvidenceScreen)


# ------------------------------------------------------------ panes, sizes
async def test_at_80_columns_the_side_panes_collapse_and_f2_f3_open_them_over_the_article(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        view = app.article
        speakers, annotations = app.query_one("#speakers-pane"), app.query_one("#annotations-pane")
        assert not speakers.display and not annotations.display
        assert view.text_width >= 60
        width = view.size.width
        await pilot.press("f2")
        await pilot.pause()
        assert speakers.display and speakers.region.width >= 30
        assert app.query_one(SpeakerList).has_focus
        assert view.size.width == width  # an overlay: the article is not squeezed
        await pilot.press("f3")  # one overlay at a time
        await pilot.pause()
        assert annotations.display and not speakers.display
        await pilot.press("escape")
        await pilot.pause()
        assert not annotations.display and view.has_focus


async def test_wide_f2_and_backslash_hide_the_side_panes_and_the_article_widens(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        view = app.article
        narrow = view.size.width
        await pilot.press("f2")
        await pilot.pause()
        assert not app.query_one("#speakers-pane").display and view.size.width > narrow
        await pilot.press("f2")
        await pilot.press("backslash")
        await pilot.pause()
        assert not app.query_one("#speakers-pane").display and not app.query_one("#annotations-pane").display
        await pilot.press("backslash")
        await pilot.pause()
        assert app.query_one("#speakers-pane").display and view.size.width == narrow


async def test_wide_terminal_keeps_a_readable_measure_centred(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        view = app.article
        longest = max(len(view.row_text(r).rstrip()) for r in range(len(view.lines)))
        assert 60 <= longest <= 90
        left = view.margin
        right = view.scrollable_content_region.width - left - view.text_width
        assert left > 0 and abs(left - right) <= 1


async def test_the_article_is_never_under_40_columns(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot)
        assert app.article.text_width >= 40


# --------------------------------------------------------------- outline
CHAPTERS = "\n\n".join(f"Chapter {n}\n\n“Line {n} is spoken here,” said Ann Lee. The day went on." for n in range(1, 6))


async def test_o_opens_the_outline_and_enter_jumps_to_a_chapter(db):
    doc = load_text(CHAPTERS, name="chapters")
    app = QuotelensApp(doc, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        outline = app.query_one("#outline")
        assert outline.has_focus and outline.option_count == 5
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.article.cursor == doc.text.index("Chapter 3")
        assert app.article.has_focus and not app.query_one("#outline-pane").display


async def test_o_without_headings_says_so(db):
    doc = load_text("“Just one line,” said Ann Lee.", name="flat")
    app = QuotelensApp(doc, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert not app.query("#outline-pane")  # never mounted
        assert any("no chapters or sections" in str(n.message) for n in app._notifications)


# ------------------------------------------------------ palette and themes
async def test_ctrl_p_runs_a_keymap_action_by_its_description(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next quotation")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.article.current_quote == 0


async def test_ctrl_t_switches_to_the_light_theme_and_quote_text_stays_readable(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert not app.current_theme.dark
        background = app.text_background()
        for row in app.query_one(SpeakerList).rows:
            assert contrast_ratio(row.color, background) >= 4.5, row


# ----------------------------------------------------------------- mouse
async def test_drag_selects_and_a_annotates_the_selection(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.article
        start = sample.text.index("Fishermen stood")
        row = view.lines.row_of(start)
        x0 = 1 + view.margin + 2 + start - view.lines.starts[row]  # (1: the border)
        y = 1 + row - int(view.scroll_y)
        await pilot.mouse_down(view, offset=(x0, y))
        await pilot._post_mouse_events([events.MouseMove], view, offset=(x0 + len("Fishermen stood") - 1, y), button=1)
        await pilot.mouse_up(view, offset=(x0 + len("Fishermen stood") - 1, y))
        await pilot.pause()
        assert view.anchor == start and view.cursor == start + len("Fishermen stood") - 1
        assert view.annotation_target() == (start, start + len("Fishermen stood"))
        await pilot.press("a")
        await pilot.pause()
        assert type(app.screen).__name__ == "AnnotationEditor"


# ------------------------------------------------------------------ help
async def test_help_at_80_columns_wraps_descriptions_in_their_own_column(sample, db):
    from textual.widgets import Static

    from tui.app.components.help_screen import HelpScreen

    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = list(app.screen.query(".help-row"))
        descriptions = [row.query_one(".help-description", Static) for row in rows]
        wrapped = [d for d in descriptions if d.region.height > 1]
        assert wrapped  # some descriptions are longer than one line at 80 columns
        column = {d.region.x for d in descriptions}
        assert len(column) == 1  # every description, first line or wrapped, starts in one column
        keys = {row.query_one(".help-key", Static).region.right for row in rows}
        assert max(keys) <= min(column)
        # the new keys are listed, from the same table that binds them
        text = " ".join(str(d.render()) for d in descriptions)
        for words in ("Search", "Next match", "Focus", "evidence", "outline", "speakers pane", "theme", "drag"):
            assert words in text, words


# ---------------------------------------------------------------- hostile
async def test_search_shows_markup_and_control_characters_as_plain_text(db):
    doc = load_text("The memo said [bold]stop[/bold] and [@click=app.quit]here[/].\n\nNothing else.", name="memo")
    app = QuotelensApp(doc, db_path=db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search_for(pilot, "[bold]")
        assert "match 1 of 1" in status(app) and "/[bold]" in status(app)
        assert app.article.cursor == doc.text.index("[bold]")
        await search_for(pilot, "[@click=app.quit]")
        assert app.is_running and "match 1 of 1" in status(app)
