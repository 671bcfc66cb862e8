"""Knowledge units in Korean notes, written the ways people really write them."""

from __future__ import annotations

from tests.unit.generator.helpers import cards_of, find, one


def fronts(note: str) -> dict[str, str]:
    return {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}


def test_questions_asked_as_requests_are_answered_by_what_follows() -> None:
    note = (
        "## 면접 질문\n"
        "### 캐시에 대해 설명해주세요.\n"
        "캐시는 자주 쓰는 데이터를 빠른 저장소에 두는 기법입니다.\n\n"
        "### 스레드와 프로세스의 차이를 말씀해주세요.\n"
        "- 프로세스는 독립된 메모리를 가진다.\n"
        "- 스레드는 프로세스의 메모리를 공유한다.\n"
    )
    cards = fronts(note)
    assert cards["캐시에 대해 설명해주세요."] == (
        "캐시는 자주 쓰는 데이터를 빠른 저장소에 두는 기법입니다.")
    assert cards["스레드와 프로세스의 차이를 말씀해주세요."] == (
        "• 프로세스는 독립된 메모리를 가진다.\n• 스레드는 프로세스의 메모리를 공유한다.")


def test_question_bullets_with_nested_answers() -> None:
    note = (
        "- 힙 정렬의 시간 복잡도는?\n"
        "  - 최선, 평균, 최악 모두 O(N log N)이다.\n"
        "- 안정 정렬이란 무엇인가요?\n"
        "  - 같은 값의 원래 순서가 정렬 후에도 유지되는 정렬이다.\n"
    )
    cards = fronts(note)
    assert cards["힙 정렬의 시간 복잡도는?"] == "최선, 평균, 최악 모두 O(N log N)이다."
    assert cards["안정 정렬이란 무엇인가요?"] == (
        "같은 값의 원래 순서가 정렬 후에도 유지되는 정렬이다.")


def test_a_numbered_list_is_a_process_only_when_the_text_says_so() -> None:
    reasons = (
        "## 인덱스를 남용하면 안 되는 이유\n"
        "1. 쓰기마다 인덱스도 갱신해야 한다.\n"
        "2. 저장 공간을 더 쓴다.\n"
    )
    cards = cards_of(reasons, "ko")
    assert not find(cards, "process")
    assert not any("단계" in c.question() or "순서" in c.question() for c in cards)
    steps = (
        "## 요청 처리\n"
        "DNS 조회의 과정은 다음과 같다.\n\n"
        "1. 브라우저 캐시를 확인한다.\n"
        "2. 로컬 DNS 서버에 묻는다.\n"
        "3. 루트 서버부터 차례로 묻는다.\n"
    )
    card = one(cards_of(steps, "ko"), "process")
    assert card.front == "DNS 조회의 과정은?"
    assert card.back == ("1) 브라우저 캐시를 확인한다\n2) 로컬 DNS 서버에 묻는다\n"
                         "3) 루트 서버부터 차례로 묻는다")


def test_parentheses_are_aliases_only_when_they_name_the_term() -> None:
    note = (
        "# 보안\n"
        "CSRF(Cross-Site Request Forgery)는 사용자의 권한으로 원치 않는 요청을 "
        "보내게 하는 공격이다.\n\n"
        "핸드셰이크(단계 2)는 서버가 인증서를 보내는 단계이다.\n"
    )
    cards = cards_of(note, "ko")
    alias = one(cards, "alias")
    assert (alias.front, alias.back) == ("CSRF는 무엇의 약자인가?", "Cross-Site Request Forgery")
    assert not any(c.back == "단계 2" for c in cards)


def test_a_fragment_under_a_term_is_not_its_definition() -> None:
    note = (
        "## 메모리 계층\n"
        "- **캐시**\n"
        "  - L1 영역에 저장\n"
        "  - 접근이 빠름\n"
    )
    assert not any(c.question().startswith("캐시") and c.back == "L1 영역에 저장"
                   for c in cards_of(note, "ko") if not c.draft)


def test_a_term_bullet_explained_by_a_quote_or_a_paragraph() -> None:
    note = (
        "## 용어\n"
        "- 교착 상태\n\n"
        "  > 둘 이상의 프로세스가 서로의 자원을 기다리며 멈춘 상태\n\n"
        "- 기아 상태\n\n"
        "  우선순위가 낮은 프로세스가 자원을 계속 얻지 못하는 상태\n"
    )
    cards = fronts(note)
    assert cards["교착 상태란?"] == "둘 이상의 프로세스가 서로의 자원을 기다리며 멈춘 상태"
    assert cards["기아 상태란?"] == "우선순위가 낮은 프로세스가 자원을 계속 얻지 못하는 상태"


def test_term_colon_definition_lines_joined_by_soft_breaks() -> None:
    marked = (
        "## 계층\n"
        "**L4 로드밸런서** : 포트와 IP로 트래픽을 나누는 장비\n"
        "**L7 로드밸런서** : URL과 헤더로 트래픽을 나누는 장비\n"
    )
    cards = {q.split(" (")[0]: a for q, a in fronts(marked).items()}
    assert cards["L4 로드밸런서란?"] == "포트와 IP로 트래픽을 나누는 장비"
    assert cards["L7 로드밸런서란?"] == "URL과 헤더로 트래픽을 나누는 장비"
    # Unmarked "label : text" lines are often asides; they become drafts to accept.
    plain = marked.replace("**", "")
    drafts = {c.front.split(" (")[0]: c.back for c in cards_of(plain, "ko") if c.draft}
    assert drafts["L4 로드밸런서란?"] == "포트와 IP로 트래픽을 나누는 장비"


def test_a_command_heading_pairs_the_command_with_its_purpose() -> None:
    note = "### git stash - 작업 내용 임시 저장\n\n```sh\ngit stash\n```\n"
    cards = cards_of(note, "ko")
    purpose = [c for c in cards if c.front == "git stash 명령의 용도는?"]
    assert purpose and purpose[0].back == "작업 내용 임시 저장"
    typed = [c for c in cards if c.type == "typed"]
    assert typed and typed[0].front == "'작업 내용 임시 저장'에 쓰는 명령은?"
    assert typed[0].back == "git stash"


def test_comparisons_as_a_heading_and_as_a_sentence() -> None:
    heading = "## TCP vs UDP\n- TCP는 연결을 맺고 순서를 보장한다.\n- UDP는 연결 없이 보낸다.\n"
    card = one(cards_of(heading, "ko"), "difference")
    assert card.front == "TCP와 UDP의 차이는?"
    assert "순서를 보장" in card.back and "연결 없이" in card.back
    sentence = "## 정리\n쿠키와 세션의 차이는 상태를 어디에 저장하느냐이다.\n"
    card = one(cards_of(sentence, "ko"), "difference")
    assert (card.front, card.back) == ("쿠키와 세션의 차이는?", "상태를 어디에 저장하느냐이다")


def test_why_questions_carry_their_cause() -> None:
    note = "### UDP가 TCP보다 빠른 이유는?\n연결 수립과 재전송을 하지 않기 때문이다.\n"
    card = one(cards_of(note, "ko"), "qa")
    assert card.back == "연결 수립과 재전송을 하지 않기 때문이다."
    assert not card.draft


def test_particles_agree_with_any_word() -> None:
    note = (
        "## 메모리\n"
        "- Stack : 함수 호출마다 쌓이는 지역 변수 영역\n"
        "- Heap : 실행 중에 동적으로 할당되는 영역\n"
        "- Queue : 먼저 들어온 것이 먼저 나가는 자료 구조\n"
    )
    cards = fronts(note)
    assert {q.split("?")[0] for q in cards} >= {"Stack이란", "Heap이란", "Queue란"}


def test_furniture_sections_make_no_cards() -> None:
    note = (
        "## 작성자\n- 홍길동\n\n"
        "## 참고 자료\n- [블로그](https://example.com) : 좋은 설명\n\n"
        "## Q&A\n질문은 이슈로 남겨주세요.\n"
    )
    assert cards_of(note, "ko") == []


def test_kinds_named_by_a_lead_in_give_members_and_definitions_in_context() -> None:
    note = (
        "## 스케줄링\n"
        "스케줄링 알고리즘의 종류는 다음과 같다.\n\n"
        "- **FCFS** : 먼저 도착한 프로세스부터 처리하는 방식\n"
        "- **SJF** : 실행 시간이 가장 짧은 프로세스부터 처리하는 방식\n"
        "- **RR** : 같은 시간 할당량씩 돌아가며 처리하는 방식\n"
    )
    cards = fronts(note)
    assert cards["스케줄링 알고리즘의 종류는? (3가지)"] == "FCFS, SJF, RR"
    assert cards["FCFS란? (스케줄링 알고리즘의 종류)"] == "먼저 도착한 프로세스부터 처리하는 방식"


def test_pros_and_cons_belong_to_the_term_above_them() -> None:
    note = (
        "## 멀티스레딩\n"
        "하나의 프로세스 안에서 여러 스레드로 작업을 나누어 처리하는 방식.\n"
        "- **장점** : 자원을 공유해 생성 비용이 적다\n"
        "- **단점** : 공유 자원에서 동기화 문제가 생긴다\n"
    )
    cards = fronts(note)
    assert cards["멀티스레딩의 장점은?"] == "자원을 공유해 생성 비용이 적다"
    assert cards["멀티스레딩의 단점은?"] == "공유 자원에서 동기화 문제가 생긴다"


def test_a_comparison_table_asks_each_thing_its_value() -> None:
    note = (
        "## TCP와 UDP의 비교\n"
        "| 프로토콜 | TCP | UDP |\n|---|---|---|\n"
        "| 신뢰성 | 높다 | 낮다 |\n| 속도 | 느리다 | 빠르다 |\n"
    )
    cards = cards_of(note, "ko")
    card = next(c for c in cards if c.front == "TCP의 신뢰성은?")
    assert card.type == "choice" and card.answer == "높다"
    assert set(card.choices) == {"높다", "낮다"}


def test_a_table_of_values_makes_no_cards() -> None:
    note = (
        "## 갱신 손실 예시\n"
        "| X | 트랜잭션1 | 트랜잭션2 |\n|---|---|---|\n"
        "| 10 | 읽기 | |\n| 5 | | 쓰기 |\n"
    )
    assert not find(cards_of(note, "ko"), "cell")


def test_a_bare_adjective_term_is_a_draft() -> None:
    note = (
        "### 스케줄러의 종류\n"
        "- **장기** : 어떤 프로세스를 메모리에 올릴지 결정\n"
        "- **단기** : 어떤 프로세스에 CPU를 줄지 결정\n"
    )
    drafts = [c.question() for c in cards_of(note, "ko") if c.draft]
    assert any(q.startswith("장기란?") for q in drafts)


def test_the_authors_bold_words_are_blanked_in_their_sentence() -> None:
    note = "## 전송 계층\nUDP는 **흐름 제어**를 하지 않아서 빠르다.\n"
    card = one(cards_of(note, "ko"), "cloze")
    assert card.text == "UDP는 {{c1::흐름 제어}}를 하지 않아서 빠르다."
    assert not card.draft
    # Two blanks wait for an editor; so does a sentence that needs its subject named.
    two = "## UDP\n대부분의 응용은 **신뢰성**과 **순차적인 전달**을 필요로 한다.\n"
    card = one(cards_of(two, "ko"), "cloze")
    assert card.text == "대부분의 응용은 {{c1::신뢰성}}과 {{c2::순차적인 전달}}을 필요로 한다."
    assert card.draft
    unnamed = "## UDP\n연결 수립 없이 **데이터그램**을 바로 보낸다.\n"
    card = one(cards_of(unnamed, "ko"), "cloze")
    assert card.text == "UDP: 연결 수립 없이 {{c1::데이터그램}}을 바로 보낸다."
    assert card.draft


