"""The benchmark: load, setup, turn and memory costs of generated scenarios of growing size.

`python main.py bench [--json] [--quick]` prints one row per size (county, city, province;
see game.generate.SHAPES), then the time of a whole 12-turn county game and of scoring it.
Each size is measured in a fresh child process, so that its peak memory is its own.
The goals stand beside the figures; timings are reported here, never asserted in tests.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.generate import QUICK_SHAPES, SHAPES, Shape, generate_scenario, scenario_yaml

if TYPE_CHECKING:
    from game.engine.game import Game
    from game.scenario.models import Scenario

SEED = 0
#: The goals of the performance issue.
ROOT = Path(__file__).resolve().parent.parent

GOALS = {
    "county_turn_ms": 20.0,
    "province_turn_ms": 2000.0,
    "county_game_s": 0.5,
    "scoring_share": 0.10,
}
_TURN_GOALS = {"county": GOALS["county_turn_ms"], "province": GOALS["province_turn_ms"]}
#: (header, key, format) of each column of the size table.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("size", "size", "{}"),
    ("units", "units", "{:d}"),
    ("carriers", "carriers", "{:d}"),
    ("YAML KB", "yaml_kb", "{:.0f}"),
    ("load s", "load_s", "{:.3f}"),
    ("setup s", "setup_s", "{:.3f}"),
    ("turn ms", "turn_ms", "{:.1f}"),
    ("peak MB", "peak_mb", "{:.1f}"),
    ("load/unit", "load_per_unit", "{:.2f}"),
    ("turn/unit", "turn_per_unit", "{:.2f}"),
    ("mem/unit", "mem_per_unit", "{:.2f}"),
    ("turn goal", "goal", "{}"),
    ("met", "met", "{}"),
)


def _rss_mb() -> float:
    """The process's peak resident memory so far, in MB (ru_maxrss: KB on Linux, B on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024.0 * 1024.0) if sys.platform == "darwin" else peak / 1024.0


def _current_rss_mb() -> float:
    """The process's resident memory now, in MB (Linux); its peak so far elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return _rss_mb()
    return pages * resource.getpagesize() / (1024.0 * 1024.0)


def _best_of(repeats: int, action: Callable[[], Any]) -> tuple[float, Any]:
    """The shortest of `repeats` timed runs of `action`, and the last run's result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def measure_size(name: str, shape: Shape, repeats: int) -> dict[str, Any]:
    """Load, set up and play one generated scenario with every seat a bot.

    Meant to run in a fresh process: `peak_mb` is how far its peak memory rose above what
    it held after a warm-up game.

    Args:
        name: the size's name, for the report.
        shape: the hierarchy to generate.
        repeats: how many times to time the load and the game (the best counts).

    Returns:
        The row of the size table, before the per-unit ratios.
    """
    _warm_up()
    gc.collect()
    base_mb = _current_rss_mb()
    generated = generate_scenario(shape, seed=SEED)
    text = scenario_yaml(generated)
    load_s, load_error, scenario = _load(text, generated, name, repeats)
    del generated
    setup_s, play_s, game = _best_of_games(scenario, repeats)
    return {
        "size": name,
        "units": len(scenario.units),
        "carriers": shape.carrier_count(),
        "yaml_kb": len(text.encode("utf-8")) / 1024.0,
        "load_s": load_s,
        "load_error": load_error,
        "setup_s": setup_s,
        "turns": game.turn,
        "turn_ms": 1000.0 * play_s / max(1, game.turn),
        "events": len(game.log),
        "peak_mb": max(0.0, _rss_mb() - base_mb),
    }


def _load(
    text: str, generated: Scenario, name: str, repeats: int
) -> tuple[float | None, str, Scenario]:
    """Time parse_scenario on the text: (seconds, "", loaded), or (None, why, generated)."""
    from game.scenario.loader import ScenarioError, parse_scenario

    try:
        load_s, scenario = _best_of(repeats, lambda: parse_scenario(text, f"<{name}>"))
    except ScenarioError as err:
        # Still measure the engine: play the generated scenario the loader refused.
        return None, str(err.problems[0]), generated
    return load_s, "", scenario


def _best_of_games(scenario: Scenario, repeats: int) -> tuple[float, float, Game]:
    """Shortest setup and shortest play of `repeats` whole bot games, and the last game."""
    from game.engine.game import Game

    best_setup = best_play = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        game = Game(scenario, seed=SEED)
        middle = time.perf_counter()
        game.run_to_end()
        best_setup = min(best_setup, middle - start)
        best_play = min(best_play, time.perf_counter() - middle)
    return best_setup, best_play, game


def _warm_up() -> None:
    """Play a tiny game first, so that lazy imports and caches are not timed."""
    from game.headless import play_game

    tiny = Shape("county", townships=2, villages=1)
    play_game(generate_scenario(tiny, seed=SEED), SEED, None, None)


