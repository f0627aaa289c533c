"""quotelens: read the news and see who said what."""

__version__ = "0.1.0"