def test_a_blank_reads_as_natural_korean() -> None:
    note = (
        "## 인덱스\n"
        "즉, **클러스터형** 인덱스는 특정 컬럼을 기준으로 데이터를 정렬한다.\n\n"
        "## SSL\n"
        "SSL 은 상대를 확인하는 수단으로 **증명서** 를 제공하고 있다.\n\n"
        "HTTPS 에서 HTTP 는 SSL 과 통신하고 SSL 은 TCP 와 **통신** 하게 된다.\n"
    )
    cards = cards_of(note, "ko")
    served = {c.text for c in cards if c.rule == "cloze" and not c.draft}
    assert "{{c1::클러스터형}} 인덱스는 특정 컬럼을 기준으로 데이터를 정렬한다." in served
    assert "SSL은 상대를 확인하는 수단으로 {{c1::증명서}}를 제공하고 있다." in served
    # Half a verb ("… 하게 된다") is not a blank a learner can fill: a draft at most.
    assert not any("{{c1::통신}}" in text for text in served)


def test_a_process_under_a_bare_heading_is_the_process_of_its_section() -> None:
    note = (
        "### OAuth\n"
        "#### 과정\n"
        "1. 소비자가 서비스 제공자에게 요청 토큰을 요청\n"
        "2. 서비스 제공자가 요청 토큰 발급\n"
        "3. 소비자가 접근 토큰으로 사용자 정보에 접근\n"
    )
    card = one(cards_of(note, "ko"), "process")
    assert card.question() == "OAuth의 과정은?"


def test_dae_inside_a_word_does_not_split_a_comparison() -> None:
    note = (
        "### 대칭키와 비대칭키 차이\n"
        "- 대칭키: 하나의 비밀키로 암호화와 복호화를 모두 한다.\n"
        "- 비대칭키: 공개키로 암호화하고 개인키로 복호화한다.\n\n"
        "### 통신 상대를 확인하지 않기 때문에 위장이 가능하다\n"
        "HTTP 통신에는 상대가 누구인지 확인하는 처리가 없다.\n"
    )
    questions = [c.question() for c in cards_of(note, "ko")]
    assert "대칭키와 비대칭키의 차이는?" in questions
    assert not any("비와" in q or "상과" in q for q in questions)


def test_a_free_label_is_a_draft_a_named_property_is_served() -> None:
    note = (
        "## 교착 상태 예방\n"
        "1. **Preemption 허용**\n"
        "    - 다른 프로세스의 자원을 빼앗을 수 있게 하는 방법이다.\n"
        "    - 문제점: 상태를 저장하기 어려운 자원에는 쓸 수 없다.\n\n"
        "## 격리 수준\n"
        "- **확장** 단계 : 새 잠금을 얻을 수 있지만 풀 수 없음\n"
        "- **수축** 단계 : 잠금을 풀 수 있지만 새로 얻을 수 없음\n"
    )
    cards = cards_of(note, "ko")
    problem = one(cards, "attribute", "문제점")
    assert problem.question() == "Preemption 허용의 문제점은?" and not problem.draft
    # The definition is the description alone, not the labelled problem below it.
    definition = one(cards, "definition").answers()[0]
    assert definition == "다른 프로세스의 자원을 빼앗을 수 있게 하는 방법이다"
    assert all(c.draft for c in find(cards, "attribute", "단계"))


def test_a_stressed_modifier_and_an_activity_are_not_served_as_terms() -> None:
    note = (
        "## 인덱스 정리\n"
        "- **Clustered** 인덱스는 테이블당 오직 한 개만 존재한다.\n"
        "- **Non-Clustered** 인덱스는 테이블당 여러 개를 만들 수 있다.\n\n"
        "## 세션의 쓰임\n"
        "- 민감한 정보 관리\n"
        "  - 사용자의 비밀번호와 개인정보를 서버에 두는 것\n"
        "- 로그인 상태 유지\n"
        "  - 로그인한 사용자를 요청마다 알아보는 것\n"
    )
    served = [c.question() for c in cards_of(note, "ko") if not c.draft]
    assert not any(q.startswith(("Clustered란", "Non-Clustered란")) for q in served)
    assert not any("관리란" in q or "유지란" in q for q in served)


def test_a_condition_that_ends_on_a_name_asks_for_the_name() -> None:
    note = (
        "## 호출 방식\n"
        "호출된 함수가 바로 리턴해서 호출한 함수가 다른 일을 할 수 있으면 NonBlocking이다.\n\n"
        "그렇지 않고 호출된 함수가 작업을 마칠 때까지 호출한 함수를 기다리게 만든다면 "
        "Blocking이다.\n"
    )
    served = {c.text for c in find(cards_of(note, "ko"), "cloze") if not c.draft}
    assert served == {
        "호출된 함수가 바로 리턴해서 호출한 함수가 다른 일을 할 수 있으면 {{c1::NonBlocking}}이다.",
        "호출된 함수가 작업을 마칠 때까지 호출한 함수를 기다리게 만든다면 {{c1::Blocking}}이다.",
    }


def test_a_name_with_its_other_name_on_a_line_of_its_own_is_a_term() -> None:
    note = (
        "## 로드 밸런서\n"
        "SNI (Server Name Indicator)\n"
        "- 한 웹 서버가 여러 개의 SSL 인증서를 가질 수 있게 하는 기능\n"
        "- 요청한 도메인에 맞는 인증서로 응답하는 기능\n\n"
        "연결 드레이닝 (Connection Draining)\n"
        "- 연결 드레이닝 Connection Draining (CLB)\n"
        "- 1 to 3600 초를 대기\n"
    )
    cards = {c.question(): c for c in cards_of(note, "ko") if not c.draft}
    assert cards["SNI란?"].answers()[0] == (
        "• 한 웹 서버가 여러 개의 SSL 인증서를 가질 수 있게 하는 기능\n"
        "• 요청한 도메인에 맞는 인증서로 응답하는 기능")
    assert "SNI는 무엇의 약자인가?" in cards
    assert not any(q.startswith("연결 드레이닝이란") for q in cards)


def test_a_caption_is_too_short_a_clue_to_serve_as_a_blank() -> None:
    note = ("## 인덱스\n**Clustered** 인덱스의 구조이다.\n\n"
            "**클러스터형** 인덱스는 특정 컬럼을 기준으로 데이터들을 정렬시킨다.\n")
    served = {c.text for c in find(cards_of(note, "ko"), "cloze") if not c.draft}
    assert served == {"{{c1::클러스터형}} 인덱스는 특정 컬럼을 기준으로 데이터들을 정렬시킨다."}


def test_navigation_and_reading_lists_are_nothing_to_learn() -> None:
    note = (
        "# Part 1 Network\n\n"
        "- [HTTP의 GET과 POST 비교](#get-post)\n- [TCP와 UDP](#tcp-udp)\n\n"
        "## 대칭키와 비대칭키 차이\n"
        "- 대칭키: 하나의 비밀키로 암호화와 복호화를 모두 하는 방식\n"
        "- 비대칭키: 공개키로 암호화하고 개인키로 복호화하는 방식\n\n"
        "> :arrow_up:[Top](#top)    [Back](https://example.com/back)\n\n"
        "#### Personal Recommendation\n\n- (도서) [네트워크 원리](https://example.com/book)\n"
        "- (도서) [HTTP 가이드](https://example.com/http)\n"
    )
    cards = cards_of(note, "ko")
    assert not any(q.startswith("Part 1 Network") for q in (c.question() for c in cards))
    assert not any("Top" in c.all_text() or "네트워크 원리" in c.all_text() for c in cards)


def test_a_list_of_kinds_under_a_term_is_not_its_definition() -> None:
    note = (
        "## 로드 밸런서\n"
        "ELB (Elastic Load Balancer)\n"
        "- 순서대로 CLB, ALB, NLB, GLB 가 있음\n"
        "- CLB (Classic)\n"
        "  - HTTP, HTTPS, TCP를 지원하는 오래된 타입\n"
    )
    assert not any(c.question() == "ELB란?" for c in cards_of(note, "ko") if not c.draft)


def test_a_definition_is_a_whole_thought_about_the_term() -> None:
    note = (
        "## 해시 함수\n"
        "원본 메시지로 다이제스트를 구하기는 쉽지만 다이제스트로 원본 메시지를 구할 수 없어야 하며 "
        "이를 단방향성이라고 한다.\n\n"
        "## 메모리 관리\n"
        "- Page - fault rate을 최소화하는 것이 목표\n"
        "- 스래싱: 페이지 부재가 너무 잦아 CPU 이용률이 떨어지는 현상\n\n"
        "### Working Set Algorithm\n"
        "Working Set의 결정\n"
    )
    cards = {c.question(): c for c in cards_of(note, "ko")}
    assert cards["단방향성이란?"].answers()[0] == (
        "원본 메시지로 다이제스트를 구하기는 쉽지만 다이제스트로 원본 메시지를 구할 수 없어야 함")
    assert "Page란?" not in cards
    assert not any(q.startswith("Working Set Algorithm이란") for q in cards)


def test_a_property_of_a_term_is_asked_as_its_property() -> None:
    note = (
        "## 컨텍스트 스위칭\n"
        "- 컨텍스트 스위칭 주체: OS 스케줄러(Scheduler)가 프로세스를 바꾼다\n"
        "- 인터럽트: 입출력이 끝났다고 CPU에 알리는 신호\n\n"
        "## TCP\n"
        "TCP에서 연결 설정(connection establishment)는 **3-way handshake**를 통해 행해진다.\n\n"
        "## 인덱스\n"
        "**Non-Clustered** 인덱스는 저장되는 별도의 공간(약 10%)이 필요하다.\n"
    )
    cards = cards_of(note, "ko")
    questions = [c.question() for c in cards]
    assert "컨텍스트 스위칭의 주체는?" in questions
    assert "인터럽트란? (컨텍스트 스위칭)" in questions
    assert one(cards, "cloze", "TCP").text.startswith(
        "TCP에서 연결 설정(connection establishment)은 ")
    assert one(cards, "cloze", "공간").text.endswith("별도의 공간(약 10%)이 필요하다.")


def test_opposite_terms_side_by_side_ask_their_difference() -> None:
    note = (
        "## 스케줄링 알고리즘\n"
        "- **선점 스케줄링**: 우선순위가 더 높은 프로세스가 자원을 빼앗을 수 있는 방식\n"
        "- **비선점 스케줄링**: 프로세스가 자원을 다 쓸 때까지 빼앗을 수 없는 방식\n"
        "- **캐시**: 자주 쓰는 데이터를 가까이 두는 저장 공간\n"
    )
    card = one(cards_of(note, "ko"), "difference")
    assert card.question() == "선점 스케줄링과 비선점 스케줄링의 차이는?"
    assert card.answers()[0] == (
        "선점 스케줄링: 우선순위가 더 높은 프로세스가 자원을 빼앗을 수 있는 방식\n"
        "비선점 스케줄링: 프로세스가 자원을 다 쓸 때까지 빼앗을 수 없는 방식")
    assert not card.draft


def test_a_section_of_points_still_reads_the_question_after_them() -> None:
    note = (
        "# HTTP 캐시\n\n"
        "## 캐시의 종류\n"
        "- **브라우저 캐시**: 사용자의 브라우저에 저장되는 사적인 캐시\n"
        "- **프록시 캐시**: 여러 사용자가 함께 쓰는 중간 서버의 공유 캐시\n"
        "- **CDN**: 사용자와 가까운 엣지 서버에 콘텐츠를 복사해 두는 네트워크\n\n"
        "## 강한 캐시와 약한 캐시의 차이\n"
        "강한 캐시는 만료 전까지 서버에 묻지 않고 바로 쓰는 방식이고, 약한 캐시는 매번 서버에 "
        "조건부 요청을 보내 변경 여부를 확인하는 방식이다.\n\n"
        "### 단점\n"
        "- 오래된 데이터를 보여줄 수 있다\n\n"
        "**Q. 캐시 무효화가 어려운 이유는 무엇인가요?**\n\n"
        "여러 계층에 복사본이 흩어져 있어서 모든 복사본을 동시에 지우기 어렵기 때문입니다.\n"
    )
    cards = {c.question(): c for c in cards_of(note, "ko")}
    assert not cards["캐시 무효화가 어려운 이유는 무엇인가요?"].draft
    assert not cards["강한 캐시와 약한 캐시의 차이는?"].draft
    # Two of three kinds share "캐시": a list that leaves out CDN is not served as complete.
    assert all(c.draft for q, c in cards.items() if q.startswith("캐시의 종류는"))


