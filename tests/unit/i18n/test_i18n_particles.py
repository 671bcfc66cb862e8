"""Korean particles chosen by how the word before them ends when read aloud."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.i18n.particles import PARTICLES, attach, has_final_consonant, particle


@pytest.mark.parametrize(
    ("word", "kind", "expected"),
    [
        # Hangul: the last syllable's 받침 decides; either form may be asked for.
        ("포트", "란", "포트란"),
        ("프로토콜", "란", "프로토콜이란"),
        ("가상머신", "은", "가상머신은"),
        ("도커", "은", "도커는"),
        ("덱", "로", "덱으로"),
        ("설정", "로", "설정으로"),
        ("오늘의문제 설정", "으로", "오늘의문제 설정으로"),
        ("학습", "를", "학습을"),
        ("시간대", "이에요", "시간대예요"),
        ("3장", "예요", "3장이에요"),
        ("사과", "와", "사과와"),
        ("책", "와", "책과"),
        ("모든 덱", "이라", "모든 덱이라"),
        ("나무", "이라", "나무라"),
        ("카드", "이나", "카드나"),
        ("덱", "나", "덱이나"),
        # Latin words read as words: 이아스, 파스, 사스 end in a vowel.
        ("IaaS", "란", "IaaS란"),
        ("SaaS", "는", "SaaS는"),
        # Acronyms read letter by letter: S=에스, U=유 vowel; L=엘, M=엠, N=엔, R=알 consonant.
        ("DNS", "란", "DNS란"),
        ("CPU", "은", "CPU는"),
        ("HTML", "란", "HTML이란"),
        ("RAM", "은", "RAM은"),
        ("VPN", "을", "VPN을"),
        ("URL", "이", "URL이"),
        ("SQL", "과", "SQL과"),
        ("HTTP", "란", "HTTP란"),
        ("AWS", "가", "AWS가"),
        # Digits by their Korean reading: 이 vowel, 삼 consonant, 십/백/천 consonant.
        ("EC2", "는", "EC2는"),
        ("S3", "는", "S3은"),
        ("HTTP/10", "는", "HTTP/10은"),
        ("2", "가", "2가"),
        ("12", "를", "12를"),
        ("20", "를", "20을"),
        ("100", "는", "100은"),
        ("0", "이", "0이"),
        ("5", "와", "5와"),
        # Ordinary English words.
        ("Python", "은", "Python은"),
        ("Docker", "은", "Docker는"),
        ("Git", "를", "Git을"),
        ("Kubernetes", "란", "Kubernetes란"),
        ("node.js", "은", "node.js는"),
        ("setup", "로", "setup으로"),
        ("study", "으로", "study로"),
        ("cloud-basics", "을", "cloud-basics를"),
        ("frame", "가", "frame이"),
        # Mixed-case acronyms end on a letter's name: IoC = 아이오씨, PaaS = 파스.
        ("IoC", "은", "IoC는"),
        ("PaaS", "이란", "PaaS란"),
        # Commands and their options: a flag and a vowelless word are spelled out.
        ("cp -r", "란", "cp -r이란"),
        ("ss -tulpn", "란", "ss -tulpn이란"),
        ("ls -al", "은", "ls -al은"),
        ("rm", "란", "rm이란"),
        ("mv", "란", "mv란"),
        ("chown", "란", "chown이란"),
        ("cherry-pick", "란", "cherry-pick이란"),  # a hyphenated word, not a flag
        ("down", "은", "down은"),
        ("GET", "란", "GET이란"),
        ("ROLLBACK", "란", "ROLLBACK이란"),  # 롤백
        ("COMMIT", "란", "COMMIT이란"),  # 커밋
        # Closing brackets, quotes and Markdown are not pronounced.
        ("IaaS(Infrastructure-as-a-Service)", "은", "IaaS(Infrastructure-as-a-Service)는"),
        ("가상머신(VM)", "란", "가상머신(VM)이란"),
        ("'aws'", "는", "'aws'는"),
        ("'설정'", "는", "'설정'은"),
        ("`/덱`", "로", "`/덱`으로"),
        ("`/학습`", "로", "`/학습`으로"),
        ("**도커 기초**", "을", "**도커 기초**를"),
        ("[클라우드]", "가", "[클라우드]가"),
        ("「책」", "을", "「책」을"),
        ("f(x)", "는", "f(x)는"),
    ],
)
def test_particle_agrees_with_final_sound(word: str, kind: str, expected: str) -> None:
    assert attach(word, kind) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # After ㄹ, 으로 becomes 로 (파일로, 서울로), as after a vowel.
        ("파일", "파일로"),
        ("서울", "서울로"),
        ("서버", "서버로"),
        ("가상머신", "가상머신으로"),
        ("SQL", "SQL로"),
        ("URL", "URL로"),
        ("Excel", "Excel로"),
        ("table", "table로"),
        ("1", "1로"),  # 일
        ("7", "7로"),  # 칠
        ("8", "8로"),  # 팔
        ("3", "3으로"),  # 삼
        ("10", "10으로"),  # 십
        ("'파일'", "'파일'로"),
    ],
)
def test_euro_after_rieul_is_ro(word: str, expected: str) -> None:
    assert attach(word, "으로") == expected
    assert attach(word, "로") == expected


@given(st.integers(min_value=0xAC00, max_value=0xD7A3))
def test_every_hangul_syllable_gets_the_matching_pair(code: int) -> None:
    syllable = chr(code)
    batchim = (code - 0xAC00) % 28 != 0
    rieul = (code - 0xAC00) % 28 == 8
    assert has_final_consonant(syllable) is batchim
    assert particle(syllable, "는") == ("은" if batchim else "는")
    assert particle(syllable, "가") == ("이" if batchim else "가")
    assert particle(syllable, "를") == ("을" if batchim else "를")
    assert particle(syllable, "와") == ("과" if batchim else "와")
    assert particle(syllable, "란") == ("이란" if batchim else "란")
    assert particle(syllable, "라") == ("이라" if batchim else "라")
    assert particle(syllable, "예요") == ("이에요" if batchim else "예요")
    assert particle(syllable, "로") == ("으로" if batchim and not rieul else "로")


@given(st.integers(min_value=0, max_value=10**9))
def test_every_number_takes_the_particle_of_its_korean_reading(n: int) -> None:
    # Sino-Korean: the last non-zero digit's reading, or 십/백/천/만 (all consonant-final).
    digits = str(n)
    last = digits.rstrip("0")
    if n == 0:
        final = True  # 영
    elif last != digits:
        final = True
    else:
        final = last[-1] in "013678"  # 일 삼 육 칠 팔; 이 사 오 구 end in a vowel
    assert particle(digits, "는") == ("은" if final else "는")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("GET", "GET을"), ("PUT", "PUT을"), ("POST", "POST를"), ("JSON", "JSON을"),
     ("REST", "REST를"), ("API", "API를"), ("SQL", "SQL을"), ("AWS", "AWS를")],
)
def test_capitals_spoken_as_words_or_spelled_out(word: str, expected: str) -> None:
    assert attach(word, "를") == expected


def test_every_particle_names_its_own_pair() -> None:
    for kind, (after_consonant, after_vowel) in PARTICLES.items():
        assert kind in (after_consonant, after_vowel)
        assert PARTICLES[after_consonant] == PARTICLES[after_vowel]
