"""Each extraction rule on small Korean notes."""

from __future__ import annotations

from tests.unit.generator.helpers import cards_of, find, one


def test_definition_forms() -> None:
    note = (
        "# 네트워크\n"
        "라우터는 서로 다른 네트워크 사이에서 패킷을 전달하는 장비이다.\n\n"
        "스위치란 같은 네트워크 안에서 프레임을 전달하는 장비를 말한다.\n\n"
        "방화벽은 허용되지 않은 트래픽을 막는 것을 말한다.\n\n"
        "캐시라 함은 자주 쓰는 데이터를 가까운 곳에 저장해 두는 것을 의미한다.\n"
    )
    cards = cards_of(note, "ko")
    router = one(cards, "definition", "라우터")
    assert router.front == "라우터란?"
    assert router.back == "서로 다른 네트워크 사이에서 패킷을 전달하는 장비"
    assert one(cards, "definition", "스위치").back == "같은 네트워크 안에서 프레임을 전달하는 장비"
    assert one(cards, "definition", "방화벽").front == "방화벽이란?"
    assert one(cards, "definition", "방화벽").back == "허용되지 않은 트래픽을 막는 것"
    assert one(cards, "definition", "캐시").back == "자주 쓰는 데이터를 가까운 곳에 저장해 두는 것"


def test_definition_split_over_a_blank_line_and_with_spaced_verb() -> None:
    note = (
        "# 클라우드\n"
        "클라우드 서비스는 인터넷을 통해 제공되는 인프라나 소프트웨어를\n\n"
        "말 한다.\n"
    )
    card = one(cards_of(note, "ko"), "definition")
    assert card.front == "클라우드 서비스란?"
    assert card.back == "인터넷을 통해 제공되는 인프라나 소프트웨어"
    assert card.lines == (2, 4)


def test_no_term_from_a_verb_or_a_clause() -> None:
    note = (
        "# PaaS\n"
        "PaaS는 플랫폼을 제공하고 개발자는 코드만 올린다.\n\n"
        "중간에 있는 하이퍼바이저는 가상 컴퓨터를 여러 개 구동하게 해 주는 계층이다.\n\n"
        "이미지와 컨테이너는 서로 독립적이다.\n"
    )
    cards = cards_of(note, "ko")
    fronts = [c.front for c in find(cards, "definition")]
    assert fronts == ["하이퍼바이저란?"]
    assert not any("제공하" in c.front for c in cards)


def test_heading_is_the_term_when_the_first_sentence_has_no_subject() -> None:
    note = (
        "# 전통적 배포방식\n"
        "물리적인 컴퓨터 한 대에 하나의 OS를 깔고 여러 프로그램을 설치하는 방식.\n"
    )
    card = one(cards_of(note, "ko"), "definition")
    assert card.front == "전통적 배포방식이란?"
    assert card.back == "물리적인 컴퓨터 한 대에 하나의 OS를 깔고 여러 프로그램을 설치하는 방식"


def test_same_term_defined_twice_is_asked_the_other_way_round() -> None:
    note = (
        "# 가상머신\n가상머신은 하나의 서버를 여러 서버처럼 쓰게 해 주는 환경이다.\n\n"
        "# 가상화\n가상머신이란 하드웨어를 소프트웨어로 구현한 것을 말한다.\n"
    )
    cards = cards_of(note, "ko")
    assert one(cards, "definition").front == "가상머신이란?"
    reverse = one(cards, "reverse")
    assert reverse.front == "하드웨어를 소프트웨어로 구현한 것을 무엇이라고 하는가?"
    assert reverse.back == "가상머신"


def test_aliases_acronym_and_english_name() -> None:
    note = (
        "# DNS\nDNS(Domain Name System)는 도메인 이름을 IP 주소로 바꾸는 시스템이다.\n\n"
        "# 컨테이너(container)\n컨테이너는 앱과 의존성을 함께 묶은 실행 단위이다.\n"
    )
    cards = cards_of(note, "ko")
    dns = one(cards, "alias", "DNS")
    assert (dns.front, dns.back) == ("DNS는 무엇의 약자인가?", "Domain Name System")
    assert one(cards, "definition", "DNS").front == "DNS란?"
    container = one(cards, "alias", "컨테이너")
    assert (container.front, container.back) == ("컨테이너의 영어 표현은?", "container")


