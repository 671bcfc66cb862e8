"""What maintainers read: reload summaries, problems cut to Discord's limits, who may reload."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bot.decks import DeckError, parse_deck
from bot.decks.errors import Problem
from bot.discord.cogs.deck_admin._access import may_maintain
from bot.discord.cogs.deck_admin._render import (
    fit_lines,
    info_embed,
    info_lines,
    leech_lines,
    log_channel_text,
    report_lines,
    report_text,
)
from bot.storage.deck_sync import SyncResult
from bot.study.deck_loading import DeckOutcome, ReloadReport
from bot.study.deck_reports import DeckInfo, LastReload, Leech, LeechReport, WeakDaily

MORE = "…and {n} more"


@given(lines=st.lists(st.text(st.characters(exclude_characters="\n\r"), max_size=39),
                     max_size=120),
       limit=st.integers(min_value=40, max_value=2000))
def test_fit_lines_stays_within_the_limit_and_counts_what_it_left_out(
    lines: list[str], limit: int
) -> None:
    out = fit_lines(lines, limit, MORE)
    assert len(out) <= limit
    if "\n".join(lines) == out:
        return
    last = out.rsplit("\n", 1)[-1]
    assert last.startswith("…and ") and last.endswith(" more")
    left_out = int(last.removeprefix("…and ").removesuffix(" more"))
    shown = out.count("\n")  # the lines before the footer
    assert shown + left_out == len(lines)
    assert out.split("\n")[:shown] == lines[:shown]


def test_many_problems_are_listed_one_per_line_then_counted() -> None:
    problems = tuple(Problem("/srv/bot/decks/x.yaml", i, 5, "a bad thing " * 5)
                     for i in range(1, 200))
    report = ReloadReport([DeckOutcome("x", "/srv/bot/decks/x.yaml", None, problems)])
    body = report_text(report, "en", Path("/srv/bot/decks"), 2000)
    lines = body.split("\n")
    assert lines[0].startswith("x: not loaded")
    assert lines[1] == "decks/x.yaml:1:5: " + "a bad thing " * 5
    assert lines[-1] == f"…and {199 - (len(lines) - 2)} more"
    assert len(body) <= 2000 and "/srv" not in body


def test_summary_lines_in_english_and_korean() -> None:
    result = SyncResult(added=["a", "b"], changed=["c", "d", "e"], retired=["f"])
    ok = DeckOutcome("cloud-basics", "decks/cloud-basics.yaml", result)
    refused = DeckOutcome("other", "decks/other.yaml", None,
                          (Problem("decks/other.yaml", 3, 1, "broken"),))
    report = ReloadReport([ok, refused])
    assert report_lines(report, "en", Path("decks")) == [
        "other: not loaded because of the problems below; the previous version keeps serving.",
        "decks/other.yaml:3:1: broken",
        "cloud-basics: 2 added, 3 changed (history kept), 1 retired, 0 restored",
    ]
    assert report_lines(ReloadReport([ok]), "ko", Path("decks")) == [
        "cloud-basics: 추가 2, 변경 3 (기록 유지), 보관 1, 복원 0"
    ]
    assert ok.summary_line() == (
        "cloud-basics: 2 added, 3 changed (history kept), 1 retired, 0 restored"
    )
    unknown = report_lines(ReloadReport(unknown="nope"), "en", Path("decks"))
    assert unknown == ["There is no deck 'nope': no file for it in the decks folder."]


def test_who_may_maintain() -> None:
    def check(user: int, roles: list[int], app_owner: bool = False) -> bool:
        return may_maintain(user, roles, owner_ids=[1], maintainer_role_id=77,
                            app_owner=app_owner)

    assert check(1, [])
    assert check(2, [5, 77])
    assert check(3, [], app_owner=True)
    assert not check(2, [5])
    assert not may_maintain(2, [77], owner_ids=[], maintainer_role_id=None, app_owner=False)


# -- /deck info, /deck leeches and the log channel, as a maintainer reads them ---------------

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def info(deck_id: str = "cloud-basics", title: str = "클라우드와 가상화 기초",
         last: LastReload | None = None) -> DeckInfo:
    return DeckInfo(deck_id=deck_id, title=title, path=f"decks/{deck_id}.yaml",
                    cards_by_type={"choice": 25, "basic": 23, "cloze": 4}, retired=2,
                    learners=12, reviews=1234, reviews_recent=40, retention=0.925,
                    last_reload=last)


def test_deck_info_names_card_types_and_what_retention_counts_in_korean() -> None:
    watched = LastReload(NOW, True, "watch", None,
                         {"added": 1, "changed": 0, "retired": 0, "restored": 0}, [])
    lines = dict(info_lines(info(last=watched), "ko"))
    assert lines["카드"] == "기본 23장 · 객관식 25장 · 빈칸 4장 · 보관된 카드 2장"
    assert not re.search("[A-Za-z]", lines["카드"])  # "basic 23, choice 25" was half English
    assert lines["30일 기억률"].startswith("92% · 이미 배운 카드를 복습한 40번 기준")
    assert "모두 1234번" in lines["답한 횟수"]
    assert "덱 파일이 바뀌어 자동으로 실행" in lines["마지막 다시읽기"]
    english = dict(info_lines(info(), "en"))
    assert english["Cards"] == "23 basic · 25 multiple choice · 4 cloze · 2 retired"
    assert "of 40 reviews of cards already learned" in english["Retention (30 days)"]


def test_deck_info_over_many_decks_shows_whole_decks_then_how_many_more() -> None:
    long_title = "아주 긴 덱 제목 " * 14  # 126 characters: a title may hold 200
    many = [info(f"deck-{i:02d}", f"{long_title}{i}") for i in range(40)]
    for lang in ("ko", "en"):
        embed = info_embed(many, lang)
        assert len(embed) <= 6000 and len(embed.fields) <= 25
        shown = len(embed.fields)
        assert all(f"deck-{i:02d}" in (embed.fields[i].name or "") for i in range(shown))
        assert str(40 - shown) in (embed.footer.text or "")
    assert "`/덱관리 정보`에서" in (info_embed(many, "ko").footer.text or "")


def test_leeches_show_the_card_as_learners_see_it_and_say_what_to_do() -> None:
    cloze = ("도커파일을 {{c1::빌드}}하면 이미지가 되고, "
             "이미지를 {{c2::실행::동사}}하면 컨테이너가 된다.")
    report = LeechReport("docker", "decks/docker.yaml",
                         [Leech("z1", 2, 12, cloze, 3, 7, False)],
                         [WeakDaily("z1", 12, cloze, 10, 2)])
    lines = leech_lines(report, "ko", Path("decks"))
    body = "\n".join(lines)
    assert "{{" not in body and "::" not in body
    assert "도커파일을 빌드하면 이미지가 되고, 이미지를 [동사]하면" in body
    assert "도커파일을 [...]하면 이미지가 되고, 이미지를 [동사]하면" in body  # daily: every blank
    assert "EF" not in body and "E-Factor" not in "\n".join(leech_lines(report, "en", Path(".")))
    assert "두 카드로 나누거나" in body
    assert "`decks/docker.yaml:12` z1 c2" in body and "학습자 3명이 합쳐서 7번 잊었어요" in body


def test_a_reload_nobody_ran_is_not_reported_as_run_by_the_bot() -> None:
    report = ReloadReport([DeckOutcome("live", "decks/live.yaml", SyncResult())])
    watched = log_channel_text(report, "ko", Path("decks"), "watch", None)
    assert "studybot" not in watched
    assert watched.startswith("**덱 다시읽기** · 덱 파일이 바뀌어 자동으로 실행")
    assert "on SIGHUP" in log_channel_text(report, "en", Path("decks"), "signal", None)
    by_hand = log_channel_text(report, "en", Path("decks"), "command", 42)
    assert by_hand.startswith("**Deck reload** · run by <@42>")


def test_problems_come_in_the_maintainers_language_after_the_same_prefix() -> None:
    broken = "title: t\ncards:\n  - id: a\n    type: basic\n    front: 123\n    back: b\n"
    try:
        parse_deck(broken.encode(), "/srv/bot/decks/x.yaml")
    except DeckError as error:
        problems = tuple(error.problems)
    report = ReloadReport([DeckOutcome("x", "/srv/bot/decks/x.yaml", None, problems)])
    korean = report_lines(report, "ko", Path("/srv/bot/decks"))
    english = report_lines(report, "en", Path("/srv/bot/decks"))
    assert korean[1] == ("decks/x.yaml:5:12: "
                         "`front`는 숫자가 아니라 글이어야 해요. 따옴표로 감싸 주세요")
    assert english[1] == "decks/x.yaml:5:12: `front` must be text, not a number; put it in quotes"
    assert korean[0].startswith("x: 문제가 있어 반영하지 않았어요")
    # A problem the loader wrote without a phrase is shown as written.
    plain = ReloadReport([DeckOutcome("y", "decks/y.yaml", None,
                                      (Problem("decks/y.yaml", 1, 1, "plain words"),))])
    assert report_lines(plain, "ko", Path("decks"))[1] == "decks/y.yaml:1:1: plain words"
