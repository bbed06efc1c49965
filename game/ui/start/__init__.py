"""The start room of the window."""
