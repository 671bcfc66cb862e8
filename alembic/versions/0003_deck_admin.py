"""deck admin: reload results and the maintainers' log channel

Revision ID: 0003_deck_admin
Revises: 0002_study_groups
Create Date: 2026-11-25 10:10:00

Self-contained (no import of the app's models), so it keeps describing this
step even after the models move on.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_deck_admin"
down_revision: str | Sequence[str] | None = "0002_study_groups"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "deck_reloads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deck_id", sa.String(length=64), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("trigger", sa.String(length=16), nullable=False),
        sa.Column("by_user", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deck_reloads")),
    )
    with op.batch_alter_table("deck_reloads", schema=None) as batch_op:
        batch_op.create_index("ix_deck_reloads_deck_at", ["deck_id", "at"], unique=False)

    op.create_table(
        "deck_log_channels",
        sa.Column("guild_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("set_by", sa.BigInteger(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("guild_id", name=op.f("pk_deck_log_channels")),
    )


def downgrade() -> None:
    op.drop_table("deck_log_channels")
    with op.batch_alter_table("deck_reloads", schema=None) as batch_op:
        batch_op.drop_index("ix_deck_reloads_deck_at")
    op.drop_table("deck_reloads")
