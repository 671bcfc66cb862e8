"""Knowledge units -> cards, worded in Korean or English.

Every template asks something the unit answers and nothing else: the question
names the term (and, when the term alone is ambiguous, the group it belongs to),
the answer is what the note says about it.  Korean particles agree with the word
they follow, whatever its script.  A unit the reader was unsure of becomes a
draft card; so does a card whose question runs too long to read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.decks.generator.cards import GeneratedCard, normalise_key
from bot.decks.generator.korean import attach
from bot.decks.generator.units.model import Unit
from bot.decks.generator.units.tables import COMMAND_NAME, CONDITION_ROW, FLAG, YES_NO_REASON
from bot.decks.generator.units.terms import COUNTED_GROUP, is_generic, singular

MAX_QUESTION = 200
MAX_BACK = 1200
MAX_DEFINITION = 250  # a definition longer than this keeps its first sentences


def _first_sentences(text: str, budget: int) -> str:
    """Whole sentences from the start, as many as fit (always the first one)."""
    if len(text) <= budget:
        return text
    pieces = re.split(r"(?<=[.!?다])\s+(?=\S)", text)
    kept = pieces[0]
    for piece in pieces[1:]:
        if len(kept) + 1 + len(piece) > budget:
            break
        kept = f"{kept} {piece}"
    return kept.rstrip(".")

_KO_ATTRIBUTE = {"problem": "문제점", "purpose": "목적", "cause": "원인", "solution": "해결 방법",
                 "features": "특징", "members": "종류", "prevention": "방어 방법",
                 "impact": "영향", "works": "동작 방식", "rationale": "필요성", "intent": "의도"}
_EN_ATTRIBUTE = {"problem": "What is the problem with {s}?", "purpose": "What is {s} for?",
                 "cause": "What causes {s}?", "solution": "How is {s} solved?",
                 "prevention": "How is {s} prevented?", "impact": "What is the impact of {s}?",
                 "features": "What are the features of {s}?",
                 "members": "What are the kinds of {s}?",
                 "solves": "What problem does {s} solve?", "works": "How does {s} work?",
                 "when": "When is {s} used?", "rationale": "Why does {s} matter?",
                 "intent": "What is the intent of {s}?"}
_KO_PROP = {"pros": "장점", "cons": "단점", "features": "특징", "members": "종류"}
_EN_PROP = {"pros": "What are the advantages of {s}?", "cons": "What are the drawbacks of {s}?",
            "features": "What are the features of {s}?", "members": "What are the kinds of {s}?"}


def _anchor(unit: Unit) -> str:
    base = " / ".join(unit.section) + f"#{unit.kind}"
    key = " ".join(unit.key.replace("#", " ").replace("|", " ").split())[:60]
    return f"{base}:{key}" if key else base


def _lines(unit: Unit) -> tuple[int, int]:
    first, last = unit.lines
    return (max(first, 1), max(last, first, 1))


def _bullets(items: tuple[str, ...]) -> str:
    if len(items) == 1:
        return items[0]
    if all(len(i) <= 30 for i in items) and len(items) <= 8:
        return ", ".join(items)
    return "\n".join(f"• {i}" for i in items)


def _steps(items: tuple[str, ...]) -> str:
    return "\n".join(f"{n}) {step}" for n, step in enumerate(items, 1))


#: Where a heading that names two things splits them: "Virtual DOM이랑 재조정", "COMMIT /
#: ROLLBACK", "엣지 서버와 PoP" ("Mark & Sweep" is one name, whose "Mark" is a part).
_CONJUNCTION = re.compile(r"(?<=[\w)])(?:이랑|랑|와|과|하고)\s+|\s+및\s+|\s*[/,]\s*")


def _needs_context(term: str, context: str) -> bool:
    if not context:
        return False
    t, c = normalise_key(term), normalise_key(context)
    if not (t and c) or c in t or (len(c) > 3 and c.endswith("s") and c[:-1] in t):
        return False  # ("a pull CDN" under "CDNs" names its kind already)
    if t in c and any(normalise_key(part) == t for part in _CONJUNCTION.split(context)):
        return False  # "재조정" under "Virtual DOM이랑 재조정": the heading only adds the other
    if t not in c:
        return True
    # "Mark" of "Mark & Sweep" is one of its parts: the question names the whole; but
    # "LRU" of "LRU (Least Recently Used) Algorithm" is all of it.
    own = {normalise_key(w) for w in term.split()}
    rest = [w for w in re.sub(r"\([^()]*\)", " ", context).split()
            if (k := normalise_key(w)) and k not in own and not _GENERIC_PART.fullmatch(k)]
    return any(w[:1].isupper() for w in rest)  # another name's part, not "git" of "git rebase"


#: Words a context adds to a term without telling it apart ("LRU Algorithm").
_GENERIC_PART = re.compile(r"algorithms?|methods?|models?|policy|policies|protocols?|schemes?|"
                           r"approach|technique|pattern|방식|알고리즘|기법|기법들|정책|방법")


def _bare_context(context: str) -> str:
    """"Graphs (V vertices, E edges)" shown after a question as "(Graphs)": brackets in
    brackets read as noise, and so does the author's aside after a comma ("Richardson
    levels, for the interview question")."""
    bare = re.sub(r"\s*\([^()]*\)", "", context).strip()
    bare = re.sub(r",\s+(?:for|as|in|from|since|because)\b.*$", "", bare).strip()
    return bare or context


#: Words of a heading that chats or counts rather than names: "Record types you'll
#: actually see", "Cast of characters", "Quick table for revision", "The big three".
_CHATTY_CONTEXT = re.compile(
    r"\b(?:you|you'll|your|i|my|we|our|actually|really|quick|revision|cast|characters|"
    r"big|small|three|two|four|five|these|those|some|few|compared|comparison|summary|"
    r"overview|recap|cheat ?sheet|table|trade-?offs?|deep dives?|internals?|internally|"
    r"ways out)\b", re.I)
_KO_DIARY_CONTEXT = re.compile(r"(?:오늘\s?)?배운\s?(?:거|것|점)|느낀\s?점|삽질(?:\s?기록)?|메모|"
                                r"헷갈(?:린|렸던)\s?(?:거|것|점)|TIL", re.I)
_KO_COUNTED_CONTEXT = re.compile(r"\d+\s?(?:개|가지)|(?:두|세|네|다섯)\s?(?:개|가지)")
#: A heading that asks ("So which one?", "Why bother?"): the author's voice, no name.
_ASKING_CONTEXT = re.compile(r"(?:so|and|but|which|what|why|when|how|where|who|should)\b",
                             re.I)
#: A heading that is only a plural of kinds: "(Modes)", "(Types)", "(Categories)".
_KINDS_CONTEXT = re.compile(r"(?:modes|types|kinds|categories|examples|options|variants|"
                            r"flavou?rs|levels|styles|cases|policies|strategies|approaches|"
                            r"algorithms|techniques|tools|operations|metrics)",
                            re.I)


def _shown_context(context: str, lang: str) -> str:
    """The context a question may name: in English, a name ("(Raft)", "(Adapter)",
    "(Delivery guarantees)"), never a chatty heading ("(cast of characters)") or a bare
    plural of kinds ("(Modes)"), which judges read as the heading left behind."""
    context = _bare_context(context)
    # "Git intro", "Docker basics": the tool is the context, the rest the author's word
    context = re.sub(r"(?i)\s+(?:basics|fundamentals|101|intro)$", "", context)
    if lang == "ko" and _KO_COUNTED_CONTEXT.search(context):
        return ""  # "(특수 주소 2개)": the heading counted, it named nothing
    if lang == "ko" and _KO_DIARY_CONTEXT.fullmatch(context):
        return ""  # "(배운 거)": a TIL's own section, no name of what it holds
    if lang == "ko" or not context:
        return context
    if _CHATTY_CONTEXT.search(context) or _KINDS_CONTEXT.fullmatch(context) \
            or _ASKING_CONTEXT.match(context) or len(context.split()) > 4:
        return ""
    return context


def _term_with_context(term: str, context: str, lang: str) -> tuple[str, str]:
    """(the term, the " (context)" tail) for a question."""
    context = _shown_context(context, lang)
    if _needs_context(term, context):
        return term, f" ({context})"
    return term, ""


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.endswith(("'s", "’s")):
        return text  # "Bélády's anomaly": a person's name stays one
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _plural(word: str) -> bool:
    low = word.lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "ics", "ness")) \
        and len(low) > 3


