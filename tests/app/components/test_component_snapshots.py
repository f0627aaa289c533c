"""How the components look: SVG snapshots (regenerate with ``pytest --snapshot-update`` and review)."""

from __future__ import annotations

from textual.containers import Horizontal

from tui.app.components.annotation_editor import AnnotationEditor
from tui.app.components.annotation_list import AnnotationList, AnnotationRow
from tui.app.components.help_screen import HelpScreen, describe_bindings
from tui.app.components.speaker_list import SpeakerList, SpeakerRow
from tui.app.palette import UNATTRIBUTED, speaker_color

SPEAKERS = [
    SpeakerRow(0, "Mayor Ana Ruiz", 6, speaker_color(0)),
    SpeakerRow(1, "[bold]Dr. Okafor[/bold]", 3, speaker_color(1)),
    SpeakerRow(2, "The council", 1, speaker_color(2)),
    SpeakerRow(None, "(unattributed)", 2, UNATTRIBUTED),
]
ANNOTATIONS = [
    AnnotationRow("a", 120, "We will rebuild the bridge by spring, whatever the cost turns out to be.",
                  "check the budget [@click=app.quit]", ("infrastructure", "promise"), "yellow", "Mayor Ana Ruiz",
                  "anchored"),
    AnnotationRow("b", 20, "Nobody asked the residents.", "", ("a [/bold] b",), None, "Dr. Okafor", "moved"),
    AnnotationRow("c", None, "A sentence that was edited away.", "remember this", (), "pink", None, "orphan"),
]


def panes_app(host_cls):
    speakers, annotations = SpeakerList(), AnnotationList()
    speakers.styles.width = 30
    annotations.styles.width = 40

    async def fill(pilot):
        speakers.set_rows(SPEAKERS)
        annotations.set_rows(ANNOTATIONS)
        annotations.focus()
        await pilot.pause()

    return host_cls(Horizontal(speakers, annotations)), fill


def test_panes_snapshot(host_cls, snap_compare):
    app, fill = panes_app(host_cls)
    assert snap_compare(app, terminal_size=(72, 16), run_before=fill)


def test_editor_snapshot(host_cls, snap_compare):
    app = host_cls()

    async def open_editor(pilot):
        app.open(AnnotationEditor("“We will rebuild the bridge by spring,” she said. [sic]", note="check the budget",
                                  tags=("promise",), color="green", known_tags=("infrastructure",)))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 26), run_before=open_editor)


def test_help_snapshot(host_cls, snap_compare):
    app = host_cls()

    async def open_help(pilot):
        app.open(HelpScreen([("Speakers", describe_bindings(SpeakerList.BINDINGS)),
                             ("Annotations", describe_bindings(AnnotationList.BINDINGS))]))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 30), run_before=open_help)
