"""Knowledge units in English notes: interview Q&As, nested bullets, prose."""

from __future__ import annotations

from tests.unit.generator.helpers import cards_of, find, one


def served(note: str) -> dict[str, str]:
    return {c.question(): c.answers()[0] for c in cards_of(note, "en") if not c.draft}


def test_an_explanation_in_details_answers_the_numbered_question_above_it() -> None:
    note = (
        "1. What is a subnet?\n\n"
        "![Easy](https://example.com/badge.svg)\n\n"
        "<details>\n<summary><b>Explanation</b></summary>\n\n"
        "A subnet is a range of IP addresses in a network.\n\n"
        "</details>\n"
    )
    assert served(note) == {
        "What is a subnet?": "A subnet is a range of IP addresses in a network."}


def test_imperative_questions_and_unanswered_ones() -> None:
    note = (
        "<details><summary><b>Explain the difference between TCP and UDP.</b></summary><br>\n\n"
        "TCP is connection-oriented and reliable; UDP is connectionless.\n\n"
        "Useful resources:\n\n- [A guide](https://example.com/guide)\n\n</details>\n\n"
        "<details><summary><b>Configure a VPN tunnel. ***</b></summary><br>\n\n"
        "To be completed.\n\n</details>\n"
    )
    cards = served(note)
    assert cards == {"Explain the difference between TCP and UDP.":
                     "TCP is connection-oriented and reliable; UDP is connectionless."}


def test_yes_no_questions_are_drafts() -> None:
    note = "### Can you resize a volume?\nYes, you can grow it while it is attached.\n"
    card = one(cards_of(note, "en"), "qa")
    assert card.draft and card.back == "Yes, you can grow it while it is attached."


def test_a_nested_bullet_describes_the_bold_term_above_it() -> None:
    note = (
        "## Docker\n"
        "Every image lives in a registry, and the engine runs it.\n\n"
        "* **Docker Engine**\n"
        "  * Layer on which Docker runs\n"
        "  * Manages containers and images\n"
        "* **Registry**\n"
        "  * Stores and distributes images\n"
    )
    cards = {q.split(" (")[0]: a for q, a in served(note).items()}
    assert cards["What is the Docker Engine?"] == (
        "• Layer on which Docker runs\n• Manages containers and images")
    assert cards["What is a registry?"] == "Stores and distributes images"


def test_a_terms_sub_points_stop_at_an_aside_or_a_point_with_points_of_its_own() -> None:
    note = (
        "## Images\n"
        "* **Dockerfile**\n"
        "  * Configuration file of instructions to build an image\n"
        "  * Defines a parent image\n"
        "  * Note: an image can also be created from a container\n"
        "* **Docker Host**\n"
        "  * Contains a local registry cache\n"
        "  * Runs a Docker Daemon\n"
        "    * Runs the commands sent by the client\n"
        "  * Exposes a REST API for the daemon\n"
    )
    cards = {q.split(" (")[0]: a for q, a in served(note).items()}
    assert cards["What is Dockerfile?"] == (
        "• Configuration file of instructions to build an image\n• Defines a parent image")
    assert cards["What is Docker Host?"] == (
        "• Contains a local registry cache\n• Runs a Docker Daemon")


def test_a_bullet_that_names_a_term_then_defines_it_on_the_next_lines() -> None:
    note = (
        "## Securing a bucket\n"
        "- S3 buckets can be secured in two ways:\n"
        "- ACL (Access Control List)\n"
        "ACL is used to manage access to buckets and objects. It lists who may read them.\n"
        "- Bucket policy\n"
        "A bucket policy defines which actions are allowed or denied on a bucket.\n"
    )
    cards = {q.split(" (")[0]: a for q, a in served(note).items()}
    assert cards["What is ACL?"] == (
        "ACL is used to manage access to buckets and objects. It lists who may read them")
    assert cards["What does ACL stand for?"] == "Access Control List"
    assert not any("Control List) ACL" in q + a for q, a in cards.items())


def test_a_blank_stands_without_the_connective_that_tied_it_to_the_sentence_before() -> None:
    note = ("## Kernel\nThe kernel schedules every process.\n"
            "However, the kernel keeps a **segment register** for each process.\n")
    card = one(cards_of(note, "en"), "cloze")
    assert card.text == "The kernel keeps a {{c1::segment register}} for each process."


def test_a_point_about_something_else_is_not_a_definition() -> None:
    note = (
        "## Virtual machines\n"
        "* Security\n"
        "  * VMs can only issue hypercalls to the hypervisor\n"
    )
    assert not any(c.question().lower().startswith("what is security")
                   for c in cards_of(note, "en"))


def test_this_is_known_as_names_what_the_sentences_before_describe() -> None:
    note = ("# Deadlock\nA process holds A and waits for B while another holds B and waits for "
            "A. This is known as **deadlock**.\n")
    card = one(cards_of(note, "en"), "definition")
    assert card.front == "What is a deadlock?"
    assert card.back.startswith("A process holds A and waits for B")


def test_common_nouns_get_their_article_and_plural() -> None:
    note = (
        "## Regions\n"
        "Each region has several availability zones.\n\n"
        "- **Availability zones**: isolated data centers inside a region\n"
        "- **Edge locations**: sites that cache content near users\n"
    )
    cards = served(note)
    assert "What are availability zones?" in {q.split(" (")[0] for q in cards}


def test_steps_only_when_the_lead_in_says_so() -> None:
    note = (
        "## Using a resource\n"
        "The sequence of events required to use a resource:\n\n"
        "1. request the resource\n2. use the resource\n3. release the resource\n"
    )
    card = one(cards_of(note, "en"), "process")
    assert card.front == "What is the sequence of events required to use a resource?"
    assert card.back == "1) request the resource\n2) use the resource\n3) release the resource"
    reasons = "## Why sort?\n1. duplicates are easier to remove\n2. grouping needs it\n"
    assert not find(cards_of(reasons, "en"), "process")


def test_pros_and_cons_sections_under_a_term() -> None:
    note = (
        "## Load balancer\n"
        "A load balancer spreads requests over servers.\n"
        "### Pros\n- removes a single point of failure\n- spreads traffic\n"
        "### Disadvantages\n- adds a hop of latency\n"
    )
    cards = served(note)
    assert cards["What are the advantages of a load balancer?"] == (
        "• removes a single point of failure\n• spreads traffic")
    assert cards["What are the drawbacks of a load balancer?"] == "adds a hop of latency"


def test_sub_points_of_an_answer_are_served_only_when_they_look_like_names() -> None:
    note = (
        "<details><summary><b>Explain the isolation levels.</b></summary><br>\n\n"
        "There are four levels:\n\n"
        "- READ COMMITTED: a query sees only committed rows\n"
        "- open port: a port that accepts connections\n\n"
        "</details>\n"
    )
    cards = cards_of(note, "en")
    served_fronts = {c.question().split(" (")[0] for c in cards if not c.draft}
    drafted = {c.question().split(" (")[0] for c in cards if c.draft}
    assert "What is READ COMMITTED?" in served_fronts
    assert "What is an open port?" in drafted


def test_activities_and_mass_nouns_take_no_article() -> None:
    note = (
        "## Recovery\n"
        "Recovery uses killing processes and pre-emption.\n\n"
        "- **Killing processes**: a crude way to break a deadlock cycle\n"
        "- **Pre-emption**: taking a resource from another process for a while\n"
    )
    fronts = {c.question().split(" (")[0] for c in cards_of(note, "en")}
    assert {"What is killing processes?", "What is pre-emption?"} <= fronts


def test_an_answer_made_of_the_terms_own_words_is_no_definition() -> None:
    note = (
        "## Reverse proxy\n"
        "* **Compression**: Compress server responses\n"
        "* **Static content**: Serve static content directly\n"
        "* **SSL termination**: Decrypt incoming requests and encrypt server responses\n"
    )
    questions = [c.question() for c in find(cards_of(note, "en"), "definition")]
    assert not any("Compression" in q or "static content" in q.lower() for q in questions)
    assert any("SSL termination" in q for q in questions)


def test_a_capitalised_plural_the_note_writes_in_lower_case_is_asked_as_one() -> None:
    note = (
        "## Securing a bucket\n"
        "- Bucket Policies\n"
        "Bucket policies define which actions are allowed or denied on a bucket.\n\n"
        "Several bucket policies may apply to one bucket.\n"
    )
    assert any(q.startswith("What are bucket policies?") for q in served(note))


def test_an_answer_that_leads_in_to_code_a_card_cannot_show_is_a_draft() -> None:
    note = (
        "### How do you send an HTTP request with telnet?\n"
        "For example:\n\n"
        "```\ntelnet example.com 80\nGET / HTTP/1.1\n```\n\n"
        "### What does tcpdump do?\n"
        "It captures the packets that pass a network interface.\n"
    )
    cards = {c.question(): c for c in find(cards_of(note, "en"), "qa")}
    assert cards["How do you send an HTTP request with telnet?"].draft
    assert not cards["What does tcpdump do?"].draft


def test_points_inside_an_answer_lean_on_their_question() -> None:
    note = (
        "<details><summary><b>Explain the responses from a firewall when scanning with nmap."
        "</b></summary><br>\n\n"
        "There might be four types of responses:\n\n"
        "- **Open port** - a service listens on the port\n"
        "- **Closed port** - nothing listens on the port\n"
        "- **Filtered** - nmap cannot tell whether the port is open\n"
        "- **Unfiltered** - nmap reaches the port but cannot tell its state\n\n"
        "A closed port is a port that answers with a reset.\n\n"
        "</details>\n"
    )
    cards = cards_of(note, "en")
    served = [c.question() for c in cards if not c.draft]
    assert served[0].startswith("Explain the responses from a firewall")
    assert not any(q.startswith(("What are the four types", "What is Filtered",
                                 "What is Unfiltered", "What is a closed port"))
                   for q in served)


def test_a_term_heading_opened_by_points_is_defined_by_them() -> None:
    note = (
        "# Auth notes\n\n"
        "### CSRF\n"
        "- unauthorized actions on behalf of the user\n"
        "- mitigated with a CSRF token\n\n"
        "### Starvation\n"
        "Starvation is when a process never receives the resource it is waiting for.\n"
    )
    cards = {c.question(): c for c in cards_of(note, "en") if not c.draft}
    assert cards["What is CSRF?"].answers()[0] == (
        "• unauthorized actions on behalf of the user\n• mitigated with a CSRF token")
    assert cards["What is Starvation?"].answers()[0].startswith(
        "when a process never receives the resource")


def test_a_case_labelled_in_an_answer_is_not_a_term() -> None:
    note = (
        "### How do stopping and terminating an instance differ?\n\n"
        "- Stopping: stopping an instance means shutting it down; its volume stays attached.\n"
        "- Terminating: terminating an instance means removing it from your account.\n"
    )
    served = [c.question() for c in cards_of(note, "en") if not c.draft]
    assert served == ["How do stopping and terminating an instance differ?"]


def test_a_lead_in_naming_strategies_lists_them() -> None:
    note = (
        "## Dealing with Deadlocks\n\n"
        "Strategies for dealing with deadlocks:\n\n"
        "1. just ignore the problem altogether\n"
        "2. prevention by negating one of the four necessary conditions\n"
        "3. detection and recovery\n"
        "4. dynamic avoidance through careful resource allocation\n\n"
        "## Sorting\n\n"
        "Need several chunks in memory. Use Divide and Conquer (out of core algorithms):\n\n"
        "* Allocate B chunks of RAM.\n* Use 1 chunk for reads.\n"
    )
    cards = cards_of(note, "en")
    members = one(cards, "members")
    assert members.question() == "What are the strategies for dealing with deadlocks? (name 4)"
    assert not members.draft


def test_opposites_are_one_word_negating_or_sharing_a_stem() -> None:
    note = (
        "## Auth\n"
        "- **stateful**: a session kept on the server, found by a cookie\n"
        "- **stateless**: a signed token the client sends with every request\n"
        "- **cache**: a store of recent answers close to the client\n"
        "- **caching**: keeping recent answers close to the client\n"
    )
    questions = [c.question() for c in find(cards_of(note, "en"), "difference")]
    assert questions == ["What is the difference between stateful and stateless?"]


def test_a_name_takes_the_article_the_note_gives_it() -> None:
    from bot.decks.generator.generate import article_in_text

    text = ("A Dockerfile is read top to bottom. Build it from a Dockerfile. "
            "Docker runs it. Docker is fast. The CSRF token and a CSRF token.")
    assert article_in_text("Dockerfile", text) == "a"
    assert article_in_text("Docker", text) is None
    assert article_in_text("CSRF", text) is None  # "a CSRF token": the article is the token's


def test_steps_are_asked_in_the_plural() -> None:
    note = ("## Steps to consume a message\n1. Poll the broker for the next batch\n"
            "2. Process each message\n3. Commit the offset after processing succeeds\n")
    assert one(cards_of(note, "en"), "process").question() == (
        "What are the steps to consume a message?")


def test_a_headings_capital_on_a_common_phrase_is_dropped_but_a_names_is_kept() -> None:
    note = (
        "# Queues\n\n"
        "### Dead letter queue\n"
        "- a queue that holds messages that could not be processed\n"
        "- lets operators inspect and replay failures\n\n"
        "### Docker engine\n"
        "- the runtime that builds and runs containers\n"
        "- installed with Docker on every host\n"
    )
    questions = [c.question() for c in cards_of(note, "en") if not c.draft]
    assert "What is a dead letter queue?" in questions
    assert any(q.startswith(("What is Docker engine?", "What is the Docker engine?"))
               for q in questions)


