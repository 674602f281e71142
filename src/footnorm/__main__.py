"""`python -m footnorm`: the same command line as the `footnorm` script."""

from footnorm.cli import main

main()