def test_a_longer_comparison_made_of_points_is_served_an_introduction_is_not() -> None:
    reason = ("게스트 OS를 따로 설치하지 않고 호스트 OS의 커널을 그대로 함께 쓰면서 "
              "필요한 라이브러리와 실행 파일만 이미지에 담기 때문이다")
    points = "".join(f"- Docker는 VM보다 {x}. {reason} ({n})\n" for n, x in enumerate(
        ["가볍다", "빠르다", "작다", "배포가 쉽다", "많이 띄울 수 있다"], 1))
    note = (
        "## VM과 Docker의 차이\n" + points + "\n"
        "## GET과 POST의 차이\n"
        "둘 다 HTTP 프로토콜을 이용해서 서버에 무엇인가를 요청할 때 사용하는 방식이다. 하지만 둘의 "
        "특징을 제대로 이해하여 기술의 목적에 맞게 알맞은 용도에 사용해야 한다. 이 글에서는 그 "
        "차이를 여러 관점에서 자세히 살펴보고, 어떤 상황에서 무엇을 써야 하는지 정리해 본다. "
        "먼저 두 방식이 어떻게 생겨났는지부터 알아보자. 역사를 알면 차이가 더 잘 보인다.\n"
    )
    cards = {c.question(): c for c in find(cards_of(note, "ko"), "difference")}
    assert len(cards["VM과 Docker의 차이는?"].answers()[0]) > 400
    assert not cards["VM과 Docker의 차이는?"].draft
    assert cards["GET과 POST의 차이는?"].draft


def test_a_bare_name_line_is_a_term_only_when_its_first_point_names_what_it_is() -> None:
    note = (
        "## 페이지 교체\n"
        "clock algorithm\n\n"
        "- LRU의 근사 알고리즘\n"
        "- reference bit를 쓴다\n\n"
        "장단점 비교\n\n"
        "- 구현이 쉽다\n"
        "- 하드웨어 도움이 필요하다\n"
    )
    cards = {c.question(): c for c in cards_of(note, "ko") if not c.draft}
    assert cards["clock algorithm이란?"].answers()[0].startswith("• LRU의 근사 알고리즘")
    assert not any(q.startswith("장단점 비교") for q in cards)


def test_an_overview_heading_defines_the_section_above_it() -> None:
    note = (
        "# 보안\n\n"
        "## 대칭키 암호화\n"
        "### 개념\n"
        "- 하나의 비밀키로 암호화와 복호화를 모두 하는 방식\n"
        "- 키를 안전하게 나누는 것이 어렵다\n"
    )
    card = one(cards_of(note, "ko"), "definition")
    assert card.question() == "대칭키 암호화란?" and not card.draft
    assert card.answers()[0].startswith("• 하나의 비밀키로 암호화와 복호화를 모두 하는 방식")


def test_a_commands_option_keeps_its_dashes_in_the_question() -> None:
    note = (
        "### git reset - 커밋 되돌리기\n\n"
        "* --soft : HEAD만 이동하는 옵션\n"
        "* --hard : HEAD, Staging Area, Working Directory를 모두 되돌리는 옵션\n"
    )
    questions = [c.question() for c in cards_of(note, "ko") if c.rule == "definition"]
    assert questions == ["--soft란? (git reset)", "--hard란? (git reset)"]


def test_a_colon_line_naming_its_sections_command_defines_it() -> None:
    note = (
        "### git rebase - 커밋 이력 정리\n\n"
        "- rebase : 내 브랜치의 커밋들을 떼어서 대상 브랜치의 최신 커밋 위에 다시 붙이는 것\n"
        "- 결과적으로 이력이 한 줄로 깔끔해짐\n"
        "- 커밋을 새로 만드는 거라서 커밋 해시가 바뀜\n"
    )
    card = one(cards_of(note, "ko"), "definition")
    assert (card.question(), card.draft) == ("rebase란?", False)
    assert card.answers()[0] == (
        "내 브랜치의 커밋들을 떼어서 대상 브랜치의 최신 커밋 위에 다시 붙이는 것")


def test_the_authors_diary_section_is_not_carded() -> None:
    note = (
        "## git stash\n\n"
        "`git stash`는 작업 중인 변경사항을 임시로 치워두는 명령이다.\n\n"
        "## 오늘 느낀 점\n"
        "- 이력 예쁘게 만들려다 `--hard` 잘못 써서 식겁함. **reflog** 덕분에 살았다\n"
    )
    assert not any("식겁" in c.question() + c.all_text() for c in cards_of(note, "ko"))


def test_an_arrow_that_led_to_the_answer_is_not_part_of_it() -> None:
    note = ("### 왜 setTimeout(fn, 0)인데 바로 실행되지 않을까?\n"
            "→ 0ms는 최소 0ms 뒤에 태스크 큐에 넣는다는 의미일 뿐이기 때문이다.\n")
    card = one(cards_of(note, "ko"), "qa")
    assert card.answers()[0].startswith("0ms는")


def test_a_heading_that_says_what_to_do_is_no_term() -> None:
    note = ("## 5. 비유로 이해하기 ☕\n"
            "카페에 직원이 한 명뿐이라고 생각해 보자.\n")
    assert not any("이해하기" in c.question() for c in cards_of(note, "ko"))


def test_a_table_column_named_by_a_clause_keeps_its_own_particle() -> None:
    note = ("## 쓰기 전략\n\n"
            "| 전략 | 쓰기 속도 | 어울리는 상황 |\n|---|---|---|\n"
            "| Write-Through | 느림 | 쓰고 바로 읽는 데이터 |\n"
            "| Write-Back | 빠름 | 조회수 같은 카운트 |\n")
    questions = [c.question() for c in cards_of(note, "ko") if c.rule == "cell"]
    assert "Write-Through가 어울리는 상황은?" in questions
    assert "Write-Through의 쓰기 속도는?" in questions


def test_the_first_of_several_marked_names_is_not_a_term_defined_by_the_rest() -> None:
    note = ("### 태스크 큐 (Task Queue)\n"
            "태스크 큐란 Web API에서 작업이 끝난 뒤 실행할 콜백이 대기하는 FIFO 큐이다.\n"
            "- `setTimeout`, `setInterval`, DOM 이벤트 핸들러 콜백 등이 들어간다.\n")
    assert not any(c.question().startswith("setTimeout") for c in cards_of(note, "ko"))


def test_a_few_korean_words_for_an_english_name_wait_for_an_editor() -> None:
    note = ("## 컨텍스트 스위칭이 일어나는 경우\n"
            "- Time Slice Expired : CPU 사용 시간 만료\n"
            "- I/O Request : 입출력 요청이 들어와 프로세스가 대기 상태로 바뀌는 경우\n")
    cards = {c.question().split(" (")[0]: c for c in cards_of(note, "ko") if c.rule == "definition"}
    assert cards["Time Slice Expired란?"].draft


def test_a_concept_label_over_its_points_defines_the_section_without_its_names() -> None:
    note = ("### CSRF 공격\n"
            "* 개념\n"
            "    * Cross-site request forgery, CSRF, XSRF, 사이트 간 요청 위조\n"
            "    * 로그인한 사용자가 공격 코드가 삽입된 페이지를 열면 "
            "위조된 요청이 사용자의 것으로 처리되는 공격\n"
            "* 방어 방법\n"
            "    * 민감한 동작에는 확인 절차를 항상 거치게 한다\n"
            "    * 민감한 동작에 쓰는 쿠키는 수명을 짧게 한다\n"
            "* **[참고]** XSS vs CSRF\n")
    cards = {c.question(): c for c in cards_of(note, "ko") if not c.draft}
    assert cards["CSRF 공격이란?"].answers()[0].startswith("로그인한 사용자가")
    assert cards["CSRF 공격의 방어 방법은?"].answers()[0] == (
        "• 민감한 동작에는 확인 절차를 항상 거치게 한다\n"
        "• 민감한 동작에 쓰는 쿠키는 수명을 짧게 한다")
    assert not any("참고" in q for q in cards)


def test_table_cells_are_asked_by_what_their_column_holds() -> None:
    note = ("## HTTP 메서드\n\n"
            "| 메서드 | 설명 | 멱등성 |\n|---|---|---|\n"
            "| GET | 리소스를 조회하는 요청 | O |\n"
            "| POST | 리소스를 생성하는 요청 | X |\n")
    questions = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert questions["GET이란?"] == "리소스를 조회하는 요청"
    assert questions["GET은 멱등성이 있는가?"] == "예"
    assert questions["POST는 멱등성이 있는가?"] == "아니요"


def test_a_lecture_label_or_an_example_is_no_term() -> None:
    note = ("# 컴퓨터 네트워크 7강 - HTTP\n\n> 수업 필기 + 복습하면서 보충한 내용\n\n"
            "## 예시 테이블\n아래 수강 테이블로 정규화를 진행해 봄.\n")
    assert not any(c.rule == "definition" for c in cards_of(note, "ko"))


def test_a_korean_name_with_its_english_name_is_no_acronym() -> None:
    note = "## 스케줄링 기준\n- CPU 이용률(CPU Utilization) : CPU가 일을 하는 시간의 비율\n"
    assert not any("약자" in c.question() for c in cards_of(note, "ko"))


def test_a_term_question_is_answered_by_what_the_term_is_not_the_whole_section() -> None:
    note = ("## 정규화란?\n\n"
            "정규화란 데이터 중복을 줄이고 이상 현상을 없애기 위해 "
            "릴레이션을 분해하는 과정을 말한다.\n\n"
            "- 목적\n    - 중복 데이터 최소화\n    - 이상 현상 방지\n"
            "- 함수적 종속(Functional Dependency): "
            "속성 X의 값이 속성 Y의 값을 유일하게 결정하는 관계\n")
    card = one(cards_of(note, "ko"), "qa")
    assert card.answers()[0] == (
        "정규화란 데이터 중복을 줄이고 이상 현상을 없애기 위해 릴레이션을 분해하는 과정을 말한다.")


def test_a_blogs_category_tag_and_a_colon_inside_an_aside_are_not_read_as_names() -> None:
    note = ("# [알고리즘 스터디] 동적 계획법 (Dynamic Programming)\n\n## 1. 개념\n\n"
            "동적 계획법(DP)은 큰 문제를 작은 부분 문제로 나누고 그 답을 저장해 재사용하는 "
            "문제 해결 기법이다.\n\n"
            "분할 정복(예: 병합 정렬)은 나눈 부분 문제들이 서로 겹치지 않는다.\n\n"
            "## 3. 구현 방식: 메모이제이션 vs 타뷸레이션\n"
            "- 메모이제이션: 재귀로 큰 문제부터 풀며 계산한 값을 저장하는 탑다운 방식\n"
            "- 타뷸레이션: 작은 문제부터 표를 채워 올라가는 바텀업 방식\n")
    cards = {c.question(): c for c in cards_of(note, "ko")}
    assert not cards["동적 계획법이란?"].draft
    assert not any("분할 정복(예" in q or "구현 방식:" in q or "스터디]" in q for q in cards)


