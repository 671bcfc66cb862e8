"""Which faces a study group is asked, and how: the rules of bot.study.daily.fairness."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.study.daily.fairness import (
    DeckCard,
    DeckQuestions,
    fairly_posted,
    posted_face,
    question_template,
    short_blank,
)


def basic(pk: int, front: str, back: str, tags: tuple[str, ...] = (),
          anchor: str | None = None) -> DeckCard:
    content: dict[str, Any] = {"front": front, "back": back, "tags": list(tags)}
    if anchor:
        content["src"] = {"anchor": anchor, "gen": "0"}
    return DeckCard(pk, "basic", content)


@pytest.mark.parametrize(("front", "kind"), [
    ("가상머신이란?", "definition"),
    ("IaaS(Infrastructure-as-a-Service)란?", "definition"),
    ("도커는 무엇인가요?", "definition"),
    ("What is a hypervisor?", "definition"),
    ("What are containers?", "definition"),
    ("전통적 배포방식의 문제점은?", "cons"),
    ("IaaS의 장점은 무엇인가?", "pros"),
    ("오프프레미스 방식의 클라우드 서비스를 이용하면 좋은 점은?", "pros"),
    ("온프레미스 방식에서 기업이 직접 하는 일을 예로 들면?", "example"),
    ("컨테이너의 특징은? (3가지)", "features"),
    ("VM과 컨테이너의 차이는?", "difference"),
    ("What is the difference between a VM and a container?", "difference"),
    ("docker ps 명령의 용도는?", "purpose"),
    ("What does kubectl apply do?", "purpose"),
    ("'전화번호부'에 비유되는 것은?", "analogy"),
    ("Why do containers start fast?", "cause"),
    ("쿠버네티스의 다른 이름은?", "alias"),
    ("How many replicas does it keep?", None),
])
def test_question_templates(front: str, kind: str | None) -> None:
    assert question_template(front) == kind


def test_a_short_blank_is_a_word_or_a_short_phrase() -> None:
    assert short_blank("빌드") and short_blank("여러 개의 OS") and short_blank("Domain Name System")
    assert not short_blank("each instruction adds a read-only layer")
    assert not short_blank("하나의물리서버를여러개의독립된서버처럼쓰는환경")  # one long word
    assert not short_blank("  ")


DEFS = [
    basic(1, "Docker란?", "컨테이너를 만들고 실행하는 도구.", ("docker",)),
    basic(2, "하이퍼바이저란?", "가상머신을 여러 개 돌리게 해 주는 중간 계층.", ("vm",)),
    basic(3, "가상머신이란?", "물리 서버 하나를 여러 서버처럼 쓰게 해 주는 환경.", ("vm",)),
]


def test_a_basic_card_needs_two_answers_to_the_same_kind_of_question() -> None:
    odd = basic(4, "전통적 배포방식의 문제점은?", "다른 앱에 영향을 준다.", ("vm",))
    questions = DeckQuestions([*DEFS, odd])
    # Three definitions: each has two others beside it, whatever their topic tags say.
    assert all(questions.is_fair(card.pk, 1) for card in DEFS)
    assert questions.distractors(1) == [DEFS[1].content["back"], DEFS[2].content["back"]]
    # The only "problem" question shares a tag with two definitions, but not their template.
    assert not questions.is_fair(4, 1)
    assert not DeckQuestions(DEFS[:2]).is_fair(1, 1)


def test_untemplated_questions_are_grouped_by_their_kind_tag() -> None:
    # Generated cards name their kind in tags (and in src.anchor): "qa" questions of any shape.
    qa = [
        basic(1, "How many replicas does a Deployment keep?", "As many as spec.replicas says.",
              ("qa",)),
        basic(2, "Where does kubectl read its config?", "From ~/.kube/config.", ("qa",)),
        basic(3, "Which port does the API server listen on?", "6443.",
              anchor="Kubernetes#qa:api-port"),
        basic(4, "Which file lists the image's layers?", "The manifest.", ("images",)),
    ]
    questions = DeckQuestions(qa)
    assert questions.fair_faces([(1, 1), (2, 1), (3, 1), (4, 1)]) == {(1, 1), (2, 1), (3, 1)}


def test_options_are_one_distinct_line_each() -> None:
    cards = [
        *DEFS,
        basic(5, "컨테이너란?", "컨테이너를 만들고 실행하는 도구."),  # the same answer as Docker's
        basic(6, "쿠버네티스란?", "• 배포\n• 확장"),  # a list is no option
        basic(7, "파드란?", "x" * 400),  # nor a page
    ]
    questions = DeckQuestions(cards)
    options = questions.distractors(2)
    assert options == [DEFS[0].content["back"], DEFS[2].content["back"]]
    assert not questions.is_fair(6, 1) and not questions.is_fair(7, 1)


@given(st.integers(min_value=0, max_value=2**32))
def test_a_basic_face_as_a_choice_holds_its_answer_once(seed: int) -> None:
    cards = [basic(pk, f"용어{pk}란?", f"뜻 {pk}") for pk in range(1, 8)]
    questions = DeckQuestions(cards)
    shown = questions.basic_as_choice(3, random.Random(seed))
    assert shown is not None
    assert shown["answer"] == "뜻 3" and shown["choices"].count("뜻 3") == 1
    assert len(shown["choices"]) == 4 == len(set(shown["choices"]))
    assert shown == questions.basic_as_choice(3, random.Random(seed))  # the seed decides


def test_choice_typed_and_short_cloze_faces_are_asked_as_they_are() -> None:
    questions = DeckQuestions([
        DeckCard(1, "choice", {"front": "?", "choices": ["a", "b"], "answer": "a"}),
        DeckCard(2, "typed", {"front": "?", "back": "DNS"}),
        DeckCard(3, "cloze", {"text": "{{c1::빌드}}하면 이미지가 되고, {{c2::실행 중인 "
                                      "이미지 하나하나를 컨테이너라고 부르는데 이것이 핵심}}."}),
    ])
    assert questions.fair_faces([(1, 1), (2, 1), (3, 1), (3, 2), (9, 1)]) == {
        (1, 1), (2, 1), (3, 1)}


def test_a_posted_basic_face_is_a_choice_and_an_old_free_text_one_unfair() -> None:
    content = {"front": "Docker란?", "back": "도구."}
    shown = {"choices": ["환경.", "도구.", "계층."], "answer": "도구."}
    text = posted_face("basic", content, 1, None, shown)
    assert (text.type, text.question, text.answer, text.choices) == (
        "choice", "Docker란?", "도구.", ("환경.", "도구.", "계층."))
    assert fairly_posted("basic", content, 1, shown)
    assert posted_face("basic", content, 1, None, None).type == "basic"
    assert not fairly_posted("basic", content, 1, None)
    assert fairly_posted("cloze", {"text": "{{c1::빌드}}"}, 1, None)
    assert not fairly_posted("cloze", {"text": "{{c1::a b c d e f}}"}, 1, None)
