"""Every key of the reader in one table: it builds the BINDINGS and the help screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

from .palette import HIGHLIGHTS


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma-separated
    action: str  # action name, or "" for keys handled by a pane component
    description: str
    context: str  # "app", "article", "visual", "speakers", "annotations"
    show: bool = False  # shown in the footer
    label: str = ""  # how the help screen writes the keys (defaults to ``keys``)
    short: str = ""  # the footer's word for it (defaults to the description)
    priority: bool = False  # checked before the focused widget sees the key (see Binding.priority)


KEYMAP: tuple[Key, ...] = (
    Key("q", "quit", "Quit (saves the reading position)", "app", show=True, short="Quit"),
    Key("question_mark", "help", "Help: every key", "app", show=True, label="?", short="Help"),
    Key("tab", "focus_next", "Next pane", "app", label="Tab"),
    Key("L", "library", "Library: documents read before (open, forget, sort, filter)", "app"),
    Key("P", "library_speakers", "Speakers across the library: every quotation, by date; Enter opens it", "app"),
    Key("V", "share_of_voice", "Share of voice: who is quoted, and how much", "app"),
    Key("x", "export", "Export: Markdown, CSV or W3C annotations, into the current folder", "app"),
    Key("y", "copy_quote", "Copy the current quotation with its citation", "app"),
    Key("shift+tab", "focus_previous", "Previous pane", "app", label="Shift+Tab"),
    # a priority key: what is typed right after it (a burst, a paste) already goes to the prompt
    Key("slash", "search", "Search the article and the annotations' notes and tags", "app", show=True,
        label="/", short="Search", priority=True),
    Key("n", "search_next", "Next match (wraps round)", "app"),
    Key("N", "search_previous", "Previous match (wraps round)", "app"),
    Key("f", "focus_speaker", "Focus this quotation's speaker (f again: everyone)", "app", show=True,
        short="Focus"),
    Key("i", "evidence", "Why this speaker: the evidence for the current quotation", "app"),
    Key("escape", "clear", "Clear the search or the focus; close an open pane", "app", label="Esc"),
    Key("f2", "toggle_pane('speakers')", "Show or hide the speakers pane", "app", label="F2"),
    Key("f3", "toggle_pane('annotations')", "Show or hide the annotations pane", "app", label="F3"),
    Key("o,f4", "toggle_pane('outline')", "Show or hide the outline (headings, chapters)", "app",
        label="o / F4"),
    Key("backslash", "toggle_panes", "Show or hide both side panes", "app", label="\\"),
    Key("ctrl+t", "toggle_dark", "Switch between the light and the dark theme", "app", label="Ctrl+T"),
    Key("j,down", "cursor_down", "Down a line", "article", label="j / ↓"),
    Key("k,up", "cursor_up", "Up a line", "article", label="k / ↑"),
    Key("h,left", "cursor_left", "Back a character", "article", label="h / ←"),
    Key("l,right", "cursor_right", "Forward a character", "article", label="l / →"),
    Key("pagedown,space", "page_down", "Page down", "article", label="PgDn / Space"),
    Key("pageup", "page_up", "Page up", "article", label="PgUp"),
    Key("g,home", "top", "Top of the article", "article", label="g / Home"),
    Key("G,end", "bottom", "End of the article", "article", label="G / End"),
    Key("right_square_bracket", "next_quote", "Next quotation", "article", show=True, label="]", short="Next quote"),
    Key("left_square_bracket", "previous_quote", "Previous quotation", "article", show=True, label="[", short="Prev quote"),
    Key("v", "visual", "Start / stop a selection", "article", show=True, short="Select"),
    Key("a", "annotate", "Annotate the selection, quotation or paragraph", "article", show=True,
        short="Annotate"),
    *(Key(str(n), f"highlight({n})", f"Highlight {name} at once (no note); same range again: change colour",
          "article") for n, name in enumerate(HIGHLIGHTS, start=1)),
    Key("s", "reassign", "Change the speaker of this quotation", "article", show=True, short="Speaker"),
    Key("w", "word_forward", "Next word (extends a selection)", "visual"),
    Key("b", "word_backward", "Previous word", "visual"),
    Key("right_parenthesis", "sentence_forward", "Next sentence", "visual", label=")"),
    Key("left_parenthesis", "sentence_backward", "Previous sentence", "visual", label="("),
    Key("right_curly_bracket", "paragraph_forward", "Next paragraph", "visual", label="}"),
    Key("left_curly_bracket", "paragraph_backward", "Previous paragraph", "visual", label="{"),
    Key("escape", "cancel", "Cancel the selection", "visual", label="Esc"),
)

SECTION_TITLES = {
    "app": "Everywhere",
    "article": "Article",
    "visual": "Moving and selecting (v starts a selection)",
    "annotations": "Annotations pane",
    "speakers": "Speakers pane",
}


def bindings(*contexts: str) -> list[BindingType]:
    """Textual bindings for the keys of ``contexts`` that the app or a view handles."""
    return [Binding(k.keys, k.action, k.short or k.description, show=k.show,
                    key_display=k.label or None, priority=k.priority)
            for k in KEYMAP if k.context in contexts and k.action]


def _keys_in(label: str) -> set[str]:
    return {part.strip() for chunk in label.split(",") for part in chunk.split(" or ") for part in part.split(" / ")}


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section title, [(keys, description)]) for the HelpScreen: the KEYMAP in table order (it
    makes the app's and the article's bindings), then the keys the panes and dialogs bind
    themselves, read from their BINDINGS: each key is written down once, where it is bound."""
    from .components.annotation_editor import AnnotationEditor
    from .components.annotation_list import AnnotationList
    from .components.color_row import ColorRow
    from .components.help_screen import describe_bindings, key_label
    from .components.outline_pane import OutlinePane
    from .components.rename_speaker import RenameSpeaker
    from .components.speaker_list import SpeakerList
    from .components.speaker_picker import SpeakerPicker

    sections: dict[str, list[tuple[str, str]]] = {}
    for k in KEYMAP:
        sections.setdefault(SECTION_TITLES[k.context], []).append((k.label or key_label(k.keys), k.description))

    def add(title: str, bindings: list, extra: tuple[tuple[str, str], ...] = ()) -> None:
        rows = sections.setdefault(title, [])
        listed = set().union(*(_keys_in(key) for key, _ in rows)) if rows else set()
        for key, description in describe_bindings(bindings):
            same = next((i for i, (_, d) in enumerate(rows) if d == description), None)
            if same is not None:  # another widget's keys for the same thing share its row
                known = _keys_in(rows[same][0])
                new = [k for k in key.split(", ") if k not in known]
                if new:
                    rows[same] = (", ".join([rows[same][0], *new]), description)
            elif not _keys_in(key) <= listed:
                rows.append((key, description))
        rows.extend(extra)

    sections[SECTION_TITLES["article"]].append(("Mouse", "Click: cursor there; drag: select (then a annotates)"))
    add(SECTION_TITLES["annotations"], AnnotationList.BINDINGS)
    add(SECTION_TITLES["speakers"], SpeakerList.BINDINGS, (("f", "Focus this speaker's quotations"),))
    add("Outline (o)", OutlinePane.BINDINGS)
    add("Annotation editor", AnnotationEditor.BINDINGS)
    add("Annotation editor", ColorRow.BINDINGS,
        (("Tab", "Next field: note → tags → colours (1–5 work on the colours)"), ("→ in Tags", "Complete a tag")))
    add("Choosing a speaker (s, m)", SpeakerPicker.BINDINGS, (("Enter", "Choose (or a new name)"),))
    add("Renaming a speaker (r)", RenameSpeaker.BINDINGS, (("Enter", "Rename"),))
    return list(sections.items())
