"""one open flag per finding; the service instance epoch

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-01 22:10:00

Two saves racing on one case could each open a flag for the same finding. Before the
unique index can exist, any such second open flag is resolved (the oldest open one is
kept, with its history). The epoch row is made here; a restore replaces it.
"""
import secrets

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None

OPEN = "status IN ('open', 'reopened')"


def upgrade():
    op.execute(
        "UPDATE flags SET status = 'resolved', resolved_at = CURRENT_TIMESTAMP "
        f"WHERE {OPEN} AND id NOT IN ("
        f"SELECT min(id) FROM flags WHERE {OPEN} GROUP BY case_id, finding_key)"
    )
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.create_index(
            'uq_flags_open_finding', ['case_id', 'finding_key'], unique=True,
            postgresql_where=sa.text(OPEN), sqlite_where=sa.text(OPEN),
        )
    op.create_table(
        'service_instance',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('epoch', sa.String(length=64), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_service_instance')),
    )
    op.execute(
        sa.text("INSERT INTO service_instance (id, epoch, started_at) "
                "VALUES (1, :epoch, CURRENT_TIMESTAMP)").bindparams(epoch=secrets.token_hex(16))
    )


def downgrade():
    op.drop_table('service_instance')
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.drop_index('uq_flags_open_finding')