def test_a_polite_ending_is_not_part_of_the_name_and_an_answer_label_is_not_part_of_it() -> None:
    note = ("**Q. Bean Scope가 무엇인가요?**\n\n"
            "A. 빈이 얼마 동안, 몇 개 존재하는지를 정하는 것이 스코프입니다. "
            "기본값은 싱글톤입니다.\n")
    questions = [c.question() for c in cards_of(note, "ko")]
    assert "스코프란?" in questions
    assert not any("입니란" in q or q.startswith("A.") for q in questions)


def test_a_definition_list_and_a_wish_that_looks_like_a_condition() -> None:
    note = ("## 용어 정리\n\n"
            "**브로커(Broker)**\n: Kafka 서버 한 대를 브로커라고 부릅니다. "
            "여러 브로커가 클러스터를 이룹니다.\n\n"
            "**토픽(Topic)**\n: 메시지를 분류하는 논리적인 이름입니다.\n\n"
            "도움이 되었으면 좋겠습니다.\n")
    cards = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert cards["브로커란?"] == "Kafka 서버 한 대"
    assert cards["토픽이란?"] == "메시지를 분류하는 논리적인 이름입니다"
    assert not any("좋겠" in q + a for q, a in cards.items())


def test_a_mnemonic_spelled_by_its_bold_first_letters() -> None:
    note = ("### 4. 좋은 단위 테스트의 조건은? (FIRST)\n\n"
            "* **F**ast — 빨라야 한다\n"
            "* **I**ndependent — 테스트끼리 순서나 상태에 의존하지 않는다\n"
            "* **S**elf-validating — 성공과 실패를 자동으로 판정한다\n")
    questions = [c.question() for c in cards_of(note, "ko")]
    assert "Self-validating이란? (좋은 단위 테스트의 조건)" in questions
    assert "좋은 단위 테스트의 조건은? (3가지)" in questions
    assert not any(q.startswith(("F ast", "S란")) for q in questions)


def test_a_notes_genre_is_no_concept_and_an_example_showing_its_command_is_not_asked() -> None:
    note = ("# 리눅스 명령어 치트시트\n\n정보처리기사 실기 대비용으로 만든 표.\n\n## 네트워크\n\n"
            "| 명령어 | 설명 | 예시 |\n|---|---|---|\n"
            "| ip addr | 네트워크 인터페이스와 IP 확인 | ip a |\n"
            "| jobs / fg / bg | 셸 작업 목록과 전환 | fg %1 |\n")
    questions = [c.question() for c in cards_of(note, "ko")]
    assert "ip addr란?" in questions
    assert not any("치트시트" in q or "예시" in q for q in questions)


def test_an_operations_table_compares_its_columns() -> None:
    note = ("## 시간복잡도 정리\n\n| 연산 | ArrayList | HashMap |\n|---|---|---|\n"
            "| 조회 | O(1) | O(1) 평균 |\n| 중간 삽입 | O(n) | O(1) 평균 |\n")
    questions = [c.question() for c in cards_of(note, "ko") if c.rule == "cell"]
    assert "ArrayList의 조회 시간 복잡도는?" in questions
    assert "HashMap의 중간 삽입 시간 복잡도는?" in questions


def test_a_noun_column_that_ends_like_a_verb_and_a_yes_no_column() -> None:
    note = ("## 페이징 vs 세그멘테이션\n\n| 구분 | 페이징 | 세그멘테이션 |\n|---|---|---|\n"
            "| 분할 단위 | 고정 크기 | 가변 크기 |\n| 내부 단편화 | O | X |\n")
    questions = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if c.rule == "cell"}
    assert questions["페이징의 분할 단위는?"] == "고정 크기"
    assert questions["페이징에 내부 단편화가 있는가?"] == "예"
    assert questions["세그멘테이션에 내부 단편화가 있는가?"] == "아니요"


def test_a_sigh_or_a_promise_at_a_sentences_end_leaves_the_card() -> None:
    note = ("## COMMIT / ROLLBACK\n\n"
            "- MySQL은 기본이 `autocommit = 1` 이라서 트랜잭션 없이 실행하면 문장 하나하나가 "
            "바로 **커밋**됨 ㅠ\n"
            "- 스프링 **@Transactional** 기본 동작은 RuntimeException일 때만 롤백 "
            "→ 따로 정리 예정\n")
    texts = " ".join(c.all_text() for c in cards_of(note, "ko"))
    assert "ㅠ" not in texts and "정리 예정" not in texts


def test_the_names_in_a_list_of_states_are_asked_as_states() -> None:
    note = ("## 트랜잭션 상태\n\n- 활성 : 트랜잭션이 실행 중인 상태\n"
            "- 실패 : 오류 등으로 더 이상 정상 진행이 불가능해진 상태\n")
    questions = [c.question().split(" (")[0] for c in cards_of(note, "ko") if not c.draft]
    assert "활성 상태란?" in questions and "실패 상태란?" in questions


def test_choices_a_learner_could_not_tell_apart_are_one() -> None:
    note = ("## 비교\n\n| 전략 | 장기 브랜치 | 배포 |\n|---|---|---|\n"
            "| GitHub Flow | main | 수시 배포 |\n| Trunk-Based | main(trunk) | 수시 배포 |\n"
            "| Git Flow | main, develop | 정기 릴리스 |\n| one per... | ? | ? |\n")
    cards = {c.question(): c for c in cards_of(note, "ko") if c.rule == "cell"}
    assert cards["Trunk-Based의 장기 브랜치는?"].type != "choice"
    assert not any("one per" in q for q in cards)


def test_an_answer_made_of_a_table_is_read_row_by_row() -> None:
    note = (
        "## 테스트 더블\n\n"
        "### Dummy와 Spy의 차이는?\n\n"
        "둘 다 테스트에서 진짜 객체 대신 쓰는 객체다.\n\n"
        "| 종류 | 설명 | 검증 대상 |\n|---|---|---|\n"
        "| Dummy | 인자 자리만 채우는 객체 | 없음 |\n"
        "| Spy | 호출 기록을 남기는 객체 | 호출 횟수 |\n"
    )
    card = one(cards_of(note, "ko"), "qa", "Dummy")
    assert card.answers()[0] == (
        "둘 다 테스트에서 진짜 객체 대신 쓰는 객체다.\n"
        "• Dummy — 인자 자리만 채우는 객체; 검증 대상: 없음\n"
        "• Spy — 호출 기록을 남기는 객체; 검증 대상: 호출 횟수")


def test_pros_under_a_pros_and_cons_heading_belong_to_its_subject() -> None:
    note = (
        "### 3. 페어 프로그래밍의 장단점은?\n\n"
        "장점\n- 리뷰가 작업 중에 바로 일어남\n- 지식이 팀에 퍼짐\n\n"
        "단점\n- 두 사람의 시간이 듦\n- 맞지 않는 짝은 서로 지침\n"
    )
    questions = {c.question() for c in cards_of(note, "ko") if not c.draft}
    assert {"페어 프로그래밍의 장점은?", "페어 프로그래밍의 단점은?"} <= questions


def test_an_example_is_a_draft_and_a_furniture_heading_is_no_context() -> None:
    note = (
        "## 핵심 개념\n\n"
        "- **레플리카**: 같은 데이터를 가진 복제본\n"
        "- **샤드**: 데이터를 나눠 담는 조각\n\n"
        "## 샤딩\n\n데이터를 여러 서버에 나눠 저장하는 방법이다.\n\n"
        "예: 사용자 ID를 4로 나눈 나머지로 서버를 고름\n"
    )
    cards = cards_of(note, "ko")
    assert "레플리카란?" in {c.question() for c in cards if not c.draft}  # not "(핵심 개념)"
    assert one(cards, "example").draft


def test_a_bold_term_with_its_other_name_before_a_colon_is_a_sure_definition() -> None:
    note = (
        "## BASE\n\n분산 저장소가 따르는 세 가지 성질.\n\n"
        "**기본 가용성(Basically Available)**: 일부 노드가 죽어도 응답은 돌려줌.\n\n"
        "**소프트 상태(Soft state)**: 입력이 없어도 상태가 시간에 따라 바뀔 수 있음.\n"
    )
    served = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert served["기본 가용성이란? (BASE)"] == "일부 노드가 죽어도 응답은 돌려줌"
    assert "소프트 상태란? (BASE)" in served


def test_the_cases_a_subject_is_for_are_asked_as_when_to_use_it() -> None:
    note = (
        "## 블룸 필터\n\n원소가 집합에 없음을 빠르게 확인하는 확률적 자료구조다.\n\n"
        "사용하는 경우:\n- 디스크 조회 전에 없는 키를 걸러낼 때\n- 중복 URL을 거를 때\n"
    )
    served = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert served["블룸 필터는 언제 쓰는가?"] \
        == "• 디스크 조회 전에 없는 키를 걸러낼 때\n• 중복 URL을 거를 때"


def test_a_bare_difference_heading_over_two_sides_asks_their_difference() -> None:
    note = (
        "# 프로세스 vs 스레드\n\n## 차이점\n\n"
        "* **프로세스**\n  * 메모리를 따로 가진다.\n  * 만들 때 비용이 크다.\n"
        "* **스레드**\n  * 프로세스의 메모리를 나눠 쓴다.\n  * 만들 때 비용이 작다.\n"
    )
    card = one(cards_of(note, "ko"), "difference", "프로세스와")
    assert card.question() == "프로세스와 스레드의 차이는?"
    assert not card.draft
    assert card.answers()[0] == (
        "프로세스:\n  • 메모리를 따로 가진다\n  • 만들 때 비용이 크다\n"
        "스레드:\n  • 프로세스의 메모리를 나눠 쓴다\n  • 만들 때 비용이 작다")


def test_a_definition_that_goes_on_after_its_noun_with_ro() -> None:
    note = (
        "## 토큰\n\n"
        "토큰이란 로그인한 사용자에게 서버가 발급하는 서명된 문자열로, "
        "요청마다 헤더에 실어 보낸다.\n"
    )
    served = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert served["토큰이란?"] == "로그인한 사용자에게 서버가 발급하는 서명된 문자열"


def test_a_counting_n_is_no_no_and_an_o_for_usually_is_no_complexity() -> None:
    note = (
        "## 동기화 도구\n\n"
        "| 구분 | 뮤텍스 | 세마포어 | 스핀락 |\n|---|---|---|---|\n"
        "| 목적 | 한 번에 하나만 | 자원 개수 관리 | 짧은 구간 보호 |\n"
        "| 동시 진입 | 1 | N (카운팅) | 1 |\n"
        "| 소유권 | O | X | O(보통) |\n"
        "| 대기 방식 | 잠듦 | 잠듦 | 바쁜 대기 |\n"
    )
    cards = {c.question(): c for c in cards_of(note, "ko")}
    assert cards["세마포어의 동시 진입은?"].answer == "N"  # not "세마포어에 … 있는가? 아니요"
    assert cards["스핀락의 소유권은?"].answers() == ["O(보통)"]  # not a time complexity


def test_action_columns_ask_can_it_and_a_bold_pair_is_no_definition() -> None:
    note = (
        "## 인덱스 종류\n\n"
        "| 구분 | B-Tree | Hash | 비트맵 |\n|---|---|---|---|\n"
        "| 범위 검색 | O | X | O |\n| 구조 | 균형 트리 | 해시 테이블 | 비트 배열 |\n\n"
        "## 서명\n\n"
        "- **서명 키** 와 **검증 키** 한 쌍을 써요.\n"
        "- 서명 키로 만든 건 검증 키로만 확인돼요.\n"
        "- (처음엔 반대로 외웠다가 틀렸음 ㅠ)\n"
    )
    cards = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert cards["Hash에서 범위 검색이 가능한가?"] == "아니요"
    assert "서명 키란? (서명)" not in cards  # "와 검증 키 한 쌍을 써요" is no meaning
    assert not any("ㅠ" in a or "외웠다가" in a for a in cards.values())