def test_examples_belong_to_the_section_term() -> None:
    note = (
        "# IaaS\nIaaS는 인프라만 빌려 주는 클라우드 서비스이다.\n\n"
        "ex) AWS의 EC2, NCP 등\n\n예) GCE\n"
    )
    card = one(cards_of(note, "ko"), "example")
    assert card.front == "IaaS의 예는?"
    assert card.back == "AWS의 EC2, NCP 등 / GCE"


def test_analogies_are_cleaned_and_offered_among_siblings() -> None:
    note = (
        "# IaaS와 PaaS\n\n"
        "# IaaS\nIaaS는 인프라형 서비스이다.\n\n(빈 방을 주고 가구를 직접 들이는 것)\n\n"
        "# PaaS\nPaaS는 플랫폼형 서비스이다.\n\n(옵션이 다 있는 오피스텔이라 생각하면 됨)\n"
    )
    cards = cards_of(note, "ko")
    paas = one(cards, "analogy", "오피스텔")
    assert paas.front == "'옵션이 다 있는 오피스텔'에 비유되는 것은?"
    assert paas.type == "choice"
    assert paas.choices == ("IaaS", "PaaS")
    assert paas.answer == "PaaS"
    iaas = one(cards, "analogy", "빈 방")
    assert iaas.answer == "IaaS"


def test_pros_and_cons_inline_and_as_a_list() -> None:
    note = (
        "# TCP\nTCP는 신뢰성 있는 전송 프로토콜이다.\n\n"
        "장점 : 데이터가 빠짐없이 도착한다.\n\n"
        "단점:\n- 연결 설정이 필요하다\n- 헤더가 크다\n"
    )
    cards = cards_of(note, "ko")
    pro = one(cards, "pros")
    assert (pro.front, pro.back) == ("TCP의 장점은?", "데이터가 빠짐없이 도착한다")
    con = one(cards, "cons")
    assert con.front == "TCP의 단점은?"
    assert con.back == "연결 설정이 필요하다 / 헤더가 크다"


def test_every_table_cell_is_a_choice_from_its_row() -> None:
    note = (
        "# IaaS와 PaaS 비교\n\n"
        "| 구분 | IaaS | PaaS |\n|:---|:---|:---|\n"
        "| 유연성 | 높음 (플랫폼에 종속되지 않음) | 낮음 (플랫폼에 종속됨) |\n"
        "| 이식성 | 높음 | 낮음 |\n"
    )
    cards = find(cards_of(note, "ko"), "table")
    assert len(cards) == 4
    flex = next(c for c in cards if "유연성: PaaS" in c.front)
    assert flex.front == "IaaS와 PaaS 비교 — 유연성: PaaS는?"
    assert flex.choices == ("높음", "낮음")
    assert flex.answer == "낮음"
    assert flex.back == "플랫폼에 종속됨"
    assert flex.lines == (5, 5)


def test_numbered_process_gives_step_cards_and_an_order_cloze() -> None:
    note = (
        "# 도커\n"
        "1. 도커파일 : 패키지와 환경변수를 기록한 파일이다.\n\n"
        "2. 도커이미지 : 실행에 필요한 파일과 설정을 담은 불변의 상태값이다.\n\n"
        "3. 도커컨테이너 : 이미지를 실행해 자원과 연결한다.\n"
    )
    cards = cards_of(note, "ko")
    steps = find(cards, "step")
    assert [c.front for c in steps] == [
        "도커파일이란?", "도커이미지란?", "도커: '도커컨테이너' 단계에서 하는 일은?",
    ]
    order = one(cards, "order")
    assert order.text == "도커 순서: {{c1::도커파일}} → {{c2::도커이미지}} → {{c3::도커컨테이너}}"


def test_other_sentences_become_cloze_or_which_concept_cards() -> None:
    note = (
        "# IaaS와 PaaS\n\n"
        "# IaaS\nIaaS는 인프라형 서비스이다. 클라우드가 단지 인프라를 제공한다.\n\n"
        "# PaaS\nPaaS는 플랫폼형 서비스이다. PaaS는 모니터링을 기본으로 제공한다.\n"
    )
    cards = cards_of(note, "ko")
    which = one(cards, "fact", "인프라를 제공")
    assert which.front == "무엇에 대한 설명인가? 클라우드가 단지 인프라를 제공한다."
    assert which.answer == "IaaS"
    cloze = one(cards, "fact", "모니터링")
    assert cloze.text == "{{c1::PaaS}}는 모니터링을 기본으로 제공한다."


