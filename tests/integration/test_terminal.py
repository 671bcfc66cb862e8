"""`studybot study` driven like a learner at a pipe: real SQLite file, real decks, real service.

A scripted learner reads what the terminal printed and answers the latest
prompt, so the tests find choice options by their printed numbers (the order is
shuffled per prompt) and never depend on the order of the prompts.
"""

from __future__ import annotations

import asyncio
import io
import os
import random
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.i18n import t
from bot.settings import Settings
from bot.study.runtime import load_decks_dir, open_database
from bot.terminal import run_study

# 12:00 in Seoul on Wednesday 2026-11-25 (the default timezone, rollover 04:00).
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
TODAY = date(2026, 11, 25)
TOMORROW = TODAY + timedelta(days=1)

MINI_DECK = """\
deck: mini
title: Mini deck
lang: en
cards:
  - id: b1
    type: basic
    front: What does IaaS stand for?
    back: Infrastructure as a Service
  - id: c1
    type: choice
    front: Which service model hands you an empty room?
    choices: [IaaS, PaaS, SaaS]
    answer: IaaS
    back: You install node.js and MongoDB yourself.
  - id: z1
    type: cloze
    text: "Building a {{c1::Dockerfile}} gives an {{c2::image}}."
  - id: t1
    type: typed
    front: Which system is the phone book of the internet?
    back: DNS
    accept: [Domain Name System]
"""

KO_DECK = """\
deck: hangul
title: 한국어 덱
lang: ko
cards:
  - id: k1
    type: basic
    front: 하이퍼바이저란?
    back: 가상 컴퓨터를 여러 개 구동하게 해 주는 중간 계층.
  - id: k2
    type: typed
    front: 인터넷의 전화번호부에 비유되는 시스템은?
    back: DNS
"""

Q_BASIC = "What does IaaS stand for?"
Q_CHOICE = "Which service model hands you an empty room?"
Q_CLOZE_1 = "Building a [...] gives an image."
Q_CLOZE_2 = "Building a Dockerfile gives an [...]."
Q_TYPED = "Which system is the phone book of the internet?"
ALL_QUESTIONS = (Q_BASIC, Q_CHOICE, Q_CLOZE_1, Q_CLOZE_2, Q_TYPED)


# -- a scripted learner -------------------------------------------------------------------


class ScriptedLearner(io.TextIOBase):
    """stdin whose next line is decided by what the terminal printed so far.

    ``answers`` maps a question to the replies to give to its prompts in order
    (the reveal prompt of a basic or cloze card is answered with Enter
    automatically).  A choice reply is the option's text, typed as its printed
    number.  When a question has no reply left, stdin is closed (EOF) — or a
    reply of ``KeyboardInterrupt`` raises it, as Ctrl-C does.
    """

    def __init__(self, out: io.StringIO, lang: str, answers: dict[str, list[str]]) -> None:
        self.out = out
        self.lang = lang
        self.answers = {q: list(replies) for q, replies in answers.items()}
        self.asked: list[str] = []  # the question of every prompt read, in order

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def readline(self, size: int | None = -1) -> str:
        text = self.out.getvalue()
        prompt = text.rstrip("\n").rsplit("\n", 1)[-1]
        question = max((q for q in self.answers if q in text), key=text.rfind, default=None)
        assert question is not None, f"no known question on screen:\n{text}"
        self.asked.append(question)
        if prompt == t("terminal.prompt.reveal", self.lang):
            return "\n"
        replies = self.answers[question]
        if not replies:
            return ""
        reply = replies.pop(0)
        if reply == "KeyboardInterrupt":
            raise KeyboardInterrupt
        if reply.startswith("cancel:"):
            task = asyncio.current_task()
            assert task is not None
            task.cancel()
            reply = reply.removeprefix("cancel:")
        if prompt.startswith(t("terminal.prompt.choice", self.lang, n="")[:-3]):
            block = text[text.rfind(question) :]
            numbers = re.findall(rf"^  (\d+)\. {re.escape(reply)}$", block, re.MULTILINE)
            if numbers:
                reply = numbers[-1]
        return reply + "\n"


@pytest.fixture
def decks_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "mini.yaml").write_text(MINI_DECK, encoding="utf-8")
    return folder


@pytest.fixture
def settings(tmp_path: Path, decks_dir: Path) -> Settings:
    return Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 't.db'}", decks_dir=decks_dir)


