"""What maintainers read: reload summaries, problems cut to Discord's limits, who may reload."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bot.decks.errors import Problem
from bot.discord.cogs.deck_admin._access import may_maintain
from bot.discord.cogs.deck_admin._render import fit_lines, report_lines, report_text
from bot.storage.deck_sync import SyncResult
from bot.study.deck_loading import DeckOutcome, ReloadReport

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
