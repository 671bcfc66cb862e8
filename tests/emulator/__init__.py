"""A local Discord (REST v10 + gateway) for end-to-end tests of the real discord.py client.

Start it with ``async with Emulator() as emu:``, point discord.py at
``emu.api_base`` and ``emu.gateway_url``, then act as users with ``emu.slash``,
``emu.click`` and ``emu.submit_modal`` and read what the bot did.
"""

from .faults import FaultPlan
from .interactions import Callback, InteractionHandle, InteractionRecord, ModalHandle
from .server import DEFAULT_TOKEN, Emulator
from .state import (
    ADMINISTRATOR,
    EMBED_LINKS,
    MANAGE_GUILD,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    Attachment,
    Channel,
    Guild,
    RecordedRequest,
    SimUser,
    StoredMessage,
)

__all__ = [
    "ADMINISTRATOR",
    "DEFAULT_TOKEN",
    "EMBED_LINKS",
    "MANAGE_GUILD",
    "SEND_MESSAGES",
    "VIEW_CHANNEL",
    "Attachment",
    "Callback",
    "Channel",
    "Emulator",
    "FaultPlan",
    "Guild",
    "InteractionHandle",
    "InteractionRecord",
    "ModalHandle",
    "RecordedRequest",
    "SimUser",
    "StoredMessage",
]
