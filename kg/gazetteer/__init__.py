"""Reference data the recognisers match against: provinces, towns, agencies, and the folding that
lets names match whatever their diacritics, case or separators. Plain data; nothing is read from disk."""