def en_phrase(term: str, vocabulary: frozenset[str]) -> tuple[str, bool]:
    """(the term as a sentence writes it, whether it is plural).

    Headings and bullets capitalise their first word ("Availability zones", "Regions");
    a question asks "What are availability zones?".  A word the note itself writes in
    lower case is a common noun; names ("Docker", "IaaS", "TCP") keep their capitals.
    `vocabulary` holds the words the note writes in lower case and, capitalised, the
    words it capitalises in the middle of a sentence (names)."""
    words = term.split()
    if len(words) > 1 and all(w[:1].isupper() and w[1:].islower() for w in words) \
            and _plural(words[-1]) and all(w.lower() in vocabulary for w in words):
        return term.lower(), True  # "Bucket Policies", written "bucket policies" in the text
    if len(words) == 2 and _title_word(words[0]) and re.fullmatch(r"[A-Z]{2,5}", words[1]) \
            and words[0].lower() in vocabulary and words[0] not in vocabulary \
            and f"{words[1]}s" in vocabulary:  # (counted: the note writes "CDNs")
        # "Pull CDN" in a list whose note writes "pull" in lower case: a kind of CDN
        return f"{words[0].lower()} {words[1]}", False
    if len(words) > 1 and re.fullmatch(r"[A-Z]{2,}s", words[-1]) \
            and all(_title_word(w) and w.lower() in vocabulary and w not in vocabulary
                    for w in words[:-1]):
        # "Presigned URLs", written "presigned" in the text: presigned URLs, several
        return " ".join([w.lower() for w in words[:-1]] + [words[-1]]), True
    if len(words) > 1 and all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return term, False  # "Simple Storage Service": every word capitalised, a name
    # "Dead letter queue", "Session persistence": a heading's capital on a common phrase,
    # unless the note also capitalises that word mid-sentence (a name: "Docker engine").
    sentence_case = len(words) > 1 and words[0][:1].isupper() and words[0][1:].islower() \
        and all(w.islower() for w in words[1:]) and words[0] not in vocabulary \
        and not re.match(r"[A-Z]-", words[0])  # "B-tree index" keeps its capital
    common = sentence_case or all(
        w.islower() or (w[:1].isupper() and w[1:].islower()
                        and (w.lower() in vocabulary or f"{w.lower()}s" in vocabulary))
        for w in words if w[:1].isalpha())  # "Job" when the note writes "jobs"
    phrase = term.lower() if common and words else term
    return phrase, bool(words) and common and _plural(words[-1])


#: Words never counted ("throughput", "latency", "waiting time").
_MASS_WORDS = (r"data|metadata|information|traffic|bandwidth|throughput|latency|storage|garbage|"
               r"feedback|knowledge|jitter|backpressure|malware|time")
_MASS_WORD = re.compile(_MASS_WORDS, re.I)
#: A mass noun by its ending or one of `_MASS_WORDS`: "What is metadata?", not "a metadata".
_MASS_NOUN = re.compile(rf"(?:tion|sion|ment|ness|ity|ance|ence|ancy|ency|ing|ism|ware)$|"
                        rf"^(?:{_MASS_WORDS})$", re.I)
_PROCESS_NOUN = re.compile(r"(?:^|\s)(?:start|recovery|retransmit|avoidance|increase|decrease|"
                           r"control|discovery|replication|delivery)$")
# Words with a mass-noun ending that are counted all the same ("a condition").
_COUNTABLE = re.compile(
    r"condition|connection|function|application|transaction|partition|exception|collection|"
    r"instruction|section|question|operation|option|solution|session|version|region|"
    r"instance|interface|entity|utility|facility|building|string|thing|mapping|setting|"
    r"element|segment|statement|document|environment|argument|component|department")


#: A name written in lower case that is no English word: an option or a program
#: ("no-cache", "kube-apiserver", "max_connections", "etcd", "sshd"); it takes no article.
_LOWER_NAME = re.compile(
    r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+|[a-z]+[bcfghkmptvwxz]d|[a-z]+\d+[a-z]*|"
    r"[b-df-hj-np-tv-z]+|[a-z]*[b-df-hj-np-tv-z]{4,}[a-z]*")  # "cwnd", "ssthresh"
#: One lower-case adjective ("private", "immutable"): asked what it means, not "a private".
_ADJECTIVE = re.compile(r"[a-z]+(?:ate|ic|ive|able|ible|ous|ful|less)")  # not "signal"
#: A noun named once in the world of the note: "the generational hypothesis".
_UNIQUE_NOUN = re.compile(r"(?:hypothesis|principle|theorem|law|paradox|problem|dilemma|"
                          r"rule|effect)$")


_MANNER = re.compile(r"[A-Za-z][a-z]*(?:-[a-z]+)*-(?:once|twice|point|end|peer|through|back|"
                     r"aside|around|robin|fly|write|read|behind|ahead)")


def en_noun_phrase(term: str, article: str | None, vocabulary: frozenset[str]
                   ) -> tuple[str, bool]:
    """(the term as a sentence names it, with its article, whether it is plural):
    "a linked list", "the generational hypothesis", "GC roots", "slow start", "etcd"."""
    if _LOWER_NAME.fullmatch(term) or article == "code" or term.startswith("-"):
        return term, False  # (a flag, "--force", takes no article either)
    if re.match(r"[A-ZÀ-Þ][^\s]*['’]s\s", term):
        return term, False  # "Bélády's anomaly", "Amdahl's law": a name's, said as such
    if _ADJECTIVE.fullmatch(term.lower()) and term[1:].islower():
        return term.lower(), False  # "Serverless": "the advantages of serverless"
    if _MANNER.fullmatch(term):
        # "At-least-once", "Point-to-point": a manner (of delivery, of messaging), said
        # bare and in lower case, not "an at-least-once"
        return term[0].lower() + term[1:], False
    phrase, plural = en_phrase(term, vocabulary)
    first = phrase.split()[0] if phrase.split() else ""
    last = phrase.split()[-1] if phrase.split() else ""
    if (_UNIQUE_NOUN.search(phrase) or re.match(r"(?:principle|law|rule) of ", phrase)) \
            and phrase.islower() and " " in phrase:
        return f"the {phrase}", False  # "the principle of least privilege"
    if article == "the" and phrase.endswith(" state"):
        return f"the {phrase}", False  # "the running state": one of a process's states
    if first.endswith("ing") and len(first) > 4 \
            and (len(phrase.split()) != 2 or _plural(last) or _MASS_NOUN.search(last)):
        return phrase, False  # "killing processes": an activity (but "a covering index")
    if plural or (" " in phrase and last.islower() and _plural(last)):
        return phrase, True  # "GC roots"
    if _PROCESS_NOUN.search(last) or _ALGORITHM.search(phrase):
        return phrase, False  # "slow start", "bubble sort": a phase, a method
    if _MASS_NOUN.search(last) and not _COUNTABLE.fullmatch(last.lower()) \
            and (" " in phrase or (f"{last}s" not in vocabulary
                                   and f"{last.lower()}s" not in vocabulary)) \
            and (" " not in phrase or article is None):
        # "pre-emption", "session persistence": no article (but the note's "collisions"
        # and "Deployments" are counted: "a collision", "a Deployment")
        return phrase, False
    if phrase.islower() and article is None and re.search(r"\w \b(?:in|by|of)\b \w", phrase):
        return phrase, False  # "defense in depth", "separation of concerns"
    if phrase != term or phrase.islower():  # a common noun takes an article
        # "the cluster" as the note goes on, but "What is a cluster?" when defined.
        chosen = article if article in ("a", "an") or (article == "the" and " " in phrase) \
            else indefinite(phrase)
        return f"{chosen} {phrase}", False
    if article in ("a", "an"):
        return f"{article} {term}", False  # the note writes "a Dockerfile"
    words = term.split()
    if len(words) > 1 and _UNIQUE_NOUN.search(words[-1].lower()) \
            and not any(w.endswith(("'s", "’s")) for w in words):
        return f"the {term}", False  # "the Open/Closed Principle" (but "Amdahl's Law")
    head = words[-1] if words else ""
    if len(words) == 1 and not term.endswith("s") and term + "s" in vocabulary:
        # "ReplicaSets", "Deployments" in the note: one of many, "a Deployment" (though
        # the note, going on about one, writes "the Deployment")
        return f"{indefinite(term)} {term}", False
    if article == "the" or (len(words) > 1 and not words[0].isupper() and "&" not in term
                            and head.lower() in vocabulary and not head.isupper()
                            and (words[0].lower() not in vocabulary or _counted(head, vocabulary))):
        # "the Docker Engine", "the Circuit Breaker": a name made of a common noun
        return f"the {term}", False
    if len(words) > 1 and _COUNTED_THING.fullmatch(words[-1]):
        return f"{indefinite(term)} {term}", False  # "a B-tree index", "a TCP port"
    return term, False


#: A head noun that is counted ("a breaker", "a gateway"), not a mass ("memory", "storage").
_COUNT_HEAD = re.compile(r"(?:er|or|way|node|set|map|point|table|tree|list|queue|stack|file|"
                         r"key|engine|client|host|image|object|pod|port|proxy|fig|pattern)$")


#: Things one has one of ("a B-tree index", "a TCP port"), after a name.
_COUNTED_THING = re.compile(r"index|table|tree|list|queue|stack|map|node|port|key|file|pattern|"
                            r"engine|proxy|server|client|handshake|lock|header|record|pointer|"
                            r"buffer|thread|process|packet|socket|token|cookie|system|store|"
                            r"service|database")


def _base_verb(verb: str) -> str:
    """The verb a header writes in the third person, in its base form: "does" -> "do",
    "matches" -> "match", "copies" -> "copy", "maps" -> "map"."""
    if verb in ("has", "is"):
        return {"has": "have", "is": "be"}[verb]
    if re.search(r"(?:cus|bus|gus)es$", verb):
        return verb[:-2]  # "focuses" -> "focus"
    if verb in ("caches", "aches") or verb.endswith("zes"):
        return verb[:-1]  # "caches" -> "cache", "optimizes" -> "optimize"
    if verb.endswith("oes") or re.search(r"(?:ch|sh|ss|x)es$", verb):
        return verb[:-2]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    return verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb


