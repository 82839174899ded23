"""Screen 4: the salary-promotion committee records (one screen or form per file)."""
