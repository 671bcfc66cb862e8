"""Permissions, deck ids that look like paths, and deck text that tries to ping people.

One bot process: a server with an admin, a plain member and a deck maintainer
(by role), a deck whose every text field holds @everyone, @here, a user and a
role mention, and sentinel deck files next to (not inside) the decks folder
whose access time shows whether anything ever read them.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from tests.e2e.hostile_support import forge_click, forged_modal, row_counts
from tests.e2e.support_bot import BotProcess, by_kind, card_text, query, start_bot, write_deck
from tests.emulator import Emulator, Guild, SimUser, StoredMessage

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

SENTINEL_TITLE = "SENTINEL OUTSIDE THE DECKS FOLDER"
SENTINEL = f"""\
deck: sentinel
title: {SENTINEL_TITLE}
cards:
  - id: s1
    type: basic
    front: {SENTINEL_TITLE}
    back: read
"""
#: Deck ids a user may type; none may name a file outside the decks folder.
EVIL_IDS = [
    "../sentinel", "../../sentinel", "../sentinel.yaml", "mini/../../sentinel",
    "/etc/passwd", "../../etc/passwd", "../../../../../../etc/passwd", "cloud-basics/../x",
    "..", ".", "./mini", "mini/../mini", "..\\sentinel", "%2e%2e%2fsentinel",
    "~/sentinel",
]


WORDS_DECK = """\
deck: words
title: Words only
lang: en
cards:
  - id: w1
    type: typed
    front: Which system is the phone book of the internet?
    back: DNS
"""


def pings_deck(user: SimUser, role: int) -> str:
    loud = f"@everyone @here <@{user.id}> <@!{user.id}> <@&{role}>"
    return f"""\
deck: pings
title: "{loud} deck"
lang: en
cards:
  - id: p1
    type: basic
    front: "{loud} front"
    back: "{loud} back"
  - id: p2
    type: choice
    front: "{loud} which?"
    choices: ["@everyone", "<@&{role}>", "<@{user.id}>"]
    answer: "@everyone"
    back: "{loud} explained"
