"""Reading a modal submission's raw payload.

A modal handled by custom_id in `on_interaction` (so it works after a
restart, without a live `discord.ui.Modal`) gets only the raw components.
"""

from __future__ import annotations

from typing import Any


def text_values(components: list[Any]) -> dict[str, str]:
    """custom_id -> value of the text inputs in a modal submission (rows or labels)."""
    found: dict[str, str] = {}
    for item in components:
        if not isinstance(item, dict):
            continue
        if item.get("type") == 4 and "custom_id" in item:
            found[str(item["custom_id"])] = str(item.get("value") or "")
        found.update(text_values(list(item.get("components") or [])))
        inner = item.get("component")
        if isinstance(inner, dict):
            found.update(text_values([inner]))
    return found