def _counted_noun(head: str, vocabulary: frozenset[str]) -> bool:
    """A head noun the note counts ("mutexes", "semaphores") or one of the kinds that are
    counted: "a mutex", "a binary semaphore", not "a circular wait" or "an uv"."""
    low = head.lower()
    return _counted(low, vocabulary) or f"{low}es" in vocabulary


def _counted(head: str, vocabulary: frozenset[str]) -> bool:
    low = head.lower()
    return bool(_COUNT_HEAD.search(low)) or f"{low}s" in vocabulary


def indefinite(phrase: str) -> str:
    """"a" or "an" as the phrase is read aloud: an acronym letter by letter ("an ACL",
    "a JWT"), a word by its first sound ("an index", "a user")."""
    word = phrase.split()[0] if phrase.split() else phrase
    if word[:2].isupper():
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    if re.match(r"(?i)(?:u[bcfhjklmnprst][aeiou]|uni|use|eu|one\b)", word):
        return "a"  # "a user", "a unique key", "a one-way hash"
    return "an" if word[:1].lower() in "aeiou" else "a"


def _en_what_is(term: str, article: str | None, vocabulary: frozenset[str]) -> str:
    if _ADJECTIVE.fullmatch(term) or article == "adjective":
        return f"What does {term} mean?"
    phrase, plural = en_noun_phrase(term, article, vocabulary)
    return f"What are {phrase}?" if plural else f"What is {phrase}?"


#: A row label's aside that lists or names ("AVL, red-black", "Least Recently Used"),
#: unlike one that qualifies the row ("append at end", "unbalanced").
_NAMES_ASIDE = re.compile(r"[,/]|^(?:e\.g|i\.e|aka)\b|^[A-Z][a-z]+(?: [A-Z][a-z]*)+$|\+")


def _title_word(word: str) -> bool:
    """"Balanced", "Stack": a capital a table gives a word; not "B-tree" or "B+", whose
    capital is the name's own letter."""
    return word[:1].isupper() and word[1:].islower() and not re.match(r"[A-Z][-+]", word)


def _row_noun(subject: str, vocabulary: frozenset[str]) -> str:
    """A table row's label as a sentence names it: the capital a table gives every row
    and a long aside go ("Balanced BST (AVL, red-black)" -> "a balanced BST",
    "Stack / Queue" -> "a stack / queue"); a name keeps its capitals."""
    bare = re.sub(r"\s*\(([^()]*)\)$", lambda m: "" if _NAMES_ASIDE.search(m.group(1))
                  else m.group(0), subject).strip() or subject
    aside = re.search(r"\s+\([^()]*\)$", bare)
    if aside:  # "Bubble sort (with early exit)": named without it
        return _row_noun(bare[:aside.start()], vocabulary) + aside.group(0)
    if re.search(r" (?:layer|level|tier|phase|stage|step|ring|bit|flag)$", bare):
        return f"the {bare}"  # one of an ordered set: "the Transport layer"; "the sticky bit"
    if _EN_ACTION.match(f"{bare.lower()} x") and len(bare.split()) <= 3 \
            and not _ALGORITHM.search(bare):  # "Merge sort" is a name
        # a row naming an operation: "of insert", "of iterating all", not "of an insert"
        return _doing(bare.lower()) if " " in bare else bare.lower()
    words = bare.split()
    if len(words) > 1 and _title_word(words[0]) and words[0] not in vocabulary:
        words = [w.lower() if _title_word(w) and w not in vocabulary else w for w in words]
        lowered = " ".join(words)
        if _ALGORITHM.search(lowered) or _plural(words[-1]) or words[-1].endswith("ing") \
                or _MASS_WORD.fullmatch(words[-1]):
            # "short polling" is a way of doing, "waiting time" a measure: none to count
            return lowered
        return ("an " if lowered[:1] in "aeiou" else "a ") + lowered
    if _title_word(bare) and _MASS_WORD.fullmatch(bare.lower()):
        return bare.lower()  # "Throughput", a table's capital on a word never counted
    if re.fullmatch(r"[A-Za-z]+sort", bare):  # "Quicksort", "Heapsort": a way, never "a …"
        return bare.lower() if bare.lower() in vocabulary else bare
    return en_noun_phrase(bare, None, vocabulary)[0]


#: "A: …", "Answer: …", "답: …": the note's own label for its answer, not part of it.
_ANSWER_LABEL = re.compile(r"^(?:\*\*)?(?:A|Ans|Answer|답|답변|정답|나|Me|지원자|Candidate)"
                           r"\s?[:：.](?:\*\*)?\s+")
#: "[보완: …]": the author's note to self inside an answer, no part of it.
_SELF_NOTE = re.compile(r"\s*\[(?:보완|메모|추가|todo|note to self|note)\s*[:：][^\]]*\]", re.I)
#: "• 정의: …", "Definition: …" opening a definition's answer: the label, not the answer.
_DEFINITION_LABEL = re.compile(r"^(?:•\s*)?(?:정의|개념|뜻|definition|meaning)\s*[:：]\s*", re.I)
#: "the one I used to get wrong: 401 means …": the author's remark before the answer.
_PERSONAL_LEAD = re.compile(r"^[^:\n]{0,40}\bI (?:used to|always|never|keep|kept|got|get|"
                            r"was|had|think|remember)\b[^:\n]{0,40}:\s+")
#: "→ 0ms는 …": an arrow that led from the question to its answer in the note.
_LEADING_ARROW = re.compile(r"^(?:→|->|=>|⇒|➡️?)\s*", re.M)


class _Maker:
    def __init__(self, unit: Unit, lang: str, vocabulary: frozenset[str]) -> None:
        self.unit = unit
        self.lang = lang
        self.vocabulary = vocabulary
        self.anchor = _anchor(unit)
        self.cards: list[GeneratedCard] = []

    def basic(self, front: str, back: str, *, variant: str = "", draft: bool = False,
              kind: str = "basic", accept: tuple[str, ...] = ()) -> None:
        back = _DEFINITION_LABEL.sub("", _ANSWER_LABEL.sub("", back.strip()))
        back = _SELF_NOTE.sub("", back).strip()
        back = _PERSONAL_LEAD.sub("", back) or back
        back = _LEADING_ARROW.sub("", back)
        if len(back) > MAX_BACK:
            back = back[: MAX_BACK - 1].rstrip() + "…"
        anchor = self.anchor + (f"|{variant}" if variant else "")
        self.cards.append(GeneratedCard(
            anchor=anchor, lines=_lines(self.unit), type=kind, rule=self.unit.kind,
            front=front, back=back, accept=accept, tags=(self.unit.kind,),
            draft=draft or not self.unit.confident or len(front) > MAX_QUESTION,
            unit=self.anchor, how=self.unit.how))

    def choice(self, front: str, choices: tuple[str, ...], answer: str, back: str = "") -> None:
        self.cards.append(GeneratedCard(
            anchor=self.anchor, lines=_lines(self.unit), type="choice", rule=self.unit.kind,
            front=front, choices=choices, answer=answer, back=back, tags=(self.unit.kind,),
            draft=not self.unit.confident or len(front) > MAX_QUESTION, unit=self.anchor))


#: The last word of a Korean term that names a property of the words before it:
#: "컨텍스트 스위칭 주체" asks "컨텍스트 스위칭의 주체는?", not "…주체란?".
_KO_PROPERTY_NOUN = re.compile(
    r"^(?P<owner>.+?)(?:의)?\s+(?P<prop>주체|대상|목적|원인|역할|조건|기준|시점|단위|범위|결과|특징|"
    r"종류|장점|단점|한계|효과|용도)$")


#: A heading that is a plural of one kind ("Health checks", "Consistency models"): an
#: adjective under it names one of them ("an active health check").
_EN_PLURAL_KIND = re.compile(r"((?:[A-Za-z][a-z-]+ )?(?:[Cc]heck|[Mm]odel|[Mm]ode|[Tt]ype|[Ll]evel|"
                             r"[Ll]ock|[Cc]op|[Cc]ache|[Tt]est|[Ss]can|[Jj]oin|[Pp]robe|"
                             r"[Ss]trateg|[Pp]olic|[Rr]ead|[Ww]rite|[Uu]pdate))(ies|es|s)")
_EN_PLAIN_ADJECTIVE = re.compile(r"strong|weak|eventual|hard|soft|full|partial|lazy|eager|hot|"
                                 r"cold|warm|shallow|deep|static|dynamic|manual|automatic")


