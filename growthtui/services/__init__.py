"""Use cases that combine the domain rules with the store."""
