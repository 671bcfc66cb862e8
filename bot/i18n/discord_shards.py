"""Messages of running several shards (``studybot run --shard-count N --shard-ids A,B``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "discord.run.shard_layout": {
        "ko": "샤드 설정이 맞지 않아요. --shard-ids를 쓰려면 --shard-count도 주고, "
              "각 번호는 0부터 (샤드 수 - 1)까지여야 해요. 예: --shard-count 4 --shard-ids 0,1",
        "en": "the shard options do not fit together: --shard-ids needs --shard-count, and "
              "each id is 0 to count - 1, e.g. --shard-count 4 --shard-ids 0,1",
    },
}
