"""The gateway's own database: users, their roles and refresh tokens (SQLAlchemy Core + Alembic)."""