async def study(
    settings: Settings,
    stdin: io.TextIOBase | Learner,
    *,
    deck: str | None = None,
    lang: str | None = "en",
    environ: dict[str, str] | None = None,
    now: datetime = NOW,
    scheduler: str | None = None,
    mistakes: bool = False,
) -> tuple[int, str]:
    out = io.StringIO()
    source = stdin(out) if isinstance(stdin, Learner) else stdin
    code = await run_study(
        settings,
        deck,
        lang,
        stdin=source,  # type: ignore[arg-type]
        stdout=out,
        now=lambda: now,
        rng=random.Random(0),
        environ=environ or {},
        scheduler=scheduler,
        mistakes=mistakes,
    )
    return code, out.getvalue()


class Learner:
    """A scripted learner for one run; ``asked`` is the question of every prompt read."""

    def __init__(self, answers: dict[str, list[str]], lang: str = "en") -> None:
        self.answers = answers
        self.lang = lang
        self.stdin: ScriptedLearner | None = None

    def __call__(self, out: io.StringIO) -> ScriptedLearner:
        self.stdin = ScriptedLearner(out, self.lang, self.answers)
        return self.stdin

    @property
    def asked(self) -> list[str]:
        assert self.stdin is not None
        return self.stdin.asked


# -- reading the database file directly ---------------------------------------------------


@pytest.fixture
def database(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 't.db'}")
    yield engine
    engine.dispose()


def states(engine: sa.Engine) -> dict[tuple[str, int], tuple[int, int, int, str]]:
    """(card id, face) -> (ease in hundredths, repetitions, interval, due)."""
    query = sa.text(
        "SELECT c.card_id, s.face, s.ease_cents, s.repetitions, s.interval, s.due "
        "FROM review_states s JOIN cards c ON c.pk = s.card_pk"
    )
    with engine.connect() as db:
        return {(r[0], r[1]): (r[2], r[3], r[4], str(r[5])) for r in db.execute(query)}


def log(engine: sa.Engine) -> list[tuple[str, int, str, int]]:
    """(card id, face, kind, quality) of every answer, in answer order."""
    query = sa.text(
        "SELECT c.card_id, l.face, l.kind, l.quality "
        "FROM review_log l JOIN cards c ON c.pk = l.card_pk ORDER BY l.id"
    )
    with engine.connect() as db:
        return [(r[0], r[1], r[2], r[3]) for r in db.execute(query)]


ALL_GOOD = {
    Q_BASIC: ["3"],
    Q_CHOICE: ["IaaS"],
    Q_CLOZE_1: ["3"],
    Q_CLOZE_2: ["3"],
    Q_TYPED: ["DNS"],
}


# -- a whole session ----------------------------------------------------------------------


async def test_a_full_session_of_every_card_type_stores_the_sm2_schedule(
    settings: Settings, database: sa.Engine
) -> None:
    script = {
        Q_BASIC: ["4"],  # Easy
        Q_CHOICE: ["SaaS", "IaaS"],  # wrong, then right when it comes back
        Q_CLOZE_1: ["2", "3"],  # Hard, then Good on the drill
        Q_CLOZE_2: ["1"],  # never asked today: a sibling of the first cloze
        Q_TYPED: ["domain name system"],  # an accepted variant, any case
    }
    code, out = await study(settings, Learner(script))

    assert code == 0
    due = str(TOMORROW)
    # SM-2 by hand: EF' = EF + 0.1 - (5-q)(0.08 + (5-q)0.02); q<3 restarts n; first I = 1.
    assert states(database) == {
        ("b1", 1): (260, 1, 1, due),  # q5: 2.50 -> 2.60
        ("c1", 1): (196, 0, 1, due),  # q1: 2.50 -> 1.96, the drill does not reschedule
        ("z1", 1): (236, 1, 1, due),  # q3: 2.50 -> 2.36, passes
        ("t1", 1): (250, 1, 1, due),  # q4: unchanged
    }
    entries = log(database)
    assert sorted(e for e in entries if e[2] == "new") == [
        ("b1", 1, "new", 5),
        ("c1", 1, "new", 1),
        ("t1", 1, "new", 4),
        ("z1", 1, "new", 3),
    ]
    assert sorted(e for e in entries if e[2] == "drill") == [
        ("c1", 1, "drill", 4),
        ("z1", 1, "drill", 4),
    ]
    # What the learner saw along the way.
    assert "Not quite. Answer: IaaS" in out
    assert "Note: You install node.js and MongoDB yourself." in out
    assert "Answer: Dockerfile" in out and Q_CLOZE_2 not in out
    assert "Right!\nAnswer: DNS" in out  # accepted variant: show the canonical answer
    assert "This card comes back later in this session." in out
    # A miss leaves today's count and waits beside it as a repeat.
    assert "4 left today · new" in out and "3 left today · new" in out
    assert "2 left today · 1 to repeat · new" in out
    assert "Mini deck · 2 to repeat · repeat" in out
    assert "All done for today!" in out
    assert "── Done for now! ──" in out
    assert "You answered 4 cards and got 3 right (75%)." in out  # repeats are not cards
    assert "4 new · 2 repeated" in out
    assert "Nothing left for today." in out
    assert "Next review: tomorrow, 4 cards" in out
    assert "Study streak: 1 day." in out
    assert "\x1b[" not in out  # no colour codes on a pipe


