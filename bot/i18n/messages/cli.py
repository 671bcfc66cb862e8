"""Messages the command line prints before any front end runs: bad settings, unusable databases.

Each is one line an operator acts on.  None quotes the value at fault: it may
be a token pasted into the wrong variable, or a database URL with a password.
"""

from __future__ import annotations

from bot.i18n.messages import Table

MESSAGES: Table = {
    "settings.invalid.variable": {
        "ko": "{name} 값을 쓸 수 없어요. {expected} 환경 변수나 .env에서 고쳐 주세요.",
        "en": "{name} is not valid: {expected} Fix it in the environment or .env.",
    },
    "settings.invalid.option": {
        "ko": "{name} 값을 쓸 수 없어요. {expected}",
        "en": "{name} is not valid: {expected}",
    },
    "settings.invalid.file": {
        "ko": "{name} 파일을 읽을 수 없어요. {expected}",
        "en": "{name} cannot be read: {expected}",
    },
    "settings.expect.env_file": {
        "ko": "`NAME=value` 줄로 된, 읽을 수 있는 UTF-8 텍스트 파일이어야 해요.",
        "en": "it must be a readable UTF-8 text file of NAME=value lines.",
    },
    "settings.expect.settings": {
        "ko": "설정을 읽을 수 없어요.",
        "en": "the settings could not be read.",
    },
    "settings.expect.database_url": {
        "ko": "`sqlite+aiosqlite:///studybot.db`나 `postgresql+asyncpg://…`처럼 설치된 "
              "비동기 드라이버를 쓰는 데이터베이스 주소여야 해요.",
        "en": "it must be an SQLAlchemy URL of an installed async driver, such as "
              "sqlite+aiosqlite:///studybot.db or postgresql+asyncpg://….",
    },
    "settings.expect.decks_dir": {
        "ko": "덱 파일이 있는 폴더 경로여야 해요.",
        "en": "it must be the path of a folder of deck files.",
    },
    "settings.expect.language": {
        "ko": "ko 또는 en이어야 해요.",
        "en": "it must be ko or en.",
    },
    "settings.expect.timezone": {
        "ko": "Asia/Seoul 같은 시간대 이름이어야 해요.",
        "en": "it must be an IANA time zone name such as Asia/Seoul.",
    },
    "settings.expect.rollover_hour": {
        "ko": "0부터 23까지의 정수여야 해요.",
        "en": "it must be a whole number from 0 to 23.",
    },
    "settings.expect.new_per_day": {
        "ko": "0부터 {max_new}까지의 정수여야 해요.",
        "en": "it must be a whole number from 0 to {max_new}.",
    },
    "settings.expect.reviews_per_day": {
        "ko": "0부터 {max_reviews}까지의 정수여야 해요.",
        "en": "it must be a whole number from 0 to {max_reviews}.",
    },
    "settings.expect.log_level": {
        "ko": "`DEBUG`, `INFO`, `WARNING`, `ERROR`, `CRITICAL` 중 하나여야 해요.",
        "en": "it must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL.",
    },
    "settings.expect.discord_token": {
        "ko": "Discord 개발자 포털의 봇 토큰이어야 해요.",
        "en": "it must be the bot token from the Discord developer portal.",
    },
    "settings.expect.discord_api_base": {
        "ko": "`http://` 또는 `https://`로 시작하는 주소여야 해요.",
        "en": "it must be a URL starting with http:// or https://.",
    },
    "settings.expect.discord_gateway": {
        "ko": "`ws://` 또는 `wss://`로 시작하는 주소여야 해요.",
        "en": "it must be a URL starting with ws:// or wss://.",
    },
    "settings.expect.dev_guild_id": {
        "ko": "Discord 서버 ID(123456789012345678 같은 숫자)여야 해요.",
        "en": "it must be a Discord server id (a number such as 123456789012345678).",
    },
    "settings.expect.owner_ids": {
        "ko": "[123, 456]처럼 Discord 사용자 ID의 목록이어야 해요(최대 {max_owners}개).",
        "en": "it must be a list of Discord user ids such as [123, 456] "
              "(at most {max_owners}).",
    },
    "settings.expect.maintainer_role_id": {
        "ko": "Discord 역할 ID(123456789012345678 같은 숫자)여야 해요.",
        "en": "it must be a Discord role id (a number such as 123456789012345678).",
    },
    "settings.expect.guild_ready_timeout": {
        "ko": "0부터 {max_timeout:g}까지의 초 단위 숫자여야 해요.",
        "en": "it must be a number of seconds from 0 to {max_timeout:g}.",
    },
    "settings.expect.shard_count": {
        "ko": "1부터 {max_shards}까지의 정수여야 해요.",
        "en": "it must be a whole number from 1 to {max_shards}.",
    },
    "settings.expect.shard_ids": {
        "ko": "[0, 1]이나 0,1처럼 0 이상의 샤드 번호 목록이어야 해요.",
        "en": "it must be a list of shard numbers, 0 or more, such as [0, 1] or 0,1.",
    },
    "settings.expect.daily_grace_minutes": {
        "ko": "0부터 {max_grace}까지의 분 단위 정수여야 해요.",
        "en": "it must be a whole number of minutes from 0 to {max_grace}.",
    },
    "settings.expect.clock_file": {
        "ko": "파일 경로여야 해요.",
        "en": "it must be a file path.",
    },
    "settings.expect.loop_lag_monitor": {
        "ko": "`true` 또는 `false`여야 해요.",
        "en": "it must be true or false.",
    },
    "database.newer_schema": {
        "ko": "더 새로운 studybot이 마이그레이션한 데이터베이스예요({where}, 리비전 "
              "{revision}). studybot을 업데이트하거나 다른 데이터베이스를 써 주세요.",
        "en": "the database ({where}) was migrated by a newer studybot (revision {revision}): "
              "upgrade studybot or use another database.",
    },
    "database.read_only": {
        "ko": "데이터베이스에 쓸 수 없어요({where}). 파일과 그 폴더에 쓰기 권한을 주거나 "
              "쓸 수 있는 데이터베이스를 지정해 주세요.",
        "en": "the database ({where}) is read-only: give studybot write access to the file "
              "and its folder, or use a writable database.",
    },
    "database.damaged": {
        "ko": "데이터베이스 파일이 손상되었거나 데이터베이스가 아니에요({where}). 백업에서 "
              "복원하거나 다른 파일을 지정해 주세요.",
        "en": "the database file ({where}) is damaged or is not a database: restore it from "
              "a backup or use another file.",
    },
    "database.cannot_open": {
        "ko": "데이터베이스 파일을 열 수 없어요({where}). 폴더가 있는지, 쓸 수 있는지 "
              "확인해 주세요.",
        "en": "cannot open the database file ({where}): check that its folder exists and "
              "is writable.",
    },
}
