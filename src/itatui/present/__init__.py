"""What every front end shows and reads the same way (TUI, CLI, reports): BE dates and Thai time, numbers and money
in Thai or Arabic digits (read exactly), baht in words, and ``UserError``, the base of every error a user may see.
Depends only on the message catalogue, so the domain's own errors can be ``UserError``s (see docs/architecture.md)."""
