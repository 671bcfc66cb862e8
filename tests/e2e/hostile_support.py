"""Forged interactions for the hostile e2e tests: what a modified client could send.

`Emulator.click` only presses buttons that are on the message, as Discord's own
client does, and discord.py drops a click whose custom_id is not on the message
it came with. A forged click therefore arrives with the forged button on the
message copy in its payload: the bot's own checks are what stand in the way.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.e2e.support_bot import query
from tests.emulator import Emulator, SimUser, StoredMessage
from tests.emulator.interactions import (
    MESSAGE_COMPONENT,
    InteractionHandle,
    ModalHandle,
)

#: Tables a refused interaction must leave alone.
WRITTEN = ("review_log", "review_states", "daily_answers", "enrollments")


async def forge_click(emu: Emulator, user: SimUser, message: StoredMessage,
                      custom_id: str) -> InteractionHandle:
    """``user`` sends a button click with ``custom_id`` from ``message``, whatever it shows."""
    channel = emu.world.channels[message.channel_id]
    button = {"type": 2, "style": 1, "label": "forged", "custom_id": custom_id}
    carrier = replace(message, components=[{"type": 1, "components": [button]}])
    data = {"custom_id": custom_id, "component_type": 2}
    return await emu._create(MESSAGE_COMPONENT, user, channel, data, carrier)


def forged_modal(modal: ModalHandle, custom_id: str) -> ModalHandle:
    """The same modal form, submitted under another custom_id."""
    return replace(modal, custom_id=custom_id)


def row_counts(db_path: Path) -> dict[str, int]:
    return {table: query(db_path, f"SELECT count(*) FROM {table}")[0][0] for table in WRITTEN}
