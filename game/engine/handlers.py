"""The table of every move kind's check and effect."""

from __future__ import annotations

from game.engine import talk_down, talk_inside, talk_up
from game.engine.talk import Apply, Check

HANDLERS: dict[str, tuple[Check, Apply]] = {
    **talk_up.HANDLERS,
    **talk_down.HANDLERS,
    **talk_inside.HANDLERS,
}
