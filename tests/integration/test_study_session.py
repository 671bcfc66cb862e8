"""The study use cases on a real SQLite file: what a learner does, what is stored."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Connection, select, update

from bot.srs.sm2 import Sm2State, review
from bot.storage.deck_sync import DeckSnapshot
from bot.storage.models import ReviewLog, ReviewState, User
from bot.storage.transactions import SqliteThreadRunner
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import (
    AnswerStatus,
    ChoicePick,
    DeckChoiceNeededError,
    SelfGrade,
    StudyService,
    TypedText,
    UnknownDeckError,
)
from bot.study.verify import verify_states
from tests.integration.builders import basic, choice, cloze, deck, typed
from tests.integration.storage_helpers import enrolled_deck_ids, sessions_of, sync_deck

# 10:00 in Seoul (UTC+9) on 2026-11-25.
NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
TODAY = date(2026, 11, 25)
LEARNER = 1001
OTHER = 2002


async def _service(db: Database, *snapshots: DeckSnapshot, **limits: int) -> StudyService:
    async with sessions_of(db).begin() as session:
        for snapshot in snapshots:
            await sync_deck(session, snapshot, NOW)
    defaults = LearnerDefaults(**limits)  # type: ignore[arg-type]
    return StudyService(db.runner, defaults)


async def _logs(db: Database) -> list[ReviewLog]:
    async with sessions_of(db)() as session:
        return list((await session.scalars(select(ReviewLog).order_by(ReviewLog.id))).all())


async def _states(db: Database) -> dict[tuple[int, int], ReviewState]:
    async with sessions_of(db)() as session:
        rows = (await session.scalars(select(ReviewState))).all()
    return {(r.card_pk, r.face): r for r in rows}


async def test_a_session_of_every_card_type_stores_states_and_log(database: Database) -> None:
    service = await _service(
        database,
        deck(
            "mix",
            basic("b1", back="Seoul"),
            choice("c1", ["높음", "낮음"], "낮음"),
            typed("t1", "하이퍼바이저", ["hypervisor"]),
            cloze("z1", "{{c1::build}} then {{c2::run}}", (1, 2)),
        ),
    )
    ref = await service.start(LEARNER, "mix", "terminal", NOW)
    rng = random.Random(7)
    seen = []
    while (view := await service.next_prompt(ref.id, LEARNER, NOW, rng)) is not None:
        seen.append((view.card_id, view.face, view.text.type, view.left.total))
        if view.text.type == "choice":
            response: SelfGrade | ChoicePick | TypedText = ChoicePick(
                view.text.choices.index("낮음")
            )
        elif view.text.type == "typed":
            response = TypedText("  Hypervisor ")
        else:
            response = SelfGrade(5)
        outcome = await service.answer(view.prompt_id, LEARNER, response, NOW)
        assert outcome.status is AnswerStatus.RECORDED
        assert outcome.correct
    # The cloze's second face is its first face's sibling: it waits for another day.
    assert [(c, f, t) for c, f, t, _ in seen] == [
        ("b1", 1, "basic"),
        ("c1", 1, "choice"),
        ("t1", 1, "typed"),
        ("z1", 1, "cloze"),
    ]
    assert [r for *_, r in seen] == [4, 3, 2, 1]
    states = await _states(database)
    assert len(states) == 4
    expected_ease = {5: 2.6, 4: 2.5}
    for state in states.values():
        assert state.due == TODAY + timedelta(days=1)
        assert state.repetitions == 1
        assert state.ease_cents / 100 in expected_ease.values()
    logs = await _logs(database)
    assert [log.kind for log in logs] == ["new"] * 4
    assert {log.answer for log in logs if log.answer} == {"낮음", "  Hypervisor "}
    summary = await service.end(ref.id, LEARNER, NOW)
    assert (summary.answered, summary.correct, summary.new, summary.left.total) == (4, 4, 4, 0)
    assert summary.next_review == (TODAY + timedelta(days=1), 4)
    assert (await verify_states(database.runner)).ok


async def test_the_same_prompt_answered_twice_records_one_review(database: Database) -> None:
    service = await _service(database, deck("d", basic("a")))
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    first = await service.answer(view.prompt_id, LEARNER, SelfGrade(4), NOW)
    again = await service.answer(view.prompt_id, LEARNER, SelfGrade(1), NOW)
    assert first.status is AnswerStatus.RECORDED
    assert again.status is AnswerStatus.DUPLICATE
    assert again.quality == 4  # the recorded grade, not the second click's
    assert len(await _logs(database)) == 1


async def test_concurrent_clicks_on_one_prompt_record_exactly_one(database: Database) -> None:
    service = await _service(database, deck("d", basic("a")))
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    outcomes = await asyncio.gather(
        *(service.answer(view.prompt_id, LEARNER, SelfGrade(q), NOW) for q in (1, 3, 4, 5, 5))
    )
    statuses = sorted(o.status for o in outcomes)
    assert statuses.count(AnswerStatus.RECORDED) == 1
    assert statuses.count(AnswerStatus.DUPLICATE) == 4
    assert len(await _logs(database)) == 1
    assert (await verify_states(database.runner)).ok


async def test_concurrent_clicks_through_the_async_engine_record_exactly_one(
    database: Database,
) -> None:
    await _service(database, deck("d", basic("a")))
    service = StudyService(database.runner, LearnerDefaults())  # no runner: async bridge
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    outcomes = await asyncio.gather(
        *(service.answer(view.prompt_id, LEARNER, SelfGrade(q), NOW) for q in (1, 4, 5))
    )
    assert sorted(o.status for o in outcomes).count(AnswerStatus.RECORDED) == 1
    assert len(await _logs(database)) == 1


async def test_another_learner_cannot_answer_my_prompt(database: Database) -> None:
    service = await _service(database, deck("d", basic("a")))
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    outcome = await service.answer(view.prompt_id, OTHER, SelfGrade(5), NOW)
    assert outcome.status is AnswerStatus.NOT_YOURS
    assert await _logs(database) == []
    mine = await service.answer(view.prompt_id, LEARNER, SelfGrade(5), NOW)
    assert mine.status is AnswerStatus.RECORDED


async def test_unknown_prompt_and_mismatched_or_out_of_range_responses(
    database: Database,
) -> None:
    service = await _service(database, deck("d", choice("c", ["x", "y"], "y")))
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    assert (await service.answer(99999, LEARNER, SelfGrade(5), NOW)).status is AnswerStatus.UNKNOWN
    for bad in (SelfGrade(5), ChoicePick(2), ChoicePick(-1), TypedText("y" * 5000)):
        assert (await service.answer(view.prompt_id, LEARNER, bad, NOW)).status is (
            AnswerStatus.INVALID
        )
    assert await _logs(database) == []
    # The prompt is still answerable after the refusals.
    right = ChoicePick(view.text.choices.index("y"))
    ok = await service.answer(view.prompt_id, LEARNER, right, NOW)
    assert ok.status is AnswerStatus.RECORDED


async def test_a_wrong_pick_is_a_lapse_and_shows_the_right_answer(database: Database) -> None:
    service = await _service(database, deck("d", choice("c", ["IaaS", "PaaS", "SaaS"], "PaaS")))
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(3))
    assert view is not None
    wrong = view.text.choices.index("SaaS")
    outcome = await service.answer(view.prompt_id, LEARNER, ChoicePick(wrong), NOW)
    assert (outcome.correct, outcome.quality, outcome.answer) == (False, 1, "PaaS")
    assert outcome.state == review(Sm2State.new(), 1, TODAY)


async def test_choice_order_is_fixed_per_prompt(database: Database) -> None:
    options = [f"option {i}" for i in range(6)]
    service = await _service(database, deck("d", choice("c", options, "option 3")))
    ref = await service.start(LEARNER, "d", "discord", NOW)
    first = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(1))
    again = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(2))
    assert first is not None
    assert again is not None
    assert first.prompt_id == again.prompt_id
    assert first.text.choices == again.text.choices
    assert sorted(first.text.choices) == options


async def test_a_choice_edited_while_on_screen_is_redrawn_and_graded_as_shown(
    database: Database,
) -> None:
    service = await _service(database, deck("d", choice("c", ["IaaS", "PaaS", "SaaS"], "IaaS")))
    ref = await service.start(LEARNER, "d", "discord", NOW)
    shown = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(5))
    assert shown is not None
    # A reload while the card is on screen: an option added, the answer moved and renamed.
    async with sessions_of(database).begin() as session:
        renamed = "IaaS (infrastructure)"
        edited = choice("c", ["PaaS", "SaaS", "FaaS", renamed], renamed)
        await sync_deck(session, deck("d", edited), NOW)
    again = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(6))
    assert again is not None and again.prompt_id == shown.prompt_id
    assert again.text == shown.text  # the buttons on screen still mean what they say
    pick = ChoicePick(shown.text.choices.index("IaaS"))
    outcome = await service.answer(shown.prompt_id, LEARNER, pick, NOW)
    assert outcome.status is AnswerStatus.RECORDED
    assert (outcome.correct, outcome.answer) == (True, "IaaS")
    assert [(log.quality, log.answer) for log in await _logs(database)] == [(4, "IaaS")]
    # The next showing of the face, tomorrow, is the edited card.
    day_after = NOW + timedelta(days=1)
    tomorrow = await service.start(LEARNER, "d", "discord", day_after)
    fresh = await service.next_prompt(tomorrow.id, LEARNER, day_after, random.Random(8))
    assert fresh is not None
    assert sorted(fresh.text.choices) == sorted(edited.content["choices"])


async def test_a_lapsed_face_is_drilled_in_the_session_without_rescheduling(
    database: Database,
) -> None:
    service = await _service(database, deck("d", *(basic(f"c{i}") for i in range(5))))
    ref = await service.start(LEARNER, "d", "terminal", NOW)
    rng = random.Random(0)
    shown: list[str] = []
    while (view := await service.next_prompt(ref.id, LEARNER, NOW, rng)) is not None:
        shown.append(view.card_id)
        again = view.card_id == "c0" and shown.count("c0") < 3
        quality = 1 if again else 5
        await service.answer(view.prompt_id, LEARNER, SelfGrade(quality), NOW)
        assert len(shown) < 20
    assert shown.count("c0") == 3
    assert shown[0] == "c0"
    assert shown.index("c0", 1) >= 4  # other faces come between: recall, not repetition
    logs = [log for log in await _logs(database) if log.card_pk == 1]
    assert [(log.kind, log.quality) for log in logs] == [("new", 1), ("drill", 1), ("drill", 5)]
    state = (await _states(database))[(1, 1)]
    # Only the first, scheduled answer moved the schedule: q=1 on a new card.
    assert Sm2State.from_cents(state.ease_cents, state.repetitions, state.interval, state.due) == (
        review(Sm2State.new(), 1, TODAY)
    )
    assert (await verify_states(database.runner)).ok


async def test_daily_new_card_limit_and_the_next_day(database: Database) -> None:
    service = await _service(
        database, deck("d", *(basic(f"c{i}") for i in range(5))), new_per_day=2
    )
    rng = random.Random(0)

    async def study(now: datetime) -> list[str]:
        ref = await service.start(LEARNER, "d", "terminal", now)
        done = []
        while (view := await service.next_prompt(ref.id, LEARNER, now, rng)) is not None:
            done.append(view.card_id)
            await service.answer(view.prompt_id, LEARNER, SelfGrade(5), now)
        await service.end(ref.id, LEARNER, now)
        return done

    assert await study(NOW) == ["c0", "c1"]
    assert await study(NOW + timedelta(hours=2)) == []  # same study day: limit reached
    # Next day: yesterday's two are due again (interval 1), then two new ones.
    assert await study(NOW + timedelta(days=1)) == ["c0", "c1", "c2", "c3"]


async def test_rollover_hour_puts_a_late_night_answer_on_the_previous_day(
    database: Database,
) -> None:
    service = await _service(database, deck("d", basic("a")))
    late = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)  # 02:30 on the 26th in Seoul
    ref = await service.start(LEARNER, "d", "terminal", late)
    assert ref.study_date == TODAY
    view = await service.next_prompt(ref.id, LEARNER, late, random.Random(0))
    assert view is not None
    outcome = await service.answer(view.prompt_id, LEARNER, SelfGrade(5), late)
    assert outcome.state is not None
    assert outcome.state.due == TODAY + timedelta(days=1)
    assert (await _logs(database))[0].study_date == TODAY


async def test_resume_shows_the_unanswered_prompt_again(database: Database) -> None:
    service = await _service(database, deck("d", basic("a"), basic("b")))
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    again = await service.start(LEARNER, "d", "discord", NOW + timedelta(minutes=5))
    assert again.id == ref.id
    assert again.resumed
    resumed = await service.next_prompt(again.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    assert resumed is not None
    assert resumed.prompt_id == view.prompt_id


async def test_a_retired_card_is_refused_politely_and_skipped(database: Database) -> None:
    service = await _service(database, deck("d", basic("a"), basic("b")))
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    assert view.card_id == "a"
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", basic("b")), NOW)
    outcome = await service.answer(view.prompt_id, LEARNER, SelfGrade(5), NOW)
    assert outcome.status is AnswerStatus.RETIRED
    assert await _logs(database) == []
    following = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert following is not None
    assert following.card_id == "b"


async def test_an_ended_session_refuses_its_old_prompts(database: Database) -> None:
    service = await _service(database, deck("d", basic("a")))
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    await service.end(ref.id, LEARNER, NOW)
    outcome = await service.answer(view.prompt_id, LEARNER, SelfGrade(5), NOW)
    assert outcome.status is AnswerStatus.SESSION_OVER
    assert await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0)) is None
    assert await _logs(database) == []


async def test_unknown_deck_is_an_error_naming_it(database: Database) -> None:
    service = await _service(database, deck("d", basic("a")))
    with pytest.raises(UnknownDeckError) as error:
        await service.start(LEARNER, "nope", "terminal", NOW)
    assert error.value.deck_id == "nope"


async def test_without_a_deck_a_new_learner_is_asked_which_of_several(
    database: Database,
) -> None:
    service = await _service(database, deck("one", basic("a")), deck("two", basic("b")))
    with pytest.raises(DeckChoiceNeededError):
        await service.start(LEARNER, None, "terminal", NOW)
    async with sessions_of(database)() as session:
        assert await enrolled_deck_ids(session, LEARNER) == []  # nothing joined behind their back
    ref = await service.start(LEARNER, "two", "terminal", NOW)
    assert ref.joined is None  # named: joined as asked, nothing to announce
    again = await service.start(LEARNER, None, "terminal", NOW)  # studies "two" now
    view = await service.next_prompt(again.id, LEARNER, NOW, random.Random(0))
    assert view is not None and view.deck_id == "two"
    async with sessions_of(database)() as session:
        assert await enrolled_deck_ids(session, LEARNER) == ["two"]


async def test_without_a_deck_a_new_learner_starts_the_only_one_and_is_told(
    database: Database,
) -> None:
    service = await _service(database, deck("one", basic("a")))
    ref = await service.start(LEARNER, None, "terminal", NOW)
    assert ref.joined == "one"
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None and view.deck_id == "one"
    assert (await service.start(LEARNER, None, "terminal", NOW)).joined is None  # once


async def test_verify_reports_a_state_that_disagrees_with_the_log(database: Database) -> None:
    service = await _service(database, deck("d", basic("a")))
    ref = await service.start(LEARNER, "d", "terminal", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    await service.answer(view.prompt_id, LEARNER, SelfGrade(5), NOW)
    async with sessions_of(database).begin() as session:
        await session.execute(update(ReviewState).values(interval=9))
    report = await verify_states(database.runner)
    assert not report.ok
    assert "interval=9" in report.mismatches[0]


async def test_learner_settings_come_from_the_defaults(database: Database) -> None:
    service = await _service(database, deck("d", basic("a")), new_per_day=7)
    await service.start(LEARNER, "d", "terminal", NOW)
    async with sessions_of(database)() as session:
        user = await session.get(User, LEARNER)
    assert user is not None
    assert (user.new_per_day, user.timezone, user.rollover_hour) == (7, "Asia/Seoul", 4)


async def test_a_skipped_face_stays_out_of_the_session_and_stays_due(database: Database) -> None:
    service = await _service(database, deck("d", basic("a"), basic("b")))
    ref = await service.start(LEARNER, "d", "terminal", NOW)
    first = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert first is not None
    assert first.card_id == "a"
    assert (first.left.total, first.skipped) == (2, 0)
    assert await service.skip(first.prompt_id, LEARNER)
    second = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert second is not None
    assert second.card_id == "b"
    # The skipped face is still left today (it comes back next session), and said to be.
    assert (second.left.total, second.skipped) == (2, 1)
    await service.answer(second.prompt_id, LEARNER, SelfGrade(5), NOW)
    assert await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0)) is None
    done = await service.end(ref.id, LEARNER, NOW)
    assert (done.answered, done.skipped, done.left.total, done.left.new) == (1, 1, 1, 1)
    # The next session offers the skipped face again: it was never reviewed.
    again = await service.start(LEARNER, "d", "terminal", NOW)
    view = await service.next_prompt(again.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    assert view.card_id == "a"
    assert view.is_new



async def _traced_service(database: Database) -> tuple[StudyService, list[str]]:
    """A service over a two-card deck whose writer connection records every statement
    it runs (SQLite only: the trace is sqlite3's own)."""
    runner = database.runner
    if not isinstance(runner, SqliteThreadRunner):
        pytest.skip("statements are traced on SQLite's own connection")
    service = await _service(database, deck("d", basic("a"), basic("b")))
    statements: list[str] = []

    def trace(conn: Connection) -> None:  # on the writer's own sqlite3 connection
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.set_trace_callback(statements.append)

    await runner.run(trace)
    return service, statements

async def test_a_face_from_the_days_plan_is_told_new_or_seen_without_a_query_of_its_own(
    database: Database,
) -> None:
    """The day's plan read in the same transaction already says whether a face has a
    schedule (due faces have one, new faces none): drawing the next card asks no more."""
    service, statements = await _traced_service(database)
    ref = await service.start(LEARNER, "d", "terminal", NOW)
    first = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert first is not None and first.card_id == "a" and first.is_new
    await service.answer(first.prompt_id, LEARNER, SelfGrade(5), NOW)
    tomorrow = NOW + timedelta(days=1)
    again = await service.start(LEARNER, "d", "terminal", tomorrow)
    statements.clear()
    due = await service.next_prompt(again.id, LEARNER, tomorrow, random.Random(0))
    assert due is not None and due.card_id == "a" and not due.is_new
    assert statements  # traced: the draw ran on the traced connection
    assert not [s for s in statements if s.lstrip().upper().startswith("SELECT EXISTS")]
    await service.answer(due.prompt_id, LEARNER, SelfGrade(5), tomorrow)
    statements.clear()
    new = await service.next_prompt(again.id, LEARNER, tomorrow, random.Random(0))
    assert new is not None and new.card_id == "b" and new.is_new
    assert not [s for s in statements if s.lstrip().upper().startswith("SELECT EXISTS")]


async def test_a_draw_reads_the_days_answers_and_the_exams_in_a_statement_each(
    database: Database,
) -> None:
    """What was answered today (the review log and the daily questions) and which exams
    apply (the learner's own and their study groups') are one statement each per card."""
    service, statements = await _traced_service(database)
    ref = await service.start(LEARNER, "d", "terminal", NOW)
    first = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert first is not None
    await service.answer(first.prompt_id, LEARNER, SelfGrade(5), NOW)
    statements.clear()
    second = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert second is not None and second.card_id == "b"
    answered = [s for s in statements if "daily_answers" in s and "review_log" in s]
    exams = [s for s in statements if "exam_dates" in s or "daily_configs" in s]
    assert len(answered) == 1
    assert len(exams) == 1 and "exam_dates" in exams[0] and "daily_configs" in exams[0]
