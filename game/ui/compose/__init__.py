"""The compose room of the window."""
