from __future__ import annotations

from tui.app.components.annotation_draft import AnnotationDraft
from tui.app.components.annotation_editor import AnnotationEditor
from tui.app.components.annotation_filter import parse_filter
from tui.app.components.annotation_list import AnnotationList, AnnotationRow

ROWS = [
    AnnotationRow("late", 900, "We will rebuild the bridge by spring.", "check the budget", ("infrastructure", "promise"),
                  "yellow", "Mayor Ana Ruiz", "anchored"),
    AnnotationRow("gone", None, "The quote that was edited away.", "remember this", ("promise",), "pink", "Jane Doe",
                  "orphan"),
    AnnotationRow("early", 40, "Costs have doubled since 2020.", "", ("economy",), "green", "John Smith", "anchored"),
    AnnotationRow("mid", 300, "Nobody asked the residents.", "angry tone", (), None, "Jane Doe", "moved"),
]


def of(app, kind):
    return [m for m in app.received if isinstance(m, kind)]


def host(host_cls):
    annotations = AnnotationList()
    app = host_cls(annotations)
    return app, annotations


async def start(pilot, annotations, rows=ROWS):
    annotations.set_rows(rows)
    annotations.set_known_tags(["economy", "infrastructure", "promise"])
    annotations.focus()
    await pilot.pause()


def positions(text: str, *needles: str) -> list[int]:
    return [text.index(n) for n in needles]


async def test_rows_in_document_order_with_orphans_last(host_cls, screen_text):
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        text = screen_text(app)
    assert [r.id for r in annotations.visible_rows] == ["early", "mid", "late", "gone"]
    costs, nobody, bridge, orphans, edited = positions(
        text, "Costs have doubled", "Nobody asked", "We will rebuild", "Orphans", "The quote that was edited away")
    assert costs < nobody < bridge < orphans < edited
    assert "remember this" in text  # an orphan keeps its note
    assert "check the budget" in text and "#infrastructure #promise" in text
    nobody_line = next(line for line in text.splitlines() if "Nobody asked" in line)
    assert "moved" in nobody_line
    costs_line = next(line for line in text.splitlines() if "Costs have doubled" in line)
    assert "moved" not in costs_line


async def test_empty_state_hint(host_cls, screen_text):
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 20)) as pilot:
        await start(pilot, annotations, rows=[])
        assert "No annotations yet — press a" in screen_text(app)
        await pilot.press("enter", "e", "d")
        await pilot.pause()
    assert app.received == []


async def test_long_excerpt_is_clipped_to_one_line(host_cls, screen_text):
    long = AnnotationRow("x", 1, "word " * 200 + "ENDMARK", "", (), None, None, "anchored")
    app, annotations = host(host_cls)
    async with app.run_test(size=(120, 20)) as pilot:
        await start(pilot, annotations, rows=[long])
        text = screen_text(app)
    assert "ENDMARK" not in text and "…" in text


async def test_enter_jumps_d_deletes_u_undoes(host_cls):
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        await pilot.press("enter", "j", "d", "u")
        await pilot.pause()
    assert [m.annotation_id for m in of(app, AnnotationList.Jump)] == ["early"]
    assert [m.annotation_id for m in of(app, AnnotationList.Deleted)] == ["mid"]
    assert len(of(app, AnnotationList.UndoRequested)) == 1


async def test_cursor_skips_the_orphans_heading(host_cls):
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
    assert [m.annotation_id for m in of(app, AnnotationList.Jump)] == ["gone"]


async def test_e_opens_the_editor_with_the_row_and_posts_edited(host_cls):
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        await pilot.press("end", "k", "e")  # the last placed row: "late"
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, AnnotationEditor)
        assert editor.excerpt == "We will rebuild the bridge by spring."
        assert editor.known_tags == ("economy", "infrastructure", "promise")
        assert editor.draft == AnnotationDraft("check the budget", ("infrastructure", "promise"), "yellow")
        await pilot.press("end", *" again", "ctrl+s")
        await pilot.pause()
    edited = of(app, AnnotationList.Edited)
    assert [(m.annotation_id, m.draft) for m in edited] == [
        ("late", AnnotationDraft("check the budget again", ("infrastructure", "promise"), "yellow"))]