"""


@dataclass
class Stage:
    emu: Emulator
    guild: Guild
    bot: BotProcess
    admin: SimUser
    mel: SimUser  # a member with no special permission
    max: SimUser  # holds the deck maintainer role
    sentinels: list[Path]

    def bot_messages(self) -> list[StoredMessage]:
        return [m for m in self.emu.world.messages.values() if m.author.bot]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stage(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stage]:
    workdir = tmp_path_factory.mktemp("perm")
    write_deck(workdir / "decks")
    sentinels = [write_deck(workdir, SENTINEL, "sentinel.yaml"),
                 write_deck(workdir.parent, SENTINEL, "sentinel.yaml")]
    for path in sentinels:
        os.utime(path, (0, 0))  # any read sets the access time to now
    async with Emulator() as emu:
        guild = emu.add_guild("Study Group")
        admin = emu.add_user("admin", guild=guild, admin=True)
        mel = emu.add_user("mel", guild=guild)
        max_ = emu.add_user("max", guild=guild, permissions=0)
        role = guild.roles[-1].id
        write_deck(workdir / "decks", pings_deck(mel, role), "pings.yaml")
        write_deck(workdir / "decks", WORDS_DECK, "words.yaml")
        bot = await start_bot(emu, workdir, extra={"STUDYBOT_MAINTAINER_ROLE_ID": str(role)})
        try:
            yield Stage(emu, guild, bot, admin, mel, max_, sentinels)
        finally:
            code = await bot.stop()
        assert code == 0, bot.stderr()
        assert "Traceback" not in bot.stderr(), bot.stderr()[-3000:]


async def reply_to(stage: Stage, user: SimUser, command: str,
                   options: Mapping[str, object] | None = None, *, in_dm: bool = False,
                   force: bool = False) -> StoredMessage:
    handle = await stage.emu.slash(user, command, dict(options or {}), force=force,
                                   guild=None if in_dm else stage.guild)
    return await handle.response(within=5)


# -- admin and maintainer commands -----


DAILY_OPTIONS = {"channel": "0", "deck": "mini", "time": "09:00", "timezone": "Asia/Seoul"}


async def test_daily_setup_is_refused_to_a_member_without_manage_server(stage: Stage) -> None:
    options = {**DAILY_OPTIONS, "channel": str(stage.emu.general(stage.guild).id)}
    with pytest.raises(PermissionError):  # Discord hides it from them
        await stage.emu.slash(stage.mel, "daily setup", options, guild=stage.guild)
    for command, opts in (("daily setup", options), ("daily post-now", None),
                          ("daily remove", None), ("daily pause", None)):
        reply = await reply_to(stage, stage.mel, command, opts, force=True)
        assert reply.ephemeral and "Manage Server" in reply.content, (command, reply.content)
    assert query(stage.bot.db_path, "SELECT count(*) FROM daily_configs") == [(0,)]


async def test_admin_commands_from_dms_are_refused(stage: Stage) -> None:
    options = {**DAILY_OPTIONS, "channel": str(stage.emu.general(stage.guild).id)}
    for user in (stage.mel, stage.admin):
        reply = await reply_to(stage, user, "daily setup", options, in_dm=True, force=True)
        assert "went wrong" not in card_text(reply), card_text(reply)
        assert "server" in card_text(reply).lower(), card_text(reply)
    reply = await reply_to(stage, stage.mel, "deck reload", in_dm=True, force=True)
    assert "maintainer role" in card_text(reply)
    assert query(stage.bot.db_path, "SELECT count(*) FROM daily_configs") == [(0,)]


async def test_deck_maintenance_is_refused_to_non_maintainers(stage: Stage) -> None:
    reloads = query(stage.bot.db_path, "SELECT count(*) FROM deck_reloads")
    for user in (stage.mel, stage.admin):  # Manage Server is not the maintainer role
        for command in ("deck reload", "deck info", "deck leeches"):
            reply = await reply_to(stage, user, command, force=True)
            assert reply.ephemeral and "maintainer role" in card_text(reply), command
    assert query(stage.bot.db_path, "SELECT count(*) FROM deck_reloads") == reloads
    done = await reply_to(stage, stage.max, "deck reload", force=True)
    assert "maintainer role" not in card_text(done)


# -- deck ids are names, never paths -----


async def test_deck_ids_never_read_outside_the_decks_folder(stage: Stage) -> None:
    before = row_counts(stage.bot.db_path)
    channel = str(stage.emu.general(stage.guild).id)
    replies: list[StoredMessage] = []
    for evil in EVIL_IDS:
        replies.append(await reply_to(stage, stage.mel, "study", {"deck": evil}))
        replies.append(await reply_to(stage, stage.max, "deck reload", {"deck": evil},
                                      force=True))
        replies.append(await reply_to(stage, stage.max, "deck info", {"deck": evil},
                                      force=True))
        replies.append(await reply_to(stage, stage.admin, "daily setup",
                                      {**DAILY_OPTIONS, "channel": channel, "deck": evil}))
    for reply in replies:
        seen = card_text(reply)
        assert SENTINEL_TITLE not in seen and "went wrong" not in seen, seen
        assert "root:" not in seen  # /etc/passwd's first line
    for path in stage.sentinels:
        assert path.stat().st_atime == 0, f"{path} was read"
    assert query(stage.bot.db_path, "SELECT id FROM decks ORDER BY id") == [
        ("mini",), ("pings",), ("words",)]
    assert query(stage.bot.db_path, "SELECT count(*) FROM daily_configs") == [(0,)]
    assert row_counts(stage.bot.db_path) == before
    # No session was started on any of them: no card with buttons in mel's DMs.
    assert [card_text(m) for m in stage.emu.dm_messages(stage.mel) if m.buttons()] == []


# -- deck text never pings anyone -----


async def test_deck_text_pings_nobody(stage: Stage) -> None:
    learner = stage.mel
    await reply_to(stage, learner, "study", {"deck": "pings"})
    await stage.emu.wait_for(lambda: stage.emu.dm_messages(learner))
    card = stage.emu.dm_messages(learner)[-1]
    for _ in range(4):  # reveal and answer every card, so every text field is sent
        if by_kind(card, "show"):
            card = await (await stage.emu.click(learner, card,
                                                custom_id=by_kind(card, "show")[0])).response()
            card = await (await stage.emu.click(learner, card,
                                                custom_id=by_kind(card, "grade")[0])).response()
        elif by_kind(card, "pick"):
            card = await (await stage.emu.click(learner, card,
                                                custom_id=by_kind(card, "pick")[1])).response()
        else:
            break
    await reply_to(stage, learner, "decks")
    await reply_to(stage, learner, "study", {"deck": "@everyone <@&1> <@1>"})
    channel = stage.emu.general(stage.guild)
    await reply_to(stage, stage.admin, "daily setup",
                   {**DAILY_OPTIONS, "channel": str(channel.id), "deck": "pings"})
    await reply_to(stage, stage.admin, "daily post-now")
    post = await stage.emu.wait_for(lambda: [m for m in stage.emu.channel_messages(channel)
                                             if m.buttons()])
    ids = [str(b["custom_id"]) for b in post[-1].buttons()]
    picks = [i for i in ids if i.startswith("sb:daily:pick:")]
    handle = await stage.emu.click(learner, post[-1], custom_id=(picks or ids)[0])
    if not picks:  # a question answered in words: the modal
        handle = await stage.emu.submit_modal(learner, await handle.modal(),
                                              {"sb:daily:answer": "@everyone <@&1>"})
    await handle.response()

    sent = stage.bot_messages()
    texts = "\n".join(card_text(m) for m in sent)
    assert "@everyone" in texts and f"<@{learner.id}>" in texts  # the text did go out
    assert {m.id: m.pings() for m in sent if m.pings()} == {}
    for version in (v for m in sent for v in m.history):
        assert "@everyone" not in str(version.get("content") or "") or \
            version.get("allowed_mentions") == {"parse": []}


# -- the daily question's answers ------------------------------------------------------------


async def daily_words_post(stage: Stage) -> StoredMessage:
    """A daily question answered in words, posted now in its own channel."""
    channel = stage.emu.add_text_channel(stage.guild, "words")
    await stage.emu.announce_guild(stage.guild)  # the bot learns of the new channel
    done = await reply_to(stage, stage.admin, "daily setup",
                          {**DAILY_OPTIONS, "channel": str(channel.id), "deck": "words"})
    assert "Every day" in card_text(done), card_text(done)
    handle = await stage.emu.slash(stage.admin, "daily post-now", guild=stage.guild,
                                   channel=channel)
    await handle.response()
    posts = await stage.emu.wait_for(lambda: [m for m in stage.emu.channel_messages(channel)
                                              if m.buttons()])
    return posts[-1]


async def test_forged_daily_answers_write_nothing(stage: Stage) -> None:
    post = await daily_words_post(stage)
    [open_id] = [str(b["custom_id"]) for b in post.buttons()]
    post_id = int(open_id.rsplit(":", 1)[1])
    before = row_counts(stage.bot.db_path)
    for forged in (f"sb:daily:pick:{post_id}:0", f"sb:daily:pick:{post_id}:99",
                   f"sb:daily:pick:{post_id + 1000}:0"):
        reply = await (await forge_click(stage.emu, stage.mel, post, forged)).response(within=5)
        assert reply.ephemeral and "went wrong" not in card_text(reply), (forged, reply)
    opened = await stage.emu.click(stage.mel, post, custom_id=open_id)
    modal = await opened.modal()
    elsewhere = forged_modal(modal, f"sb:daily:text:{post_id + 1000}")
    reply = await (await stage.emu.submit_modal(stage.mel, elsewhere,
                                                {"sb:daily:answer": "DNS"})).response()
    assert reply.ephemeral
    assert row_counts(stage.bot.db_path) == before


async def test_an_oversized_daily_answer_is_refused(stage: Stage) -> None:
    channel = next(c for c in stage.emu.world.channels.values() if c.name == "words")
    post = [m for m in stage.emu.channel_messages(channel) if m.buttons()][-1]
    opened = await stage.emu.click(stage.admin, post, custom_id=str(
        post.buttons()[0]["custom_id"]))
    modal = await opened.modal()
    before = row_counts(stage.bot.db_path)
    reply = await (await stage.emu.submit_modal(stage.admin, modal,
                                                {"sb:daily:answer": "x" * 100_000})).response()
    assert reply.ephemeral
    assert row_counts(stage.bot.db_path) == before
