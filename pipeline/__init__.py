"""thaiforms pipeline: read -> recognise/extract -> normalise -> validate -> export."""


def __getattr__(name):  # lazy: `import pipeline` stays light for workers and the CLI
    if name == "read_folder":
        from .api import read_folder
        return read_folder
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
