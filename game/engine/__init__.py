"""The world and its turns, in pure Python (no Qt): hierarchy, quotas, moves, bots, events."""
