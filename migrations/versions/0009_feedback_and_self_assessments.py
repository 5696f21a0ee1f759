"""feedback and self assessments: what children, parents and carers say about how the work
feels (by principle), practitioners' own reflections against the principles, and the principal
social worker's service self-assessment with its actions

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 22:07:09.846321

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('self_assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('ratings', sa.JSON(), nullable=False),
    sa.Column('narratives', sa.JSON(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_self_assessments_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_self_assessments'))
    )
    with op.batch_alter_table('self_assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_self_assessments_period_end'), ['period_end'], unique=False)

    op.create_table('assessment_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('principle', sa.Integer(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['self_assessments.id'], name=op.f('fk_assessment_actions_assessment_id_self_assessments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_actions'))
    )
    with op.batch_alter_table('assessment_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_actions_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('reflections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('to_supervision', sa.Text(), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reflections_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reflections'))
    )
    with op.batch_alter_table('reflections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reflections_user_id'), ['user_id'], unique=False)

    op.create_table('feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('respondent', sa.String(length=10), nullable=False),
    sa.Column('carer_id', sa.Integer(), nullable=True),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('own_words', sa.Text(), nullable=False),
    sa.Column('share_beyond_case', sa.Boolean(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['carer_id'], ['carers.id'], name=op.f('fk_feedback_carer_id_carers')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_feedback_case_id_cases')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_feedback_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback'))
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_carer_id'), ['carer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_date'), ['date'], unique=False)



def downgrade():
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_date'))
        batch_op.drop_index(batch_op.f('ix_feedback_case_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_carer_id'))

    op.drop_table('feedback')
    with op.batch_alter_table('reflections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reflections_user_id'))

    op.drop_table('reflections')
    with op.batch_alter_table('assessment_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_actions_assessment_id'))

    op.drop_table('assessment_actions')
    with op.batch_alter_table('self_assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_self_assessments_period_end'))

    op.drop_table('self_assessments')
