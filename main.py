"""Open the game, or run one of its headless commands (see `python main.py --help`)."""

import sys

from game.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