async def test_quitting_midway_keeps_the_answers_and_the_next_run_resumes(
    settings: Settings, database: sa.Engine
) -> None:
    script = {**ALL_GOOD, Q_CHOICE: ["q"]}
    code, out = await study(settings, Learner(script))
    assert code == 0
    assert "Stopping here. Everything you answered is saved." in out
    assert "You answered 1 card and got 1 right (100%)." in out
    assert "Left today: 3 cards (3 new)" in out
    assert "Run studybot study again to continue." in out
    assert log(database) == [("b1", 1, "new", 4)]

    second = Learner(ALL_GOOD)
    code, out = await study(settings, second)
    assert code == 0
    asked = second.asked
    assert asked[0] == Q_CHOICE  # picks up where the learner stopped
    assert "3 left today · new" in out  # as many as the summary said were left
    assert Q_BASIC not in asked  # what was answered is not asked again today
    assert {e[0] for e in log(database)} == {"b1", "c1", "z1", "t1"}
    assert len(log(database)) == 4
    assert "All done for today!" in out


async def test_a_closed_stdin_ends_the_session_keeping_everything(
    settings: Settings, database: sa.Engine
) -> None:
    # Enter reveals, 3 grades the basic card; then stdin ends mid-way through the choice.
    code, out = await study(settings, io.StringIO("\n3\n"))
    assert code == 0
    assert log(database) == [("b1", 1, "new", 4)]
    assert states(database) == {("b1", 1): (250, 1, 1, str(TOMORROW))}
    assert "Everything you answered is saved." in out
    assert "You answered 1 card and got 1 right (100%)." in out


async def test_a_half_answered_face_is_asked_again_next_time(
    settings: Settings, database: sa.Engine
) -> None:
    # The answer was revealed, but stdin closed before the grade: nothing to record.
    code, _ = await study(settings, io.StringIO("\n"))
    assert code == 0
    assert log(database) == []
    second = Learner(ALL_GOOD)
    await study(settings, second)
    assert second.asked[0] == Q_BASIC


async def test_ctrl_c_ends_the_session_cleanly_with_the_interrupt_exit_code(
    settings: Settings, database: sa.Engine
) -> None:
    code, out = await study(settings, Learner({**ALL_GOOD, Q_CHOICE: ["KeyboardInterrupt"]}))
    assert code == 130
    assert "Interrupted. Everything you answered is saved." in out
    assert log(database) == [("b1", 1, "new", 4)]
    assert "Left today: 3 cards" in out


async def test_ctrl_c_caught_by_asyncio_before_a_prompt_still_stops_at_that_prompt(
    settings: Settings, database: sa.Engine
) -> None:
    # The cancellation lands with an empty line at the grade prompt; after the
    # hint, the prompt must not be read again (the learner already pressed Ctrl-C).
    code, out = await study(settings, Learner({**ALL_GOOD, Q_BASIC: ["cancel:", "3"]}))
    assert code == 130
    assert "Interrupted. Everything you answered is saved." in out
    assert out.count("Please type 1, 2, 3 or 4.") == 1
    assert out.count("How well did you remember?") == 1
    assert log(database) == []


async def test_ctrl_c_during_a_database_call_ends_the_session_with_a_summary(
    settings: Settings, database: sa.Engine
) -> None:
    # Cancelled with the grade in hand: the answer transaction is cut short.
    code, out = await study(settings, Learner({**ALL_GOOD, Q_BASIC: ["cancel:3"]}))
    assert code == 130
    assert "Interrupted. Everything you answered is saved." in out
    assert "── This session ──" in out and "See you next time!" in out
    entries = log(database)
    assert len(entries) == len(states(database)) <= 1  # all or nothing of the one answer


async def test_a_typo_in_a_long_typed_answer_is_almost_and_comes_back(
    tmp_path: Path, database: sa.Engine
) -> None:
    folder = tmp_path / "spell"
    folder.mkdir()
    (folder / "spell.yaml").write_text(
        "deck: spell\ntitle: Spelling\nlang: en\ncards:\n"
        "  - id: h1\n    type: typed\n    front: What runs many virtual machines on one host?\n"
        "    back: Hypervisor\n",
        encoding="utf-8",
    )
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 't.db'}", decks_dir=folder)
    question = "What runs many virtual machines on one host?"
    code, out = await study(settings, Learner({question: ["hypervisr", "hypervisor"]}))
    assert code == 0
    assert "Almost! Answer: Hypervisor" in out
    assert "This card comes back later in this session." in out
    assert [(e[2], e[3]) for e in log(database)] == [("new", 3), ("drill", 4)]


