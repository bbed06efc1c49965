"""Forged, malformed, oversize, replayed and wrong-token messages are refused, logged, and
change nothing: not the game's snapshot, not the record, not the seat's sequence number."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.moves import SplitQuota
from game.workshop.client import JoinError, WorkshopClient
from game.workshop.gate import Connection, TokenBucket
from game.workshop.host import WorkshopHost
from game.workshop.protocol import MAX_CLIENT_MESSAGE, ProtocolError, parse_client
from game.workshop.record import Record
from tests.workshop.helpers import SEATS, hosted, run, tutorial

HIGH_SEQ = 1000


class Desk:
    """A host's message checks without the network: two bound connections."""

    def __init__(self, path: Path) -> None:
        self.record = Record(path)
        self.host = WorkshopHost(tutorial(), self.record, 1, SEATS, seed=2)
        self.code = {seat: code for _, seat, code in self.host.codes()}
        self.connection = {seat: Connection(None) for seat in SEATS}
        for seat in SEATS:
            self.send(seat, {"v": 1, "seq": 0, "kind": "hello", "token": self.code[seat]})
            self.send(seat, self.envelope(seat, "ping", HIGH_SEQ))
            self.replies(seat)
        self.table = self.host.tables[1]

    def envelope(self, seat: str, kind: str, seq: int, **extra: Any) -> dict[str, Any]:
        return {"v": 1, "seq": seq, "kind": kind, "token": self.code[seat], "seat": seat,
                **extra}

    def send(self, seat: str, message: dict[str, Any] | str | bytes) -> None:
        raw = message if isinstance(message, str | bytes) else json.dumps(message)
        self.host.receive(self.connection[seat], raw)

    def replies(self, seat: str) -> list[dict[str, Any]]:
        queue: asyncio.Queue[str | None] = self.connection[seat].queue
        found = []
        while not queue.empty():
            text = queue.get_nowait()
            if text is not None:
                found.append(json.loads(text))
        return found

    def state(self) -> tuple[Any, ...]:
        seats = {s.seat: s.last_seq for s in self.host.seats.values()}
        return self.table.game.snapshot(), len(self.record.acts(1)), seats

    def legit_split(self) -> dict[str, Any]:
        stake = next(s for s in self.table.view("county_agri").stakes if s.task == "reclaim")
        shares = {s.unit: s.suggested for s in stake.subordinates}
        return SplitQuota(task="reclaim", shares=shares).model_dump(mode="json")


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Desk:
    return Desk(tmp_path_factory.mktemp("desk") / "session.sqlite")


def _refused_and_unchanged(desk: Desk, seat: str, raw: dict[str, Any] | str | bytes) -> None:
    before = desk.state()
    desk.send(seat, raw)
    replies = desk.replies(seat)
    assert replies and all(r["kind"] in ("refusal", "error") for r in replies), replies
    assert desk.state() == before


def test_the_legit_split_would_be_accepted(tmp_path: Path) -> None:
    """The forgeries below carry a move the bureau may really make (else they prove little)."""
    fresh = Desk(tmp_path / "s.sqlite")
    fresh.send("county_agri", fresh.envelope("county_agri", "move", HIGH_SEQ + 1,
                                             move=fresh.legit_split()))
    assert [r["kind"] for r in fresh.replies("county_agri")] == ["events", "view"]
    assert len(fresh.record.acts(1)) == 1


SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12)


@SETTINGS
@given(raw=st.binary(max_size=200) | st.text(max_size=200))
def test_garbage_is_refused(desk: Desk, raw: bytes | str) -> None:
    _refused_and_unchanged(desk, "county_agri", raw)


@SETTINGS
@given(kind=st.sampled_from(["move", "end_phase", "ping", "bye", "nonsense"]),
       fields=st.dictionaries(st.sampled_from(["v", "seq", "token", "seat", "move", "turn",
                                               "phase", "extra"]), json_values, max_size=6))
def test_malformed_messages_are_refused(desk: Desk, kind: str, fields: dict[str, Any]) -> None:
    message = {"kind": kind, **fields}
    try:
        parse_client(json.dumps(message))
    except ProtocolError:
        _refused_and_unchanged(desk, "county_agri", message)


@SETTINGS
@given(seq=st.integers(HIGH_SEQ + 1, 2**40), token=st.text(min_size=1, max_size=32))
def test_a_move_with_a_wrong_token_is_refused(desk: Desk, seq: int, token: str) -> None:
    if token == desk.code["county_agri"]:
        return
    message = desk.envelope("county_agri", "move", seq, move=desk.legit_split())
    _refused_and_unchanged(desk, "county_agri", {**message, "token": token})


@SETTINGS
@given(seq=st.integers(HIGH_SEQ + 1, 2**40), use_their_token=st.booleans())
def test_a_move_for_another_seat_is_refused(desk: Desk, seq: int, use_their_token: bool) -> None:
    """The township's connection sends the bureau's move, with its own code or the bureau's."""
    message = desk.envelope("county_agri", "move", seq, move=desk.legit_split())
    if not use_their_token:
        message["token"] = desk.code["hexi"]
    _refused_and_unchanged(desk, "hexi", message)


