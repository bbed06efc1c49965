"""The failing inputs of issue 9 (tests/data/cases, copied from ../shared/cases/files).

Each file gives `validate` and `play` one located `file:line:col:` line and exit 1, or loads
as the cases' README says; the editor's document reads it to the same meaning.
"""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest

from game.app import main
from game.scenario.document import ScenarioDocument
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.reader import read_file
from tests.scenario.helpers import ROOT

CASES = ROOT / "tests" / "data" / "cases"
#: ../shared beside the project (or beside the folder of worktrees, /work/wt/NAME).
SHARED = next((folder / "shared" / "cases" / "files" for folder in (ROOT.parent, ROOT.parents[1])
               if (folder / "shared" / "cases" / "files").is_dir()), ROOT / "no-shared-cases")
LOCATED = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")

#: file -> (line, col, words of the message) of its one located refusal; None: it loads.
EXPECTED: dict[str, tuple[int, int, str] | None] = {
    "deep_flow_300.yaml": (1, 67, "nested too deep"),
    "deep_block_250.yaml": (1, 67, "nested too deep"),
    "selfmerge_anchor.yaml": (1, 14, "contains itself"),
    "yaml11_directive.yaml": (1, 1, "YAML 1.2 only"),
    "rule_format_code.yaml": (118, 21, "'{measured:d}' is not allowed"),
    "rule_format_width.yaml": (118, 21, "'{measured:>100000000}' is not allowed"),
    "rule_bound_text.yaml": (117, 55, "'gt' on 'turn' needs a number, not 'abc'"),
    "rule_text_numbers.yaml": (114, 11, "a rule needs id, key, measure"),
    "unknown_weight.yaml": (114, 13, "unknown rule 'no_such_rule'"),
    "capacity_1e308.yaml": (34, 25, "units.2.capacity.reclaim: Input should be less than"),
    "social_resources_1e308.yaml": (37, 23, "units.2.social_resources: Input should be less"),
    "save_huge_int.json": (1, 1, "at most 100 digits"),
    "outside_scenario.yaml": None,
}
#: A save is not a scenario: `validate` lists every missing field (several lines).
NOT_SCENARIOS = {"save_id_traversal.json"}


def case_files() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.suffix in (".yaml", ".json"))


def test_every_case_file_has_an_expectation() -> None:
    assert {p.name for p in case_files()} == set(EXPECTED) | NOT_SCENARIOS


@pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared/cases/files beside the project")
def test_the_copies_match_the_shared_cases() -> None:
    names = sorted(p.name for p in SHARED.iterdir())
    match, mismatch, errors = filecmp.cmpfiles(SHARED, CASES, names, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert sorted(match) == names


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    """Exit code and every non-empty line main printed (stdout and stderr)."""
    code = main(list(argv))
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, [line for line in (out.out + out.err).splitlines() if line.strip()]


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("command", ["validate", "play"])
def test_case_gives_one_located_line_or_loads(
    capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    path = CASES / name
    expected = EXPECTED[name]
    argv = [command, str(path)] + (["--json"] if command == "play" else [])
    code, lines = run(capsys, *argv)
    if expected is None:
        assert code == 0
        if command == "validate":
            assert not [line for line in lines if ": error" in line or LOCATED.match(line)
                        and "warning" not in line]
        return
    assert code == 1
    assert len(lines) == 1, lines
    located = LOCATED.match(lines[0])
    assert located is not None, lines[0]
    line, col, words = expected
    assert located["file"] == str(path)
    assert (int(located["line"]), int(located["col"])) == (line, col)
    assert words in located["message"]


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.endswith(".yaml")))
def test_the_editor_reads_the_case_as_the_loader_does(name: str) -> None:
    path = CASES / name
    text = read_file(path)
    document = ScenarioDocument(text, str(path))
    try:
        load_scenario(path)
    except ScenarioError as err:
        if document.ok:  # a refusal of the scenario's content, not of its YAML
            assert not err.problems[0].message.startswith(("nested", "this file declares"))
        else:
            assert document.syntax_problems == err.problems
    else:
        assert document.ok


def test_yaml_1_1_is_refused_alike_by_the_loader_and_the_editor() -> None:
    path = CASES / "yaml11_directive.yaml"
    document = ScenarioDocument(read_file(path), str(path))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert document.syntax_problems == caught.value.problems
    assert len(caught.value.problems) == 1


def test_without_the_directive_no_is_text_everywhere() -> None:
    path = CASES / "yaml11_directive.yaml"
    text = read_file(path).replace("%YAML 1.1\n---\n", "", 1)
    document = ScenarioDocument(text, "no_directive.yaml")
    from game.scenario.loader import parse_scenario

    scenario = parse_scenario(text, "no_directive.yaml")
    region = next(u.region for u in scenario.units if u.region == "no")
    assert region == "no"
    assert document.ok and document.data() is not None
    assert any(unit.get("region") == "no" for unit in document.data()["units"])
