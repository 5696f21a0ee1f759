"""one open flag per finding; the service instance epoch; idempotency keys

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 22:10:00

Two saves racing on one case could each open a flag for the same finding. Before the
unique index can exist, any such second open flag is resolved (the oldest open one is
kept, with its history). The epoch row is made here; a restore replaces it.
"""
import secrets

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
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

    op.create_table(
        'idempotency_keys',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=100), nullable=False),
        sa.Column('request_digest', sa.String(length=64), nullable=False),
        sa.Column('location', sa.String(length=500), nullable=False),
        sa.Column('status_code', sa.Integer(), nullable=True),
        sa.Column('body', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_idempotency_keys_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_keys')),
        sa.UniqueConstraint('user_id', 'key', name='uq_idempotency_keys_user_key'),
    )
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotency_keys_created_at'), ['created_at'],
                              unique=False)


def downgrade():
    op.drop_table('idempotency_keys')
    op.drop_table('service_instance')
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.drop_index('uq_flags_open_finding')
