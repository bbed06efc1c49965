"""The scenario language: models, safe loader with located errors, lint and JSON Schema."""
