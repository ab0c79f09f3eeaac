"""Reading an AppTest result the way a user reads the page."""

from __future__ import annotations

import json


def assert_clean(at) -> None:
    """No traceback and no error box on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def texts(at) -> str:
    """Every title, header, markdown, caption, info and warning text, joined."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def decks(at) -> list[dict]:
    """The deck.gl specs of every map on the page."""
    return [json.loads(e.proto.json) for e in at.get("deck_gl_json_chart")]


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def table(at, index: int = 0):
    return at.dataframe[index].value
