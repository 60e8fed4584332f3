"""Database engine, typed models and the Alembic migrations that build them."""
