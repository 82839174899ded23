"""What every front end shows the same way (TUI, CLI, reports): BE dates and Thai time, numbers and money in Thai
or Arabic digits, baht in words, and the errors a user may see. Depends only on the message catalogue."""