def _definition(m: _Maker) -> None:
    u = m.unit
    term, tail = _term_with_context(u.subject, u.context, m.lang)
    owned = _KO_PROPERTY_NOUN.match(term) if m.lang == "ko" else None
    if owned and owned["owner"] in ("핵심", "주요", "대표", "기본", "가장 큰") and u.context:
        # "- 핵심 효과: …" under MVCC: MVCC's main effect, not the effect of a 핵심
        front = f"{u.context}의 {owned['owner']} {attach(owned['prop'], '은')}?"
    elif owned:
        front = f"{owned['owner']}의 {attach(owned['prop'], '은')}?{tail}"
    elif m.lang == "ko":
        front = attach(term, "이란") + "?" + tail
    elif prop := _EN_OWNED_PROP.match(term):
        # "GC pros: …" is what GC is good at, not a term "GC pros"
        kind = "pros" if prop["prop"].lower() in ("pros", "advantages", "benefits", "upsides") \
            else "cons"
        owner = en_noun_phrase(prop["owner"], None, m.vocabulary)[0]
        front = _EN_PROP[kind].format(s=owner) + tail
    elif term.islower() and _EN_ACTION.match(f"{term} x") and " " not in term and u.context:
        # "insert: hash → append to the bucket's list" under "Separate chaining"
        owner = en_noun_phrase(_bare_context(u.context), None, m.vocabulary)[0]
        front = f"How does {term.lower()} work in {owner}?"
    elif u.how == "definition-list":
        # "**Partition key**" in a glossary's "## Partitioning": the entry names itself
        front = _en_what_is(term, u.article, m.vocabulary) + tail
    elif (kinds := _EN_PLURAL_KIND.fullmatch(_bare_context(u.context))) \
            and (_ADJECTIVE.fullmatch(term) or _EN_PLAIN_ADJECTIVE.fullmatch(term)):
        # "active: LB probes each backend" under "Health checks": an active health check
        kind = singular(kinds.group(0)).lower()
        front = f"What is {indefinite(term)} {term} {kind}?"
    elif (way := _EN_WAY_OF.fullmatch(_bare_context(u.context))) and " " not in term \
            and term[:1].isupper() and (term in m.vocabulary or re.search(r"[A-Z]", term[1:])) \
            and term.lower() not in m.vocabulary:
        # "Kafka" under "Ordering": a name the note writes mid-sentence handles it its way
        front = f"How does {term} handle {way.group(0).lower()}?"
    elif (way := _EN_WAY_OF.fullmatch(_bare_context(u.context))) \
            and re.fullmatch(r"[A-Za-z][a-z-]*(?: [a-z][a-z-]*)?", term) \
            and not re.search(r"(?:ing|tion|sion)$", term) \
            and normalise_key(way.group(0)) not in normalise_key(term):
        # "URI path" under "Versioning": one way of versioning, "URI path versioning"
        front = _en_what_is(f"{_lower_first(term)} {way.group(0).lower()}", None, m.vocabulary)
    elif (step := _EN_STEP_GROUP.match(_bare_context(u.context))) \
            and not term.lower().endswith(step["kind"].lower()) and not term.isupper():
        # "Map" under "Phases": "What is the map phase?", not "What is a map?"
        name = term.lower() if term[1:].islower() or term.islower() else term
        front = f"What is the {name} {step['kind'].lower()}?"
    else:
        front = _en_what_is(term, u.article, m.vocabulary) + tail
    if (_COMPLEXITY.match(u.answer.strip()) or re.match(r"(?:평균|최악|average|worst)\s+O\(",
                                                         u.answer.strip())) \
            and not re.search(r"(?i)time|space|memory|big\s?[oθω]|theta|omega|notation|시간|공간|"
                              r"표기", term):
        # "병합 정렬: O(n) 보조 배열" under 공간 복잡도: its space complexity, not what it is
        where = " ".join((*u.section, u.context))
        space = re.search(r"공간|space|memory|메모리", where, re.I)
        both = space and re.search(r"시간|time", where, re.I)
        if m.lang == "ko":
            front = f"{term}의 {'공간' if space else '시간'} 복잡도는?"
        else:
            front = f"What is the {'space' if space else 'time'} complexity of " \
                f"{en_noun_phrase(term, u.article, m.vocabulary)[0]}?"
        named = re.search(r"복잡도|complexity", where, re.I)
        m.basic(front, u.answer, draft=bool(both) or not named)
        return
    # "--force": a command's flag, asked alone only with its command named ("(git reset)",
    # not "(Pushing)")
    flag = bool(FLAG.match(term)) and not re.search(r"\(\s*[a-z]", tail) \
        and not (u.section and COMMAND_NAME.search(u.section[-1]))  # "## git push options"
    m.basic(front, _first_sentences(u.answer, MAX_DEFINITION), draft=flag)


#: "GC pros", "Rust's drawbacks": a property of the words before it.
_EN_OWNED_PROP = re.compile(r"^(?P<owner>.+?)(?:'s)? (?P<prop>pros|cons|advantages|disadvantages|"
                            r"benefits|drawbacks|downsides|upsides)$", re.I)
#: A context that is an activity ("Versioning", "Pagination"): its members are ways
#: of doing it.
_EN_WAY_OF = re.compile(r"(?!(?:Getting|Setting|Thing|String|Meaning|Warning|Something)$)"
                        r"[A-Z][a-z]+ing|Notation|Pagination")
#: A group of the stages of something: its members are named with the stage's kind.
_EN_STEP_GROUP = re.compile(r"^(?:the )?(?:[\w-]+ )?(?P<kind>phase|stage)s$", re.I)


def _does(m: _Maker) -> None:
    """"What does useRef do? (Hooks)" → "Lets you keep a mutable value …"."""
    u = m.unit
    term, tail = _term_with_context(u.subject, u.context, m.lang)
    if u.article == "the":
        noun = f"the {term}"
    elif u.article == "code" or re.fullmatch(r"[a-z][a-z-]*", term):
        noun = term  # "What does squash do? (git rebase -i)", not "a squash"
    else:
        noun = en_noun_phrase(term, None, m.vocabulary)[0]
    m.basic(f"What does {noun} do?{tail}", u.answer[:1].upper() + u.answer[1:])


def _qa(m: _Maker) -> None:
    question = m.unit.question
    if re.match(r"(?:what|why|how|when|where|which|who|is|are|does|do|can|should)\b", question):
        question = question[0].upper() + question[1:]  # "Follow-up: *what happens if …?*"
    m.basic(question, m.unit.answer)


#: "동작 방식", "처리 과정": a way or a kind of nothing named.
_KO_BARE_WAY = re.compile(r"(?:동작|처리|구현|사용|적용|분류|선택)?\s?"
                          r"(?:방식|방법|원리|과정|단계|종류|유형)")


def _group_label(u: Unit, lang: str) -> str:
    # "좋은 단위 테스트의 조건은? (FIRST)": a question heading names its group.
    label = re.sub(r"\s*(?:\([^()]*\)\s*)+$", "", u.label).strip() or u.label
    label = _bare_context(label) or label  # "Richardson levels, for the interview question"
    if u.subject and _KO_BARE_WAY.fullmatch(label) and u.subject not in label:
        return f"{u.subject}의 {label}" if lang == "ko" else f"{label} of {u.subject}"
    label = re.sub(r"(?:은|는|이란|란)?\s*[?？]$", "", label).strip() or label
    if u.subject and (is_generic(label) or len(label) <= 3) \
            and normalise_key(u.subject) not in normalise_key(label):
        return f"{u.subject}의 {label}" if lang == "ko" else f"{label} of {u.subject}"
    return label


def _members(m: _Maker) -> None:
    u = m.unit
    if m.lang != "ko" and u.subject:
        u = replace(u, subject=en_noun_phrase(u.subject, None, m.vocabulary)[0])
    label = _group_label(u, m.lang)
    count = len(u.items)
    if m.lang == "ko":
        hint = "" if any(ch.isdigit() for ch in label) else f" ({count}가지)"
        front = attach(label, "은") + "?" + hint
    else:
        hint = "" if any(ch.isdigit() for ch in label) else f" (name {count})"
        front = f"What are the {_lower_first(label)}?{hint}"
    m.basic(front, _bullets(u.items))


#: "Pros and cons of Redis", "Redis pros & cons": the subject is Redis.
_EN_PROS_AND_CONS = re.compile(
    r"^(?:(?:pros|advantages|benefits) (?:and|&) (?:cons|disadvantages|drawbacks) of (?P<a>.+))$|"
    r"^(?P<b>.+?)(?:'s)?:? (?:pros|advantages) (?:and|&|/) (?:cons|disadvantages)$", re.I)


def _property(m: _Maker) -> None:
    u = m.unit
    if m.lang == "ko":
        # "TDD의 장단점" heading its "장점:" list: TDD's pros, not "장단점의 장점"
        owner = re.sub(r"(?:의)?\s*장단점$", "", u.subject).strip() or u.subject
        front = f"{owner}의 {attach(_KO_PROP[u.kind], '은')}?"
    else:
        owner = _EN_PROS_AND_CONS.sub(r"\g<a>\g<b>", u.subject).strip() or u.subject
        article = u.article if owner == u.subject else None
        front = _EN_PROP[u.kind].format(s=en_noun_phrase(owner, article, m.vocabulary)[0])
    m.basic(front, _bullets(u.items))


_EN_SEQUENCE = re.compile(r"\b(?:sequence|steps|process|procedure|order|flow|lifecycle|workflow)\b",
                          re.I)


_EN_LABELLED_GOAL = re.compile(
    r"^(?:(?:procedure|steps|walkthrough|recipe|how-to|how to)\s*[:：-]\s*|how to\s+)"
    r"(?P<goal>[a-z].*?)\s*[.?]?$", re.I)


