"""Particles chosen by how the word ends when read aloud in Korean."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.decks.generator.korean import attach, has_final_consonant, particle


@pytest.mark.parametrize(
    ("word", "kind", "expected"),
    [
        ("포트", "란", "포트란"),
        ("프로토콜", "란", "프로토콜이란"),
        ("가상머신", "은", "가상머신은"),
        ("도커", "은", "도커는"),
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
        # Digits by their Korean reading: 이 vowel, 삼 consonant, 십 consonant.
        ("EC2", "는", "EC2는"),
        ("S3", "는", "S3은"),
        ("HTTP/10", "는", "HTTP/10은"),
        # Ordinary English words.
        ("Python", "은", "Python은"),
        ("Docker", "은", "Docker는"),
        ("Git", "를", "Git을"),
        ("Kubernetes", "란", "Kubernetes란"),
        ("node.js", "은", "node.js는"),
        # An alias in parentheses is not pronounced before the particle.
        ("IaaS(Infrastructure-as-a-Service)", "은", "IaaS(Infrastructure-as-a-Service)는"),
        ("가상머신(VM)", "란", "가상머신(VM)이란"),
    ],
)
def test_particle_agrees_with_final_sound(word: str, kind: str, expected: str) -> None:
    assert attach(word, kind) == expected


def test_euro_after_rieul_is_ro() -> None:
    assert attach("파일", "으로") == "파일로"
    assert attach("서버", "으로") == "서버로"
    assert attach("가상머신", "로") == "가상머신으로"


@given(st.integers(min_value=0xAC00, max_value=0xD7A3))
def test_every_hangul_syllable_gets_the_matching_pair(code: int) -> None:
    syllable = chr(code)
    batchim = (code - 0xAC00) % 28 != 0
    assert has_final_consonant(syllable) is batchim
    assert particle(syllable, "는") == ("은" if batchim else "는")
    assert particle(syllable, "가") == ("이" if batchim else "가")
    assert particle(syllable, "를") == ("을" if batchim else "를")
    assert particle(syllable, "란") == ("이란" if batchim else "란")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("GET", "GET을"), ("PUT", "PUT을"), ("POST", "POST를"), ("JSON", "JSON을"),
     ("REST", "REST를"), ("API", "API를"), ("SQL", "SQL을"), ("AWS", "AWS를")],
)
def test_capitals_spoken_as_words_or_spelled_out(word: str, expected: str) -> None:
    assert attach(word, "를") == expected