def _in_child(name: str, shape: Shape, repeats: int) -> dict[str, Any]:
    """Run `measure_size` in a new process of its own."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(measure_size, name, shape, repeats).result()


def add_ratios(rows: list[dict[str, Any]], quick: bool) -> None:
    """Per-unit costs relative to the first row (1.0 everywhere means linear growth)."""
    first = rows[0]
    for row in rows:
        for key, figure in (("load_per_unit", "load_s"), ("turn_per_unit", "turn_ms"),
                            ("mem_per_unit", "peak_mb")):
            if row[figure] is None or not first[figure]:
                row[key] = None
                continue
            row[key] = (row[figure] / row["units"]) / (first[figure] / first["units"])
        goal = _TURN_GOALS.get(row["size"])
        row["goal"] = f"< {goal:g} ms" if goal is not None else "-"
        row["met"] = _met(row["turn_ms"] < goal if goal is not None else None, quick)


def _met(ok: bool | None, quick: bool) -> str:
    if ok is None:
        return "-"
    if quick:
        return "(quick)"
    return "yes" if ok else "NO"


def measure_county_game(shape: Shape, repeats: int) -> dict[str, Any]:
    """Time a whole bot game on the county, and scoring it when the scoring package exists."""
    from game.headless import play_game

    scenario = generate_scenario(shape, seed=SEED)
    play_s, game = _best_of(repeats, lambda: play_game(scenario, SEED, None, None))
    result: dict[str, Any] = {
        "turns": game.turn,
        "play_s": play_s,
        "goal_s": GOALS["county_game_s"],
        "met": play_s < GOALS["county_game_s"],
        "scoring": {"available": False, "score_s": None, "share_of_play": None,
                    "goal_share": GOALS["scoring_share"], "met": None},
    }
    score_game = _score_function()
    if score_game is not None:
        # At least twice: the first call may load and check the rule file.
        score_s, _ = _best_of(max(2, repeats), lambda: score_game(game))
        share = score_s / play_s
        result["scoring"].update(available=True, score_s=score_s, share_of_play=share,
                                 met=share < GOALS["scoring_share"])
    return result


def _score_function() -> Callable[[Any], Any] | None:
    try:
        from game.scoring.report import score_game
    except ImportError:
        return None
    return score_game


def bench_results(quick: bool) -> dict[str, Any]:
    """Every figure of the benchmark as JSON-ready data."""
    shapes = QUICK_SHAPES if quick else SHAPES
    rows = []
    for name, shape in shapes.items():
        print(f"bench: measuring {name} ({shape.unit_count()} units)...", file=sys.stderr)
        rows.append(_in_child(name, shape, 1 if quick or name != "county" else 3))
    add_ratios(rows, quick)
    print("bench: measuring the window...", file=sys.stderr)
    return {
        "quick": quick,
        "seed": SEED,
        "goals": dict(GOALS),
        "sizes": rows,
        "county_game": measure_county_game(shapes["county"], 1 if quick else 3),
        "window": measure_window(quick),
        "workshop": measure_workshop_row(quick),
    }


#: The workshop row: (scenario, tables, human seats per table), full and --quick.
WORKSHOP = {
    False: ("double_rice", 15, ["county_agri", "beiyuan", "hukou", "shuangfeng"]),
    True: ("tutorial", 2, ["county_agri", "hexi"]),
}


def measure_workshop_row(quick: bool) -> dict[str, Any]:
    """Simulated participants over loopback against a real host (game.workshop.loadtest)."""
    from game.workshop.loadtest import measure_workshop

    name, tables, seats = WORKSHOP[quick]
    print(f"bench: measuring the workshop ({tables} tables x {len(seats)} people)...",
          file=sys.stderr)
    result = measure_workshop(ROOT / "scenarios" / f"{name}.yaml", tables, seats)
    result["scenario"] = name
    return result


def _window_figure(what: str) -> dict[str, Any]:
    """One measure of game.ui.bench_ui, in a fresh process with an offscreen screen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "game.ui.bench_ui", what, repr(time.time())],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure_window(quick: bool) -> dict[str, Any]:
    """Start-up against a bare PySide6 window (best of three each), ending a double_rice
    turn in the window, and the map of a generated province (skipped with --quick)."""
    bare = min(_window_figure("bare").get("seconds", float("inf")) for _ in range(3))
    runs = [_window_figure("startup") for _ in range(3)]
    startup = min(run.get("seconds", float("inf")) for run in runs)
    listed = min(run.get("library_seconds", float("inf")) for run in runs)
    end_turn = _window_figure("end_turn")
    result: dict[str, Any] = {
        "bare_s": bare,
        "startup_s": startup,
        "startup_ratio": startup / bare if bare else None,
        "library_listed_s": listed,
        "end_turn": end_turn,
        "province_map": None if quick else _window_figure("province_map"),
    }
    return result