def _process(m: _Maker) -> None:
    u = m.unit
    label = u.label
    if u.question:  # the note's own "Walk me through the TLS handshake."
        front = u.question
    elif m.lang == "ko":
        ends = ("과정", "순서", "절차", "단계", "흐름")
        if re.fullmatch(r"(?:동작|처리|실행|전체|진행)?\s?(?:과정|순서|절차|단계|흐름)", label) \
                and u.subject and u.subject not in label:
            label = f"{u.subject}의 {label}"  # "### 5.1 동작 흐름" of MySQL's replication
        front = attach(label, "은") + "?" if label.endswith(ends) else f"{label}: 순서대로 쓰면?"
    elif goal := _EN_LABELLED_GOAL.match(label):
        # "Procedure: deploy an app and expose it", "How to roll back a release"
        front = f"What are the steps to {goal.group('goal')}?"
    elif re.match(r"(?:the\s+)?(?:steps|stages|phases)\b", label, re.I):
        plural = re.sub(r"^the\s+", "", label, flags=re.I)
        front = f"What are the {_lower_first(plural)}?"
    elif owned := re.fullmatch(r"(?P<what>\w+) of (?P<owner>[A-Z][\w-]*(?: [\w-]+){0,2})", label):
        # "Flow" under "## Password reset": the flow of a password reset
        owner = en_noun_phrase(owned["owner"], None, m.vocabulary)[0]
        front = f"What is the {_lower_first(owned['what'])} of {owner}?"
    elif _EN_SEQUENCE.search(label):
        head = re.split(r"\s(?:of|for|in|on)\s", label)[0].split()[-1]
        be = "are" if _plural(head) else "is"  # "the lifecycle rules", "the lifecycle of pods"
        front = f"What {be} the {_lower_first(label)}?"
    else:
        front = f"What are the steps of {_lower_first(label)}?"
    m.basic(front, _steps(u.items))


#: A Korean column named by a clause: an adnominal verb before its noun ("어울리는 상황",
#: "필요한 조건", "사용할 때").
_KO_CLAUSE_HEADER = re.compile(
    r"^(?:[가-힣]+\s+)*(?:[가-힣]*(?:는|된|될|던)|[가-힣]*(?:필요|중요|적합|유리|불리|가능|적절)[한할]|"
    r"나온|바뀐|생긴|쓰인|등장한|나타난)"  # ("나온 해": the year it came out)
    # ("대응되는 OSI 계층"; not "분할 단위", "권한 범위": nouns that end like a verb form)
    r"(?:\s+[A-Za-z/]+)?\s+[가-힣]+$")
#: An English column named by a clause, and the question each asks of a row.
_EN_CLAUSE_HEADER = re.compile(r"^(how it works|what it does|when to use(?: it)?|"
                               r"use cases?|used for|best for|good for|what you get)$", re.I)
_EN_VERB_HEADER = re.compile(r"^(return|require|provide|store|support|keep|use|guarantee|"
                             r"prevent|solve|cost|mean|need|produce|give|evict|handle|contain|"
                             r"hold|allow|send|remove|replace|protect)s$", re.I)
_EN_CLAUSE_QUESTION = {
    "how it works": "How does {s} work?", "what it does": "What does {s} do?",
    "when to use": "When is {s} used?", "when to use it": "When is {s} used?",
    "use case": "What is {s} used for?", "use cases": "What is {s} used for?",
    "used for": "What is {s} used for?", "best for": "What is {s} best for?",
    "good for": "What is {s} good for?", "what you get": "What do you get with {s}?"}


#: A column that describes its row: its cell answers "X란?" / "What is X?".
_DESCRIBING_COLUMN = re.compile(r"^(?:설명|의미|뜻|정의|개념|description|meaning|definition|"
                                r"what it is)$", re.I)
#: A column of growth rates ("O(n log n)"), asked as time (or space) complexity.
_COMPLEXITY = re.compile(r"^[OΘΩ]\((?=[^)]*[A-Za-z0-9])[^()]*(?:\([^()]*\)[^()]*)*\)\S*"
                         r"(?:[\s,].{0,30})?$")  # not "O(보통)": an O for yes, "usually"
_ALGORITHM = re.compile(r"\b(?:sort|search|algorithm|traversal|hashing|encoding)$", re.I)
_CASE_COLUMN = re.compile(r"^(best|average|avg|worst)(?:\s*case)?$", re.I)
# (Not "y" and "n": "N (카운팅)" counts, it does not say no.)
_YES = frozenset({"o", "✓", "✔", "○", "yes", "true", "예", "있음", "가능"})
_NO = frozenset({"x", "✗", "✘", "no", "false", "아니오", "아니요", "없음", "불가", "불가능"})


#: A column naming something a row handles rather than owns: "How does asyncio handle
#: scheduling?" reads; "What is the scheduling of asyncio?" does not.
_EN_HANDLED = re.compile(r"^(?:[a-z]+ )?(?:[a-z]+ing|bursts|memory|storage|state|concurrency|"
                         r"isolation|"
                         r"consistency|durability|security|persistence|replication|"
                         r"authentication|authorization|errors?|failures?|failover)$")
#: A column named by what one does to a row ("Iterate neighbors of u", "Find min"):
#: asked as the doing ("the time complexity of iterating neighbors of u").
_EN_ACTION = re.compile(r"^(insert|delete|remove|find|search|iterate|access|update|build|"
                        r"merge|get|put|push|pop|peek|scan|traverse|append|prepend|extract|"
                        r"read|write|check|compare|enqueue|dequeue|add|lookup|look up|visit|"
                        r"list|count|sort|split|join|copy|move|create|open|close)( .+)$", re.I)


