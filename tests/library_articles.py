"""Two short news articles sharing a speaker, for the Library's tests (the reader's and the CLI's)."""

BRIDGE = ("# Council backs the new bridge\n\n"
          "“We have waited ten years for this bridge,” Mayor Ada Brook said.\n\n"
          "“It is too expensive,” said Councillor Ben Hale.\n")
SCHOOL = ("# Schools close for the storm\n\n"
          "“Stay home if you can,” Principal Cara Diaz said.\n\n"
          "“The bridge is closed too,” Mayor Ada Brook said.\n")
