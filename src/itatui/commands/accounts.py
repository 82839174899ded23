"""(sub-commands of this area are added here)"""

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    pass
