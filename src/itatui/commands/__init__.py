"""Sub-commands of ``itatui``. Each module has ``register(subparsers)``; none imports Textual at module level."""
