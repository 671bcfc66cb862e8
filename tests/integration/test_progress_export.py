"""A learner's review log exported after a real study session on a real SQLite file."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli.progress import progress_command
from bot.settings import Settings
from bot.srs.sm2 import Sm2State, review
from bot.study.learners import LearnerDefaults
from bot.study.progress_export import COLUMNS, export_progress
from bot.study.runtime import Database, open_database
from bot.study.session import ChoicePick, Response, SelfGrade, StudyService, TypedText
from tests.integration.builders import basic, choice, cloze, deck, typed
from tests.integration.storage_helpers import sessions_of, sync_deck

# 23:30 in Seoul (UTC+9) on 2026-11-25: 14:30 UTC.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
TODAY = date(2026, 11, 25)
LEARNER = 1001
OTHER = 2002

Expected = tuple[str, int, str, int, str]  # card id, face, kind, quality, answer


async def _study(db: Database) -> list[Expected]:
    """One session of LEARNER answering every face (the typed one wrong and one cloze
    face Hard, both drilled), and one answer by OTHER; returns what LEARNER did."""
    async with sessions_of(db).begin() as session:
        await sync_deck(
            session,
            deck(
                "mix",
                basic("b1", back="Seoul"),
                choice("c1", ["높음", "낮음"], "낮음"),
                typed("t1", "하이퍼바이저", ["hypervisor"]),
                cloze("z1", "{{c1::build}} then {{c2::run}}", (1, 2)),
            ),
            NOW,
        )
    service = StudyService(db.runner, LearnerDefaults())
    ref = await service.start(LEARNER, "mix", "terminal", NOW)
    rng = random.Random(3)
    done: list[Expected] = []
    step = 0
    while (view := await service.next_prompt(ref.id, LEARNER, NOW, rng)) is not None:
        response: Response
        if view.text.type == "choice":
            response, quality, answer = ChoicePick(view.text.choices.index("낮음")), 4, "낮음"
        elif view.text.type == "typed":
            answer = " Hypervisor" if view.is_drill else "모름"
            response, quality = TypedText(answer), 4 if view.is_drill else 1
        else:
            # c1 graded Hard (3) comes back in the same session until graded >= 4.
            quality = 3 if view.text.type == "cloze" and not view.is_drill else 5
            response, answer = SelfGrade(quality), ""
        step += 1
        outcome = await service.answer(
            view.prompt_id, LEARNER, response, NOW + timedelta(seconds=step)
        )
        assert outcome.quality == quality
        kind = "drill" if view.is_drill else "new"
        done.append((view.card_id, view.face, kind, quality, answer))
    other = await service.start(OTHER, "mix", "discord", NOW)
    view = await service.next_prompt(other.id, OTHER, NOW, rng)
    assert view is not None
    await service.answer(view.prompt_id, OTHER, SelfGrade(2), NOW)
    return done


def _expected_rows(done: list[Expected]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    states: dict[tuple[str, int], Sm2State] = {}
    for step, (card_id, face, kind, quality, answer) in enumerate(done, start=1):
        key = (card_id, face)
        if kind != "drill":  # a drill answer is logged but leaves the schedule alone
            states[key] = review(Sm2State.new(), quality, TODAY)
        state = states[key]
        rows.append({
            "reviewed_at": (NOW + timedelta(seconds=step)).isoformat(),
            "study_date": TODAY.isoformat(),
            "deck": "mix",
            "card_id": card_id,
            "face": str(face),
            "kind": kind,
            "quality": str(quality),
            "answer": answer,
            "ease": f"{state.ease:.2f}",
            "interval": str(state.interval),
            "due": state.due.isoformat() if state.due else "",
        })
    return rows


async def test_csv_export_has_one_row_per_answer_of_the_learner(database: Database) -> None:
    done = await _study(database)
    assert [(c, f, k) for c, f, k, _, _ in done] == [
        ("b1", 1, "new"), ("c1", 1, "new"), ("t1", 1, "new"),
        ("z1", 1, "new"), ("t1", 1, "drill"), ("z1", 1, "drill"),
    ]
    text = await export_progress(database.runner, LEARNER, "csv")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == _expected_rows(done)
    assert rows[0]["reviewed_at"] == "2026-11-25T14:30:01+00:00"
    assert rows[0]["due"] == "2026-11-26"  # Seoul's 23:30 is still the 25th


async def test_json_export_carries_the_same_reviews_typed(database: Database) -> None:
    done = await _study(database)
    document = json.loads(await export_progress(database.runner, LEARNER, "json"))
    assert document["user"] == LEARNER
    reviews = document["reviews"]
    expected = _expected_rows(done)
    assert [r["card_id"] for r in reviews] == [e["card_id"] for e in expected]
    for review_row, row in zip(reviews, expected, strict=True):
        assert review_row["face"] == int(row["face"])
        assert review_row["quality"] == int(row["quality"])
        assert review_row["ease"] == pytest.approx(float(row["ease"]))
        assert review_row["interval"] == int(row["interval"])
        assert review_row["due"] == row["due"]
        assert review_row["reviewed_at"] == row["reviewed_at"]
        assert (review_row["answer"] or "") == row["answer"]


async def test_an_fsrs_learners_export_has_no_ease_and_their_fsrs_schedule(
    database: Database,
) -> None:
    from bot.study.preferences import PreferenceChange, update_preferences

    await update_preferences(database.runner, LEARNER, PreferenceChange(scheduler="fsrs"),
                             LearnerDefaults(), NOW)
    await _study(database)
    rows = list(csv.DictReader(io.StringIO(
        await export_progress(database.runner, LEARNER, "csv"))))
    assert rows and all(row["ease"] == "" for row in rows)
    assert rows[0]["interval"] != "" and rows[0]["due"] != ""
    document = json.loads(await export_progress(database.runner, LEARNER, "json"))
    assert {r["ease"] for r in document["reviews"]} == {None}


async def test_another_learner_sees_only_their_own_review(database: Database) -> None:
    await _study(database)
    rows = list(csv.DictReader(io.StringIO(
        await export_progress(database.runner, OTHER, "csv")
    )))
    assert [(r["card_id"], r["quality"], r["interval"]) for r in rows] == [("b1", "2", "1")]


async def test_unknown_learner_gets_an_empty_export(database: Database) -> None:
    await _study(database)
    assert await export_progress(database.runner, 424242, "csv") == ",".join(COLUMNS) + "\n"
    assert json.loads(await export_progress(database.runner, 424242, "json")) == {
        "user": 424242, "reviews": [],
    }
    with pytest.raises(ValueError, match="xlsx"):
        await export_progress(database.runner, LEARNER, "xlsx")


def _settings(db_url: str) -> Settings:
    return Settings(_env_file=None, database_url=db_url, language="en")  # type: ignore[call-arg]


def test_command_writes_the_file_and_names_an_unknown_learner(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async def prepare() -> list[Expected]:
        db = await open_database(db_url)
        try:
            return await _study(db)
        finally:
            await db.close()

    done = asyncio.run(prepare())
    target = tmp_path / "export" / "progress.csv"
    assert progress_command(_settings(db_url), LEARNER, "csv", target) == 0
    assert f"{len(done)} reviews of learner {LEARNER}" in capsys.readouterr().err
    text = target.read_text(encoding="utf-8-sig")
    assert list(csv.DictReader(io.StringIO(text))) == _expected_rows(done)

    assert progress_command(_settings(db_url), 777, "json", None) == 3
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"user": 777, "reviews": []}
    assert "learner 777 has never used" in captured.err

    assert progress_command(_settings(db_url), LEARNER, "xml", None) == 2
    assert "csv or json" in capsys.readouterr().err


def test_command_does_not_create_a_database_that_is_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.db"
    assert progress_command(_settings(f"sqlite+aiosqlite:///{missing}"), 1, "csv", None) == 2
    assert "no database" in capsys.readouterr().err
    assert not missing.exists()
