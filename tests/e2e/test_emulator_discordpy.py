"""The emulator against the real discord.py client: the flows our bot relies on.

The bot here is a tiny ``commands.Bot`` written for these tests (not studybot),
so a failure points at the emulator, not at our bot.
"""

from __future__ import annotations

import asyncio
import io
import re
from dataclasses import dataclass
from typing import Any

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.e2e.conftest import discord_pointed_at, running
from tests.emulator import MANAGE_GUILD, SEND_MESSAGES, Emulator, Guild, SimUser

KOREAN = {"study": "공부", "Start a study session": "공부를 시작합니다"}


class KoreanTranslator(app_commands.Translator):
    async def translate(self, string: app_commands.locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContext[Any, Any]) -> str | None:
        return KOREAN.get(string.message) if locale is discord.Locale.korean else None


class RevealButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                   template=r"reveal:(?P<card>\d+)"):
    """Survives restarts: the card number lives in the custom_id, not in memory."""

    def __init__(self, card: int) -> None:
        super().__init__(discord.ui.Button(label="Show answer", custom_id=f"reveal:{card}"))
        self.card = card

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any],
                             item: discord.ui.Item[Any], match: re.Match[str]) -> RevealButton:
        return cls(int(match["card"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.edit_message(content=f"answer to card {self.card}", view=None)


class FeedbackModal(discord.ui.Modal, title="Feedback"):
    text: discord.ui.TextInput[Any] = discord.ui.TextInput(label="What was hard?",
                                                           custom_id="feedback:text")
    topic: discord.ui.Label[Any] = discord.ui.Label(
        text="Topic", component=discord.ui.Select(
            custom_id="feedback:topic",
            options=[discord.SelectOption(label=t, value=t) for t in ("srs", "cloud")]))

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        assert isinstance(self.topic.component, discord.ui.Select)
        topic = ",".join(self.topic.component.values)
        await interaction.response.send_message(f"thanks: {self.text.value} [{topic}]",
                                                ephemeral=True)


class QuizView(discord.ui.View):
    """A classic persistent view: dispatch relies on the message id in the callback answer."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.select(custom_id="quiz:pick", options=[discord.SelectOption(label="A", value="a"),
                                                       discord.SelectOption(label="B", value="b")])
    async def pick(self, interaction: discord.Interaction[Any],
                   select: discord.ui.Select[Any]) -> None:
        await interaction.response.send_message(
            f"picked {select.values[0]}",
            file=discord.File(io.BytesIO(b"because"), filename="why.txt"))

    @discord.ui.button(label="Skip", custom_id="quiz:skip")
    async def skip(self, interaction: discord.Interaction[Any],
                   button: discord.ui.Button[Any]) -> None:
        await interaction.response.defer()
        await interaction.edit_original_response(content="skipped", view=None)


class MiniBot(commands.Bot):
    """Remembers what it saw so tests can wait for it."""

    def __init__(self) -> None:
        intents = discord.Intents.default()
        intents.message_content = True  # to read what simulated users write
        super().__init__(command_prefix="!", intents=intents, guild_ready_timeout=0.05)
        self.seen: list[str] = []
        self.errors: list[discord.HTTPException] = []

    async def setup_hook(self) -> None:
        await self.tree.set_translator(KoreanTranslator())


def make_bot(cls: type[MiniBot] = MiniBot) -> MiniBot:
    bot = cls()
    bot.add_dynamic_items(RevealButton)

    @bot.tree.command(name=app_commands.locale_str("study"),
                      description=app_commands.locale_str("Start a study session"))
    async def study(interaction: discord.Interaction[Any]) -> None:
        view = discord.ui.View(timeout=None)
        view.add_item(RevealButton(7))
        await interaction.response.send_message(
            f"card 7 for {interaction.user.name} ({interaction.locale.value}, "
            f"admin={interaction.permissions.administrator})",
            view=view, ephemeral=True)

    @bot.tree.command(description="Tell us what was hard")
    async def feedback(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_modal(FeedbackModal())

    @bot.tree.command(description="Answers too late")
    async def slow(interaction: discord.Interaction[Any]) -> None:
        await asyncio.sleep(0.6)
        try:
            await interaction.response.send_message("late")
        except discord.NotFound as exc:
            bot.errors.append(exc)

    deck = app_commands.Group(name="deck", description="Decks")

    @deck.command(description="Show a deck")
    async def show(interaction: discord.Interaction[Any], name: str, cards: int = 5) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.edit_original_response(content=f"deck {name}: {cards} cards")
        await interaction.followup.send("done", ephemeral=True)

    bot.tree.add_command(deck)

    @bot.tree.command(description="Reset the group's progress")
    @app_commands.default_permissions(manage_guild=True)
    async def reset(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("reset done", ephemeral=True)

    @bot.tree.command(description="A question with choices")
    async def quiz(interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("Which one?", view=QuizView())

    @bot.event
    async def on_message(message: discord.Message) -> None:
        bot.seen.append(message.content)
    return bot


@dataclass
class Cast:
    """A Korean study group: ana (a learner, DMs open) and ben (an admin, DMs closed)."""

    guild: Guild
    ana: SimUser
    ben: SimUser


@pytest.fixture
async def world(emu: Emulator) -> Cast:
    guild = emu.add_guild("Study Group", locale="ko")
    return Cast(guild, emu.add_user("ana", locale="ko", guild=guild),
                emu.add_user("ben", guild=guild, admin=True, dm_open=False))


async def test_login_ready_guild_create_and_sync_with_korean_names(
        emu: Emulator, world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        guild = bot.get_guild(world.guild.id)
        assert guild is not None
        assert guild.preferred_locale is discord.Locale.korean
        assert {c.name for c in guild.text_channels} == {"general"}
        assert guild.me.guild_permissions.send_messages
        assert guild.get_member(world.ana.id) is None  # no members intent, no member list
        synced = await bot.tree.sync()
        assert {c.name for c in synced} == {"study", "feedback", "slow", "deck", "quiz",
                                               "reset"}
        study = next(c for c in emu.commands() if c["name"] == "study")
        assert study["name_localizations"]["ko"] == "공부"
        assert study["description_localizations"]["ko"] == "공부를 시작합니다"
        assert all(c.id for c in synced)


async def test_slash_command_answered_ephemerally_then_button_edits_it(
        emu: Emulator, world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        await bot.tree.sync()
        ana: SimUser = world.ana
        handle = await emu.slash(ana, "study", guild=world.guild)
        reply = await handle.response()
        assert reply.ephemeral
        assert reply.content == "card 7 for ana (ko, admin=False)"
        assert handle.ack_delay is not None
        assert handle.ack_delay < 1.0
        assert emu.channel_messages(emu.general(world.guild)) == []  # only ana sees it

        with pytest.raises(PermissionError):  # ben never sees ana's ephemeral card
            await emu.click(world.ben, reply, label="Show answer")
        click = await emu.click(ana, reply, label="Show answer")
        edited = await click.response()
        assert edited.id == reply.id
        assert edited.content == "answer to card 7"
        assert edited.components == []
        assert [v["content"] for v in edited.history] == ["card 7 for ana (ko, admin=False)"]
        assert emu.missed_deadlines() == []

        another = await (await emu.slash(ana, "study", guild=world.guild)).response()
        crafted = await emu.click(world.ben, another, label="Show answer", force=True)
        assert (await crafted.ack()).type == 7  # sent anyway, for the bot's own checks
        assert crafted.record.payload["member"]["user"]["id"] == str(world.ben.id)


async def test_subcommand_defer_edit_and_followup(emu: Emulator, world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        await bot.tree.sync()
        handle = await emu.slash(world.ana, "deck show", {"name": "cloud", "cards": 3},
                                 guild=world.guild)
        assert (await handle.ack()).type == 5
        reply = await handle.response()
        assert reply.content == "deck cloud: 3 cards"
        assert not reply.loading
        [followup] = await handle.followups(1)
        assert followup.content == "done"
        assert followup.ephemeral
        assert [m.content for m in emu.channel_messages(emu.general(world.guild))] == [
            "deck cloud: 3 cards"]


async def test_modal_submit_reaches_on_submit(emu: Emulator, world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        await bot.tree.sync()
        opened = await emu.slash(world.ana, "feedback", guild=world.guild)
        modal = await opened.modal()
        assert modal.title == "Feedback"
        assert modal.fields() == {"feedback:text": "What was hard?", "feedback:topic": "Topic"}
        submitted = await emu.submit_modal(world.ana, modal, {
            "feedback:text": "SM-2 math", "feedback:topic": ["srs"]})
        reply = await submitted.response()
        assert reply.content == "thanks: SM-2 math [srs]"


async def test_dm_sent_and_dm_refused(emu: Emulator, world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        ana_dm = await bot.create_dm(discord.Object(world.ana.id))
        message = await ana_dm.send("your daily question", file=discord.File(
            io.BytesIO(b"Q1"), filename="q.txt"))
        assert await message.attachments[0].read() == b"Q1"  # served back by the emulator
        [sent] = emu.dm_messages(world.ana)
        assert sent.content == "your daily question"
        assert [(a.filename, a.data) for a in sent.attachments] == [("q.txt", b"Q1")]

        ben_dm = await bot.create_dm(discord.Object(world.ben.id))
        with pytest.raises(discord.Forbidden) as refused:
            await ben_dm.send("hello")
        assert refused.value.code == 50007
        assert emu.dm_messages(world.ben) == []


async def test_opening_dms_too_fast_raises_40003(emu: Emulator, world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        emu.faults.dm_too_fast()
        with pytest.raises(discord.HTTPException) as too_fast:
            await bot.create_dm(discord.Object(world.ana.id))
        assert too_fast.value.code == 40003


async def test_channel_post_and_edit_keep_history(emu: Emulator,
                                                  world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        channel = bot.get_channel(emu.general(world.guild).id)
        assert isinstance(channel, discord.TextChannel)
        message = await channel.send("question 1")
        await message.edit(content="question 1 (closed)")
        [stored] = emu.channel_messages(emu.general(world.guild))
        assert stored.content == "question 1 (closed)"
        assert [v["content"] for v in stored.history] == ["question 1"]
        # Discord echoes the bot's own post over the gateway.
        await emu.wait_for(lambda: "question 1" in bot.seen)


@pytest.mark.parametrize("is_global", [False, True])
async def test_rate_limited_post_is_retried(emu: Emulator, world: Cast,
                                            is_global: bool) -> None:
    async with running(make_bot(), emu) as bot:
        channel = bot.get_channel(emu.general(world.guild).id)
        assert isinstance(channel, discord.TextChannel)
        emu.faults.rate_limit("POST /channels/*/messages", retry_after=0.2, is_global=is_global)
        await channel.send("after a 429")
        statuses = [r.status for r in emu.requests("POST /channels/*/messages")]
        assert statuses == [429, 200]
        retried = emu.requests("POST /channels/*/messages")
        assert retried[1].at - retried[0].at >= 0.2


async def test_bad_gateway_is_retried(emu: Emulator, world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        channel = bot.get_channel(emu.general(world.guild).id)
        assert isinstance(channel, discord.TextChannel)
        emu.faults.server_error("POST /channels/*/messages", status=502)
        await channel.send("after a 502")
        assert [r.status for r in emu.requests("POST /channels/*/messages")] == [502, 200]
        assert [m.content for m in emu.channel_messages(emu.general(world.guild))] == [
            "after a 502"]


@pytest.mark.parametrize("code", [4000, None])
async def test_dropped_gateway_resumes_and_replays_missed_event(
        emu: Emulator, world: Cast, code: int | None) -> None:
    async with running(make_bot(), emu) as bot:
        await emu.drop_gateway(code=code)
        await emu.user_message(world.ana, emu.general(world.guild), "sent while away")
        await emu.wait_for(lambda: "sent while away" in bot.seen)
        assert emu.gateway.resumes == 1
        assert emu.gateway.identifies == 1
        resume = [f for f in emu.gateway.received if f["op"] == 6]
        assert resume[0]["d"]["session_id"] in emu.gateway.sessions


async def test_reconnect_opcode_leads_to_resume(emu: Emulator, world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        await emu.send_reconnect()
        await emu.wait_for(lambda: emu.gateway.resumes == 1)
        await emu.user_message(world.ana, emu.general(world.guild), "after op 7")
        await emu.wait_for(lambda: "after op 7" in bot.seen)


async def test_missed_deadline_is_detected_and_late_answer_refused() -> None:
    async with Emulator(interaction_deadline=0.3) as emu, discord_pointed_at(emu):
        guild = emu.add_guild("Late Group")
        ana = emu.add_user("ana", guild=guild)
        bot = make_bot()
        async with running(bot, emu):
            await bot.tree.sync()
            handle = await emu.slash(ana, "slow", guild=guild)
            await emu.wait_for(lambda: bot.errors)
            [missed] = emu.missed_deadlines()
            assert missed.id == handle.id
            assert [code for code, _ in missed.rejected] == [10062]
            assert bot.errors[0].code == 10062


async def test_wrong_token_is_a_login_failure(emu: Emulator) -> None:
    bot = make_bot()
    with pytest.raises(discord.LoginFailure):
        await bot.login("not-the-token")
    await bot.close()


async def test_view_select_with_file_and_deferred_button_edit(
        emu: Emulator, world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        await bot.tree.sync()
        question = await (await emu.slash(world.ana, "quiz", guild=world.guild)).response()
        assert not question.ephemeral
        picked = await (await emu.select(world.ana, question, ["b"])).response()
        assert picked.content == "picked b"
        assert [(a.filename, a.data) for a in picked.attachments] == [("why.txt", b"because")]

        skip = await emu.click(world.ben, question, custom_id="quiz:skip")
        await emu.wait_for(lambda: question.history)  # the edit came before we look
        skipped = await skip.response()
        assert (await skip.ack()).type == 6
        assert skipped.id == question.id
        assert skipped.content == "skipped"
        assert skipped.components == []
        with pytest.raises(LookupError):
            await emu.click(world.ana, skipped, label="Skip")


async def test_slash_command_in_dm_has_user_not_member(emu: Emulator,
                                                       world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        await bot.tree.sync()
        reply = await (await emu.slash(world.ana, "study")).response()
        assert reply.channel_id == emu.dm_channel(world.ana).id
        assert reply.content == "card 7 for ana (ko, admin=False)"


async def test_channel_without_send_permission_is_forbidden_50013(
        emu: Emulator, world: Cast) -> None:
    quiet = emu.add_text_channel(world.guild, "quiet", bot_denied=SEND_MESSAGES)
    async with running(make_bot(), emu) as bot:
        channel = bot.get_channel(quiet.id)
        assert isinstance(channel, discord.TextChannel)
        assert not channel.permissions_for(channel.guild.me).send_messages
        with pytest.raises(discord.Forbidden) as denied:
            await channel.send("hello")
        assert denied.value.code == 50013
        assert emu.channel_messages(quiet) == []


async def test_guild_announced_after_connect_reaches_the_bot(emu: Emulator,
                                                             world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        later = emu.add_guild("Invited Later", locale="ko")
        await emu.announce_guild(later)
        joined = await emu.wait_for(lambda: bot.get_guild(later.id))
        assert joined.name == "Invited Later"


async def test_members_intent_gets_the_member_list(emu: Emulator,
                                                    world: Cast) -> None:
    bot = commands.Bot(command_prefix="!", intents=discord.Intents.all(),
                       guild_ready_timeout=0.05)
    async with running(bot, emu):
        guild = bot.get_guild(world.guild.id)
        assert guild is not None
        assert guild.chunked
        ben = guild.get_member(world.ben.id)
        assert ben is not None
        assert ben.guild_permissions.administrator
        ana = guild.get_member(world.ana.id)
        assert ana is not None
        assert not ana.guild_permissions.administrator


class PatientBot(MiniBot):
    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """discord.py waits 5 s before re-identifying; the emulator needs no such pause."""


async def test_invalid_session_makes_the_client_identify_again(
        emu: Emulator, world: Cast) -> None:
    async with running(make_bot(PatientBot), emu) as bot:
        first = next(iter(emu.gateway.sessions))
        await emu.invalidate_session()
        await emu.wait_for(lambda: emu.gateway.identifies == 2 and emu.gateway.connected())
        assert first not in emu.gateway.sessions
        await emu.user_message(world.ana, emu.general(world.guild), "new session")
        await emu.wait_for(lambda: "new session" in bot.seen)


async def test_discord_size_limits_and_mention_rules(emu: Emulator,
                                                    world: Cast) -> None:
    async with running(make_bot(), emu) as bot:
        channel = bot.get_channel(emu.general(world.guild).id)
        assert isinstance(channel, discord.TextChannel)
        with pytest.raises(discord.HTTPException) as too_long:
            await channel.send("x" * 2001)
        assert (too_long.value.status, too_long.value.code) == (400, 50035)
        assert "content" in str(too_long.value)
        with pytest.raises(discord.HTTPException):
            await channel.send(embed=discord.Embed(description="y" * 4097))
        with pytest.raises(discord.HTTPException):
            await channel.send(embeds=[discord.Embed(description="z" * 4000)] * 2)  # > 6000
        await channel.send("x" * 2000)

        ana = world.ana.id
        await channel.send(f"<@{ana}> @everyone quiet",
                           allowed_mentions=discord.AllowedMentions.none())
        await channel.send(f"<@{ana}> @everyone loud")
        quiet, loud = emu.channel_messages(emu.general(world.guild))[-2:]
        assert quiet.pings() == set()
        assert loud.pings() == {str(ana), "everyone"}


async def test_command_with_default_permissions_is_hidden_from_members(
        emu: Emulator, world: Cast) -> None:
    manager = emu.add_user("mia", guild=world.guild, permissions=MANAGE_GUILD)
    async with running(make_bot(), emu) as bot:
        await bot.tree.sync()
        with pytest.raises(PermissionError):
            await emu.slash(world.ana, "reset", guild=world.guild)
        for user in (world.ben, manager):  # an administrator, a server manager
            reply = await (await emu.slash(user, "reset", guild=world.guild)).response()
            assert reply.content == "reset done"
        forced = await emu.slash(world.ana, "reset", guild=world.guild, force=True)
        assert (await forced.response()).content == "reset done"  # the bot itself trusts Discord


async def test_privileged_intent_not_enabled_in_portal_is_refused() -> None:
    async with Emulator(privileged_intents=0) as emu, discord_pointed_at(emu):
        emu.add_guild()
        with pytest.raises(discord.PrivilegedIntentsRequired):
            async with running(make_bot(), emu):
                pass


class ShardedBot(commands.AutoShardedBot):
    def __init__(self) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(command_prefix="!", intents=intents, guild_ready_timeout=0.05)
        self.seen_by_shard: list[tuple[int | None, str]] = []

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """No 5 s pause between shards: the emulator has no identify rate limit."""

    async def on_message(self, message: discord.Message) -> None:
        shard = message.guild.shard_id if message.guild else None
        self.seen_by_shard.append((shard, message.content))


async def test_auto_sharded_client_gets_each_guild_on_its_shard() -> None:
    async with Emulator(recommended_shards=2) as emu, discord_pointed_at(emu):
        guilds = [emu.add_guild(f"g{i}") for i in range(4)]
        ana = emu.add_user("ana")
        for guild in guilds:
            emu.join(ana, guild)
        async with running(ShardedBot(), emu) as bot:
            assert bot.shard_count == 2
            assert {g.id for g in bot.guilds} == {g.id for g in guilds}
            assert sorted(s.shard for s in emu.gateway.sessions.values()) == [(0, 2), (1, 2)]
            await emu.drop_gateway(shard_id=1)
            for guild in guilds:
                await emu.user_message(ana, emu.general(guild), f"hi {guild.name}")
            await emu.wait_for(lambda: len(bot.seen_by_shard) == 4)
            assert sorted(bot.seen_by_shard) == sorted(
                ((g.id >> 22) % 2, f"hi {g.name}") for g in guilds)
            assert emu.gateway.resumes == 1  # only shard 1 was dropped