def test_a_mass_noun_phrase_takes_no_article() -> None:
    note = ("## Load balancer\n"
            "* **Session persistence** - issue cookies and route a client's requests to one "
            "instance\n* **Health check** - a probe that tells whether a server can serve\n")
    questions = [c.question() for c in cards_of(note, "en")]
    assert any(q.startswith("What is session persistence?") for q in questions)


def test_a_noun_named_with_what_sets_it_apart_defines_a_heading_term() -> None:
    note = ("# Virtualization\n\n## Virtual machines\n* Emulation of a real computer\n"
            "  * Can run programs like a real computer\n")
    card = one(cards_of(note, "en"), "definition")
    assert card.question() == "What are virtual machines?" and not card.draft
    assert card.answers()[0] == "Emulation of a real computer"


def test_a_lead_in_that_only_says_a_list_follows_is_left_out() -> None:
    note = ("### Can you name a few RDS engines?\n\n"
            "- Yes, few are here:\n    - Amazon Aurora\n    - PostgreSQL\n    - MySQL\n")
    card = one(cards_of(note, "en"), "qa")
    assert card.answers()[0] == "• Amazon Aurora\n• PostgreSQL\n• MySQL"


def test_a_term_defined_by_the_conditions_listed_after_it() -> None:
    note = ("## Avoidance\n\nA state is **safe** if:\n\n* the system is not deadlocked\n"
            "* some scheduling order lets every process run to completion\n")
    card = one(cards_of(note, "en"), "definition")
    assert card.question().startswith("What is a safe state?") and not card.draft
    assert card.answers()[0] == ("one that meets all of:\n• the system is not deadlocked\n"
                                 "• some scheduling order lets every process run to completion")


def test_an_answers_sentence_that_opens_on_its_marked_term_is_served_as_a_blank() -> None:
    note = (
        "## What is NAT and what is it used for?\n"
        "It lets private networks reach the Internet.\n"
        "**NAT** operates on a router, usually connecting two networks together.\n"
        "**NAT** is also an important part of firewall security.\n"
        "Hosts behind it are reached through **NAT** from outside.\n"
    )
    blanks = [c for c in cards_of(note, "en") if c.rule == "cloze"]
    served_blanks = [c.text for c in blanks if not c.draft]
    # The sentence about NAT stands alone; "also" leans on what came before, and a
    # sentence that only mentions NAT is about something else.
    assert served_blanks == [
        "{{c1::NAT}} operates on a router, usually connecting two networks together."]


def test_the_notes_answer_label_is_not_part_of_the_answer() -> None:
    note = ("### What is stale-while-revalidate?\n"
            "**A:** A Cache-Control extension that lets a cache serve a stale copy while it "
            "fetches a fresh one in the background.\n")
    answer = served(note)["What is stale-while-revalidate?"]
    assert answer.startswith("A Cache-Control extension")


def test_a_term_that_compares_two_things_is_asked_for_their_difference() -> None:
    note = ("## Key terms\n"
            "* **Throughput vs latency**\n"
            "    * throughput = share of time spent running the app\n"
            "    * latency = how long a single pause lasts\n")
    cards = served(note)
    assert list(cards) == ["What is the difference between throughput and latency?"]
    assert cards["What is the difference between throughput and latency?"] == (
        "• throughput = share of time spent running the app\n"
        "• latency = how long a single pause lasts")


def test_pros_and_cons_under_one_heading_name_its_subject() -> None:
    note = ("# Lecture 9\n\n## Pros/Cons of automatic GC\n\n"
            "Pros:\n- no use-after-free bugs\n- most leaks disappear\n\n"
            "Cons:\n- pauses hurt latency\n- extra memory is needed\n")
    assert served(note) == {
        "What are the advantages of automatic GC?": "no use-after-free bugs, most leaks disappear",
        "What are the drawbacks of automatic GC?": "pauses hurt latency, extra memory is needed",
    }


def test_how_the_question_names_a_term_by_what_kind_of_word_it_is() -> None:
    note = (
        "---\ntags: [kubernetes]\n---\n"
        "# Notes\n\nIt all runs in Kubernetes. See kubernetes.io for more.\n\n"
        "## Terms\n"
        "- **Kubernetes**: an open-source container orchestration platform\n"
        "- **etcd**: a consistent key-value store that holds all cluster state\n"
        "- **kube-scheduler**: the component that picks which node a new pod runs on\n"
        "- **GC roots**: the references a collector starts tracing from\n"
        "- **Generational hypothesis**: the observation that most objects die young\n\n"
        "## Cache-Control directives\n"
        "- **private**: only the browser may store the response, not shared caches\n"
        "- **immutable**: the body never changes while the response is fresh\n"
    )
    questions = {q.split(" (")[0] for q in served(note)}
    assert {"What is Kubernetes?", "What is etcd?", "What is kube-scheduler?",
            "What are GC roots?", "What is the generational hypothesis?",
            "What does private mean?", "What does immutable mean?"} <= questions


def test_a_part_of_a_named_pair_is_asked_with_the_pair() -> None:
    note = ("## Mark & Sweep\n"
            "1. Mark: start from the roots and mark every reachable object\n"
            "2. Sweep: walk the heap and free every object not marked\n")
    assert any(q.endswith("(Mark & Sweep)") and "Sweep?" in q for q in served(note))


def test_a_point_whose_sentence_has_a_subject_of_its_own_defines_nothing() -> None:
    note = ("## Why GC\n"
            "- C: the programmer frees memory by hand with malloc and free\n"
            "- Java: JVM frees objects automatically once they are unreachable\n")
    assert "What is Java? (Why GC)" not in served(note)


def test_another_name_is_not_asked_as_what_an_acronym_stands_for() -> None:
    note = ("## Write strategies\n"
            "- Write-Back (Write-Behind): write to the cache first and to the database "
            "later in batches\n")
    assert not any("stand for" in q for q in served(note))


def test_a_purpose_shared_by_two_commands_is_not_asked_back() -> None:
    note = ("### git reset - undo commits\n\n```bash\ngit reset --hard HEAD~1\n```\n\n"
            "### git revert - undo commits already pushed\n\n```bash\ngit revert abc\n```\n")
    questions = list(served(note))
    assert "Which command is used to undo commits already pushed?" in questions
    assert "Which command is used to undo commits?" not in questions


def test_a_table_column_named_by_a_clause_is_asked_as_a_question() -> None:
    note = ("## Service types\n\n"
            "| Type | How it works |\n|---|---|\n"
            "| ClusterIP | a virtual IP reachable only inside the cluster |\n"
            "| NodePort | opens the same port on every node of the cluster |\n")
    assert any(q.startswith("How does ClusterIP work?") for q in served(note))


def test_a_headings_answer_ends_where_the_note_asks_its_next_question() -> None:
    note = (
        "### What is the difference between a fresh and a stale response? ⭐⭐\n\n"
        "**A:** A cached response is fresh while its age is below its freshness lifetime, "
        "and stale once its age passes that lifetime.\n\n"
        "**Q:** What does no-store mean?\n\n"
        "**A:** The response must not be stored anywhere.\n"
    )
    cards = served(note)
    assert cards["What is the difference between a fresh and a stale response?"] == (
        "A cached response is fresh while its age is below its freshness lifetime, "
        "and stale once its age passes that lifetime.")
    assert cards["What does no-store mean?"] == "The response must not be stored anywhere."


def test_a_labelled_procedure_is_asked_for_its_steps_all_of_them() -> None:
    note = ("## Procedure: deploy an app\n\n"
            "1. Write a Deployment manifest (see YAML below) declaring the image.\n"
            "2. Apply it with kubectl apply\n"
            "3. Check the rollout status\n")
    assert served(note) == {"What are the steps to deploy an app?": (
        "1) Write a Deployment manifest declaring the image\n"
        "2) Apply it with kubectl apply\n"
        "3) Check the rollout status")}


def test_a_process_missing_a_step_waits_for_an_editor() -> None:
    note = ("## Procedure: restore a backup\n\n"
            "1. Stop the service\n"
            "2. ![diagram](restore.png)\n"
            "3. Start the service again\n")
    assert not any(c.rule == "process" and not c.draft for c in cards_of(note, "en"))


def test_a_label_before_a_question_leaves_it_and_an_answer_about_hidden_code_waits() -> None:
    note = ("## Example — when does an object become garbage?\n\n"
            "```java\nUser u = new User();\nu = null;\n```\n"
            "- eligible is not the same as collected now\n")
    card = one(cards_of(note, "en"), "qa")
    assert (card.question(), card.draft) == ("When does an object become garbage?", True)


def test_a_sections_opening_sentence_about_its_term_blanks_the_term() -> None:
    note = ("## Load balancing\n\n### Layer 4 load balancing\n\n"
            "Layer 4 load balancers look at the transport layer to decide how to distribute "
            "requests.\n")
    blanks = [c.text for c in cards_of(note, "en") if c.rule == "cloze" and not c.draft]
    assert blanks == ["{{c1::Layer 4 load balancers}} look at the transport layer to decide "
                      "how to distribute requests."]


def test_a_generic_noun_after_a_name_is_a_term_but_not_after_a_qualifier() -> None:
    note = ("## Docker\n\n"
            "* **Docker Image**\n  * Read-only template built from a set of instructions\n"
            "* **Dockerfile**\n  * Configuration file of instructions to build an image\n\n"
            "## Exam tips\n- read the question twice before you answer it\n"
            "- skip what you cannot answer and come back to it later\n")
    questions = [q.split(" (")[0] for q in served(note)]
    assert "What is the Docker Image?" in questions
    assert not any("tips" in q for q in questions)


def test_wording_and_guards_found_on_fresh_notes() -> None:
    note = ("# Java Garbage Collection\n\n"
            "## Key terms\n"
            "- **GC (Garbage Collection)**\n"
            "    - automatic reclamation of heap memory no longer in use\n"
            "- **Cluster** - a set of machines managed together; the cluster runs pods\n\n"
            "## Collectors\n"
            "- Serial GC — a single-threaded collector for small heaps\n"
            "- G1 — default since Java 9\n\n"
            "## Tips\n"
            "`kubectl explain deployment.spec` is much faster than searching the docs.\n")
    cards = {c.question().split(" (")[0]: c for c in cards_of(note, "en")}
    assert cards["What does GC stand for?"].draft  # the deck's title spells it out
    assert not cards["What is a cluster?"].draft
    assert cards["What is G1?"].draft
    assert all(c.draft for c in cards.values() if c.rule == "cloze")


def test_labelled_points_under_a_heading_are_its_properties() -> None:
    note = ("## SQL Injection (SQLi)\n\n"
            "- Cause:\n"
            "  - user input concatenated directly into a SQL query string\n"
            "  - the database cannot tell data apart from code\n"
            "- Impact:\n  - read, modify or delete arbitrary data\n"
            "- Prevention:\n"
            "  - parameterized queries / prepared statements\n"
            "  - input validation with an allow-list\n\n"
            "## Security Misconfiguration\n"
            "- default credentials and verbose error messages left on\n"
            "- Prevention: a hardening checklist and automated config scanning\n")
    cards = served(note)
    assert cards["What causes SQL Injection?"] == (
        "• user input concatenated directly into a SQL query string\n"
        "• the database cannot tell data apart from code")
    assert cards["What is the impact of SQL Injection?"] == "read, modify or delete arbitrary data"
    assert cards["How is SQL Injection prevented?"].startswith("• parameterized queries")
    assert cards["How is Security Misconfiguration prevented?"] == (
        "a hardening checklist and automated config scanning")


def test_table_cells_are_asked_by_what_their_column_holds() -> None:
    note = ("## Sorting algorithms\n\n"
            "| Algorithm | Best | Worst | Extra space | Stable? |\n|---|---|---|---|---|\n"
            "| Bubble sort | O(n) | O(n^2) | O(1) | Yes |\n"
            "| Quick sort | O(n log n) | O(n^2) | O(log n) | No |\n\n"
            "## Data structures\n\n"
            "| Structure | Access | Search |\n|---|---|---|\n"
            "| Linked list | O(n) | O(n) |\n| Hash table | - | O(1) avg, O(n) worst |\n")
    questions = {q.split(" (")[0]: a for q, a in served(note).items()}
    assert questions["What is the worst-case time complexity of quick sort?"] == "O(n^2)"
    assert questions["What is the extra space complexity of bubble sort?"] == "O(1)"
    assert questions["Is quick sort stable?"] == "No"
    assert questions["What is the time complexity of search in a hash table?"] == (
        "O(1) avg, O(n) worst")


def test_more_wording_found_on_fresh_notes() -> None:
    note = ("# Security notes\n\n## Basics\n"
            "- Defense in depth: using several independent layers of security controls\n\n"
            "## SQL Injection (SQLi)\n"
            "- Cause: user input concatenated directly into a SQL query string\n\n"
            "## useRef\n"
            "`useRef` returns a mutable object that survives re-renders.\n"
            "The value lives in `ref.current` and changing it does not re-render.\n\n"
            "## Common mistakes\n"
            "- Mutating state directly (`state.items.push(x)`) instead of making a new array\n")
    cards = {c.question(): c for c in cards_of(note, "en")}
    assert "What is defense in depth?" in cards
    assert "What does SQLi stand for?" not in cards  # "SQL Injection" repeats its letters
    assert "What are common mistakes?" not in cards
    blanks = {c.text: c.draft for c in cards.values() if c.rule == "cloze"}
    assert blanks["The value lives in {{c1::ref.current}} and changing it does not re-render."]
    assert blanks["Mutating state directly ({{c1::state.items.push(x)}}) instead of making a "
                  "new array"]


