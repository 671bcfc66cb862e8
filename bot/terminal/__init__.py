"""Offline study in a terminal: the same use cases as Discord, another front end."""

from bot.terminal.app import run_study

__all__ = ["run_study"]