def test_group_heading_without_body_makes_no_card() -> None:
    note = (
        "# 오프프레미스(off-premise)와 온프레미스(on-premise)\n\n\n"
        "# 온프레미스\n온프레미스는 자체 시설에서 운영하는 방식이다.\n"
    )
    cards = cards_of(note, "ko")
    assert all(c.lines[0] >= 4 for c in cards)
    assert not find(cards, "alias")


def test_short_items_after_an_introduction_are_one_enumeration_card() -> None:
    note = (
        "# 교착 상태(Deadlock)\n"
        "교착 상태란 프로세스들이 서로의 자원을 기다리며 멈춘 상태를 말한다.\n\n"
        "발생 조건 4가지\n1. 상호 배제\n2. 점유 대기\n3. 비선점\n4. 순환 대기\n"
    )
    cards = cards_of(note, "ko")
    card = one(cards, "list")
    assert card.front == "교착 상태의 발생 조건 4가지는?"
    assert card.back == "상호 배제, 점유 대기, 비선점, 순환 대기"
    assert not find(cards, "step")
    assert not find(cards, "fact", "발생 조건")


def test_table_with_a_thing_per_row_takes_choices_from_the_column() -> None:
    note = (
        "## 2. 스케줄링\n\n| 알고리즘 | 선점 여부 | 특징 |\n|---|---|---|\n"
        "| FCFS | 비선점 | 먼저 온 순서대로 처리 |\n| RR | 선점 | 시간 할당량만큼 실행 |\n"
    )
    card = one(cards_of(note, "ko"), "table", "FCFS: 선점 여부")
    assert card.front == "스케줄링 — FCFS: 선점 여부는?"
    assert (card.choices, card.answer) == (("비선점", "선점"), "비선점")


def test_bullets_bold_labels_and_informal_endings() -> None:
    note = (
        "### 프로세스\n"
        "- 프로세스는 실행 중인 프로그램임\n"
        "- **PCB(Process Control Block)**: 프로세스의 상태 정보를 저장하는 자료구조\n"
        "- 스레드끼리는 Heap 영역을 공유한다\n\n"
        "> 참고: 멀티스레드는 여러 스레드를 동시에 실행하는 것이다.\n"
    )
    cards = cards_of(note, "ko")
    assert one(cards, "definition", "프로세스란").back == "실행 중인 프로그램"
    assert one(cards, "definition", "PCB").front == "PCB란?"
    assert one(cards, "alias", "PCB").back == "Process Control Block"
    assert one(cards, "fact", "Heap").text == "{{c1::스레드}}끼리는 Heap 영역을 공유한다"
    assert one(cards, "definition", "멀티스레드").back == "여러 스레드를 동시에 실행하는 것"


def test_question_headings_name_their_term_and_feature_lists_are_not_steps() -> None:
    note = (
        "## ✔️ REST API란?\n"
        "REST(Representational State Transfer)란 자원의 상태를 주고받는 모든 것을 의미한다.\n\n"
        "HTTP Method로 자원에 대한 CRUD를 적용하는 구조이며 서버는 요청만 처리하면 된다.\n\n"
        "### REST의 특징\n"
        "1) Stateless\n상태정보를 따로 저장하지 않는다.\n\n"
        "2) Cacheable\nHTTP의 캐싱 기능을 적용할 수 있다.\n"
    )
    cards = cards_of(note, "ko")
    assert one(cards, "alias", "REST").front == "REST는 무엇의 약자인가?"
    assert one(cards, "fact", "CRUD").answers() == ["REST API"]
    assert not find(cards, "step")
    assert one(cards, "definition", "Stateless").back == "상태정보를 따로 저장하지 않는다"
    assert one(cards, "definition", "Cacheable").front == "Cacheable이란?"


def test_latin_subject_with_either_particle_is_a_topic() -> None:
    note = "## HTTP 메서드\n- GET은 데이터를 조회할 때 사용한다.\n- POST는 데이터를 만들 때 쓴다.\n"
    cards = cards_of(note, "ko")
    assert one(cards, "fact", "조회").text == "{{c1::GET}}은 데이터를 조회할 때 사용한다."
    assert one(cards, "fact", "만들").text == "{{c1::POST}}는 데이터를 만들 때 쓴다."


