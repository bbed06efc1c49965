"""The scenario editor's strings, in Chinese and English."""

from __future__ import annotations

from game.ui.common.i18n import register

register({
    "editor.title": ("情景编辑器 — {name}{dirty}", "Scenario editor — {name}{dirty}"),
    "editor.untitled": ("未命名情景", "Untitled scenario"),
    "editor.copy_of": ("{name} 的副本（未保存）", "copy of {name} (not saved)"),
    "editor.menu.file": ("文件(&F)", "&File"),
    "editor.menu.edit": ("编辑(&E)", "&Edit"),
    "editor.menu.units": ("单位(&U)", "&Units"),
    "editor.menu.view": ("查看(&V)", "&View"),
    "editor.menu.test": ("试玩(&T)", "&Test"),
    "editor.open": ("打开情景文件(&O)…", "&Open a scenario file…"),
    "editor.read_only": (
        "这是随游戏提供的情景，只能查看。要修改，请先把它另存为你自己的副本。",
        "This scenario ships with the game and is read-only. To change it, save a copy of "
        "your own first."),
    "editor.read_only_mark": ("（只读）", " (read-only)"),
    "editor.save_copy": ("保存副本以编辑(&P)…", "Save a co&py to edit…"),
    "editor.shipped_refused": (
        "随游戏提供的情景不能覆盖：请保存到你的情景文件夹（{folder}）。",
        "The shipped scenarios cannot be overwritten: save into your scenarios folder "
        "({folder})."),
    "editor.read_only_refused": ("只读：请先保存副本再修改。",
                                 "Read-only: save a copy before changing it."),
    "editor.new_copy": ("从内置情景新建副本(&N)…", "&New from a copy of a shipped scenario…"),
    "editor.save": ("保存(&S)", "&Save"),
    "editor.save_as": ("另存为(&A)…", "Save &as…"),
    "editor.close": ("关闭编辑器(&C)", "&Close the editor"),
    "editor.undo": ("撤销(&U)", "&Undo"),
    "editor.redo": ("重做(&R)", "&Redo"),
    "editor.undo_what": ("撤销：{what}", "Undo: {what}"),
    "editor.redo_what": ("重做：{what}", "Redo: {what}"),
    "editor.add_task": ("添加任务(&K)", "Add a tas&k"),
    "editor.add_event": ("添加事件(&E)", "Add an &event"),
    "editor.add_relation": ("添加上下级关系(&L)", "Add a re&lation"),
    "editor.remove_item": (
        "删除所选任务、事件或关系(&D)",
        "&Delete the selected task, event or relation",
    ),
    "editor.add_unit": ("在所选单位下添加{kind}", "Add a {kind} under the selected unit"),
    "editor.join_title": ("加入任务和席位？", "Join the tasks and the seats?"),
    "editor.join_tasks_and_seats": (
        "让新单位 {unit} 承接任务“{tasks}”（能力取其他承接单位的平均值），并作为玩家可选的席位？"
        "\n选“否”则只添加单位，以后可在任务和席位页面中加入。",
        "Make the new unit {unit} a carrier of “{tasks}” (with the other carriers' average "
        "capacity) and a seat players can take?\nWith No, only the unit is added; you can "
        "join it later on the task and seats pages."),
    "editor.join_tasks": (
        "让新单位 {unit} 承接任务“{tasks}”（能力取其他承接单位的平均值）？",
        "Make the new unit {unit} a carrier of “{tasks}” (with the other carriers' average "
        "capacity)?"),
    "editor.join_seats": (
        "让新单位 {unit} 作为玩家可选的席位？",
        "Make the new unit {unit} a seat players can take?"),
    "editor.join_unit": ("让 {unit} 承接任务并加入席位", "Join {unit} to the tasks and seats"),
    "editor.remove_unit": (
        "删除所选单位（连同下级）",
        "Remove the selected unit (and those below it)",
    ),
    "editor.move_unit": ("调整上级单位", "Change a unit's parent"),
    "editor.move_under": ("移到…之下", "Move under"),
    "editor.move_refused": (
        "不能把“{unit}”放到“{parent}”之下：上级必须高一级。",
        "'{unit}' cannot go under '{parent}': the parent must be one level up.",
    ),
    "editor.unit_menu": ("单位操作菜单(&M)", "Unit &menu"),
    "editor.language": ("切换到 English(&L)", "Switch to 中文 (&L)"),
    "editor.focus.outline": ("转到大纲", "Go to the outline"),
    "editor.focus.form": ("转到表单", "Go to the form"),
    "editor.focus.yaml": ("转到 YAML", "Go to the YAML"),
    "editor.focus.graph": ("转到层级图", "Go to the hierarchy graph"),
    "editor.focus.problems": ("转到问题列表", "Go to the problems"),
    "editor.play_test": ("试玩(&P)", "&Play-test"),
    "editor.balance": ("平衡性检验(&B)", "&Balance check"),
    "editor.tab.yaml": ("YAML 原文", "YAML"),
    "editor.tab.graph": ("层级图", "Hierarchy graph"),
    "editor.tab.problems": ("问题（{count}）", "Problems ({count})"),
    "editor.tab.play": ("试玩", "Play-test"),
    "editor.tab.balance": ("平衡性", "Balance"),
    "editor.outline": ("情景大纲", "Scenario outline"),
    "editor.yaml_view": ("YAML 原文", "YAML text"),
    "editor.graph_view": ("层级图", "Hierarchy graph"),
    "editor.problem_list": ("校验问题", "Validation problems"),
    "editor.valid": ("✓ 情景有效", "✓ The scenario is valid"),
    "editor.counts": (
        "错误 {errors} 个，警告 {warnings} 个",
        "Errors: {errors} · warnings: {warnings}",
    ),
    "editor.problem_error": (
        "错误 · 第 {line} 行第 {col} 列：{message}",
        "Error · line {line}, column {col}: {message}",
    ),
    "editor.problem_warning": (
        "警告 · 第 {line} 行第 {col} 列：{message}",
        "Warning · line {line}, column {col}: {message}",
    ),
    "editor.syntax_locked": (
        "YAML 有语法错误，表单暂不可用；请在右侧 YAML 中修正（见下方问题列表）。",
        "The YAML has a syntax error, so the forms are locked: fix it in the YAML view (see the "
        "problems below).",
    ),
    "editor.help_hint": (
        "选中一个字段，这里显示它的说明。",
        "Select a field to see its help here.",
    ),
    "editor.page.meta": (
        "情景的标题、简介和基本设置。",
        "The scenario's title, briefing and settings.",
    ),
    "editor.page.hierarchy": (
        "共 {count} 个顶层单位。在左侧树或右侧层级图中选择单位编辑；用“单位”菜单或右键菜单添加、移"
        "动、删除；把单位拖到另一个单位上即可更换上级。",
        "{count} units at the top. Select a unit in the tree or the graph to edit it; add, move "
        "and remove units from the Units menu or the context menu; drag a unit onto another to "
        "change its parent.",
    ),
    "editor.page.relations": (
        "关系默认值；共 {count} 条单列的上下级关系（编辑菜单可添加）。",
        "Defaults for every adjacent pair; {count} pairs listed on their own (add one from the "
        "Edit menu).",
    ),
    "editor.page.tasks": (
        "共 {count} 项任务。选择一项编辑，或从编辑菜单添加。",
        "{count} tasks. Select one to edit it, or add one from the Edit menu.",
    ),
    "editor.page.events": (
        "共 {count} 个事件。选择一个编辑，或从编辑菜单添加。",
        "{count} events. Select one to edit it, or add one from the Edit menu.",
    ),
    "editor.page.seats": ("玩家可以扮演的单位。", "The units a player may take."),
    "editor.page.styles": ("电脑扮演各单位时的风格。", "How the computer plays each unit."),
    "editor.page.scoring": ("本情景对评分规则的调整。", "This scenario's changes to the scoring."),
    "editor.section.meta": ("基本信息", "Scenario"),
    "editor.section.hierarchy": ("层级结构", "Hierarchy"),
    "editor.section.relations": ("上下级关系", "Relations"),
    "editor.section.tasks": ("任务", "Tasks"),
    "editor.section.events": ("事件", "Events"),
    "editor.section.seats": ("玩家席位", "Seats"),
    "editor.section.styles": ("电脑风格", "Computer styles"),
    "editor.section.scoring": ("评分调整", "Scoring overrides"),
    "editor.lang_zh": ("中文", "Chinese"),
    "editor.lang_en": ("英文", "English"),
    "editor.unknown_choice": ("{value}（不存在）", "{value} (does not exist)"),
    "editor.first": ("起", "from"),
    "editor.last": ("止", "to"),
    "editor.key": ("项目", "Item"),
    "editor.value": ("数值", "Value"),
    "editor.new_key": ("要添加的项目", "item to add"),
    "editor.add_key": ("添加", "Add"),
    "editor.remove_key": ("删除所选行", "Remove row"),
    "editor.yaml_only": (
        "{count} 条自定义规则。规则格式较自由，请在 YAML 中编辑。",
        "{count} rules of its own. Rules are free-form: edit them in the YAML.",
    ),
    "editor.show_in_yaml": ("在 YAML 中显示", "Show in YAML"),
    "editor.rename": ("把 {old} 改名为 {new}（连同所有引用）",
                      "Rename {old} to {new} (with every reference)"),
    "editor.undo_field": ("修改“{field}”", "Edit '{field}'"),
    "editor.yaml_edit": ("编辑 YAML", "Edit the YAML"),
    "editor.add_item": ("添加{what}", "Add {what}"),
    "editor.remove_what": ("删除{what}", "Delete {what}"),
    "editor.recovered": ("恢复未保存的草稿", "Recover the unsaved draft"),
    "editor.ask_save_title": ("保存修改？", "Save changes?"),
    "editor.ask_save": (
        "“{name}”有未保存的修改。要保存吗？",
        "'{name}' has unsaved changes. Save them?",
    ),
    "editor.recover_title": ("恢复草稿？", "Recover the draft?"),
    "editor.recover": (
        "发现 {time} 自动保存的未保存修改。要恢复吗？",
        "Unsaved changes were autosaved at {time}. Recover them?",
    ),
    "editor.save_errors_title": ("情景还有错误", "The scenario has errors"),
    "editor.save_errors": (
        "情景还有 {count} 个错误，游戏无法载入。仍然保存吗？",
        "The scenario still has {count} errors and the game cannot load it. Save anyway?",
    ),
    "editor.saved": ("已保存到 {path}", "Saved to {path}"),
    "editor.saved_backup": (
        "已保存到 {path}（旧版本在 {backup}）",
        "Saved to {path} (previous version in {backup})",
    ),
    "editor.save_failed": ("保存失败：{error}", "Could not save: {error}"),
    "editor.open_failed": ("无法打开：{error}", "Could not open: {error}"),
    "editor.file_filter": ("情景文件 (*.yaml *.yml)", "Scenario files (*.yaml *.yml)"),
    "editor.copy_prompt": (
        "选择一个内置情景，以它的副本开始(&S)：",
        "Choose a &shipped scenario to start from a copy of it:",
    ),
    "editor.copy_list": ("内置情景", "Shipped scenarios"),
    "editor.play.turn": ("试玩到第几回合(&R)：", "Play up to tu&rn:"),
    "editor.play.seed": ("随机种子(&E)：", "S&eed:"),
    "editor.play.superior": ("上级风格(&P)：", "Su&periors:"),
    "editor.play.subordinate": ("下级风格(&B)：", "Su&bordinates:"),
    "editor.play.default": ("按情景设定", "as the scenario says"),
    "editor.play.run": ("开始试玩(&G)", "&Go"),
    "editor.play.seat": ("从该回合起亲自扮演(&A)：", "T&ake over from that turn as:"),
    "editor.play.take": ("在游戏窗口中接手(&K)", "Ta&ke the seat in the game window"),
    "editor.play.take_needs_save": ("先保存情景（无未保存的修改），才能从某回合起亲自扮演。",
                                    "Save the scenario first (no unsaved changes) to take a "
                                    "seat from a turn."),
    "editor.play.taken": ("已在游戏窗口中接手：第 {turn} 回合起扮演 {seat}。",
                          "Taken over in the game window: you play {seat} from turn {turn}."),
    "editor.play.output": ("试玩结果", "Play-test result"),
    "editor.play.invalid": ("情景有错误，请先修正。", "The scenario has errors: fix them first."),
    "editor.play.running": ("试玩中…", "Playing…"),
    "editor.play.failed": ("运行失败：{message}", "The run failed: {message}"),
    "editor.play.done": (
        "已试玩 {turns}/{total} 回合；完成真实目标的 {delivered}%。",
        "Played {turns} of {total} turns; {delivered}% of the real target delivered.",
    ),
    "editor.balance.games": ("对局数(&N)：", "&Games:"),
    "editor.balance.first_seed": ("起始种子(&D)：", "First see&d:"),
    "editor.balance.run": ("开始检验(&K)", "Chec&k balance"),
    "editor.balance.cancel": ("取消(&X)", "Cancel (&X)"),
    "editor.balance.progress": ("平衡性检验进度", "Balance check progress"),
    "editor.balance.table": ("各指标的分布", "Spread of every figure"),
    "editor.balance.running": ("正在进行 {games} 局…", "Playing {games} games…"),
    "editor.balance.progress_text": ("已完成 {done}/{total} 局", "{done} of {total} games played"),
    "editor.balance.done": ("完成 {games} 局。", "{games} games played."),
    "editor.balance.cancelled": ("已取消；完成了 {games} 局。", "Cancelled after {games} games."),
    "editor.balance.col.figure": ("指标", "Figure"),
    "editor.balance.col.mean": ("平均", "Mean"),
    "editor.balance.col.stdev": ("标准差", "SD"),
    "editor.balance.col.low": ("最低", "Lowest"),
    "editor.balance.col.high": ("最高", "Highest"),
    "editor.balance.col.range": ("范围（深色为平均）", "Range (dark mark: mean)"),

})
