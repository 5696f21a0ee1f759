"""flag category and confidence

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 22:40:00

Text flags carry the blame category the checker gave them and how sure it was (0-1).
Both stay empty for record-rule flags and for flags found before this revision.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('confidence', sa.Float(), nullable=True))


def downgrade():
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.drop_column('confidence')
        batch_op.drop_column('category')
