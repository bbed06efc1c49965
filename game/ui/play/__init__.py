"""The play room of the window."""
