"""The larger parts of a seat's view, sent on a connection only when they changed.

A host's table keeps each seat's view between two sends (`game.workshop.table.Table.view`);
a part equal to the last one is that very object (`same_parts`), so the host sees by identity
what a connection has already (`unsent`) and leaves it out of the `ViewMessage` (`kept`,
`reports_from`); the client puts the whole view together again from its last one (`whole`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.workshop.protocol import ViewMessage
from game.workshop.seat_view import SeatView

if TYPE_CHECKING:
    from game.workshop.gate import Connection

#: The parts of a seat's view a host sends a connection only when they changed (the client
#: keeps the last it had): the public directory, and the parts built from the game. The
#: history is sent in pieces (`game.workshop.protocol.ViewMessage`).
KEPT_PARTS = ("directory", "notes", "map", "history", "debrief")


def same_parts(view: SeatView, last: SeatView | None) -> SeatView:
    """`view`, with each part of `KEPT_PARTS` that equals the one of `last` taken from `last`
    (the same object: a host compares what it sent by identity). The history's series and
    finished reports are the builder's own kept objects already."""
    if last is None:
        return view
    update: dict[str, Any] = {name: getattr(last, name) for name in ("notes", "map", "debrief")
              if name in SeatView.model_fields and getattr(view, name) is not None
              and getattr(view, name) == getattr(last, name)}
    return view.model_copy(update=update) if update else view


def unsent(view: SeatView, connection: Connection) -> tuple[SeatView, list[str], int]:
    """The view as a connection is sent it: the parts it was sent already and that did not
    change since left out (`ViewMessage.kept`), the history's finished reports it has left
    out (`ViewMessage.reports_from`). Notes what the connection now has."""
    sent = connection.parts
    update: dict[str, Any] = {}
    kept: list[str] = []
    for name in KEPT_PARTS:
        part = getattr(view, name, None)
        if part is None:
            continue
        if name == "history":
            continue
        if sent.get(name) is part or (name == "directory" and name in sent):
            update[name], kept = None, [*kept, name]
        else:
            sent[name] = part
    reports_from = 0
    history = getattr(view, "history", None)
    if history is not None:
        last = sent.get("reports", [])
        series_kept = sent.get("series") is history.series
        if series_kept and len(last) == len(history.reports) and all(
                a is b for a, b in zip(last, history.reports, strict=True)):
            update["history"], kept = None, [*kept, "history"]
        else:
            # Reports of finished turns never change: the client has those it was sent.
            reports_from = min(connection.reports_sent, len(history.reports))
            if series_kept:
                kept.append("series")
            update["history"] = history.model_construct(
                series=type(history.series)() if series_kept else history.series,
                reports=history.reports[reports_from:])
        sent["series"], sent["reports"] = history.series, list(history.reports)
        connection.reports_sent = sum(1 for r in history.reports
                                      if r.turn < view.turn and not view.over)
    return (view.model_copy(update=update) if update else view), kept, reports_from


def whole(message: ViewMessage, old: SeatView | None) -> SeatView:
    """The seat's whole view from a view message and the client's last view: the documents
    and the history's reports it had before the message's, and the parts it says to keep."""
    view = message.view
    update: dict[str, Any] = {"documents": [*(old.documents[:message.inbox_from] if old else []),
                                            *view.documents]}
    for name in message.kept:
        if name in ("series",) or old is None:
            continue
        update[name] = getattr(old, name, None)
    history = getattr(view, "history", None)
    had = getattr(old, "history", None)
    if history is not None and had is not None:
        update["history"] = history.model_construct(
            series=had.series if "series" in message.kept else history.series,
            reports=[*had.reports[:message.reports_from], *history.reports])
    return view.model_copy(update=update)


