"""itatui: the anti-corruption plan, risk register, complaint desk and committee records of a Thai local government."""

__version__ = "0.1.0"
