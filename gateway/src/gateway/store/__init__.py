"""The gateway's own database: users and the organisation (departments, positions, groups, roles and
their profiles), refresh tokens, the audit log (SQLAlchemy Core + Alembic)."""