def test_a_sections_own_brackets_are_left_out_of_the_context_a_question_shows() -> None:
    note = ("## Graphs (V vertices, E edges)\n\n"
            "| Representation | Space | Edge check |\n|---|---|---|\n"
            "| Adjacency matrix | O(V^2) | O(1) |\n| Adjacency list | O(V + E) | O(deg(u)) |\n")
    assert "What is the space complexity of an adjacency matrix? (Graphs)" in served(note)


def test_a_blank_is_never_put_inside_another_and_code_keeps_its_case() -> None:
    note = ("## useMemo vs useCallback\n\n"
            "`useMemo(`**fn**`, deps)` calls fn and caches its **return value**.\n"
            "So `useCallback(fn, deps)` is the same as `useMemo(fn2, deps)`.\n")
    texts = [c.text for c in cards_of(note, "en") if c.rule == "cloze"]
    assert texts and all(t.count("{{") == t.count("}}") for t in texts)
    assert not any("{{c1::" in t.split("}}")[0].split("{{c1::", 1)[1] for t in texts)
    assert any(t.startswith("{{c1::useCallback(fn, deps)}}") for t in texts)


def test_more_wording_found_on_fresh_notes_a_difference_is_no_term() -> None:
    note = ("## useMemo and useCallback\n\n"
            "Both cache something between renders.\n"
            "The difference is what gets cached: a value or the function itself.\n")
    assert not any(c.question().startswith("What is difference") for c in cards_of(note, "en"))


def test_lecture_notes_name_their_terms_without_the_course_or_the_note_around_them() -> None:
    note = ("# CS 3510 – Computer Networks\n## Lecture 14: TCP Congestion Control\n\n"
            "### Key variables\n\n"
            "- **cwnd** (congestion window) is defined as the sender-side limit on how many "
            "bytes may be in flight at once\n"
            "- **Slow start**: the phase in which cwnd starts small and doubles every round trip\n"
            "- Per ACK: cwnd = cwnd + MSS * (MSS / cwnd)\n\n"
            "TODO: write part 2 on `git gc` and the reflog later.\n\n"
            "Use `threading.Lock` for shared mutable state between the threads.\n")
    cards = served(note)
    assert cards["What is cwnd?"] == ("the sender-side limit on how many bytes may be in flight "
                                     "at once")
    assert "What is slow start?" in cards
    assert not any("Per ACK" in q or "CS 3510" in q or "Key variables" in q for q in cards)
    assert not any("TODO" in q or "threading.Lock" in q for q in cards)


def test_a_tables_example_and_remarks_columns_are_not_asked() -> None:
    note = ("## Files\n\n| Command | What it does | Example | Notes |\n|---|---|---|---|\n"
            "| chmod | changes a file's permission bits | chmod 755 run.sh | octal or symbolic |\n"
            "| chown | changes a file's owner and group | chown me:staff a.txt | needs root |\n")
    questions = list(served(note))
    assert not any("example" in q.lower() or "notes" in q.lower() for q in questions)


def test_an_faqs_question_and_answer_on_the_lines_of_one_paragraph() -> None:
    note = ("# Python GIL FAQ\n\n### When does it matter?\n\n"
            "Q. Does the GIL make my code thread-safe?  \n"
            "A. No! The GIL protects the interpreter's internals, not your program's logic.\n\n"
            "Q. And I/O-bound code?  \n"
            "A. Mostly fine. A thread releases the GIL while it waits on I/O.\n\n"
            "Q. Can you explain it briefly?  \n"
            "A. Yes, I can do that.\n")
    cards = {c.question(): c for c in cards_of(note, "en") if c.rule == "qa"}
    assert set(cards) == {"Does the GIL make my code thread-safe?", "And I/O-bound code?",
                          "Can you explain it briefly?"}
    assert cards["Does the GIL make my code thread-safe?"].answers()[0] == (
        "No! The GIL protects the interpreter's internals, not your program's logic.")
    assert not cards["Does the GIL make my code thread-safe?"].draft
    assert cards["And I/O-bound code?"].draft  # leans on the question before it
    assert cards["Can you explain it briefly?"].draft


def test_a_table_row_is_named_as_a_sentence_names_it() -> None:
    note = ("## Data structures\n\n| Structure | Search | Insert |\n|---|---|---|\n"
            "| Balanced BST (AVL, red-black) | O(log n) | O(log n) |\n"
            "| Stack / Queue | O(n) | O(1) |\n| Hash table | O(1) | O(1) |\n\n"
            "## Generational hypothesis\n- most objects die young\n"
            "- e.g. temporary strings inside one request\n")
    questions = [q.split(" (")[0] for q in served(note)]
    assert "What is the time complexity of search in a balanced BST?" in questions
    assert "What is the time complexity of insert in a stack / queue?" in questions
    assert "What is the time complexity of search in a hash table?" in questions


def test_a_notes_title_asked_as_a_question_introduces_rather_than_answers() -> None:
    title = ("# What's Actually Inside .git?\n\n"
             "I used Git for years without knowing what a commit does on disk.\n\n"
             "## Objects\nGit stores content as **blobs** addressed by their hash.\n")
    asked = ("# What is a blob?\nA blob holds the bytes of one file's content.\n\n"
             "# What is a tree?\nA tree lists the blobs and trees of one directory.\n")
    assert one(cards_of(title, "en"), "qa").draft
    assert not any(c.draft for c in cards_of(asked, "en") if c.rule == "qa")


def test_names_of_one_kind_among_points_are_terms_described_by_their_points() -> None:
    note = ("## Virtual Machines\n"
            "* VM runs on top of a **hypervisor**\n"
            "  * Software, firmware, or hardware a VM runs on top of\n"
            "  * Hosted hypervisor\n"
            "    * Runs on top of the host operating system\n"
            "  * Bare metal hypervisor\n"
            "    * Installed and run on the host machine's hardware\n")
    questions = [q.split(" (")[0] for q in served(note)]
    assert "What is a hosted hypervisor?" in questions
    assert "What is a bare metal hypervisor?" in questions


def test_labels_and_columns_found_on_batch_four() -> None:
    note = ("## Circuit Breaker\n\n"
            "**Trade-offs:** you must tune thresholds and timeouts and pick fallbacks.\n\n"
            "## Comparison with GC languages\n\nGC pros:\n- no manual freeing\n"
            "- simpler code\n\n"
            "## Join types\n\n| Join | Returns |\n|---|---|\n"
            "| INNER JOIN | only rows with a match in both tables |\n"
            "| CROSS JOIN | every combination of rows |\n")
    questions = [q.split(" (")[0] for q in served(note)]
    assert "What are the drawbacks of Circuit Breaker?" in questions
    assert "What are the advantages of GC?" in questions
    assert "What does INNER JOIN return?" in questions


def test_a_labels_value_runs_to_the_end_of_its_paragraph() -> None:
    note = ("## Saga\n\n"
            "**Trade-offs:** You lose isolation, so other requests see intermediate states. "
            "Compensations must be idempotent because they may run twice.\n")
    assert served(note)["What are the drawbacks of Saga?"] == (
        "You lose isolation, so other requests see intermediate states. Compensations must be "
        "idempotent because they may run twice")


def test_a_row_of_a_two_way_comparison_table_asks_how_the_two_differ() -> None:
    note = ("## Paxos vs Raft\n\n| | Paxos | Raft |\n|---|---|---|\n"
            "| Leader | optional | strong leader is required |\n"
            "| Used in | Chubby, Spanner | etcd, Consul |\n")
    cards = served(note)
    assert cards["How do Paxos and Raft differ in leader?"] == (
        "Paxos: optional\nRaft: strong leader is required")
    assert "How do Paxos and Raft differ in where they are used?" in cards


def test_a_table_whose_rows_are_numbered_is_asked_by_their_names() -> None:
    note = ("## The OSI model\n\n| Layer | Name | Example protocols | PDU |\n|---|---|---|---|\n"
            "| 4 | Transport | TCP, UDP | Segment |\n| 3 | Network | IP, ICMP | Packet |\n"
            "| 2 | Data Link | Ethernet, ARP | Frame |\n")
    questions = {q.split(" (")[0]: a for q, a in served(note).items()}
    assert questions["What number is the Transport layer?"] == "4"
    assert questions["What are the example protocols of the Network layer?"] == "IP, ICMP"


def test_a_generic_types_name_is_a_term_and_no_markup() -> None:
    note = ("## Utility types\n\n"
            "* `Partial<T>` – makes all properties of `T` optional\n"
            "* `Pick<T, K>` – builds a new type with only the keys `K` taken from `T`\n")
    cards = {q.split(" (")[0]: a for q, a in served(note).items()}
    assert cards["What is Partial<T>?"] == "makes all properties of T optional"
    assert "What is Pick<T, K>?" in cards


def test_a_bold_first_letter_of_a_two_word_name_keeps_both_words() -> None:
    note = ("## CAP\n\nYou cannot have strong consistency and availability in a partition.\n\n"
            "* **C**onsistency — every read sees the most recent write\n"
            "* **P**artition tolerance — the system keeps working despite lost messages\n")
    questions = [q.split(" (")[0] for q in served(note)]
    assert "What is consistency?" in questions
    assert "What is partition tolerance?" in questions


def test_batch_six_labels_columns_and_contexts() -> None:
    note = ("**Q1. What is cache-aside?**\n\n"
            "Cache-aside means the application owns the cache logic.\n"
            "- Pros:\n  - only requested data is cached\n"
            "- **Pro:** very low write latency for repeated updates\n\n"
            "## Eviction\n\n| Policy | Evicts | Weakness |\n|---|---|---|\n"
            "| LRU (Least Recently Used) | the entry not used for the longest time | scans |\n"
            "| FIFO (First In, First Out) | the oldest inserted entry | ignores access |\n\n"
            "## States\n\nA process moves between these states:\n"
            "- **Ready**: waiting for a CPU to run on\n- **Blocked**: waiting for an event\n\n"
            "## Signals\nEvery signal has a number.\n\n"
            "- **Signal**: a small asynchronous notification sent to a process\n")
    questions = [q.split(" (")[0] if "(process" not in q else q for q in served(note)]
    assert not any(q.startswith(("What is Pros", "What is Pro?")) for q in questions)
    assert "What does LRU evict?" in questions
    assert not any("these" in q for q in questions)
    assert "What is a signal?" in questions


def test_a_point_that_opens_on_a_gerund_is_no_blank_to_serve() -> None:
    note = ("## Common mistakes\n"
            "- Using the **implicit grant** for new single-page apps in 2023.\n"
            "- Requesting way more **scopes** than you need.\n")
    assert not any(c.rule == "cloze" and not c.draft for c in cards_of(note, "en"))


def test_the_names_in_a_list_of_states_are_asked_as_states() -> None:
    note = ("## Process states\n\nA process moves between these states:\n"
            "- **new**: being created; the kernel is setting up its PCB\n"
            "- **running**: instructions currently executing on a CPU\n"
            "- **terminated**: finished, waiting for its parent to collect its exit status\n")
    questions = [q.split(" (")[0] for q in served(note)]
    assert {"What is the new state?", "What is the running state?",
            "What is the terminated state?"} <= set(questions)


def test_a_statement_with_a_question_mark_and_a_labelled_follow_up() -> None:
    note = ("**Q4. Eviction**\n\n"
            "When the cache is full, an eviction policy decides what to throw out.\n\n"
            "If a key is hot, many requests miss at once?\n\n"
            "(follow-up) What would you monitor in production?\n\n"
            "- hit ratio, eviction rate and memory use\n")
    questions = [c.question() for c in cards_of(note, "en") if c.rule == "qa"]
    assert "What would you monitor in production?" in questions
    assert not any(q.startswith("When the cache is full") for q in questions)


def test_a_definition_lists_first_sentence_runs_past_an_abbreviation_in_brackets() -> None:
    note = ("## Anomalies\n\n**Phantom read**\n"
            ": T1 runs the same range query twice (e.g. `WHERE amount > 100`) and gets a "
            "different set of rows. T2 inserted rows in between.\n")
    cards = {q.split(" (")[0]: a for q, a in served(note).items()}
    assert cards["What is a phantom read?"] == (
        "T1 runs the same range query twice (e.g. WHERE amount > 100) and gets a different "
        "set of rows")


def test_a_section_opening_on_its_problem_names_a_remedy() -> None:
    note = (
        "## Bulkhead\n\n"
        "**Problem:** One slow dependency uses up every worker. The other calls queue "
        "behind it and time out.\n\n"
        "**Solution:** Give each dependency its own small pool. A full pool rejects at "
        "once instead of waiting.\n\n"
        "## Caching\n\n"
        "Caching keeps a copy of hot data close to the reader.\n\n"
        "**Problem:** the copy goes stale.\n\n**Solution:** expire it after a TTL.\n"
    )
    cards = served(note)
    assert cards["What problem does Bulkhead solve?"] == (
        "One slow dependency uses up every worker. The other calls queue behind it and "
        "time out.")
    assert cards["How does Bulkhead work?"] == (
        "Give each dependency its own small pool. A full pool rejects at once instead of "
        "waiting.")
    # Described first, caching's problem is a flaw of it, and the solution that flaw's fix.
    assert cards["What is the problem with Caching?"] == "the copy goes stale"
    assert "How is Caching solved?" in cards


def test_a_labels_value_stops_before_a_sentence_that_opens_a_list() -> None:
    note = (
        "## Cache stampede\n\n"
        "**Solution:** Let one request refill an expired key. It works in two steps:\n\n"
        "1. take a lock on the key\n2. refill it and release the lock\n"
    )
    assert served(note)["How is a cache stampede solved?"] \
        == "Let one request refill an expired key"


