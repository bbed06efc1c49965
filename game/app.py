"""The command line: no arguments opens the window; subcommands run the same engine headless."""

from __future__ import annotations

import argparse
import json
import locale
import os
import sys
from pathlib import Path
from typing import NoReturn

from game.scenario.loader import ScenarioError

SUPERIOR_CHOICES = ("communicative", "mixed", "pressure")
SUBORDINATE_CHOICES = ("honest", "mixed", "gaming")
#: `facilitate`'s commands (game.workshop.facilitator runs them).
FACILITATE_COMMANDS = ("pause", "resume", "broadcast", "inject", "timer", "end-phase",
                       "to-computer", "to-person", "status", "end")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def system_language() -> str:
    """'zh' or 'en' from the environment (LANGUAGE, LC_ALL, LANG), Chinese by default."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    code = locale.getlocale()[0] or ""
    return "en" if code.lower().startswith("en") else "zh"


def build_parser() -> argparse.ArgumentParser:
    """The command line's grammar."""
    parser = _Parser(prog="main.py", description="沟通式动员 — Communicative Mobilization")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    play = sub.add_parser("play", help="play every seat by computer and print the outcome")
    play.add_argument("scenario", help="scenario YAML file")
    play.add_argument("--seed", type=int, default=0)
    play.add_argument("--superior", choices=SUPERIOR_CHOICES)
    play.add_argument("--subordinate", choices=SUBORDINATE_CHOICES)
    play.add_argument("--compare-superior", choices=SUPERIOR_CHOICES, dest="compare")
    play.add_argument("--json", action="store_true", help="print JSON")
    play.add_argument("--lang", choices=("zh", "en"), default=None)
    play.add_argument("--seat", help="play this seat with a scripted --policy")
    play.add_argument("--policy", help="a policy of the tournament (game/policies.py)")
    validate = sub.add_parser("validate", help="check scenario files")
    validate.add_argument("files", nargs="+")
    sub.add_parser("schema", help="print the scenario language as JSON Schema")
    export = sub.add_parser("export", help="a saved game's or a workshop's records as CSV "
                            "with a codebook")
    export.add_argument("source", help="a saved game (.json) or a session's record (.db)")
    export.add_argument("--out", required=True, help="the folder to write")
    export.add_argument("--library", action="append", default=[],
                        help="another folder of scenarios the save may name")
    compare = sub.add_parser("compare", help="a workshop session's tables compared side by "
                             "side (from its record)")
    compare.add_argument("record", help="a session's record (.db)")
    compare.add_argument("--pdf", help="also write the comparison as a PDF for the room")
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
    compare.add_argument("--lang", choices=("zh", "en"), default=None)
    compare.add_argument("--library", action="append", default=[],
                         help="another folder of scenarios the record may name")
    balance = sub.add_parser("balance", help="many seeded bot games: spread of every indicator")
    balance.add_argument("scenario")
    balance.add_argument("--games", type=int, default=100)
    balance.add_argument("--jobs", type=int, default=0)
    balance.add_argument("--json", action="store_true")
    tour = sub.add_parser("tournament", help="every scripted policy in one seat, many seeds")
    tour.add_argument("scenario")
    tour.add_argument("--seat", required=True)
    tour.add_argument("--superior", choices=SUPERIOR_CHOICES)
    tour.add_argument("--subordinate", choices=SUBORDINATE_CHOICES)
    tour.add_argument("--seeds", type=int, default=20)
    tour.add_argument("--jobs", type=int, default=0)
    tour.add_argument("--json", action="store_true")
    tour.add_argument("--lang", choices=("zh", "en"), default=None)
    host = sub.add_parser("host", help="a workshop host on the local network (headless)")
    host.add_argument("scenario")
    host.add_argument("--tables", type=int, default=1)
    host.add_argument("--seats", required=True, help="seats people hold: UNIT,UNIT,...")
    host.add_argument("--port", type=int, default=8765)
    host.add_argument("--bind", default="0.0.0.0", help="address to listen on")
    host.add_argument("--db", help="the session's record (resumed if it exists)")
    host.add_argument("--seed", type=int, default=0)
    host.add_argument("--grace", type=float, default=60.0, help="seconds before a dropout's "
                      "seat goes to the computer")
    host.add_argument("--durable", action="store_true",
                      help="wait for the disk on every commit (survives a power cut; slower)")
    facilitate = sub.add_parser("facilitate", help="a facilitator's act on a running workshop "
                                "(pause, resume, broadcast, inject, timer, end-phase, "
                                "to-computer, to-person, status, end)")
    facilitate.add_argument("address", help="the host's address, HOST:PORT")
    facilitate.add_argument("--token", required=True, help="the facilitator's token")
    facilitate.add_argument("--table", type=int, default=None,
                            help="one table (default: every table)")
    facilitate.add_argument("--json", action="store_true", help="print JSON")
    facilitate.add_argument("--timeout", type=float, default=15.0, help="seconds to wait")
    facilitate.add_argument("action", choices=FACILITATE_COMMANDS)
    facilitate.add_argument("args", nargs="*", help="broadcast ZH [EN]; inject EVENT; "
                            "timer SECONDS; to-computer/to-person TABLE SEAT")
    bench = sub.add_parser("bench", help="the benchmark table")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke test")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from game.ui.start.launch import launch

        return launch()
    handler = {
        "play": _play,
        "validate": _validate,
        "export": _export,
        "compare": _compare,
        "schema": _schema,
        "balance": _balance,
        "bench": _bench,
        "tournament": _tournament,
        "host": _host,
        "facilitate": _facilitate,
    }[args.command]
    try:
        return handler(args)
    except ScenarioError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _play(args: argparse.Namespace) -> int:
    from game.headless import play_report, render_text
    from game.scoring.overrides import load_playable

    scenario = load_playable(args.scenario)  # refuses what `validate` refuses as an error
    if args.seat or args.policy:
        from game.tournament import run_play

        return run_play(scenario, args.seat, args.policy, args.seed, args.json, args.superior,
                        args.subordinate, args.lang or system_language())
    report = play_report(scenario, args.seed, args.superior, args.subordinate, args.compare)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print(render_text(report, args.lang or system_language()))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from game.scenario.lint import lint
    from game.scenario.loader import read_scenario
    from game.scenario.reader import read_file
    from game.scoring.overrides import override_problems
    from game.scoring.rules import known_rule_ids

    failed = False
    for name in args.files:
        try:  # each file is read once: the same reading serves the loader, lint and scoring
            scenario, reading = read_scenario(read_file(name), name)
        except ScenarioError as err:
            failed = True
            for problem in err.problems:
                print(problem)
            continue
        problems = lint(scenario, Path(name), known_rules=known_rule_ids(), root=reading.root)
        problems += [p for p in override_problems(scenario, reading.root, name)
                     if p not in problems]
        for problem in sorted(problems, key=lambda p: (p.line, p.col, p.message)):
            print(problem)
            failed = failed or problem.severity == "error"
    return 1 if failed else 0


