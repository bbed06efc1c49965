"""How long after an edit the editor's messages are up to date: a benchmark, not a test.

    python -m game.ui.editor.latency [SCENARIO] [--edits N]

Times, from the moment of an edit to the end of the re-validation it causes: a form field
changed (the document, YAML view, outline, graph and form follow at once, validation after
the debounce), and a keystroke in the YAML view (after the typing pause).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SHIPPED = Path(__file__).resolve().parents[3] / "scenarios"


def _measure(window: object, app: object, edit: Callable[[int], None], count: int) -> list[float]:
    from PySide6.QtCore import QEventLoop, QTimer

    times = []
    for number in range(count):
        loop = QEventLoop()
        window.validated.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(5000, loop.quit)
        start = time.perf_counter()
        edit(number)
        loop.exec()
        times.append((time.perf_counter() - start) * 1000)
        window.validated.disconnect(loop.quit)  # type: ignore[attr-defined]
    return times


def _report(name: str, times: list[float]) -> None:
    print(f"{name:<28} median {statistics.median(times):6.1f} ms   "
          f"p90 {sorted(times)[int(len(times) * 0.9) - 1]:6.1f} ms   max {max(times):6.1f} ms")


def main(argv: list[str] | None = None) -> int:
    """Open the editor offscreen, make edits, print the latencies."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=str(SHIPPED / "double_rice.yaml"))
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from game.ui.editor import ScenarioEditorWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as drafts:
        window = ScenarioEditorWindow(Path(args.scenario), drafts_dir=Path(drafts))
        window.show()
        window.validate_now()
        units = window.document.doc.get(("units",))
        window.select_unit(units[-1]["id"])
        spin = window.pages.form.editors["funds"].spin  # type: ignore[union-attr]
        _report("form field -> validated", _measure(
            window, app, lambda n: spin.setValue(10 + n % 7), args.edits))
        _report("YAML keystroke -> validated", _measure(
            window, app, lambda n: window.yaml.insertPlainText(" "), args.edits))
        text = window.document.text
        print(f"lines: {text.count(chr(10))}; validating the open document: "
              f"{_validation_ms(text, open_document=True):.1f} ms; the whole text as "
              f"`validate` does: {_validation_ms(text, open_document=False):.1f} ms")
        window.document.stack.setClean()
        window.close()
    return 0


def _validation_ms(text: str, open_document: bool) -> float:
    """Mean time of one validation: of an open document after an edit, or of a whole text."""
    from game.scenario.document import ScenarioDocument
    from game.ui.editor.validation import validate_document, validate_text

    total = 0.0
    for number in range(10):
        doc = ScenarioDocument(text)
        doc.set(("turns",), int(doc.get(("turns",))) + number % 2)
        start = time.perf_counter()
        if open_document:
            validate_document(doc)
        else:
            validate_text(doc.text)
        total += time.perf_counter() - start
    return total * 100


if __name__ == "__main__":
    raise SystemExit(main())