async def test_invalid_input_asks_again_with_a_hint(
    settings: Settings, database: sa.Engine
) -> None:
    script = {
        **ALL_GOOD,
        Q_BASIC: ["7", "maybe", "3"],
        Q_CHOICE: ["0", "4", "IaaS"],
        Q_TYPED: ["   ", "DNS"],
    }
    code, out = await study(settings, Learner(script))
    assert code == 0
    assert out.count("Please type 1, 2, 3 or 4. (? for help)") == 2
    assert out.count("Please type a number from 1 to 3. (? for help)") == 2
    assert out.count("Please type an answer, or s to skip. (? for help)") == 1
    # The re-asked prompts still record exactly one answer each, all right.
    assert [e[3] for e in log(database)] == [4, 4, 4, 4]


async def test_grades_and_commands_survive_other_keyboards(
    settings: Settings, database: sa.Engine
) -> None:
    # A button's name works as well as its number, and so do full-width digits from an IME.
    script = {**ALL_GOOD, Q_BASIC: ["easy"], Q_CLOZE_1: ["다시", "３"]}
    code, _ = await study(settings, Learner(script))
    assert code == 0
    assert [(e[0], e[3]) for e in log(database)] == [
        ("b1", 5), ("c1", 4), ("z1", 1), ("t1", 4), ("z1", 4)]


async def test_help_is_shown_at_any_prompt_and_the_question_asked_again(
    settings: Settings, database: sa.Engine
) -> None:
    script = {**ALL_GOOD, Q_BASIC: ["?", "3"], Q_TYPED: ["h", "DNS"]}
    code, out = await study(settings, Learner(script))
    assert code == 0
    assert out.count("Commands at any prompt:") == 2
    assert len(log(database)) == 4


async def test_choices_can_be_picked_by_typing_the_option(
    settings: Settings, database: sa.Engine
) -> None:
    await study(settings, Learner({**ALL_GOOD, Q_CHOICE: []}))  # stdin closes at the choice
    code, out = await study(settings, io.StringIO("iaas\n"))
    assert code == 0
    assert ("c1", 1, "new", 4) in log(database)
    assert "Right!" in out


class EditsTheChoiceOnScreen(ScriptedLearner):
    """Before answering the choice, a maintainer's edit of its options is loaded elsewhere."""

    def __init__(self, out: io.StringIO, settings: Settings, edited: str) -> None:
        super().__init__(out, "en", {**ALL_GOOD, Q_CHOICE: ["IaaS"]})
        self.settings, self.edited, self.done = settings, edited, False

    def readline(self, size: int | None = -1) -> str:
        prompt = self.out.getvalue().rstrip("\n").rsplit("\n", 1)[-1]
        if not self.done and prompt.startswith(t("terminal.prompt.choice", "en", n="")[:-3]):
            self.done = True
            (self.settings.decks_dir / "mini.yaml").write_text(self.edited, encoding="utf-8")

            async def reload() -> None:  # as a bot or another terminal loading the folder does
                db = await open_database(self.settings.database_url)
                try:
                    await load_decks_dir(db, self.settings.decks_dir, NOW)
                finally:
                    await db.close()

            worker = threading.Thread(target=asyncio.run, args=(reload(),))
            worker.start()
            worker.join()
        return super().readline(size)


async def test_an_edit_of_the_options_on_screen_grades_the_options_shown(
    settings: Settings, database: sa.Engine
) -> None:
    # The right answer moves to a fourth place no shown index can reach.
    edited = MINI_DECK.replace("[IaaS, PaaS, SaaS]", "[PaaS, SaaS, FaaS, IaaS]")

    class Editing(Learner):
        def __call__(self, out: io.StringIO) -> ScriptedLearner:
            self.stdin = EditsTheChoiceOnScreen(out, settings, edited)
            return self.stdin

    learner = Editing({})
    code, out = await study(settings, learner)
    assert code == 0
    assert isinstance(learner.stdin, EditsTheChoiceOnScreen) and learner.stdin.done
    assert ("c1", 1, "new", 4) in log(database)
    assert "Not quite" not in out