def test_a_blank_that_points_back_or_is_a_label_waits_for_an_editor() -> None:
    note = (
        "## 핸드셰이크\n\n"
        "클라이언트가 **ClientHello**를 보낸다. 여기까지 **1-RTT**가 걸린다.\n\n"
        "## 장점\n\n"
        "**순차 읽기에 유리**: 리프끼리 이어져 있어서 옆으로 따라가면 됨\n"
    )
    drafts = {c.text: c.draft for c in cards_of(note, "ko") if c.type == "cloze"}
    assert drafts["여기까지 {{c1::1-RTT}}가 걸린다."]
    assert drafts["{{c1::순차 읽기에 유리}}: 리프끼리 이어져 있어서 옆으로 따라가면 됨"]


def test_a_remark_among_o_and_x_cells_waits_for_an_editor() -> None:
    note = (
        "## 도구\n\n"
        "| 구분 | 락 | 래치 | 플래그 | 펜스 | 배리어 |\n|---|---|---|---|---|---|\n"
        "| 용도 | 상호 배제 | 한 번 대기 | 신호 | 순서 보장 | 모임 |\n"
        "| 소유권 | O | X | O(보통) | X | 런타임이 관리 |\n"
    )
    cards = {c.question(): c for c in cards_of(note, "ko")}
    assert cards["플래그의 소유권은?"].draft and cards["배리어의 소유권은?"].draft
    assert not cards["락에 소유권이 있는가?"].draft


def test_a_follow_up_question_is_asked_on_its_own() -> None:
    note = (
        "## 메모리 영역\n\n### Q. 힙 영역이란?\n\n객체가 생성되는 공유 영역이에요.\n\n"
        "### Q. 메서드 영역은요?\n\n클래스 정보와 상수가 올라가는 영역이에요.\n"
    )
    questions = {c.question() for c in cards_of(note, "ko") if not c.draft}
    assert "메서드 영역이란?" in questions


def test_an_interview_answer_ends_where_the_next_question_is_asked() -> None:
    note = ("# TCP 면접\n\n## Q3. 4-way handshake는요?\n\n연결을 **종료**할 때 쓰는 과정이에요.\n\n"
            "1. 클라이언트가 FIN 을 보내요\n2. 서버가 ACK 를 보내요\n3. 서버가 FIN 을 보내요\n"
            "4. 클라이언트가 ACK 를 보내요\n\n**TIME_WAIT 은 왜 있어요?**\n"
            "- 마지막 ACK가 유실되면 서버가 FIN을 재전송하는데, 이걸 받아줄 수 있어야 해서요.\n\n"
            "> 끊을 땐 왜 4번? → 서버가 ACK랑 FIN을 따로 보내기 때문.\n\n"
            "## Q5. UDP는 왜 써요?\n\n- 빠르니까요. 연결 설정이 없어요.\n\n"
            "**꼬리질문: HTTP/3는 UDP 쓴다던데요?**\n"
            "네, HTTP/3는 QUIC 이라는 UDP 기반 프로토콜 위에서 동작해요.\n")
    cards = fronts(note)
    assert "TIME_WAIT" not in cards["4-way handshake란?"]
    assert "따로 보내기" not in cards["TIME_WAIT 은 왜 있어요?"]
    assert "QUIC" not in cards["UDP는 왜 써요?"]
    assert cards["HTTP/3는 UDP 쓴다던데요?"].startswith("네, HTTP/3는 QUIC")


def test_a_question_answered_by_its_own_sections_lists_them() -> None:
    note = ("# TCP\n\n## Q4. TCP는 신뢰성을 어떻게 보장하나요?\n\n크게 세 가지로 답하면 돼요.\n\n"
            "### 흐름 제어 (Flow Control)\n- 수신 측 속도에 맞춰 보내요\n\n"
            "### 혼잡 제어 (Congestion Control)\n- 네트워크가 막히지 않게 해요\n\n"
            "### 오류 제어\n- 체크섬으로 손상을 검출해요\n\n"
            "## Q6. TCP 헤더에 뭐가 들어 있어요?\n\n외울 것만 간단히:\n- 포트\n- 시퀀스 번호\n")
    cards = fronts(note)
    assert cards["TCP는 신뢰성을 어떻게 보장하나요?"] == \
        "• 흐름 제어 (Flow Control)\n• 혼잡 제어 (Congestion Control)\n• 오류 제어"
    assert cards["TCP 헤더에 뭐가 들어 있어요?"] == "• 포트\n• 시퀀스 번호"


def test_a_line_naming_two_things_is_no_definition_of_the_first() -> None:
    note = ("# 쿠키\n\n#### 쿠키 속성 정리\n- `HttpOnly` : JS로 못 읽음\n"
            "- `Secure` : HTTPS일 때만 전송\n"
            "- `SameSite` : 다른 사이트 요청에 쿠키 보낼지\n- `Domain`, `Path` : 쿠키 보낼 범위\n")
    cards = {c.question(): c for c in cards_of(note, "ko")}
    assert not any("Path:" in c.answers()[0] for c in cards.values())
    assert "Domain이란? (쿠키 속성)" not in cards
    members = next(c for q, c in cards.items() if q.startswith("쿠키 속성은?"))
    assert members.draft  # "Domain, Path" is missing from the list: an editor completes it


def test_a_paragraph_ending_in_an_arrow_is_finished() -> None:
    note = ("# TIL\n\n쿠키랑 세션.\n\n# JWT\n\n"
            "인증 정보를 토큰에 담아 들고 다니는 방식. 서버는 검증만 하면 됨"
            " → stateless\n\n구조는 3파트: `Header.Payload.Signature`\n\n"
            "- **Header**: 토큰 타입, 서명 알고리즘\n- **Signature**: 비밀 키로 서명한 값\n")
    cards = {c.question(): c for c in cards_of(note, "ko")}
    assert "Header란? (JWT)" in cards and "Header란? (서버)" not in cards


def test_a_row_named_by_a_bare_action_asks_its_way() -> None:
    note = ("# DB\n\n## SQL vs NoSQL\n\n| 구분 | SQL | NoSQL |\n|---|---|---|\n"
            "| 확장 | 주로 수직 | 주로 수평 |\n| 스키마 | 고정 | 유연 |\n")
    cards = fronts(note)
    assert cards["SQL의 확장 방식은?"] == "주로 수직"  # "SQL의 확장은?" reads vague
    assert cards["NoSQL의 스키마는?"] == "유연"


def test_section_numbers_asides_and_an_interviewers_way_on_leave_the_question() -> None:
    note = ("# 격리 수준\n\n## 1-1. Dirty Read\n\n"
            "- 다른 트랜잭션이 아직 커밋 안 한 데이터를 읽는 현상\n\n"
            "## MVCC 잠깐\n\n- Multi-Version Concurrency Control\n"
            "- 이전 버전을 남겨서 읽기와 쓰기가 서로 안 막음\n\n"
            "## 멀티스레드의 장단점은요?\n\n장점은 메모리를 덜 쓰는 거예요.\n\n"
            "## 그럼 멀티프로세스의 장점은요?\n\n하나가 죽어도 나머지는 멀쩡해요.\n\n"
            "## 그래서 언제 뭘 쓰나\n\n- 금융이면 SQL\n- 로그면 NoSQL\n")
    questions = list(fronts(note))
    assert any(q.startswith("Dirty Read란?") for q in questions)
    assert "MVCC란?" in questions
    assert "멀티스레드의 장단점은?" in questions
    assert "멀티프로세스의 장점은?" in questions
    assert not any(q.startswith(("1-1", "그럼", "그래서")) or "잠깐" in q for q in questions)


def test_a_bare_process_with_an_aside_is_its_sections_and_cells_read_as_written() -> None:
    note = ("# 프로세스\n\n## 컨텍스트 스위칭\n\n### 과정 (프로세스 A → B)\n\n"
            "1. 인터럽트가 발생해요\n2. A의 상태를 PCB에 저장해요\n3. B의 상태를 복원해요\n\n"
            "## 메모리 구조\n\n| 영역 | 들어가는 것 |\n|---|---|\n| Code | 기계어 코드 |\n"
            "| Data | 전역 변수 |\n| Stack | 지역 변수 |\n\n"
            "## 401 vs 403\n\n| 코드 | 다시 로그인하면? |\n|---|---|\n"
            "| 401 Unauthorized | 해결될 수 있음 |\n| 403 Forbidden | 안 됨 |\n")
    cards = fronts(note)
    assert cards["컨텍스트 스위칭의 과정은?"].startswith("1) 인터럽트가 발생해요")
    assert cards["Data에 들어가는 것은?"] == "전역 변수"
    assert cards["401 Unauthorized는 다시 로그인하면?"] == "해결될 수 있음"


def test_a_table_of_short_row_names_names_them_with_their_kind() -> None:
    note = ("# 정렬\n\n## 정리표\n\n| 정렬 | 최선 | 공간 | 안정? |\n|---|---|---|---|\n"
            "| 버블 | O(n) | O(1) | O |\n| 퀵 | O(n log n) | O(log n) | X |\n"
            "| 병합 | O(n log n) | O(n) | O |\n\n"
            "## 문자열\n\n| | String | StringBuilder |\n|---|---|---|\n| 스레드 안전 | O | X |\n"
            "| 속도 | 연결이 많으면 느림 | 제일 빠름 |\n")
    cards = fronts(note)
    assert cards["버블 정렬의 최선 시간 복잡도는?"] == "O(n)"
    assert cards["퀵 정렬의 공간 복잡도는?"] == "O(log n)"
    assert cards["병합 정렬은 안정한가?"] == "예"
    assert cards["StringBuilder는 스레드 안전한가?"] == "아니요"


def test_a_reason_a_story_and_terms_first_are_no_concepts() -> None:
    note = ("# String\n\n## 불변인 이유\n\n- String Pool을 쓸 수 있어서: 리터럴을 안전하게 공유함\n"
            "- hashCode 캐싱: 해시코드를 한 번만 계산함\n\n## 용어 먼저\n\n"
            "- **안정 정렬**: 같은 값의 원래 순서가 유지되는 정렬\n\n## 요금 폭탄 썰\n\n"
            "- **프리티어**: 1년 동안 무료인 줄 알았던 것\n")
    questions = [c.question() for c in cards_of(note, "ko")]
    assert not any(q.startswith("String Pool을 쓸 수 있어서") for q in questions)
    assert "안정 정렬이란?" in questions
    assert not any("썰" in q or "용어 먼저" in q for q in questions)


def test_a_notes_counts_follow_up_labels_and_laughs_leave_its_cards() -> None:
    note = ("# CORS TIL\n\n## 요청 종류 세 가지\n\n### (1) 단순 요청\n\n"
            "preflight 없이 바로 본 요청을 보내는 경우.\n\n"
            "Authorization 헤더 넣으면 바로 **단순 요청** 탈락임 ㅋㅋ 조심.\n\n"
            "## 그래서 CORS가 뭐냐\n\n- 서버가 허용한 출처만 응답을 읽게 하는 규칙\n\n"
            "## 다른 해결법들\n\n- 개발 중엔 dev 서버 프록시를 씀\n\n"
            "## Q2. 데드락 조건은요?\n\n상호 배제, 점유 대기, 비선점, 순환 대기예요.\n\n"
            "## 꼬리질문) 네 조건이 다 만족되면 무조건 데드락인가요?\n\n"
            "아니요, 필요조건이지 충분조건이 아니에요.\n")
    cards = cards_of(note, "ko")
    questions = [c.question() for c in cards if not c.draft]
    assert any(q.startswith("단순 요청이란?") for q in questions)
    assert "네 조건이 다 만족되면 무조건 데드락인가요?" in questions
    assert not any(q.startswith(("(1)", "꼬리질문", "그래서", "다른 해결법")) for q in questions)
    assert not any("ㅋ" in c.all_text() for c in cards)