def test_articles_follow_the_nouns_the_note_counts() -> None:
    note = (
        "## Core objects\n\n"
        "**StatefulSet** - runs pods that keep a stable name and volume. "
        "Most teams run a few StatefulSets for their databases.\n\n"
        "**Ingress** - routes outside traffic to services.\n\n"
        "## Index kinds\n\n"
        "### Covering index\n\n"
        "Pros: answers a query from the index alone.\n\n"
        "Cons: takes more space.\n\n"
        "## Components\n\n"
        "### Request Router\n\n"
        "Cons: every request passes through it, so a router outage stops all traffic.\n"
    )
    cards = served(note)
    assert "What is a StatefulSet? (Core objects)" in cards  # "StatefulSets": counted
    assert "What is Ingress? (Core objects)" in cards  # never counted: a name
    assert "What are the advantages of a covering index?" in cards
    assert "What are the drawbacks of the Request Router?" in cards


def test_growth_rates_are_distinct_choices_and_no_stranger_is_one() -> None:
    note = (
        "## Searching\n\n"
        "| Method | Average |\n|---|---|\n"
        "| Linear scan | O(n) |\n| Binary search | O(log n) |\n| Hash lookup | O(1) |\n"
        "| Bucket walk | O(b·(n + m)) |\n"
    )
    cards = {c.question(): c for c in cards_of(note, "en")}
    scan = cards["What is the average-case time complexity of a linear scan? (Searching)"]
    # "O(n)" and "O(1)" are two choices (not one "O"), and "O(b·(n + m))" brings letters
    # the others never use.
    assert scan.answer == "O(n)"
    assert set(scan.choices) == {"O(n)", "O(log n)", "O(1)"}


def test_a_table_cell_says_what_its_row_is_and_keeps_its_reason() -> None:
    note = (
        "## Grants\n\n"
        "| Grant | Use case |\n|---|---|\n"
        "| Client credentials | Services calling services |\n"
        "| Device code | TVs without a keyboard |\n\n"
        "## Runtimes\n\n"
        "| | `green threads` | `processes` | `fibers` |\n|---|---|---|---|\n"
        "| Blocked by the lock? | yes (one at a time) | no — each has its own lock | yes |\n"
        "| Scheduling | cooperative | preemptive | cooperative |\n"
        "| Shares memory? | reads it through the parent | copies it | yes |\n"
    )
    cards = {c.question(): c for c in cards_of(note, "en")}
    assert cards["What is a client credentials grant used for? (Grants)"].answers() == [
        "Services calling services"]
    assert cards["Are processes blocked by the lock? (Runtimes)"].answers()[0] \
        == "No — each has its own lock"
    assert cards["Are green threads blocked by the lock? (Runtimes)"].answers()[0] \
        == "Yes (one at a time)"
    assert cards["How do processes handle scheduling? (Runtimes)"].answers()[0] == "preemptive"
    # A yes/no question whose cell says neither is shown as written, for an editor.
    assert cards["Do fibers share memory? (Runtimes)"].answers() == ["Yes"]
    shown = cards["Do processes share memory? (Runtimes)"]
    assert shown.draft and shown.answers() == ["copies it"]


def test_a_column_named_by_an_action_is_asked_as_the_doing() -> None:
    note = (
        "## Lists\n\n"
        "| Structure | Find min | Insert |\n|---|---|---|\n"
        "| Sorted array | O(1) | O(n) |\n| Skip list | O(1) | O(log n) |\n"
    )
    cards = {c.question() for c in cards_of(note, "en")}
    assert "What is the time complexity of finding min in a sorted array? (Lists)" in cards
    assert "What is the time complexity of insert in a skip list? (Lists)" in cards


def test_a_member_of_phases_is_a_phase_and_a_labelled_pros_list_is_pros() -> None:
    note = (
        "## Stages\n\n"
        "- **Parse**: the source is read into a syntax tree.\n"
        "- **Lower**: the tree is rewritten into simpler instructions.\n\n"
        "## Trade-offs\n\n"
        "- **Tracing pros**: finds cycles, no counters to update.\n"
        "- **Counting cons**: cycles leak unless a cycle collector runs.\n"
    )
    cards = served(note)
    assert cards["What is the parse stage?"] == "the source is read into a syntax tree"
    assert "What is the lower stage?" in cards
    assert cards["What are the advantages of Tracing?"] \
        == "finds cycles, no counters to update"
    assert "What are the drawbacks of Counting?" in cards


def test_pros_of_a_pros_and_cons_heading_name_its_subject() -> None:
    note = (
        "## Pros and cons of pair programming\n\n"
        "Pros:\n- review happens while the code is written\n- knowledge spreads\n\n"
        "Cons:\n- two people's time\n- a bad match tires both\n"
    )
    questions = {c.question() for c in cards_of(note, "en") if not c.draft}
    assert "What are the advantages of pair programming?" in questions
    assert "What are the drawbacks of pair programming?" in questions


def test_a_pair_of_kinds_of_one_thing_is_also_asked_for_their_difference() -> None:
    note = (
        "## Locks\n\n"
        "- **Shared lock**: many readers may hold it at once\n"
        "- **Exclusive lock**: one writer holds it, nobody else\n\n"
        "## Segments\n\n"
        "- **Code segment**: the program's instructions\n"
        "- **Data segment**: globals\n"
        "- **Stack segment**: frames of calls\n"
    )
    cards = served(note)
    assert cards["What is the difference between Shared lock and Exclusive lock?"] == (
        "Shared lock: many readers may hold it at once\n"
        "Exclusive lock: one writer holds it, nobody else")
    # Three kinds are a list of kinds, not a pair to tell apart.
    assert not any(q.startswith("What is the difference") and "segment" in q for q in cards)


def test_when_to_use_lists_the_cases_of_its_sections_subject() -> None:
    note = (
        "## Rate limiter\n\nA rate limiter caps how many requests a client may send.\n\n"
        "When to use:\n- public APIs open to any client\n- logins, against guessing\n"
    )
    assert served(note)["When is a rate limiter used?"] \
        == "• public APIs open to any client\n• logins, against guessing"


def test_bullets_under_a_flow_heading_are_its_steps_but_not_under_a_name() -> None:
    note = (
        "## Password reset\n\nWhat happens on a password reset.\n\n### Flow\n"
        "- user asks for a reset link\n- server mails a one-time token\n"
        "- user opens the link and sets a new password\n\n"
        "## Git Flow\n\n"
        "- many long-lived branches to keep in sync\n- releases wait for a release branch\n"
        "- hotfixes merge into two branches\n"
    )
    cards = served(note)
    assert cards["What is the flow of a password reset?"] == (
        "1) user asks for a reset link\n2) server mails a one-time token\n"
        "3) user opens the link and sets a new password")
    assert not any("Git Flow" in q for q in cards if "flow of" in q or "steps" in q)


def test_a_types_label_over_a_list_names_the_subjects_kinds() -> None:
    note = (
        "## Phishing\n\n"
        "- Cause: people trust a message that looks familiar\n"
        "- Types:\n"
        "  * Spear phishing — aimed at one chosen person\n"
        "  * Whaling — aimed at an executive\n"
        "  * Smishing — sent by text message\n"
        "- Prevention: report and verify through a second channel\n\n"
        "## Malware\n\nSoftware written to harm.\n\n"
        "- Types:\n  * Worm — spreads by itself\n  * Trojan — hides inside wanted software\n"
    )
    cards = served(note)
    assert cards["What are the types of phishing? (name 3)"] \
        == "Spear phishing, Whaling, Smishing"
    assert cards["What is Whaling? (Phishing)"] == "aimed at an executive"
    assert "What causes phishing?" in cards
    assert cards["What are the types of Malware? (name 2)"] == "Worm, Trojan"
    assert cards["What is Trojan? (Malware)"] == "hides inside wanted software"


def test_a_blank_under_a_named_section_is_asked_with_the_name() -> None:
    note = (
        "## Raft\n\nA consensus protocol.\n\n"
        "Time is divided into **terms**, numbered one after another.\n\n"
        "## Clustered\n\n"
        "A table has only one **클러스터 형** index.\n"
    )
    clozes = {c.text: c.draft for c in cards_of(note, "en") if c.type == "cloze"}
    # The sentence has a topic of its own ("Time"), but not the one it is about.
    assert clozes["Raft: Time is divided into {{c1::terms}}, numbered one after another."] \
        is False
    # A Korean blank under a Latin name may be the name translated: no name given.
    assert "A table has only one {{c1::클러스터 형}} index." in clozes


def test_a_copied_question_gets_the_article_before_difference() -> None:
    note = "### Explain difference between a mutex and a semaphore\n\nA mutex has an owner.\n"
    assert served(note) == {
        "Explain the difference between a mutex and a semaphore.": "A mutex has an owner."}


def test_a_table_of_cases_per_operation_asks_each_operation() -> None:
    note = (
        "## Costs\n\n"
        "| Operation | Average | Worst | Notes |\n|---|---|---|---|\n"
        "| Lookup | O(1) | O(n) | worst when every key collides |\n"
        "| Insert | O(1) | O(n) | includes a resize |\n"
        "| Space | O(n) | O(n) | |\n"
    )
    questions = {c.question() for c in cards_of(note, "en") if not c.draft}
    assert "What is the worst-case time complexity of insert? (Costs)" in questions
    assert "What is the average-case space complexity? (Costs)" in questions
    assert not any("Notes" in q or "of Average" in q for q in questions)


def test_adjectives_recipes_versus_labels_and_odds_and_ends() -> None:
    note = (
        "## Methods\n\n"
        "- **safe** = changes nothing on the server\n"
        "- **idempotent** = repeating it leaves the same state\n\n"
        "PUT is idempotent, POST is not.\n\n"
        "**404 vs 410** — 404 says it may come back, 410 says it is gone for good.\n\n"
        "## Patterns\n\n"
        "- **Dedup**: hash → keep a seen set\n\n"
        "## Misc. things to not forget\n\n"
        "- keep request ids in every log line\n"
    )
    cards = served(note)
    assert cards["What does idempotent mean? (Methods)"] \
        == "repeating it leaves the same state"
    assert cards["What is the difference between 404 and 410?"].startswith("404 says")
    assert not any("Dedup" in q or "things to not forget" in q for q in cards)


def test_a_wrapped_label_line_and_a_question_of_an_unnamed_group() -> None:
    note = (
        "## Replay attacks\n\n"
        "**Q:** What are the two main types?\n"
        "**A:** Same-session replays and cross-session replays.\n\n"
        "- **Nonce** (number used once): the server remembers a random,\n"
        "  single-use value and refuses it the second time.\n"
        "- **Timestamp**: the server refuses a request older than a minute.\n"
    )
    cards = served(note)
    assert cards["What are the two main types of Replay attacks?"] \
        == "Same-session replays and cross-session replays."
    assert cards["What is Nonce? (Replay attacks)"] \
        == "the server remembers a random, single-use value and refuses it the second time"


def test_a_group_heading_drops_its_aside_and_an_addition_keeps_the_list_whole() -> None:
    note = (
        "## API design\n\nMaturity levels, for the interview question:\n\n"
        "- M0 — one endpoint for everything\n"
        "- M1 — one address per resource\n"
        "- M2 — + proper verbs and status codes\n"
    )
    cards = served(note)
    # Names that only count ("M0, M1, M2") ask nothing: the list waits for an editor,
    # with all three.
    listed = one(cards_of(note, "en"), "members")
    assert listed.draft and listed.answers() == ["M0, M1, M2"]
    assert listed.question() == "What are the maturity levels? (name 3)"
    assert "What is M0? (Maturity levels)" in cards
    assert not any(a.startswith("+") for a in cards.values())


def test_ways_of_an_activity_versus_sentences_and_a_negated_property() -> None:
    note = (
        "## Sharding\n\n"
        "- **Range**: keys split into contiguous ranges, one per shard\n"
        "- **Hash**: a hash of the key picks the shard\n\n"
        "## Reads\n\n"
        "- **stale** = doesn't reflect the latest committed write\n\n"
        "Replica vs primary is the one I always forget: a replica may lag, a primary "
        "never does.\n"
    )
    cards = served(note)
    assert cards["What is range sharding?"] == "keys split into contiguous ranges, one per shard"
    assert cards["What does stale mean? (Reads)"] == "doesn't reflect the latest committed write"
    # "X vs Y is …": a difference (a draft here, the sentence being about the author)
    compared = [c for c in cards_of(note, "en") if c.rule == "difference"]
    assert [c.question() for c in compared] == [
        "What is the difference between Replica and primary?"]


def test_space_is_asked_once_when_its_cases_agree() -> None:
    note = (
        "## Costs\n\n"
        "| Operation | Average | Worst |\n|---|---|---|\n"
        "| Lookup | O(1) | O(n) |\n| Space | O(n) | O(n) |\n"
    )
    cards = {c.question(): c for c in cards_of(note, "en")}
    assert "What is the average-case space complexity? (Costs)" in cards
    assert "What is the worst-case space complexity? (Costs)" not in cards
    assert cards["What is the worst-case time complexity of lookup? (Costs)"].answers() == ["O(n)"]


def test_operations_of_a_structure_and_points_under_advice_headings() -> None:
    note = (
        "## Skip list\n\nA sorted list with express lanes.\n\n"
        "- **search**: start at the top lane and drop down when the next key is bigger\n"
        "- **delete**: unlink the node from every lane it is in\n\n"
        "## Interview pitfalls\n\n"
        "- **Go**: maps are not safe for concurrent writes, use a mutex\n"
    )
    cards = served(note)
    assert cards["How does delete work in a skip list?"] \
        == "unlink the node from every lane it is in"
    assert "What is Go?" not in cards  # advice, not what Go is