def test_attribute_labels_acronyms_of_korean_terms_and_formula_cells() -> None:
    note = (
        "## 스택 (Stack)\n"
        "- 스택: 나중에 들어온 데이터가 먼저 나가는 구조\n"
        "- 주요 연산 - push, pop, peek\n\n"
        "## 이진 탐색 트리(BST)\n"
        "왼쪽 서브트리에는 작은 값, 오른쪽 서브트리에는 큰 값이 저장된다.\n"
        "(도서관에서 범위를 반씩 줄여 가는 것과 같다)\n\n"
        "## 시간 복잡도 비교\n\n| 자료구조 | 탐색 | 삽입 |\n|---|---|---|\n"
        "| 배열 | O(1) | O(n) |\n| 연결 리스트 | O(n) | O(1) |\n"
    )
    cards = cards_of(note, "ko")
    assert one(cards, "definition", "주요 연산").front == "스택의 주요 연산은?"
    assert one(cards, "definition", "스택이란").back == "나중에 들어온 데이터가 먼저 나가는 구조"
    bst = one(cards, "alias", "BST")
    assert (bst.front, bst.back) == ("이진 탐색 트리의 영문 약어는?", "BST")
    assert one(cards, "analogy").front == "'도서관에서 범위를 반씩 줄여 가는 것'에 비유되는 것은?"
    assert not find(cards, "fact", "{{c1::왼쪽")
    cell = one(cards, "table", "배열: 탐색")
    assert (cell.choices, cell.answer) == (("O(1)", "O(n)"), "O(1)")


def test_questions_in_the_note_are_answered_by_what_follows() -> None:
    note = (
        "## 면접 질문\n"
        "Q. 프로세스와 스레드의 차이는?\n\n"
        "A. 프로세스는 독립된 메모리를 갖고, 스레드는 프로세스의 메모리를 공유한다.\n\n"
        "## 왜 컨테이너를 쓸까?\n- 배포가 빠르다\n- 환경이 같아진다\n"
    )
    cards = cards_of(note, "ko")
    first = one(cards, "qa", "차이")
    assert first.front == "프로세스와 스레드의 차이는?"
    assert first.back == "프로세스는 독립된 메모리를 갖고, 스레드는 프로세스의 메모리를 공유한다."
    assert first.lines == (2, 4)
    second = one(cards, "qa", "컨테이너")
    assert (second.front, second.back) == ("왜 컨테이너를 쓸까?", "배포가 빠르다 / 환경이 같아진다")


def test_term_inside_longer_words_blanks_those_words() -> None:
    note = (
        "# 도커\n도커는 컨테이너를 만드는 플랫폼이다.\n\n"
        "절차를 도커파일에 작성하고 빌드하면 도커이미지가 생성되고 도커이미지를 실행하면 "
        "도커컨테이너가 만들어진다.\n"
    )
    card = one(cards_of(note, "ko"), "fact")
    assert card.text == (
        "절차를 {{c1::도커파일}}에 작성하고 빌드하면 {{c2::도커이미지}}가 생성되고 "
        "{{c2::도커이미지}}를 실행하면 {{c3::도커컨테이너}}가 만들어진다."
    )


def test_descriptive_headings_are_not_terms_and_stacked_particles_stay_visible() -> None:
    note = (
        "# Git 기초\n\n## Git이란?\nGit은 분산 버전 관리 시스템이다.\n\n"
        "## 커밋 과정\n1. 파일을 수정한다.\n2. 스테이징 영역에 올린다.\n\n"
        "## 브랜치\n브랜치는 독립적인 작업 가지이다.\n\n"
        "> 주의: 이미 공유된 브랜치에서는 rebase를 하지 않는 것이 좋다.\n"
    )
    cards = cards_of(note, "ko")
    assert one(cards, "definition", "Git").front == "Git이란?"
    assert one(cards, "fact", "rebase").text == (
        "이미 공유된 {{c1::브랜치}}에서는 rebase를 하지 않는 것이 좋다.")
    assert all("커밋 과정" not in c.choices for c in cards)


def test_term_named_last_headings_ending_in_ran_and_opening_terms() -> None:
    note = (
        "## 1. 정규화란\n정규화는 중복을 줄이려고 테이블을 분해하는 과정이다.\n\n"
        "## 3. 정규형\n- 제1정규형(1NF) : 모든 속성 값이 원자값을 가진다.\n\n"
        "정규화를 너무 많이 하면 조인이 늘어나 조회 성능이 떨어질 수 있다. "
        "그래서 일부러 중복을 허용하는 것을 반정규화라고 한다.\n"
    )
    cards = cards_of(note, "ko")
    definition = [c.back for c in cards if c.front == "정규화란?"]
    assert definition == ["중복을 줄이려고 테이블을 분해하는 과정"]
    assert one(cards, "definition", "반정규화").back == "일부러 중복을 허용하는 것"
    assert one(cards, "fact", "조인").text.startswith("{{c1::정규화}}를 너무 많이")
    assert one(cards, "alias", "1NF").front == "제1정규형의 영문 약어는?"