class StudiesTheDeckInASecondTerminal(ScriptedLearner):
    """Before grading the first card, the learner answers it in `studybot study --deck mini`."""

    def __init__(self, out: io.StringIO, settings: Settings) -> None:
        super().__init__(out, "en", {Q_BASIC: ["3"], Q_CHOICE: ["q"]})
        self.settings, self.second_out = settings, ""

    def readline(self, size: int | None = -1) -> str:
        prompt = self.out.getvalue().rstrip("\n").rsplit("\n", 1)[-1]
        asks_grade = prompt.startswith(t("terminal.prompt.grade", "en").split("?")[0])
        if not self.second_out and asks_grade:
            second = Learner({Q_BASIC: ["3"], Q_CHOICE: ["q"]})
            worker = threading.Thread(
                target=lambda: setattr(
                    self, "second_out", asyncio.run(study(self.settings, second, deck="mini"))[1]
                )
            )
            worker.start()
            worker.join()
        return super().readline(size)


async def test_two_terminals_side_by_side_review_a_face_once(
    settings: Settings, database: sa.Engine
) -> None:
    class SideBySide(Learner):
        def __call__(self, out: io.StringIO) -> ScriptedLearner:
            self.stdin = StudiesTheDeckInASecondTerminal(out, settings)
            return self.stdin

    first = SideBySide({})
    code, _ = await study(settings, first)  # every deck, while the second has --deck mini
    assert code == 0
    assert isinstance(first.stdin, StudiesTheDeckInASecondTerminal)
    assert Q_BASIC in first.stdin.second_out
    # The second terminal reviewed the face; the first one's answer came after: a drill.
    assert log(database) == [("b1", 1, "new", 4), ("b1", 1, "drill", 4)]
    assert states(database) == {("b1", 1): (250, 1, 1, str(TOMORROW))}


async def test_skipping_a_card_moves_on_and_keeps_it_due(
    settings: Settings, database: sa.Engine
) -> None:
    first = Learner({**ALL_GOOD, Q_BASIC: ["s"], Q_CHOICE: ["IaaS", "q"]})
    code, out = await study(settings, first)
    assert code == 0
    assert "Skipped. It comes back next time." in out
    # Enter revealed the answer, s skipped at the grade prompt; the choice came next.
    assert first.asked[:3] == [Q_BASIC, Q_BASIC, Q_CHOICE]
    assert Q_BASIC not in first.asked[2:]
    assert ("b1", 1) not in states(database)
    second = Learner(ALL_GOOD)
    await study(settings, second)
    assert Q_BASIC in second.asked


async def test_nothing_due_says_so_and_when_the_next_review_is(
    settings: Settings, database: sa.Engine
) -> None:
    await study(settings, Learner(ALL_GOOD))
    code, out = await study(settings, io.StringIO(""))
    assert code == 0
    assert "Nothing to review right now." in out
    assert "Next review: tomorrow, 4 cards" in out
    assert "This session" not in out  # nothing was shown: no summary, only the outlook
    # Tomorrow the four faces come back as reviews; the cloze's second face waits
    # again, its sibling being due.
    tomorrow = NOW + timedelta(days=1)
    code, out = await study(settings, Learner(ALL_GOOD), now=tomorrow)
    assert code == 0
    assert "4 left today" in out and "· new" not in out and Q_CLOZE_2 not in out
    assert [e[2] for e in log(database)[4:]] == ["review"] * 4
    assert "Next review: Wed 2 Dec, 4 cards" in out  # second interval: 6 days from Thu 26
    # SM-2's second review: 1 day after Again, 6 after any pass (Easy does not lengthen it).
    assert (
        "How well did you remember? 1 Again (1d) · 2 Hard (6d) · 3 Good (6d) · 4 Easy (6d)"
    ) in out
    # The day after, nothing of its card is shown: now it is introduced.
    code, out = await study(settings, Learner(ALL_GOOD), now=tomorrow + timedelta(days=1))
    assert "1 left today · new" in out and Q_CLOZE_2 in out
    assert log(database)[-1] == ("z1", 2, "new", 4)


async def test_study_with_the_fsrs_scheduler_rebuilds_and_schedules_by_fsrs(
    settings: Settings, database: sa.Engine
) -> None:
    await study(settings, Learner(ALL_GOOD))
    sm2 = states(database)
    later = NOW + timedelta(days=10)
    code, out = await study(settings, Learner(ALL_GOOD), now=later, scheduler="fsrs")
    assert code == 0
    assert "You now review with FSRS. Every card's schedule was worked out again" in out
    with database.connect() as db:
        kinds = db.execute(sa.text("SELECT DISTINCT scheduler FROM review_states")).scalars()
        assert list(kinds) == ["fsrs"]
    assert "How well did you remember? 1 Again (1d) · 2 Hard (" in out
    assert "Next review in" in out
    # Back to SM-2: the states are SM-2's again, rebuilt from the same log.
    code, out = await study(settings, io.StringIO(""), now=later, scheduler="sm2")
    assert code == 0 and "You now review with SM-2" in out
    again = states(database)
    assert set(again) == set(sm2) and all(v[0] is not None for v in again.values())
    code, out = await study(settings, io.StringIO(""), now=later, scheduler="sm2")
    assert "You now review with" not in out  # already SM-2: nothing to switch