def test_batch_nine_table_and_label_shapes() -> None:
    note = (
        "## Comparison table\n\n"
        "| Strategy | Downtime? | Rollback speed | Risk |\n|---|---|---|---|\n"
        "| Recreate | Yes | Slow | every user at once |\n"
        "| Rolling | No | Medium | some users for a while |\n"
        "| Canary | No | Fast | a small slice of users |\n\n"
        "## Eviction\n\n"
        "- **Problem 2**: the hot set is bigger than memory\n"
        "- **Clock**: a circular pass that clears reference bits\n"
    )
    cards = served(note)
    assert cards["Does a recreate strategy have downtime?"] == "Yes"
    assert cards["What is the rollback speed of a canary strategy?"] == "Fast"
    assert not any("(Comparison table)" in q for q in cards)
    assert not any("Problem 2" in q for q in cards)


def test_an_faq_section_asks_its_details_and_a_yes_no_answer_says_no_first() -> None:
    note = ("# CORS\n\n## FAQ (mostly questions I asked myself)\n\n"
            "<details>\n<summary>Does CORS protect my API from other servers?</summary>\n\n"
            "No. CORS is enforced by browsers only; anyone with curl can still call it.\n"
            "</details>\n")
    assert served(note) == {"Does CORS protect my API from other servers?":
                            "No. CORS is enforced by browsers only; anyone with curl can "
                            "still call it."}


def test_a_principle_is_what_it_states_and_why_it_matters() -> None:
    note = ("# SOLID cheatsheet\n\n## S — Single Responsibility Principle (SRP)\n\n"
            "A class should have **one reason to change**.\n\n"
            "**Why:** changing the PDF layout shouldn't break tax calculation.\n\n"
            "## O — Open/Closed Principle (OCP)\n\nOpen for **extension**, closed for "
            "**modification**.\n")
    cards = served(note)
    assert cards["What is the Single Responsibility Principle?"] == \
        "A class should have one reason to change"
    assert cards["What is the Open/Closed Principle?"] == \
        "Open for extension, closed for modification"
    assert cards["Why does the Single Responsibility Principle matter?"] == \
        "changing the PDF layout shouldn't break tax calculation"
    assert not any("Why?" in q or "What is Why" in q or "S —" in q for q in cards)


def test_lower_case_columns_beside_named_rows_are_the_rows_attributes() -> None:
    note = ("# SOLID\n\n## Quick recall\n\n| | one-liner | smell when violated |\n|---|---|---|\n"
            "| SRP | one reason to change | god class |\n"
            "| OCP | extend, don't modify | growing switch on type |\n"
            "| LSP | subclass is drop-in | overrides that throw |\n")
    cards = served(note)
    assert cards["What is the one-liner of SRP?"] == "one reason to change"
    assert cards["For OCP, what is the smell when violated?"] == "growing switch on type"
    assert not any(q.startswith("How do") for q in cards)


def test_a_group_named_by_its_count_is_named_by_its_section() -> None:
    note = ("# Queues\n\n## Delivery guarantees\n\nThree levels:\n"
            "- **At-most-once** — may be lost, never duplicated\n"
            "- **At-least-once** — never lost, may be delivered twice\n"
            "- **Exactly-once** — each message processed once\n")
    cards = served(note)
    assert cards["What are the three levels of delivery guarantees? (name 3)"] == \
        "At-most-once, At-least-once, Exactly-once"
    assert "What is at-most-once? (Delivery guarantees)" in cards  # a manner: no article


def test_how_a_named_product_handles_an_activity_and_other_queue_wording() -> None:
    note = ("# Queues\n\nRabbitMQ and Kafka both keep order, in a way.\n\n"
            "## Delivery\n\nMost systems use **idempotent consumers**.\n"
            "- **idempotent** = processing the same message twice has the same effect as once\n"
            "- common trick: give each message a unique ID and skip it if seen\n\n"
            "At-least-once consumer flow (the order matters!):\n"
            "1. Receive the message\n2. Check its ID\n3. Do the work\n4. Ack it\n\n"
            "## Dead letter queues (DLQ)\n\nA **dead letter queue** is a queue where "
            "messages go when they can't be processed.\n\n"
            "## Ordering\n\n- **Kafka**: order is kept only within a partition\n"
            "- **RabbitMQ**: FIFO within a queue, unless consumers compete\n")
    cards = served(note)
    assert cards["How does Kafka handle ordering?"] == "order is kept only within a partition"
    assert "How does RabbitMQ handle ordering?" in cards
    assert cards["What does DLQ stand for?"] == "Dead letter queue"
    assert "What is the at-least-once consumer flow?" in cards
    assert any(q.startswith("What does idempotent mean?") for q in cards)
    assert not any("common trick" in q for q in cards)


def test_a_two_way_table_row_keeps_its_asides_and_reads_when_named_by_when() -> None:
    note = ("# MQ\n\n## RabbitMQ vs Kafka\n\n| | RabbitMQ | Kafka |\n|---|---|---|\n"
            "| After consume | deleted (on ack) | kept until retention expires |\n"
            "| Routing | rich (exchanges, bindings) | by topic + key |\n")
    cards = served(note)
    assert cards["How do RabbitMQ and Kafka differ after consume?"] == \
        "RabbitMQ: deleted (on ack)\nKafka: kept until retention expires"
    assert cards["How do RabbitMQ and Kafka differ in routing?"] == \
        "RabbitMQ: rich (exchanges, bindings)\nKafka: by topic + key"


def test_a_chatty_or_counting_heading_is_no_context_of_a_question() -> None:
    note = ("# DNS\n\n## Cast of characters\n\n"
            "- **Stub resolver** — the tiny resolver library in your OS\n"
            "- **Recursive resolver** — does the whole walk for you\n\n"
            "## Modes\n\n- **ECB** — each block encrypted independently\n"
            "- **GCM** — authenticated encryption\n")
    questions = list(served(note))
    assert "What is a stub resolver?" in questions and "What is ECB?" in questions
    assert not any("(" in q for q in questions)


def test_a_table_of_yes_no_columns_asks_each_row_and_what_it_maps() -> None:
    note = ("# Crypto\n\n## The big three\n\n| | reversible? | needs a key? | purpose |\n"
            "|---|---|---|---|\n| **Encoding** | yes, by anyone | no | represent data |\n"
            "| **Encryption** | yes, with the key | yes | confidentiality |\n"
            "| **Hashing** | no (one-way) | no | integrity |\n\n"
            "## Records\n\n| Type | What it maps |\n|---|---|\n| **A** | name → IPv4 address |\n"
            "| **AAAA** | name → IPv6 address |\n| **MX** | mail server for the domain |\n")
    cards = served(note)
    assert cards["Is Encryption reversible?"] == "Yes — with the key"
    assert cards["Does Hashing need a key?"] == "No"
    assert cards["What is the purpose of Encryption?"] == "confidentiality"
    assert cards["What does AAAA map? (Records)"] == "name → IPv6 address"


def test_a_patterns_labels_ask_its_intent_and_use_not_terms() -> None:
    note = ("# Design Patterns\n\n## Adapter\n\n**Intent:** convert the interface of a class "
            "into another interface that clients expect.\n\n"
            "- typical: wrapping a legacy library so your code sees your own interface\n"
            "- two flavours: **object adapter** (composition) vs **class adapter** (inheritance)\n"
            "- Java: `Arrays.asList()` adapts an array to the `List` interface\n\n"
            "## TTL\n\nThe trade-off:\n\n- **Long TTL** → fewer queries, slow changes\n"
            "- **Short TTL** → quick changes, more queries\n\n"
            "## Categories\n\n- **Creational** — how objects get created\n"
            "- **Structural** — how classes are composed\n\n"
            "## Don't:\n- ❌ store passwords in plaintext\n- ❌ use MD5 for passwords\n")
    cards = {c.question(): c for c in cards_of(note, "en")}
    questions = [q for q, c in cards.items() if not c.draft]
    assert "What is the intent of an adapter?" in questions
    assert "When is an adapter used?" in questions
    assert "What are the two flavours of an adapter?" in cards
    assert not any(w in q for q in cards for w in ("Java?", "typical?", "a the?", "Don't?",
                                                   "two flavours?", "Intent?"))
    assert not any(q.startswith("What is a creational") for q in questions)


def test_a_format_string_is_no_blank() -> None:
    note = ("# Passwords\n\n## bcrypt\n\nA bcrypt hash string carries everything: "
            "`$2b$12$<salt><hash>` holds the version and the **cost**.\n")
    assert not any("$" in c.all_text() for c in cards_of(note, "en") if c.type == "cloze")


def test_a_choice_that_is_the_answer_said_longer_is_no_distractor() -> None:
    note = ("# Storage\n\n## Compared\n\n| | data type | capacity |\n|---|---|---|\n"
            "| **Cookies** | Strings | ~4 KB |\n| **localStorage** | Strings only | ~5 MB |\n"
            "| **IndexedDB** | Structured objects | large |\n\n"
            "## Deadlock\n\nTwo threads lock A and B in opposite order.\n\n"
            "**Fix:** make both threads acquire locks in the same order.\n")
    cards = {c.question(): c for c in cards_of(note, "en")}
    card = cards["What is the data type of localStorage?"]
    assert card.answer == "Strings only" and "Strings" not in card.choices
    assert not any(q.startswith("How do data type") for q in cards)
    assert "What is Fix? (Deadlock)" not in cards


def test_points_on_what_hurts_causes_or_fixes_are_no_glossary() -> None:
    note = ("# Indexes\n\n## When an index hurts\n\n"
            "- **Small tables.** A seq scan over a few pages is faster than walking a tree.\n"
            "- **Write-heavy tables.** Every INSERT has to update each index too.\n\n"
            "## Flaky tests\n\n### How to fix them\n\n"
            "1. **Isolate state**: fresh DB per test, no shared globals.\n"
            "2. **Control time**: inject a clock you can freeze.\n")
    assert not any(q.startswith("What ") for q in served(note))


def test_a_heading_term_is_what_its_first_noun_phrase_says_and_its_parents_kind() -> None:
    note = ("# Indexes\n\n## B-tree vs hash indexes\n\n### B-tree (the default)\n\n"
            "A balanced tree that keeps keys sorted, so it serves ranges.\n\n### Hash\n\n"
            "Maps each key through a hash function to a bucket; only equality lookups.\n")
    cards = {c.question(): c for c in cards_of(note, "en")}
    assert cards["What is a B-tree index?"].answers() == [
        "A balanced tree that keeps keys sorted, so it serves ranges"]
    assert not cards["What is a B-tree index?"].draft
    assert cards["What is a hash index?"].draft  # what it does, which an editor words


def test_a_heading_term_named_as_the_subject_of_its_first_sentence() -> None:
    note = ("# DB\n\n## Covering indexes\n\nA covering index contains every column a query "
            "needs, so the database can answer from the index alone.\n\n## CAP theorem\n\n"
            "Definition: The CAP theorem says that a distributed store gives at most two of "
            "consistency, availability and partition tolerance.\n\n## Git objects\n\n### Trees\n\n"
            "A tree object plays the role of a directory.\n\n### HTTP/1.1 note\n\n"
            "A pipelined request waits for the one before it.\n")
    cards = served(note)
    assert cards["What is a covering index?"].startswith("A covering index contains every column")
    assert cards["What is the CAP theorem?"].startswith("The CAP theorem says that")
    assert cards["What is a tree object? (Git objects)"] == \
        "A tree object plays the role of a directory"
    assert not any("note?" in q for q in cards)


def test_columns_named_by_when_and_by_a_possessive_read_as_questions() -> None:
    note = ("# Paging\n\n## Policies\n\n| | when it runs | on failure | belady's anomaly? |\n"
            "|---|---|---|---|\n| **FIFO** | always | evict oldest | yes |\n"
            "| **LRU** | on access | evict least recent | no |\n"
            "| **OPT** | offline only | evict farthest | no |\n")
    cards = served(note)
    assert cards["When does FIFO run?"] == "always"
    assert cards["What does LRU do on failure?"] == "evict least recent"
    assert cards["Does FIFO have belady's anomaly?"] == "Yes"


def test_a_yes_no_column_that_starts_with_a_verb_asks_what_the_row_does() -> None:
    note = ("# Probes\n\n## Probes compared\n\n| | Liveness | Readiness |\n|---|---|---|\n"
            "| Check external deps? | no | sometimes |\n| On failure | restart | remove |\n")
    assert served(note)["Does Liveness check external deps?"] == "No"


def test_a_study_notes_title_names_no_kind_and_how_many_waits_for_an_editor() -> None:
    note = ("# HTTP/1.1 vs HTTP/2 vs HTTP/3 — study notes\n\n## HTTP/2 (2015)\n\n"
            "- **streams**: each request is a stream with an ID\n"
            "- **server push**: the server sends resources before the client asks\n\n"
            "## Pyramid\n\n| | Unit | Integration | E2E |\n|---|---|---|---|\n"
            "| How many | lots | some | few |\n| Speed | fast | medium | slow |\n")
    questions = list(served(note))
    assert not any(" note" in q or "how many" in q.lower() for q in questions)
    assert "What is the speed of Unit? (Pyramid)" in questions


def test_a_two_way_table_names_common_phrases_and_actions_as_english_does() -> None:
    note = ("# Graphs\n\nAn adjacency matrix suits dense graphs; an adjacency list suits sparse "
            "ones.\n\n## Representations\n\n| | Adjacency matrix | Adjacency list |\n"
            "|---|---|---|\n| Space | O(n²) | O(n + m) |\n| Check edge (u, v) | O(1) | O(deg u) |\n"
            "| If stolen | all gone | some |\n\n"
            "## Complexities\n\n| Algorithm | Time |\n|---|---|\n"
            "| BFS | O(n + m) |\n| Dijkstra | O((n + m) log n) |\n| DFS | O(n + m) |\n")
    questions = list(served(note))
    assert "How do an adjacency matrix and an adjacency list differ in space?" in questions
    assert "How do an adjacency matrix and an adjacency list differ when you check edge " \
        "(u, v)?" in questions
    assert "How do an adjacency matrix and an adjacency list differ if stolen?" in questions
    assert any(q.startswith("What is the time complexity of BFS?") for q in questions)