def test_names_asked_back_are_typed_and_accept_the_other_names() -> None:
    note = (
        "# 가상머신(VM)\n가상머신은 하나의 서버를 여러 서버처럼 쓰게 해 주는 환경이다.\n\n"
        "# 가상화\n가상머신이란 하드웨어를 소프트웨어로 구현한 것을 말한다.\n"
    )
    cards = cards_of(note, "ko")
    reverse = one(cards, "reverse")
    assert (reverse.type, reverse.back, reverse.accept) == ("typed", "가상머신", ("VM",))
    alias = one(cards, "alias")
    assert (alias.type, alias.front, alias.back, alias.accept) == (
        "typed", "가상머신의 영문 약어는?", "VM", ())
    assert one(cards, "definition").type == "basic"


def test_html_details_inline_tags_and_line_breaks_in_cells() -> None:
    note = (
        "## 면접 질문\n\n<details>\n<summary>프로세스와 스레드의 차이는?</summary>\n\n"
        "프로세스는 메모리를 따로 가지고, 스레드는 메모리를 공유한다.\n\n</details>\n\n"
        "<b>데드락</b>은 프로세스들이 서로의 자원을 기다리며 멈춘 상태이다.\n\n"
        "| 구분 | 프로세스 | 스레드 |\n|---|---|---|\n"
        "| 메모리 | 독립<br>(Code, Data, Heap) | 공유<br>(Stack만 독립) |\n"
    )
    cards = cards_of(note, "ko")
    assert one(cards, "qa").front == "프로세스와 스레드의 차이는?"
    assert one(cards, "definition").front == "데드락이란?"
    cell = one(cards, "table", "메모리: 스레드")
    assert (cell.choices, cell.answer, cell.back) == (("독립", "공유"), "공유", "Stack만 독립")


def test_a_tag_written_as_code_is_kept_as_harmless_text() -> None:
    note = (
        "# XSS\nXSS는 악성 스크립트를 삽입하는 공격이다.\n"
        "ex) 게시판 글에 `<script>` 태그를 넣는다.\n"
    )
    card = one(cards_of(note, "ko"), "example")
    assert card.back == "게시판 글에 ＜script＞ 태그를 넣는다"


def test_parts_listed_under_a_term_do_not_steal_its_pros_and_cons() -> None:
    note = (
        "## 세션과 토큰\nJWT는 서명된 JSON 형태의 토큰이다.\n"
        "- 헤더 : 서명 알고리즘 정보\n- 서명 : 위변조를 막기 위한 값\n\n"
        "단점 : 발급된 토큰은 만료 전까지 무효화하기 어렵다.\n"
    )
    assert one(cards_of(note, "ko"), "cons").front == "JWT의 단점은?"


def test_a_definition_asks_the_term_as_the_heading_spells_it() -> None:
    note = (
        "# 서버리스 방식\n"
        "서버리스방식은 서버를 직접 관리하지 않고 함수 단위로 코드를 실행하는 방식을 의미한다.\n\n"
        "ex) 람다\n"
    )
    cards = cards_of(note, "ko")
    assert one(cards, "definition").front == "서버리스 방식이란?"
    assert one(cards, "example").front == "서버리스 방식의 예는?"


def test_a_cloze_does_not_leave_the_blanked_terms_english_name_in_view() -> None:
    note = (
        "# 큐(queue)\n"
        "큐는 먼저 넣은 데이터를 먼저 꺼내는 자료구조이다.\n\n"
        "작업 대기열은 들어온 요청을 큐에 쌓아 두는 방식으로 queue-based load leveling이라 부르며"
        " 큐 덕분에 순간적인 부하를 흡수한다.\n\n"
        "메시지 브로커는 큐로 묶은 메시지(queued message)를 소비자에게 차례로 전달한다.\n"
    )
    for card in find(cards_of(note, "ko"), "fact"):
        if card.type == "cloze" and card.answers() and card.answers()[0] == "큐":
            assert "queue" not in card.question().lower(), card.text
    broker = one(cards_of(note, "ko"), "fact", "브로커")
    assert broker.type == "cloze"
    assert "(queued message)" not in broker.text
    assert "{{c1::큐}}로 묶은 메시지를" in broker.text