@SETTINGS
@given(seq=st.integers(0, HIGH_SEQ), kind=st.sampled_from(["move", "end_phase"]))
def test_a_replayed_message_is_refused(desk: Desk, seq: int, kind: str) -> None:
    extra = {"move": desk.legit_split()} if kind == "move" else {"turn": 1, "phase": "plan"}
    _refused_and_unchanged(desk, "county_agri", desk.envelope("county_agri", kind, seq, **extra))


@SETTINGS
@given(padding=st.integers(0, 4096), where=st.sampled_from(["move", "label"]))
def test_an_oversize_message_is_refused(desk: Desk, padding: int, where: str) -> None:
    filler = "x" * (MAX_CLIENT_MESSAGE + padding)
    if where == "move":
        message = desk.envelope("county_agri", "move", HIGH_SEQ + 5,
                                move={**desk.legit_split(), "task": filler})
    else:
        message = {"v": 1, "seq": 1, "kind": "hello", "token": desk.code["county_agri"],
                   "label": filler}
    _refused_and_unchanged(desk, "county_agri", message)


def test_not_a_number_is_refused(desk: Desk) -> None:
    text = json.dumps(desk.envelope("county_agri", "move", HIGH_SEQ + 7,
                                    move=desk.legit_split())).replace(f"{HIGH_SEQ + 7}", "NaN")
    _refused_and_unchanged(desk, "county_agri", text)


def test_a_message_before_hello_is_refused(desk: Desk) -> None:
    stranger = Connection(None)
    before = desk.state()
    desk.host.receive(stranger, json.dumps(desk.envelope("county_agri", "move", HIGH_SEQ + 9,
                                                         move=desk.legit_split())))
    assert json.loads(stranger.queue.get_nowait() or "{}")["code"] == "hello_first"
    assert desk.state() == before


def test_the_token_bucket_slows_a_flood_and_never_blocks_a_steady_client() -> None:
    bucket = TokenBucket(rate=10.0, burst=5.0)
    assert [bucket.take(0.0) for _ in range(5)] == [0.0] * 5
    assert bucket.take(0.0) == pytest.approx(0.1)
    assert bucket.take(0.0) == pytest.approx(0.2)
    steady = TokenBucket(rate=10.0, burst=5.0)
    assert all(steady.take(t / 10.0) == 0.0 for t in range(100))


async def _flood(path: Path) -> tuple[int, bool, int]:
    async with hosted(Record(path)) as (host, port):
        stranger = WorkshopClient(f"127.0.0.1:{port}", "AAA-AAA")
        with pytest.raises(JoinError, match="join code"):
            await stranger.connect()
        code = next(c for _, s, c in host.codes() if s == "hexi")
        client = WorkshopClient(f"127.0.0.1:{port}", code)
        await client.connect()
        replies = await asyncio.gather(*(client.ping() for _ in range(50)))
        oversize = await client.submit({"kind": "report_progress",
                                        "task": "x" * MAX_CLIENT_MESSAGE})
        after = await client.ping()
        await client.close()
        return sum(r.ok for r in replies), after.ok, len(oversize.code)


def test_a_flood_is_slowed_an_oversize_frame_refused_a_wrong_code_turned_away(
        tmp_path: Path) -> None:
    answered, still_there, refused = run(_flood(tmp_path / "flood.sqlite"))
    assert answered == 50
    assert still_there and refused


def test_a_fault_inside_the_host_is_refused_and_the_table_rebuilt_from_the_record(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fresh = Desk(tmp_path / "s.sqlite")
    broken, split = fresh.table, fresh.legit_split()

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug while drawing the view")

    broken.view = fail  # type: ignore[method-assign]
    fresh.send("county_agri", fresh.envelope("county_agri", "move", HIGH_SEQ + 1, move=split))
    replies = fresh.replies("county_agri")
    assert replies[-1]["kind"] == "refusal" and replies[-1]["code"] == "internal"
    rebuilt = fresh.host.tables[1]
    assert rebuilt is not broken
    assert rebuilt.game.log.to_json() == broken.game.log.to_json()  # the recorded move stands
    assert [a.kind for a in fresh.record.acts(1)] == ["move"]
    assert "a bug while drawing the view" in caplog.text


def test_a_refused_message_is_logged_with_its_reason(
        desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    message = desk.envelope("county_agri", "move", HIGH_SEQ + 11, move=desk.legit_split())
    message["token"] = desk.code["hexi"]  # the township's own code, the bureau's seat
    with caplog.at_level("WARNING", logger="game.workshop.host"):
        _refused_and_unchanged(desk, "hexi", message)
    assert "refused (seat) from table 1 seat hexi" in caplog.text
