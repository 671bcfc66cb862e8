"""Buttons, the typed-answer modal and the layout of cards: the review flow's Discord face."""

from bot.discord.components.buttons import DYNAMIC_ITEMS, handle_modal_submit

__all__ = ["DYNAMIC_ITEMS", "handle_modal_submit"]
