"""Data shipped with quotelens: the sample article."""
