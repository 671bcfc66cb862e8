"""Korean particles that agree with whatever word comes before them.

A Korean particle has two forms, chosen by how the word before it ends when
read aloud: 은/이/을/과/이란/으로 after a final consonant (받침), 는/가/를/와/란/로
after a vowel (and 로 after ㄹ: 파일로, 서울로).  Bot messages insert deck titles,
command names and numbers, and generated cards insert terms, so both the
message catalogue and the deck generator ask this module; it reads the final
sound without a morphological analyser:

- Hangul by its last syllable's 받침;
- Latin words the way Koreans read them: acronyms letter by letter (DNS =
  디엔에스, vowel-final; HTML = ...엠엘, consonant-final), words spoken as words
  by their ending (Python = 파이썬, Docker = 도커, GET = 겟);
- digits by their Korean reading (2 = 이, 3 = 삼, 10 = 십, 1 = 일 with ㄹ);
- closing quotes, brackets and Markdown markers are not pronounced, and a
  trailing parenthesised alias is skipped ("IaaS(Infrastructure-as-a-Service)는").
"""

from __future__ import annotations

import re

_HANGUL_FIRST = 0xAC00
_HANGUL_LAST = 0xD7A3
_JONGSEONG_RIEUL = 8

# Korean names of Latin letters that end in a consonant: 엘, 엠, 엔, 알.
_CONSONANT_LETTERS = frozenset("LMNR")
# Korean readings of digits: 영 일 이 삼 사 오 육 칠 팔 구.
_DIGIT_FINAL = {
    "0": True, "1": True, "2": False, "3": True, "4": False,
    "5": False, "6": True, "7": True, "8": True, "9": False,
}
_DIGIT_RIEUL = frozenset("178")
_VOWELS = frozenset("aeiou")
_TRAILING_IGNORED = "\"'`’”」』)]}>.,;:!?*_~ "


def spoken_end(word: str) -> str:
    """``word`` up to the last character that is pronounced: its sound decides the particle.

    A trailing parenthesised alias is not pronounced before the particle
    ("IaaS(Infrastructure-as-a-Service)는"), so it is skipped.
    """
    text = word.rstrip()
    while text.endswith(")") and "(" in text:
        cut = text.rfind("(")
        inner = text[cut + 1 : -1]
        if cut == 0 or (text[cut - 1] != " " and len(re.sub(r"[^A-Za-z가-힣]", "", inner)) < 2
                        and len(text[:cut].strip()) <= 2):
            break  # "O(1)", "f(x)": notation, read whole
        text = text[:cut].rstrip()
    return text.rstrip(_TRAILING_IGNORED)


def _spoken_as_word(caps: str) -> bool:
    """Capitals read as a word, not letter by letter: GET (겟), POST, JSON, REST — one
    vowel group between consonants — and longer words with vowels enough to say them
    (COMMIT 커밋, ACID 애시드).  DNS, API, CPU, HTML, HTTPS are spelled out."""
    if len(caps) >= 3 and re.fullmatch(r"[^AEIOU]+[AEIOU]+[^AEIOU]+", caps):
        return True
    said = re.sub(r"(.)\1", r"\1", caps)  # ROLLBACK is said ROLBACK: 롤백
    vowels = sum(c in "AEIOU" for c in said)
    return (len(said) >= 4 and vowels / len(said) >= (0.25 if len(said) >= 6 else 0.3)
            and not re.search(r"[^AEIOUY]{3}", said.replace("CK", "K"))
            and not caps.endswith(("AI", "UI")))