def _schema(args: argparse.Namespace) -> int:
    from game.scenario.schema import scenario_schema

    del args
    print(json.dumps(scenario_schema(), ensure_ascii=False, indent=2))
    return 0


def _export(args: argparse.Namespace) -> int:
    from game.engine.save import SaveError
    from game.workshop.export import ExportError
    from game.workshop.sources import export_file, file_problem

    shipped = Path(__file__).resolve().parents[1] / "scenarios"
    folders = [shipped, *(Path(f) for f in args.library)]
    try:
        written = export_file(Path(args.source), Path(args.out), folders)
    except (SaveError, ExportError) as err:
        print(f"export: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print("export: {} / {}".format(*file_problem(err)), file=sys.stderr)
        return 1
    print("\n".join(str(path) for path in written))
    return 0


def _compare(args: argparse.Namespace) -> int:
    from game.engine.save import SaveError
    from game.workshop.compare import CompareError, compare_tables
    from game.workshop.compare_text import render_comparison

    shipped = Path(__file__).resolve().parents[1] / "scenarios"
    folders = [shipped, *(Path(f) for f in args.library)]
    lang = args.lang or system_language()
    try:
        comparison = compare_tables(Path(args.record), folders)
        if args.pdf:
            _comparison_pdf(comparison, Path(args.pdf), lang)
    except (CompareError, SaveError, OSError, RuntimeError) as err:
        print(f"compare: {err}", file=sys.stderr)
        return 1
    print(comparison.model_dump_json(indent=2) if args.json
          else render_comparison(comparison, lang))
    return 0


def _comparison_pdf(comparison: object, path: Path, lang: str) -> None:
    """The room's PDF, drawn by Qt without a screen (the offscreen platform)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from game.ui.common import i18n
    from game.ui.debrief.tables_pdf import write_pdf

    app = QApplication.instance() or QApplication(["main.py"])
    del app
    i18n.set_language(lang)
    write_pdf(comparison, path)  # type: ignore[arg-type]


def _balance(args: argparse.Namespace) -> int:
    from game.balance import run_balance
    from game.scoring.overrides import load_playable

    scenario = load_playable(args.scenario)
    return run_balance(scenario, args.games, args.jobs, args.json)


def _bench(args: argparse.Namespace) -> int:
    from game.bench import run_bench

    return run_bench(as_json=args.json, quick=args.quick)



def _host(args: argparse.Namespace) -> int:
    from game.workshop.terminal import run_host

    seats = [s.strip() for s in args.seats.split(",") if s.strip()]
    return run_host(args.scenario, args.tables, seats, args.port, args.db, args.seed,
                    args.grace, args.bind, args.durable)


def _facilitate(args: argparse.Namespace) -> int:
    from game.workshop.facilitator import run_facilitate

    return run_facilitate(args)


def _tournament(args: argparse.Namespace) -> int:
    from game.scoring.overrides import load_playable
    from game.tournament import run_tournament

    return run_tournament(load_playable(args.scenario), args.seat, args.seeds, args.jobs,
                          args.json, args.superior, args.subordinate,
                          args.lang or system_language())