def test_a_capitalised_adjective_point_is_no_term_to_define() -> None:
    note = ("# Storage\n\n## localStorage\n\n- **Synchronous**: blocks the main thread while it "
            "reads or writes\n- **Persistent**: survives a browser restart until cleared\n")
    assert not any(q.startswith(("What is synchronous", "What is Synchronous"))
                   for q in served(note))


def test_a_yes_no_question_of_anyone_answered_with_its_reason_is_served() -> None:
    note = ("# asyncio\n\n<details>\n<summary>Can you have two event loops running in the same "
            "thread?</summary>\n\nNo. One thread has at most one running loop. That's why calling "
            "`asyncio.run()` inside a running loop raises a `RuntimeError`.\n</details>\n\n"
            "### Have you used AMI sharing?\n\nYes, I shared AMIs between accounts at my last job; "
            "it only takes a launch permission on the image.\n")
    cards = {c.question(): c for c in cards_of(note, "en") if c.rule == "qa"}
    assert not cards["Can you have two event loops running in the same thread?"].draft
    assert cards["Have you used AMI sharing?"].draft  # the learner's story: an editor words it


def test_a_question_whose_it_names_what_it_asked_first_stands_alone() -> None:
    note = ("# Caching\n\n### What is TTL and how do you choose it?\n\nTTL is how long an entry "
            "lives; choose it from how stale the data may be.\n\n"
            "### How does it work?\n\nThe cache keeps the entry until the TTL runs out.\n")
    questions = served(note)
    assert "What is TTL and how do you choose it?" in questions
    assert "How does it work?" not in questions


def test_a_long_interview_answer_is_told_by_its_opening_paragraphs() -> None:
    opening = ("await suspends the current coroutine until the awaited thing has a result. "
               "While it is suspended, control goes back to the event loop, which runs other "
               "tasks; when the result is ready, the loop resumes the coroutine.")
    note = ("# asyncio\n\n### Q: What does await actually do?\n\n" + opening + "\n\n"
            + "Important nuance: " + "awaiting a coroutine that never waits runs it straight "
            "through, so nothing else gets a turn; " * 6 + "\n\nFixes:\n\n- one\n- two\n")
    card = one(cards_of(note, "en"), "qa")
    assert not card.draft and card.answers()[0] == opening


def test_a_follow_up_label_leaves_the_question() -> None:
    note = ("# asyncio\n\n<details>\n<summary>Follow-up: so why not just use threads for "
            "I/O?</summary>\n\nYou can, for a few connections; coroutines are far cheaper than "
            "threads at high concurrency.\n</details>\n")
    assert "Why not just use threads for I/O?" in served(note)


def test_a_title_naming_the_kind_of_note_is_no_command() -> None:
    note = ("# asyncio — interview prep Q&A\n\n### Q: What is the event loop?\n\nThe scheduler "
            "at the heart of asyncio: it runs ready callbacks one at a time.\n")
    assert not find(cards_of(note, "en"), "command")


def test_points_to_review_later_ask_nothing() -> None:
    note = ("# File systems\n\n## Inodes\n\nAn **inode** is the per-file metadata record.\n\n"
            "## Things to review before midterm\n\n- why does `rm` on an open file not free "
            "space? (link count 0 but still open)\n- **journal** steps: in order\n")
    assert list(served(note)) == ["What is an inode?"]


def test_points_under_a_lead_in_naming_modes_are_those_modes() -> None:
    note = ("# File systems\n\n## Journaling\n\next4 has three journaling modes:\n\n"
            "- `journal` — both data and metadata go through the journal; safest\n"
            "- `ordered` — only metadata is journaled, data written first\n"
            "- `writeback` — only metadata journaled, no ordering for data; fastest\n")
    questions = served(note)
    assert questions["What is the writeback mode? (ext4)"].startswith("only metadata")
    assert not any(q.startswith("What is a journal") for q in questions)


def test_a_named_step_among_steps_is_no_term() -> None:
    note = ("# Journaling\n\nThe commit protocol:\n\n1. write the transaction to the journal\n"
            "2. write a commit record once the transaction is safely there\n"
            "3. **checkpoint**: write the changes to their real locations on disk\n"
            "4. mark the transaction as done\n\n"
            "## Fixes\n\n1. **Request coalescing** — one request recomputes, the rest wait.\n"
            "2. **TTL jitter** — add a random offset so keys do not expire together.\n")
    questions = served(note)
    assert not any("checkpoint" in q for q in questions)
    assert any(q.startswith("What is TTL jitter?") for q in questions)


def test_a_feature_table_asks_what_a_row_supports_without_a_heading_that_asks() -> None:
    note = ("# Real-time updates\n\n## So which one?\n\n| | Short polling | SSE |\n|---|---|---|\n"
            "| Direction | client pulls | server to client |\n| Binary data | yes | no |\n")
    questions = served(note)
    assert questions["Does SSE support binary data?"] == "No"
    assert "Does short polling support binary data?" in questions
    assert "How do short polling and SSE differ in direction?" in questions
    assert not any("So which one" in q for q in questions)


def test_a_mass_noun_takes_no_article() -> None:
    note = ("# File systems\n\nTwo kinds of stuff live on disk:\n\n"
            "- **data blocks** — the actual file contents\n"
            "- **metadata** — everything about the data: inodes, directories, bitmaps\n")
    assert "What is metadata?" in served(note)


def test_a_glossary_entry_is_its_bold_line_and_the_meaning_under_it() -> None:
    note = ("# NoSQL glossary\n\n## Partitioning\n\n**Partition key**\nThe attribute whose value "
            "decides which partition a record lives on. Pick one with many distinct values.\n\n"
            "**CP system**\nDuring a partition it refuses some requests rather than return stale "
            "data.\n")
    questions = served(note)
    assert questions["What is a partition key? (Partitioning)"] == (
        "The attribute whose value decides which partition a record lives on")
    assert "What is a CP system? (Partitioning)" in questions


def test_a_follow_up_labelled_after_its_q_leaves_the_question() -> None:
    note = ("# TLS\n\n**Q (follow-up): What is SNI and why is it needed?**\n\nServer Name "
            "Indication: the client names the host in its hello, so one IP can serve many "
            "certificates.\n")
    assert "What is SNI and why is it needed?" in served(note)


def test_a_table_keeps_a_names_capital_and_drops_a_columns_own() -> None:
    note = ("# Trees\n\n## Which tree when\n\n| Structure | Search | Insert/Delete | Best for |\n"
            "|---|---|---|---|\n| Plain BST | O(h), worst O(n) | O(h) | teaching |\n"
            "| B-tree / B+ tree | O(log n) | O(log n) | databases |\n"
            "| Trie | O(L) | O(L) | prefix queries |\n")
    questions = " ".join(served(note))
    assert "insert/delete in a plain BST" in questions and "B-tree / B+ tree" in questions
    assert "Delete" not in questions and "b-tree" not in questions


def test_steps_answering_the_question_above_them_are_asked_by_it() -> None:
    note = ("# TLS\n\n## Handshake\n\n**Q: Walk me through the TLS handshake.**\n\n"
            "I describe TLS 1.2 first.\n\n1. **ClientHello**: versions, cipher suites, a random\n"
            "2. **ServerHello**: picks the version and suite\n3. **Certificate**: the chain\n"
            "4. **Finished**: a MAC over the transcript\n")
    card = one(cards_of(note, "en"), "process")
    assert card.question() == "Walk me through the TLS handshake."
    assert "ServerHello" in card.answers()[0] and not card.draft


def test_a_name_the_note_counts_takes_an_article() -> None:
    note = ("# Kubernetes\n\nYou rarely create Pods by hand; Deployments create them.\n\n"
            "**Deployment** - a higher-level object that manages ReplicaSets and rolls out "
            "updates.\n\n## Hash tables\n\n- **Collision** — two distinct keys land on the same "
            "index; with enough keys collisions are certain\n")
    questions = served(note)
    assert "What is a Deployment?" in questions
    assert any(q.startswith("What is a collision?") for q in questions)


def test_a_cheat_sheets_labels_fields_and_leaning_points_ask_nothing() -> None:
    note = ("# IAM cheat sheet\n\nA principal sends a request; a policy decides.\n\n"
            "## Core nouns\n\n- **Principal** = anything that can make a "
            "request\n- **Policy** = JSON doc listing what's allowed\n\n## Policy anatomy\n\n"
            "- `Statement` — list of:\n  - `Effect`: Allow | Deny\n"
            "  - `Action`: which API calls\n\n"
            "### Evaluation logic\n\n1. everything starts as **implicit deny**\n"
            "2. any explicit **Deny** anywhere wins\n"
            "3. otherwise need an **Allow** from somewhere\n")
    questions = served(note)
    assert "What is a principal?" in questions
    assert not any(q.startswith(("What are core nouns", "What is the impact", "What is Effect"))
                   for q in questions)
    assert not any(q.startswith(("everything", "otherwise")) for q in questions)


def test_a_commands_heading_telling_a_story_is_no_purpose() -> None:
    note = ("# TIL: git\n\n### git reflog - I didn't actually lose that work\n\nThe reflog "
            "records every place HEAD has pointed to, so lost commits are still there.\n")
    assert not find(cards_of(note, "en"), "command")


def test_a_two_way_row_named_by_a_participle_asks_what_they_are() -> None:
    note = ("# Policies\n\nA policy is identity-based or resource-based.\n\n## Policy types\n\n"
            "| | Identity-based | Resource-based |\n"
            "|---|---|---|\n| Attached to | user / group / role | the resource |\n"
            "| Cross-account | needs the other side | can grant directly |\n")
    questions = [q.casefold() for q in served(note)]
    assert "how do identity-based and resource-based differ in what they are attached to?" \
        in questions


def test_a_name_in_code_takes_no_article_and_the_titles_heading_no_context() -> None:
    note = ("---\ntitle: MVCC Basics - Study Guide\n---\n\n# MVCC Basics\n\nEach row version "
            "carries two hidden fields:\n\n- `xmin` — the ID of the transaction that created the "
            "version\n- `xmax` — the ID of the transaction that deleted it\n")
    questions = served(note)
    assert "What is xmin?" in questions and not any("(MVCC Basics)" in q for q in questions)


def test_a_sentence_about_a_marked_name_defines_nothing() -> None:
    note = ("# Squash merge\n\n## Terms\n\n- **Fast-forward** — the branch pointer just moves, "
            "no merge commit\n- **Squash** — all the branch's changes as one new commit\n"
            "- `main` gets one tidy commit per feature, easy to revert\n")
    questions = served(note)
    assert not any(q.startswith(("What is main", "What is a main")) for q in questions)
    assert any("fast-forward" in q.casefold() for q in questions)


def test_a_marked_name_opening_a_sentence_with_what_it_does_asks_what_it_does() -> None:
    note = ("# Processes\n\n## Creating one\n\n`fork()` creates a new process by duplicating the "
            "calling process.\n\nThe **GIL** lets only one thread execute Python bytecode at a "
            "time.\n\n## Rebase\n\n**squash** melds a commit into the one above "
            "it; **fixup** does the same but drops its message. `main` gets one commit per PR.\n")
    questions = served(note)
    assert questions["What does fork() do?"] == (
        "Creates a new process by duplicating the calling process")
    assert questions["What does the GIL do?"].startswith("Lets only one thread")
    assert questions["What does squash do? (Rebase)"] == "Melds a commit into the one above it"
    assert not any(q.startswith("What does main") for q in questions)


def test_a_table_under_one_of_its_own_rows_takes_no_context_and_names_keep_capitals() -> None:
    note = ("# Paging\n\n## Page replacement\n\n- **Bélády's anomaly**: with FIFO, more frames can "
            "cause more faults\n\n### Clock (second chance)\n\n- LRU approximation using the "
            "reference bit\n\n| Algorithm | Evicts | Bélády's anomaly? |\n|---|---|---|\n"
            "| OPT | used furthest in future | no |\n| FIFO | oldest loaded | yes |\n"
            "| Clock | first with ref bit 0 | no |\n")
    questions = served(note)
    assert "What does FIFO evict?" in questions
    assert "Does FIFO have Bélády's anomaly?" in questions
    assert any(q.startswith("What is Bélády's anomaly?") for q in questions)


def test_a_table_asks_plainly_and_never_offers_the_one_choice_naming_its_row() -> None:
    note = ("# DP\n\n## Classic problems\n\n"
            "| Problem | State | Time | Space (naive → optimised) |\n"
            "|---|---|---|---|\n| Fibonacci | dp[i] = i-th number | O(n) | O(n) → O(1) |\n"
            "| LIS | dp[i] = LIS ending at i | O(n^2) | O(n) |\n"
            "| Knapsack | dp[i][c] = best value | O(nW) | O(nW) → O(W) |\n"
            "| Edit distance | dp[i][j] = dist of prefixes | O(mn) | O(mn) |\n\n"
            "## Drivers\n\n| Driver | What you get |\n|---|---|\n| bridge | a private subnet |\n"
            "| host | no isolation |\n| none | just lo |\n")
    cards = {c.question(): c for c in cards_of(note, "en") if not c.draft}
    assert any(q.startswith("What is the space complexity of Fibonacci?") for q in cards)
    lis = next(c for q, c in cards.items() if "LIS" in q and "state" in q.lower())
    assert not lis.choices
    assert any(q.startswith("What do you get with") for q in cards)