def _latin_final(token: str) -> bool:
    """Whether a Latin word, read in Korean, ends in a consonant."""
    letters = re.sub(r"[^A-Za-z]", "", token)
    if not letters:
        return False
    if len(letters) == 1 or (letters.isupper() and not _spoken_as_word(letters)) \
            or (not letters.isupper() and sum(c.isupper() for c in letters) >= 2
                and letters[-1].isupper()) \
            or not re.search("[aeiouyAEIOUY]", letters):
        # Spelled out: "-r" (알), "IoC" (아이오씨), "SaaS", "rm" (알엠), "ls" (엘에스).
        return letters[-1].upper() in _CONSONANT_LETTERS
    low = letters.lower()
    if low.endswith(("ng", "ck", "hm", "ype")):
        return True  # 싱, 락, 알고리즘, 타입
    last = low[-1]
    before = low[-2] if len(low) > 1 else ""
    if last in "mn":
        return before in _VOWELS or before in "rw"  # chown 촌, down 다운
    if last == "l":
        return True
    if last == "e" and before in "mn" and len(low) > 2:
        return True  # frame 프레임, machine 머신, time 타임
    if last == "e" and before == "l":
        return True  # file 파일, table 테이블, Oracle 오라클
    if last in "kptbc":
        # A short vowel before a stop gives a batchim (Git -> 깃, web -> 웹);
        # a consonant cluster gets an extra 으 (project -> 프로젝트).
        return before in _VOWELS
    return False


def has_final_consonant(word: str) -> bool:
    """True when the word, as read aloud in Korean, ends in a consonant."""
    text = spoken_end(word)
    if not text:
        return False
    ch = text[-1]
    code = ord(ch)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return (code - _HANGUL_FIRST) % 28 != 0
    if ch.isdigit():
        digits = re.search(r"\d+$", text)
        number = digits.group(0) if digits else ch
        stripped = number.rstrip("0")
        if stripped != number and len(number) > 1:
            return True  # 십, 백, 천, 만 all end in a consonant
        return _DIGIT_FINAL[ch]
    if ch.isascii() and ch.isalpha():
        token = re.search(r"[A-Za-z0-9]+$", text)
        if token and re.search(r"(?:^|\s)--?$", text[:token.start()]):
            return token.group(0)[-1].upper() in _CONSONANT_LETTERS  # "-tulpn": 티유엘피엔
        return _latin_final(token.group(0) if token else ch)
    return False


def _final_is_rieul(word: str) -> bool:
    text = spoken_end(word)
    if not text:
        return False
    ch = text[-1]
    code = ord(ch)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return (code - _HANGUL_FIRST) % 28 == _JONGSEONG_RIEUL
    if ch.isdigit():
        return ch in _DIGIT_RIEUL
    if ch.isascii() and ch.isalpha():
        token = re.search(r"[A-Za-z]+$", text)
        letters = token.group(0) if token else ch
        if letters.isupper() and not _spoken_as_word(letters):
            return letters[-1] in "LR"  # 엘, 알
        low = letters.lower()
        return low.endswith(("l", "le"))  # 파일로, 테이블로
    return False


# (after a final consonant, after a vowel)
PARTICLES: dict[str, tuple[str, str]] = {
    "은": ("은", "는"), "는": ("은", "는"),
    "이": ("이", "가"), "가": ("이", "가"),
    "을": ("을", "를"), "를": ("을", "를"),
    "이란": ("이란", "란"), "란": ("이란", "란"),
    "과": ("과", "와"), "와": ("과", "와"),
    "이라": ("이라", "라"), "라": ("이라", "라"),
    "으로": ("으로", "로"), "로": ("으로", "로"),
    "이다": ("이다", "다"), "다": ("이다", "다"),
    "이에요": ("이에요", "예요"), "예요": ("이에요", "예요"),
    "이나": ("이나", "나"), "나": ("이나", "나"),
}


def particle(word: str, kind: str) -> str:
    """The form of particle `kind` (either form may be given) that fits `word`."""
    consonant_form, vowel_form = PARTICLES[kind]
    if consonant_form == "으로" and _final_is_rieul(word):
        return vowel_form  # 서울로, 파일로
    return consonant_form if has_final_consonant(word) else vowel_form


def attach(word: str, kind: str) -> str:
    """`word` followed by the fitting particle: attach("IaaS", "란") == "IaaS란"."""
    return word + particle(word, kind)
