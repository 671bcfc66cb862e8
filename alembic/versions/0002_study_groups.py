"""study groups: daily questions, answers, reminders

Revision ID: 0002_study_groups
Revises: 0001_baseline
Create Date: 2026-11-25 09:40:00

Self-contained (no import of the app's models), so it keeps describing this
step even after the models move on.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_study_groups"
down_revision: str | Sequence[str] | None = "0001_baseline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "daily_configs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("deck_id", sa.String(length=64), nullable=False),
        sa.Column("post_time", sa.Time(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("reveal_after_minutes", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["deck_id"], ["decks.id"],
            name=op.f("fk_daily_configs_deck_id_decks"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_configs")),
        sa.UniqueConstraint("channel_id", name=op.f("uq_daily_configs_channel_id")),
    )
    with op.batch_alter_table("daily_configs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_daily_configs_guild_id"), ["guild_id"], unique=False)

    op.create_table(
        "daily_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("card_pk", sa.Integer(), nullable=True),
        sa.Column("face", sa.SmallInteger(), nullable=False),
        sa.Column("choice_order", sa.JSON(), nullable=True),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reveal_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revealed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["card_pk"], ["cards.pk"],
            name=op.f("fk_daily_posts_card_pk_cards"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_posts")),
        sa.UniqueConstraint("channel_id", "local_date", name=op.f("uq_daily_posts_channel_id")),
    )
    with op.batch_alter_table("daily_posts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_daily_posts_status_reveal", ["status", "reveal_due_at"], unique=False
        )

    op.create_table(
        "daily_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["daily_posts.id"],
            name=op.f("fk_daily_answers_post_id_daily_posts"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_answers")),
        sa.UniqueConstraint("post_id", "user_id", name=op.f("uq_daily_answers_post_id")),
    )
    with op.batch_alter_table("daily_answers", schema=None) as batch_op:
        batch_op.create_index("ix_daily_answers_user", ["user_id", "answered_at"], unique=False)

    op.create_table(
        "reminders",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("local_time", sa.Time(), nullable=False),
        sa.Column("last_sent_date", sa.Date(), nullable=True),
        sa.Column("disabled_reason", sa.String(length=32), nullable=True),
        sa.Column("notice_pending", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_reminders")),
    )


def downgrade() -> None:
    op.drop_table("reminders")
    with op.batch_alter_table("daily_answers", schema=None) as batch_op:
        batch_op.drop_index("ix_daily_answers_user")
    op.drop_table("daily_answers")
    with op.batch_alter_table("daily_posts", schema=None) as batch_op:
        batch_op.drop_index("ix_daily_posts_status_reveal")
    op.drop_table("daily_posts")
    with op.batch_alter_table("daily_configs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_daily_configs_guild_id"))
    op.drop_table("daily_configs")
