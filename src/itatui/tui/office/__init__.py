"""The office area: units and the organisation's contact details (administrators)."""