def test_layer_and_result_tables_ask_what_a_learner_can_answer() -> None:
    note = ("# 네트워크\n\n## 계층 표\n\n| 계층 | 역할 |\n|---|---|\n"
            "| 7 응용 | 사용자 서비스 제공 |\n| 4 전송 | 종단 간 신뢰성 |\n"
            "| 3 네트워크 | 라우팅 |\n\n"
            "## JOIN 결과\n\n| name | team_name |\n|---|---|\n| 철수 | 개발팀 |\n"
            "| 영희 | 디자인팀 |\n\n"
            "## 정리\n\n| 종류 | 결과에 포함되는 행 | 예시 결과 행 수 |\n|---|---|---|\n"
            "| INNER | 양쪽 매칭되는 것만 | 2 |\n| LEFT | 왼쪽 전부 + 매칭 | 3 |\n"
            "| CROSS | 모든 조합 | 9 |\n")
    cards = fronts(note)
    assert cards["응용 계층의 역할은?"] == "사용자 서비스 제공"
    assert cards["INNER의 결과에 포함되는 행은?"] == "양쪽 매칭되는 것만"
    assert not any("철수" in q or "행 수" in q or q.startswith("7 ") for q in cards)


def test_a_yes_no_of_a_declaration_asks_whether_it_is_possible() -> None:
    note = ("# JS\n\n## 비교\n\n| 구분 | var | let |\n|---|---|---|\n| 재선언 | O | X |\n"
            "| 스코프 | 함수 | 블록 |\n")
    cards = fronts(note)
    assert cards["var에서 재선언이 가능한가?"] == "예"
    assert cards["let에서 재선언이 가능한가?"] == "아니요"


def test_other_names_in_brackets_define_nothing_and_a_by_the_way_leaves_a_blank() -> None:
    note = ("# 캐시\n\n## 미스의 종류\n\n- **Compulsory miss**: (강제 미스, cold miss)\n"
            "- **Conflict miss**: 같은 자리를 두고 블록끼리 충돌해서 생기는 미스\n\n## const\n\n"
            "참고로 **const**는 재할당만 막는 거지 객체 내부 값 바꾸는 건 허용되는 키워드임.\n")
    cards = cards_of(note, "ko")
    assert not any(c.question().startswith("Compulsory miss란?") for c in cards)
    assert not any(c.all_text().startswith("참고로") for c in cards)


def test_a_column_asking_when_asks_when_the_row_does_it() -> None:
    note = ("# Promise\n\n## 조합 메서드\n\n"
            "| 메서드 | 언제 resolve | 언제 reject |\n|---|---|---|\n"
            "| Promise.all | 전부 성공하면 | 하나라도 실패하면 |\n"
            "| Promise.any | 하나라도 성공하면 | 전부 실패하면 |\n")
    questions = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert questions["Promise.all은 언제 resolve되는가?"] == "전부 성공하면"
    assert "Promise.any는 언제 reject되는가?" in questions
    assert not any("의 언제" in q for q in questions)


def test_a_heading_that_counts_is_no_context() -> None:
    note = ("# 서브넷\n\n## 특수 주소 2개 (중요)\n\n"
            "- **네트워크 주소**: 호스트 비트 전부 0, 네트워크 자체를 가리킴\n"
            "- **브로드캐스트 주소**: 호스트 비트 전부 1, 네트워크 전체에 보낼 때 씀\n")
    questions = [c.question() for c in cards_of(note, "ko") if c.rule == "definition"]
    assert "네트워크 주소란?" in questions and not any("2개" in q for q in questions)


def test_a_worked_example_defines_nothing() -> None:
    note = ("# 서브넷\n\n## 서브넷 마스크\n\n"
            "**서브넷 마스크**는 네트워크 부분과 호스트 부분을 구분하는 32비트 값이다.\n\n"
            "## 5. 예제 계산\n\n1. /26 → 마스크 255.255.255.192\n"
            "   - 마지막 옥텟: `11000000` = 192\n2. 결과\n"
            "   - 사용 가능 호스트: 192.168.10.65 ~ 192.168.10.126\n")
    served = [c.question() for c in cards_of(note, "ko") if not c.draft]
    assert not any(q.startswith(("마지막 옥텟", "사용 가능 호스트")) for q in served)


def test_a_sentence_told_as_the_authors_story_is_no_blank_to_serve() -> None:
    note = ("# JPA N+1\n\n## 해결\n\n그래서 저는 모든 연관관계를 **FetchType.LAZY**로 바꿨어요.\n\n"
            "**xxToOne**은 꼭 LAZY로 바꿔주라고들 하더라고요.\n")
    clozes = {c.text: c.draft for c in cards_of(note, "ko") if c.rule == "cloze"}
    assert len(clozes) == 2 and all(clozes.values())  # ("제공하고 있다" is no story: above)


def test_the_authors_own_choice_in_brackets_leaves_the_answer() -> None:
    note = ("# JWT\n\n## 토큰 두 개\n\n"
            "- **Access Token**: 실제 API 호출에 쓰는 토큰. 수명을 짧게 (저는 30분)\n"
            "- **Refresh Token**: Access Token이 만료됐을 때 새로 발급받는 용도. "
            "수명을 길게 (저는 2주)\n")
    answers = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert answers["Access Token이란?"] == "실제 API 호출에 쓰는 토큰. 수명을 짧게"


def test_an_arrow_in_a_cell_points_at_a_remark() -> None:
    note = ("# Redis\n\n## Set\n\n| 명령 | 설명 | 복잡도 |\n|---|---|---|\n"
            "| `SADD` | 추가 | O(1) |\n| `SMEMBERS` | 전체 조회 | O(N) ← 큰 Set이면 조심 |\n"
            "| `SCARD` | 개수 | O(1) |\n")
    cards = {c.question(): c for c in cards_of(note, "ko")}
    card = cards["SMEMBERS의 복잡도는?"]
    assert card.answers()[0].startswith("O(N)") and "←" not in card.question() + " ".join(
        card.choices)


def test_columns_naming_what_each_row_has_make_the_rows_the_things_compared() -> None:
    note = ("# 이분 탐색\n\n## 정리\n\n| 구분 | 탐색 대상 | 반환값 |\n|---|---|---|\n"
            "| lower bound | 정렬된 배열 | target 이상 첫 위치 |\n"
            "| 파라메트릭 서치 | 답의 범위 | 조건 만족하는 최적값 |\n")
    questions = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert questions["lower bound의 반환값은?"] == "target 이상 첫 위치"
    assert not any(q.startswith(("반환값의", "탐색 대상의")) for q in questions)


def test_follow_ups_asked_and_answered_on_a_line_are_cards_of_their_own() -> None:
    note = ("# 해시 테이블 면접 대비\n\n### Q. 좋은 해시 함수의 조건은?\n\n"
            "<details>\n<summary>답변</summary>\n\n"
            "- 결정적이어야 함: 같은 키 → 항상 같은 해시값\n- 버킷 전체에 고르게 분포되어야 함\n\n"
            "</details>\n\n"
            "- 꼬리 질문: 배열 크기를 소수로 잡는 이유? → 키에 패턴이 있어도 고르게 퍼지게 하려고\n"
            "- 꼬리 질문: 암호학적 해시를 쓰면? → 분포는 좋지만 너무 느림\n")
    answers = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert answers["좋은 해시 함수의 조건은?"].startswith("• 결정적이어야 함")
    assert "→ 키에 패턴" not in answers["좋은 해시 함수의 조건은?"]
    assert answers["배열 크기를 소수로 잡는 이유?"] == "키에 패턴이 있어도 고르게 퍼지게 하려고"


def test_a_titles_kind_of_note_and_a_numbered_name_leave_the_question() -> None:
    note = ("# 운영체제 정리 - 파일 시스템 (File System)\n\n## 디렉터리\n\n디렉터리 구조 종류:\n"
            "1. **단일 단계 디렉터리** - 모든 파일이 한 디렉터리에\n"
            "2. **트리 구조** - 흔히 쓰는 계층 구조\n\n"
            "**1) 체이닝 (Separate Chaining)**\n- 각 버킷에 연결 리스트를 두고 뒤에 붙임\n"
            "- 구현이 간단함\n\n### 심볼릭 링크 (Symbolic Link, 소프트 링크)\n\n"
            "- 원본 파일의 경로를 내용으로 갖는 별도의 파일\n"
            "- 원본을 지우면 링크가 깨짐\n")
    questions = [c.question() for c in cards_of(note, "ko") if not c.draft]
    assert not any("정리 -" in q or q.startswith("1)") for q in questions)
    assert any(q.startswith("심볼릭 링크란?") for q in questions)


def test_a_request_without_its_subject_names_it_as_owner() -> None:
    note = ("# 해시 테이블\n\n### Q. 충돌 해결 방법 설명해주세요\n\n"
            "크게 체이닝과 개방 주소법 두 가지가 있습니다. "
            "체이닝은 리스트로 잇고, 개방 주소법은 배열 안의 빈 칸을 찾습니다.\n")
    assert any(c.question() == "해시 테이블의 충돌 해결 방법을 설명해주세요"
               for c in cards_of(note, "ko"))


def test_an_answer_ending_on_a_lead_in_it_leaves_out_waits_for_an_editor() -> None:
    note = ("# WebSocket\n\n## 왜 필요한데?\n\n"
            "HTTP는 요청-응답 구조라서 서버가 먼저 보낼 방법이 없음. "
            "그래서 옛날엔 이렇게 꼼수를 썼대:\n\n### 폴링\n\n- 일정 주기마다 서버에 계속 물어봄\n"
            "- 구현은 제일 쉬움\n")
    card = next(c for c in cards_of(note, "ko") if c.rule == "qa")
    assert card.draft


def test_labelled_points_are_no_members_of_the_heading() -> None:
    note = ("# 로드 밸런싱\n\n## 6. 고가용성 (HA, High Availability) 구성\n\n"
            "- 문제: LB 자체가 한 대면 그게 SPOF임\n- 해결: LB도 이중화함\n\n"
            "### Active-Standby\n- 한 대만 트래픽 처리, 나머지는 대기\n\n"
            "### Active-Active\n- 두 대 모두 트래픽 처리함\n")
    served = [c.question() for c in cards_of(note, "ko") if not c.draft]
    assert not any("(HA" in q or "2가지" in q for q in served)  # ("고가용성 (HA의 문제점은?")


def test_points_under_a_counted_states_label_are_states_and_pros_labels_no_members() -> None:
    note = ("# MSA\n\n## 서킷 브레이커\n\n### 해결\n\n"
            "- 실패율이 임계치 넘으면 호출을 차단함\n- 상태 3개\n"
            "  - **Closed**: 정상. 요청 통과시키면서 실패율 집계\n"
            "  - **Open**: 요청을 보내지 않고 즉시 에러\n"
            "  - **Half-Open**: 일부 요청만 시험 삼아 보냄\n\n### 장단점\n"
            "- 장점: 장애 격리, 빠른 실패로 자원 보호\n- 단점: threshold 튜닝 어려움\n")
    questions = [c.question() for c in cards_of(note, "ko") if not c.draft]
    assert any(q.startswith("Open 상태란?") for q in questions)
    assert not any("2가지" in q for q in questions)


