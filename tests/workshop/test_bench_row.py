"""The bench's workshop row says what it measured, its goal, and how busy the machine was."""

from __future__ import annotations

from game.bench import _workshop_lines


def _row(**change: object) -> dict[str, object]:
    row = {"participants": 60, "tables": 15, "scenario": "double_rice", "moves": 600,
           "rtt_median_ms": 40.0, "rtt_p95_ms": 90.0, "p95_goal_ms": 100.0,
           "recorded_once": True, "host_cpu_share": 0.5, "clients_cpu_share": 0.3,
           "record_kb": 300.0, "load_average": 1.5, "cores": 2}
    return {**row, **change}


def test_the_row_meets_its_goal_only_under_100_ms_with_every_move_recorded_once() -> None:
    assert "met: yes" in _workshop_lines({"workshop": _row(), "quick": False})[0]
    assert "met: NO" in _workshop_lines({"workshop": _row(rtt_p95_ms=150.0),
                                         "quick": False})[0]
    lines = _workshop_lines({"workshop": _row(recorded_once=False), "quick": False})
    assert "met: NO" in lines[0] and "recorded once: NO" in lines[1]


def test_the_row_names_the_machine_load_and_a_failed_host() -> None:
    lines = _workshop_lines({"workshop": _row(), "quick": False})
    assert "60 people, 15 tables of double_rice" in lines[0]
    assert "machine load 1.5 on 2 cores" in lines[1] and "waited" not in lines[1]
    waited = _workshop_lines({"workshop": _row(host_waited_share=0.63), "quick": False})
    assert "host waited for a core 63% of the time" in waited[1]
    failed = _workshop_lines({"workshop": {"error": "port taken"}, "quick": False})
    assert failed == ["workshop                   n/a (port taken)"]
