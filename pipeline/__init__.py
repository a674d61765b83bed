"""thaiforms pipeline: read -> recognise/extract -> normalise -> validate -> export."""
