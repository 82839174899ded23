"""Presentation shared by the TUI, the CLI and the reports: Buddhist-Era dates and times, money and numbers in Thai
or Arabic digits, and the errors a user may see. Below the store, above the domain (see docs/architecture.md)."""
