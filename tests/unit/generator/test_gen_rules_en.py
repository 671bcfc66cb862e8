"""Each extraction rule on small English notes."""

from __future__ import annotations

from tests.unit.generator.helpers import cards_of, find, one


def test_definition_forms() -> None:
    note = (
        "# Storage\n"
        "A volume is a directory that outlives the container using it.\n\n"
        "Latency refers to the time a request waits before it is served.\n\n"
        "Throughput means the amount of work done per second.\n"
    )
    cards = cards_of(note, "en")
    volume = one(cards, "definition", "volume")
    assert (volume.front, volume.back) == (
        "What is a volume?", "a directory that outlives the container using it")
    assert one(cards, "definition", "Latency").back == (
        "the time a request waits before it is served")
    assert one(cards, "definition", "Throughput").front == "What is Throughput?"


def test_descriptions_are_not_definitions() -> None:
    note = "# Caches\nIt is fast. Redis is popular. This is the default setting.\n"
    assert not find(cards_of(note, "en"), "definition")


def test_called_names_the_term() -> None:
    note = "# Replication\nA replica that only serves reads is called a read replica.\n"
    card = one(cards_of(note, "en"), "definition")
    assert card.front == "What is a read replica?"
    assert card.back == "a replica that only serves reads"


def test_acronym_alias_from_a_describing_sentence() -> None:
    note = (
        "# Transactions\n"
        "ACID (Atomicity, Consistency, Isolation, Durability) names four guarantees.\n"
    )
    alias = one(cards_of(note, "en"), "alias")
    assert alias.front == "What does ACID stand for?"
    assert alias.back == "Atomicity, Consistency, Isolation, Durability"


def test_examples_and_inline_eg() -> None:
    note = (
        "# Queues\nA queue is a buffer that holds messages until a consumer takes them, "
        "e.g. RabbitMQ.\n\nFor example, Kafka keeps messages for days.\n"
    )
    cards = cards_of(note, "en")
    assert one(cards, "definition").back == (
        "a buffer that holds messages until a consumer takes them")
    # Both examples follow the definition of "queue": one card lists them.
    example = one(cards, "example")
    assert example.back == "RabbitMQ / Kafka keeps messages for days"
    assert example.front == "Give an example of a queue."


def test_analogy_in_parentheses() -> None:
    note = (
        "# DNS\nDNS is the system that maps names to addresses.\n\n"
        "(think of it as the phone book of the internet)\n"
    )
    card = one(cards_of(note, "en"), "analogy")
    assert card.front == "Which concept is likened to 'the phone book of the internet'?"
    assert card.back == "DNS"


def test_advantage_and_downside() -> None:
    note = (
        "# Indexes\nAn index is a structure that speeds up lookups.\n\n"
        "Advantage: reads become faster.\n\nDownside: writes get slower.\n"
    )
    cards = cards_of(note, "en")
    assert one(cards, "pros").front == "What is an advantage of Indexes?"
    assert one(cards, "pros").back == "reads become faster"
    assert one(cards, "cons").back == "writes get slower"


def test_heading_term_is_asked_as_the_body_writes_it() -> None:
    note = "# Indexes\nMost databases keep indexes in B-trees.\n\nDownside: writes get slower.\n"
    assert one(cards_of(note, "en"), "cons").front == "What is a downside of indexes?"


def test_table_and_process() -> None:
    note = (
        "# SQL and NoSQL\n\n| Aspect | Relational | Document |\n|---|---|---|\n"
        "| Schema | fixed (declared first) | flexible |\n\n"
        "# Query execution\n1. Parse: the text becomes a syntax tree.\n"
        "2. Plan: the optimizer picks a plan.\n3. Execute: the executor runs it.\n"
    )
    cards = cards_of(note, "en")
    schema = one(cards, "table", "Schema: Relational")
    assert schema.front == "SQL and NoSQL — Schema: Relational?"
    assert (schema.choices, schema.answer, schema.back) == (
        ("fixed", "flexible"), "fixed", "declared first")
    parse = one(cards, "step", "Parse")
    assert parse.front == "Query execution: what happens in the 'Parse' step?"
    assert parse.back == "the text becomes a syntax tree"
    assert one(cards, "order").text == (
        "Query execution, in order: {{c1::Parse}} → {{c2::Plan}} → {{c3::Execute}}")


def test_unlabelled_steps_are_numbered() -> None:
    note = "# Deploy\n1. Build the image.\n2. Push it to the registry.\n3. Restart the service.\n"
    cards = cards_of(note, "en")
    assert [c.front for c in find(cards, "step")] == [
        "Deploy: what is step 1?", "Deploy: what is step 2?", "Deploy: what is step 3?"]
    order = one(cards, "order")
    assert order.type == "choice"
    assert order.front == "Deploy: which is the right order?"
    assert order.answer == "Build the image → Push it to the registry → Restart the service"
    assert len(order.choices) == 3 and order.answer in order.choices
    assert order == one(cards_of(note, "en"), "order")  # the same options every run