def test_what_a_name_does_under_a_condition_or_by_its_own_name_waits() -> None:
    note = ("# SQL\n\n## Pitfalls\n\n`NOT IN (subquery)` returns no rows if the subquery "
            "contains a NULL.\n\n`rustc --explain E0502` gives a long explanation with examples.\n")
    assert not any(q.startswith("What does") for q in served(note))


def test_a_memory_column_of_growth_rates_asks_the_space_complexity() -> None:
    note = ("# Rate limiting\n\n## Compared\n\n| Algorithm | Memory | Bursts |\n|---|---|---|\n"
            "| Token bucket | O(1) per key | allowed up to capacity |\n"
            "| Sliding window log | O(limit) per key | not allowed |\n"
            "| Fixed window | O(1) per key | up to 2x at the boundary |\n")
    questions = " ".join(served(note))
    assert "space complexity of" in questions and "time complexity of memory" not in questions
    assert "handle bursts" in questions and "What are the bursts" not in questions


def test_table_columns_named_by_a_verb_or_a_participle_are_asked_as_such() -> None:
    note = ("# Encodings\n\n## The three UTFs\n\n| | UTF-8 | UTF-16 | UTF-32 |\n|---|---|---|---|\n"
            "| ASCII-compatible | ✅ yes, byte-identical | ❌ (`A` = `41 00`) | ❌ |\n"
            "| Self-synchronizing | yes | mostly | trivially |\n"
            "| Used by | web, Linux, JSON | Windows API, Java | some internal APIs |\n\n"
            "## Normalization\n\n| Form | Does | é becomes | Use for |\n|---|---|---|---|\n"
            "| NFC | decompose, then recompose | one code point | storage, comparing |\n"
            "| NFD | decompose | two code points | stripping accents |\n"
            "| NFKD | compatibility decompose | same, decomposed | search |\n")
    cards = cards_of(note, "en")
    served = {c.question().removesuffix(" (The three UTFs)"): c.answers()[0]
              for c in cards if not c.draft}
    assert served["Is UTF-8 ASCII-compatible?"] == "Yes — byte-identical"
    assert served["Is UTF-16 ASCII-compatible?"].startswith("No")
    assert "How self-synchronizing is UTF-16?" in served
    assert "What is UTF-16 used by?" in served
    assert "What does NFC do? (Normalization)" in served
    assert "What is NFD used for? (Normalization)" in served
    # "é becomes" has a verb of its own: no template words it, an editor does
    assert not any("becomes" in q for q in served)
    assert any("becomes" in c.question() for c in cards if c.draft)
    # "same, decomposed" only says what the row above says
    assert not any("same, decomposed" in c.all_text() for c in cards)


def test_a_table_of_named_bits_asks_each_bit_and_skips_remarks() -> None:
    note = ("# Permissions\n\n## Special bits\n\n"
            "| bit | octal | on file | on dir | shows as |\n|---|---|---|---|---|\n"
            "| setuid | 4000 | runs with the owner's uid | (ignored on Linux) | `s` in user x |\n"
            "| setgid | 2000 | runs with the file's group | new files inherit the group "
            "| `s` in group x |\n"
            "| sticky | 1000 | (nothing useful today) | only the owner can delete "
            "| `t` in other x |\n")
    cards = cards_of(note, "en")
    served = {c.question().removesuffix(" (Special bits)"): c.answers()[0]
              for c in cards if not c.draft}
    assert served["What does the setuid bit do on a file?"] == "runs with the owner's uid"
    assert served["What does the sticky bit show as?"] == "t in other x"
    assert not any("ignored on Linux" in c.all_text() or "nothing useful" in c.all_text()
                   for c in cards)


def test_prose_the_author_tells_of_themself_or_that_leans_back_waits_for_an_editor() -> None:
    note = ("# Go concurrency\n\n## Channels\n\n"
            "For a long time I felt like using `sync` was cheating. "
            "The quick fix is `make(chan int, 1)`: with room for one value, the late send "
            "succeeds. A **G** is a goroutine: its stack and a bit of bookkeeping. "
            "An unbuffered channel (`make(chan T)`) is a rendezvous between two goroutines.\n\n"
            "## MVCC\n\nA **snapshot** is basically a description of \"which transactions "
            "count as committed for me\".\n")
    cards = cards_of(note, "en")
    served = [c for c in cards if not c.draft]
    assert not any("cheating" in c.all_text() or "quick fix" in c.all_text() for c in served)
    assert not any(c.question() == "What is a G?" for c in served)
    assert any(c.question().startswith("What is an unbuffered channel?") for c in cards)
    # a program's words quoted are no story of the author's
    assert any("committed for me" in c.all_text() for c in served)


def test_an_interview_question_naming_only_a_thing_asks_about_it() -> None:
    note = ("# Python prep\n\n## Generators\n\n**Q: `send()`?**\n"
            "**A:** `gen.send(x)` resumes the generator and makes the paused `yield` "
            "evaluate to `x`.\n\n**Q: `contextlib.contextmanager`?**\n"
            "**A:** Write a generator that yields exactly once: code before the yield is the "
            "enter part.\n\nFollow-up: *what happens if you never call next() first?*\n"
            "You get a TypeError: a just-started generator can only be sent None.\n")
    served = {c.question() for c in cards_of(note, "en") if not c.draft}
    assert "What does send() do?" in served
    assert "What is contextlib.contextmanager?" in served
    assert "What happens if you never call next() first?" in served


def test_summary_table_rows_named_short_take_their_sections_full_names() -> None:
    note = ("# Sorting\n\n## Bubble Sort\n\nSwap neighbours until sorted.\n\n"
            "## Merge Sort\n\nSplit, sort halves, merge.\n\n## Quicksort\n\nPartition.\n\n"
            "## Summary\n\n| Algorithm | Worst | Stable? |\n|---|---|---|\n"
            "| Bubble (with early exit) | O(n²) | Yes |\n| Merge | O(n log n) | Yes |\n"
            "| Quicksort | O(n²) | No |\n")
    served = {c.question() for c in cards_of(note, "en") if not c.draft}
    assert "What is the worst-case time complexity of merge sort? (Summary)" in served \
        or "What is the worst-case time complexity of merge sort?" in served
    assert any(q.startswith("Is bubble sort (with early exit) stable?") for q in served)
    assert any(q.lower().startswith("is quicksort stable?") for q in served)


def test_a_glossarys_index_letters_name_nothing() -> None:
    note = ("# Networking glossary\n\n## B\n\n**Bandwidth** — the most a link can carry.\n\n"
            "## J\n\n**Jitter** — variation in latency from packet "
            "to packet.\n\n## L\n\n**Latency** — time for data to get from A to B. Four parts:\n"
            "- propagation — distance / signal speed\n- transmission — packet size / link rate\n")
    cards = cards_of(note, "en")
    assert "what is jitter?" in {c.question().lower() for c in cards if not c.draft}
    assert not any(c.question().endswith(("(L)", "(J)")) or " of L?" in c.question()
                   for c in cards)


def test_requirement_and_figure_shorthand_is_no_term() -> None:
    note = ("# URL shortener\n\n## Requirements\n\n"
            "- optional: custom alias, expiry date, per-link click stats\n\n"
            "## Capacity estimates\n\n- retention 10 years → 100M × 365 × 10 = 365B URLs\n"
            "- ~500 bytes/record → 365B × 500 B ≈ **~180 TB** total\n\n"
            "## Rate limiting\n\n- mainly on create: per API key / per IP\n"
            "- over limit → `429 Too Many Requests`\n")
    served = [c for c in cards_of(note, "en") if not c.draft]
    questions = " ".join(c.question() for c in served)
    for shorthand in ("optional", "retention", "mainly", "over limit", "180 TB"):
        assert shorthand not in questions and not any(
            shorthand in c.answers()[0] for c in served if c.rule == "cloze")


def test_the_authors_own_rules_and_telling_are_no_names() -> None:
    note = ("# How login works\n\n## Sessions\n\n"
            "Here's the flow the way I finally drew it on a whiteboard:\n\n"
            "1. User submits username and password over HTTPS\n"
            "2. Server checks the password against the stored hash\n"
            "3. Server creates a session record and sends its ID in a cookie\n\n"
            "## My rules of thumb\n\n- Default to server-side sessions\n"
            "- Keep access tokens short-lived\n")
    served = {c.question() for c in cards_of(note, "en") if not c.draft}
    assert not any("whiteboard" in q or "my rules" in q.lower() for q in served)


def test_an_example_column_asks_for_an_example() -> None:
    note = ("# Redis\n\n## Data types\n\n| Type | Good for | Example command |\n|---|---|---|\n"
            "| Sorted set | leaderboards, priority queues | `ZADD lb 1500 alice` |\n"
            "| Hash | objects, per-field updates | `HSET user:42 name Ana` |\n"
            "| Stream | event logs | `XADD orders * item book` |\n")
    served = {c.question() for c in cards_of(note, "en") if not c.draft}
    assert any(q.startswith("Give an example command for a sorted set.") for q in served)
    assert not any("the example command of" in q for q in served)


def test_rules_of_this_round_keep_to_what_they_name() -> None:
    """Each rule added for one shape leaves the look-alikes a review found alone."""
    note = ("# Languages\n\n## C\n\n- Pros: fast, close to the hardware\n\n"
            "## Day 2 operations\n\n- Pros: automated by operators\n\n"
            "## Cookies\n\nCookies are data the browser sends with every request.\n\n"
            "- ❌ Readable from JavaScript when **HttpOnly** is set\n\n"
            "## SOLID\n\nThe I in SOLID is the **interface segregation** principle.\n\n"
            "## Knapsack\n\nThe knapsack problem is solved with **dynamic programming** in "
            "pseudo-polynomial time.\n\n## UDP\n\nUDP is defined in "
            "RFC 768(https://www.rfc-editor.org/rfc/rfc768) "
            "and is a **connectionless** transport protocol.\n\n"
            "## Types\n\n- Optional: a container object which may or may not hold a value\n"
            "- NullPointerException: thrown when code dereferences a null reference\n\n"
            "## Isolation\n\n| Level | Snapshot | Prevents |\n|---|---|---|\n"
            "| Read committed | new snapshot per statement | dirty reads |\n"
            "| Repeatable read | same snapshot for the whole transaction | non-repeatable reads |\n"
            "| Serializable | same snapshot, plus conflict checks | all anomalies |\n\n"
            "## Patterns\n\n| Pattern | Alternative | Intent |\n|---|---|---|\n"
            "| Singleton | dependency injection | one instance |\n"
            "| Factory | constructors | hide creation |\n"
            "| Observer | polling | notify dependents |\n\n"
            "## GIL\n\nCPython has a global interpreter lock.\n\n**Q: Why?**\n"
            "It keeps reference counting simple.\n")
    cards = cards_of(note, "en")
    served = {c.question(): c.answers()[0] for c in cards if not c.draft}
    text = " ".join(f"{q} {a}" for q, a in served.items())
    assert "What are the advantages of C?" in served
    assert any("Day 2 operations" in q for q in served)
    assert "Readable from JavaScript when" not in text or "❌" in text
    assert any(c.rule == "cloze" and "interface segregation" in c.text and not c.draft
               for c in cards)
    assert any(c.rule == "cloze" and "dynamic programming" in c.text and not c.draft
               for c in cards)
    assert "768()" not in text and "RFC 768 and" in text
    assert "What is Optional?" in {c.question() for c in cards}
    assert "same snapshot for the whole transaction" in text
    assert not any(q.startswith("How alternative") for q in served)
    assert "What is Why?" not in served


def test_table_rows_are_named_as_their_kind_and_their_column_asks() -> None:
    """A row under "Driver" or "Algorithm" is the bridge driver, the token bucket
    algorithm; a row written as code or under "Tool" is a name said as written; a row
    the note counts takes "a"; "What it does" and "Who obeys it" ask of the row; a
    "want" of max or min asks which."""
    note = ("# Notes\n\n## Drivers\n\n| Driver | Scope |\n|---|---|\n"
            "| `bridge` | single host |\n| `overlay` | multi-host |\n\n"
            "## Limits\n\n| Algorithm | Accuracy |\n|---|---|\n| Token bucket | good |\n"
            "| Fixed window | poor at edges |\n| Merge sort | n/a |\n\n"
            "## Locks\n\nUnlike locks, semaphores count and variables wait.\n\n"
            "| primitive | typical use |\n|---|---|\n"
            "| counting semaphore | pool of N resources |\n"
            "| condition variable | wait until a condition is true |\n"
            "| circular wait | never |\n\n"
            "## Tools\n\n| Tool | Resolves deps? | Good for |\n|---|---|---|\n"
            "| pip | yes | the basics |\n| uv | yes | everything |\n\n"
            "## Commands\n\n| Command | What it does |\n|---|---|\n"
            "| `python -m venv .venv` | makes a virtual environment |\n"
            "| `git status` | shows the working tree |\n\n"
            "## Headers\n\n| Directive | Who obeys it |\n|---|---|\n"
            "| `max-age=N` | browsers and shared caches |\n| `s-maxage=N` | shared caches |\n\n"
            "## Criteria\n\n| criterion | want | meaning |\n|---|---|---|\n"
            "| Waiting time | min | time spent in the ready queue |\n"
            "| CPU utilization | max | share of time the CPU is busy |\n")
    cards = served(note)
    assert "What is the scope of the bridge driver? (Drivers)" in cards
    assert "What is the accuracy of the token bucket algorithm? (Limits)" in cards
    assert not any("merge sort algorithm" in q for q in cards)
    assert "What is the typical use of a counting semaphore? (Locks)" in cards
    assert "What is the typical use of a condition variable? (Locks)" in cards
    assert not any("a circular wait" in q for q in cards)
    assert "Does pip resolve deps?" in cards
    assert "What is uv good for?" in cards
    assert "What does python -m venv .venv do? (Commands)" in cards
    assert cards["Who obeys max-age=N? (Headers)"] == "browsers and shared caches"
    assert cards["Should waiting time be maximized or minimized? (Criteria)"] == "min"
    assert cards["What is waiting time? (Criteria)"] == "time spent in the ready queue"
    assert not any("differ" in q for q in cards)



