"""The sheet of seat codes a facilitator prints and hands out: one card per human seat.

Each card says which table and which seat, the seat's join code (grouped as read aloud,
ABC-234), the address to type, and a QR code of the join link (segno; its modules given as a
matrix, so the window draws them as vector squares in the PDF and no image is scaled). The
paper itself is drawn by the window (`game.ui.workshop.console_sheet`); this module holds what
goes on it and no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

from game.scenario.models import Scenario


@dataclass(frozen=True)
class SeatCard:
    """One card of the sheet.

    Attributes:
        table: the table's number, from 1.
        seat: the seat's unit id.
        seat_zh, seat_en: the seat's name in both languages.
        label: the participant's label the facilitator chose ("" if none).
        code: the join code, six characters (shown as ABC-234).
        address: what to type in Game ▸ Join a workshop (host:port).
        link: the join link the QR code holds (ws://host:port/).
        qr: the QR code's modules, rows of booleans (True: dark), without the quiet zone.
    """

    table: int
    seat: str
    seat_zh: str
    seat_en: str
    label: str
    code: str
    address: str
    link: str
    qr: tuple[tuple[bool, ...], ...]

    @property
    def spoken_code(self) -> str:
        """The code as it is read aloud and printed: ABC-234."""
        half = len(self.code) // 2
        return f"{self.code[:half]}-{self.code[half:]}"


def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of `text` (error correction M) as rows of dark (True) and light modules,
    without the quiet zone (a printer leaves four modules' margin around it)."""
    code = segno.make(text, error="m", micro=False)
    return tuple(tuple(bool(cell) for cell in row)
                 for row in code.matrix_iter(scale=1, border=0))


def seat_cards(scenario: Scenario, codes: list[tuple[int, str, str]], address: str,
               port: int, labels: dict[tuple[int, str], str] | None = None) -> list[SeatCard]:
    """The cards of a session, in the order of `codes` (table by table).

    Args:
        scenario: the session's scenario (for the seats' names).
        codes: (table, seat, join code) of every human seat (`WorkshopHost.codes`).
        address: the host's address on the room's network (an IP address or a name).
        port: the host's port.
        labels: {(table, seat): participant label}.

    Raises:
        KeyError: a seat is not a unit of the scenario.
    """
    link = f"ws://{address}:{port}/"
    modules = qr_modules(link)  # one link for the whole room: drawn once
    cards = []
    for table, seat, code in codes:
        name = scenario.unit(seat).name
        cards.append(SeatCard(table, seat, name.zh, name.en or name.zh,
                              (labels or {}).get((table, seat), ""), code,
                              f"{address}:{port}", link, modules))
    return cards


__all__ = ["SeatCard", "qr_modules", "seat_cards"]
