"""The reader end to end with Textual's Pilot: quotations, annotating, speakers, reading position."""

from __future__ import annotations

from rich.color import Color

from tui.app.app import QuotelensApp
from tui.app.components.annotation_list import AnnotationList
from tui.app.components.speaker_list import SpeakerList
from tui.app.palette import HIGHLIGHTS
from tui.app.widgets.article_view import ArticleView
from tui.store import Library

SIZE = (140, 40)


async def settle(pilot) -> None:
    """Let workers (store writes, analysis) finish and their results reach the screen."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def goto_quote(pilot, view: ArticleView, words: str):
    """Press ] until the current quotation is ``words``; return it."""
    for _ in range(len(view.quotes)):
        await pilot.press("right_square_bracket")
        quote = view.quotes[view.current_quote]
        if view.doc.text[quote.start:quote.end] == words:
            return quote
    raise AssertionError(f"no quotation {words!r}")



def annotate_fishermen(sample, db) -> int:
    """Store one blue annotation, "first note" tagged crowd, on "Fishermen stood"; return its start."""
    lib = Library.open(db)
    start = sample.text.index("Fishermen stood")
    lib.add(sample, start, start + len("Fishermen stood"), note="first note", tags=("crowd",), color="blue")
    lib.close()
    return start

def screen_rows(view: ArticleView) -> list[str]:
    return [view.render_line(y).text for y in range(view.size.height)]


def backgrounds_at(view: ArticleView, offset: int) -> set:
    """Background colours drawn on the screen row holding ``offset`` (it must be visible)."""
    row = view.lines.row_of(offset)
    strip = view.render_line(row - int(view.scroll_y))
    return {seg.style.bgcolor for seg in strip if seg.style and seg.style.bgcolor}


async def test_opens_the_sample_with_title_panes_and_speakers(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.title == "Harbour Town Votes to Keep Its Ferry, for Now"
        view = app.article
        assert view.has_focus
        rows = screen_rows(view)
        assert rows[0].strip() == "Harbour Town Votes to Keep Its Ferry, for Now"
        assert any("Marlow Quay" in r for r in rows)
        assert len(view.quotes) >= 10
        speakers = app.query_one(SpeakerList)
        assert speakers.option_count >= 2
        titles = [str(app.query_one(sel).border_title) for sel in ("#speakers-pane", "#article", "#annotations-pane")]
        assert titles == ["Speakers", "Article", "Annotations"]


async def test_bracket_keys_move_between_quotations(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.article
        first, second = view.quotes[0], view.quotes[1]
        await pilot.press("right_square_bracket")
        assert view.current_quote == 0 and view.cursor == first.start
        await pilot.press("right_square_bracket")
        assert view.current_quote == 1 and view.cursor == second.start
        # the current quotation is marked in the gutter of its row
        row = view.lines.row_of(second.start) - int(view.scroll_y)
        assert view.render_line(row).text.startswith("▍")
        await pilot.press("left_square_bracket")
        assert view.current_quote == 0 and view.cursor == first.start


async def test_annotating_a_quotation_persists_and_highlights(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.article
        quote = await goto_quote(pilot, view, "We are not asking for a new ferry,")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"ferry matters")
        await pilot.press("tab", *"transport", "tab", "2", "ctrl+s")  # Tab to the colours, 2: green
        await settle(pilot)
        assert Color.parse(HIGHLIGHTS["green"]) in backgrounds_at(view, quote.start)
        await pilot.press("q")

    lib = Library.open(db)
    [placement] = lib.placements(sample)
    ann = placement.annotation
    assert (ann.exact, ann.note, tuple(ann.tags), ann.color) == (
        "We are not asking for a new ferry,", "ferry matters", ("transport",), "green")
    lib.close()

    again = QuotelensApp(sample, db_path=db)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = again.query_one(AnnotationList)
        assert [r.note for r in pane.rows] == ["ferry matters"]
        assert Color.parse(HIGHLIGHTS["green"]) in backgrounds_at(again.article, quote.start)


async def test_visual_selection_by_words_stores_exactly_those_words(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.article
        view.move_cursor(sample.text.index("Fishermen"))
        await pilot.press("v", "w", "w", "w", "a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert view.anchor is None  # the selection ends once it is annotated
    lib = Library.open(db)
    [placement] = lib.placements(sample)
    assert placement.annotation.exact == "Fishermen stood along"
    assert sample.text[placement.start:placement.end] == "Fishermen stood along"
    lib.close()


async def test_visual_selection_by_sentence_and_escape(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.article
        start = sample.text.index("The council chamber")
        view.move_cursor(start)
        await pilot.press("v", "right_parenthesis")
        assert view.annotation_target() == (start, sample.text.index(" Fishermen"))
        await pilot.press("escape")
        assert view.anchor is None
        # without a selection and off any quotation, a annotates the paragraph
        assert view.annotation_target() == (sample.blocks[2].start, sample.blocks[2].end)


async def test_reassigning_a_speaker_persists(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.article
        quote = await goto_quote(pilot, view, "If the boat stops,")
        assert view.cursor == quote.start
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"Jo Teller", "enter")
        await settle(pilot)
        assert app.analysis.speaker_of(next(q for q in app.analysis.quotes if q.start == quote.start)).name \
            == "Jo Teller"
        names = [str(app.query_one(SpeakerList).get_option_at_index(i).prompt)
                 for i in range(app.query_one(SpeakerList).option_count)]
        assert any("Jo Teller" in n for n in names)

    again = QuotelensApp(sample, db_path=db)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        q = next(q for q in again.analysis.quotes if q.start == quote.start)
        assert again.analysis.speaker_of(q).name == "Jo Teller"


async def test_reading_position_is_restored(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        await pilot.press("pagedown", "pagedown")
        top = app.article.top_offset
        assert top > 0
        await pilot.press("q")
    again = QuotelensApp(sample, db_path=db)
    async with again.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        assert again.article.top_offset == top
        assert screen_rows(again.article)[0].strip() == sample.text[top:again.article.lines.ends[
            again.article.lines.row_of(top)]].strip()


async def test_help_lists_every_key(sample, db):
    from textual.widgets import Static

    from tui.app.components.help_screen import HelpScreen
    from tui.app.keymap import KEYMAP

    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = [str(row.query_one(".help-key", Static).render()) + "  "
                 + str(row.query_one(".help-description", Static).render()) for row in app.screen.query(".help-row")]

    def shown(key: str, words: str) -> bool:
        return any(line.startswith(key) and words in line for line in lines)

    for k in KEYMAP:
        assert shown(k.label or k.keys, k.description), k
    # keys the panes and dialogs bind themselves
    assert shown("Esc", "Clear filter")
    assert shown("Ctrl+S, Enter", "Save")
    assert shown("→ in Tags", "Complete a tag")
    assert shown("0", "No colour")
    assert shown("2, Alt+2", "Green highlight")
    assert shown("Tab", "note → tags → colours")
    assert shown("↓", "Next") and shown("↑", "Previous")
    assert shown("Enter", "Choose")


async def test_tab_cycles_panes(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        annotations = app.query_one(AnnotationList)
        speakers = app.query_one(SpeakerList)
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(app.focused)
        assert annotations in seen[0].ancestors_with_self
        assert seen[1] is speakers and seen[2] is app.article
        await pilot.press("shift+tab")
        assert app.focused is speakers
        await pilot.press("shift+tab")
        assert annotations in app.focused.ancestors_with_self


async def test_annotation_pane_jump_edit_delete_and_undo(sample, db):
    """Enter jumps; e edits; d deletes; u undoes the delete, then the edit (issue 4: "the last delete or edit")."""
    start = annotate_fishermen(sample, db)
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.article
        pane = app.query_one(AnnotationList)
        assert [r.note for r in pane.rows] == ["first note"]
        assert Color.parse(HIGHLIGHTS["blue"]) in backgrounds_at(view, start)
        pane.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert view.cursor == start and view.has_focus

        pane.focus()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"second note", "ctrl+s")
        await settle(pilot)
        assert [r.note for r in pane.rows] == ["second note"]

        await pilot.press("d")
        await settle(pilot)
        assert pane.rows == ()
        assert Color.parse(HIGHLIGHTS["blue"]) not in backgrounds_at(view, start)
        await pilot.press("u")  # the delete comes back, with the edited note
        await settle(pilot)
        assert [r.note for r in pane.rows] == ["second note"]
        assert Color.parse(HIGHLIGHTS["blue"]) in backgrounds_at(view, start)
        lib = Library.open(db)
        [p] = lib.placements(sample)
        assert (p.annotation.note, p.start) == ("second note", start)
        lib.close()

        await pilot.press("u")  # then the edit is undone: the note, tags and colour as they were
        await settle(pilot)
        assert [(r.note, r.tags, r.color) for r in pane.rows] == [("first note", ("crowd",), "blue")]
        assert Color.parse(HIGHLIGHTS["blue"]) in backgrounds_at(view, start)
    lib = Library.open(db)
    [p] = lib.placements(sample)
    assert p.annotation.note == "first note"
    lib.close()


def speaker_names(app) -> dict[str, int]:
    return {row.name: row.count for row in app.query_one(SpeakerList).rows}


async def test_rename_and_merge_speakers_from_the_pane_persist(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = speaker_names(app)
        okafor = next(name for name in before if "Okafor" in name)
        assert {"Mary Quinlan", "Tom Brennan"} <= set(before)
        speakers = app.query_one(SpeakerList)
        speakers.focus()
        speakers.highlighted = [r.name for r in speakers.rows].index(okafor)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"The Mayor", "enter")
        await settle(pilot)
        after = speaker_names(app)
        assert okafor not in after and after["The Mayor"] == before[okafor]

        speakers.highlighted = [r.name for r in speakers.rows].index("Mary Quinlan")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"Tom Brennan", "enter")
        await settle(pilot)
        merged = speaker_names(app)
        assert "Mary Quinlan" not in merged
        assert merged["Tom Brennan"] == before["Tom Brennan"] + before["Mary Quinlan"]
        # the merged quotes are drawn in the target's colour
        colours = {row.name: row.color for row in speakers.rows}
        quinlan_quote = next(q for q in app.article.quotes if sample.text[q.start:q.end].startswith("That’s the kind"))
        row = app.article.lines.row_of(quinlan_quote.start)
        app.article.scroll_to(y=row, animate=False, immediate=True)
        await pilot.pause()
        strip = app.article.render_line(row - int(app.article.scroll_y))
        drawn = {seg.style.color for seg in strip if "That’s the kind" in seg.text and seg.style}
        assert Color.parse(colours["Tom Brennan"]) in drawn

    again = QuotelensApp(sample, db_path=db)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = speaker_names(again)
        assert "The Mayor" in names and "Mary Quinlan" not in names
        assert names["Tom Brennan"] == before["Tom Brennan"] + before["Mary Quinlan"]


async def test_after_scrolling_away_j_brings_the_cursor_into_view(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=(100, 16)) as pilot:
        await settle(pilot)
        view = app.article
        assert view.cursor == 0
        view.scroll_to(y=20, animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("j")
        row = view.lines.row_of(view.cursor)
        assert row in view.visible_rows() and view.cursor > 0
        # and the cursor is drawn there: one reversed cell on that screen row
        strip = view.render_line(row - int(view.scroll_y))
        assert any(seg.style and seg.style.reverse for seg in strip)


async def test_enter_on_a_speaker_jumps_to_their_next_quotation(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        speakers = app.query_one(SpeakerList)
        speakers.focus()
        names = [r.name for r in speakers.rows]
        speakers.highlighted = names.index("Helen Marsh")
        await pilot.press("enter")
        await pilot.pause()
        view = app.article
        assert view.has_focus
        quote = view.quotes[view.current_quote]
        assert app.analysis.speaker_of(quote).name == "Helen Marsh"
        assert view.cursor == quote.start
        assert view.lines.row_of(view.cursor) in view.visible_rows()


async def test_a_click_puts_the_cursor_under_the_mouse(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.article
        row = next(r for r in range(10) if "The council chamber" in view.render_line(r).text)
        column = view.render_line(row).text.index("council")
        # the view has a one-cell border: content (0, 0) is widget (1, 1)
        await pilot.click(view, offset=(column + 1, row + 1))
        assert sample.text[view.cursor:view.cursor + 7] == "council"


async def test_keys_1_to_5_in_the_editor_note_type_digits_tab_reaches_colours_alt_picks(sample, db):
    from tui.app.components.annotation_editor import AnnotationEditor

    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto_quote(pilot, app.article, "We are not asking for a new ferry,")
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, AnnotationEditor)
        assert "Tab to colours" in " ".join(str(w.render()) for w in editor.query(".field-label"))
        await pilot.press(*"route 3", "alt+4")  # the digit is typed; Alt+4 picks pink from the note
        assert editor.note_text == "route 3" and editor.draft.color == "pink"
        await pilot.press("ctrl+3")  # once the Blue binding; now nothing, and never a cancel
        assert app.screen is editor
        await pilot.press("tab", "tab", "5")  # note -> tags -> colours
        assert editor.draft.color == "orange"
        await pilot.press("ctrl+s")
        await settle(pilot)
    lib = Library.open(db)
    [p] = lib.placements(sample)
    assert (p.annotation.note, p.annotation.color) == ("route 3", "orange")
    lib.close()


async def test_keys_1_to_5_in_the_article_highlight_at_once_and_recolour(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.article
        pane = app.query_one(AnnotationList)
        quote = await goto_quote(pilot, view, "We are not asking for a new ferry,")
        await pilot.press("3")
        await settle(pilot)
        assert Color.parse(HIGHLIGHTS["blue"]) in backgrounds_at(view, quote.start)
        assert [(r.note, r.color) for r in pane.rows] == [("", "blue")]
        await pilot.press("2")  # the same quotation again: the colour changes, no second annotation
        await settle(pilot)
        assert [(r.note, r.color) for r in pane.rows] == [("", "green")]
        assert Color.parse(HIGHLIGHTS["green"]) in backgrounds_at(view, quote.start)
        assert Color.parse(HIGHLIGHTS["blue"]) not in backgrounds_at(view, quote.start)
        await pilot.press("v", "w", "1")  # a selection: a new yellow annotation of those words
        await settle(pilot)
        assert sorted(r.color for r in pane.rows) == ["green", "yellow"]
    lib = Library.open(db)
    assert sorted(p.annotation.color for p in lib.placements(sample)) == ["green", "yellow"]
    lib.close()


async def test_an_annotation_with_no_colour_is_underlined_not_yellow(sample, db):
    lib = Library.open(db)
    start = sample.text.index("Fishermen stood")
    end = start + len("Fishermen stood")
    lib.add(sample, start, end, note="plain")
    lib.close()
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.article
        view.move_cursor(0)
        await pilot.pause()
        assert not {Color.parse(c) for c in HIGHLIGHTS.values()} & backgrounds_at(view, start)
        row = view.lines.row_of(start)
        strip = view.render_line(row - int(view.scroll_y))
        underlined = "".join(seg.text for seg in strip if seg.style and seg.style.underline)
        assert view.quote_at(start) is None and underlined == "Fishermen stood"


FOURTEEN = ["Alice Archer", "Bruno Baker", "Clara Cole", "Dmitri Dunn", "Elena Evans", "Farid Fox", "Greta Gray",
            "Hugo Hale", "Ines Irwin", "Jonas Judd", "Kira Knox", "Liam Lowe", "Mona Marsh", "Nils North"]


async def test_fourteen_speakers_most_quoted_get_the_ten_colours_the_rest_a_style_too(db):
    from tui.engine import load_text

    # speaker k (in order of appearance) has k + 1 quotations: the last ten are the most quoted
    text = "\n\n".join(f'"This is remark {j} of mine about the harbour," said {name}.'
                       for k, name in enumerate(FOURTEEN) for j in range(k + 1))
    doc = load_text(text, name="fourteen.txt")
    app = QuotelensApp(doc, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(SpeakerList)
        looks = {}
        for i, row in enumerate(pane.rows):
            strip = pane.render_line(i)
            swatch = strip.text.strip()[:2]
            name_style = next(seg.style for seg in strip if row.name.split()[0] in seg.text)
            looks[row.name] = (swatch, name_style.color, bool(name_style.italic), bool(name_style.underline))
        assert len(looks) == 14 and len(set(looks.values())) == 14  # all fourteen told apart
        top_ten = {looks[name] for name in FOURTEEN[4:]}
        assert len({colour for _, colour, _, _ in top_ten}) == 10  # ten different colours
        assert all(swatch == "██" and not italic and not underline for swatch, _, italic, underline in top_ten)
        for name in FOURTEEN[:4]:  # the least quoted: a colour again, in italics, another swatch
            swatch, _, italic, _ = looks[name]
            assert italic and swatch != "██"
        view = app.article
        first = view.quotes[0]  # Alice Archer's only quotation, at the top of the article
        row = view.lines.row_of(first.start)
        drawn = [seg.style for seg in view.render_line(row - int(view.scroll_y)) if "remark" in seg.text]
        assert drawn and all(style.italic for style in drawn)


async def test_titles_and_scare_quotes_have_their_own_row_and_enter_jumps_to_them(sample, db):
    app = QuotelensApp(sample, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        speakers = app.query_one(SpeakerList)
        names = [r.name for r in speakers.rows]
        assert "(titles, terms)" in names
        banner = next(q for q in app.article.quotes if sample.text[q.start:q.end] == "Save the Ada Lee")
        assert banner.kind == "title" and banner.speaker is None
        unattributed = [r for r in speakers.rows if r.name == "(unattributed)"]
        assert all(r.count == sum(1 for q in app.article.quotes if q.speaker is None and q.kind in ("direct", "partial"))
                   for r in unattributed)
        speakers.focus()
        speakers.highlighted = names.index("(titles, terms)")
        await pilot.press("enter")
        await pilot.pause()
        assert app.article.cursor == banner.start
        speakers.focus()
        await pilot.press("r")  # not a speaker: nothing to rename
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
