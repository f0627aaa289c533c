from __future__ import annotations

from tui.app.components.annotation_list import AnnotationList, AnnotationRow
from tui.app.components.speaker_list import SpeakerList, SpeakerRow


async def test_footer_shows_the_focused_panes_main_keys(host_cls, screen_text):
    speakers, annotations = SpeakerList(), AnnotationList()
    app = host_cls(speakers, annotations)
    async with app.run_test(size=(120, 24)) as pilot:
        speakers.set_rows([SpeakerRow(1, "Ann", 1, "#E69F00"), SpeakerRow(2, "Bo", 1, "#56B4E9")])
        annotations.set_rows([AnnotationRow("1", 0, "words", "", (), None, None, "anchored")])
        speakers.focus()
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "Rename" in footer and "Merge" in footer
        annotations.focus()
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        for label in ("Edit", "Delete", "Undo", "Filter"):
            assert label in footer
        assert "Clear filter" not in footer  # only while a filter is on
        await pilot.press("slash", "x")
        await pilot.pause()
        assert "Clear filter" in screen_text(app).splitlines()[-1]
