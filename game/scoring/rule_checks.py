"""Checks of what a rule writes as text: explanation templates and condition operands.

A scenario may bring rules of its own; their templates are formatted at the end of every game
and their operands compared with every event, so both are checked when the file is read.
"""

from __future__ import annotations

import math
import re
import string
from typing import Any

#: A numeric format spec a template may give {measured} or {value}: optional alignment,
#: sign, zero padding, a width of at most 20, thousands separator, a precision of at most
#: 10 and a float presentation (f, e, g, %). Anything else (`d`, `s`, `>1500000000`, nested
#: fields) is refused: the values are floats, and a huge width would print gigabytes.
TEMPLATE_SPEC = re.compile(r"[<>^=]?[+\- ]?0?(?:[1-9]\d?)?[,_]?(?:\.\d{1,2})?[eEfFgG%]?")
MAX_TEMPLATE_WIDTH = 20
MAX_TEMPLATE_PRECISION = 10


def check_template(text: str) -> str:
    """The template if it formats {measured} and {value} only, with bounded numeric specs.

    Raises:
        ValueError: another field, a conversion (!r), or a spec that is not a bounded
            numeric format.
    """
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as err:
        raise ValueError(f"not a valid template: {err} (write {{{{ and }}}} for braces)") from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in ("measured", "value") or conversion:
            raise ValueError(f"a template may only use {{measured}} and {{value}}, not "
                             f"{{{name}{'!' + conversion if conversion else ''}}}")
        if spec and not _bounded_spec(spec):
            raise ValueError(
                f"the format '{{{name}:{spec}}}' is not allowed: use a number format such as "
                f"{{{name}:.0%}} or {{{name}:.2f}} (width at most {MAX_TEMPLATE_WIDTH}, "
                f"precision at most {MAX_TEMPLATE_PRECISION})")
    return text


def _bounded_spec(spec: str) -> bool:
    if TEMPLATE_SPEC.fullmatch(spec) is None:
        return False
    width = re.search(r"(?<![.\d])0?([1-9]\d?)", spec.split(".")[0])
    precision = re.search(r"\.(\d+)", spec)
    too_wide = width is not None and int(width.group(1)) > MAX_TEMPLATE_WIDTH
    too_precise = precision is not None and int(precision.group(1)) > MAX_TEMPLATE_PRECISION
    if too_wide or too_precise:
        return False
    try:
        format(1.5, spec)
    except ValueError:
        return False
    return True


def check_operand(path: str, op: str, operand: Any) -> None:
    """A condition's operand must be of the type its operator compares.

    gt/gte/lt/lte take a finite number; in takes a list of plain values; eq/ne a plain value
    (text, number, true/false or empty).
    """
    if op in ("gt", "gte", "lt", "lte"):
        if isinstance(operand, bool) or not isinstance(operand, int | float) \
                or not math.isfinite(operand):
            raise ValueError(f"'{op}' on '{path}' needs a number, not {operand!r}")
    elif op == "in":
        if not isinstance(operand, list) or not all(_plain_value(v) for v in operand):
            raise ValueError(f"'in' on '{path}' needs a list of plain values")
    elif not _plain_value(operand):
        raise ValueError(f"'{op}' on '{path}' needs a plain value (text, number, true/false)")


def _plain_value(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, str | int | bool)
