"""The rule engine: the paper's framework as rules-as-data, evaluated over a game's events."""
