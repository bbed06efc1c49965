"""The Qt models over engine state: each passes Qt's model checks and says what it should."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from game.engine.moves import SplitQuota
from game.engine.views import documents
from game.ui.common import i18n
from game.ui.compose.move_model import MoveOptionsModel, MovesMadeModel
from game.ui.play.inbox_model import COLUMNS, InboxFilter, InboxModel
from game.ui.start.library import ScenarioLibraryModel, scan


def _to_report(session) -> None:  # type: ignore[no-untyped-def]
    session.end_phase()
    assert session.game.phase == "report"


def test_inbox_model_passes_the_model_checks(qtmodeltester, tutorial_session) -> None:  # type: ignore[no-untyped-def]
    model = InboxModel(tutorial_session)
    qtmodeltester.check(model)
    assert model.columnCount() == len(COLUMNS)


def test_inbox_rows_are_the_seats_documents(tutorial_session) -> None:  # type: ignore[no-untyped-def]
    model = InboxModel(tutorial_session)
    game = tutorial_session.game
    assert model.rowCount() == len(documents(game, "county_agri"))
    title = model.data(model.index(0, COLUMNS.index("title")))
    assert "撂荒地复耕" in title


def test_inbox_grows_with_the_seats_view(qtbot, tutorial_session) -> None:  # type: ignore[no-untyped-def]
    model = InboxModel(tutorial_session)
    tutorial_session.bridge.state_changed.connect(model.append_new)
    before = model.rowCount()
    with qtbot.waitSignal(model.rowsInserted):
        tutorial_session.end_phase()
        tutorial_session.end_phase()
    assert model.rowCount() > before
    assert model.rowCount() == len(documents(tutorial_session.game, "county_agri"))


def test_unread_marks_and_counts(tutorial_session) -> None:  # type: ignore[no-untyped-def]
    model = InboxModel(tutorial_session)
    total = model.rowCount()
    assert model.unread_count() == total
    assert model.data(model.index(0, 0)) == i18n.tr("inbox.unread_mark")
    model.mark_read(0)
    assert model.unread_count() == total - 1
    assert model.data(model.index(0, 0)) == ""
    model.mark_all_read()
    assert model.unread_count() == 0


def test_inbox_filter_by_folder_turn_and_unread(qtmodeltester, tutorial_session) -> None:  # type: ignore[no-untyped-def]
    game = tutorial_session.game
    shares = {s: 1150.0 for s in game.hierarchy.subordinates("county_agri", "reclaim")}
    assert game.submit("county_agri", SplitQuota(task="reclaim", shares=shares)).ok
    model = InboxModel(tutorial_session)
    proxy = InboxFilter()
    proxy.setSourceModel(model)
    proxy.sort(0)
    qtmodeltester.check(proxy)
    proxy.set_filter("sent", 0, False)
    kinds = {proxy.data(proxy.index(r, 0), InboxModel.DocumentRole).kind
             for r in range(proxy.rowCount())}
    assert kinds == {"directive_issued"}
    proxy.set_filter("", 2, False)
    assert proxy.rowCount() == 0
    model.mark_all_read()
    proxy.set_filter("", 0, True)
    assert proxy.rowCount() == 0


def test_inbox_shows_newest_first(tutorial_session) -> None:  # type: ignore[no-untyped-def]
    tutorial_session.end_phase()
    model = InboxModel(tutorial_session)
    proxy = InboxFilter()
    proxy.setSourceModel(model)
    proxy.sort(0)
    seqs = [proxy.data(proxy.index(r, 0), InboxModel.DocumentRole).seq
            for r in range(proxy.rowCount())]
    assert seqs == sorted(seqs, reverse=True)


def test_inbox_headers_follow_the_language(tutorial_session) -> None:  # type: ignore[no-untyped-def]
    model = InboxModel(tutorial_session)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "标题"
    i18n.set_language("en")
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Title"


def test_move_options_model_passes_the_model_checks(qtmodeltester, tutorial_session) -> None:  # type: ignore[no-untyped-def]
    model = MoveOptionsModel(tutorial_session)
    qtmodeltester.check(model)


def test_move_options_are_grouped_by_direction(tutorial_session) -> None:  # type: ignore[no-untyped-def]
    model = MoveOptionsModel(tutorial_session)
    groups = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert groups == [i18n.tr("group.down"), i18n.tr("group.inside")]
    split = model.index_of("split_quota")
    assert split.isValid() and split.parent().row() == 0
    assert model.data(split) == i18n.tr("action.split_quota")
    assert model.data(split.siblingAtColumn(1)) == i18n.tr("moves.days", days="1.0")
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_move_options_follow_the_phase(make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session("hexi")
    model = MoveOptionsModel(session)
    session.bridge.state_changed.connect(model.reload)
    _to_report(session)
    actions = {o.action for o in model.options()}
    assert {"report_progress", "explain_shortfall", "falsify_report"} <= actions
    pathology = model.index_of("falsify_report").parent()
    assert model.data(pathology) == i18n.tr("group.pathology")


def test_moves_made_model(qtmodeltester, make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session("hexi")
    model = MovesMadeModel(session)
    session.bridge.state_changed.connect(model.reload)
    _to_report(session)
    assert session.submit({"kind": "report_progress", "task": "reclaim"}).ok
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.data(model.index(0)).startswith(i18n.tr("action.report_progress"))
    assert model.contains({"kind": "report_progress", "task": "reclaim"})
    assert not model.contains({"kind": "report_progress", "task": "reclaim", "overstate": 5})


def test_scenario_library_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    entries, problems = scan()
    model = ScenarioLibraryModel(entries)
    qtmodeltester.check(model)
    assert not problems
    assert model.data(model.index(0)) == "入门：撂荒地复耕"
    i18n.set_language("en")
    assert model.data(model.index(0)).startswith("Tutorial")
    assert model.rowCount(model.index(0)) == 0
    assert model.data(QModelIndex()) is None
