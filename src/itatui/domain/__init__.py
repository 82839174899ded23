"""Pure rules: Thai digits and dates, fiscal years, roles, risk matrix, complaint clock, ID check. No I/O, no UI."""
