"""Recognisers: each reads the sentences of a Document and adds mentions of one family of things."""
