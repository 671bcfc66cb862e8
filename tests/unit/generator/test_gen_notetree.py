"""The note as a tree: HTML rewritten to the Markdown it means, line numbers kept,
front-matter titles, prose inside code blocks, and inline marks kept as spans."""

from __future__ import annotations

from bot.decks.generator.inline import render_one
from bot.decks.generator.notetree import Code, Details, ListBlock, Para, Quote, parse_note


def test_details_become_a_question_with_its_answer_blocks() -> None:
    note = (
        "## DB\n"
        "<details>\n"
        "  <summary>트랜잭션에 대해 설명해주세요.</summary>\n"
        "  </br>\n"
        "  <p>트랜잭션은 하나의 논리적인 작업 단위입니다.</p>\n"
        "  <ul>\n"
        "    <li>원자성: 전부 되거나 전부 안 된다.</li>\n"
        "    <li>지속성: 커밋되면 남는다.</li>\n"
        "  </ul>\n"
        "</details>\n"
    )
    section = parse_note(note).sections()[1]
    details = section.blocks[0]
    assert isinstance(details, Details)
    assert details.summary.text == "트랜잭션에 대해 설명해주세요."
    para, items = details.blocks
    assert isinstance(para, Para)
    assert para.text.text == "트랜잭션은 하나의 논리적인 작업 단위입니다."
    assert para.lines == (5, 5)  # the source line, though the HTML was rewritten
    assert isinstance(items, ListBlock)
    assert [i.head.text for i in items.items if i.head] == [
        "원자성: 전부 되거나 전부 안 된다.", "지속성: 커밋되면 남는다."]
    assert items.items[1].lines == (8, 8)


def test_front_matter_title_wins_and_a_comment_in_a_fence_is_not_a_heading() -> None:
    note = (
        "---\n"
        "title: \"네트워크 정리\"\n"
        "layout: post\n"
        "---\n"
        "# 개요\n"
        "~~~sh\n"
        "# list the ports\n"
        "ss -tlnp\n"
        "~~~\n"
    )
    tree = parse_note(note)
    assert tree.title == "네트워크 정리"
    assert [s.title_text for s in tree.sections() if s.title] == ["개요"]


def test_one_h1_is_the_title_two_are_not() -> None:
    assert parse_note("# 운영체제\n본문\n").title == "운영체제"
    assert parse_note("# A\n\n# B\n").title is None


def test_an_indented_answer_is_prose_not_code() -> None:
    note = ("### 소켓이란?\n\n    프로세스가 네트워크로 데이터를 주고받는 창구이다.\n\n"
            "    커널이 관리한다.\n")
    code = parse_note(note).sections()[1].blocks[0]
    assert isinstance(code, Code)
    assert [b.text.text for b in code.prose if isinstance(b, Para)] == [
        "프로세스가 네트워크로 데이터를 주고받는 창구이다.", "커널이 관리한다."]
    assert code.prose[0].lines == (3, 3)


def test_real_code_stays_code() -> None:
    note = "## 예제\n\n```java\nint x = 1;\nreturn x;\n```\n"
    code = parse_note(note).sections()[1].blocks[0]
    assert isinstance(code, Code) and code.prose == []


def test_numbered_item_that_is_a_heading_with_a_quote_under_it() -> None:
    note = "1. ##### Mutex (상호 배제)\n   > 한 번에 하나의 스레드만 들어가게 하는 잠금이다.\n"
    block = parse_note(note).sections()[0].blocks[0]
    assert isinstance(block, ListBlock)
    item = block.items[0]
    assert item.head is not None and item.head.text == "Mutex (상호 배제)"
    assert isinstance(item.body[0], Quote)


def test_mdx_import_lines_and_html_comments_vanish() -> None:
    note = ("import Tabs from '@theme/Tabs';\n\n# 캐시\n<!-- 나중에 채우기 -->\n"
            "캐시는 자주 쓰는 데이터를 가까이 두는 저장소이다.\n")
    tree = parse_note(note)
    texts = [b.text.text for s in tree.sections() for b in s.blocks if isinstance(b, Para)]
    assert texts == ["캐시는 자주 쓰는 데이터를 가까이 두는 저장소이다."]


def test_a_sentence_split_over_a_blank_line_is_one_paragraph() -> None:
    note = "# 클라우드\n클라우드 서비스는 인터넷으로 제공되는 소프트웨어를\n\n말 한다.\n"
    blocks = parse_note(note).sections()[1].blocks
    assert len(blocks) == 1 and isinstance(blocks[0], Para)
    assert blocks[0].lines == (2, 4)


def test_inline_marks_become_spans_and_links_images_urls_leave_no_residue() -> None:
    text = render_one("**TCP**는 `연결형` 프로토콜이다 ![diagram](a_(1).png) "
                      "[문서](https://x.org/a_(b)) https://y.org _*주의*_ $O(n^2)$", 7)
    assert text.text == "TCP는 연결형 프로토콜이다 문서 주의 O(n^2)"
    assert text.text[slice(*text.strong[0])] == "TCP"
    assert text.text[slice(*text.code[0])] == "연결형"
    assert text.text[slice(*text.links[0])] == "문서"
    assert text.lossy  # something (the image, the URL) was removed
    assert set(text.lines) == {7}


def test_empty_brackets_left_by_a_removed_link_go_but_code_keeps_its_own() -> None:
    text = render_one("pass a function (`useState(() => build())`) so it runs once [ref]()", 1)
    assert text.text == "pass a function (useState(() => build())) so it runs once ref"