def test_subject_of_a_sentence_becomes_a_cloze() -> None:
    note = "# Storage engines\nA relational database stores rows in tables with a fixed schema.\n"
    card = one(cards_of(note, "en"), "fact")
    assert card.text == (
        "A {{c1::relational database}} stores rows in tables with a fixed schema.")


def test_stands_for_and_acronym_in_parentheses() -> None:
    note = (
        "# CSRF\nCSRF stands for Cross-Site Request Forgery.\n\n"
        "# XSS\nCross-site scripting (XSS) is an attack where scripts are injected.\n"
    )
    cards = cards_of(note, "en")
    csrf = one(cards, "alias", "CSRF")
    assert (csrf.front, csrf.back) == ("What does CSRF stand for?", "Cross-Site Request Forgery")
    assert not find(cards, "definition", "CSRF")
    xss = one(cards, "alias", "XSS")
    assert (xss.front, xss.back) == ("What does XSS stand for?", "Cross-site scripting")


def test_labels_that_are_not_terms_are_asked_under_the_section() -> None:
    note = (
        "## XSS\n- Mitigation: escape output and use a Content Security Policy.\n"
        "- Payload: a script that runs in the victim's browser.\n"
    )
    cards = cards_of(note, "en")
    assert one(cards, "definition", "Mitigation").front == "XSS — Mitigation?"
    assert one(cards, "definition", "Payload").front == "What is Payload?"


def test_named_pros_and_cons_lists() -> None:
    note = (
        "## CSRF\nPros of SameSite cookies:\n- simple to enable\n- no server changes\n\n"
        "Cons:\n- old browsers ignore it\n"
    )
    cards = cards_of(note, "en")
    pro = one(cards, "pros")
    assert (pro.front, pro.back) == (
        "What is an advantage of SameSite cookies?", "simple to enable / no server changes")
    assert one(cards, "cons").front == "What is a downside of SameSite cookies?"


def test_trailing_like_is_an_analogy() -> None:
    note = "## Hashing\nHashing is a one-way function, like a fingerprint of the data.\n"
    cards = cards_of(note, "en")
    assert one(cards, "definition").back == "a one-way function"
    assert one(cards, "analogy").front == "Which concept is likened to 'a fingerprint of the data'?"


def test_front_matter_callouts_highlights_tags_and_task_boxes_vanish() -> None:
    note = (
        "---\ntitle: k8s\ntags: [a]\n---\n\n# Kubernetes\n\n"
        "> [!note] Summary\n> Kubernetes is an open-source system for running containers.\n\n"
        "## Pod\nA Pod is the smallest ==deployable== unit. #important\n"
        "- [x] Pods share network and storage with each other.\n"
    )
    cards = cards_of(note, "en")
    texts = " ".join(c.all_text() for c in cards)
    for junk in ("title:", "[!note]", "==", "#important", "[x]"):
        assert junk not in texts
    assert one(cards, "definition", "Pod").front == "What is a Pod?"
    assert one(cards, "definition", "Pod").back == "the smallest deployable unit"
    assert one(cards, "definition", "Kubernetes").lines == (9, 9)


def test_happens_when_and_subjects_with_relative_clauses() -> None:
    note = (
        "## Overfitting\n"
        "Overfitting happens when a model learns the noise instead of the signal.\n"
        "A model that overfits scores well on training data but poorly on new data.\n"
    )
    cards = cards_of(note, "en")
    definition = one(cards, "definition")
    assert definition.front == "What is Overfitting?"
    assert definition.back == "when a model learns the noise instead of the signal"
    fact = one(cards, "fact")
    assert fact.front.startswith("Which concept does this describe? A model that overfits")
    assert fact.answers() == ["Overfitting"]


def test_a_leading_subordinate_clause_is_not_a_subject() -> None:
    note = "## Handshake\nBefore any data is exchanged, the two sides perform a handshake.\n"
    cards = cards_of(note, "en")
    assert not any("{{c1::Before" in c.text for c in cards)


def test_an_example_right_after_a_definition_illustrates_that_term() -> None:
    note = (
        "## Paging\nPaging divides memory into fixed-size pages.\n"
        "A page fault occurs when a process touches a page that is not in memory.\n"
        "e.g. opening a large file for the first time.\n\n## The TLB\n"
        "The TLB is a small cache of recent translations.\n"
    )
    cards = cards_of(note, "en")
    assert one(cards, "example").front == "Give an example of a page fault."
    assert one(cards, "definition", "TLB").front == "What is the TLB?"