def test_todays_story_and_a_headings_remark_ask_nothing() -> None:
    note = ("# git 충돌 TIL\n\n오늘 PR 올리기 직전에 rebase 하다가 충돌 나서 **--ours**로 밀었다가 "
            "동료 코드 날려먹을 뻔함;;\n\n## ours / theirs — 오늘의 핵심\n\n"
            "- merge에서 ours는 내가 서있는 브랜치\n- rebase에서는 반대로 뒤집힘\n\n"
            "## Young 영역\n\n**Q. Young 영역은 어떻게 구성되어 있나요?**\n\n"
            "Eden 하나와 Survivor 두 개로 나뉘어 있어요.\n\n"
            "```\n┌──────┬────┬────┐\n│ Eden │ S0 │ S1 │\n"
            "└──────┴────┴────┘\n```\n")
    cards = cards_of(note, "ko")
    served = {c.question(): c.answers()[0] for c in cards if not c.draft}
    assert not any("핵심" in q or "핵심" in a for q, a in served.items())
    assert not any(c.rule == "cloze" and "날려먹을" in c.text and not c.draft for c in cards)
    assert "┌" not in served["Young 영역은 어떻게 구성되어 있나요?"]


def test_html_entities_the_note_spells_out_are_no_blank() -> None:
    note = ("# XSS\n\n## 방어\n\n1. **출력 이스케이프**\n"
            "   - `<` → `&lt;`, `>` → `&gt;`, `\"` → `&quot;` 처럼 "
            "HTML 특수문자를 엔티티로 바꿔요.\n")
    assert not [c for c in cards_of(note, "ko") if c.rule == "cloze"]


def test_emphasis_before_a_particle_leaves_no_star() -> None:
    note = ("# 그리디\n\n- **그리디 알고리즘**: 매 단계에서 *그 순간 가장 좋아 보이는 선택*을 "
            "하는 방법임\n")
    served = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert served["그리디 알고리즘이란?"] == (
        "매 단계에서 그 순간 가장 좋아 보이는 선택을 하는 방법임")


def test_chat_shorthand_in_an_answer_is_spelled_out_or_dropped() -> None:
    note = ("# React 렌더링\n\n## 자주 헷갈리는 것\n\n"
            "**Q. 리렌더링 되면 DOM도 무조건 다시 그려지는 거 아님?**\n"
            "A. ㄴㄴ. 렌더링은 함수 호출일 뿐이고, 달라진 부분만 commit 단계에서 DOM에 반영됨.\n\n"
            "**Q. key를 Math.random()으로 주면?**\n"
            "A. 매 렌더마다 key가 바뀌어서 전부 다시 마운트됨. state도 다 날아감. 절대 ㄴㄴ\n")
    served = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert served["리렌더링 되면 DOM도 무조건 다시 그려지는 거 아님?"].startswith(
        "아니요. 렌더링은 함수 호출일 뿐이고")
    assert served["key를 Math.random()으로 주면?"].endswith("state도 다 날아감.")


def test_points_under_a_category_lead_in_belong_to_the_sections_subject() -> None:
    note = ("# 자료구조\n\n## 1. 스택 (Stack)\n\n- **LIFO**: 마지막에 넣은 게 먼저 나옴\n"
            "- 주요 연산\n  - `push(x)`: top에 삽입 — O(1)\n"
            "- 에러 상황\n  - **오버플로**: 꽉 찬 스택에 push\n"
            "- 구현\n  - 배열: `top` 인덱스 하나로 관리\n"
            "  - 연결 리스트: **head 쪽을 top으로** 씀\n")
    cards = cards_of(note, "ko")
    served = {c.question() for c in cards if not c.draft}
    assert "push란? (스택)" in served
    assert "오버플로란? (스택)" in served
    assert not any("주요 연산" in q or "에러 상황" in q for q in served)
    # "- 구현": ways to build a stack, not what an array is
    assert not any(q.startswith(("배열", "연결 리스트")) for q in served)
    assert any(c.question().startswith("연결 리스트") for c in cards if c.draft)


def test_a_heading_naming_the_term_beside_another_adds_no_context() -> None:
    note = ("# React\n\n## Virtual DOM이랑 재조정\n\n"
            "- **Virtual DOM**: 실제 DOM을 JS 객체로 표현한 가벼운 사본\n"
            "- **재조정(Reconciliation)**: 이전 트리와 새 트리를 비교해서 "
            "바뀐 부분만 찾아내는 과정\n")
    served = {c.question() for c in cards_of(note, "ko") if not c.draft}
    assert {"Virtual DOM이란?", "재조정이란?"} <= served


def test_a_yes_no_column_naming_another_party_waits_for_an_editor() -> None:
    note = ("# IPC\n\n## 비교\n\n| 방식 | 방향 | 관계 없는 프로세스 | 다른 호스트 | 데이터 단위 "
            "| 동기화 |\n|---|---|---|---|---|---|\n"
            "| 익명 파이프 | 단방향 | X (부모-자식) | X | 바이트 스트림 | 커널이 처리 |\n"
            "| 소켓 | 양방향 | O | O (TCP/UDP) | 스트림/데이터그램 | 커널이 처리 |\n"
            "| 공유 메모리 | 양방향 | O | X | 없음 | 직접 해야 함 |\n")
    cards = cards_of(note, "ko")
    served = {c.question() for c in cards if not c.draft}
    assert not any("프로세스가 있는가" in q or "호스트가 있는가" in q for q in served)
    assert any("호스트가 있는가" in c.question() for c in cards if c.draft)
    assert "소켓 방식의 데이터 단위는?" in served


def test_a_callouts_emoji_and_label_leave_the_card() -> None:
    note = ("# OAuth 2.0 정리 (스터디 3주차)\n\n"
            "> 💡 한 줄 요약: OAuth 2.0은 **인가 위임** 프로토콜입니다.\n\n"
            "## 흐름\n\n헷갈렸던 포인트: \"구글로 로그인\"은 OAuth인가?\n"
            "엄밀히는 OIDC입니다. OAuth만으로는 사용자가 누구인지 알 수 없어요.\n")
    cards = cards_of(note, "ko")
    assert not any("💡" in c.all_text() or "요약:" in c.all_text() or "헷갈렸던" in c.question()
                   for c in cards)
    assert any(c.question().startswith("\"구글로 로그인\"은 OAuth인가?") for c in cards)


def test_a_main_property_under_a_term_belongs_to_the_term() -> None:
    note = ("# DB 락\n\n## MVCC\n\n"
            "- **MVCC**: 한 행에 여러 버전을 유지해서 자기 시점의 버전을 읽게 하는 방식\n"
            "- 핵심 효과: **읽기가 쓰기를 안 막고, 쓰기가 읽기를 안 막음**\n")
    served = {c.question() for c in cards_of(note, "ko") if not c.draft}
    assert "MVCC의 핵심 효과는?" in served
    assert not any(q.startswith("핵심의") for q in served)


def test_a_diary_days_label_is_no_part_of_a_heading() -> None:
    note = ("# TIL: 자바 동시성\n\n## Day 2 — 스레드 풀\n\n"
            "- `shutdown()`: 새 작업은 안 받고, 큐에 남은 작업은 다 처리하고 종료\n"
            "- `shutdownNow()`: 실행 중인 작업에 인터럽트 걸고 대기 작업 목록을 돌려줌\n")
    served = {c.question() for c in cards_of(note, "ko") if not c.draft}
    assert not any("Day" in q for q in served)
    assert "shutdown()이란? (스레드 풀)" in served


def test_the_authors_story_and_conclusion_labels_are_no_terms() -> None:
    note = ("# 자바 동시성 TIL\n\n## volatile\n\n"
            "**삽질 기록**: 워커 스레드를 `running` 플래그로 멈추려고 했는데 안 멈춤.\n\n"
            "- 결론: volatile은 **가시성** 보장. 원자성은 아님\n\n## 비교\n\n"
            "| 항목 | synchronized | ReentrantLock |\n|---|---|---|\n"
            "| 재진입 | O | O |\n| 공정성 | 보장 안 함 | 생성자에서 선택 |\n"
            "| 락 해제 | 블록 끝나면 자동 | finally에서 직접 |\n")
    cards = cards_of(note, "ko")
    served = [c for c in cards if not c.draft]
    assert not any(c.question().startswith("삽질") for c in served)
    assert not any("결론:" in c.all_text() for c in cards)
    assert "synchronized에서 재진입이 가능한가?" in {c.question() for c in served}


def test_an_arrowed_follow_up_label_leaves_the_question() -> None:
    note = ("# I/O 모델\n\n## epoll\n\nQ. epoll이 select보다 빠른 이유는?\n"
            "A. 감시할 fd를 한 번만 등록하고, 준비된 fd만 돌려받기 때문.\n\n"
            "→ 꼬리: 그럼 epoll 쓰면 비동기 I/O야?\n\n"
            "- 엄밀히는 아님. 준비됐다는 것만 알려주고 복사는 read()가 함\n")
    questions = {c.question() for c in cards_of(note, "ko")}
    assert not any("꼬리" in q or q.startswith("→") for q in questions)


def test_numbered_fixes_emoji_and_pointers_are_no_part_of_a_card() -> None:
    note = ("# MongoDB\n\n## 샤딩\n\n"
            "**핫스팟** 🔥: 계속 증가하는 값을 샤드 키로 쓰면 새 문서가 한 샤드로만 몰려요.\n\n"
            "- 해결 1: **해시 샤딩** → 쓰기가 고르게 퍼짐\n"
            "- 해결 2: 분산되는 필드를 앞에 둔 복합 샤드 키\n\n## 컴파일\n\n"
            "- CPython도 내부에선 먼저 바이트코드로 **컴파일**함 → 4-3 참고\n")
    cards = cards_of(note, "ko")
    served = [c for c in cards if not c.draft]
    assert not any(c.question().startswith("해결") for c in served)
    assert not any("🔥" in c.all_text() for c in cards)
    assert not any("4-3 참고" in c.all_text() for c in served)


def test_korean_rules_of_this_round_keep_to_what_they_name() -> None:
    note = ("# 프로그래밍 언어 비교\n\n## C\n\n- 장점: 빠르다\n- 단점: 메모리를 직접 관리\n\n"
            "## R\n\n- 장점: 통계 패키지가 많다\n- 단점: 느리다\n\n"
            "## 한글 자모\n\n- ㄴ, ㄹ, ㅁ, ㅇ 받침은 **울림소리**이다.\n\n"
            "## 암호\n\n| 알고리즘 | 대칭 | 키 길이 |\n|---|---|---|\n"
            "| AES | O | 128/192/256비트 |\n| RSA | X | 2048비트 이상 |\n| ECC | X | 256비트 |\n")
    cards = cards_of(note, "ko")
    served = {c.question(): c.answers()[0] for c in cards if not c.draft}
    assert {"C의 장점은?", "R의 단점은?"} <= set(served)
    assert not any("아니요. ㄹ" in c.all_text() for c in cards)
    assert not any("대칭이 가능한가" in q for q in served)


def test_a_theorem_keeps_its_name() -> None:
    note = "# CAP 정리\n\n## 한계\n\n- 네트워크 분할이 없을 때의 선택은 말하지 않음\n"
    assert not any(c.question().startswith("CAP의") for c in cards_of(note, "ko"))


def test_a_labelled_follow_up_line_ends_the_answer_and_is_a_card_of_its_own() -> None:
    note = ("# 스프링 MVC 면접\n\n### Q. DispatcherServlet은 무엇이고 왜 필요합니까?\n\n"
            "DispatcherServlet은 스프링 MVC의 프론트 컨트롤러입니다. 모든 요청을 먼저 받아 "
            "알맞은 핸들러에게 위임합니다.\n\n"
            "꼬리 질문: 컨트롤러에 필드를 두어도 됩니까? → 컨트롤러는 **싱글톤 빈**이라 여러 요청 "
            "스레드가 공유합니다.\n\n"
            "꼬리 질문: Spring Security는 어느 쪽입니까? → 필터 기반입니다.\n")
    cards = cards_of(note, "ko")
    served = {c.question(): c.answers()[0] for c in cards if not c.draft}
    assert "싱글톤" not in served["DispatcherServlet은 무엇이고 왜 필요합니까?"]
    assert served["컨트롤러에 필드를 두어도 됩니까?"].startswith("컨트롤러는 싱글톤 빈이라")
    assert "Spring Security는 어느 쪽입니까?" not in served  # leans on the question before


