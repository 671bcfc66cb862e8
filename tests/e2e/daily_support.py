"""The study-group e2e tests' shared pieces: a deck of choice cards and a movable clock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.jobs.clock import ENV_VAR, write_instant
from tests.e2e.support_bot import BotProcess, start_bot, write_deck
from tests.emulator import Channel, Emulator, StoredMessage

GROUP_DECK = """\
deck: group
title: Group deck
lang: en
cards:
  - id: g0000001
    type: choice
    front: Which model gives you an empty room to install node.js yourself?
    choices: [IaaS, PaaS, SaaS]
    answer: IaaS
    back: You install everything above the operating system.
  - id: g0000002
    type: choice
    front: Which system is the phone book of the internet?
    choices: [DNS, CDN, VPN]
    answer: DNS
"""

RIGHT = {"empty room": "IaaS", "phone book": "DNS"}

#: 08:00 in Seoul on 2026-11-25.
SEOUL_8AM = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)


def clock_path(workdir: Path) -> Path:
    return workdir / "clock.txt"


def set_clock(workdir: Path, instant: datetime) -> None:
    write_instant(clock_path(workdir), instant)


async def start_group_bot(emu: Emulator, workdir: Path, now: datetime, *, tag: str = "bot",
                          grace_minutes: int = 60) -> BotProcess:
    write_deck(workdir / "decks", GROUP_DECK, "group.yaml")
    if not clock_path(workdir).exists():
        set_clock(workdir, now)
    return await start_bot(emu, workdir, tag=tag, extra={
        ENV_VAR: str(clock_path(workdir)),
        "STUDYBOT_DAILY_GRACE_MINUTES": str(grace_minutes),
    })


def daily_posts(emu: Emulator, channel: Channel) -> list[StoredMessage]:
    return [m for m in emu.channel_messages(channel)
            if m.embeds and "Daily question" in str(m.embeds[0].get("title"))]


def option_ids(message: StoredMessage) -> dict[str, str]:
    """Option text -> custom_id of a choice post's buttons ("1. IaaS" -> "IaaS")."""
    return {str(b["label"]).split(". ", 1)[1]: str(b["custom_id"]) for b in message.buttons()
            if str(b.get("custom_id", "")).startswith("sb:daily:pick:")}


def right_answer(message: StoredMessage) -> str:
    question = str(message.embeds[0].get("description"))
    return next(answer for fragment, answer in RIGHT.items() if fragment in question)


def wrong_answer(message: StoredMessage) -> str:
    right = right_answer(message)
    return next(o for o in option_ids(message) if o != right)


def embed_text(message: StoredMessage) -> str:
    parts = [message.content or ""]
    for embed in message.embeds:
        parts += [str(embed.get("title") or ""), str(embed.get("description") or "")]
        for f in embed.get("fields") or []:
            parts += [str(f.get("name") or ""), str(f.get("value") or "")]
        parts.append(str((embed.get("footer") or {}).get("text") or ""))
    return "\n".join(parts)