def test_a_recap_of_traits_defines_nothing_and_a_plural_heading_names_its_kind() -> None:
    """"- FCFS: simple, convoy effect" under "Summary for myself" restates traits (an
    editor decides); "Pull CDN" under "CDNs" in a note that writes "pull" and "CDNs" is a
    pull CDN, and the heading adds nothing to it."""
    note = ("# Scheduling\n\n## FCFS\n\nFCFS runs processes in arrival order.\n\n"
            "## Summary for myself\n\n- FCFS: simple, convoy effect\n"
            "- RR: good response, q choice is everything\n"
            "- Blob: file content only, no name kept with it at all\n\n"
            "## CDNs\n\nYou can pull or push content; most CDNs pull.\n\n"
            "- **Pull CDN**: the edge fetches from your origin on the first miss\n"
            "- **Push CDN**: you upload files to the CDN ahead of time\n")
    cards = cards_of(note, "en")
    drafts = {c.question() for c in cards if c.draft}
    served_cards = {c.question() for c in cards if not c.draft}
    assert "What is FCFS?" in drafts and "What is RR?" in drafts
    assert "What is a blob?" in served_cards or "What is Blob?" in served_cards
    assert "What is a pull CDN?" in served_cards
    assert "What is a push CDN?" in served_cards


def test_a_settings_table_asks_defaults_and_a_verb_row_asks_the_verb() -> None:
    """"Setting | Default | Notes" asks each setting's default (never "How do Default and
    Notes differ"); "Rebuilds indexes | no | yes" under `VACUUM` and `VACUUM FULL` asks
    "Does VACUUM rebuild indexes?"; "same as above" is no answer; "What it caches" asks
    "cache", "What it focuses on" "focus"; write-behind is a manner, not "a write-behind"."""
    note = ("# Postgres\n\n## Settings\n\n| Setting | Default | Notes |\n|---|---|---|\n"
            "| `autovacuum_naptime` | 1min | per-DB wake interval |\n"
            "| `autovacuum_max_workers` | 3 | restart needed |\n\n"
            "## Vacuum kinds\n\n| | `VACUUM` | `VACUUM FULL` |\n|---|---|---|\n"
            "| Rebuilds indexes | no | yes |\n"
            "| Lock | share update exclusive | access exclusive |\n\n"
            "## Strategies\n\n| Strategy | Consistency | Risk |\n|---|---|---|\n"
            "| Cache-aside | eventual | stale reads |\n"
            "| Read-through | same as above | coupling |\n\n"
            "## Layers\n\n| Layer | What it caches | What it focuses on |\n|---|---|---|\n"
            "| CDN | images and scripts | latency for far users |\n"
            "| Browser | static assets | repeat visits |\n\n"
            "## Write-behind\n\n- Pros: very fast writes, coalesces updates\n")
    cards = served(note)
    assert cards["What is the default value of autovacuum_naptime? (Settings)"] == "1min"
    assert not any("differ" in q and "Default" in q for q in cards)
    rebuilds = {q.split("?")[0]: a for q, a in cards.items() if "rebuild" in q}
    assert rebuilds == {"Does VACUUM rebuild indexes": "No",
                        "Does VACUUM FULL rebuild indexes": "Yes"}
    assert "same as above" not in cards.values()
    assert any(q.startswith("What does CDN cache?") for q in cards)
    assert "What are the advantages of write-behind?" in cards


def test_kinds_under_a_names_column_and_families_of_algorithms_keep_their_article() -> None:
    """What the review of the table rules found: a "Tool" column over kinds ("Type
    checker") keeps "a type checker"; "Hash function" under "Algorithm" is no "hash
    function algorithm"; a lower-case key ("image") is not "an image"; a "Goal" of max
    is no criterion to maximise."""
    note = ("# Notes\n\nImages and selectors are keys here.\n\n"
            "## Tools\n\n| Tool | Runs at build? | Purpose |\n|---|---|---|\n"
            "| Type checker | yes | finds type errors |\n"
            "| Profiler | no | finds slow code |\n\n"
            "## Families\n\n| Algorithm | Reversible? | Example |\n|---|---|---|\n"
            "| Hash function | no | SHA-256 |\n| Symmetric encryption | yes | AES |\n\n"
            "## Keys\n\n| Key | Purpose |\n|---|---|\n| image | the image to run |\n"
            "| selector | labels to match |\n\n"
            "## Problems\n\n| Problem | Goal |\n|---|---|\n| Knapsack | max |\n"
            "| Coin change | min |\n")
    cards = served(note)
    assert "Does a type checker run at build?" in cards
    assert "Is a hash function reversible? (Families)" in cards
    assert not any("function algorithm" in q or "encryption algorithm" in q for q in cards)
    assert "What is the purpose of image? (Keys)" in cards
    assert not any("maximized" in q for q in cards)


def test_a_column_named_resolves_when_asks_when() -> None:
    note = ("# Promises\n\n## Combinators\n\n| Combinator | Resolves when | Rejects when |\n"
            "|---|---|---|\n| `Promise.all` | all fulfill | any one rejects |\n"
            "| `Promise.any` | first one fulfills | all reject |\n\n"
            "## Queues\n\n| | Task queue | Microtask queue |\n|---|---|---|\n"
            "| Processed | one task per turn | all of them, until empty |\n"
            "| Source | setTimeout, I/O | promise callbacks |\n")
    cards = served(note)
    assert cards["When does Promise.all resolve? (Combinators)"] == "all fulfill"
    assert cards["When does Promise.any reject? (Combinators)"] == "all reject"
    assert not any("differ in processed" in q for q in cards)
    assert any("differ in source" in q for q in cards)


def test_columns_that_ask_how_when_and_what_to_watch_and_adjectives_of_a_kind() -> None:
    """"How it picks", "Good when", "Watch out" ask as a teacher would; "- active: …"
    under "Health checks" is an active health check; "--force: …" with no command named
    waits for an editor."""
    note = ("# Load balancing\n\n## Algorithms\n\n"
            "| Algorithm | How it picks | Good when | Watch out |\n|---|---|---|---|\n"
            "| Least connections | fewest active conns | long requests | cold servers flooded |\n"
            "| IP hash | hash of client IP | stickiness | NAT skews it |\n\n"
            "## Health checks\n\n- active: the LB probes each backend on a timer\n"
            "- passive: the LB watches real traffic for errors\n\n"
            "## Pushing\n\n- `--force`: overwrites the remote branch\n"
            "- `--force-with-lease`: overwrites only if the remote is where you saw it\n")
    cards = cards_of(note, "en")
    served_cards = {c.question(): c.answers()[0] for c in cards if not c.draft}
    assert served_cards["How does IP hash pick?"] == "hash of client IP"
    assert served_cards["When is IP hash a good choice?"] == "stickiness"
    assert served_cards["What should you watch out for with IP hash?"] \
        == "NAT skews it"
    assert "What is an active health check?" in served_cards
    assert "What is a passive health check?" in served_cards
    assert not any("--force" in q for q in served_cards)


def test_a_bare_plural_or_a_basics_heading_is_no_tag() -> None:
    note = ("# LB\n\n## Algorithms\n\n| Algorithm | How it picks | Watch out |\n|---|---|---|\n"
            "| IP hash | hash of client IP | NAT skews it |\n"
            "| Least connections | fewest active conns | cold servers flooded |\n\n"
            "## venv basics\n\n| Command | What it does |\n|---|---|\n"
            "| `python -m venv .venv` | makes an environment |\n"
            "| `deactivate` | leaves it |\n")
    cards = served(note)
    assert "How does IP hash pick?" in cards
    assert "What does python -m venv .venv do?" in cards


def test_a_chat_threads_speakers_are_no_terms_and_a_kind_of_edge_is_supported() -> None:
    note = ("# Cookies thread\n\n**jonas** — 10:42 ok dumb question\n\n"
            "**priya** — 10:46 yeah there it is\n\n## Paths\n\n"
            "| Algorithm | Negative edges? | Time |\n|---|---|---|\n"
            "| Dijkstra | no | O(E log V) |\n| Bellman-Ford | yes | O(VE) |\n")
    cards = served(note)
    assert not any(q in ("What are jonas?", "What is a priya?") for q in cards)
    assert cards["Does Dijkstra support negative edges? (Paths)"] == "No"


def test_what_the_second_review_of_the_rules_found_stays_fixed() -> None:
    """A "Speed" row is no participle; "Git intro" keeps "(Git)"; "(Fields)" still tells
    a final field from a final class; "- shallow:" under "Copies" is a shallow copy; a
    suffix "-ness" is no flag; "Used when" over pod phases asks no "good choice"."""
    note = ("# Notes\n\n## TCP vs UDP\n\n| | TCP | UDP |\n|---|---|---|\n"
            "| Speed | slower | faster |\n| Ordering | guaranteed | none |\n\n"
            "## Git intro\n\n- **index**: the staging area between the working tree and HEAD\n\n"
            "## Fields\n\n- **final**: assigned once, never reassigned\n\n"
            "## Copies\n\n- shallow: copies the outer object, shares the nested ones\n"
            "- deep: copies everything recursively\n\n"
            "## Noun suffixes\n\n- **-ness**: turns an adjective into a noun (kindness)\n"
            "- **-ment**: turns a verb into a noun (payment)\n\n"
            "## Phases\n\n| Phase | Used when |\n|---|---|\n| Pending | not yet scheduled |\n"
            "| Running | at least one container runs |\n")
    cards = served(note)
    assert any("differ in speed" in q for q in cards)
    assert any(q.startswith("What is an index?") and "(Git)" in q for q in cards)
    assert any("(Fields)" in q for q in cards)
    assert "What is a shallow copy?" in cards
    assert any("-ness" in q for q in cards)
    assert not any("good choice" in q for q in cards)


def test_a_timeline_is_no_table_to_ask_and_storage_classes_are_names() -> None:
    """A timeline ("Mon 09:10 | …") asks nothing; "Class" rows are products' own names;
    "AZs | ≥3" asks how many; "Who manages key" asks who manages the key."""
    note = ("# S3 and an incident\n\n## Timeline\n\n| When | What happened |\n|---|---|\n"
            "| Mon 09:10 | pod restarted, OOMKilled |\n| Tue 14:00 | took heap snapshots |\n"
            "| Wed 11:20 | found the listener leak |\n\n"
            "## Storage classes\n\n| Class | AZs | Use for |\n|---|---|---|\n"
            "| Standard | ≥3 | hot data |\n| One Zone-IA | 1 | re-creatable data |\n"
            "| Glacier Deep Archive | ≥3 | compliance archives |\n\n"
            "## Encryption\n\n| Type | Who manages key | Header |\n|---|---|---|\n"
            "| SSE-KMS | AWS KMS | aws:kms |\n| SSE-C | you | customer key headers |\n")
    cards = served(note)
    assert not any("what happened" in q.lower() or "Mon 09:10" in q for q in cards)
    assert cards["How many AZs does One Zone-IA use? (Storage classes)"] == "1"
    assert "What is One Zone-IA used for? (Storage classes)" in cards
    assert cards["Who manages the key for SSE-KMS? (Encryption)"] == "AWS KMS"


def test_what_the_third_review_found_and_batch_thirty_two_stays_fixed() -> None:
    """"Monolith" is no weekday; "Lifecycle of pods" is one lifecycle; "Time: O(n log n)"
    is no term's complexity; "Rc<T>" is no condition; "Who schedules" asks who
    schedules the row; "Prevent IDOR:" is no term; "(Trade-offs)" is no tag."""
    note = ("# Notes\n\n## Styles\n\n| Style | Strength | Weakness |\n|---|---|---|\n"
            "| Monolith | simple to deploy | scales as one |\n"
            "| Microservices | independent deploys | network calls |\n\n"
            "## Pointers\n\n| Type | Ownership | Thread-safe? |\n|---|---|---|\n"
            "| Rc<T> | shared | no |\n| Arc<T> | shared | yes |\n\n"
            "## Merge sort complexity\n\n- Time: O(n log n)\n- Space: O(n)\n\n"
            "## Models\n\n| Model | Who schedules | Good for |\n|---|---|---|\n"
            "| threads | OS | I/O-bound work |\n| processes | OS | CPU-bound work |\n\n"
            "## Access control\n\n- **IDOR**: fetching another user's object by id\n"
            "- **Prevent IDOR**: check ownership on every request\n\n"
            "## Trade-offs\n\n| | Push | Pull |\n|---|---|---|\n"
            "| Write cost | high | low |\n| Read cost | low | high |\n")
    cards = served(note)
    assert any("Monolith" in q for q in cards)
    assert not any("Time?" in q or "Space?" in q for q in cards)
    assert not any(" when Rc<T>" in q for q in cards)
    assert cards["Who schedules threads? (Models)"] == "OS"
    assert cards["What are threads good for? (Models)"] == "I/O-bound work"
    assert not any("Prevent IDOR?" in q for q in cards)
    assert not any("(Trade-offs)" in q for q in cards)