# -- language -----------------------------------------------------------------------------


@pytest.fixture
def korean_settings(tmp_path: Path) -> Settings:
    folder = tmp_path / "ko-decks"
    folder.mkdir()
    (folder / "hangul.yaml").write_text(KO_DECK, encoding="utf-8")
    return Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 't.db'}", decks_dir=folder)


async def test_a_korean_deck_talks_korean_by_default(
    korean_settings: Settings, database: sa.Engine
) -> None:
    code, out = await study(korean_settings, io.StringIO("\n3\ndns\n"), lang=None)
    assert code == 0
    assert "한국어 덱 학습을 시작해요." in out
    assert "오늘 2장 남음 · 새 카드" in out
    assert "Enter 키를 누르면 정답이 보여요" in out
    assert "얼마나 잘 기억했나요? 1 다시(1일) · 2 어려움(1일) · 3 좋음(1일) · 4 쉬움(1일)" in out
    assert "정답이에요!" in out
    assert "오늘 공부를 모두 마쳤어요!" in out
    assert "2장에 답했고 2장을 맞혔어요 (100%)." in out
    assert "새 카드 2장 · 다시 보기 0번" in out
    assert "오늘 할 카드는 다 했어요." in out
    assert "다음 복습: 내일, 2장" in out
    assert "Press Enter" not in out
    assert len(log(database)) == 2


async def test_the_locale_picks_english_and_lang_overrides_it(
    korean_settings: Settings,
) -> None:
    english = {"LANG": "en_US.UTF-8"}
    _, out = await study(korean_settings, io.StringIO("q\n"), lang=None, environ=english)
    assert "Press Enter to show the answer" in out
    assert "Stopping here." in out
    _, out = await study(korean_settings, io.StringIO("ㅂ\n"), lang="ko", environ=english)
    assert "Enter 키를 누르면 정답이 보여요" in out
    assert "여기까지 할게요." in out  # ㅂ is q on a Korean keyboard


# -- decks --------------------------------------------------------------------------------


async def test_a_broken_deck_file_is_reported_by_line_and_the_rest_still_works(
    settings: Settings, decks_dir: Path, database: sa.Engine
) -> None:
    broken = decks_dir / "broken.yaml"
    broken.write_text(
        "deck: broken\ntitle: Broken\ncards:\n  - id: x1\n    type: basic\n    front: Q\n",
        encoding="utf-8",
    )
    code, out = await study(settings, Learner(ALL_GOOD))
    assert code == 0
    warning = next(line for line in out.splitlines() if "broken.yaml" in line)
    assert re.search(r"broken\.yaml:\d+:\d+: ", warning), warning
    assert warning.startswith("Warning: ")
    assert len(log(database)) == 4  # the good deck was studied in full (a sibling waits)
    # In the learner's language, after the same file:line:col.
    _, out = await study(settings, io.StringIO("q\n"), lang="ko")
    korean = next(line for line in out.splitlines() if "broken.yaml" in line)
    assert korean.startswith("경고: ") and warning.split(": ")[1] in korean
    assert korean.endswith("이 카드에 `back`이 없어요 (이 파일은 건너뛰었어요. "
                           "전에 불러온 덱이 있으면 그대로 사용해요)")


async def test_a_deck_broken_after_loading_keeps_its_loaded_version(
    settings: Settings, decks_dir: Path, database: sa.Engine
) -> None:
    await study(settings, io.StringIO("\n3\n"))
    (decks_dir / "mini.yaml").write_text(MINI_DECK.replace("front: What", "frnot: What"))
    code, out = await study(settings, Learner(ALL_GOOD))
    assert code == 0
    assert re.search(r"mini\.yaml:7:5: ", out), out
    assert "file skipped; an earlier version of the deck stays in use" in out
    assert Q_CHOICE in out and len(log(database)) == 4


Q_DRAFT = "Which protocol sets up a connection first?"


async def test_a_draft_card_is_never_asked_until_the_maintainer_accepts_it(
    settings: Settings, decks_dir: Path, database: sa.Engine
) -> None:
    draft = (
        "  - id: d1\n    type: typed\n    draft: true\n"
        f"    front: {Q_DRAFT}\n    back: TCP\n"
    )
    (decks_dir / "mini.yaml").write_text(MINI_DECK + draft, encoding="utf-8")
    first = Learner({**ALL_GOOD, Q_DRAFT: ["TCP"]})
    code, out = await study(settings, first)
    assert code == 0
    assert Q_DRAFT not in out and Q_DRAFT not in first.asked
    assert "All done for today!" in out
    assert "d1" not in {entry[0] for entry in log(database)}

    (decks_dir / "mini.yaml").write_text(MINI_DECK + draft.replace("    draft: true\n", ""),
                                         encoding="utf-8")
    second = Learner({Q_DRAFT: ["TCP"]})
    code, out = await study(settings, second)
    assert code == 0
    assert second.asked == [Q_DRAFT]
    assert log(database)[-1] == ("d1", 1, "new", 4)


