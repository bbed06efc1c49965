"""A workshop session of three tables of the tutorial, one superior style each, played through
the host's table code (`Table`: every act committed to a real record file) by scripted
participants; for the comparison of tables (tests/workshop/test_compare*.py and
tests/ui/test_tables*.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from game.engine.game import Game
from game.engine.save import mechanics_digest
from game.policies import POLICIES, Hand
from game.workshop.record import Record, SessionInfo
from game.workshop.table import Table
from tests.workshop.helpers import ROOT, tutorial

SCENARIOS = ROOT / "scenarios"
#: The townships people hold; the county bureau above them is a computer official, so its
#: style (the table's superior style) is what tells the tables apart.
SEATS = ["hexi", "liutang"]
STYLES = {1: "communicative", 2: "mixed", 3: "pressure"}
SEED = 5
LABELS = {(1, "hexi"): "甲组·河西镇", (3, "liutang"): "丙组，柳塘乡"}
#: A facilitator's notice to table 2 at the start of turn 2 (an act that must replay too).
NOTICE = ("请各组注意时间。", "Mind the time, please.")


class TableHand(Hand):
    """A policy's hand whose moves go through the table (checked, then recorded)."""

    def __init__(self, table: Table, seat: str) -> None:
        super().__init__(table.game, seat)
        self.table = table

    def submit(self, move: object) -> bool:  # type: ignore[override]
        return self.table.submit(self.seat, move.model_dump(mode="json"), None).ok  # type: ignore[attr-defined]


def write_styles(path: Path, styles: dict[int, str]) -> None:
    """Note each table's superior style in the record, in the column the host keeps it in
    (`tables.superior_style`), adding the column to a record written before it existed."""
    db = sqlite3.connect(path)
    try:
        columns = {row[1] for row in db.execute("PRAGMA table_info(tables)")}
        if "superior_style" not in columns:
            db.execute("ALTER TABLE tables ADD COLUMN superior_style TEXT")
        db.executemany("UPDATE tables SET superior_style = ? WHERE id = ?",
                       [(style, number) for number, style in styles.items()])
        db.commit()
    finally:
        db.close()


def play_session(path: Path) -> dict[int, Table]:
    """Play the session into the record at `path`; the tables as they ended."""
    scenario = tutorial()
    record = Record(path)
    codes = {n: {s: f"T{n}{s[:3].upper()}" for s in SEATS} for n in STYLES}
    record.start_session(SessionInfo(scenario.id, "tutorial.yaml", mechanics_digest(scenario),
                                     SEED, list(SEATS), 60.0, "FACILITATE"), codes)
    for (number, seat), label in LABELS.items():
        record.participant(number, seat, label)
    tables = {}
    for number, style in STYLES.items():
        game = Game(scenario, seed=SEED, humans=SEATS, superior_style=style)  # type: ignore[arg-type]
        table = Table(number, game, list(SEATS), record=record)
        hands = [TableHand(table, seat) for seat in SEATS]
        while not game.over:
            noticed = any(act.kind == "notice" for act in record.acts(number))
            if number == 2 and (game.turn, game.phase) == (2, "plan") and not noticed:
                table.notice(*NOTICE)
            turn, phase = game.turn, game.phase
            for hand in hands:
                POLICIES["thoughtful"].act(hand)
            for seat in SEATS:
                table.end_phase(seat, turn, phase, None)
        tables[number] = table
    record.close()
    write_styles(path, STYLES)
    return tables
