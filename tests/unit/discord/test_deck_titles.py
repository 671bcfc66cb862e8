"""The titles cards are headed by: read once, again after a reload, an unknown deck or a while."""

from __future__ import annotations

from bot.discord.deck_titles import MAX_AGE, DeckTitles
from bot.study.prompt_context import DeckInfo


class Decks:
    """What the database holds, and how often it was read."""

    def __init__(self) -> None:
        self.rows = [DeckInfo("cloud-basics", "클라우드와 가상화 기초", "ko")]
        self.reads = 0
        self.fail = False

    async def read(self) -> list[DeckInfo]:
        self.reads += 1
        if self.fail:
            raise OSError("database is locked")
        return list(self.rows)


async def test_a_card_gets_its_decks_title_and_the_id_only_when_nothing_has_one() -> None:
    decks, now = Decks(), [0.0]
    titles = DeckTitles(decks.read, clock=lambda: now[0])
    assert await titles.title("cloud-basics") == "클라우드와 가상화 기초"
    assert await titles.title("cloud-basics") == "클라우드와 가상화 기초"
    assert decks.reads == 1  # not a read per click
    assert await titles.title("gone") == "gone"


async def test_titles_follow_reloads_new_decks_and_other_processes() -> None:
    decks, now = Decks(), [0.0]
    titles = DeckTitles(decks.read, clock=lambda: now[0])
    await titles.refresh()
    decks.rows = [DeckInfo("cloud-basics", "클라우드 기초 (개정판)", "ko"),
                  DeckInfo("net", "네트워크", "ko")]
    assert await titles.title("cloud-basics") == "클라우드와 가상화 기초"  # not re-read yet
    assert await titles.title("net") == "네트워크"  # an unknown deck reads again
    assert await titles.title("cloud-basics") == "클라우드 기초 (개정판)"
    decks.rows = [DeckInfo("cloud-basics", "세 번째 제목", "ko")]
    now[0] += MAX_AGE + 1  # another process may have reloaded it meanwhile
    assert await titles.title("cloud-basics") == "세 번째 제목"
    decks.fail = True
    await titles.refresh()  # a failed read keeps what was known
    assert await titles.title("cloud-basics") == "세 번째 제목"