def render_table(results: dict[str, Any]) -> str:
    """The benchmark as an aligned text table with its goals."""
    cells = [[header for header, _, _ in COLUMNS]]
    for row in results["sizes"]:
        cells.append([_cell(fmt, row.get(key)) for _, key, fmt in COLUMNS])
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = [_title(results)]
    for line in cells:
        first = line[0].ljust(widths[0])
        lines.append("  ".join([first, *(c.rjust(w) for c, w in zip(line[1:], widths[1:],
                                                                     strict=True))]))
    lines.extend(f"{row['size']}: the loader refused the YAML text ({row['load_error']}); "
                 "the generated Scenario was played instead"
                 for row in results["sizes"] if row.get("load_error"))
    lines.append("")
    lines.extend(_game_lines(results))
    lines.extend(_window_lines(results))
    lines.extend(_workshop_lines(results))
    lines.append("")
    lines.append("load: YAML text -> validated Scenario (parse_scenario); setup: Game(...) with "
                 "turn 1's directives; turn: mean of the advance() loop over the whole game;")
    lines.append("peak MB: the child process's peak RSS above its RSS after a warm-up game; "
                 "x/unit: cost per unit relative to the first row (1.00 = linear growth).")
    return "\n".join(lines)


def _title(results: dict[str, Any]) -> str:
    mode = "quick sizes (goals apply to the full sizes)" if results["quick"] else "full sizes"
    return (f"Benchmark: generated scenarios, {mode}, seed {results['seed']}, every seat a bot")


def _cell(fmt: str, value: Any) -> str:
    return "n/a" if value is None else fmt.format(value)


def _game_lines(results: dict[str, Any]) -> list[str]:
    game, quick = results["county_game"], results["quick"]
    scoring = game["scoring"]
    lines = [f"full {game['turns']}-turn county game   {game['play_s']:.3f} s   goal "
             f"< {game['goal_s']:g} s   met: {_met(game['met'], quick)}"]
    if scoring["available"]:
        lines.append(f"scoring that game           {scoring['score_s']:.3f} s   "
                     f"{100 * scoring['share_of_play']:.1f}% of play   goal < "
                     f"{100 * scoring['goal_share']:.0f}% of play   met: "
                     f"{_met(scoring['met'], quick)}")
    else:
        lines.append(f"scoring that game           n/a   goal < {100 * scoring['goal_share']:.0f}"
                     "% of play   (game.scoring.report.score_game is not available)")
    return lines


def _window_lines(results: dict[str, Any]) -> list[str]:
    window, quick = results.get("window"), results["quick"]
    if not window:
        return []
    ratio = window["startup_ratio"]
    lines = [f"window start-up            {window['startup_s']:.2f} s to the painted start "
             f"screen   bare PySide6 window {window['bare_s']:.2f} s   ratio {ratio:.2f}   "
             f"goal < 3x   met: {_met(ratio is not None and ratio < 3, False)}",
             f"scenario library listed    {window['library_listed_s']:.2f} s (read just after "
             f"the first paint)"]
    turn = window["end_turn"]
    if "error" in turn:
        lines.append(f"ending a double_rice phase  n/a ({turn['error']})")
    else:
        lines.append(f"ending a double_rice phase  max {turn['max_ms']:.0f} ms   mean "
                     f"{turn['mean_ms']:.0f} ms (engine, bots and repaint)   goal < 100 ms   "
                     f"met: {_met(turn['max_ms'] < 100, False)}")
    board = window.get("province_map")
    if board and "error" not in board:
        lines.append(f"province map ({board['units']} units)  opens in {board['open_s']:.2f} s"
                     f"   a pan step repaints in {board['pan_max_ms']:.0f} ms at most")
    elif board:
        lines.append(f"province map               n/a ({board['error']})")
    elif quick:
        lines.append("province map               (skipped with --quick)")
    return lines


def _workshop_lines(results: dict[str, Any]) -> list[str]:
    row = results.get("workshop")
    if not row:
        return []
    if "error" in row:
        return [f"workshop                   n/a ({row['error']})"]
    p95, goal = row["rtt_p95_ms"], row["p95_goal_ms"]
    met = _met(p95 is not None and p95 < goal and row["recorded_once"], results["quick"])
    return [
        f"workshop ({row['participants']} people, {row['tables']} tables of "
        f"{row['scenario']}, loopback)  move round trip median {row['rtt_median_ms']:.0f} ms"
        f"   p95 {p95:.0f} ms   goal < {goal:g} ms   met: {met}",
        f"  {row['moves']} moves, every one recorded once: "
        f"{'yes' if row['recorded_once'] else 'NO'}   host CPU {100 * row['host_cpu_share']:.0f}% "
        f"of a core   clients {100 * row['clients_cpu_share']:.0f}%   record "
        f"{row['record_kb']:.0f} KB   machine load {row['load_average']:.1f} on "
        f"{row['cores']} cores{_waited(row)}"]


def _waited(row: dict[str, Any]) -> str:
    share = row.get("host_waited_share")
    return "" if share is None else f"   host waited for a core {100 * share:.0f}% of the time"


def run_bench(as_json: bool, quick: bool) -> int:
    """Measure and print the benchmark (`python main.py bench [--json] [--quick]`).

    Args:
        as_json: print JSON instead of the table.
        quick: small sizes, for a smoke test in a couple of seconds.

    Returns:
        The exit code: 0 (missed goals show in the output, they are not errors).
    """
    results = bench_results(quick)
    if as_json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(render_table(results))
    return 0
