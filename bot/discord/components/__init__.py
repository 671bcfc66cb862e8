"""Buttons, the typed-answer modal and the layout of cards: the review flow's Discord face."""

from bot.discord.components.buttons import handle_click, handle_modal_submit

__all__ = ["handle_click", "handle_modal_submit"]
