"""Provides `Night`: the parts of the PA files in force, by contest, kept up to date by change.

A file's part (`feeds.pa.parts`) joins its contest's `Group` when the file is
read and leaves it when a newer revision supersedes it. Only what a change
touches is worked out again: the area it declares (which part is in force
there, and the tally of a table still counted from results), and the contests
whose inputs changed (`feeds.pa.tables`); every other contest is the same
object as before. So a new file costs its own area and contest, not the
night (a general election has 1,400 files).

Contest order is stable: a contest keeps the place it was first shown in, and
contests shown for the first time go after those already shown — among
themselves councils (the whole election, then regions), legislatures, then
mayors, each by name. Read the nominations first (PA's advice) and every
contest is known, in that order, before the first result.

`read` must not change the adapter's state, so a `Night` is forked for each
reading: the fork shares every group with its parent until it changes one,
and copies only that group's dictionaries (a pointer copy per area).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from feeds.areas import Declaration
from feeds.contests import Contest
from feeds.fields import distinct
from feeds.models import Update
from feeds.pa.parts import ALL, ContestKey, CouncilsTable, Part

__all__ = ["Group", "Night", "best"]

_KINDS = {"councils": 0, "legislature": 2, "mayor": 3}


def best(parts: Any) -> Part | None:
    """The part in force among `parts` (an iterable of parts): the highest rank."""
    return max(parts, key=lambda p: p.rank, default=None)


@dataclass
class Group:
    """The inputs of one contest, and the contest last built from them."""

    key: ContestKey
    election: str
    entries: dict[str, dict[str, Part]] = field(default_factory=dict)
    """Area → file key → every declaring part held for it (a rush, a result, revisions)."""
    best: dict[str, Part] = field(default_factory=dict)
    """Area → the part in force there."""
    shown: dict[str, Declaration] = field(default_factory=dict)
    """Area → its declaration in force, its area name unique within the contest."""
    display: dict[str, str] = field(default_factory=dict)
    """Area → the unique name it is shown under (a list region may share a constituency's)."""
    taken: set[str] = field(default_factory=set)
    """The names in `display`."""
    tally: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(column, party code) → the sum of the parts in force: the table counted from results."""
    tables: dict[str, Part] = field(default_factory=dict)
    """File key → state-of-parties part."""
    nominations: dict[str, Part] = field(default_factory=dict)
    """File key → nominations part."""
    areas: dict[str, None] = field(default_factory=dict)
    """Every area's name: the nominated ones by name, then any declared without a nomination."""
    standing: Counter[str] = field(default_factory=Counter)
    """Party code → areas it stands in (from nominations)."""
    names: dict[str, str] = field(default_factory=dict)
    """Party code → its name, as the nominations give it."""
    constituencies: int = 0
    """First-past-the-post areas nominated (a chamber's seats, before its state of parties)."""
    built: Contest | None = None
    warning: str = ""

    def copy(self) -> Group:
        """A copy whose dictionaries may change without changing this group's."""
        return replace(self, entries=dict(self.entries), best=dict(self.best),
                       shown=dict(self.shown), display=dict(self.display), taken=set(self.taken),
                       tally=Counter(self.tally), tables=dict(self.tables),
                       nominations=dict(self.nominations), areas=dict(self.areas),
                       standing=Counter(self.standing), names=dict(self.names))  # fmt: skip

    def table(self) -> Part | None:
        """The state of parties in force."""
        return best(self.tables.values())

    def settle(self, area: str) -> None:
        """Put the highest-ranked part of `area` in force, moving the tally with it."""
        old, new = self.best.get(area), best(self.entries.get(area, {}).values())
        if old is new:
            return
        for part, sign in ((old, -1), (new, 1)):
            for column, party, amount in part.tally if part else ():
                self.tally[column, party] += sign * amount
        if new is None or new.declaration is None:
            self.best.pop(area, None)
            self.shown.pop(area, None)
            return
        name = self.display.get(area) or self._name_for(area, new.name)
        decl = new.declaration
        self.best[area] = new
        self.shown[area] = decl if decl.area == name else decl.model_copy(update={"area": name})
        self.areas.setdefault(name)

    def _name_for(self, area: str, name: str) -> str:
        found = distinct(name, self.taken, lambda name, n: f"{name[:74]} ({n})")
        self.display[area] = found
        self.taken.add(found)
        return found

    def renominate(self) -> None:
        """Work out `areas` again after a nominations file changed (rare: before the night)."""
        self.areas = dict.fromkeys(sorted({p.name for p in self.nominations.values()}))
        self.areas.update(dict.fromkeys(d.area for d in self.shown.values()))


@dataclass
class Night:
    """Every part in force, by contest; the contests and ticker they make (see the module)."""

    groups: dict[ContestKey, Group] = field(default_factory=dict)
    order: dict[ContestKey, str] = field(default_factory=dict)
    """The contests shown so far → their ids, in tab order (only ever appended to)."""
    ticker: dict[str, tuple[Update, ...]] = field(default_factory=dict)
    """File key → ticker items of a part that feeds no contest (a recount)."""
    contests: tuple[Contest, ...] = ()
    updates: tuple[Update, ...] = ()
    _owned: set[ContestKey] = field(default_factory=set, repr=False)
    _touched: dict[ContestKey, dict[str, None]] = field(default_factory=dict, repr=False)
    """Group → areas changed, in the order they changed (declarations keep that order)."""
    _renominate: set[ContestKey] = field(default_factory=set, repr=False)
    _ticker_changed: bool = field(default=False, repr=False)

    def fork(self) -> Night:
        """A night to change, sharing this one's groups until it changes them."""
        return Night(dict(self.groups), dict(self.order), dict(self.ticker), self.contests,
                     self.updates)  # fmt: skip

    def _group(self, key: ContestKey, election: str) -> Group:
        if key not in self.groups:
            self.groups[key] = Group(key, election)
            self._owned.add(key)
        elif key not in self._owned:
            self.groups[key] = self.groups[key].copy()
            self._owned.add(key)
        return self.groups[key]

    def replace(self, file: str, old: Part | None, new: Part | None) -> None:
        """File `file` no longer brings `old` but `new` (either may be None)."""
        for part, adding in ((old, False), (new, True)):
            if part is None:
                continue
            if part.contest is None:
                self._ticker_changed = True
                if adding:
                    self.ticker[file] = part.updates
                else:
                    self.ticker.pop(file, None)
                continue
            group = self._group(part.contest, part.election)
            self._touched.setdefault(group.key, {})
            if part.table is not None:
                _put(group.tables, file, part, adding)
            elif part.nominated is not None:
                _put(group.nominations, file, part, adding)
                sign = 1 if adding else -1
                group.standing.update({code: sign for code, _ in part.nominated})
                group.names.update({c: n for c, n in part.nominated if c not in group.names})
                group.constituencies += sign * (part.system == "fptp")
                self._renominate.add(group.key)
            else:
                held = dict(group.entries.get(part.area, {}))
                _put(held, file, part, adding)
                group.entries[part.area] = held
                self._touched[group.key][part.area] = None

    def assemble(self) -> None:
        """Rebuild the contests the changes touched; order the contests; redo the ticker."""
        from feeds.pa.tables import build, ticker

        touched = set(self._touched)
        for key, areas in self._touched.items():
            group = self.groups[key]
            for area in areas:
                group.settle(area)
            if key in self._renominate:
                group.renominate()
        local = set(self._touched.get(ALL, ()))
        for key, group in self.groups.items():  # regions include councils of the whole table
            part = group.table() if key[0] == "councils" and key != ALL else None
            if part and isinstance(part.table, CouncilsTable) and local & set(part.table.councils):
                touched.add(key)
        for key in touched:
            group = self.groups[key] = self._group(key, self.groups[key].election)
            group.built, group.warning = build(group, self.groups.get(ALL))
        self._place(touched)
        self.contests = tuple(c for key in self.order if (c := self.groups[key].built))
        chambers = {k for k in touched if k[0] == "legislature"}
        if self._ticker_changed or chambers:
            self.updates = ticker(self.ticker, self.groups)
        self._touched, self._renominate, self._ticker_changed = {}, set(), False

    def _place(self, touched: set[ContestKey]) -> None:
        new = [k for k in touched if k not in self.order and self.groups[k].built is not None]
        new.sort(key=lambda k: (_KINDS[k[0]] - (k == ALL), k[1:]))
        taken = set(self.order.values())
        for key in new:
            built = self.groups[key].built
            assert built is not None
            ident = distinct(built.id, taken, lambda base, n: f"{base[:60]}-{n}")
            self.order[key] = ident
            taken.add(ident)
        for key in touched:
            group = self.groups[key]
            if group.built is not None and group.built.id != self.order[key]:
                group.built = group.built.model_copy(update={"id": self.order[key]})

    def warnings(self) -> list[str]:
        """The standing notes of the contests shown (a table tallied from results)."""
        return [w for key in self.order if (w := self.groups[key].warning)]

    def elections(self) -> list[str]:
        """The elections of the contests shown, in tab order, each once."""
        return list(dict.fromkeys(self.groups[key].election for key in self.order))


def _put(held: dict[str, Part], file: str, part: Part, adding: bool) -> None:
    if adding:
        held[file] = part
    elif held.get(file) is part:
        del held[file]
