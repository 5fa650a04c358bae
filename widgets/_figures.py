"""Provides `fit_count` and `abbreviate`: a figure in the cells its column has, never cut.

A figure wider than its column used to run into the next one ("▼ -1123456789")
or lose digits at the row's edge ("▲ +"). The rule, the same in every table:

1. the exact figure, when it fits;
2. else abbreviated with a unit — k thousand, M million, bn billion — to three
   significant figures (1,234,567,890 → "1.23bn", 123,456,789 → "123M",
   994,614 → "995k"), then two, then one, rounding half up; the unit says it
   is rounded, so it can never pass for an exact count;
3. else the cell is filled with "#", as a spreadsheet does: a figure that
   cannot be shown is shown as not shown, never as another number.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["UNITS", "abbreviate", "fit_count", "fit_text"]

UNITS = ((10**12, "tn"), (10**9, "bn"), (10**6, "M"), (10**3, "k"))
"""The units an abbreviated figure may carry, largest first."""


def abbreviate(value: int, digits: int = 3) -> str:
    """`value` to `digits` significant figures with a unit: 1,234,567 → "1.23M"; below 1,000 as is.

    Rounding may carry into the next unit: 999,999 → "1.00M", not "1000k".
    """
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    for index, (unit, suffix) in enumerate(UNITS):
        if magnitude < unit:
            continue
        scaled = Decimal(magnitude) / unit
        whole = len(str(int(scaled)))
        places = max(0, digits - whole)
        rounded = scaled.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if rounded >= 1000 and index > 0:  # 999.6k rounds to 1000k: say 1.00M
            bigger, bigger_suffix = UNITS[index - 1]
            rounded = (Decimal(magnitude) / bigger).quantize(
                Decimal(1).scaleb(-(digits - 1)), rounding=ROUND_HALF_UP
            )
            suffix = bigger_suffix
        return f"{sign}{rounded}{suffix}"
    return str(value)


def fit_count(value: int, width: int, *, sign: bool = False, separators: bool = False) -> str:
    """`value` in at most `width` cells by the module's rule (exact, abbreviated, or "#"s).

    `sign` writes "+" before a positive figure; `separators` writes the exact
    figure with thousands separators ("1,310,143").
    """
    exact = f"{value:+,d}" if sign and separators else f"{value:+d}" if sign else None
    exact = exact or (f"{value:,d}" if separators else str(value))
    if len(exact) <= width:
        return exact
    plus = "+" if sign and value > 0 else ""
    for digits in (3, 2, 1):
        short = plus + abbreviate(value, digits)
        if len(short) <= width:
            return short
    return "#" * max(0, width)


def fit_text(candidates: list[str], width: int) -> str:
    """The first of `candidates` that fits `width` cells, else `width` "#"s."""
    return next((text for text in candidates if len(text) <= width), "#" * max(0, width))
