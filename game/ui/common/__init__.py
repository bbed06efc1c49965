"""The common room of the window."""
