from lupus_guide.cli import entry_point

entry_point()
