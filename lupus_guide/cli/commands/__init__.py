"""One module per command family. Each has ``COMMANDS``: name -> the command function (or, for a
group, its Typer app), which ``cli/group.py`` builds when the command line names it."""
