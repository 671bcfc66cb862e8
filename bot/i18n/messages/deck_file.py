"""What the deck loader says about a deck file (``path:line:col: message``), in ko and en.

bot.decks finds the problems and names each by a key of this table with its
values (bot.decks.errors.Phrase); a front end puts it in the reader's words:
`studybot deck check` in English unless ``--lang`` asks otherwise, the bot's
reload reports in the maintainer's language.  The English texts are exactly
what `deck check` has always printed, so scripts and editors reading it keep
working.  A value that is itself a phrase (``name``: `front` or "`choices` item
2"; ``kind``: "a number") is put in words in the same language first.

Templates are ``str.format``: a literal brace is doubled (``{{`` for ``{``), so
a cloze ``{{c1::…}}`` is written ``{{{{c1::…}}}}`` here.
"""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    # -- pieces other messages insert ----------------------------------------------------------
    "deck_file.field": {"ko": "`{field}`", "en": "`{field}`"},
    "deck_file.field_item": {"ko": "`{field}`의 {n}번째 항목", "en": "`{field}` item {n}"},
    "deck_file.kind.empty": {"ko": "빈 값", "en": "empty"},
    "deck_file.kind.number": {"ko": "숫자", "en": "a number"},
    "deck_file.kind.text": {"ko": "글", "en": "text"},
    "deck_file.kind.list": {"ko": "목록", "en": "a list"},
    "deck_file.kind.mapping": {"ko": "매핑", "en": "a mapping"},
    "deck_file.kind.literal": {"ko": "`{value}`", "en": "`{value}`"},
    "deck_file.kind.other": {"ko": "{value}", "en": "{value}"},
    "deck_file.where.deck": {"ko": "덱", "en": "a deck"},
    "deck_file.where.src": {"ko": "`src` 항목", "en": "`src`"},
    "deck_file.where.card": {"ko": "{type} 카드", "en": "a {type} card"},
    # -- reading the file ---------------------------------------------------------------------
    "deck_file.name_not_utf8": {
        "ko": "파일 이름이 UTF-8이 아니에요. 파일 이름을 바꿔 주세요",
        "en": "the file name is not valid UTF-8; rename the file",
    },
    "deck_file.unreadable": {
        "ko": "파일을 읽을 수 없어요: {reason}",
        "en": "cannot read file: {reason}",
    },
    "deck_file.not_regular": {
        "ko": "일반 파일이 아니에요. 덱은 .yaml 파일이어야 해요",
        "en": "not a regular file; a deck is a .yaml file",
    },
    "deck_file.too_big": {
        "ko": "파일 크기가 {size:.1f} MiB예요. 덱은 {limit} MiB까지라서 여러 덱으로 나눠 주세요",
        "en": "the file is {size:.1f} MiB; decks are limited to {limit} MiB, "
              "split it into several decks",
    },
    "deck_file.not_utf8": {
        "ko": "UTF-8이 아닌 바이트가 있어요 (0x{byte:02X}). 파일을 UTF-8로 저장해 주세요",
        "en": "byte 0x{byte:02X} is not valid UTF-8; save the file as UTF-8",
    },
    "deck_file.empty_file": {
        "ko": "파일이 비어 있어요. 덱에는 `cards` 목록이 있어야 해요",
        "en": "the file is empty; a deck needs a `cards` list",
    },
    "deck_file.only_comments": {
        "ko": "파일에 주석만 있고 내용이 없어요",
        "en": "the file has no content, only comments",
    },
    "deck_file.top_level": {
        "ko": "맨 위 단계는 `cards` 목록이 있는 매핑이어야 해요",
        "en": "the top level must be a mapping with a `cards` list",
    },
    "deck_file.bad_file_name_id": {
        "ko": "파일 이름 {name:`은} 덱 ID로 쓸 수 없어요. "
              "영문자, 숫자, `-`, `_`로 된 `deck:` 줄을 넣어 주세요",
        "en": "the file name `{name}` is not a valid deck id; add a `deck:` line "
              "using letters, digits, `-` and `_`",
    },
    "deck_file.duplicate_card_id": {
        "ko": "카드 ID {id:`이} 겹쳐요 ({line}번째 줄에서 처음 썼어요). "
              "이 카드에 새 ID를 붙여 주세요",
        "en": "duplicate card id `{id}` (first used on line {line}); give this card a new id",
    },
    "deck_file.deck_id_taken": {
        "ko": "덱 ID {deck:`은} 이미 {path}에서 쓰고 있어요",
        "en": "deck id `{deck}` is already used by {path}",
    },
    # -- YAML -----------------------------------------------------------------------------------
    "deck_file.yaml_tag": {
        "ko": "YAML 태그 {tag:`은} 쓸 수 없어요. 지워 주세요",
        "en": "YAML tag `{tag}` is not allowed; remove it",
    },
    "deck_file.too_deep": {
        "ko": "값이 {limit}단계보다 깊이 중첩되어 있어요",
        "en": "values are nested more than {limit} levels deep",
    },
    "deck_file.alias_loop": {
        "ko": "별칭 {alias:`이} 자기를 담고 있는 값을 가리켜요",
        "en": "alias `{alias}` refers to a value that contains it",
    },
    "deck_file.unknown_alias": {
        "ko": "알 수 없는 별칭 {alias:`이에요}. 쓰기 전에 {anchor:`을} 먼저 정해 주세요",
        "en": "unknown alias `{alias}`; define `{anchor}` before using it",
    },
    "deck_file.alias_bomb": {
        "ko": "별칭을 펼치면 값이 {limit:,}개를 넘어요. 값을 직접 적어 주세요",
        "en": "aliases expand to more than {limit:,} values; write them out",
    },
    "deck_file.duplicate_key": {
        "ko": "키 {key:`이} 겹쳐요 ({line}번째 줄에서 처음 정했어요)",
        "en": "duplicate key `{key}` (first set on line {line})",
    },
    "deck_file.key_not_name": {
        "ko": "키는 평범한 이름이어야 해요",
        "en": "a key must be a plain name",
    },
    "deck_file.brace_value": {
        "ko": "`{{{{`로 시작하는 값은 YAML 매핑으로 읽혀요. 빈칸 문장을 따옴표로 감싸 주세요",
        "en": "a value starting with `{{{{` is read as a YAML mapping; "
              "put the cloze text in quotes",
    },
    "deck_file.unclosed_quote": {
        "ko": "따옴표로 시작한 글이 닫히지 않았어요. 닫는 `{quote}` 따옴표를 넣어 주세요",
        "en": "quoted text is never closed; add the closing quote ({quote})",
    },
    "deck_file.quote_runs_on": {
        "ko": "따옴표로 시작한 글이 여러 줄에 걸쳐 있어요. 닫는 `{quote}` 따옴표가 빠지지 "
              "않았나요?",
        "en": "quoted text runs over several lines; is the closing quote ({quote}) missing?",
    },
    "deck_file.unclosed_list": {
        "ko": "`[` 목록이 제대로 닫히지 않았어요. `,`나 `]`가 와야 해요",
        "en": "`[` list is not closed properly; expected `,` or `]`",
    },
    "deck_file.unclosed_mapping": {
        "ko": "`{{` 매핑이 제대로 닫히지 않았어요. `,`나 `}}`가 와야 해요",
        "en": "`{{` mapping is not closed properly; expected `,` or `}}`",
    },
    "deck_file.key_indented": {
        "ko": "들여쓰기가 맞지 않아요. 이 키가 윗줄의 키보다 더 들여 쓰여 있어요",
        "en": "bad indentation: this key is indented more than the one above it",
    },
    "deck_file.colon_in_value": {
        "ko": "따옴표 없는 값 안에 `: `가 있어요. 값 전체를 따옴표로 감싸 주세요",
        "en": "`: ` inside an unquoted value; put the whole value in quotes",
    },
    "deck_file.tab": {
        "ko": "탭 문자가 있어요. 들여쓰기는 공백으로 해 주세요",
        "en": "tab character; indent with spaces",
    },
    "deck_file.key_too_long": {
        "ko": "이 키가 {limit:,}자보다 길어요. 키는 짧은 이름이어야 해요",
        "en": "this key is longer than {limit:,} characters; a key is a short name",
    },
    "deck_file.no_colon": {
        "ko": "여기에는 `key: value`가 와야 하는데 이 줄에 `: `가 없어요",
        "en": "expected `key: value` here; this line has no `: `",
    },
    "deck_file.bad_start": {
        "ko": "값은 {char:`으로} 시작할 수 없어요. 따옴표로 감싸 주세요",
        "en": "a value cannot start with `{char}`; put it in quotes",
    },
    "deck_file.text_after_value": {
        "ko": "값 뒤에 생각하지 못한 글이 있어요. 값 전체를 따옴표로 감싸 주세요 "
              "('...' 안의 작은따옴표는 ''로 써요)",
        "en": "unexpected text after the value; quote the whole value "
              "(inside '...' write '' for a single quote)",
    },
    "deck_file.bad_indentation": {
        "ko": "들여쓰기가 맞지 않아요. 이 줄이 같은 단계의 다른 줄과 나란하지 않아요",
        "en": "bad indentation: this line does not line up with its siblings",
    },
    "deck_file.yaml_syntax": {
        "ko": "YAML 문법 오류예요: {detail}",
        "en": "YAML syntax error: {detail}",
    },
    "deck_file.control_in_file": {
        "ko": "제어 문자는 쓸 수 없어요 (`U+{code:04X}`)",
        "en": "control character U+{code:04X} is not allowed",
    },
    "deck_file.yaml_error": {"ko": "YAML 오류예요: {detail}", "en": "YAML error: {detail}"},
    "deck_file.two_documents": {
        "ko": "덱 파일에는 YAML 문서가 하나만 있어야 해요. "
              "이 `---`부터 끝까지 지우거나 다른 파일로 옮겨 주세요",
        "en": "a deck file holds one YAML document; remove this `---` "
              "and what follows or move it to its own file",
    },
    # -- the deck's fields ----------------------------------------------------------------------
    "deck_file.merge_key": {
        "ko": "병합 키(`<<`)는 쓸 수 없어요. 필드를 하나하나 적어 주세요",
        "en": "merge keys (`<<`) are not supported; write the fields out",
    },
    "deck_file.field_elsewhere": {
        "ko": "{key:`은} `{type}` 카드에는 쓸 수 없고 `{owners}` 카드에만 써요 "
              "(이 카드에 쓰는 필드: {allowed})",
        "en": "`{key}` does not belong on a `{type}` card, only on `{owners}` cards "
              "(this card takes {allowed})",
    },
    "deck_file.unknown_field_guess": {
        "ko": "알 수 없는 필드 {key:`이에요}. {guess:`을} 쓰려던 건가요?",
        "en": "unknown field `{key}`; did you mean `{guess}`?",
    },
    "deck_file.unknown_field": {
        "ko": "알 수 없는 필드 {key:`이에요}. {where}에 쓰는 필드: {fields}",
        "en": "unknown field `{key}`; {where} takes {fields}",
    },
    "deck_file.deck_missing": {
        "ko": "덱에 {field:`이} 없어요",
        "en": "the deck is missing `{field}`",
    },
    "deck_file.src_missing": {
        "ko": "`src`에 {field:`이} 없어요",
        "en": "`src` is missing `{field}`",
    },
    "deck_file.card_missing": {
        "ko": "이 카드에 {field:`이} 없어요",
        "en": "this card is missing `{field}`",
    },
    "deck_file.missing": {"ko": "{field:`이} 없어요", "en": "missing `{field}`"},
    "deck_file.type_empty": {
        "ko": "이 카드의 `type`이 비어 있어요. 다음 중 하나를 써 주세요: {types}",
        "en": "this card's `type` is empty; use one of: {types}",
    },
    "deck_file.unknown_type": {
        "ko": "알 수 없는 카드 종류 {type:`이에요}. 다음 중 하나를 써 주세요: {types}",
        "en": "unknown card type `{type}`; use one of: {types}",
    },
    "deck_file.no_type": {
        "ko": "이 카드에 `type`이 없어요. `type:` 줄을 넣고 다음 중 하나를 써 주세요: {types}",
        "en": "this card has no `type`; add `type:` with one of: {types}",
    },
    "deck_file.card_not_mapping": {
        "ko": "카드는 `- id: ...`로 시작하는 필드 모음이어야 해요",
        "en": "each card must be a mapping of fields, starting `- id: ...`",
    },
    "deck_file.not_mapping": {
        "ko": "{name:은} {kind:이} 아니라 `{{anchor: ...}}` 같은 매핑이어야 해요",
        "en": "{name} must be a mapping like `{{anchor: ...}}`, not {kind}",
    },
    "deck_file.empty": {"ko": "{name:이} 비어 있어요", "en": "{name} is empty"},
    "deck_file.not_text_quote": {
        "ko": "{name:은} {kind:이} 아니라 글이어야 해요. 따옴표로 감싸 주세요",
        "en": "{name} must be text, not {kind}; put it in quotes",
    },
    "deck_file.not_text": {
        "ko": "{name:은} {kind:이} 아니라 글이어야 해요",
        "en": "{name} must be text, not {kind}",
    },
    "deck_file.cards_empty": {
        "ko": "`cards`가 비어 있어요. 카드를 `- id: ...` 항목으로 적거나 `[]`라고 써 주세요",
        "en": "`cards` is empty; list cards as `- id: ...` items or write `[]`",
    },
    "deck_file.cards_not_list": {
        "ko": "`cards`는 {kind:이} 아니라 `- id: ...` 항목의 목록이어야 해요",
        "en": "`cards` must be a list of `- id: ...` items, not {kind}",
    },
    "deck_file.not_list": {
        "ko": "{name:은} {kind:이} 아니라 `[a, b]` 같은 목록이어야 해요",
        "en": "{name} must be a list like `[a, b]`, not {kind}",
    },
    "deck_file.not_bool": {
        "ko": "{name:은} {kind:이} 아니라 `true`나 `false`여야 해요",
        "en": "{name} must be `true` or `false`, not {kind}",
    },
    "deck_file.not_whole_number": {
        "ko": "{name:은} {kind:이} 아니라 정수여야 해요",
        "en": "{name} must be a whole number, not {kind}",
    },
    "deck_file.bad_lang": {
        "ko": "`lang`은 다음 중 하나여야 해요: {langs}",
        "en": "`lang` must be one of: {langs}",
    },
    "deck_file.bad_scheduler": {
        "ko": "`scheduler`는 다음 중 하나여야 해요: {schedulers} (스케줄러를 고르지 않은 "
        "학습자의 기본값이에요. SM-2를 쓰려면 빼 두세요)",
        "en": "`scheduler` must be one of: {schedulers} (the default of learners who chose "
        "none; leave it out for SM-2)",
    },
    "deck_file.not_one_of": {
        "ko": "{name:은} 다음 중 하나여야 해요: {expected}",
        "en": "{name} must be one of: {expected}",
    },
    "deck_file.too_long": {
        "ko": "{name:이} {limit:,}자보다 길어요",
        "en": "{name} is longer than {limit:,} characters",
    },
    "deck_file.too_few_choices": {
        "ko": "객관식 카드에는 보기가 2개 이상 있어야 해요",
        "en": "a choice card needs at least 2 choices",
    },
    "deck_file.too_many_choices": {
        "ko": "객관식 카드의 보기는 {limit}개까지예요 (보기마다 버튼 하나). "
              "몇 개를 빼거나 카드를 나눠 주세요",
        "en": "a choice card offers at most {limit} choices (one button each); "
              "drop some or split the card",
    },
    "deck_file.duplicate_choice": {
        "ko": "보기 {choice:`이} 두 번 나와요",
        "en": "choice `{choice}` appears twice",
    },
    "deck_file.answer_not_a_choice": {
        "ko": "정답 {answer:`은} 보기에 없어요",
        "en": "answer `{answer}` is not one of the choices",
    },
    "deck_file.control_character": {
        "ko": "{name}에 제어 문자가 들어 있어요 (`U+{code:04X}`). 지워 주세요",
        "en": "{name}: contains the control character U+{code:04X}; remove it",
    },
    "deck_file.bad_id": {
        "ko": "{name}에는 영문자, 숫자, `-`, `_`만 쓸 수 있어요 (최대 {limit}자)",
        "en": "{name} may only contain letters, digits, `-` and `_` (at most {limit} characters)",
    },
    "deck_file.bad_lines": {
        "ko": "{name:은} `[first, last]` 형식이고 `1 <= first <= last`여야 해요",
        "en": "{name} must be `[first, last]` with 1 <= first <= last",
    },
    "deck_file.other": {"ko": "{name}: {detail}", "en": "{name}: {detail}"},
    # -- cloze deletions ------------------------------------------------------------------------
    "deck_file.cloze_malformed": {
        "ko": "빈칸 표시가 잘못됐어요. `{{{{c1::answer}}}}`처럼 써 주세요",
        "en": "malformed cloze deletion; write it as `{{{{c1::answer}}}}`",
    },
    "deck_file.cloze_unclosed": {
        "ko": "빈칸 `{{{{c{face}::` 뒤에 닫는 `}}}}`이 없어요",
        "en": "`{{{{c{face}::` is never closed with `}}}}`",
    },
    "deck_file.cloze_nested": {
        "ko": "빈칸 안에 또 다른 `{{{{`를 넣을 수 없어요",
        "en": "a cloze deletion cannot contain another `{{{{`",
    },
    "deck_file.cloze_empty_answer": {
        "ko": "빈칸 `{{{{c{face}::…}}}}`의 답이 비어 있어요",
        "en": "`{{{{c{face}::…}}}}` has an empty answer",
    },
    "deck_file.cloze_none": {
        "ko": "빈칸 카드에는 `{{{{c1::answer}}}}` 같은 빈칸이 하나 이상 있어야 해요",
        "en": "cloze text needs at least one deletion like `{{{{c1::answer}}}}`",
    },
    "deck_file.cloze_number_too_big": {
        "ko": "빈칸 번호는 {limit}까지예요. `c1`, `c2`, … 순서로 번호를 붙여 주세요",
        "en": "cloze numbers go up to {limit}; number the deletions c1, c2, …",
    },
    "deck_file.cloze_number_zero": {
        "ko": "빈칸 번호는 1부터 시작해요. `{{{{c1::…}}}}`처럼 써 주세요",
        "en": "cloze numbers start at 1: use `{{{{c1::…}}}}`",
    },
    # -- `studybot deck review`: a card edited in the maintainer's editor ----------------------
    "deck_file.edit_not_yaml": {
        "ko": "YAML로 읽을 수 없어요: {detail}",
        "en": "not valid YAML: {detail}",
    },
    "deck_file.edit_not_one_card": {
        "ko": "카드 하나만 고쳐 주세요 (`id`와 `type`이 있는 매핑)",
        "en": "the edit must be one card (a mapping with `id` and `type`)",
    },
    "deck_file.edit_id_changed": {
        "ko": "카드 ID는 `{id}` 그대로 두어야 해요. 모든 학습 기록이 이 ID로 이어져 있어요",
        "en": "the card's id must stay {id}: it keys every learner's history",
    },
    # -- `studybot deck check`'s other lines ---------------------------------------------------
    "deck_check.summary": {
        "ko": "{path}: 문제없어요 — {parts}",
        "en": "{path}: ok — {parts}",
    },
    "deck_check.cards": {"ko": "카드 {n}장", "en": "{n} cards"},
    "deck_check.cards.one": {"ko": "카드 {n}장", "en": "{n} card"},
    "deck_check.kinds": {"ko": " ({kinds})", "en": " ({kinds})"},
    "deck_check.kind": {"ko": "{kind} {n}장", "en": "{kind} {n}"},
    "deck_check.type.basic": {"ko": "기본", "en": "basic"},
    "deck_check.type.choice": {"ko": "객관식", "en": "choice"},
    "deck_check.type.cloze": {"ko": "빈칸", "en": "cloze"},
    "deck_check.type.typed": {"ko": "주관식", "en": "typed"},
    "deck_check.faces": {"ko": "복습 항목 {n}개", "en": "{n} faces"},
    "deck_check.faces.one": {"ko": "복습 항목 {n}개", "en": "{n} face"},
    "deck_check.stale": {"ko": "출처가 사라진 카드 {n}장", "en": "{n} stale"},
    "deck_check.drafts": {
        "ko": "초안 {n}장 (승인하기 전에는 나오지 않아요)",
        "en": "{n} drafts (not served until accepted)",
    },
    "deck_check.drafts.one": {
        "ko": "초안 {n}장 (승인하기 전에는 나오지 않아요)",
        "en": "{n} draft (not served until accepted)",
    },
    "deck_check.no_decks_in_dir": {
        "ko": "{path}: 이 폴더에 *.yaml 덱 파일이 없어요",
        "en": "{path}: no *.yaml deck files in this directory",
    },
    "deck_check.no_such_path": {
        "ko": "{path}: 그런 파일이나 폴더가 없어요",
        "en": "{path}: no such file or directory",
    },
    # -- reloading into a running bot (bot.study.deck_loading) ----------------------------------
    "deck_file.deck_id_changed": {
        "ko": "덱 ID가 `{old}`에서 {new:`으로} 바뀌었어요. 학습 기록은 `{old}` 덱에 남아 있으니 "
              "`deck: {old}` 줄을 되돌려 주세요 (새 덱은 새 파일로 만들어요)",
        "en": "the deck id changed from {old!r} to {new!r}; learners' history is kept "
              "under {old!r}, so put `deck: {old}` back (a new deck needs a new file)",
    },
    "deck_file.deck_id_in_use": {
        "ko": "덱 ID {deck:`은} 이미 {path}에서 쓰고 있어요",
        "en": "deck id {deck!r} is already used by {path}",
    },
    "deck_file.storage_refused": {
        "ko": "데이터베이스가 이 덱을 받아들이지 않았어요 ({detail}). 아무것도 저장하지 않았고 "
              "이전 버전을 계속 써요. `studybot deck check`에서 걸렀어야 하는 문제라 알려 주세요",
        "en": "the database refused this deck ({detail}); nothing of it was stored and its "
              "previous version keeps serving. `studybot deck check` should have caught this: "
              "please report it",
    },
}
