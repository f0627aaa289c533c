"""Sub-commands of the ``quotelens`` command line; each module imports only what it needs."""