async def test_cancelled_edit_posts_nothing(host_cls):
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AnnotationEditor)
    assert of(app, AnnotationList.Edited) == []


def test_filter_parsing():
    f = parse_filter('tag:Promise colour:yellow speaker:"ana ruiz" bridge')
    assert f.tags == ("promise",) and f.colors == ("yellow",) and f.speakers == ("ana ruiz",)
    assert f.words == ("bridge",)
    assert parse_filter('speaker:"unbalanced').speakers == ("unbalanced",)
    assert not parse_filter("   ").active
    assert parse_filter("don't #1").words == ("don't", "#1")


async def filtered(host_cls, query: str) -> list[str]:
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        await pilot.press("slash", *query)
        await pilot.pause()
        return [r.id for r in annotations.visible_rows]


async def test_filter_by_tag_colour_speaker_words_and_combined(host_cls):
    assert await filtered(host_cls, "tag:promise") == ["late", "gone"]
    assert await filtered(host_cls, "color:green") == ["early"]
    assert await filtered(host_cls, "color:none") == ["mid"]
    assert await filtered(host_cls, "speaker:jane") == ["mid", "gone"]
    assert await filtered(host_cls, "budget") == ["late"]
    assert await filtered(host_cls, "tag:promise speaker:jane") == ["gone"]
    assert await filtered(host_cls, "status:orphan") == ["gone"]


async def test_filter_with_no_match_says_so_and_escape_clears(host_cls, screen_text):
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        await pilot.press("f", *"tag:nothing")
        await pilot.pause()
        assert "No annotations match the filter" in screen_text(app)
        assert "(0 of 4)" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert [r.id for r in annotations.visible_rows] == ["early", "mid", "late", "gone"]
        assert app.focused is annotations.options
        assert "Filter:" not in screen_text(app)


async def test_filter_stays_while_moving_in_the_list_then_escape_clears(host_cls):
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        await pilot.press("slash", *"speaker:jane", "enter")  # Enter goes back to the list
        await pilot.pause()
        assert app.focused is annotations.options
        await pilot.press("down", "enter")
        await pilot.pause()
        assert [m.annotation_id for m in of(app, AnnotationList.Jump)] == ["gone"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(annotations.visible_rows) == 4


async def test_set_rows_after_delete_keeps_cursor_nearby(host_cls):
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        await pilot.press("down")  # on "mid"
        annotations.set_rows([r for r in ROWS if r.id != "mid"])
        await pilot.pause()
        assert annotations.current_row is not None and annotations.current_row.id in {"early", "late"}
        annotations.set_rows(ROWS)  # undo brings it back; the cursor stays on the same row
        await pilot.pause()
        before = annotations.current_row.id
        annotations.set_rows(list(reversed(ROWS)))
        await pilot.pause()
        assert annotations.current_row.id == before


async def test_tag_filter_narrows_while_typing(host_cls):
    assert await filtered(host_cls, "tag:pro") == ["late", "gone"]
    assert await filtered(host_cls, "tag:infra") == ["late"]
    assert await filtered(host_cls, "tag:promises") == []


async def test_cursor_moves_post_highlighted(host_cls):
    app, annotations = host(host_cls)
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        await pilot.press("j", "j", "k")
        await pilot.pause()
    assert [m.annotation_id for m in of(app, AnnotationList.Highlighted)] == ["mid", "late", "mid"]


async def test_escape_without_a_filter_is_left_to_the_app(host_cls):
    app, annotations = host(host_cls)
    pressed: list[str] = []
    app.action_app_escape = lambda: pressed.append("escape")  # type: ignore[attr-defined]
    app.bind("escape", "app_escape")
    async with app.run_test(size=(90, 30)) as pilot:
        await start(pilot, annotations)
        await pilot.press("escape")
        await pilot.pause()
        assert pressed == ["escape"]
        await pilot.press("slash", "x", "escape")  # with a filter, Escape clears it instead
        await pilot.pause()
        assert pressed == ["escape"] and not annotations.filter.active