async def test_a_deck_without_a_title_is_studied_under_its_id(
    settings: Settings, decks_dir: Path
) -> None:
    (decks_dir / "mini.yaml").write_text(MINI_DECK.replace("title: Mini deck\n", ""),
                                         encoding="utf-8")
    code, out = await study(settings, io.StringIO("q\n"))
    assert code == 0
    assert "Studying mini." in out


async def test_an_unknown_deck_exits_2_naming_the_decks_there_are(
    settings: Settings, decks_dir: Path
) -> None:
    (decks_dir / "other.yaml").write_text(
        KO_DECK.replace("deck: hangul", "deck: other"), encoding="utf-8"
    )
    code, out = await study(settings, io.StringIO(""), deck="nope")
    assert code == 2
    assert "There is no deck called 'nope'." in out
    assert "Available decks: mini, other" in out


async def test_studying_one_deck_leaves_the_others_alone(
    settings: Settings, decks_dir: Path, database: sa.Engine
) -> None:
    (decks_dir / "hangul.yaml").write_text(KO_DECK, encoding="utf-8")
    code, out = await study(settings, io.StringIO("\n3\ndns\n"), deck="hangul")
    assert code == 0
    assert {e[0] for e in log(database)} == {"k1", "k2"}
    assert "Studying 한국어 덱." in out


async def test_a_first_study_among_several_decks_asks_which_one_by_number(
    settings: Settings, decks_dir: Path, database: sa.Engine
) -> None:
    (decks_dir / "hangul.yaml").write_text(KO_DECK, encoding="utf-8")
    # Giving no number joins nothing and studies nothing.
    code, out = await study(settings, io.StringIO(""))
    assert code == 0 and "Which one would you like to study?" in out
    assert log(database) == [] and "Studying" not in out
    code, out = await study(settings, io.StringIO("x\n1\n\n3\ndns\n"), lang="ko")
    assert code == 0
    assert "아직 공부하는 덱이 없어요. 어떤 덱을 공부할까요?" in out
    # The learner's language first, with what each deck holds.
    assert out.index("1. 한국어 덱 · 한국어 · 2장") < out.index("2. Mini deck · English · 5장")
    assert "1부터 2까지의 번호를 입력하세요 (그만두려면 q)." in out
    assert "이제 '한국어 덱' 덱을 공부해요." in out
    assert "한국어 덱 학습을 시작해요." in out
    assert {e[0] for e in log(database)} == {"k1", "k2"}
    with database.connect() as db:
        joined = db.execute(sa.text("SELECT deck_id FROM enrollments")).scalars().all()
    assert joined == ["hangul"]  # never every deck at once


async def test_mistakes_goes_over_the_missed_cards_without_rescheduling(
    settings: Settings, decks_dir: Path, database: sa.Engine
) -> None:
    (decks_dir / "mini.yaml").write_text(KO_DECK, encoding="utf-8")
    code, out = await study(settings, io.StringIO("\n4\n"), mistakes=True)
    assert "You haven't missed a card in the last 7 days: nothing to go over." in out
    # k1 graded Again, then drilled until Good; k2 typed right.
    code, out = await study(settings, io.StringIO("\n1\ndns\n\n4\n"))
    assert code == 0
    before = states(database)
    logged = len(log(database))
    code, out = await study(settings, io.StringIO("\n1\n"), mistakes=True,
                            now=NOW + timedelta(hours=2))
    assert code == 0
    assert "1 missed card left" in out and "repeat" not in out
    assert "You went over 1 card you had missed and got 0 right (0%)." in out
    assert "A mistakes review never changes when cards come back." in out
    assert states(database) == before
    assert [e[2] for e in log(database)[logged:]] == ["drill"]


async def test_no_decks_at_all_says_where_to_put_them(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 't.db'}", decks_dir=empty)
    code, out = await study(settings, io.StringIO(""))
    assert code == 1
    assert f"Put deck files (*.yaml) in {empty}." in out


# -- the real console script ----------------------------------------------------------------