def _gerund(verb: str) -> str:
    low = verb.lower()
    if low in ("lookup", "look up"):
        return "looking up"
    if low.endswith("e") and not low.endswith("ee"):
        return low[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", low):
        return low + low[-1] + "ing"  # "get" -> "getting", "pop" -> "popping"
    return low + "ing"


def _doing(word: str) -> str:
    """A column's name as the thing done: "iterate neighbors of u" -> "iterating
    neighbors of u"; "edge check (u, v)" -> "an edge check (u, v)"; "insert" stays."""
    action = _EN_ACTION.match(word)
    if action:
        return _gerund(action.group(1)) + action.group(2)
    if " " in word and word.islower() and not _plural(word.split()[0]):
        return f"{indefinite(word)} {word}"
    return word


#: A word that says what a row is ("stable", "thread-safe", "affected by …", "in-place"),
#: unlike a thing it has ("downtime", "Bélády's anomaly").
_EN_QUALITY = re.compile(r"(?:ate|ic|ive|able|ible|ous|ful|less|safe|free|bound|aware|based|"
                         r"ed|ing|ent|ant|al|ar|ary|ory|ly|ish|^in-place|^stable|^same|^blocking)$"
                         r"|^(?:in|on|at|by|for|with|without|under|over)$", re.I)


_KIND_WORD = re.compile(r" (?:grant|flow|pattern|mode|strategy|policy|protocol|principle|"
                        r"phase|stage|tier|layer)$")


def _plural_noun(noun: str) -> bool:
    """"green threads" (but not "Kubernetes", a name, nor "a process")."""
    last = noun.split()[-1] if noun.split() else ""
    return last.islower() and _plural(last) and not noun.startswith(("a ", "an ", "the "))


#: A column named by something one does ("범위 검색", "키 교환"): a row can do it or not.
_KO_ACTION_NOUN = re.compile(r"(?:검색|활용|교환|지원|사용|정렬|전송|조회|변경|수정|삭제|추가|삽입|"
                             r"접근|공유|재사용|압축|암호화|재개|확장|저장|실행|처리|선언|할당|진입|"
                             # an English "-ing" said in Hangul (not 대칭, 특징, 명칭)
                             r"페이징|캐싱|로깅|스트리밍|해싱|매칭|라우팅|인코딩|디코딩|스케줄링|"
                             r"샤딩|파티셔닝|폴링|모니터링|프로파일링|버저닝|튜닝|매핑|스케일링|"
                             r"레플리케이션|트레이싱|렌더링|파싱|필터링)$")


#: A column that asks when (where, why) a row does something: "언제 resolve", "언제 사용".
#: A column header that is a question without its mark: "누구를 숨기나", "누가 설정하나요".
_KO_QUESTION_HEADER = re.compile(r"(?:누가|누구[가-힣]*|무엇[가-힣]*|뭘|뭐가|어디[가-힣]*|언제|왜|"
                                 r"어떻게|몇)\s[^?]*(?:나|나요|니|는가|까|을까|ㄹ까)")
_KO_ASKING_COLUMN = re.compile(r"(언제|어디서|어디에서|왜)\s+([A-Za-z][\w-]*|사용|호출|실행|"
                               r"발생|생성|종료|적용|선택|반환|전송|처리|변경|해제|실패|성공)")
#: A column or row named by a bare action ("연결", "확장"): what a row has is its way of
#: doing it ("연결 지향", "주로 수평").
_KO_BARE_ACTION = frozenset({"연결", "확장", "저장", "전송", "통신", "처리", "인증"})


#: "On failure", "On commit": an event, which takes no article ("on a file" does).
_EN_EVENT = re.compile(r"failure|error|success|timeout|commit|read|write|hit|miss|start(?:up)?|"
                       r"exit|crash|restart|close|open|abort|rollback|conflict|demand|request|"
                       r"response|delete|insert|update|change|save|load|boot|shutdown|click|"
                       r"submit|login|logout|connect|disconnect|reconnect|retry|expiry|"
                       r"expiration|eviction|deploy|release|merge|push|pull|fetch|exception")
#: A party one talks to or works with ("다른 호스트", "관계 없는 프로세스"), not a feature
#: a row has ("외부 단편화", "소유권").
_KO_PARTY = re.compile(r"(?:프로세스|호스트|서버|클라이언트|사용자|스레드|노드|머신|기기|장치|"
                       r"브라우저|도메인|사이트|네트워크)$")
#: A column named by a participle and its preposition: "Used by", "Use for", "Stored in".
_EN_PARTICIPLE_HEADER = re.compile(r"(used|use|stored|kept|sent|known|called|written|read|"
                                   r"owned|managed|handled|signed|cached|run|set)\s+"
                                   r"(by|for|as|in|on|at|with|from|to)")
#: "Looks like", "Shows as": how a row appears.
_EN_LOOKS_HEADER = re.compile(r"(look|sound|show|appear)s?\s+(like|as)")
#: "Self-synchronizing", "ASCII-compatible", "Scalable" over "mostly", "very": how much a
#: row is so.
_EN_DEGREE_HEADER = re.compile(r"[a-z]*(?:-[a-z]+)*(?:able|ible|ive|ous|ful)"
                               r"|[a-z]+(?:-[a-z]+)*-(?:[a-z]+ing|safe|free|aware|bound|"
                               r"compatible)", re.I)
#: "mostly", "trivially", "very": how much a row is so (not "Dependency injection" under
#: "Alternative", a noun the suffix also spells).
_DEGREE = re.compile(r"(?:mostly|very|partly|partially|fully|highly|somewhat|trivially|barely|"
                     r"slightly|moderately|extremely|not really|kind of|limited|yes|no)\b", re.I)
#: A column named by a clause with its own verb ("é becomes", "Really was", "Byte order
#: matters", "What lives there"): no template words a question from it.
_EN_CLAUSE_LABEL = re.compile(r"\b(?:is|are|was|were|becomes?|matters?|happens?|lives?|goes|"
                              r"has|have|did|can|could|should|will|would|must)\b"
                              # "Really was" (not "Reply", "Family", "Only")
                              r"|^(?-i:[a-z]+ly)\s+(?!(?:apply|reply|supply|family|assembly)\b)",
                              re.I)
#: A yes/no column that starts with what a row does: "Check external deps?".
_EN_BASE_VERB = re.compile(r"(?:check|use|need|support|allow|require|block|share|keep|store|"
                           r"send|cache|retry|restart|scale)\s+\S")


def _cell_question(m: _Maker) -> tuple[str, str, bool]:
    """(question, answer, whether a template worded it) for one table cell, worded by
    what its column holds."""
    front, answer = _cell_worded(m)
    # "What is the é becomes of NFC?": a column named by a clause of its own; an editor
    # words it
    worded = not (m.lang != "ko" and _EN_CLAUSE_LABEL.search(m.unit.label)
                  and not _EN_CLAUSE_HEADER.match(m.unit.label.strip())
                  and not front.startswith(("What does ", "When does ", "How ")))
    if m.lang == "ko" and front.endswith("있는가?") \
            and _KO_PARTY.search(m.unit.label.rstrip("?").strip()):
        # "관계 없는 프로세스 | O": whether it reaches another party, which "익명 파이프에
        # 관계 없는 프로세스가 있는가?" does not ask
        worded = False
    return front, answer, worded


def _cell_worded(m: _Maker) -> tuple[str, str]:
    u = m.unit
    label, subject, answer = u.label.strip(), u.subject, u.answer
    yes_no = answer.strip().lower() in _YES | _NO
    said = ("예" if answer.strip().lower() in _YES else "아니요") if m.lang == "ko" \
        else ("Yes" if answer.strip().lower() in _YES else "No")
    reason = YES_NO_REASON.match(answer) if m.lang != "ko" else None
    if reason:  # "no — each process has its own GIL": the reason stays with the no
        yes_no = True
        said = f"{'Yes' if reason['word'].lower() in _YES else 'No'} — {reason['rest']}"
    if _DESCRIBING_COLUMN.match(label.rstrip("?")):
        if m.lang == "ko":
            return attach(subject, "이란") + "?", answer
        return _en_what_is(subject, None, m.vocabulary), answer
    if CONDITION_ROW.match(subject):  # "N ≤ 500 | 허용 복잡도": what holds when it does
        if m.lang == "ko":
            return f"{subject}일 때 {attach(label, '은')}?", answer
        return f"What is the {_lower_first(label)} when {subject}?", answer
    if m.lang == "ko":
        if yes_no:  # "GET의 멱등성은? → O": asked as the yes/no it is
            name = label.rstrip("?")
            if re.search(r"(?:안정|안전|가능|필요|유효|동일|불변|가변)$", name):
                return f"{attach(subject, '은')} {name}한가?", said  # "String은 스레드 안전한가?"
            if re.fullmatch(r"(?i)[A-Za-z]+-?(?:safe|hard|only|less|free|bound|aware)|"
                            r"[A-Za-z]+(?:able|ible)", name):
                # "memory-hard", "stateless": what the row is, not a thing it has
                return f"{attach(subject, '은')} {name}인가?", said
            if _KO_ACTION_NOUN.search(name):  # "범위 검색": can it, not does it have it
                return f"{subject}에서 {attach(name, '이')} 가능한가?", said
            return f"{attach(subject, '은')} {attach(name, '이')} 있는가?" \
                if name.endswith("성") else f"{subject}에 {attach(name, '이')} 있는가?", said
        if _COMPLEXITY.match(answer) and "복잡도" not in label:
            kind = "공간 복잡도" if "공간" in label or "space" in label.lower() else "시간 복잡도"
            owner = f"{subject}의 {label}" if kind == "시간 복잡도" else f"{subject}의"
            return f"{owner} {attach(kind, '은')}?", answer
        if label.endswith("?"):  # "다시 로그인하면?": asked of the row as written
            return f"{attach(subject, '은')} {label}", answer
        if _KO_QUESTION_HEADER.fullmatch(label):
            # "누구를 숨기나": a question the column asks each row ("포워드 프록시는 누구를
            # 숨기나?"), not a thing it has ("…의 누구를 숨기나는?")
            return f"{attach(subject, '은')} {label}?", answer
        if _KO_CLAUSE_HEADER.match(label) and re.match(r"\S+에\s", label):
            # "결과에 포함되는 행": the row owns the place ("INNER의 결과에 포함되는 행은?")
            return f"{subject}의 {attach(label, '은')}?", answer
        if _KO_CLAUSE_HEADER.match(label) and re.match(r"(?:들어가|저장되|담기|들어있|올라가|쌓이|"
                                                      r"[가-힣]*되는\s)", label):
            # "들어가는 것": what goes in the row, not what the row puts ("Code 영역에 …")
            return f"{subject}에 {attach(label, '은')}?", answer
        if _KO_CLAUSE_HEADER.match(label):
            # "잘 맞는 곳", "주로 검증하는 것": the row is the clause's subject, not its owner
            # ("Kafka가 잘 맞는 곳은?", not "Kafka의 잘 맞는 곳은?").
            return f"{attach(subject, '이')} {attach(label, '은')}?", answer
        asked = _KO_ASKING_COLUMN.fullmatch(label)
        if asked:  # "언제 resolve": "Promise.all은 언제 resolve되는가?", not "…의 언제 resolve는?"
            ending = "되는가" if re.match(r"[A-Za-z]", asked.group(2)) else "하는가"
            return f"{attach(subject, '은')} {asked.group(1)} {asked.group(2)}{ending}?", answer
        if label in _KO_BARE_ACTION:  # "TCP의 연결은?" reads vague: "연결 방식"
            label = f"{label} 방식"
        return f"{subject}의 {attach(label, '은')}?", answer
    noun = _row_noun(subject, m.vocabulary)
    if u.article == "code":
        noun = subject  # "`python -m venv .venv`", "`pip`": a name as written, no article
    elif u.article == "the" and not noun.startswith("the "):
        # "Token bucket" under "Algorithm": the token bucket algorithm, one of its kind
        noun = "the " + " ".join(w.lower() if _title_word(w) and w not in m.vocabulary else w
                                 for w in subject.split())
    # "Insert/Delete": each word its table capital dropped ("insert/delete"); "Space
    # (naive → optimised)": the column's aside is no part of its name
    bare_label = re.sub(r"\s*\((?=[^()]*(?:[A-Za-z]{3,}|→))[^()]*\)", "", label).strip() \
        or label  # (but "Edge check (u, v)" names its edge)
    word = "/".join(_lower_first(part) for part in bare_label.rstrip("?").strip().split("/"))
    if label.endswith("?") or (yes_no and len(label.split()) == 1):
        # "Stable?" → "Is bubble sort stable?"; "Shares memory?" → "Does … share memory?"
        # A cell that says neither yes nor no is shown as written (and drafted).
        verb = re.match(r"([a-z]*[a-rt-z])s\b(.*)$", word)  # (not "belady's anomaly")
        plural = _plural_noun(noun)
        if verb and verb.group(1) not in ("i", "ha", "wa", "doe"):
            front = f"{'Do' if plural else 'Does'} {noun} {verb.group(1)}{verb.group(2)}?"
        elif _EN_BASE_VERB.match(word):  # "Check external deps?": what the row does
            front = f"{'Do' if plural else 'Does'} {noun} {word}?"
        elif len(word.split()) == 2 and _plural(word.split()[-1]) \
                and _EN_QUALITY.search(word.split()[0]):
            # "Negative edges?": "Does Dijkstra support negative edges?"
            front = f"{'Do' if plural else 'Does'} {noun} support {word}?"
        elif not _EN_QUALITY.search(word.split()[0]):
            # "Downtime?", "Bélády's anomaly?": a thing a row has, not what it is
            front = f"{'Do' if plural else 'Does'} {noun} have {word}?"
        else:
            front = f"{'Are' if plural else 'Is'} {noun} {word}?"
        return front, said if yes_no else answer
    if yes_no and 1 < len(word.split()) <= 4 and re.fullmatch(r"[\w /'-]+", word):
        plural = _plural_noun(noun)
        if _EN_QUALITY.search(word.split()[-1]):  # "Thread safe": what a row is
            return f"{'Are' if plural else 'Is'} {noun} {word}?", said
        acts = re.fullmatch(r"([a-z]+[a-rt-z]s) ([a-z][\w /'-]*)", word)
        if acts and not re.search(r"(?:ed|ing)\b", acts.group(2).split()[0]) \
                and acts.group(1) not in ("has", "is", "was", "does"):
            # "Rebuilds indexes | no | yes": "Does VACUUM rebuild indexes?"
            return f"{'Do' if plural else 'Does'} {noun} {_base_verb(acts.group(1))} " \
                f"{acts.group(2)}?", said
        # "Binary data | yes | no": a feature a row supports or not
        return f"{'Do' if plural else 'Does'} {noun} support {word}?", said
    done_when = re.fullmatch(r"(?!(?:is|was|has|does) )([a-z]+s) (?:when|if)",
                             label.strip().lower())
    if done_when:  # "Resolves when": "When does Promise.all resolve?"
        return f"When {'do' if _plural_noun(noun) else 'does'} {noun} " \
            f"{_base_verb(done_when.group(1))}?", answer
    when = re.fullmatch(r"when (?:it|they) ([a-z]+?)s?", label.strip().lower())
    if when:  # "When it runs": "When does a startup probe run?"
        return f"When does {noun} {when.group(1)}?", answer
    if re.match(r"(?:on|after|before|during|if|upon)\s", word):
        # "On failure"; "On file": "on a file"
        word = re.sub(r"^(on|upon) ([a-z]+)$", lambda w: w.group(0) if _plural(w.group(2))
                      or _EN_EVENT.fullmatch(w.group(2))
                      else f"{w.group(1)} {indefinite(w.group(2))} {w.group(2)}", word)
        return f"What does {noun} do {word}?", answer
    participle = _EN_PARTICIPLE_HEADER.fullmatch(word)
    if participle:  # "Used by": "What is UTF-8 used by?"; "Use for": what it is used for
        done = "used" if participle.group(1) == "use" else participle.group(1)
        return f"What {'are' if _plural_noun(noun) else 'is'} {noun} {done} " \
            f"{participle.group(2)}?", answer
    looks = _EN_LOOKS_HEADER.fullmatch(word)
    if looks:  # "Looks like": "What does the UTF-8 BOM look like?"
        return f"What does {noun} {looks.group(1)} {looks.group(2)}?", answer
    if word == "does":  # "Does | canonical decompose": what the row does
        return f"What does {noun} do?", answer
    if _EN_DEGREE_HEADER.fullmatch(word) and not yes_no and _DEGREE.match(answer):
        # "Self-synchronizing | mostly": "How self-synchronizing is UTF-16?"
        return f"How {word} {'are' if _plural_noun(noun) else 'is'} {noun}?", answer
    how_it = re.fullmatch(r"how (?:it|they) ([a-z]+)", label.strip().lower())
    if how_it and how_it.group(1).endswith("s") \
            and how_it.group(1) not in ("works", "is", "was", "has"):  # "How it picks"
        return f"How {'do' if _plural_noun(noun) else 'does'} {noun} " \
            f"{_base_verb(how_it.group(1))}?", answer
    if re.fullmatch(r"(?:good|best|great|ideal) (?:when|for when)", label.lower()):
        return f"When is {noun} a good choice?", answer  # "Good when": when it fits
    if re.fullmatch(r"watch out(?: for)?|gotchas?|pitfalls?|caveats?", label.lower()):
        return f"What should you watch out for with {noun}?", answer
    asks = re.fullmatch(r"what (?:it|they) ([a-z]+)", label.strip().lower())
    if asks:  # "What it maps": "What does A map?"; "What it does": "What does A do?"
        return f"What does {noun} {_base_verb(asks.group(1))}?", answer
    counted = re.fullmatch(r"([A-Z]{2,}s|[a-z]+s)", label.strip())
    if counted and re.fullmatch(r"[≥≤<>~]?\s?\d{1,2}(?:\+|\s?or more)?", answer.strip()) \
            and label.strip().lower() not in ("notes", "remarks", "comments", "bits", "bytes"):
        # "AZs | ≥3": "How many AZs does Standard use?"
        return f"How many {label.strip()} {'do' if _plural_noun(noun) else 'does'} {noun} use?", \
            answer
    actor = re.fullmatch(r"(who|what) ([a-z]+[^s\W]s)", label.strip().lower())
    if actor and actor.group(2) not in ("is", "was", "has", "does"):  # "Who schedules"
        return f"{actor.group(1).capitalize()} {actor.group(2)} {noun}?", answer
    acts_on = re.fullmatch(r"(who|what|which) ([a-z]+s) ([a-z]+)", label.strip().lower())
    if acts_on and acts_on.group(3) not in ("it", "them", "to", "for", "with", "from", "extra",
                                            "next", "first", "last", "more", "less") \
            and not re.search(r"(?:ly|ed|est)$", acts_on.group(3)):  # "Who manages key"
        return f"{acts_on.group(1).capitalize()} {acts_on.group(2)} the {acts_on.group(3)} " \
            f"for {noun}?", answer
    acted_on = re.fullmatch(r"(who|what|which) ([a-z]+s) (?:it|them)", label.strip().lower())
    if acted_on:  # "Who obeys it": "Who obeys max-age=N?" ("a read replica", not "reading")
        named_row = noun if u.article else en_noun_phrase(subject, None, m.vocabulary)[0]
        return f"{acted_on.group(1).capitalize()} {acted_on.group(2)} {named_row}?", answer
    goal = re.fullmatch(r"(?i)(max|min|maximi[sz]ed?|minimi[sz]ed?)(?:imum)?", answer.strip())
    if label.lower() == "want" and goal:
        # "criterion | want": "max" says CPU utilization is to be made as large as it can
        return f"Should {noun} be maximized or minimized?", answer
    clause = _EN_CLAUSE_HEADER.match(label)
    if clause:
        question = _EN_CLAUSE_QUESTION[clause.group(1).lower()].format(s=noun)
        if _plural_noun(noun):  # "What are processes good for?"
            question = re.sub(r"^(What|When|How) (is|does) ", lambda w: f"{w.group(1)} "
                              f"{'are' if w.group(2) == 'is' else 'do'} ", question)
        return question, answer
    verb = _EN_VERB_HEADER.match(label)
    if verb:  # "Returns": "What does INNER JOIN return?" (not "LRU (Least Recently Used)":
        # its long name would say what it evicts)
        return f"What does {noun} {verb.group(1).lower()}?", answer
    if _COMPLEXITY.match(answer):
        case = _CASE_COLUMN.match(label)
        if case:
            which = "average" if case.group(1).lower() == "avg" else case.group(1).lower()
            if subject.strip().lower() in ("space", "memory", "extra space"):
                return f"What is the {which}-case space complexity?", answer
            return f"What is the {which}-case time complexity of {noun}?", answer
        if "space" in word or word in ("memory", "memory use", "memory usage"):
            return f"What is the {'space' if 'memory' in word else word} complexity of {noun}?", \
                answer  # ("Memory | O(1) per key": the space complexity)
        if word in ("time", "time complexity", "runtime", "running time", "complexity"):
            return f"What is the time complexity of {noun}?", answer  # a "Time" column
        # "Search" in a table of data structures
        return f"What is the time complexity of {_doing(_lower_first(word))} in {noun}?", \
            answer
    if re.fullmatch(r"\d{1,2}", answer.strip()) and word in ("layer", "level", "tier", "no",
                                                              "number", "#", "step", "order"):
        return f"What number is {noun}?", answer  # "What number is the Transport layer? → 4"
    if word in ("default", "default value"):  # "Setting | Default": its default value
        return f"What is the default value of {noun}?", answer
    if word in ("name", "called"):
        return f"What is {subject} called?", answer
    shown = re.fullmatch(r"(?:an? )?example ([a-z][a-z ]{0,20}[a-rt-z])", word)
    if shown:  # "Example command": "Give an example command for a sorted set." ("Example
        # protocols" asks "What are the example protocols of …?", as they are several)
        return f"Give an example {shown.group(1)} for {noun}.", answer
    if word in ("example", "examples"):
        # "a code point"; a name as written ("O(log n)", "Redis")
        return f"Give an example of {noun if subject[:1].islower() else subject}.", answer
    if _EN_HANDLED.match(word):
        return f"How {'do' if _plural_noun(noun) else 'does'} {noun} handle {word}?", answer
    link = "for" if re.search(r"(?:approach|method|solution|strategy|fix|remedy)$",
                              word) else "of"
    be = "are" if _plural(word.split()[-1]) else "is"  # "What are the example protocols …"
    if re.search(r"\s(?:when|if|after|before|during|while|on)\s", f" {word} "):
        # "smell when violated": a column named by a clause does not take "of SRP"
        return f"For {subject}, what {be} the {word}?", answer
    # "of a canary strategy": a row named with its kind reads as a common noun
    # and so does a phrase the table writes in lower case ("of a binary semaphore"), but
    # not a pair ("hold and wait"), a capitalised label ("Unit") or one word, which may
    # be a key or a tag ("image", "header")
    named = noun if noun.startswith("the ") or (
        noun.startswith(("a ", "an ")) and (_KIND_WORD.search(noun) or (
            re.fullmatch(r"[a-z][a-z-]*(?: [a-z][a-z-]*){1,2}", subject)
            and not re.search(r"\b(?:and|or|of)\b", subject)
            and _counted_noun(subject.split()[-1], m.vocabulary)))) \
        or (noun != subject and noun == subject.lower()) else subject  # "of short polling"
    return f"What {be} the {word} {link} {named}?", answer


def _cell(m: _Maker) -> None:
    u = m.unit
    front, answer, worded = _cell_question(m)
    context = _shown_context(u.context, m.lang)
    if m.lang != "ko" and context and normalise_key(u.subject) not in normalise_key(context) \
            and normalise_key(context) not in normalise_key(front):  # "complexity (Complexity)"
        front += f" ({context})"

    def with_remark(value: str) -> str:  # "yes (same codec)": the cell's aside stays with it
        return f"{value} ({u.explanation})" if u.explanation else value

    if not worded:
        m.basic(front, with_remark(u.answer), draft=True)
    elif answer != u.answer:  # a yes/no said in words: no choices to pick among
        m.basic(front, with_remark(answer))
    elif front.startswith(("Is ", "Are ", "Does ", "Do ")) \
            and u.answer.strip().lower() not in _YES | _NO:
        # "Affected by GIL?" answered "runs on one thread anyway": a yes/no question
        # whose cell says neither; an editor words it.
        m.basic(front, with_remark(answer), draft=True)
    elif u.choices and u.answer in u.choices:
        m.choice(front, u.choices, u.answer, u.explanation)
    else:
        m.basic(front, with_remark(u.answer))


#: Rows of a comparison named by a clause, as "differ in …" says them.
_EN_ROW_ASPECT = {"used in": "where they are used", "use case": "what they are used for",
                  "use cases": "what they are used for", "used for": "what they are used for",
                  "how it works": "how they work", "when to use": "when to use them",
                  "best for": "what they are best for", "good for": "what they are good for"}


def _difference(m: _Maker) -> None:
    u = m.unit
    a, b = u.items[0], u.items[1]
    front = f"{attach(a, '와')} {b}의 차이는?" if m.lang == "ko" \
        else f"What is the difference between {a} and {b}?"
    if u.label and m.lang == "ko":  # "연결 면에서 TCP와 UDP의 차이는?"
        front = f"{u.label.rstrip('?')} 면에서 {attach(a, '와')} {b}의 차이는?"
    elif u.label:  # one row of a comparison table
        aspect = _EN_ROW_ASPECT.get(u.label.lower().rstrip("?"), _lower_first(u.label))
        if re.fullmatch(r"(?:[a-z]+ed|kept|put|held|sent|run|made)\s"
                        r"(?:to|in|on|by|for|from|with|at)", aspect):
            aspect = f"what they are {aspect}"  # "Attached to": "in what they are attached to"
        # "After consume": a row named by when, not by what ("differ after consume")
        link = "" if re.match(r"(?:after|before|during|when|while|on|under|at|with|without|if)\b",
                              aspect) else "when you " if _EN_ACTION.match(aspect) else "in "
        # "Adjacency matrix", "Access token": common phrases, asked as such
        a, b = (en_noun_phrase(x, None, m.vocabulary)[0] if " " in x else x for x in (a, b))
        front = f"How do {a} and {b} differ {link}{aspect}?"
    m.basic(front, u.answer)


def _command(m: _Maker) -> None:
    u = m.unit
    if m.lang == "ko":
        m.basic(f"{u.subject} 명령의 용도는?", u.answer)
        reverse = f"'{u.answer}'에 쓰는 명령은?"
    else:
        m.basic(f"What does {u.subject} do?", u.answer)
        reverse = f"Which command is used to {_lower_first(u.answer)}?"
    if u.purpose_unique:  # else another command answers it too
        m.basic(reverse, u.subject, variant="reverse", kind="typed")


def _example(m: _Maker) -> None:
    u = m.unit
    front = f"{u.subject}의 예는?" if m.lang == "ko" \
        else f"Give an example of {en_noun_phrase(u.subject, u.article, m.vocabulary)[0]}."
    m.basic(front, _bullets(u.items))


def _analogy(m: _Maker) -> None:
    u = m.unit
    front = f"'{u.answer}'에 비유되는 것은?" if m.lang == "ko" \
        else f"Which concept is likened to '{u.answer}'?"
    m.basic(front, u.subject)


def _singular_expansion(acronym: str, expansion: str, vocabulary: frozenset[str]) -> str:
    """"Dead letter queues (DLQ)": a heading's plural of a common phrase, but DLQ stands
    for one queue."""
    words = expansion.split()
    if len(words) < 2 or acronym.endswith("s") or not re.fullmatch(r"[a-z]+s", words[-1]) \
            or len(words) != len(re.sub(r"[^A-Z]", "", acronym)) \
            or not all(w.islower() for w in words[1:]):
        return expansion  # "Amazon Web Services", "Last Write Wins": a name, as it is
    last = singular(words[-1])
    if last not in vocabulary:
        return expansion  # "Last write wins": the note never writes "win" as a noun
    return " ".join([*words[:-1], last])


def _alias(m: _Maker) -> None:
    u = m.unit
    if u.alias_kind == "expansion":
        front = attach(u.subject, "는") + " 무엇의 약자인가?" if m.lang == "ko" \
            else f"What does {u.subject} stand for?"
        m.basic(front, _singular_expansion(u.subject, u.answer, m.vocabulary), kind="typed")
    else:
        front = f"{u.subject}의 다른 이름은?" if m.lang == "ko" \
            else f"What is another name for {u.subject}?"
        m.basic(front, u.answer, draft=True)


def _attribute(m: _Maker) -> None:
    u = m.unit
    if m.lang == "ko":
        label = _KO_ATTRIBUTE.get(u.label, u.label)
        front = f"{attach(u.subject, '이')} 해결하는 문제는?" if u.label == "solves" \
            else f"{attach(u.subject, '은')} 언제 쓰는가?" if u.label == "when" \
            else f"{u.subject}의 {attach(label, '은')}?"
    else:
        pattern = _EN_ATTRIBUTE.get(u.label)
        subject = en_noun_phrase(u.subject, u.article, m.vocabulary)[0]
        counted = COUNTED_GROUP.fullmatch(u.label)
        front = pattern.format(s=subject) if pattern else \
            f"What are the {u.label.lower()} of {subject}?" if counted else \
            f"What is the {_lower_first(u.label)} of {subject}?"  # ("two flavours": are)
    m.basic(front, u.answer)


def _cause(m: _Maker) -> None:
    u = m.unit
    effect = u.label
    if m.lang == "ko":
        front = f"{effect[:-1]}이유는?" if effect.endswith("것") \
            else f"{attach(effect, '은')} 왜인가?"
    else:
        front = f"Why: {effect}?"
    m.basic(front, u.answer, draft=True)


def _cloze(m: _Maker) -> None:
    u = m.unit
    if re.search(r"\{\{c\d+::[^}]*\$[^}]*\}\}", u.answer):
        return  # "$2b$12$<salt><hash>": a format string is no blank a learner recalls
    m.cards.append(GeneratedCard(
        anchor=m.anchor, lines=_lines(u), type="cloze", rule="cloze", text=u.answer,
        tags=("cloze",), draft=not u.confident, unit=m.anchor))


_TEMPLATES: dict[str, Callable[[_Maker], None]] = {
    "cloze": _cloze,
    "definition": _definition, "qa": _qa, "members": _members, "pros": _property,
    "cons": _property, "features": _property, "process": _process, "cell": _cell,
    "difference": _difference, "command": _command, "example": _example, "analogy": _analogy,
    "alias": _alias, "attribute": _attribute, "cause": _cause, "does": _does,
}


def cards_for(unit: Unit, lang: str, vocabulary: frozenset[str] = frozenset()
              ) -> list[GeneratedCard]:
    """`vocabulary`: the words the note writes in lower case (see `en_phrase`)."""
    maker = _Maker(unit, lang, vocabulary)
    template = _TEMPLATES.get(unit.kind)
    if template is not None:
        template(maker)
    return maker.cards
