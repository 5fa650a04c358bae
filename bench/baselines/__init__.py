"""Provides the baselines the board is measured against: what a data desk would write instead."""

__all__: list[str] = []