def test_the_console_script_studies_through_a_pipe(
    tmp_path: Path, decks_dir: Path, database: sa.Engine
) -> None:
    env = {
        **os.environ,
        "STUDYBOT_DECKS_DIR": str(decks_dir),
        "LANG": "C.UTF-8",
        "LC_ALL": "",
        "LC_MESSAGES": "",
    }
    url = f"sqlite+aiosqlite:///{tmp_path / 't.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "study", "--db", url, "--lang", "en", "--deck", "mini"],
        input="\n3\nq\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert Q_BASIC in result.stdout
    assert "Stopping here. Everything you answered is saved." in result.stdout
    assert log(database) == [("b1", 1, "new", 4)]


@pytest.mark.parametrize("decoding", ["surrogateescape", "strict"])
def test_a_line_that_is_not_utf8_is_asked_again_and_nothing_is_lost(
    tmp_path: Path, database: sa.Engine, decoding: str
) -> None:
    """A terminal set to another encoding sends bytes that are not UTF-8: under a C.UTF-8
    locale Python keeps them as surrogates (which SQLite refused, crashing the session and
    leaving it open), under a strict decoder readline itself raised."""
    decks_dir = tmp_path / "typed"
    decks_dir.mkdir()
    (decks_dir / "typed.yaml").write_text(
        "deck: typed\ntitle: Typed\nlang: en\ncards:\n  - id: t1\n    type: typed\n"
        f"    front: {Q_TYPED}\n    back: DNS\n", encoding="utf-8")  # fmt: skip
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("STUDYBOT_")},
        "STUDYBOT_DECKS_DIR": str(decks_dir),
        "LANG": "C.UTF-8",
        "LC_ALL": "",
        "PYTHONIOENCODING": "utf-8:strict" if decoding == "strict" else "",
    }
    url = f"sqlite+aiosqlite:///{tmp_path / 't.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "study", "--db", url, "--lang", "en"],
        input=b"D\xffNS\xc3\nDNS\n",
        capture_output=True, env=env, cwd=tmp_path, timeout=60, check=False,
    )  # fmt: skip
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 0, err
    assert "Traceback" not in err
    assert "That line is not UTF-8 text" in out
    assert log(database) == [("t1", 1, "new", 4)], out
    with database.connect() as db:
        ended = db.execute(sa.text("SELECT count(*) FROM study_sessions WHERE ended_at IS NULL"))
        assert ended.scalar() == 0


def _read_until(fd: int, marker: str, seen: bytearray, timeout: float = 30.0,
                *, since: int = 0) -> str:
    """Read the pseudo-terminal until ``marker`` shows up after byte ``since`` of what was
    seen (or the child exits): a prompt that repeats is waited for afresh, not found again
    in the screen before it."""
    import select
    import time

    deadline = time.monotonic() + timeout
    while (marker not in seen[since:].decode(errors="replace")
           and time.monotonic() < deadline):
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed its side
            break
        if not chunk:
            break
        seen.extend(chunk)
    return seen.decode(errors="replace")


def _wait_or_kill(pid: int, fd: int, seen: bytearray, timeout: float = 15.0) -> int | None:
    """The child's exit code; a child still running after ``timeout`` is killed (None),
    after it has written every thread's stack to the terminal (``seen``) to say where it
    hung: it runs with PYTHONFAULTHANDLER, which dumps them on SIGABRT."""
    import signal
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGABRT)
    _read_until(fd, "\x00never", seen, timeout=3.0, since=len(seen))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_ctrl_c_at_a_real_terminal_stops_at_once_and_keeps_the_answers(
    tmp_path: Path, decks_dir: Path, database: sa.Engine
) -> None:
    import pty

    url = f"sqlite+aiosqlite:///{tmp_path / 't.db'}"
    argv = [sys.executable, "-m", "bot.cli", "study", "--db", url, "--lang", "en"]
    env = {**os.environ, "STUDYBOT_DECKS_DIR": str(decks_dir), "TERM": "xterm-256color",
           "PYTHONFAULTHANDLER": "1"}
    env.pop("NO_COLOR", None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the studybot process on the terminal
        try:
            os.chdir(Path(__file__).resolve().parents[2])
            os.execve(sys.executable, argv, env)
        finally:
            os._exit(127)
    seen = bytearray()
    try:
        _read_until(fd, "Press Enter", seen)
        os.write(fd, b"\n")
        _read_until(fd, "How well did you remember?", seen)
        os.write(fd, b"3\n")
        _read_until(fd, "Type the number of your answer", seen)
        os.write(fd, b"\x03")  # Ctrl-C, delivered by the terminal as SIGINT
        _read_until(fd, "See you next time!", seen)
    finally:
        status = _wait_or_kill(pid, fd, seen)
        os.close(fd)
    out = seen.decode(errors="replace")
    assert status == 130, out
    assert "Interrupted. Everything you answered is saved." in out
    assert "Traceback" not in out
    assert "\x1b[" in out  # a terminal gets colour
    assert log(database) == [("b1", 1, "new", 4)]
