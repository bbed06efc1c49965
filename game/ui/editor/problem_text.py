"""Validation and lint messages in Chinese for the editor.

The scenario language reports its problems in English (they are also the `validate` command's
output, which scripts read). The editor shows them in the window's language: each message is a
`where: text` pair, and `text` comes from a known set — the loader's, the cross-reference
checks', lint's and pydantic's own — so a table of patterns translates it. A message no pattern
knows is shown as it is (tests keep the table complete for every message the game makes).
"""

from __future__ import annotations

import re

_KIND = {"province": "省", "city": "市", "county": "县", "bureau": "职能部门",
         "township": "乡镇", "subdistrict": "街道", "village": "村"}

_PATTERNS: list[tuple[str, str]] = [
    # the loader and the shape of the file
    (r"unknown key '(?P<a>[^']+)' in (?P<b>.+)", "{b} 中有未知的键“{a}”"),
    (r"unknown key '(?P<a>[^']+)'", "未知的键“{a}”"),
    (r"missing required field '(?P<a>[^']+)'", "缺少必填字段“{a}”"),
    (r"missing required field", "缺少必填字段"),
    (r"a scenario file must be a YAML mapping", "情景文件的顶层必须是 YAML 映射"),
    (r"a rule file must be a YAML mapping", "规则文件的顶层必须是 YAML 映射"),
    (r"not valid YAML: (?P<a>.+)", "不是有效的 YAML：{a}"),
    (r"cannot read file: (?P<a>.+)", "无法读取文件：{a}"),
    (r"the file expands to more than (?P<a>\d+) values \(aliases nested too deep\?\)",
     "文件展开后超过 {a} 个值（别名嵌套过深？）"),
    (r"the control character (?P<a>U\+[0-9A-F]+) is not allowed in a YAML file",
     "YAML 文件中不允许出现控制字符 {a}"),
    # YAML syntax (ruamel's wording, context and problem joined)
    (r".*found duplicate key \"(?P<a>[^\"]+)\".*", "键“{a}”重复"),
    (r".*mapping values are not allowed here.*", "此处不能写“键: 值”（缩进或引号有误？）"),
    (r".*could not find expected ':'.*", "找不到预期的冒号“:”"),
    (r".*found character '(?P<a>.+)' that cannot start any token.*",
     "字符“{a}”不能出现在这里（用了制表符？）"),
    (r".*expected <block end>, but found.*", "缩进不一致"),
    (r".*did not find expected key.*", "缩进不一致：找不到预期的键"),
    (r".*did not find expected '-' indicator.*", "列表的缩进不一致"),
    (r".*found unexpected end of stream.*", "文件意外结束（引号没有闭合？）"),
    (r".*found undefined alias.*", "引用了未定义的别名"),
    # cross-references
    (r"unknown unit '(?P<a>[^']+)'", "没有单位“{a}”"),
    (r"unknown task '(?P<a>[^']+)'", "没有任务“{a}”"),
    (r"unknown indicator '(?P<a>[^']+)'", "没有指标“{a}”"),
    (r"a unit cannot be its own parent", "单位不能是自己的上级"),
    (r"the parent of a (?P<k>\w+) must be one level up \((?P<w>[^)]*)\), not the (?P<k2>\w+) "
     r"'(?P<p>[^']+)'", "{k}的上级必须高一级（{w}），不能是{k2}“{p}”"),
    (r"a (?P<k>\w+) cannot own a task", "{k}不能作为任务的责任单位"),
    (r"two owners speak for '(?P<a>[^']+)'", "两个责任单位都代表“{a}”"),
    (r"no owner of the task sits one level above '(?P<a>[^']+)' \(an owner of county "
     r"'(?P<b>[^']*)' is needed\)", "没有高“{a}”一级的任务责任单位（需要县“{b}”的责任单位）"),
    (r"no owner of the task sits one level above '(?P<a>[^']+)'",
     "没有高“{a}”一级的任务责任单位"),
    (r"the first owner must be the top of the task's line", "第一个责任单位必须是任务链条的顶端"),
    (r"carriers must be townships or subdistricts, not a (?P<k>\w+)",
     "执行单位必须是乡镇或街道，不能是{k}"),
    (r"'(?P<a>[^']+)' does not carry this task", "“{a}”不承担这项任务"),
    (r"'(?P<a>[^']+)' does not own this task", "“{a}”不是这项任务的责任单位"),
    (r"deadline (?P<a>\d+) is after the last turn (?P<b>\d+)", "截止回合 {a} 晚于最后一回合 {b}"),
    (r"deadline (?P<a>\d+) comes before start_turn (?P<b>\d+)", "截止回合 {a} 早于开始回合 {b}"),
    (r"turn (?P<a>\d+) is after the last turn (?P<b>\d+)", "回合 {a} 晚于最后一回合 {b}"),
    (r"'(?P<a>[^']+)' is not the adjacent superior of '(?P<b>[^']+)' on any task",
     "在任何任务上，“{a}”都不是“{b}”的相邻上级"),
    (r"the inspector must be a province, city or bureau above the county, not '(?P<a>[^']+)'",
     "督查方必须是县以上的省、市或职能部门，不能是“{a}”"),
    (r"a (?P<k>\w+) cannot be a player's seat", "{k}不能作为玩家席位"),
    (r"id '(?P<a>[^']+)' is already used by (?P<b>.+)", "编号“{a}”已被 {b} 使用"),
    (r"an event needs a turn or a chance above 0", "事件需要指定回合，或大于 0 的发生概率"),
    (r"window starts after it ends", "时间窗的开始晚于结束"),
    (r"a cross_level_inspection needs effects.inspector",
     "跨级督查事件需要指定 effects.inspector（督查方）"),
    # lint
    (r"carrier '(?P<a>[^']+)' has no capacity for task '(?P<b>[^']+)': its even share of the "
     r"original target is assumed", "执行单位“{a}”没有任务“{b}”的真实能力：按真实目标平均分摊估算"),
    (r"no capacity can meet task '(?P<a>[^']+)': its carriers can deliver (?P<b>\S+) of "
     r"(?P<c>\S+)", "任务“{a}”的能力远不足：执行单位最多完成 {b}，目标为 {c}"),
    (r"village '(?P<a>[^']+)' belongs to a township that carries no task",
     "村“{a}”所属的乡镇不承担任何任务"),
    (r"unit '(?P<a>[^']+)' is on no task's line and has no units below it",
     "单位“{a}”不在任何任务链条上，下面也没有单位"),
    (r"task '(?P<a>[^']+)' starts after the last turn", "任务“{a}”在最后一回合之后才开始"),
    (r"event '(?P<a>[^']+)' can never fire: its window opens after the last turn",
     "事件“{a}”永远不会发生：时间窗在最后一回合之后"),
    (r"event '(?P<a>[^']+)' touches task '(?P<b>[^']+)' before it starts",
     "事件“{a}”在任务“{b}”开始之前就作用于它"),
    (r"the Chinese text has no Chinese in it \(untranslated\?\)", "中文文本里没有中文（未翻译？）"),
    (r"the Chinese and English texts are the same", "中英文文本完全相同"),
    (r"scoring override names unknown rule '(?P<a>[^']+)'", "评分覆盖项引用了不存在的规则“{a}”"),
    (r"event kind '(?P<a>[^']+)' does not exist", "事件类型“{a}”不存在"),
    # pydantic's own
    (r"Field required", "必填"),
    (r"Extra inputs are not permitted", "不允许的键"),
    (r"Input should be greater than or equal to (?P<a>\S+)", "应大于或等于 {a}"),
    (r"Input should be greater than (?P<a>\S+)", "应大于 {a}"),
    (r"Input should be less than or equal to (?P<a>\S+)", "应小于或等于 {a}"),
    (r"Input should be less than (?P<a>\S+)", "应小于 {a}"),
    (r"Input should be a valid integer.*", "应为整数"),
    (r"Input should be a valid number.*", "应为数字"),
    (r"Input should be a finite number", "应为有限的数字"),
    (r"Input should be a valid string", "应为文本"),
    (r"Input should be a valid boolean.*", "应为是/否（true/false）"),
    (r"Input should be a valid list", "应为列表"),
    (r"Input should be a valid tuple", "应为列表"),
    (r"Input should be a valid dictionary.*", "应为映射（键: 值）"),
    (r"Input should be (?P<a>'[^']*'(?:, '[^']*')*(?: or '[^']*')?)", "应为以下之一：{a}"),
    (r"String should have at least (?P<a>\d+) characters?", "至少需要 {a} 个字符"),
    (r"String should have at most (?P<a>\d+) characters?", "最多 {a} 个字符"),
    (r"'(?P<a>.*)' is not an id: use lower-case letters, digits and underscores, starting "
     r"with a letter", "“{a}”不能作编号：只用小写字母、数字和下划线，并以字母开头"),
    (r"String should match pattern '(?P<a>[^']+)'", "格式不对，应符合 {a}（小写字母开头，"
     "只含小写字母、数字和下划线）"),
    (r"List should have at least (?P<a>\d+) items? after validation, not (?P<b>\d+)",
     "至少需要 {a} 项，现有 {b} 项"),
    (r"List should have at most (?P<a>\d+) items? after validation, not (?P<b>\d+)",
     "最多 {a} 项，现有 {b} 项"),
    (r"Tuple should have at (?:least|most) (?P<a>\d+) items? after validation, not (?P<b>\d+)",
     "应有 {a} 项，现有 {b} 项"),
]
_COMPILED = [(re.compile(f"^{pattern}$"), template) for pattern, template in _PATTERNS]
_WHERE = re.compile(r"^(?P<where>[A-Za-z_][\w.\[\]]*(?: \(key\))?): (?P<text>.+)$")


def _translate_text(text: str) -> str | None:
    for pattern, template in _COMPILED:
        match = pattern.match(text)
        if match:
            values = {k: _KIND.get(v, v) for k, v in match.groupdict().items()}
            return template.format(**values)
    return None


def chinese(message: str) -> str:
    """The message in Chinese, or as it is when no pattern knows it."""
    whole = _translate_text(message)
    if whole is not None:
        return whole
    match = _WHERE.match(message)
    if match:
        text = _translate_text(match["text"])
        if text is not None:
            where = match["where"].replace(" (key)", "（键）")
            return f"{where}：{text}"
    return message


def known(message: str) -> bool:
    """Whether a pattern translates the message (for the completeness test)."""
    return chinese(message) != message
