"""The heat map: the matrix with the count of risks in each cell, in the level colours.

Likelihood runs up the side (highest on top), impact along the bottom, as the guides draw it. Arrow keys move
the cursor over the cells, ``enter`` asks the register to list the cell's risks. Sized to read at 80×24:
cells shrink to fit the width, and are one line high when the height is short.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store.risks.types import HeatMap
from itatui.tui.risks.labels import level_name, text_on


class HeatMapView(Widget, can_focus=True):
    DEFAULT_CSS = """
    HeatMapView { height: 1fr; padding: 0 1; }
    HeatMapView:focus { background-tint: $foreground 3%; }
    """

    BINDINGS = [
        Binding("up", "move(1, 0)", show=False),
        Binding("down", "move(-1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
        Binding("enter", "choose", t("key.open"), id="heat.open"),
    ]

    cursor: reactive[tuple[int, int]] = reactive((1, 1))

    class CellChosen(Message):
        def __init__(self, likelihood: int, impact: int) -> None:
            super().__init__()
            self.likelihood = likelihood
            self.impact = impact

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.data: HeatMap | None = None
        self.year = 0
        self.thai = False

    def show(self, data: HeatMap, year: int, thai: bool) -> None:
        self.data, self.year, self.thai = data, year, thai
        size = data.matrix.size
        if self.cursor == (1, 1) or max(self.cursor) > size:
            # Start on the busiest cell (the worst on a tie): where the office looks first.
            best = max(data.counts.items(), key=lambda kv: (kv[1], kv[0][0] * kv[0][1]), default=None)
            self.cursor = best[0] if best else (size, size)
        self.refresh()

    def action_move(self, dl: int, di: int) -> None:
        if self.data is None:
            return
        size = self.data.matrix.size
        lik, imp = self.cursor
        self.cursor = (min(size, max(1, lik + dl)), min(size, max(1, imp + di)))

    def action_choose(self) -> None:
        self.post_message(self.CellChosen(*self.cursor))

    def count(self, likelihood: int, impact: int) -> int:
        return self.data.counts.get((likelihood, impact), 0) if self.data else 0

    def render(self) -> Group:
        data = self.data
        if data is None:
            return Group(Text(""))
        m = data.matrix
        n = m.size
        label_w = 8
        cell_w = max(5, min(16, (self.size.width - label_w - 2) // n))
        cell_h = max(1, min(3, (self.size.height - 9) // n))  # 9 lines of titles, axis, legend and hints
        which = t("risk.heat.residual") if data.residual else t("risk.heat.inherent")
        lines: list[Text] = [Text(digits(t("risk.heat.title", year=self.year, which=which), self.thai), style="bold")]
        lines.append(Text(t("risk.heat.likelihood"), style="dim"))
        middle = cell_h // 2
        for lik in range(n, 0, -1):
            rows = [
                Text((digits(f"{lik:>{label_w - 2}} ", self.thai) if k == middle else " " * (label_w - 1)) + "│")
                for k in range(cell_h)
            ]
            for imp in range(1, n + 1):
                key = m.level(lik, imp) or ""
                band = m.band(key)
                colour = band.colour if band else "#444444"
                count = self.count(lik, imp)
                mark = digits(str(count), self.thai) if count else "·"
                chosen = (lik, imp) == self.cursor
                label = f"[{mark}]" if chosen else mark
                style = f"{text_on(colour)} on {colour}" + (" bold reverse" if chosen else "")
                for k, row in enumerate(rows):
                    row.append((label if k == middle else "").center(cell_w - 1), style=style)
                    row.append(" ")
            lines.extend(rows)
        axis = Text(" " * label_w)
        for imp in range(1, n + 1):
            axis.append(digits(str(imp), self.thai).center(cell_w))
        lines.append(axis)
        lines.append(Text(" " * label_w + t("risk.heat.impact"), style="dim"))
        legend = Text()
        for b in m.bands:
            legend.append("  ")
            legend.append("  ", style=f"on {b.colour}")
            legend.append(digits(f" {level_name(m, b.key)} {b.low_score}–{b.high_score}", self.thai))
        lines.append(legend)
        if data.unscored:
            items = " · ".join(
                digits(f"{level_name(m, k) if k else t('risk.none')} {v}", self.thai)
                for k, v in sorted(data.unscored.items(), key=lambda kv: -m.rank(kv[0]))
            )
            lines.append(Text(t("risk.heat.unscored", items=items)))
        lik, imp = self.cursor
        key = m.level(lik, imp) or ""
        lines.append(
            Text(
                digits(t("risk.heat.cell", l=lik, i=imp, score=lik * imp, level=level_name(m, key), n=self.count(lik, imp)), self.thai),
                style="bold",
            )
        )
        lines.append(Text(t("risk.heat.hint"), style="dim"))
        return Group(*lines)

    def watch_cursor(self) -> None:
        self.refresh()
