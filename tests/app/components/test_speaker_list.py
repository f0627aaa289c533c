from __future__ import annotations

import re

from tui.app.components.rename_speaker import RenameSpeaker
from tui.app.components.speaker_list import SpeakerList, SpeakerRow
from tui.app.components.speaker_picker import SpeakerPicker

ROWS = [
    SpeakerRow(7, "Jane Doe", 4, "#E69F00"),
    SpeakerRow(3, "John Smith", 2, "#56B4E9"),
    SpeakerRow(9, "Mayor Ana Ruiz", 1, "#009E73"),
    SpeakerRow(None, "Unattributed", 5, "#8A8A8A"),
]


def of(app, kind):
    return [m for m in app.received if isinstance(m, kind)]


async def mounted(host_cls):
    speakers = SpeakerList()
    app = host_cls(speakers)
    return app, speakers


async def test_rows_show_swatch_name_and_count(host_cls, screen_text):
    app, speakers = await mounted(host_cls)
    async with app.run_test(size=(60, 12)) as pilot:
        speakers.set_rows(ROWS)
        await pilot.pause()
        lines = screen_text(app).splitlines()
    assert any(re.search(r"██ Jane Doe +4 *$", line) for line in lines)
    assert any(re.search(r"██ Mayor Ana Ruiz +1 *$", line) for line in lines)
    # Counts line up in one column.
    columns = {line.rstrip().rindex(str(row.count)) for row in ROWS for line in lines if row.name in line}
    assert len(columns) == 1


async def test_long_name_wraps_whole_and_the_count_stays_on_its_first_line(host_cls, screen_text):
    speakers = SpeakerList()
    speakers.styles.width = 24
    app = host_cls(speakers)
    long_name = "Professor Maximiliana Quenby"
    async with app.run_test(size=(60, 12)) as pilot:
        speakers.set_rows([SpeakerRow(1, long_name, 123, "#E69F00"), SpeakerRow(2, "Ann Lee", 4, "#56B4E9")])
        await pilot.pause()
        lines = [line[:24].rstrip() for line in screen_text(app).splitlines()]
    assert lines[0].startswith(" ██ Professor") and lines[0].endswith("123")
    # every word of the name is on screen, none cut to a stub with an ellipsis
    shown = " ".join(line.strip() for line in lines[:3] if "Ann Lee" not in line).replace("██", "").replace("123", "")
    assert " ".join(shown.split()) == long_name
    assert not any("…" in line for line in lines)
    assert any(re.search(r"██ Ann Lee +4$", line) for line in lines)


async def test_a_word_longer_than_the_room_beside_the_count_is_never_broken(host_cls, screen_text):
    speakers = SpeakerList()
    speakers.styles.width = 18  # room for 9 cells of name beside the count, 12 on the lines below
    app = host_cls(speakers)
    async with app.run_test(size=(60, 12)) as pilot:
        speakers.set_rows([SpeakerRow(1, "Councillor Dev Okonjo", 5, "#E69F00")])
        await pilot.pause()
        lines = [line[:18].rstrip() for line in screen_text(app).splitlines()]
    assert lines[0].startswith(" ██") and lines[0].endswith("5")
    words = " ".join(line.replace("██", " ").replace(" 5", " ") for line in lines[:4]).split()
    assert words == ["Councillor", "Dev", "Okonjo"]  # whole words, in order: no 'Councillo' + 'r'


async def test_empty_list_says_so(host_cls, screen_text):
    app, speakers = await mounted(host_cls)
    async with app.run_test(size=(60, 12)) as pilot:
        speakers.set_rows([])
        await pilot.pause()
        assert "No quotes found" in screen_text(app)
        await pilot.press("r", "m", "enter")
        await pilot.pause()
        assert app.received == [] and app.screen is app.screen_stack[0]


async def test_cursor_keys_post_highlighted_and_enter_selected(host_cls):
    app, speakers = await mounted(host_cls)
    async with app.run_test() as pilot:
        speakers.set_rows(ROWS)
        speakers.focus()
        await pilot.pause()
        await pilot.press("j", "j", "k", "down", "enter")
        await pilot.pause()
    assert [m.speaker_id for m in of(app, SpeakerList.Highlighted)] == [3, 9, 3, 9]
    assert [m.speaker_id for m in of(app, SpeakerList.Selected)] == [9]


async def test_r_opens_rename_and_posts_renamed_with_the_id(host_cls):
    app, speakers = await mounted(host_cls)
    async with app.run_test() as pilot:
        speakers.set_rows(ROWS)
        speakers.focus()
        await pilot.press("down", "r")
        await pilot.pause()
        assert isinstance(app.screen, RenameSpeaker)
        await pilot.press(*"J. Smith", "enter")  # the old name starts selected
        await pilot.pause()
    renamed = of(app, SpeakerList.Renamed)
    assert [(m.speaker_id, m.new_name) for m in renamed] == [(3, "J. Smith")]


async def test_cancelled_rename_posts_nothing(host_cls):
    app, speakers = await mounted(host_cls)
    async with app.run_test() as pilot:
        speakers.set_rows(ROWS)
        speakers.focus()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert of(app, SpeakerList.Renamed) == []


async def test_m_offers_the_other_speakers_and_posts_merged(host_cls):
    app, speakers = await mounted(host_cls)
    async with app.run_test() as pilot:
        speakers.set_rows(ROWS)
        speakers.focus()
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, SpeakerPicker)
        assert picker.names == ["John Smith", "Mayor Ana Ruiz"]  # not itself, not "Unattributed"
        await pilot.press(*"ruiz", "enter")
        await pilot.pause()
    merged = of(app, SpeakerList.Merged)
    assert [(m.source_id, m.target_id) for m in merged] == [(7, 9)]


async def test_unattributed_row_cannot_be_renamed_or_merged(host_cls):
    app, speakers = await mounted(host_cls)
    async with app.run_test() as pilot:
        speakers.set_rows(ROWS)
        speakers.focus()
        await pilot.press("end", "r", "m")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
    assert of(app, SpeakerList.Renamed) == of(app, SpeakerList.Merged) == []


async def test_set_rows_keeps_the_cursor_on_the_same_speaker(host_cls):
    app, speakers = await mounted(host_cls)
    async with app.run_test() as pilot:
        speakers.set_rows(ROWS)
        speakers.focus()
        await pilot.press("down", "down")
        await pilot.pause()
        assert speakers.current_row.id == 9
        speakers.set_rows([ROWS[2], ROWS[0]])  # after a merge the order changed
        await pilot.pause()
        assert speakers.current_row.id == 9
