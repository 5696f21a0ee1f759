"""sync: a host's own id for a case (external_id, unique when given), a stable order for
paging by change (cases by updated_at and id), and an expiry for API tokens

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 01:05:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_cases_external_id'), ['external_id'], unique=True)
        batch_op.create_index('ix_cases_updated_at_id', ['updated_at', 'id'], unique=False)

    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        # Tokens made before expiry existed keep working until revoked (NULL: no expiry).
        batch_op.add_column(sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_column('expires_at')

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_updated_at_id')
        batch_op.drop_index(batch_op.f('ix_cases_external_id'))
        batch_op.drop_column('external_id')
