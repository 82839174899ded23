"""Database layer: SQLModel tables, engine and sessions, one repository module per area. Never imports Textual."""