def test_a_table_of_things_under_구분_asks_each_row_its_columns() -> None:
    """"| 구분 | 응답 시점 | 성능 |" over "동기", "비동기": the columns are what each row
    has, so "동기의 응답 시점은?", not "응답 시점의 동기는?"; a column that asks a question
    ("누구를 숨기나") asks it of the row."""
    note = ("# 복제\n\n## 비교\n\n| 구분 | 응답 시점 | 성능 |\n|---|---|---|\n"
            "| 동기 | 모든 replica 반영 후 | 느림 |\n| 비동기 | primary commit 직후 | 빠름 |\n\n"
            "## 프록시\n\n| 구분 | 포워드 프록시 | 리버스 프록시 |\n|---|---|---|\n"
            "| 누구를 숨기나 | 클라이언트 | 백엔드 서버 |\n| 위치 | 클라이언트 앞 | 서버 앞 |\n")
    cards = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert cards["동기의 응답 시점은?"] == "모든 replica 반영 후"
    assert cards["비동기의 성능은?"] == "빠름"
    assert not any(q.startswith(("응답 시점의", "성능의")) for q in cards)
    assert cards["포워드 프록시는 누구를 숨기나?"] == "클라이언트"


def test_properties_and_steps_under_a_numbered_topic_heading_name_it() -> None:
    note = ("# DB 정리\n\n## 2. Master-Slave (Primary-Replica) 구조\n\n"
            "primary가 쓰기를 받고 replica가 따라간다.\n\n### 2.1 장점\n"
            "- 읽기 확장이 쉬움\n- 장애 시 failover 가능\n\n"
            "## 5. MySQL Binlog 기반 복제\n\n### 5.1 동작 흐름\n"
            "1. primary가 binlog에 기록\n2. replica I/O 스레드가 relay log에 기록\n"
            "3. SQL 스레드가 적용\n")
    cards = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert "Master-Slave 구조의 장점은?" in cards
    assert "장점은? (2가지)" not in cards
    assert "MySQL Binlog 기반 복제의 동작 흐름은?" in cards


def test_an_arrow_after_a_coded_name_leaves_no_mark_in_the_answer() -> None:
    note = ("# 스트림\n\n## 연산\n\n- `filter(Predicate)` -> true인 것만 남김\n"
            "- `reduce` -> 요소들을 하나의 값으로 접음(fold)\n")
    cards = {c.question().split("?")[0]: c.answers()[0] for c in cards_of(note, "ko")
             if not c.draft}
    assert cards["filter란"] == "true인 것만 남김"
    assert cards["reduce란"] == "요소들을 하나의 값으로 접음(fold)"


def test_things_compared_by_way_or_type_and_a_topic_that_names_nothing() -> None:
    """What the review found: "| 구분 | 동기 방식 | 비동기 방식 |" compares the two ways
    (a 방식 or 타입 column is a thing compared); "### 장점" under "## 1. 적용 결과" has no
    subject to name."""
    note = ("# 3주차 스터디 기록\n\n## 처리\n\n| 구분 | 동기 방식 | 비동기 방식 |\n|---|---|---|\n"
            "| 처리 순서 | 요청 순서대로 | 완료 순서대로 |\n"
            "| 대기 | 결과를 기다림 | 기다리지 않음 |\n\n"
            "## 1. 적용 결과\n\n### 장점\n- 응답이 빨라짐\n- 서버 부하 감소\n")
    cards = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert not any(q.startswith("처리 순서의") for q in cards)
    assert not any("적용 결과의 장점" in q for q in cards)


def test_a_yes_no_column_naming_what_a_row_is_and_a_year_it_came_out() -> None:
    """"memory-hard | X | O" asks "scrypt는 memory-hard인가?", "나온 해" asks "bcrypt가
    나온 해는?", and a TIL's "배운 거" section is no tag after a question."""
    note = ("# 비밀번호 TIL\n\n## 알고리즘\n\n| | bcrypt | scrypt | Argon2 |\n"
            "|---|---|---|---|\n| 나온 해 | 1999 | 2009 | 2015 |\n"
            "| 기반 | Blowfish | PBKDF2 | BLAKE2b |\n| memory-hard | ❌ | ✅ | ✅ |\n\n"
            "## 정리\n\n### 배운 거\n\n- **salt** = 사용자마다 새로 만드는 랜덤 값\n"
            "- **pepper** = 서버 설정에만 두는 비밀 값\n")
    cards = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert cards["bcrypt가 나온 해는?"] == "1999"
    assert cards["scrypt는 memory-hard인가?"] == "예"
    assert any(q.startswith("salt란?") and "배운" not in q for q in cards)
    assert not any(q.startswith("배운 거") for q in cards)


def test_a_line_that_goes_on_from_the_one_above_is_no_cloze_of_its_own() -> None:
    note = ("# 타이밍 공격\n\n## 정리\n\n일반 비교는 첫 번째로 다른 바이트에서 바로 return 함.\n\n"
            "→ 응답 시간 차이로 몇 바이트까지 맞았는지 추측 가능 = **타이밍 공격**\n")
    served_cards = [c for c in cards_of(note, "ko") if not c.draft]
    assert not any(c.rule == "cloze" and "응답 시간" in c.text for c in served_cards)


def test_an_example_marked_예_paren_is_the_examples_label_not_a_term() -> None:
    note = ("# REST\n\n## 메서드\n\n- **PUT**: 자원을 통째로 교체. 멱등 O\n"
            "- **PATCH**: 일부 필드만 수정. 멱등 보장 X\n"
            "  - 예) `{\"op\": \"increment\", \"path\": \"/count\"}` 같은 요청은 결과가 달라짐\n"
            "  - 형식: JSON Merge Patch, JSON Patch\n\n"
            "## IPv4\n\n- **IPv4**: 32비트 주소\n  - 총 약 43억 개(2^32) → 주소 고갈 문제 발생\n")
    questions = [c.question() for c in cards_of(note, "ko")]
    assert not any(q.startswith("예)") or '{"op' in q for q in questions)
    assert not any(q.startswith("총 약") for q in questions)


def test_fragments_split_at_a_letter_a_quote_or_a_clause_are_no_terms() -> None:
    note = ("# TCP\n\n## 4-way\n\n1. A: FIN 전송 → FIN_WAIT_1\n2. B: ACK 전송 → CLOSE_WAIT\n"
            "3. B: FIN 전송 → LAST_ACK\n\n## 쿠키\n\n"
            "- 클라가 ACK 보내면 ack - 1 로 쿠키 복원 → 해시 검증\n"
            "- 서버는 상태를 저장하지 않음\n\n## 정책\n\n"
            "- `\"Action\": \"*\"` 는 빨간불\n- 최소 권한: 필요한 권한만 주기\n\n"
            "## 정리 / TODO\n\n- 상태 다이어그램 세 번 그려보기\n- 연습문제 풀기\n")
    questions = [c.question() for c in cards_of(note, "ko") if not c.draft]
    fragments = ("B란", "A란", "클라가", '"Action', "Action이란")
    assert not any(q.startswith(fragments) for q in questions)
    assert not any("TODO" in q for q in questions)


def test_a_mock_interviews_speaker_labels_and_self_notes_leave_the_cards() -> None:
    note = ("# 스케줄링 면접 연습\n\n**면접관**: 선점형과 비선점형의 차이를 설명해 주세요.\n\n"
            "**나**: 선점형은 운영체제가 CPU를 강제로 회수할 수 있고, 비선점형은 프로세스가 "
            "스스로 내놓을 때까지 기다립니다. [보완: 결정 시점 네 가지도 말하기]\n\n"
            "**면접관**: 각각 장단점은?\n\n"
            "**나**: 비선점형은 문맥 교환이 적어 오버헤드가 작습니다.\n")
    cards = cards_of(note, "ko")
    served_cards = {c.question(): c.answers()[0] for c in cards if not c.draft}
    question = "선점형과 비선점형의 차이를 설명해 주세요."
    assert served_cards[question].startswith("선점형은 운영체제가")
    assert "보완" not in served_cards[question]
    assert not any(q.startswith(("면접관", "각각")) for q in served_cards)


def test_what_the_second_review_of_the_korean_rules_found_stays_fixed() -> None:
    """"전송 계층 보안", "평면 그래프", "총 소유 비용" are terms; "→ …라고 한다." stands; a
    feature column ("Pub-sub") is something a row has; "만든 사람" is asked of the row."""
    note = ("# 노트\n\n## 용어\n\n- **전송 계층 보안**: TLS, 통신을 암호화하는 프로토콜\n"
            "- **평면 그래프**: 간선이 서로 교차하지 않게 그릴 수 있는 그래프\n"
            "- **총 소유 비용(TCO)**: 구매부터 폐기까지 드는 전체 비용\n\n"
            "## 문제\n\n한 트랜잭션이 같은 행을 두 번 읽는 사이에 다른 트랜잭션이 그 행을 "
            "수정하고 커밋했다.\n\n"
            "→ 같은 쿼리의 결과가 달라지는 현상을 **Non-repeatable Read**라고 한다.\n\n"
            "## 비교\n\n| DB | Pub-sub | 만든 사람 |\n|---|---|---|\n| Redis | O | 살바토레 |\n"
            "| MySQL | X | 몬티 |\n")
    cards = cards_of(note, "ko")
    served_cards = {c.question(): c.answers()[0] for c in cards if not c.draft}
    questions = " ".join(served_cards)
    assert "전송 계층 보안이란?" in questions and "평면 그래프란?" in questions
    assert "총 소유 비용" in questions
    assert any(c.rule == "cloze" and "Non-repeatable" in c.text and not c.draft for c in cards)
    assert "Redis는 Pub-sub인가?" not in served_cards
    assert "Redis가 만든 사람은?" not in served_cards


def test_a_results_table_of_the_authors_own_steps_waits_for_an_editor() -> None:
    note = ("# 도커 이미지 줄이기\n\n## 결과\n\n| 단계 | 이미지 크기 | 빌드 시간 |\n|---|---|---|\n"
            "| 처음 | 1.2GB | 4분 |\n| + 멀티 스테이지 빌드 | 160MB | 15초 |\n"
            "| + slim 베이스 | 410MB | 20초 |\n")
    cards = cards_of(note, "ko")
    assert not any(c.question().startswith("+") for c in cards)
    assert not any("멀티 스테이지" in c.question() for c in cards if not c.draft)


def test_condition_rows_and_complexities_listed_under_a_kind_of_complexity() -> None:
    note = ("# 복잡도\n\n## 입력 크기별\n\n| N 범위 | 허용 복잡도 | 떠올릴 것 |\n|---|---|---|\n"
            "| N ≤ 500 | O(n^3) | 플로이드-워셜 |\n| N ≤ 10^5 | O(n log n) | 정렬, 이분탐색 |\n\n"
            "## 공간 복잡도\n\n- 알고리즘이 쓰는 **추가 메모리**가 N에 따라 얼마나 느는지\n- 예시\n"
            "  - 병합 정렬: O(n) 보조 배열\n  - 힙 정렬: O(1) (제자리 정렬)\n")
    cards = {c.question(): c.answers()[0] for c in cards_of(note, "ko") if not c.draft}
    assert cards["N ≤ 500일 때 허용 복잡도는?"] == "O(n^3)"
    assert cards["N ≤ 500일 때 떠올릴 것은?"] == "플로이드-워셜"
    assert cards["병합 정렬의 공간 복잡도는?"] == "O(n) 보조 배열"
    assert "병합 정렬이란?" not in cards
