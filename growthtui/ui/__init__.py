"""The Textual app. Talks to the store and the domain, never to TinyDB or a file path."""
